/**
 * Inverted dropout, with Keras semantics: during training each value is zeroed with
 * probability `rate` and the kept ones are scaled by 1 / (1 - rate), so the expected value of
 * every element is unchanged and inference needs no rescaling.
 *
 * @example
 * dropout(x, 0.5);                       // about half the values 0, the rest doubled
 * dropout(x, 0.2, new Random(7));        // repeatable
 * dropout(images, 0.5, rng, [null, 1, 1, null]); // one draw per image and channel
 */
import { ValueError } from '../errors.js';
import { broadcastShapes, formatShape } from '../tensor/shape.js';
import { globalRng, type Random } from '../tensor/random.js';
import { Tensor, type Shape } from '../tensor/tensor.js';
import { mul } from './binary.js';

/**
 * A float32 mask of `shape`: 0 with probability `rate`, else 1 / (1 - rate). A value is kept
 * when its uniform draw u in [0, 1) satisfies u >= rate.
 *
 * @example
 * dropoutMask([2, 3], 0.5, new Random(1)); // values 0 or 2
 */
export function dropoutMask(shape: Shape, rate: number, rng: Random = globalRng()): Tensor {
  checkRate(rate);
  const mask = new Tensor(shape);
  const m = mask.f32;
  const scale = 1 / (1 - rate);
  for (let i = 0; i < m.length; i++) m[i] = rng.uniform() >= rate ? scale : 0;
  return mask;
}

/**
 * x times a dropout mask. `noiseShape` (Keras `noise_shape`) draws one decision per element
 * of a smaller, broadcastable shape; a null entry takes x's size on that axis. A rate of 0
 * returns x itself.
 */
export function dropout(x: Tensor, rate: number, rng: Random = globalRng(),
  noiseShape?: ReadonlyArray<number | null>): Tensor {
  checkRate(rate);
  if (rate === 0) return x;
  const shape = noiseShape === undefined ? x.shape : resolveNoiseShape(x.shape, noiseShape);
  return mul(x, dropoutMask(shape, rate, rng));
}

function resolveNoiseShape(shape: Shape, noiseShape: ReadonlyArray<number | null>): number[] {
  if (noiseShape.length !== shape.length) {
    throw new ValueError(`dropout: noiseShape [${noiseShape.join(', ')}] must have one entry ` +
      `per axis of the input ${formatShape(shape)}`);
  }
  const resolved = noiseShape.map((d, i) => d ?? shape[i]!);
  broadcastShapes(shape, resolved, 'dropout noiseShape');
  return resolved;
}

function checkRate(rate: number): void {
  if (!(rate >= 0 && rate < 1)) {
    throw new ValueError(`dropout: rate must be in [0, 1) (the fraction of values dropped), ` +
      `got ${rate}`);
  }
}
