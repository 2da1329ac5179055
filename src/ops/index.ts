/** Every differentiable op, re-exported from one place. */
export * from './binary.js';
export * from './matmul.js';
export * from './reduce.js';
export * from './reshape.js';
export * from './unary.js';
export * from './conv2d.js';
export * from './pool.js';
export * from './softmax.js';
export * from './transpose.js';
