/**
 * What the CLI commands that run a saved model need to know about its input: the image size
 * and channels it expects and the shape one sample must take. `imageInput` accepts any image
 * model (grey MNIST-like or colour such as `convnet train DIR` writes); `mnistInput` only the
 * models that can read 28x28 MNIST digits.
 *
 * @example
 * imageInput(model); // { height: 150, width: 150, channels: 3, shape: [150, 150, 3] }
 * mnistInput(model); // { height: 28, width: 28, channels: 1, shape: [784] }
 */
import { ShapeError } from '../../errors.js';
import type { Model } from '../../models/model.js';
import { formatSymbolicShape } from '../../layers/symbolic-tensor.js';

export interface ImageInput {
  height: number;
  width: number;
  /** 1 (grey) or 3 (RGB). */
  channels: 1 | 3;
  /** One sample's shape: [h, w, c], [h, w] (grey) or [h * w] (grey, flattened square). */
  shape: number[];
}

/** The model's input as Python prints it, e.g. '(None, 150, 150, 3)' or '2 inputs'. */
export function describeInput(model: Model): string {
  const inputs = model.inputs;
  return inputs.length === 1 ? formatSymbolicShape(inputs[0]!.shape) : `${inputs.length} inputs`;
}

/**
 * The image input of `model`: [h, w, 1], [h, w, 3], [h, w] or a flattened square [h * w].
 * Anything else (several inputs, unknown sizes, 4 channels) gets a ShapeError.
 *
 * @example
 * const { height, width, channels, shape } = imageInput(await loadModel('cats.h5'));
 */
export function imageInput(model: Model): ImageInput {
  const found = fromShape(model);
  if (found === undefined) {
    throw new ShapeError(`model '${model.name}' takes ${describeInput(model)}; expected one ` +
      `image [height, width, channels] with 1 (grey) or 3 (RGB) channels, such as ` +
      `(None, 28, 28, 1), (None, 150, 150, 3) or a flattened square grey image (None, 784)`);
  }
  return found;
}

/**
 * The input of a model that reads 28x28 grey MNIST digits ([28, 28, 1], [28, 28] or [784]);
 * any other model gets a ShapeError that says why and what to use instead.
 *
 * @example
 * const { shape } = mnistInput(await loadModel('mnist.h5')); // [28, 28, 1]
 */
export function mnistInput(model: Model, command = 'evaluate'): ImageInput {
  const found = fromShape(model);
  if (found !== undefined && found.channels === 1 && found.height === 28 && found.width === 28) {
    return found;
  }
  throw new ShapeError(`convnet ${command} reads the MNIST test set (28x28 grey digits, as ` +
    `(None, 28, 28, 1) or (None, 784)), but model '${model.name}' takes ` +
    `${describeInput(model)}. For a model trained by 'convnet train DIR', use the validation ` +
    `score it printed at the end of training, or evaluate it in code with the library's ` +
    `model.evaluate(generator.flowFromDirectory(DIR, ...)).`);
}

function fromShape(model: Model): ImageInput | undefined {
  if (model.inputs.length !== 1) return undefined;
  const sample = model.inputs[0]!.shape.slice(1);
  if (!sample.every((d): d is number => d !== null && d > 0)) return undefined;
  const dims = sample as number[];

  if (dims.length === 3 && (dims[2] === 1 || dims[2] === 3)) {
    return { height: dims[0]!, width: dims[1]!, channels: dims[2], shape: dims };
  }
  if (dims.length === 2) return { height: dims[0]!, width: dims[1]!, channels: 1, shape: dims };
  const side = Math.round(Math.sqrt(dims[0] ?? 0));
  if (dims.length === 1 && side * side === dims[0]) {
    return { height: side, width: side, channels: 1, shape: dims };
  }
  return undefined;
}
