import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referenceBackend as ref } from '../reference/index.js';
import { matmul } from './matmul.js';
import { abs, assertClose, heapRandom, heapZeros, rng, useThreads } from './test-helpers.js';

interface Case { batch: number; m: number; k: number; n: number; tA: boolean; tB: boolean;
  shareA?: boolean; shareB?: boolean }

function check(c: Case, seed: number): void {
  const next = rng(seed);
  const strideA = c.shareA ? 0 : c.m * c.k, strideB = c.shareB ? 0 : c.k * c.n;
  const a = heapRandom(Math.max(strideA * c.batch, c.m * c.k), next);
  const b = heapRandom(Math.max(strideB * c.batch, c.k * c.n), next);
  const out = heapZeros(c.batch * c.m * c.n);
  const want = new Float32Array(out.length), size = new Float32Array(out.length);
  const args = [c.batch, c.m, c.k, c.n, c.tA, c.tB, strideA, strideB] as const;
  matmul(a, b, out, ...args);
  ref.matmul(a, b, want, ...args);
  ref.matmul(abs(a), abs(b), size, ...args);
  assertClose(out, want, size, c.k, `matmul ${JSON.stringify(c)}`);
}

const cases: Case[] = [
  { batch: 1, m: 1, k: 1, n: 1, tA: false, tB: false },
  { batch: 1, m: 7, k: 13, n: 5, tA: false, tB: false },
  { batch: 1, m: 33, k: 300, n: 17, tA: false, tB: false },
  { batch: 1, m: 64, k: 257, n: 31, tA: true, tB: false },
  { batch: 1, m: 9, k: 70, n: 48, tA: false, tB: true },
  { batch: 1, m: 130, k: 520, n: 70, tA: true, tB: true },
  { batch: 3, m: 5, k: 6, n: 19, tA: false, tB: false },
  { batch: 4, m: 21, k: 11, n: 3, tA: true, tB: false, shareB: true },
  { batch: 2, m: 12, k: 40, n: 33, tA: false, tB: true, shareA: true },
  { batch: 1, m: 2, k: 600, n: 200, tA: false, tB: false },
];

for (const threads of [1, 2]) {
  describe(`wasm matmul on ${threads} thread(s)`, () => {
    it('matches the reference on odd shapes, transposes and batch strides of 0', async () => {
      await useThreads(threads);
      cases.forEach((c, i) => check(c, 100 + i));
    });

    it('splits a large product between threads and still matches', async () => {
      await useThreads(threads);
      check({ batch: 1, m: 301, k: 190, n: 129, tA: false, tB: false }, 7);
      check({ batch: 1, m: 8, k: 900, n: 700, tA: true, tB: true }, 8);
    });

    it('writes zeros when the inner dimension is 0', async () => {
      await useThreads(threads);
      const out = heapRandom(6, rng(1));
      matmul(heapZeros(1), heapZeros(1), out, 1, 2, 0, 3, false, false, 0, 0);
      assert.deepEqual([...out], [0, 0, 0, 0, 0, 0]);
    });
  });
}

describe('wasm matmul bits', () => {
  it('are the same on one, two and three threads', async () => {
    // Shapes that split by rows, by column panels, and whole products per thread.
    const shapes: Case[] = [
      { batch: 1, m: 258, k: 515, n: 300, tA: false, tB: false },
      { batch: 1, m: 20, k: 3000, n: 400, tA: true, tB: false },
      { batch: 1, m: 130, k: 700, n: 90, tA: false, tB: true },
      { batch: 5, m: 70, k: 300, n: 90, tA: false, tB: false },
    ];
    for (const [i, c] of shapes.entries()) {
      const next = rng(100 + i);
      const a = heapRandom(c.batch * c.m * c.k, next), b = heapRandom(c.batch * c.k * c.n, next);
      const out = heapZeros(c.batch * c.m * c.n);
      const bits: Uint32Array[] = [];
      for (const threads of [1, 2, 3]) {
        await useThreads(threads);
        out.fill(0);
        matmul(a, b, out, c.batch, c.m, c.k, c.n, c.tA, c.tB, c.m * c.k, c.k * c.n);
        bits.push(Uint32Array.from(new Uint32Array(out.buffer, out.byteOffset, out.length)));
      }
      for (const t of [1, 2]) {
        const at = bits[t]!.findIndex((v, j) => v !== bits[0]![j]);
        assert.equal(at, -1, `${JSON.stringify(c)}: element ${at} differs on ${t + 1} threads`);
      }
    }
  });
});
