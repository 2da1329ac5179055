/**
 * Data pipeline pieces that are not images: the batch-sequence protocol, read-ahead and
 * k-fold cross-validation.
 *
 * @example
 * import { kFold } from 'convnet-ts';
 * for (const { train, validation } of kFold(100, 5)) console.log(train.length); // 80
 */
export * from './sequence.js';
export * from './prefetch.js';
export * from './k-fold.js';
export * from './cross-validate.js';
