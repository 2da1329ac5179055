import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BinaryKernel, UnaryKernel } from '../backend.js';
import { referenceBackend as ref } from '../reference/index.js';
import { biasAdd, binary, logSoftmax, reduce, softmax, unary } from './elementwise.js';
import { assertClose, heapRandom, heapZeros, rng, useThreads } from './test-helpers.js';

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Exactly-rounded float32 operations must agree bit for bit (NaN with NaN). */
function assertSame(fast: Float32Array, want: Float32Array, what: string): void {
  for (let i = 0; i < want.length; i++) {
    const f = fast[i]!, w = want[i]!;
    if (!(f === w || (f !== f && w !== w))) assert.fail(`${what}: [${i}] ${f} vs ${w}`);
  }
}

const unaryKinds: UnaryKernel[] = ['neg', 'relu', 'square', 'sqrt', 'abs', 'step', 'reciprocal',
  'exp', 'tanh'];
const binaryKinds: BinaryKernel[] = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum',
  'squaredDifference', 'pow', 'greater', 'less', 'equal'];
const broadcasts: Array<[number[], number[]]> = [
  [[301], [301]], [[7, 130], [1]], [[1], [9, 70]], [[33, 17], [17]], [[5], [40, 5]],
  [[40, 7], [40, 1]], [[3, 1], [3, 50]], [[2, 3, 40], [3, 1]], [[4, 30, 2], [4, 1, 2]],
  [[1000], [1000]],
];

for (const threads of [1, 2]) {
  describe(`wasm elementwise kernels on ${threads} thread(s)`, () => {
    it('maps like the reference, NaN included', async () => {
      await useThreads(threads);
      for (const kind of unaryKinds) {
        const x = heapRandom(1001, rng(1));
        x[3] = NaN;
        x[4] = -0;
        const out = heapZeros(x.length), want = new Float32Array(x.length);
        unary(kind, x, out);
        ref.unary(kind, x, want);
        assertSame(out, want, `unary ${kind}`);
      }
    });

    it('broadcasts binary ops like the reference', async () => {
      await useThreads(threads);
      for (const kind of binaryKinds) {
        broadcasts.forEach(([aShape, bShape], i) => {
          const outShape = aShape.length >= bShape.length
            ? aShape.map((s, d) => Math.max(s, bShape[d - aShape.length + bShape.length] ?? 1))
            : bShape.map((s, d) => Math.max(s, aShape[d - bShape.length + aShape.length] ?? 1));
          const a = heapRandom(size(aShape), rng(i)), b = heapRandom(size(bShape), rng(9 + i));
          b[0] = a[0]!; // so that 'equal' sees a tie
          const out = heapZeros(size(outShape)), want = new Float32Array(out.length);
          binary(kind, a, aShape, b, bShape, out, outShape);
          ref.binary(kind, a, aShape, b, bShape, want, outShape);
          assertSame(out, want, `binary ${kind} ${aShape} ${bShape}`);
        });
      }
    });

    it('adds a bias and applies ReLU like the reference', async () => {
      await useThreads(threads);
      for (const [rows, cols] of [[3, 5], [300, 64], [2, 1000]] as const) {
        const x = heapRandom(rows * cols, rng(rows)), bias = heapRandom(cols, rng(cols));
        for (const act of ['linear', 'relu'] as const) {
          const out = heapZeros(x.length), want = new Float32Array(x.length);
          biasAdd(x, bias, out, rows, cols, act);
          ref.biasAdd(x, bias, want, rows, cols, act);
          assertSame(out, want, `biasAdd ${rows}x${cols} ${act}`);
        }
      }
    });

    it('sums and maximizes over the middle axis like the reference', async () => {
      await useThreads(threads);
      for (const [outer, axis, inner] of [[1, 500, 1], [3, 70, 13], [2, 9, 64]] as const) {
        const x = heapRandom(outer * axis * inner, rng(axis));
        const out = heapZeros(outer * inner), want = new Float32Array(out.length);
        reduce('max', x, outer, axis, inner, out);
        ref.reduce('max', x, outer, axis, inner, want);
        assertSame(out, want, 'reduce max');
        const mag = new Float32Array(out.length);
        reduce('sum', x, outer, axis, inner, out);
        ref.reduce('sum', x, outer, axis, inner, want);
        ref.reduce('sum', x.map(Math.abs), outer, axis, inner, mag);
        // A float32 running sum of `axis` terms against a float64 one.
        assertClose(out, want, mag, axis, 'reduce sum');
      }
    });

    it('computes softmax and log-softmax like the reference', async () => {
      await useThreads(threads);
      const rows = 64, cols = 10;
      const x = heapRandom(rows * cols, rng(5)).map((v) => v * 30);
      const xs = heapZeros(x.length);
      xs.set(x);
      for (const [fast, slow] of [[softmax, ref.softmax], [logSoftmax, ref.logSoftmax]]) {
        const out = heapZeros(x.length), want = new Float32Array(x.length);
        fast!(xs, out, rows, cols);
        slow!(xs, want, rows, cols);
        // Both work in float64 and round once; only exp/log implementations differ.
        for (let i = 0; i < x.length; i++) {
          assert.ok(Math.abs(out[i]! - want[i]!) <= 4 * 2 ** -24 * Math.max(1, Math.abs(want[i]!)),
            `softmax [${i}] ${out[i]} vs ${want[i]}`);
        }
      }
    });
  });
}
