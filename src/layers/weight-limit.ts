/**
 * A bound on the size of each weight a layer creates, set while a model is rebuilt from a file
 * whose arrays are known: a config asking for far more (`units: 400000` beside a small kernel
 * in the file) is refused before the memory is allocated, naming the layer and the option.
 *
 * @example
 * const model = withWeightLimit({ maxSize: 100_352, source: 'mnist.keras' },
 *   () => modelFromJSON(config));
 */
import { ValueError } from '../errors.js';

export interface WeightLimit {
  /** The most values one weight may hold (the file's largest array). */
  maxSize: number;
  /** Names the file in errors. */
  source: string;
}

// Past this many values one Float32Array cannot be allocated at all.
const MAX_VALUES = 2 ** 31 - 1;

let current: WeightLimit | null = null;

/**
 * Runs `build` with every new weight bounded by `limit`.
 *
 * @example
 * withWeightLimit({ maxSize: 1000, source: 'w.h5' }, () => modelFromJSON(json));
 */
export function withWeightLimit<T>(limit: WeightLimit, build: () => T): T {
  const previous = current;
  current = limit;
  try {
    return build();
  } finally {
    current = previous;
  }
}

/**
 * Throws a ValueError worded around the layer's config when a weight of `shape` is not a
 * valid array or exceeds the current limit; `config` is the layer's config, searched for the
 * options that set the offending sizes.
 *
 * @example
 * checkWeightSize("Dense 'dense'", 'kernel', [784, 400000], { units: 400000 });
 */
export function checkWeightSize(layer: string, name: string, shape: readonly number[],
  config: () => Record<string, unknown>): void {
  const size = shape.reduce((a, b) => a * b, 1);
  const valid = shape.every((d) => Number.isSafeInteger(d) && d >= 0) && size <= MAX_VALUES;
  if (valid && (current === null || size <= current.maxSize)) return;

  const where = current === null ? '' : `${current.source}: `;
  const bound = valid ? `, but the largest array in the file has ${current!.maxSize}` :
    ' (not an array that can be allocated)';
  throw new ValueError(`${where}${layer}: the config asks for weight '${name}' of shape ` +
    `[${shape.join(', ')}] (${size} values)${bound}; ${optionsSetting(shape, config())}`);
}

function optionsSetting(shape: readonly number[], config: Record<string, unknown>): string {
  // The largest dimension is the one a hostile or mistyped option sets.
  const big = new Set([Math.max(2, ...shape)]);
  const hits = Object.entries(config).filter(([, v]) =>
    (typeof v === 'number' && big.has(v)) ||
    (Array.isArray(v) && v.some((x) => typeof x === 'number' && big.has(x))));
  if (hits.length === 0) return 'check the sizes in the layer\'s config';
  return `it comes from ${hits.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}`;
}
