/**
 * The 'wasm' backend: WebAssembly SIMD kernels, multithreaded over the shared heap, for the
 * heavy kernels; the reference kernels for the rest (transpose, argMax, rarely used maps).
 *
 * @example
 * import { setBackend } from 'convnet-ts';
 * setBackend('wasm'); // the default in Node; 'reference' switches back to plain TypeScript
 */
import type { Backend } from '../backend.js';
import { referenceBackend } from '../reference/index.js';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput, conv2dFused } from './conv2d.js';
import { biasAdd, binary, logSoftmax, reduce, softmax, unary } from './elementwise.js';
import { matmul } from './matmul.js';
import { avgPool2d, avgPool2dBackprop, maxPool2d, maxPool2dBackprop } from './pool2d.js';

/** The wasm backend, plus a fused convolution + bias + ReLU that layers may call directly. */
export interface WasmBackend extends Backend {
  /** y = conv(x, w) + bias, then ReLU when relu is true; one pass over y. */
  conv2dFused: typeof conv2dFused;
}

export const wasmBackend: WasmBackend = {
  name: 'wasm',
  unary,
  binary,
  reduce,
  argMax: referenceBackend.argMax,
  matmul,
  transpose: referenceBackend.transpose,
  conv2d,
  conv2dBackpropInput,
  conv2dBackpropFilter,
  conv2dFused,
  maxPool2d,
  maxPool2dBackprop,
  avgPool2d,
  avgPool2dBackprop,
  softmax,
  logSoftmax,
  biasAdd,
};
