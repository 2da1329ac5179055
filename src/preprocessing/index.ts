/**
 * Data preprocessing, named as in Keras.
 *
 * @example
 * import { preprocessing } from 'convnet-ts';
 * const { ImageDataGenerator } = preprocessing.image;
 */
export * as image from './image/index.js';
