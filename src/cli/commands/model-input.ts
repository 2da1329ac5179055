/**
 * What the CLI commands that run a saved model need to know about its input: the size of the
 * square grey image it expects and the shape a batch of those images must take.
 *
 * @example
 * imageInput(model); // { side: 28, shape: [28, 28, 1] } or { side: 28, shape: [784] }
 */
import { ShapeError } from '../../errors.js';
import type { Model } from '../../models/model.js';
import { formatSymbolicShape } from '../../layers/symbolic-tensor.js';

export interface ImageInput {
  /** Height and width of the image. */
  side: number;
  /** One sample's shape: [side, side, 1], [side, side] or [side * side]. */
  shape: number[];
}

/**
 * The grey-image input of `model`, from its input shape; a model that does not take one
 * square grey image (colour, several inputs, unknown sizes) gets a ShapeError.
 *
 * @example
 * const { side, shape } = imageInput(await loadModel('mnist.h5'));
 */
export function imageInput(model: Model): ImageInput {
  const inputs = model.inputs;
  const sample = inputs[0]?.shape.slice(1) ?? [];
  const dims = sample.filter((d): d is number => d !== null);
  const size = dims.reduce((a, b) => a * b, 1);
  const side = Math.round(Math.sqrt(size));
  const grey = sample.length === 1 || sample.length === 2 || (sample.length === 3 && sample[2] === 1);
  if (inputs.length !== 1 || dims.length !== sample.length || !grey || side * side !== size) {
    throw new ShapeError(`model '${model.name}' takes ${inputs.length === 1
      ? formatSymbolicShape(inputs[0]!.shape) : `${inputs.length} inputs`}; expected one square ` +
      `grey image such as (None, 28, 28, 1) or (None, 784)`);
  }
  return { side, shape: dims };
}
