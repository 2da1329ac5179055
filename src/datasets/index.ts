/**
 * Datasets that load without network access.
 *
 * @example
 * import { datasets } from 'convnet-ts';
 * const [[xTrain, yTrain], [xTest, yTest]] = datasets.mnist.loadData();
 */
export * as mnist from './mnist.js';
