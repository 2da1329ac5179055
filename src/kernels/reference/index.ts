/** The plain-TypeScript backend: slow, simple, and the oracle the fast kernels are tested against. */
import type { Backend } from '../backend.js';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput } from './conv.js';
import { binary, unary } from './elementwise.js';
import { matmul, transpose } from './matmul.js';
import { avgPool2d, avgPool2dBackprop, maxPool2d, maxPool2dBackprop } from './pool.js';
import { argMax, reduce } from './reduce.js';
import { biasAdd, logSoftmax, softmax } from './softmax.js';

export const referenceBackend: Backend = {
  name: 'reference',
  unary,
  binary,
  reduce,
  argMax,
  matmul,
  transpose,
  conv2d,
  conv2dBackpropInput,
  conv2dBackpropFilter,
  maxPool2d,
  maxPool2dBackprop,
  avgPool2d,
  avgPool2dBackprop,
  softmax,
  logSoftmax,
  biasAdd,
};
