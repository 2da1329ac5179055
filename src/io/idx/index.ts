/** The IDX format (MNIST-style files): reading, writing and tensor conversion. */
export * from './idx-format.js';
export * from './parse-idx.js';
export * from './read-idx.js';
export * from './write-idx.js';
export * from './idx-tensor.js';
