/**
 * Multi-hot encoding of integer sequences: the bag-of-words vectors of the classic review
 * classification example (each review becomes a 10,000-long vector with 1 at every word index
 * it contains).
 *
 * @example
 * multiHot([[1, 3], [0]], 4).toArray(); // [[0, 1, 0, 1], [1, 0, 0, 0]]
 */
import { ValueError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';

/**
 * A float32 tensor [sequences.length, dimension] with 1 where a sequence contains an index
 * (repeated indices still give 1).
 *
 * @example
 * const xTrain = multiHot(trainSequences, 10000);
 */
export function multiHot(sequences: ReadonlyArray<ArrayLike<number>>, dimension = 10000): Tensor {
  if (!Number.isInteger(dimension) || dimension < 1) {
    throw new ValueError(`multiHot: dimension must be an integer >= 1, got ${dimension}`);
  }
  const out = new Tensor([sequences.length, dimension], 'float32');
  const data = out.data;
  data.fill(0);
  sequences.forEach((sequence, row) => {
    for (let j = 0; j < sequence.length; j++) {
      const index = sequence[j]!;
      if (!Number.isInteger(index) || index < 0 || index >= dimension) {
        throw new ValueError(`multiHot: sequence ${row} holds index ${index} at position ${j}, ` +
          `outside 0..${dimension - 1}; raise dimension or drop rare words (numWords)`);
      }
      data[row * dimension + index] = 1;
    }
  });
  return out;
}
