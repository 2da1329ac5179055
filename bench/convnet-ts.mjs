// convnet-ts workloads, built from the library's ops (conv2d, maxPool2d, matmul, relu,
// logSoftmax, gradients). Usage: node bench/convnet-ts.mjs <threads> [--profile]
// Prints one JSON line of results.
import * as cn from '../dist/index.js';
import '../dist/kernels/wasm/auto.js';
import { setNumThreads, threadsReady } from '../dist/kernels/wasm/index.js';
import {
  CONVNET, MATMUL_N, MLP, RMSPROP, fakeBatch, peakRssMiB, randomArray, timeIt,
} from './workloads.mjs';

const threads = Number(process.argv[2] ?? 1);
const profile = process.argv.includes('--profile');
setNumThreads(threads);
await threadsReady();

function trainable(t) {
  t.requiresGrad = true;
  return cn.keep(t);
}

function param(shape, seed, fanIn) {
  const n = shape.reduce((a, b) => a * b, 1);
  return trainable(cn.tensor(randomArray(n, seed, Math.sqrt(6 / fanIn)), shape));
}

function convnetParams() {
  const ps = [];
  CONVNET.convs.forEach(([k, cin, cout], i) => {
    ps.push(param([k, k, cin, cout], 10 + i, k * k * cin), trainable(cn.zeros([cout])));
  });
  CONVNET.dense.forEach(([nin, nout], i) => {
    ps.push(param([nin, nout], 20 + i, nin), trainable(cn.zeros([nout])));
  });
  return ps;
}

function mlpParams() {
  return MLP.dense.flatMap(([nin, nout], i) =>
    [param([nin, nout], 30 + i, nin), trainable(cn.zeros([nout]))]);
}

function convnetLogits(ps, x) {
  let h = x;
  for (let i = 0; i < 3; i++) {
    h = cn.relu(cn.add(cn.conv2d(h, ps[2 * i]), ps[2 * i + 1]));
    if (i < 2) h = cn.maxPool2d(h, { poolSize: 2 });
  }
  h = cn.reshape(h, [h.shape[0], 576]);
  h = cn.relu(cn.add(cn.matmul(h, ps[6]), ps[7]));
  return cn.add(cn.matmul(h, ps[8]), ps[9]);
}

function mlpLogits(ps, x) {
  const h = cn.relu(cn.add(cn.matmul(x, ps[0]), ps[1]));
  return cn.add(cn.matmul(h, ps[2]), ps[3]);
}

function crossEntropy(logits, y) {
  return cn.neg(cn.mean(cn.sum(cn.mul(cn.logSoftmax(logits), y), -1)));
}

/** One RMSprop training step, written in place into the kept parameter tensors. */
function trainer(params, logitsOf) {
  const ms = params.map((p) => cn.keep(cn.zeros(p.shape)));
  const { learningRate: lr, rho, epsilon } = RMSPROP;
  return (x, y) => cn.scope(() => {
    const { grads } = cn.valueAndGradients(() => crossEntropy(logitsOf(params, x), y), params);
    cn.noGrad(() => params.forEach((p, i) => {
      const g = grads[i];
      const m = cn.add(cn.mul(ms[i], rho), cn.mul(cn.square(g), 1 - rho));
      const step = cn.div(cn.mul(g, lr), cn.add(cn.sqrt(m), epsilon));
      ms[i].f32.set(m.f32);
      p.f32.set(cn.sub(p, step).f32);
    }));
  });
}

function batchTensors(batch, imageShape, seed) {
  const { x, y } = fakeBatch(batch, seed);
  return { x: cn.keep(cn.tensor(x, [batch, ...imageShape])), y: cn.keep(cn.tensor(y, [batch, 10])) };
}

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
  const ps = convnetParams();
  const step = trainer(ps, convnetLogits);
  const batches = [0, 1, 2].map((s) => batchTensors(CONVNET.trainBatch, [28, 28, 1], s));
  const ms = timeIt((i) => { const b = batches[i % 3]; step(b.x, b.y); },
    { warmup: 3, rounds: 3, iterations: 8 });
  results.convnetTrain = CONVNET.trainBatch / ms * 1000;

  const big = batchTensors(CONVNET.inferBatch, [28, 28, 1], 9);
  const inferMs = timeIt(() => cn.scope(() => cn.noGrad(() => {
    cn.softmax(convnetLogits(ps, big.x));
  })), { rounds: 3, iterations: 4 });
  results.convnetInfer = CONVNET.inferBatch / inferMs * 1000;

  if (profile) results.profile = profileStep(() => { const b = batches[0]; step(b.x, b.y); });
}

// MLP training.
{
  const ps = mlpParams();
  const step = trainer(ps, mlpLogits);
  const batches = [0, 1].map((s) => batchTensors(MLP.trainBatch, [784], s));
  const ms = timeIt((i) => { const b = batches[i % 2]; step(b.x, b.y); },
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
