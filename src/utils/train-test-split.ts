/**
 * Splitting samples into a training and a test part, like scikit-learn's `train_test_split`.
 *
 * @example
 * const [xTrain, xTest, yTrain, yTest] = trainTestSplit(x, y, { testSize: 0.2, seed: 1 });
 */
import { ValueError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkSameLength, permutation } from './shuffle.js';
import { takeRows } from './take-rows.js';

export interface TrainTestSplitOptions {
  /** A fraction in (0, 1) (rounded up to whole samples) or a sample count. Default 0.25. */
  testSize?: number;
  /** Shuffle before splitting (default true); without it the test part is the last samples. */
  shuffle?: boolean;
  /** Seed for the shuffle; without it the global generator is used. */
  seed?: number;
}

/**
 * `[xTrain, xTest, yTrain, yTest]` (scikit-learn's order). With a fraction, the test part has
 * ceil(testSize * n) samples.
 *
 * @example
 * const [xTrain, xTest, yTrain, yTest] = trainTestSplit(x, y, { testSize: 0.25, seed: 3 });
 */
export function trainTestSplit(x: Tensor, y: Tensor, options: TrainTestSplitOptions = {}):
  [Tensor, Tensor, Tensor, Tensor] {
  checkSameLength('trainTestSplit', x, y);
  const n = x.shape[0]!;
  const nTest = testCount(n, options.testSize ?? 0.25);

  const order = options.shuffle === false
    ? Int32Array.from({ length: n }, (_, i) => i)
    : permutation(n, options.seed);
  // Unshuffled, the test part is the tail; shuffled, the head of the permutation.
  const test = options.shuffle === false ? order.subarray(n - nTest) : order.subarray(0, nTest);
  const train = options.shuffle === false ? order.subarray(0, n - nTest) : order.subarray(nTest);
  return [takeRows(x, train), takeRows(x, test), takeRows(y, train), takeRows(y, test)];
}

function testCount(n: number, testSize: number): number {
  const count = testSize < 1 ? Math.ceil(testSize * n) : testSize;
  if (!(testSize > 0) || !Number.isInteger(count) || count >= n) {
    throw new ValueError(`trainTestSplit: testSize ${testSize} with ${n} samples leaves ` +
      `${n - count} training and ${count} test samples; both parts need at least one ` +
      `(use a fraction in (0, 1) or a whole count below ${n})`);
  }
  return count;
}
