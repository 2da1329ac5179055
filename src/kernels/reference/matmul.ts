// Reference matrix product and transpose.

/**
 * a [batch][m,k] (or [k,m] when transposeA) · b [batch][k,n] (or [n,k]) -> out [batch][m,n].
 * Accumulates in float64 so that it can serve as the oracle for float32 kernels.
 */
export function matmul(a: Float32Array, b: Float32Array, out: Float32Array, batch: number,
  m: number, k: number, n: number, transposeA: boolean, transposeB: boolean,
  strideA: number, strideB: number): void {
  for (let p = 0; p < batch; p++) {
    const ao = p * strideA, bo = p * strideB, oo = p * m * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let t = 0; t < k; t++) {
          const av = transposeA ? a[ao + t * m + i]! : a[ao + i * k + t]!;
          const bv = transposeB ? b[bo + j * k + t]! : b[bo + t * n + j]!;
          acc += av * bv;
        }
        out[oo + i * n + j] = acc;
      }
    }
  }
}

export function transpose(x: Float32Array | Int32Array, shape: readonly number[],
  perm: readonly number[], out: Float32Array | Int32Array): void {
  const rank = shape.length;
  const inStrides = new Array<number>(rank);
  let s = 1;
  for (let d = rank - 1; d >= 0; d--) {
    inStrides[d] = s;
    s *= shape[d]!;
  }
  const outShape = perm.map((p) => shape[p]!);
  const stepIn = perm.map((p) => inStrides[p]!);
  const index = new Array<number>(rank).fill(0);
  let src = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = x[src]!;
    for (let d = rank - 1; d >= 0; d--) {
      index[d]!++;
      src += stepIn[d]!;
      if (index[d]! < outShape[d]!) break;
      src -= stepIn[d]! * outShape[d]!;
      index[d] = 0;
    }
  }
}
