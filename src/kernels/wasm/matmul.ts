// Batched matrix product on the WebAssembly GEMM (assembly/gemm.ts).
// a [batch][m,k] (or [k,m]) · b [batch][k,n] (or [n,k]) -> out [batch][m,n].
import { Operands, scratch } from './memory.js';
import { kernels, threads } from './runtime.js';
import { chunkSize, threadsFor } from './split.js';
import { runChunked } from './thread-pool.js';

const NR = 16;

/**
 * Batched matrix product (see Backend.matmul): whole products per thread when the batch is
 * large, otherwise one product at a time with its rows (or column panels) split.
 *
 * @example
 * matmul(a, b, out, 1, m, k, n, false, false, 0, 0); // out [m,n] = a [m,k] · b [k,n]
 */
export function matmul(a: Float32Array, b: Float32Array, out: Float32Array, batch: number,
  m: number, k: number, n: number, transposeA: boolean, transposeB: boolean,
  strideA: number, strideB: number): void {
  if (k === 0 || m === 0 || n === 0) {
    out.fill(0);
    return;
  }
  const ops = new Operands();
  const pa = ops.input(a), pb = ops.input(b), pc = ops.output(out);
  const packedBytes = Math.ceil(n / NR) * NR * k * 4;
  const t = threadsFor(2 * m * n * k * batch, threads());
  const tA = transposeA ? 1 : 0, tB = transposeB ? 1 : 0;

  if (t === 1 || (batch > 1 && batch >= t)) {
    // Whole products per thread: each packs its own B panels.
    runChunked(kernels(), { name: 'matmulBatch', at: 3, total: batch, chunk: chunkSize(batch, t),
      args: (i) => [pa, pb, pc, 0, 0, m, k, n, tA, tB, strideA, strideB,
        scratch(`pack:${i}`, packedBytes)] }, t);
  } else {
    for (let p = 0; p < batch; p++) {
      splitOne(pa + p * strideA * 4, pb + p * strideB * 4, pc + p * m * n * 4, m, k, n,
        tA, tB, t, packedBytes);
    }
  }
  ops.done();
}

/** One large product over t threads: pack B's panels in parallel, then split rows or panels. */
function splitOne(pa: number, pb: number, pc: number, m: number, k: number, n: number,
  tA: number, tB: number, t: number, packedBytes: number): void {
  const packed = scratch('pack:shared', packedBytes);
  const panels = Math.ceil(n / NR);
  const brs = tB ? 1 : n, bcs = tB ? k : 1, ars = tA ? 1 : k, acs = tA ? m : 1;
  runChunked(kernels(), { name: 'packB', at: 6, total: panels, chunk: chunkSize(panels, t),
    args: () => [pb, brs, bcs, k, n, packed, 0, 0] }, t);

  // Rows when there are enough for whole 4-row tiles on every thread, else column panels.
  const gemm = [pa, ars, acs, 0, m, k, packed, n, 0, panels, pc, n, 0, 0, 0];
  if (m >= 16 * t || panels < t) {
    runChunked(kernels(), { name: 'gemmRows', at: 3, total: m,
      chunk: chunkSize(m, t, 4, 32), args: () => gemm }, t);
  } else {
    runChunked(kernels(), { name: 'gemmRows', at: 8, total: panels,
      chunk: chunkSize(panels, t), args: () => gemm }, t);
  }
}
