// Per-layer kernel timings of the lecture ConvNet at batch 64 on the wasm backend, and a 512³
// GEMM for reference. Usage: node bench/kernels.mjs [threads]
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput } from '../dist/kernels/wasm/conv2d.js';
import { maxPool2d, maxPool2dBackprop } from '../dist/kernels/wasm/pool2d.js';
import { matmul } from '../dist/kernels/wasm/matmul.js';
import { heapRandom, heapZeros, heapInts, rng, useThreads } from '../dist/kernels/wasm/test-helpers.js';
const T = Number(process.argv[2] ?? 1);
await useThreads(T);
const best = (f, n = 15) => { f(); let b = 1e9; for (let i = 0; i < n; i++) { const s = performance.now(); f(); b = Math.min(b, performance.now() - s); } return b; };
const r = rng(1);
{ const n = 512; const a = heapRandom(n*n, r), b = heapRandom(n*n, r), c = heapZeros(n*n);
  const ms = best(() => matmul(a, b, c, 1, n, n, n, false, false, 0, 0));
  console.log('gemm512', (2*n**3/ms/1e6).toFixed(1), 'GF/s'); }
const B = 64;
for (const [H, C, F] of [[28, 1, 32], [13, 32, 64], [5, 64, 64]]) {
  const oh = H - 2;
  const g = { batch: B, inHeight: H, inWidth: H, inChannels: C, outHeight: oh, outWidth: oh, outChannels: F, kernelHeight: 3, kernelWidth: 3, strideHeight: 1, strideWidth: 1, dilationHeight: 1, dilationWidth: 1, padTop: 0, padLeft: 0 };
  const x = heapRandom(B*H*H*C, r), w = heapRandom(9*C*F, r), y = heapZeros(B*oh*oh*F), dy = heapRandom(y.length, r), dx = heapZeros(x.length), dw = heapZeros(w.length);
  const fl = 2 * B * oh * oh * F * 9 * C;
  const t1 = best(() => conv2d(x, w, y, g)), t2 = best(() => conv2dBackpropInput(dy, w, dx, g)), t3 = best(() => conv2dBackpropFilter(x, dy, dw, g));
  console.log(`conv ${H}x${C}->${F}: fwd ${t1.toFixed(2)}ms ${(fl/t1/1e6).toFixed(1)}GF/s  bwdIn ${t2.toFixed(2)}ms ${(fl/t2/1e6).toFixed(1)}  bwdW ${t3.toFixed(2)}ms ${(fl/t3/1e6).toFixed(1)}`);
  if (H > 5) {
    const ph = Math.floor(oh / 2);
    const pg = { batch: B, inHeight: oh, inWidth: oh, channels: F, outHeight: ph, outWidth: ph, poolHeight: 2, poolWidth: 2, strideHeight: 2, strideWidth: 2, padTop: 0, padLeft: 0 };
    const py = heapZeros(B*ph*ph*F), am = heapInts(py.length), pdx = heapZeros(y.length);
    const t4 = best(() => maxPool2d(y, py, am, pg)), t5 = best(() => maxPool2dBackprop(py, am, pdx));
    console.log(`  pool fwd ${t4.toFixed(2)}ms bwd ${t5.toFixed(2)}ms`);
  }
}
process.exit(0);
