// convnet-ts workloads: a matrix product, and models built with the Keras-style API trained
// with trainOnBatch. Usage: node bench/convnet-ts.mjs <threads> [--profile]
// Prints one JSON line of results.
import * as cn from '../dist/index.js';
import '../dist/kernels/wasm/auto.js';
import { setNumThreads, threadsReady } from '../dist/kernels/wasm/index.js';
import { batchTensors, convnet, mlp } from './convnet-ts-nets.mjs';
import { CONVNET, MATMUL_N, MLP, peakRssMiB, randomArray, timeIt } from './workloads.mjs';

const threads = Number(process.argv[2] ?? 1);
const profile = process.argv.includes('--profile');
setNumThreads(threads);
await threadsReady();

const results = { engine: 'convnet-ts', threads };

// Matrix product.
{
  const n = MATMUL_N;
  const a = cn.keep(cn.tensor(randomArray(n * n, 1), [n, n]));
  const b = cn.keep(cn.tensor(randomArray(n * n, 2), [n, n]));
  const ms = timeIt(() => cn.scope(() => { cn.matmul(a, b); }), { iterations: 3 });
  results.matmulGflops = 2 * n ** 3 / ms / 1e6;
}

// ConvNet training and inference.
{
  const model = convnet();
  const batches = [0, 1, 2].map((s) => batchTensors(CONVNET.trainBatch, [28, 28, 1], s));
  const step = (i) => { const b = batches[i % 3]; model.trainOnBatch(b.x, b.y); };
  const ms = timeIt(step, { warmup: 3, rounds: 3, iterations: 8 });
  results.convnetTrain = CONVNET.trainBatch / ms * 1000;

  const big = batchTensors(CONVNET.inferBatch, [28, 28, 1], 9);
  const inferMs = timeIt(() => cn.scope(() => { model.predictOnBatch(big.x); }),
    { rounds: 3, iterations: 4 });
  results.convnetInfer = CONVNET.inferBatch / inferMs * 1000;

  if (profile) results.profile = profileStep(() => step(0));
}

// MLP training.
{
  const model = mlp();
  const batches = [0, 1].map((s) => batchTensors(MLP.trainBatch, [784], s));
  const ms = timeIt((i) => { const b = batches[i % 2]; model.trainOnBatch(b.x, b.y); },
    { warmup: 3, rounds: 3, iterations: 10 });
  results.mlpTrain = MLP.trainBatch / ms * 1000;
}

results.peakRssMiB = peakRssMiB();
process.stdout.write(JSON.stringify(results) + '\n');
process.exit(0);

/**
 * Share of a training step's time per backend kernel: every method of the active backend is
 * wrapped with a timer for a few steps.
 */
function profileStep(step) {
  const b = cn.backend();
  const totals = new Map();
  const original = {};
  for (const key of Object.keys(b)) {
    if (typeof b[key] !== 'function') continue;
    original[key] = b[key];
    b[key] = (...args) => {
      const t = performance.now();
      const r = original[key].apply(b, args);
      totals.set(key, (totals.get(key) ?? 0) + performance.now() - t);
      return r;
    };
  }
  const steps = 10;
  const start = performance.now();
  for (let i = 0; i < steps; i++) step();
  const total = performance.now() - start;
  for (const key of Object.keys(original)) b[key] = original[key];
  const shares = { stepMs: total / steps };
  let kernels = 0;
  for (const [k, v] of totals) {
    shares[k] = v / total;
    kernels += v;
  }
  shares.outsideKernels = 1 - kernels / total;
  return shares;
}
