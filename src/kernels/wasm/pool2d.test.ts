import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pool2DGeometry } from '../backend.js';
import { referenceBackend as ref } from '../reference/index.js';
import { avgPool2d, avgPool2dBackprop, maxPool2d, maxPool2dBackprop } from './pool2d.js';
import {
  abs, assertClose, heapInts, heapRandom, heapZeros, rng, useThreads,
} from './test-helpers.js';

interface Spec { batch: number; h: number; w: number; c: number; p: [number, number];
  s: [number, number]; same?: boolean }

function geometry(q: Spec): Pool2DGeometry {
  const [ph, pw] = q.p, [sh, sw] = q.s;
  const oh = q.same ? Math.ceil(q.h / sh) : Math.floor((q.h - ph) / sh) + 1;
  const ow = q.same ? Math.ceil(q.w / sw) : Math.floor((q.w - pw) / sw) + 1;
  const padH = q.same ? Math.max(0, (oh - 1) * sh + ph - q.h) : 0;
  const padW = q.same ? Math.max(0, (ow - 1) * sw + pw - q.w) : 0;
  return { batch: q.batch, inHeight: q.h, inWidth: q.w, channels: q.c, outHeight: oh,
    outWidth: ow, poolHeight: ph, poolWidth: pw, strideHeight: sh, strideWidth: sw,
    padTop: Math.floor(padH / 2), padLeft: Math.floor(padW / 2) };
}

const specs: Spec[] = [
  { batch: 1, h: 4, w: 4, c: 1, p: [2, 2], s: [2, 2] },
  { batch: 2, h: 26, w: 26, c: 32, p: [2, 2], s: [2, 2] },
  { batch: 3, h: 11, w: 11, c: 6, p: [2, 2], s: [2, 2] },
  { batch: 2, h: 7, w: 9, c: 5, p: [3, 3], s: [2, 2], same: true },
  { batch: 1, h: 6, w: 5, c: 9, p: [3, 2], s: [1, 1], same: true },
  { batch: 2, h: 8, w: 8, c: 3, p: [2, 3], s: [3, 1] },
];

const outSize = (g: Pool2DGeometry) => g.batch * g.outHeight * g.outWidth * g.channels;
const inSize = (g: Pool2DGeometry) => g.batch * g.inHeight * g.inWidth * g.channels;

for (const threads of [1, 2]) {
  describe(`wasm pooling on ${threads} thread(s)`, () => {
    it('finds the same maxima and the same winners as the reference', async () => {
      await useThreads(threads);
      specs.forEach((q, i) => {
        const g = geometry(q), x = heapRandom(inSize(g), rng(i));
        // Ties and a NaN: the first maximum must win, and a NaN must win over numbers.
        x[0] = x[1] = x[g.channels] = 0.99;
        x[x.length - 1] = NaN;
        const y = heapZeros(outSize(g)), at = heapInts(outSize(g));
        const wantY = new Float32Array(y.length), wantAt = new Int32Array(y.length);
        maxPool2d(x, y, at, g);
        ref.maxPool2d(x, wantY, wantAt, g);
        assert.deepEqual(y, wantY, `maxPool2d values ${JSON.stringify(q)}`);
        assert.deepEqual(at, wantAt, `maxPool2d argMax ${JSON.stringify(q)}`);

        const dy = heapRandom(y.length, rng(50 + i)), dx = heapRandom(x.length, rng(3));
        const wantDx = new Float32Array(dx.length);
        maxPool2dBackprop(dy, at, dx);
        ref.maxPool2dBackprop(dy, wantAt, wantDx);
        assert.deepEqual(dx, wantDx, `maxPool2dBackprop ${JSON.stringify(q)}`);
      });
    });

    it('averages windows and spreads gradients like the reference', async () => {
      await useThreads(threads);
      specs.forEach((q, i) => {
        const g = geometry(q), x = heapRandom(inSize(g), rng(10 + i));
        const y = heapZeros(outSize(g));
        const want = new Float32Array(y.length), size = new Float32Array(y.length);
        avgPool2d(x, y, g);
        ref.avgPool2d(x, want, g);
        ref.avgPool2d(abs(x), size, g);
        // A window sum of up to p*p terms, then one scaling: p*p + 1 roundings at most.
        assertClose(y, want, size, g.poolHeight * g.poolWidth + 1, 'avgPool2d');

        const dy = heapRandom(y.length, rng(20 + i)), dx = heapRandom(x.length, rng(4));
        const wantDx = new Float32Array(dx.length), sizeDx = new Float32Array(dx.length);
        avgPool2dBackprop(dy, dx, g);
        ref.avgPool2dBackprop(dy, wantDx, g);
        ref.avgPool2dBackprop(abs(dy), sizeDx, g);
        assertClose(dx, wantDx, sizeDx, g.poolHeight * g.poolWidth + 1, 'avgPool2dBackprop');
      });
    });
  });
}
