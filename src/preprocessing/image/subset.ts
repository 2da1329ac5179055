/**
 * Which part of a list the `subset` option selects, with Keras' rule for generators: with
 * validationSplit s, 'validation' is items [0, int(s n)) and 'training' is [int(s n), n). This
 * is the FIRST fraction, the opposite of fit({ validationSplit }), which takes the last.
 *
 * @example
 * subsetRange(8, 0.25, 'validation'); // [0, 2]
 * subsetRange(8, 0.25, 'training');   // [2, 8]
 */
import { ValueError } from '../../errors.js';

export type Subset = 'training' | 'validation';

/**
 * The [start, stop) range of `n` items in the subset (all items without a subset).
 *
 * @example
 * subsetRange(10, 0.2, undefined); // [0, 10]
 */
export function subsetRange(n: number, validationSplit: number, subset: Subset | undefined):
  [number, number] {
  if (subset === undefined) return [0, n];
  if (subset !== 'training' && subset !== 'validation') {
    throw new ValueError(`subset must be 'training' or 'validation', got '${String(subset)}'`);
  }
  if (!validationSplit) {
    throw new ValueError(`subset '${subset}' needs ImageDataGenerator({ validationSplit }) ` +
      `to be set (a fraction in (0, 1))`);
  }
  // Python's int() truncates the float product: int(0.25 * 8) = 2.
  const cut = Math.trunc(validationSplit * n);
  return subset === 'validation' ? [0, cut] : [cut, n];
}
