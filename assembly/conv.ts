// 2-D convolution (NHWC input, HWIO filter) and its two gradients, as GEMMs over im2col rows.
//
// Row m of the im2col matrix is an output position (b, oy, ox); column k is a filter tap
// (ky, kx, c). The matrix is never built whole: each call expands a chunk of rows into a
// scratch buffer that stays in cache, then runs the GEMM on it. With an HWIO filter the
// weights already are the [K, outC] right-hand side.
import { gemmRows, packB, NR } from './gemm';

// Field offsets (in i32) of the geometry block written by TypeScript.
const BATCH = 0, IN_H = 1, IN_W = 2, IN_C = 3, OUT_H = 4, OUT_W = 5, OUT_C = 6;
const K_H = 7, K_W = 8, S_H = 9, S_W = 10, D_H = 11, D_W = 12, PAD_T = 13, PAD_L = 14;

/** Rows per forward chunk: a multiple of the 4-row tile. */
const CHUNK: i32 = 64;
/** Rows per filter-gradient chunk: they are the GEMM's depth there. */
const CHUNK_FILTER: i32 = 256;

// @ts-ignore: decorator
@inline function geo(g: usize, field: i32): i32 {
  return load<i32>(g + (<usize>field << 2));
}

/** Number of columns of the im2col matrix: kh * kw * inC. */
export function im2colWidth(g: usize): i32 {
  return geo(g, K_H) * geo(g, K_W) * geo(g, IN_C);
}

/** Copies n floats. Runs are short (one pixel's channels): a vector loop beats memory.copy. */
// @ts-ignore: decorator
@inline function copyRun(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(dst + o, v128.load(src + o));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(dst + o, load<f32>(src + o));
  }
}

/** Zeroes n floats. */
// @ts-ignore: decorator
@inline function zeroRun(dst: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(dst + (<usize>i << 2), f32x4.splat(0));
  for (; i < n; i++) store<f32>(dst + (<usize>i << 2), 0);
}

/** Expands im2col rows r0..r1 into dst [r1 - r0, K]; taps outside the input are zero. */
export function im2colRows(x: usize, g: usize, r0: i32, r1: i32, dst: usize): void {
  const H = geo(g, IN_H), W = geo(g, IN_W), C = geo(g, IN_C);
  const OH = geo(g, OUT_H), OW = geo(g, OUT_W), KH = geo(g, K_H), KW = geo(g, K_W);
  const SH = geo(g, S_H), SW = geo(g, S_W), DH = geo(g, D_H), DW = geo(g, D_W);
  const PT = geo(g, PAD_T), PL = geo(g, PAD_L);
  const run = <usize>C << 2, image = <usize>H * <usize>W * run;
  // Walk (b, oy, ox) incrementally: an integer division per row costs more than the copies.
  let ox = r0 % OW, oy = (r0 / OW) % OH;
  let base = x + <usize>(r0 / (OW * OH)) * image;
  for (let r = r0; r < r1; r++) {
    for (let ky = 0; ky < KH; ky++) {
      const iy = oy * SH + ky * DH - PT;
      const rowOk = iy >= 0 && iy < H;
      const row = base + <usize>(iy * W) * run;
      for (let kx = 0; kx < KW; kx++) {
        const ix = ox * SW + kx * DW - PL;
        if (!rowOk || ix < 0 || ix >= W) zeroRun(dst, C);
        else if (C == 1) store<f32>(dst, load<f32>(row + (<usize>ix << 2)));
        else copyRun(dst, row + <usize>ix * run, C);
        dst += run;
      }
    }
    if (++ox == OW) {
      ox = 0;
      if (++oy == OH) {
        oy = 0;
        base += image;
      }
    }
  }
}

/** Adds the im2col rows r0..r1 held in src [r1 - r0, K] back onto dx (the adjoint of im2col). */
export function col2imRows(src: usize, g: usize, r0: i32, r1: i32, dx: usize): void {
  const H = geo(g, IN_H), W = geo(g, IN_W), C = geo(g, IN_C);
  const OH = geo(g, OUT_H), OW = geo(g, OUT_W), KH = geo(g, K_H), KW = geo(g, K_W);
  const SH = geo(g, S_H), SW = geo(g, S_W), DH = geo(g, D_H), DW = geo(g, D_W);
  const PT = geo(g, PAD_T), PL = geo(g, PAD_L);
  const run = <usize>C << 2, image = <usize>H * <usize>W * run;
  let ox = r0 % OW, oy = (r0 / OW) % OH;
  let base = dx + <usize>(r0 / (OW * OH)) * image;
  for (let r = r0; r < r1; r++) {
    for (let ky = 0; ky < KH; ky++) {
      const iy = oy * SH + ky * DH - PT;
      const rowOk = iy >= 0 && iy < H;
      const row = base + <usize>(iy * W) * run;
      for (let kx = 0; kx < KW; kx++) {
        const ix = ox * SW + kx * DW - PL;
        if (rowOk && ix >= 0 && ix < W) {
          const p = row + <usize>ix * run;
          if (C == 1) store<f32>(p, load<f32>(p) + load<f32>(src));
          else addRun(p, src, C);
        }
        src += run;
      }
    }
    if (++ox == OW) {
      ox = 0;
      if (++oy == OH) {
        oy = 0;
        base += image;
      }
    }
  }
}

/** dst[0..n) += src[0..n). */
export function addRun(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(dst + o, f32x4.add(v128.load(dst + o), v128.load(src + o)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
  }
}

/**
 * y rows m0..m1 of conv(x, w) + bias, then ReLU if relu != 0. w is packed by packB as
 * [K, outC]; scratch holds CHUNK * K floats.
 */
export function conv2dRows(x: usize, packedW: usize, y: usize, bias: usize, relu: i32, g: usize,
  m0: i32, m1: i32, scratch: usize): void {
  const K = im2colWidth(g), N = geo(g, OUT_C);
  const panels = (N + NR - 1) / NR;
  for (let r = m0; r < m1; r += CHUNK) {
    const rows = min(CHUNK, m1 - r);
    im2colRows(x, g, r, r + rows, scratch);
    const out = y + ((<usize>r * <usize>N) << 2);
    gemmRows(scratch, K, 1, 0, rows, K, packedW, N, 0, panels, out, N, bias, relu, 0);
  }
}

/**
 * dx for images b0..b1: dcol = dy · wᵀ chunk by chunk, scattered back by col2im. packedWT is
 * wᵀ [outC, K] packed by packB; scratch holds CHUNK * K floats.
 */
export function conv2dBackpropInputImages(dy: usize, packedWT: usize, dx: usize, g: usize,
  b0: i32, b1: i32, scratch: usize): void {
  const K = im2colWidth(g), N = geo(g, OUT_C);
  const panels = (K + NR - 1) / NR;
  const perImage = geo(g, OUT_H) * geo(g, OUT_W);
  const imageBytes = <usize>geo(g, IN_H) * <usize>geo(g, IN_W) * <usize>geo(g, IN_C) << 2;
  memory.fill(dx + <usize>b0 * imageBytes, 0, <usize>(b1 - b0) * imageBytes);
  for (let r = b0 * perImage; r < b1 * perImage; r += CHUNK) {
    const rows = min(CHUNK, b1 * perImage - r);
    const src = dy + ((<usize>r * <usize>N) << 2);
    gemmRows(src, N, 1, 0, rows, N, packedWT, K, 0, panels, scratch, K, 0, 0, 0);
    col2imRows(scratch, g, r, r + rows, dx);
  }
}

/**
 * dw [K, outC] = im2col(x)ᵀ · dy, summed by fixed slices of `sliceRows` im2col rows so that the
 * result does not depend on which thread ran which slice. Every slice in m0..m1 (m0 a multiple
 * of sliceRows) gets its own sum: slice 0 in dw, slice s > 0 in partials + (s - 1) * K * outC
 * floats; the caller adds them up in slice order. scratch holds CHUNK_FILTER * K floats, packed
 * CHUNK_FILTER * outC rounded up to 16.
 */
export function conv2dBackpropFilterSlices(x: usize, dy: usize, dw: usize, partials: usize,
  g: usize, m0: i32, m1: i32, scratch: usize, packed: usize, sliceRows: i32): void {
  const K = im2colWidth(g), N = geo(g, OUT_C);
  const panels = (N + NR - 1) / NR;
  const sliceBytes = <usize>K * <usize>N << 2;
  for (let s0 = m0; s0 < m1; s0 += sliceRows) {
    const s1 = min(m1, s0 + sliceRows), slice = s0 / sliceRows;
    const out = slice == 0 ? dw : partials + <usize>(slice - 1) * sliceBytes;
    for (let r = s0; r < s1; r += CHUNK_FILTER) {
      const rows = min(CHUNK_FILTER, s1 - r);
      im2colRows(x, g, r, r + rows, scratch);
      packB(dy + ((<usize>r * <usize>N) << 2), N, 1, rows, N, packed, 0, panels);
      gemmRows(scratch, 1, K, 0, K, rows, packed, N, 0, panels, out, N, 0, 0, r > s0 ? 1 : 0);
    }
  }
}
