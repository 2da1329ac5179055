/**
 * Weight initializers with Keras' names, defaults and formulas.
 *
 * @example
 * getInitializer('glorot_uniform').apply([3, 3, 1, 8]);
 * new HeNormal({ seed: 42 }).sample([128, 10]); // Float32Array
 */
export {
  Initializer, computeFans, type InitializerConfig, type SerializedInitializer,
} from './initializer.js';
export { Constant, Ones, Zeros } from './constant.js';
export { RandomNormal, RandomUniform, TruncatedNormal } from './random.js';
export {
  GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, VarianceScaling,
  type FanMode, type ScalingDistribution, type VarianceScalingConfig,
} from './variance-scaling.js';
export { Identity, Orthogonal } from './orthogonal.js';
export { getInitializer, initializerNames, type InitializerIdentifier } from './get-initializer.js';
