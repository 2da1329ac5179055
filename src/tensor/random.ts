/**
 * One seedable random generator for the whole library, so that weight initialisation,
 * shuffling, dropout and augmentation are repeatable with {@link setSeed}.
 *
 * The generator is xoshiro128** (32-bit state words, fast in JavaScript), seeded through
 * splitmix32. Normal values use the Box-Muller transform.
 *
 * @example
 * setSeed(42);
 * const r = new Random(7);      // an independent stream, e.g. for a layer's own `seed`
 * r.uniform(); r.normal(0, 1); r.int(10);
 */

export class Random {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare: number | null = null;

  constructor(seed: number = Date.now() ^ (Math.random() * 2 ** 32)) {
    this.seed(seed);
  }

  /** Resets the stream to the start of `seed`'s sequence. */
  seed(seed: number): void {
    let x = seed >>> 0;
    const next = (): number => {
      // splitmix32: spreads any seed (even 0) over the four state words
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    this.spare = null;
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [min, max). */
  uniform(min = 0, max = 1): number {
    return min + (max - min) * (this.nextUint32() / 4294967296);
  }

  /** Normal with the given mean and standard deviation. */
  normal(mean = 0, stddev = 1): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return mean + stddev * v;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return mean + stddev * radius * Math.cos(2 * Math.PI * v);
  }

  /** Normal values redrawn until within two standard deviations (Keras' truncated normal). */
  truncatedNormal(mean = 0, stddev = 1): number {
    for (;;) {
      const z = this.normal();
      if (Math.abs(z) <= 2) return mean + stddev * z;
    }
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Shuffles an array in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[] | Int32Array | Uint32Array): typeof items {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }

  /** A new generator seeded from this one (for a sub-task that must not disturb this stream). */
  fork(): Random {
    return new Random(this.nextUint32());
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

let globalRandom = new Random();

/** Seeds the global generator: weight init, shuffling, dropout and augmentation repeat. */
export function setSeed(seed: number): void {
  globalRandom = new Random(seed);
}

/** The global generator. */
export function globalRng(): Random {
  return globalRandom;
}
