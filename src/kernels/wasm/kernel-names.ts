/**
 * The functions the kernel modules export (see assembly/index.ts). Workers receive a kernel
 * as an index into this list, so its order is the wire format between threads.
 */
export const KERNEL_NAMES = [
  'packB', 'gemmRows', 'matmulBatch',
  'im2colRows', 'col2imRows', 'addRun', 'conv2dRows', 'conv2dBackpropInputImages',
  'conv2dBackpropFilterSlices',
  'maxPool2dRows', 'maxPool2dBackprop', 'avgPool2dRows', 'avgPool2dBackpropImages',
  'unary', 'binary', 'biasAddRows', 'reduceMiddle', 'softmaxRows',
] as const;

export type KernelName = (typeof KERNEL_NAMES)[number];

/** Every kernel takes i32 arguments only (byte offsets, counts, flags) and returns nothing. */
export type KernelExports = Record<KernelName, (...args: number[]) => void>;

/** A kernel call: which function, with which arguments. */
export type KernelCall = readonly [KernelName, readonly number[]];

/**
 * A call over a range of `total` items (rows, images, panels) that threads take `chunk` at a
 * time: args[at] and args[at + 1] receive each chunk's [start, end). `args(t)` gives thread
 * t's argument list (its own scratch buffers); thread 0 is the caller.
 */
export interface ChunkedCall {
  readonly name: KernelName;
  readonly args: (thread: number) => readonly number[];
  readonly at: number;
  readonly total: number;
  readonly chunk: number;
}
