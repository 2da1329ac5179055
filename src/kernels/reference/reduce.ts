// Reference reductions over the middle axis of x viewed as [outer, axisLen, inner].
import type { ReduceKernel } from '../backend.js';

export function reduce(kind: ReduceKernel, x: Float32Array, outer: number, axisLen: number,
  inner: number, out: Float32Array): void {
  for (let o = 0; o < outer; o++) {
    const base = o * axisLen * inner;
    for (let i = 0; i < inner; i++) {
      let acc = kind === 'sum' ? 0 : kind === 'prod' ? 1 : x[base + i]!;
      for (let a = 0; a < axisLen; a++) {
        const v = x[base + a * inner + i]!;
        if (kind === 'sum') acc += v;
        else if (kind === 'prod') acc *= v;
        else if (v !== v) acc = NaN; // NaN wins max and min, as in NumPy
        else if (kind === 'max' ? v > acc : v < acc) acc = v;
      }
      out[o * inner + i] = axisLen === 0 && (kind === 'max' || kind === 'min')
        ? (kind === 'max' ? -Infinity : Infinity) : acc;
    }
  }
}

export function argMax(x: Float32Array, outer: number, axisLen: number, inner: number,
  out: Int32Array): void {
  for (let o = 0; o < outer; o++) {
    const base = o * axisLen * inner;
    for (let i = 0; i < inner; i++) {
      let best = 0;
      let bestValue = x[base + i]!;
      for (let a = 1; a < axisLen; a++) {
        const v = x[base + a * inner + i]!;
        if (v > bestValue || (v !== v && bestValue === bestValue)) {
          best = a;
          bestValue = v;
        }
      }
      out[o * inner + i] = best;
    }
  }
}
