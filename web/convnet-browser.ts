/**
 * The library for browsers: everything that runs without Node (no file system, no sharp):
 * the engine, layers, models, training, Keras .h5 and .keras reading and writing from bytes,
 * and the "see inside" helpers. Bundled to dist/web/convnet.js.
 *
 * @example
 * <script type="module">
 *   import { initWasmBackend, loadModelFromBuffer, layerActivations } from '/convnet.js';
 *   await initWasmBackend(); // optional: the reference kernels work everywhere
 *   const bytes = new Uint8Array(await (await fetch('/api/model.h5')).arrayBuffer());
 *   const net = await loadModelFromBuffer(bytes, { label: 'model.h5' });
 *   net.summary(console.log);
 * </script>
 */
export * from '../dist/errors.js';
export { log, setLogLevel, getLogLevel, setLogSink, type LogLevel } from '../dist/log.js';
export * from '../dist/tensor/tensor.js';
export * from '../dist/tensor/autograd.js';
export * from '../dist/tensor/shape.js';
export { heap, type HeapStats } from '../dist/tensor/heap.js';
export { Random, setSeed, globalRng } from '../dist/tensor/random.js';
export * from '../dist/kernels/registry.js';
export {
  initWasmBackend, getNumThreads, setNumThreads, threadsReady,
} from '../dist/kernels/wasm/index.js';
export * from '../dist/ops/index.js';
export * as layers from '../dist/layers/index.js';
export {
  sequential, model, Sequential, Model, modelFromJSON, summaryLines, type ModelJSON,
} from '../dist/models/index.js';
export * as optimizers from '../dist/optimizers/index.js';
export * as losses from '../dist/losses/index.js';
export * as metrics from '../dist/metrics/index.js';
export { Callback, type Logs } from '../dist/callbacks/callback.js';
export { History } from '../dist/callbacks/history.js';
export {
  loadModelFromBuffer, saveModelToBuffer, loadWeightsFromBuffer, saveWeightsToBuffer,
  type LoadModelOptions, type SaveOptions,
} from '../dist/io/h5/model-io.js';
export { readKerasArchive, writeKerasArchive } from '../dist/io/keras3/keras-archive.js';
export { readKerasH5Bytes } from '../dist/io/h5/keras-h5-reader.js';
export { writeKerasH5ToBytes } from '../dist/io/h5/keras-h5-writer.js';
export type { KerasH5Content } from '../dist/io/h5/keras-h5-content.js';
export {
  layerActivations, activationModel, activationLayers, sampleActivations, type LayerOutput,
} from '../dist/explain/layer-activations.js';
export { activationTiles, type LayerActivation } from '../dist/explain/activation-tiles.js';
export { toMnist, MNIST_SIZE } from '../dist/explain/mnist-downsample.js';
export * as explain from '../dist/explain/xo.js';
