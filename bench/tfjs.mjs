// TensorFlow.js workloads on one backend. Usage: node bench/tfjs.mjs <cpu|wasm>
// Prints one JSON line. Slow combinations run a single timed batch; failures are recorded.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as tfwasm from '@tensorflow/tfjs-backend-wasm';
import {
  CONVNET, MATMUL_N, MLP, RMSPROP, fakeBatch, peakRssMiB, randomArray,
} from './workloads.mjs';

const which = process.argv[2] ?? 'cpu';
const require = createRequire(import.meta.url);
if (which === 'wasm') {
  const binary = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  tfwasm.setWasmPaths(dirname(binary) + '/');
}
await tf.setBackend(which);
await tf.ready();
const results = { engine: `tfjs-${which}`, backend: tf.getBackend() };
const slow = which === 'cpu';

/** Best time in ms per call of fn over `iterations` calls after `warmup` calls. */
function time(fn, warmup, iterations) {
  for (let i = 0; i < warmup; i++) fn();
  let best = Infinity;
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function attempt(key, fn) {
  try {
    results[key] = fn();
  } catch (e) {
    results[key] = null;
    results[`${key}Error`] = String(e.message ?? e).split('\n')[0].slice(0, 160);
  }
}

// V8 first runs WebAssembly through a baseline compiler and optimizes functions once they
// have been called often enough; a few long calls never get there. Warm up with many small
// calls so that tfjs-wasm is measured at its optimized speed.
tf.tidy(() => {
  const a = tf.ones([128, 128]);
  for (let i = 0; i < 50; i++) tf.matMul(a, a).dataSync();
});

attempt('matmulGflops', () => {
  const n = MATMUL_N;
  const a = tf.tensor2d(randomArray(n * n, 1), [n, n]);
  const b = tf.tensor2d(randomArray(n * n, 2), [n, n]);
  // (Disposing explicitly: inside tf.tidy the wasm backend ran this 10x slower here.)
  const ms = time(() => {
    const c = tf.matMul(a, b);
    c.dataSync();
    c.dispose();
  }, 1, slow ? 2 : 5);
  return 2 * n ** 3 / ms / 1e6;
});

function variable(shape, seed, fanIn) {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.variable(tf.tensor(randomArray(n, seed, Math.sqrt(6 / fanIn)), shape));
}

const convVars = [];
CONVNET.convs.forEach(([k, cin, cout], i) => {
  convVars.push(variable([k, k, cin, cout], 10 + i, k * k * cin), tf.variable(tf.zeros([cout])));
});
CONVNET.dense.forEach(([nin, nout], i) => {
  convVars.push(variable([nin, nout], 20 + i, nin), tf.variable(tf.zeros([nout])));
});

function convnetLogits(x) {
  let h = x;
  for (let i = 0; i < 3; i++) {
    h = tf.relu(tf.add(tf.conv2d(h, convVars[2 * i], 1, 'valid'), convVars[2 * i + 1]));
    if (i < 2) h = tf.maxPool(h, 2, 2, 'valid');
  }
  h = tf.reshape(h, [h.shape[0], 576]);
  h = tf.relu(tf.add(tf.matMul(h, convVars[6]), convVars[7]));
  return tf.add(tf.matMul(h, convVars[8]), convVars[9]);
}

const mlpVars = MLP.dense.flatMap(([nin, nout], i) =>
  [variable([nin, nout], 30 + i, nin), tf.variable(tf.zeros([nout]))]);
function mlpLogits(x) {
  const h = tf.relu(tf.add(tf.matMul(x, mlpVars[0]), mlpVars[1]));
  return tf.add(tf.matMul(h, mlpVars[2]), mlpVars[3]);
}

function trainStep(logitsOf, vars, x, y, optimizer) {
  optimizer.minimize(() => tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(logitsOf(x)), y), -1))),
    false, vars);
}

const { learningRate, rho, epsilon } = RMSPROP;

attempt('convnetTrain', () => {
  const batch = CONVNET.trainBatch, { x, y } = fakeBatch(batch, 0);
  const xs = tf.tensor4d(x, [batch, 28, 28, 1]), ys = tf.tensor2d(y, [batch, 10]);
  const opt = tf.train.rmsprop(learningRate, rho, 0, epsilon);
  // The cpu backend needs ~20 s per batch here: one untimed and one timed batch only.
  const ms = time(() => tf.tidy(() => trainStep(convnetLogits, convVars, xs, ys, opt)),
    1, slow ? 1 : 5);
  return batch / ms * 1000;
});

attempt('convnetInfer', () => {
  const batch = CONVNET.inferBatch, { x } = fakeBatch(batch, 9);
  const xs = tf.tensor4d(x, [batch, 28, 28, 1]);
  const ms = time(() => tf.tidy(() => tf.softmax(convnetLogits(xs)).dataSync()), 1, slow ? 2 : 5);
  return batch / ms * 1000;
});

attempt('mlpTrain', () => {
  const batch = MLP.trainBatch, { x, y } = fakeBatch(batch, 0);
  const xs = tf.tensor2d(x, [batch, 784]), ys = tf.tensor2d(y, [batch, 10]);
  const opt = tf.train.rmsprop(learningRate, rho, 0, epsilon);
  const ms = time(() => tf.tidy(() => {
    trainStep(mlpLogits, mlpVars, xs, ys, opt);
    mlpVars[0].dataSync();
  }), 2, slow ? 3 : 8);
  return batch / ms * 1000;
});

results.peakRssMiB = peakRssMiB();
process.stdout.write(JSON.stringify(results) + '\n');
process.exit(0);
