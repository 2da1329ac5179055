/**
 * Random tensors from the library's one seedable generator (src/tensor/random.ts). Without a
 * seed they draw from the global generator, so `setSeed` makes a whole program repeatable;
 * with a seed (or a `Random`) they draw from that stream alone.
 *
 * @example
 * randomUniform([2, 3], -1, 1, 42);   // the same values on every run
 * randomNormal([100], 0, 0.05);       // from the global generator
 * truncatedNormal([3, 3], 0, 1, new Random(7));
 */
import { ValueError } from '../errors.js';
import { Random, globalRng } from '../tensor/random.js';
import { Tensor, type Shape } from '../tensor/tensor.js';

/** A seed, a generator, or nothing (the global generator). */
export type SeedLike = number | Random | null | undefined;

/** The generator a seed-like argument stands for. */
export function rngFrom(seed: SeedLike): Random {
  if (seed instanceof Random) return seed;
  return seed === null || seed === undefined ? globalRng() : new Random(seed);
}

function filled(shape: Shape, draw: () => number): Tensor {
  const t = new Tensor(shape);
  const d = t.f32;
  for (let i = 0; i < d.length; i++) d[i] = draw();
  return t;
}

/** Uniform values in [min, max). */
export function randomUniform(shape: Shape, min = 0, max = 1, seed?: SeedLike): Tensor {
  if (!(min <= max)) {
    throw new ValueError(`randomUniform: min (${min}) is greater than max (${max})`);
  }
  const rng = rngFrom(seed);
  return filled(shape, () => rng.uniform(min, max));
}

/** Normally distributed values. */
export function randomNormal(shape: Shape, mean = 0, stddev = 1, seed?: SeedLike): Tensor {
  checkStddev(stddev, 'randomNormal');
  const rng = rngFrom(seed);
  return filled(shape, () => rng.normal(mean, stddev));
}

/**
 * Normal values redrawn until within two standard deviations of the mean, as Keras'
 * `TruncatedNormal`; the spread is about 0.88 of `stddev`.
 */
export function truncatedNormal(shape: Shape, mean = 0, stddev = 1, seed?: SeedLike): Tensor {
  checkStddev(stddev, 'truncatedNormal');
  const rng = rngFrom(seed);
  return filled(shape, () => rng.truncatedNormal(mean, stddev));
}

function checkStddev(stddev: number, op: string): void {
  if (!(stddev >= 0)) throw new ValueError(`${op}: stddev must be >= 0, got ${stddev}`);
}
