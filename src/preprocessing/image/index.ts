/**
 * Image preprocessing and augmentation (Keras' `preprocessing.image`).
 *
 * @example
 * import { preprocessing } from 'convnet-ts';
 * const datagen = new preprocessing.image.ImageDataGenerator({ rescale: 1 / 255 });
 */
export * from './image-data-generator.js';
export * from './array-iterator.js';
export * from './directory-iterator.js';
export * from './image-iterator.js';
export * from './affine-transform.js';
export * from './fill-mode.js';
export * from './transform-params.js';
export * from './load-image.js';
export * from './list-image-files.js';
export * from './sniff-image.js';
export * from './subset.js';
export { decodeBmp, type DecodedImage } from './decode-bmp.js';
export { decodeNetpbm } from './decode-netpbm.js';
