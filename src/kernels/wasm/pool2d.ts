// Max and average pooling on the WebAssembly kernels (assembly/pool.ts), over NHWC input.
import type { Pool2DGeometry } from '../backend.js';
import { intBlock, Operands } from './memory.js';
import { kernels, threads } from './runtime.js';
import { chunkSize, threadsFor } from './split.js';
import { runChunked } from './thread-pool.js';

function geometryBlock(g: Pool2DGeometry): number {
  return intBlock('pool:geometry', [g.batch, g.inHeight, g.inWidth, g.channels, g.outHeight,
    g.outWidth, g.poolHeight, g.poolWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft]);
}

/** Pooling is memory-bound: count a load per window element as the "work". */
function poolThreads(g: Pool2DGeometry): number {
  const reads = g.batch * g.outHeight * g.outWidth * g.channels * g.poolHeight * g.poolWidth;
  return threadsFor(reads * 8, threads());
}

/**
 * Backend.maxPool2d: SIMD across channels, output rows split between threads.
 *
 * @example
 * maxPool2d(x.f32, y.f32, winners, pool2dGeometry(x.shape, { poolSize: 2 }, 'maxPool2d'));
 */
export function maxPool2d(x: Float32Array, y: Float32Array, argMax: Int32Array,
  g: Pool2DGeometry): void {
  const ops = new Operands();
  const px = ops.input(x), py = ops.output(y), pa = ops.output(argMax);
  const geo = geometryBlock(g);
  const rows = g.batch * g.outHeight, t = poolThreads(g);
  runChunked(kernels(), { name: 'maxPool2dRows', at: 4, total: rows,
    chunk: chunkSize(rows, t), args: () => [px, py, pa, geo, 0, 0] }, t);
  ops.done();
}

/**
 * Backend.maxPool2dBackprop: scatters dy onto the winners recorded by maxPool2d.
 *
 * @example
 * maxPool2dBackprop(dy.f32, winners, dx.f32);
 */
export function maxPool2dBackprop(dy: Float32Array, argMax: Int32Array, dx: Float32Array): void {
  const ops = new Operands();
  const pdy = ops.input(dy), pa = ops.input(argMax), pdx = ops.output(dx);
  kernels().maxPool2dBackprop(pdy, pa, pdx, dy.length, dx.length);
  ops.done();
}

/**
 * Backend.avgPool2d: window means, SIMD across channels.
 *
 * @example
 * avgPool2d(x.f32, y.f32, g);
 */
export function avgPool2d(x: Float32Array, y: Float32Array, g: Pool2DGeometry): void {
  const ops = new Operands();
  const px = ops.input(x), py = ops.output(y);
  const geo = geometryBlock(g);
  const rows = g.batch * g.outHeight, t = poolThreads(g);
  runChunked(kernels(), { name: 'avgPool2dRows', at: 3, total: rows,
    chunk: chunkSize(rows, t), args: () => [px, py, geo, 0, 0] }, t);
  ops.done();
}

/**
 * Backend.avgPool2dBackprop, split by images: windows of one image only add into its dx.
 *
 * @example
 * avgPool2dBackprop(dy.f32, dx.f32, g);
 */
export function avgPool2dBackprop(dy: Float32Array, dx: Float32Array, g: Pool2DGeometry): void {
  const ops = new Operands();
  const pdy = ops.input(dy), pdx = ops.output(dx);
  const geo = geometryBlock(g);
  const t = poolThreads(g);
  runChunked(kernels(), { name: 'avgPool2dBackpropImages', at: 3, total: g.batch,
    chunk: chunkSize(g.batch, t), args: () => [pdy, pdx, geo, 0, 0] }, t);
  ops.done();
}
