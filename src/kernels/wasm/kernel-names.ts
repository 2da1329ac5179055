/**
 * The functions the kernel modules export (see assembly/index.ts). Workers receive a kernel
 * as an index into this list, so its order is the wire format between threads.
 */
export const KERNEL_NAMES = [
  'packB', 'gemmRows', 'matmulBatch',
  'im2colRows', 'col2imRows', 'addRun', 'conv2dRows', 'conv2dBackpropInputImages',
  'conv2dBackpropFilterRows',
  'maxPool2dRows', 'maxPool2dBackprop', 'avgPool2dRows', 'avgPool2dBackpropImages',
  'unary', 'binary', 'biasAddRows', 'reduceMiddle', 'softmaxRows',
] as const;

export type KernelName = (typeof KERNEL_NAMES)[number];

/** Every kernel takes i32 arguments only (byte offsets, counts, flags) and returns nothing. */
export type KernelExports = Record<KernelName, (...args: number[]) => void>;

/** A kernel call: which function, with which arguments. */
export type KernelCall = readonly [KernelName, readonly number[]];
