/**
 * The engine for browsers: everything in the library that runs without Node (no file system,
 * no sharp). Bundled to dist/web/convnet.js.
 *
 * @example
 * <script type="module">
 *   import { tensor, relu } from '/convnet.js';
 *   relu(tensor([-1, 2])).toArray(); // [0, 2]
 * </script>
 */
export * from '../dist/errors.js';
export { log, setLogLevel, getLogLevel, setLogSink, type LogLevel } from '../dist/log.js';
export * from '../dist/tensor/tensor.js';
export * from '../dist/tensor/autograd.js';
export * from '../dist/tensor/shape.js';
export { heap, type HeapStats } from '../dist/tensor/heap.js';
export * from '../dist/kernels/registry.js';
export * from '../dist/ops/index.js';
export * as explain from '../dist/explain/xo.js';
