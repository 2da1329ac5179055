// 2-D convolution and its gradients on the WebAssembly kernels (assembly/conv.ts).
// x [n,h,w,cIn] · w [kh,kw,cIn,cOut] -> y [n,oh,ow,cOut]; im2col chunks feed the GEMM.
import type { Conv2DGeometry } from '../backend.js';
import { intBlock, Operands, scratch } from './memory.js';
import { kernels, threads } from './runtime.js';
import { chunkSize, threadsFor } from './split.js';
import { runChunked } from './thread-pool.js';

const NR = 16;
/** Rows per im2col chunk in the forward and input-gradient kernels (CHUNK in conv.ts). */
const CHUNK = 64;
/** Rows per chunk in the filter-gradient kernel (CHUNK_FILTER in conv.ts). */
const CHUNK_FILTER = 256;

function geometryBlock(g: Conv2DGeometry): number {
  return intBlock('conv:geometry', [g.batch, g.inHeight, g.inWidth, g.inChannels, g.outHeight,
    g.outWidth, g.outChannels, g.kernelHeight, g.kernelWidth, g.strideHeight, g.strideWidth,
    g.dilationHeight, g.dilationWidth, g.padTop, g.padLeft]);
}

const depth = (g: Conv2DGeometry) => g.kernelHeight * g.kernelWidth * g.inChannels;
const rowsOf = (g: Conv2DGeometry) => g.batch * g.outHeight * g.outWidth;
const padded = (n: number) => Math.ceil(n / NR) * NR;

/**
 * y = conv(x, w), plus bias and ReLU when given (fused into the GEMM's output step).
 * bias is [cOut] or null.
 *
 * @example
 * conv2dFused(x.f32, w.f32, bias.f32, y.f32, g, true); // Conv2D with activation 'relu'
 */
export function conv2dFused(x: Float32Array, w: Float32Array, bias: Float32Array | null,
  y: Float32Array, g: Conv2DGeometry, relu: boolean): void {
  const K = depth(g), N = g.outChannels, M = rowsOf(g);
  if (M === 0) return;
  const ops = new Operands();
  const px = ops.input(x), pw = ops.input(w), py = ops.output(y);
  const pBias = bias === null ? 0 : ops.input(bias);
  const packed = scratch('conv:w', padded(N) * K * 4);
  const geo = geometryBlock(g);
  const k = kernels();
  k.packB(pw, N, 1, K, N, packed, 0, padded(N) / NR);

  const t = threadsFor(2 * M * N * K, threads());
  runChunked(k, { name: 'conv2dRows', at: 6, total: M, chunk: chunkSize(M, t, CHUNK),
    args: (i) => [px, packed, py, pBias, relu ? 1 : 0, geo, 0, 0,
      scratch(`im2col:${i}`, CHUNK * K * 4)] }, t);
  ops.done();
}

/**
 * Backend.conv2d on the wasm kernels.
 *
 * @example
 * conv2d(x.f32, w.f32, y.f32, conv2dGeometry(x.shape, w.shape));
 */
export function conv2d(x: Float32Array, w: Float32Array, y: Float32Array,
  g: Conv2DGeometry): void {
  conv2dFused(x, w, null, y, g, false);
}

/**
 * dx = col2im(dy · wᵀ), split by images so that no two threads add into the same dx.
 *
 * @example
 * conv2dBackpropInput(dy.f32, w.f32, dx.f32, g);
 */
export function conv2dBackpropInput(dy: Float32Array, w: Float32Array, dx: Float32Array,
  g: Conv2DGeometry): void {
  const K = depth(g), N = g.outChannels;
  const ops = new Operands();
  const pdy = ops.input(dy), pw = ops.input(w), pdx = ops.output(dx);
  const packed = scratch('conv:wT', padded(K) * N * 4);
  const geo = geometryBlock(g);
  const k = kernels();
  // wᵀ [cOut, K]: element [f, j] sits at w[j * cOut + f].
  k.packB(pw, 1, N, N, K, packed, 0, padded(K) / NR);

  const t = threadsFor(2 * rowsOf(g) * N * K, threads());
  runChunked(k, { name: 'conv2dBackpropInputImages', at: 4, total: g.batch,
    chunk: chunkSize(g.batch, t),
    args: (i) => [pdy, packed, pdx, geo, 0, 0, scratch(`im2col:${i}`, CHUNK * K * 4)] }, t);
  ops.done();
}

/**
 * Slices the filter gradient's rows are summed in: at most this many, so that adding them up
 * stays cheap beside the product itself.
 */
const MAX_FILTER_SLICES = 16;

/**
 * dw = im2col(x)ᵀ · dy. The rows are cut into slices that depend on the geometry alone; each
 * slice is summed on its own and the slices are added up in order, so the gradient is the same
 * bits whichever thread took which slice and however many threads there are.
 *
 * @example
 * conv2dBackpropFilter(x.f32, dy.f32, dw.f32, g);
 */
export function conv2dBackpropFilter(x: Float32Array, dy: Float32Array, dw: Float32Array,
  g: Conv2DGeometry): void {
  const K = depth(g), N = g.outChannels, M = rowsOf(g);
  if (M === 0) {
    dw.fill(0);
    return;
  }
  const ops = new Operands();
  const px = ops.input(x), pdy = ops.input(dy), pdw = ops.output(dw);
  const geo = geometryBlock(g);
  const k = kernels();

  const slices = Math.min(MAX_FILTER_SLICES, Math.ceil(M / CHUNK_FILTER));
  const sliceRows = Math.ceil(M / slices / CHUNK_FILTER) * CHUNK_FILTER;
  const count = Math.ceil(M / sliceRows);
  const partials = scratch('conv:dw', Math.max(1, count - 1) * K * N * 4);
  const t = threadsFor(2 * M * N * K, threads());
  runChunked(k, { name: 'conv2dBackpropFilterSlices', at: 5, total: M, chunk: sliceRows,
    args: (i) => [px, pdy, pdw, partials, geo, 0, 0, scratch(`im2col:${i}`, CHUNK_FILTER * K * 4),
      scratch(`pack:${i}`, CHUNK_FILTER * padded(N) * 4), sliceRows] }, t);
  for (let s = 1; s < count; s++) k.addRun(pdw, partials + (s - 1) * K * N * 4, K * N);
  ops.done();
}
