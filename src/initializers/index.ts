/** Weight initializers with Keras' names, defaults and formulas. */
export * from './initializer.js';
export * from './constant.js';
export * from './random.js';
export * from './variance-scaling.js';
export * from './orthogonal.js';
export * from './get-initializer.js';
