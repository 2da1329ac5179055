// Helpers for the wasm kernel tests: random heap arrays, a seeded generator and an error bound.
import assert from 'node:assert/strict';
import { heap } from '../../tensor/heap.js';
import { heapF32, heapI32 } from './memory.js';
import { setNumThreads, threadsReady } from './threads.js';
import { initWasmBackendSync } from './init.js';

/** Unit roundoff of float32. */
export const U32 = 2 ** -24;

/** A small deterministic generator (mulberry32), so that failures reproduce. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A float32 array in the tensor heap, filled with uniform values in [-1, 1). */
export function heapRandom(n: number, next: () => number): Float32Array {
  const a = heapF32(heap().alloc(n * 4).offset, n);
  for (let i = 0; i < n; i++) a[i] = next() * 2 - 1;
  return a;
}

export function heapZeros(n: number): Float32Array {
  return heapF32(heap().alloc(n * 4).offset, n).fill(0);
}

export function heapInts(n: number): Int32Array {
  return heapI32(heap().alloc(n * 4).offset, n).fill(0);
}

export const abs = (a: Float32Array): Float32Array => a.map(Math.abs);

/**
 * Checks |fast - ref| <= (terms + 1) * u * magnitude per element: the textbook bound for a
 * float32 sum of `terms` products in any order (magnitude = the same sum over |operands|),
 * plus the final rounding of the float64 reference. The kernels sum in a different order
 * than the reference (blocked, vectorized, fused when relaxed SIMD is on), so no closer
 * agreement can be demanded, and no looser one is needed.
 */
export function assertClose(fast: Float32Array, ref: Float32Array, magnitude: Float32Array,
  terms: number, what: string): void {
  assert.equal(fast.length, ref.length);
  for (let i = 0; i < ref.length; i++) {
    const tol = (terms + 1) * U32 * magnitude[i]! + 1e-30;
    if (!(Math.abs(fast[i]! - ref[i]!) <= tol)) {
      assert.fail(`${what}: element ${i} is ${fast[i]}, reference ${ref[i]} (tolerance ${tol})`);
    }
  }
}

/** Brings up the wasm backend with `n` threads and waits for the workers. */
export async function useThreads(n: number): Promise<void> {
  initWasmBackendSync(false);
  setNumThreads(n);
  assert.equal(await threadsReady(), n);
}
