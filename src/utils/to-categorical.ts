/**
 * One-hot encoding of integer class labels, like Keras' `to_categorical`.
 *
 * @example
 * toCategorical([0, 2, 1], 3).toArray(); // [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
 */
import { ValueError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';

/**
 * Float32 one-hot rows [...labelShape, numClasses] for integer labels (a tensor, array or
 * typed array). A trailing axis of size 1 is dropped first, as in Keras: [n, 1] gives [n, k].
 * `numClasses` defaults to the largest label + 1.
 *
 * @example
 * const yTrainOneHot = toCategorical(yTrain, 10); // [60000, 10]
 */
export function toCategorical(labels: Tensor | ArrayLike<number>, numClasses?: number): Tensor {
  const values = labels instanceof Tensor ? labels.data : labels;
  let shape = labels instanceof Tensor ? [...labels.shape] : [values.length];
  if (shape.length > 1 && shape[shape.length - 1] === 1) shape = shape.slice(0, -1);

  let largest = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || v < 0) {
      throw new ValueError(`toCategorical: labels must be integers >= 0, got ${v} at index ${i}`);
    }
    largest = Math.max(largest, v);
  }
  const k = numClasses ?? largest + 1;
  if (largest >= k) {
    throw new ValueError(`toCategorical: label ${largest} does not fit numClasses = ${k} ` +
      `(labels must be 0..${k - 1})`);
  }

  const out = new Tensor([...shape, k], 'float32');
  const data = out.data;
  data.fill(0);
  for (let i = 0; i < values.length; i++) data[i * k + values[i]!] = 1;
  return out;
}
