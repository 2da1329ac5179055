// Per-layer kernel timings of the lecture ConvNet at batch 64 on the wasm backend, with a
// 512³ GEMM for reference. Usage: node bench/kernels.mjs [threads]
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput } from '../dist/kernels/wasm/conv2d.js';
import { matmul } from '../dist/kernels/wasm/matmul.js';
import { maxPool2d, maxPool2dBackprop } from '../dist/kernels/wasm/pool2d.js';
import {
  heapInts, heapRandom, heapZeros, rng, useThreads,
} from '../dist/kernels/wasm/test-helpers.js';

await useThreads(Number(process.argv[2] ?? 1));
const next = rng(1);
const BATCH = 64;

/** Best wall time of one call, in ms, over 15 calls after one warm-up. */
function best(fn, calls = 15) {
  fn();
  let min = Infinity;
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const rate = (flops, ms) => `${ms.toFixed(2)} ms, ${(flops / ms / 1e6).toFixed(1)} GFLOP/s`;

{
  const n = 512;
  const a = heapRandom(n * n, next), b = heapRandom(n * n, next), c = heapZeros(n * n);
  console.log(`gemm 512³: ${rate(2 * n ** 3, best(() => matmul(a, b, c, 1, n, n, n, false,
    false, 0, 0)))}`);
}

for (const [size, cin, cout] of [[28, 1, 32], [13, 32, 64], [5, 64, 64]]) {
  const out = size - 2;
  const g = { batch: BATCH, inHeight: size, inWidth: size, inChannels: cin, outHeight: out,
    outWidth: out, outChannels: cout, kernelHeight: 3, kernelWidth: 3, strideHeight: 1,
    strideWidth: 1, dilationHeight: 1, dilationWidth: 1, padTop: 0, padLeft: 0 };
  const x = heapRandom(BATCH * size * size * cin, next), w = heapRandom(9 * cin * cout, next);
  const y = heapZeros(BATCH * out * out * cout), dy = heapRandom(y.length, next);
  const dx = heapZeros(x.length), dw = heapZeros(w.length);
  const flops = 2 * BATCH * out * out * cout * 9 * cin;
  console.log(`conv ${size}x${size}x${cin} -> ${cout}: ` +
    `forward ${rate(flops, best(() => conv2d(x, w, y, g)))}; ` +
    `input gradient ${rate(flops, best(() => conv2dBackpropInput(dy, w, dx, g)))}; ` +
    `filter gradient ${rate(flops, best(() => conv2dBackpropFilter(x, dy, dw, g)))}`);
  if (size === 5) continue;

  const half = Math.floor(out / 2);
  const pg = { batch: BATCH, inHeight: out, inWidth: out, channels: cout, outHeight: half,
    outWidth: half, poolHeight: 2, poolWidth: 2, strideHeight: 2, strideWidth: 2, padTop: 0,
    padLeft: 0 };
  const py = heapZeros(BATCH * half * half * cout), winners = heapInts(py.length);
  const pdx = heapZeros(y.length);
  const forward = best(() => maxPool2d(y, py, winners, pg));
  const backward = best(() => maxPool2dBackprop(py, winners, pdx));
  console.log(`  max pooling 2x2: forward ${forward.toFixed(2)} ms, ` +
    `backward ${backward.toFixed(2)} ms`);
}
process.exit(0);
