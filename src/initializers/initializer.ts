/**
 * The base of every weight initializer, and the fan computation the variance-scaling family
 * shares. Initializers are named and configured as in Keras, so that a model saved by Keras
 * (class name + config) rebuilds the same initializer here.
 *
 * @example
 * const w = new GlorotUniform({ seed: 1 }).apply([3, 3, 1, 8]);
 * computeFans([3, 3, 1, 8]); // { fanIn: 9, fanOut: 72 }
 */
import { ValueError } from '../errors.js';
import { Random, globalRng } from '../tensor/random.js';
import { formatShape, sizeOf } from '../tensor/shape.js';
import { Tensor, type DType, type Shape, type TypedArray } from '../tensor/tensor.js';

/** A Keras config: the constructor arguments under their Keras (snake_case) names. */
export type InitializerConfig = Record<string, unknown>;

/** How Keras saves an initializer inside a layer config. */
export interface SerializedInitializer {
  class_name: string;
  config: InitializerConfig;
}

export abstract class Initializer {
  /** The Keras class name, as saved in model configs ('GlorotUniform'). */
  abstract readonly className: string;
  /** True for initializers whose values are exact integers (they may fill int32 tensors). */
  protected readonly integerValues: boolean = false;

  /**
   * Writes the values for a weight of `shape` into `out`. Random initializers draw from `rng`
   * unless they were given a seed, in which case every call gives the same values (Keras 3).
   */
  protected abstract fill(out: TypedArray, shape: Shape, rng: Random): void;

  /** A new tensor of `shape` with this initializer's values (unseeded: the global generator). */
  apply(shape: Shape, dtype: DType = 'float32'): Tensor {
    if (!this.integerValues) requireFloat(dtype, this.className, shape);
    const t = new Tensor(shape, dtype);
    this.fill(t.data, shape, globalRng());
    return t;
  }

  /** The values as a plain Float32Array outside the tensor heap, drawn from `rng` if unseeded. */
  sample(shape: Shape, rng: Random = globalRng()): Float32Array {
    const out = new Float32Array(sizeOf(shape));
    this.fill(out, shape, rng);
    return out;
  }

  /** The Keras config of this initializer ({ seed: null } and the like). */
  getConfig(): InitializerConfig {
    return {};
  }

  /** The { class_name, config } form Keras writes into model files. */
  serialize(): SerializedInitializer {
    return { class_name: this.className, config: this.getConfig() };
  }
}

/** The generator to draw from: a fresh stream for a seeded initializer, else `rng`. */
export function streamFor(seed: number | null, rng: Random): Random {
  return seed === null ? rng : new Random(seed);
}

/**
 * Fan-in and fan-out of a weight shape, as Keras computes them: a dense kernel [in, out] has
 * fanIn = in and fanOut = out; a convolution kernel [kh, kw, in, out] multiplies both by the
 * receptive field kh * kw; a vector [n] has both n; a scalar has both 1.
 */
export function computeFans(shape: Shape): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0]!, fanOut: shape[0]! };
  const receptiveField = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return {
    fanIn: shape[shape.length - 2]! * receptiveField,
    fanOut: shape[shape.length - 1]! * receptiveField,
  };
}

/** Throws unless `dtype` is float32: random values have no integer form here, as in Keras. */
export function requireFloat(dtype: DType, where: string, shape: Shape): void {
  if (dtype !== 'float32') {
    throw new ValueError(`${where}: can only fill float32 tensors, got ${dtype} for ` +
      `${formatShape(shape)}`);
  }
}

/** A seed read from a config: a finite number, or null for "use the global generator". */
export function seedOf(value: unknown, where: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${where}: seed must be a number or null, got ${JSON.stringify(value)}`);
  }
  return value;
}
