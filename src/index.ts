/**
 * convnet-ts: convolutional neural networks in TypeScript with a Keras-shaped API.
 */
export * from './errors.js';
export { log, setLogLevel, getLogLevel, setLogSink, type LogLevel } from './log.js';
export * from './tensor/tensor.js';
export * from './tensor/autograd.js';
export * from './tensor/shape.js';
export { heap, type HeapStats } from './tensor/heap.js';
export * from './kernels/registry.js';
export type { Backend, Conv2DGeometry, Pool2DGeometry } from './kernels/backend.js';
export * from './ops/index.js';
export * as plot from './plot/index.js';
export {
  arrayToImage, saveImage, imageGrid, type ImageLike, type RawImage, type ValueScale,
  type ArrayToImageOptions, type SaveImageOptions, type ImageGridOptions,
} from './utils/image.js';
