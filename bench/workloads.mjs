// Shared definitions of the benchmark workloads, so that every engine runs the same thing.
import { spawnSync } from 'node:child_process';

/** A Python interpreter that has PyTorch, or null when none has. */
export function torchPython() {
  // Debian's python3-torch lives in the system interpreter, which a pyenv shim may hide.
  for (const p of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(p, ['-c', 'import torch']).status === 0) return p;
  }
  return null;
}

/** The lecture's MNIST ConvNet: 93,322 parameters. */
export const CONVNET = {
  name: 'ConvNet',
  // [kernel, inChannels, outChannels] of the three 3x3 convolutions, then the dense layers.
  convs: [[3, 1, 32], [3, 32, 64], [3, 64, 64]],
  dense: [[576, 64], [64, 10]],
  params: 93322,
  trainBatch: 64,
  inferBatch: 256,
};

/** The lecture's MLP: 784 -> 512 relu -> 10 softmax. */
export const MLP = { name: 'MLP', dense: [[784, 512], [512, 10]], trainBatch: 128 };

export const MATMUL_N = 1024;

/** RMSprop settings used by every engine's update step. */
export const RMSPROP = { learningRate: 0.001, rho: 0.9, epsilon: 1e-7 };

/**
 * Times `step` (called with the iteration index): `warmup` untimed calls, then the best of
 * `rounds` rounds of `iterations` calls each, in milliseconds per call. Best-of keeps the
 * numbers stable on a machine that other jobs share.
 */
export function timeIt(step, { warmup = 2, rounds = 3, iterations = 5 } = {}) {
  for (let i = 0; i < warmup; i++) step(i);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) step(i);
    best = Math.min(best, (performance.now() - start) / iterations);
  }
  return best;
}

/** Deterministic pseudo-random floats in [-scale, scale). */
export function randomArray(n, seed, scale = 1) {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 4294967296 * 2 - 1) * scale;
  }
  return out;
}

/** Fake MNIST-shaped batch: images in [0, 1), one-hot labels. */
export function fakeBatch(batch, seed) {
  const x = randomArray(batch * 784, seed).map((v) => (v + 1) / 2);
  const y = new Float32Array(batch * 10);
  for (let i = 0; i < batch; i++) y[i * 10 + ((i * 7 + seed) % 10)] = 1;
  return { x, y };
}

/** Peak resident set size of this process in MiB. */
export function peakRssMiB() {
  return process.resourceUsage().maxRSS / 1024;
}
