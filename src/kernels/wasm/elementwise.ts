// Elementwise maps, broadcasting binary ops, bias + ReLU, reductions and softmax on the
// WebAssembly kernels (assembly/elementwise.ts, softmax.ts). Kinds the kernels do not cover
// (transcendental maps, comparisons, general broadcasting) go to the reference kernels.
import type { BinaryKernel, ReduceKernel, UnaryKernel } from '../backend.js';
import { referenceBackend } from '../reference/index.js';
import type { KernelCall } from './kernel-names.js';
import { Operands } from './memory.js';
import { kernels, threads } from './runtime.js';
import { chunkSize, splitRange, threadsFor } from './split.js';
import { runChunked, runParallel } from './thread-pool.js';

/** Kind numbers of assembly/elementwise.ts. */
const UNARY_KINDS: Partial<Record<UnaryKernel, number>> = {
  neg: 0, relu: 1, square: 2, sqrt: 3, abs: 4, step: 5, reciprocal: 6,
};
// squaredDifference stays in the reference: it rounds once, from float64, where float32
// arithmetic would round twice.
const BINARY_KINDS: Partial<Record<BinaryKernel, number>> = {
  add: 0, sub: 1, mul: 2, div: 3, maximum: 4, minimum: 5, greater: 6, less: 7, equal: 8,
};
/** Below this many elements the reference loop is as fast as a call into WebAssembly. */
const SMALL = 64;
/** Streaming one element costs about as much as this many flops of GEMM work. */
const STREAM_COST = 8;

/**
 * Backend.unary on the wasm kernels; other kinds or shapes use the reference.
 *
 * @example
 * unary('relu', x.f32, y.f32);
 */
export function unary(kind: UnaryKernel, x: Float32Array, out: Float32Array): void {
  const code = UNARY_KINDS[kind];
  if (code === undefined || x.length < SMALL) {
    referenceBackend.unary(kind, x, out);
    return;
  }
  const ops = new Operands();
  const px = ops.input(x), po = ops.output(out);
  const t = threadsFor(x.length * STREAM_COST, threads());
  runParallel(kernels(), splitRange(x.length, t, 16).map(([i0, i1]): KernelCall =>
    ['unary', [code, px + i0 * 4, po + i0 * 4, i1 - i0]]));
  ops.done();
}

/** How a broadcast binary op maps onto rows: see binary() in assembly/elementwise.ts. */
interface RowPlan { rows: number; cols: number; aStep: number; aOne: number; bStep: number;
  bOne: number }

function rowPlan(aLen: number, bShape: readonly number[], bLen: number,
  outShape: readonly number[], outLen: number): RowPlan | null {
  if (aLen !== outLen) return null;
  if (bLen === outLen) return { rows: 1, cols: outLen, aStep: 0, aOne: 0, bStep: 0, bOne: 0 };
  if (bLen === 1) return { rows: 1, cols: outLen, aStep: 0, aOne: 0, bStep: 0, bOne: 1 };
  const rank = outShape.length, lead = rank - bShape.length;
  const b = (d: number) => (d < lead ? 1 : bShape[d - lead]!);
  // b = [1, ..., 1, tail of out]: one row of b repeated.
  let split = 0;
  while (split < rank && b(split) === 1) split++;
  if (outShape.slice(split).every((s, i) => b(split + i) === s)) {
    const cols = bLen;
    return { rows: outLen / cols, cols, aStep: cols, aOne: 0, bStep: 0, bOne: 0 };
  }
  // b = [head of out, 1, ..., 1]: one value of b per row.
  let end = rank;
  while (end > 0 && b(end - 1) === 1) end--;
  if (outShape.slice(0, end).every((s, d) => b(d) === s)) {
    return { rows: bLen, cols: outLen / bLen, aStep: outLen / bLen, aOne: 0, bStep: 1, bOne: 1 };
  }
  return null;
}

function swapPlan(p: RowPlan): RowPlan {
  return { ...p, aStep: p.bStep, aOne: p.bOne, bStep: p.aStep, bOne: p.aOne };
}

/**
 * Backend.binary on the wasm kernels; other kinds or shapes use the reference.
 *
 * @example
 * binary('add', a.f32, [64, 10], b.f32, [10], out.f32, [64, 10]);
 */
export function binary(kind: BinaryKernel, a: Float32Array, aShape: readonly number[],
  b: Float32Array, bShape: readonly number[], out: Float32Array,
  outShape: readonly number[]): void {
  const code = BINARY_KINDS[kind];
  let plan: RowPlan | null = null;
  if (code !== undefined && out.length >= SMALL) {
    plan = rowPlan(a.length, bShape, b.length, outShape, out.length);
    if (plan === null) {
      plan = rowPlan(b.length, aShape, a.length, outShape, out.length);
      if (plan !== null) plan = swapPlan(plan);
    }
  }
  if (plan === null) {
    referenceBackend.binary(kind, a, aShape, b, bShape, out, outShape);
    return;
  }
  const ops = new Operands();
  const pa = ops.input(a), pb = ops.input(b), po = ops.output(out);
  const p = plan;
  const t = threadsFor(out.length * STREAM_COST, threads());
  // One long row is cut into column ranges; otherwise whole rows go to each thread.
  const calls = p.rows > 1
    ? splitRange(p.rows, t).map(([r0, r1]): KernelCall => ['binary', [code!,
      pa + r0 * p.aStep * 4, p.aStep, p.aOne, pb + r0 * p.bStep * 4, p.bStep, p.bOne,
      po + r0 * p.cols * 4, r1 - r0, p.cols]])
    : splitRange(p.cols, t, 16).map(([c0, c1]): KernelCall => ['binary', [code!,
      pa + (p.aOne ? 0 : c0 * 4), p.aStep, p.aOne, pb + (p.bOne ? 0 : c0 * 4), p.bStep, p.bOne,
      po + c0 * 4, p.rows, c1 - c0]]);
  runParallel(kernels(), calls);
  ops.done();
}

/**
 * Backend.reduce on the wasm kernels; other kinds or shapes use the reference.
 *
 * @example
 * reduce('sum', x.f32, 1, rows, cols, out.f32); // column sums
 */
export function reduce(kind: ReduceKernel, x: Float32Array, outer: number, axisLen: number,
  inner: number, out: Float32Array): void {
  if ((kind !== 'sum' && kind !== 'max') || axisLen === 0 || x.length < SMALL) {
    referenceBackend.reduce(kind, x, outer, axisLen, inner, out);
    return;
  }
  const ops = new Operands();
  const px = ops.input(x), po = ops.output(out);
  kernels().reduceMiddle(kind === 'sum' ? 0 : 1, px, outer, axisLen, inner, po);
  ops.done();
}

/**
 * Backend.biasAdd on the wasm kernels.
 *
 * @example
 * biasAdd(x.f32, bias.f32, y.f32, rows, cols, 'relu');
 */
export function biasAdd(x: Float32Array, bias: Float32Array, out: Float32Array, rows: number,
  cols: number, activation: 'linear' | 'relu'): void {
  const ops = new Operands();
  const px = ops.input(x), pb = ops.input(bias), po = ops.output(out);
  const relu = activation === 'relu' ? 1 : 0;
  const t = threadsFor(rows * cols * STREAM_COST, threads());
  runChunked(kernels(), { name: 'biasAddRows', at: 5, total: rows, chunk: chunkSize(rows, t),
    args: () => [px, pb, po, cols, relu, 0, 0] }, t);
  ops.done();
}

function softmaxRows(x: Float32Array, out: Float32Array, rows: number, cols: number,
  log: number): void {
  const ops = new Operands();
  const px = ops.input(x), po = ops.output(out);
  kernels().softmaxRows(px, po, cols, log, 0, rows);
  ops.done();
}

/**
 * Backend.softmax on the wasm kernels.
 *
 * @example
 * softmax(logits.f32, probs.f32, 64, 10);
 */
export function softmax(x: Float32Array, out: Float32Array, rows: number, cols: number): void {
  softmaxRows(x, out, rows, cols, 0);
}

/**
 * Backend.logSoftmax on the wasm kernels.
 *
 * @example
 * logSoftmax(logits.f32, out.f32, 64, 10);
 */
export function logSoftmax(x: Float32Array, out: Float32Array, rows: number, cols: number): void {
  softmaxRows(x, out, rows, cols, 1);
}
