// Entry point of the kernel modules: everything exported here is callable from TypeScript.
// Every export takes only i32 arguments (byte offsets, counts, flags), so that a worker can
// call it from an argument list in shared memory.
export { packB, gemmRows, matmulBatch } from './gemm';
export {
  im2colRows, col2imRows, addRun, conv2dRows, conv2dBackpropInputImages,
  conv2dBackpropFilterSlices,
} from './conv';
export { maxPool2dRows, maxPool2dBackprop, avgPool2dRows, avgPool2dBackpropImages } from './pool';
export { unary, binary, biasAddRows, reduceMiddle } from './elementwise';
export { softmaxRows } from './softmax';
