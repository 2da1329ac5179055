/** Models: Sequential and functional, and their JSON form. */
export { Model, model, type ModelArgs, type ModelInput } from './model.js';
export { Sequential, sequential, type SequentialArgs } from './sequential.js';
export { modelFromJSON } from './model-from-json.js';
export type { ModelJSON, LayerJSON } from './model-json.js';
export { summaryLines } from './summary.js';
