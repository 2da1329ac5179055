/**
 * Weight initializers with Keras' names, formulas and serialized form. Layers accept a name
 * ('glorotUniform', 'glorot_uniform', 'heNormal'...) or an {@link Initializer}.
 *
 * Fans follow Keras: a Dense kernel [in, out] has fanIn = in, fanOut = out; a Conv2D kernel
 * [kh, kw, in, out] multiplies both by the receptive field kh*kw.
 *
 * @example
 * const init = getInitializer('heNormal');
 * const values = init.sample([3, 3, 1, 32], globalRng()); // Float32Array
 */
import { ValueError } from '../errors.js';
import { sizeOf } from '../tensor/shape.js';
import { Random, globalRng } from '../tensor/random.js';

export interface InitializerConfig {
  class_name: string;
  config: Record<string, unknown>;
}

export interface Initializer {
  readonly className: string;
  /** Values for a weight of `shape`, drawn from `rng` unless the initializer has a seed. */
  sample(shape: readonly number[], rng?: Random): Float32Array;
  getConfig(): InitializerConfig;
}

type Distribution = 'uniform' | 'truncatedNormal' | 'normal';
type FanMode = 'fanIn' | 'fanOut' | 'fanAvg';

function fans(shape: readonly number[]): [number, number] {
  if (shape.length < 1) return [1, 1];
  if (shape.length === 1) return [shape[0]!, shape[0]!];
  if (shape.length === 2) return [shape[0]!, shape[1]!];
  const receptive = sizeOf(shape.slice(0, -2));
  return [shape[shape.length - 2]! * receptive, shape[shape.length - 1]! * receptive];
}

/** Keras' VarianceScaling, which glorot, he and lecun initializers specialise. */
class VarianceScaling implements Initializer {
  constructor(readonly className: string, private readonly scale: number,
    private readonly mode: FanMode, private readonly distribution: Distribution,
    private readonly seed: number | null) {}

  sample(shape: readonly number[], rng: Random = globalRng()): Float32Array {
    const r = this.seed === null ? rng : new Random(this.seed);
    const [fanIn, fanOut] = fans(shape);
    const fan = this.mode === 'fanIn' ? fanIn : this.mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2;
    const variance = this.scale / Math.max(1, fan);
    const out = new Float32Array(sizeOf(shape));
    if (this.distribution === 'uniform') {
      const limit = Math.sqrt(3 * variance);
      for (let i = 0; i < out.length; i++) out[i] = r.uniform(-limit, limit);
    } else if (this.distribution === 'truncatedNormal') {
      // Stddev of a unit normal truncated to [-2, 2], so the result has the wanted variance.
      const stddev = Math.sqrt(variance) / 0.87962566103423978;
      for (let i = 0; i < out.length; i++) out[i] = r.truncatedNormal(0, stddev);
    } else {
      const stddev = Math.sqrt(variance);
      for (let i = 0; i < out.length; i++) out[i] = r.normal(0, stddev);
    }
    return out;
  }

  getConfig(): InitializerConfig {
    return { class_name: this.className, config: { seed: this.seed } };
  }
}

class Constant implements Initializer {
  constructor(readonly className: string, private readonly value: number) {}

  sample(shape: readonly number[]): Float32Array {
    return new Float32Array(sizeOf(shape)).fill(this.value);
  }

  getConfig(): InitializerConfig {
    const config = this.className === 'Constant' ? { value: this.value } : {};
    return { class_name: this.className, config };
  }
}

class RandomDistribution implements Initializer {
  constructor(readonly className: 'RandomNormal' | 'RandomUniform' | 'TruncatedNormal',
    private readonly a: number, private readonly b: number, private readonly seed: number | null) {}

  sample(shape: readonly number[], rng: Random = globalRng()): Float32Array {
    const r = this.seed === null ? rng : new Random(this.seed);
    const out = new Float32Array(sizeOf(shape));
    for (let i = 0; i < out.length; i++) {
      out[i] = this.className === 'RandomUniform' ? r.uniform(this.a, this.b)
        : this.className === 'RandomNormal' ? r.normal(this.a, this.b) : r.truncatedNormal(this.a, this.b);
    }
    return out;
  }

  getConfig(): InitializerConfig {
    const config = this.className === 'RandomUniform'
      ? { minval: this.a, maxval: this.b, seed: this.seed }
      : { mean: this.a, stddev: this.b, seed: this.seed };
    return { class_name: this.className, config };
  }
}

type Factory = (config: Record<string, unknown>) => Initializer;
const seedOf = (c: Record<string, unknown>): number | null => (typeof c.seed === 'number' ? c.seed : null);
const num = (c: Record<string, unknown>, key: string, fallback: number): number =>
  (typeof c[key] === 'number' ? c[key] as number : fallback);

const FACTORIES: Record<string, Factory> = {
  GlorotUniform: (c) => new VarianceScaling('GlorotUniform', 1, 'fanAvg', 'uniform', seedOf(c)),
  GlorotNormal: (c) => new VarianceScaling('GlorotNormal', 1, 'fanAvg', 'truncatedNormal', seedOf(c)),
  HeUniform: (c) => new VarianceScaling('HeUniform', 2, 'fanIn', 'uniform', seedOf(c)),
  HeNormal: (c) => new VarianceScaling('HeNormal', 2, 'fanIn', 'truncatedNormal', seedOf(c)),
  LecunUniform: (c) => new VarianceScaling('LecunUniform', 1, 'fanIn', 'uniform', seedOf(c)),
  LecunNormal: (c) => new VarianceScaling('LecunNormal', 1, 'fanIn', 'truncatedNormal', seedOf(c)),
  Zeros: () => new Constant('Zeros', 0),
  Ones: () => new Constant('Ones', 1),
  Constant: (c) => new Constant('Constant', num(c, 'value', 0)),
  RandomNormal: (c) => new RandomDistribution('RandomNormal', num(c, 'mean', 0), num(c, 'stddev', 0.05), seedOf(c)),
  RandomUniform: (c) => new RandomDistribution('RandomUniform', num(c, 'minval', -0.05), num(c, 'maxval', 0.05), seedOf(c)),
  TruncatedNormal: (c) => new RandomDistribution('TruncatedNormal', num(c, 'mean', 0), num(c, 'stddev', 0.05), seedOf(c)),
};

/** 'glorot_uniform' / 'glorotUniform' / 'GlorotUniform' -> 'glorotuniform'. */
const canonical = (name: string): string => name.replace(/_/g, '').toLowerCase();
const BY_CANONICAL = new Map(Object.keys(FACTORIES).map((k) => [canonical(k), k]));

export type InitializerIdentifier = string | Initializer | InitializerConfig;

/** Resolves a name, a serialized config or an initializer object. */
export function getInitializer(id: InitializerIdentifier): Initializer {
  if (typeof id === 'object' && 'sample' in id) return id;
  const name = typeof id === 'string' ? id : id.class_name;
  const config = typeof id === 'string' ? {} : id.config ?? {};
  const key = BY_CANONICAL.get(canonical(name));
  if (key === undefined) {
    throw new ValueError(`unknown initializer '${name}'; known: ${Object.keys(FACTORIES).join(', ')}`);
  }
  return FACTORIES[key]!(config);
}
