// Matrix product on packed panels of B with a 4x16 register tile.
//
// c [m,n] (=|+=) a [m,k] · b [k,n]. A is read in place through two strides, so its transposed
// form costs nothing; B is packed first into panels of 16 columns, [panel][k][16], zero
// padded, so that the inner loop reads it as four aligned vectors. In V8 a 4x16 tile (16
// vector accumulators) outperformed 6x8, 5x8, 4x12 and 3x16.
//
// All pointers are byte offsets into the shared memory; all counts and strides are elements.

export const NR: i32 = 16;
/** Most depth of a k block: one packed micro-panel (KC x 16 floats, 16 KiB) stays in L1. */
const KC: i32 = 256;
/** Rows per block: their KC-long stretch of A (64 KiB) stays in L2 across all panels. */
const MC: i32 = 64;

/** acc + x * y, fused when relaxed SIMD is enabled for this build. */
// @ts-ignore: decorator
@inline export function madd(x: v128, y: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(x, y, acc);
  return f32x4.add(acc, f32x4.mul(x, y));
}

/**
 * Packs panels p0..p1 of b (element [k,n] at b + 4*(k*rs + n*cs)) into dst as
 * [panel][K][16] floats; columns past N are zero.
 */
export function packB(b: usize, rs: i32, cs: i32, K: i32, N: i32, dst: usize, p0: i32,
  p1: i32): void {
  const rowStep = <usize>rs << 2;
  for (let p = p0; p < p1; p++) {
    const n0 = p * NR;
    const cols = min(NR, N - n0);
    let out = dst + ((<usize>p * <usize>K * NR) << 2);
    if (cs == 1 && cols == NR) {
      let src = b + (<usize>n0 << 2);
      for (let k = 0; k < K; k++) {
        v128.store(out, v128.load(src));
        v128.store(out, v128.load(src, 16), 16);
        v128.store(out, v128.load(src, 32), 32);
        v128.store(out, v128.load(src, 48), 48);
        src += rowStep;
        out += 64;
      }
      continue;
    }
    for (let k = 0; k < K; k++) {
      const row = b + ((<usize>k * <usize>rs) << 2);
      for (let j = 0; j < NR; j++) {
        const v = j < cols ? load<f32>(row + ((<usize>(n0 + j) * <usize>cs) << 2)) : <f32>0;
        store<f32>(out + (<usize>j << 2), v);
      }
      out += 64;
    }
  }
}

/** Loads the first n lanes (0..4) at p, zeros elsewhere. */
function loadPartial(p: usize, n: i32): v128 {
  let v = f32x4.splat(0);
  if (n > 0) v = f32x4.replace_lane(v, 0, load<f32>(p));
  if (n > 1) v = f32x4.replace_lane(v, 1, load<f32>(p, 4));
  if (n > 2) v = f32x4.replace_lane(v, 2, load<f32>(p, 8));
  if (n > 3) v = f32x4.replace_lane(v, 3, load<f32>(p, 12));
  return v;
}

function storePartial(p: usize, v: v128, n: i32): void {
  if (n > 0) store<f32>(p, f32x4.extract_lane(v, 0));
  if (n > 1) store<f32>(p, f32x4.extract_lane(v, 1), 4);
  if (n > 2) store<f32>(p, f32x4.extract_lane(v, 2), 8);
  if (n > 3) store<f32>(p, f32x4.extract_lane(v, 3), 12);
}

// Output step flags: accumulate into c, add bias (pointer to this tile's 16 biases), apply ReLU.
const ADD: i32 = 1;
const BIAS: i32 = 2;
const RELU: i32 = 4;

/** Writes one 4-float group of an output row, applying the output step flags. */
// @ts-ignore: decorator
@inline function finish(p: usize, v: v128, bias: usize, flags: i32, n: i32): void {
  if (n == 4) {
    if (flags & ADD) v = f32x4.add(v, v128.load(p));
    if (flags & BIAS) v = f32x4.add(v, v128.load(bias));
    if (flags & RELU) v = f32x4.max(v, f32x4.splat(0));
    v128.store(p, v);
    return;
  }
  if (n <= 0) return;
  if (flags & ADD) v = f32x4.add(v, loadPartial(p, n));
  if (flags & BIAS) v = f32x4.add(v, loadPartial(bias, n));
  if (flags & RELU) v = f32x4.max(v, f32x4.splat(0));
  storePartial(p, v, n);
}

// @ts-ignore: decorator
@inline function finishRow(p: usize, v0: v128, v1: v128, v2: v128, v3: v128, bias: usize,
  flags: i32, cols: i32): void {
  if (cols == NR && flags == 0) {
    v128.store(p, v0);
    v128.store(p, v1, 16);
    v128.store(p, v2, 32);
    v128.store(p, v3, 48);
    return;
  }
  finish(p, v0, bias, flags, min(4, cols));
  finish(p + 16, v1, bias + 16, flags, min(4, cols - 4));
  finish(p + 32, v2, bias + 32, flags, min(4, cols - 8));
  finish(p + 48, v3, bias + 48, flags, min(4, cols - 12));
}

/** 4 rows x 16 columns over kc steps. a: row 0 at step 0; rs/cs in bytes. */
function tile4(a: usize, rs: usize, cs: usize, bp: usize, kc: i32, c: usize, ldc: usize,
  bias: usize, flags: i32, cols: i32): void {
  let c00 = f32x4.splat(0), c01 = c00, c02 = c00, c03 = c00;
  let c10 = c00, c11 = c00, c12 = c00, c13 = c00;
  let c20 = c00, c21 = c00, c22 = c00, c23 = c00;
  let c30 = c00, c31 = c00, c32 = c00, c33 = c00;
  let a0 = a, a1 = a + rs, a2 = a + 2 * rs, a3 = a + 3 * rs;
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(bp), b1 = v128.load(bp, 16);
    const b2 = v128.load(bp, 32), b3 = v128.load(bp, 48);
    let x = v128.load32_splat(a0);
    c00 = madd(x, b0, c00); c01 = madd(x, b1, c01); c02 = madd(x, b2, c02); c03 = madd(x, b3, c03);
    x = v128.load32_splat(a1);
    c10 = madd(x, b0, c10); c11 = madd(x, b1, c11); c12 = madd(x, b2, c12); c13 = madd(x, b3, c13);
    x = v128.load32_splat(a2);
    c20 = madd(x, b0, c20); c21 = madd(x, b1, c21); c22 = madd(x, b2, c22); c23 = madd(x, b3, c23);
    x = v128.load32_splat(a3);
    c30 = madd(x, b0, c30); c31 = madd(x, b1, c31); c32 = madd(x, b2, c32); c33 = madd(x, b3, c33);
    a0 += cs; a1 += cs; a2 += cs; a3 += cs;
    bp += 64;
  }
  finishRow(c, c00, c01, c02, c03, bias, flags, cols);
  finishRow(c + ldc, c10, c11, c12, c13, bias, flags, cols);
  finishRow(c + 2 * ldc, c20, c21, c22, c23, bias, flags, cols);
  finishRow(c + 3 * ldc, c30, c31, c32, c33, bias, flags, cols);
}

/**
 * {@link tile4} for rows of A stored contiguously (acs = 1), unrolled four steps deep with
 * constant offsets: fewer pointer updates per multiply-add than the strided form.
 */
function tile4Contiguous(a: usize, rs: usize, bp: usize, kc: i32, c: usize, ldc: usize,
  bias: usize, flags: i32, cols: i32): void {
  let c00 = f32x4.splat(0), c01 = c00, c02 = c00, c03 = c00;
  let c10 = c00, c11 = c00, c12 = c00, c13 = c00;
  let c20 = c00, c21 = c00, c22 = c00, c23 = c00;
  let c30 = c00, c31 = c00, c32 = c00, c33 = c00;
  let a0 = a, a1 = a + rs, a2 = a + 2 * rs, a3 = a + 3 * rs;
  let b0 = c00, b1 = c00, b2 = c00, b3 = c00, x = c00;
  let k = 0;
  for (; k + 4 <= kc; k += 4) {
    b0 = v128.load(bp, 0); b1 = v128.load(bp, 16);
    b2 = v128.load(bp, 32); b3 = v128.load(bp, 48);
    x = v128.load32_splat(a0, 0);
    c00 = madd(x, b0, c00); c01 = madd(x, b1, c01); c02 = madd(x, b2, c02); c03 = madd(x, b3, c03);
    x = v128.load32_splat(a1, 0);
    c10 = madd(x, b0, c10); c11 = madd(x, b1, c11); c12 = madd(x, b2, c12); c13 = madd(x, b3, c13);
    x = v128.load32_splat(a2, 0);
    c20 = madd(x, b0, c20); c21 = madd(x, b1, c21); c22 = madd(x, b2, c22); c23 = madd(x, b3, c23);
    x = v128.load32_splat(a3, 0);
    c30 = madd(x, b0, c30); c31 = madd(x, b1, c31); c32 = madd(x, b2, c32); c33 = madd(x, b3, c33);
    b0 = v128.load(bp, 64); b1 = v128.load(bp, 80);
    b2 = v128.load(bp, 96); b3 = v128.load(bp, 112);
    x = v128.load32_splat(a0, 4);
    c00 = madd(x, b0, c00); c01 = madd(x, b1, c01); c02 = madd(x, b2, c02); c03 = madd(x, b3, c03);
    x = v128.load32_splat(a1, 4);
    c10 = madd(x, b0, c10); c11 = madd(x, b1, c11); c12 = madd(x, b2, c12); c13 = madd(x, b3, c13);
    x = v128.load32_splat(a2, 4);
    c20 = madd(x, b0, c20); c21 = madd(x, b1, c21); c22 = madd(x, b2, c22); c23 = madd(x, b3, c23);
    x = v128.load32_splat(a3, 4);
    c30 = madd(x, b0, c30); c31 = madd(x, b1, c31); c32 = madd(x, b2, c32); c33 = madd(x, b3, c33);
    b0 = v128.load(bp, 128); b1 = v128.load(bp, 144);
    b2 = v128.load(bp, 160); b3 = v128.load(bp, 176);
    x = v128.load32_splat(a0, 8);
    c00 = madd(x, b0, c00); c01 = madd(x, b1, c01); c02 = madd(x, b2, c02); c03 = madd(x, b3, c03);
    x = v128.load32_splat(a1, 8);
    c10 = madd(x, b0, c10); c11 = madd(x, b1, c11); c12 = madd(x, b2, c12); c13 = madd(x, b3, c13);
    x = v128.load32_splat(a2, 8);
    c20 = madd(x, b0, c20); c21 = madd(x, b1, c21); c22 = madd(x, b2, c22); c23 = madd(x, b3, c23);
    x = v128.load32_splat(a3, 8);
    c30 = madd(x, b0, c30); c31 = madd(x, b1, c31); c32 = madd(x, b2, c32); c33 = madd(x, b3, c33);
    b0 = v128.load(bp, 192); b1 = v128.load(bp, 208);
    b2 = v128.load(bp, 224); b3 = v128.load(bp, 240);
    x = v128.load32_splat(a0, 12);
    c00 = madd(x, b0, c00); c01 = madd(x, b1, c01); c02 = madd(x, b2, c02); c03 = madd(x, b3, c03);
    x = v128.load32_splat(a1, 12);
    c10 = madd(x, b0, c10); c11 = madd(x, b1, c11); c12 = madd(x, b2, c12); c13 = madd(x, b3, c13);
    x = v128.load32_splat(a2, 12);
    c20 = madd(x, b0, c20); c21 = madd(x, b1, c21); c22 = madd(x, b2, c22); c23 = madd(x, b3, c23);
    x = v128.load32_splat(a3, 12);
    c30 = madd(x, b0, c30); c31 = madd(x, b1, c31); c32 = madd(x, b2, c32); c33 = madd(x, b3, c33);
    a0 += 16; a1 += 16; a2 += 16; a3 += 16;
    bp += 256;
  }
  for (; k < kc; k++) {
    b0 = v128.load(bp, 0); b1 = v128.load(bp, 16);
    b2 = v128.load(bp, 32); b3 = v128.load(bp, 48);
    x = v128.load32_splat(a0, 0);
    c00 = madd(x, b0, c00); c01 = madd(x, b1, c01); c02 = madd(x, b2, c02); c03 = madd(x, b3, c03);
    x = v128.load32_splat(a1, 0);
    c10 = madd(x, b0, c10); c11 = madd(x, b1, c11); c12 = madd(x, b2, c12); c13 = madd(x, b3, c13);
    x = v128.load32_splat(a2, 0);
    c20 = madd(x, b0, c20); c21 = madd(x, b1, c21); c22 = madd(x, b2, c22); c23 = madd(x, b3, c23);
    x = v128.load32_splat(a3, 0);
    c30 = madd(x, b0, c30); c31 = madd(x, b1, c31); c32 = madd(x, b2, c32); c33 = madd(x, b3, c33);
    a0 += 4; a1 += 4; a2 += 4; a3 += 4;
    bp += 64;
  }
  finishRow(c, c00, c01, c02, c03, bias, flags, cols);
  finishRow(c + ldc, c10, c11, c12, c13, bias, flags, cols);
  finishRow(c + 2 * ldc, c20, c21, c22, c23, bias, flags, cols);
  finishRow(c + 3 * ldc, c30, c31, c32, c33, bias, flags, cols);
}

/**
 * {@link tile4} for four adjacent rows (ars = 1: A read transposed, as the filter gradient
 * and transposeA products do): one pointer, row offsets as constants, two k steps per turn.
 */
function tile4Adjacent(a: usize, cs: usize, bp: usize, kc: i32, c: usize, ldc: usize,
  bias: usize, flags: i32, cols: i32): void {
  let c00 = f32x4.splat(0), c01 = c00, c02 = c00, c03 = c00;
  let c10 = c00, c11 = c00, c12 = c00, c13 = c00;
  let c20 = c00, c21 = c00, c22 = c00, c23 = c00;
  let c30 = c00, c31 = c00, c32 = c00, c33 = c00;
  let b0 = c00, b1 = c00, b2 = c00, b3 = c00, x = c00;
  let k = 0;
  for (; k + 2 <= kc; k += 2) {
    const a2 = a + cs;
    b0 = v128.load(bp, 0); b1 = v128.load(bp, 16);
    b2 = v128.load(bp, 32); b3 = v128.load(bp, 48);
    x = v128.load32_splat(a, 0);
    c00 = madd(x, b0, c00); c01 = madd(x, b1, c01); c02 = madd(x, b2, c02); c03 = madd(x, b3, c03);
    x = v128.load32_splat(a, 4);
    c10 = madd(x, b0, c10); c11 = madd(x, b1, c11); c12 = madd(x, b2, c12); c13 = madd(x, b3, c13);
    x = v128.load32_splat(a, 8);
    c20 = madd(x, b0, c20); c21 = madd(x, b1, c21); c22 = madd(x, b2, c22); c23 = madd(x, b3, c23);
    x = v128.load32_splat(a, 12);
    c30 = madd(x, b0, c30); c31 = madd(x, b1, c31); c32 = madd(x, b2, c32); c33 = madd(x, b3, c33);
    b0 = v128.load(bp, 64); b1 = v128.load(bp, 80);
    b2 = v128.load(bp, 96); b3 = v128.load(bp, 112);
    x = v128.load32_splat(a2, 0);
    c00 = madd(x, b0, c00); c01 = madd(x, b1, c01); c02 = madd(x, b2, c02); c03 = madd(x, b3, c03);
    x = v128.load32_splat(a2, 4);
    c10 = madd(x, b0, c10); c11 = madd(x, b1, c11); c12 = madd(x, b2, c12); c13 = madd(x, b3, c13);
    x = v128.load32_splat(a2, 8);
    c20 = madd(x, b0, c20); c21 = madd(x, b1, c21); c22 = madd(x, b2, c22); c23 = madd(x, b3, c23);
    x = v128.load32_splat(a2, 12);
    c30 = madd(x, b0, c30); c31 = madd(x, b1, c31); c32 = madd(x, b2, c32); c33 = madd(x, b3, c33);
    a += 2 * cs;
    bp += 128;
  }
  for (; k < kc; k++) {
    b0 = v128.load(bp, 0); b1 = v128.load(bp, 16);
    b2 = v128.load(bp, 32); b3 = v128.load(bp, 48);
    x = v128.load32_splat(a, 0);
    c00 = madd(x, b0, c00); c01 = madd(x, b1, c01); c02 = madd(x, b2, c02); c03 = madd(x, b3, c03);
    x = v128.load32_splat(a, 4);
    c10 = madd(x, b0, c10); c11 = madd(x, b1, c11); c12 = madd(x, b2, c12); c13 = madd(x, b3, c13);
    x = v128.load32_splat(a, 8);
    c20 = madd(x, b0, c20); c21 = madd(x, b1, c21); c22 = madd(x, b2, c22); c23 = madd(x, b3, c23);
    x = v128.load32_splat(a, 12);
    c30 = madd(x, b0, c30); c31 = madd(x, b1, c31); c32 = madd(x, b2, c32); c33 = madd(x, b3, c33);
    a += cs;
    bp += 64;
  }
  finishRow(c, c00, c01, c02, c03, bias, flags, cols);
  finishRow(c + ldc, c10, c11, c12, c13, bias, flags, cols);
  finishRow(c + 2 * ldc, c20, c21, c22, c23, bias, flags, cols);
  finishRow(c + 3 * ldc, c30, c31, c32, c33, bias, flags, cols);
}

/** 1 row x 16 columns, for the rows left over after the 4-row tiles. */
function tile1(a: usize, cs: usize, bp: usize, kc: i32, c: usize, bias: usize, flags: i32,
  cols: i32): void {
  let c0 = f32x4.splat(0), c1 = c0, c2 = c0, c3 = c0;
  for (let k = 0; k < kc; k++) {
    const x = v128.load32_splat(a);
    c0 = madd(x, v128.load(bp), c0);
    c1 = madd(x, v128.load(bp, 16), c1);
    c2 = madd(x, v128.load(bp, 32), c2);
    c3 = madd(x, v128.load(bp, 48), c3);
    a += cs;
    bp += 64;
  }
  finishRow(c, c0, c1, c2, c3, bias, flags, cols);
}

/**
 * c rows m0..m1, panels p0..p1 (columns 16*p0 .. min(N, 16*p1)) of a · B, where B is packed by
 * {@link packB} (K deep, N wide). A[i,k] is at a + 4*(i*ars + k*acs). c has row stride ldc.
 * accumulate != 0 adds to c; bias (0 for none) is added and relu != 0 applied at the end.
 */
export function gemmRows(a: usize, ars: i32, acs: i32, m0: i32, m1: i32, K: i32, packed: usize,
  N: i32, p0: i32, p1: i32, c: usize, ldc: i32, bias: usize, relu: i32, accumulate: i32): void {
  const rs = <usize>ars << 2, cs = <usize>acs << 2, ldcb = <usize>ldc << 2;
  // Equal blocks (288 = 144 + 144, not 256 + 32): each block pays one pass over c.
  const blocks = (K + KC - 1) / KC;
  const step = (K + blocks - 1) / blocks;
  for (let kb = 0; kb < K; kb += step) {
    const kc = min(step, K - kb);
    const last = kb + step >= K;
    let flags = kb > 0 || accumulate != 0 ? ADD : 0;
    if (last && bias != 0) flags |= BIAS;
    if (last && relu != 0) flags |= RELU;
    for (let mb = m0; mb < m1; mb += MC) {
      const mEnd = min(mb + MC, m1);
      for (let p = p0; p < p1; p++) {
        const bp = packed + ((<usize>p * <usize>K + <usize>kb) << 6);
        const cols = min(NR, N - p * NR);
        const cCol = c + (<usize>(p * NR) << 2);
        const biasP = bias + (<usize>(p * NR) << 2);
        let i = mb;
        for (; i + 4 <= mEnd; i += 4) {
          const ap = a + <usize>i * rs + <usize>kb * cs;
          const cp = cCol + <usize>i * ldcb;
          if (cs == 4) tile4Contiguous(ap, rs, bp, kc, cp, ldcb, biasP, flags, cols);
          else if (rs == 4) tile4Adjacent(ap, cs, bp, kc, cp, ldcb, biasP, flags, cols);
          else tile4(ap, rs, cs, bp, kc, cp, ldcb, biasP, flags, cols);
        }
        for (; i < mEnd; i++) {
          const ap = a + <usize>i * rs + <usize>kb * cs;
          tile1(ap, cs, bp, kc, cCol + <usize>i * ldcb, biasP, flags, cols);
        }
      }
    }
  }
}

/**
 * Whole products for batch entries p0..p1 on one thread: out[p] = op(a)[p] · op(b)[p], where
 * transposeA reads a[p] as [k, m] and transposeB reads b[p] as [n, k]. A batch stride of 0
 * reuses one matrix (its panels are then packed once). packed holds ceil(n/16)*16*k floats.
 */
export function matmulBatch(a: usize, b: usize, out: usize, p0: i32, p1: i32, m: i32, k: i32,
  n: i32, transposeA: i32, transposeB: i32, strideA: i32, strideB: i32, packed: usize): void {
  const ars = transposeA != 0 ? 1 : k, acs = transposeA != 0 ? m : 1;
  const brs = transposeB != 0 ? 1 : n, bcs = transposeB != 0 ? k : 1;
  const panels = (n + NR - 1) / NR;
  for (let p = p0; p < p1; p++) {
    if (p == p0 || strideB != 0) {
      packB(b + ((<usize>p * <usize>strideB) << 2), brs, bcs, k, n, packed, 0, panels);
    }
    const ap = a + ((<usize>p * <usize>strideA) << 2);
    const cp = out + ((<usize>p * <usize>m * <usize>n) << 2);
    gemmRows(ap, ars, acs, 0, m, k, packed, n, 0, panels, cp, n, 0, 0, 0);
  }
}
