import { describe, it } from 'node:test';
import type { Conv2DGeometry } from '../backend.js';
import { referenceBackend as ref } from '../reference/index.js';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput, conv2dFused } from './conv2d.js';
import { abs, assertClose, heapRandom, heapZeros, rng, useThreads } from './test-helpers.js';

interface Spec { batch: number; h: number; w: number; c: number; f: number; k: [number, number];
  s?: [number, number]; d?: [number, number]; same?: boolean }

/** Geometry as the ops derive it; 'same' puts the smaller half of the padding first. */
function geometry(p: Spec): Conv2DGeometry {
  const [kh, kw] = p.k, [sh, sw] = p.s ?? [1, 1], [dh, dw] = p.d ?? [1, 1];
  const ekh = (kh - 1) * dh + 1, ekw = (kw - 1) * dw + 1;
  const oh = p.same ? Math.ceil(p.h / sh) : Math.floor((p.h - ekh) / sh) + 1;
  const ow = p.same ? Math.ceil(p.w / sw) : Math.floor((p.w - ekw) / sw) + 1;
  const padH = p.same ? Math.max(0, (oh - 1) * sh + ekh - p.h) : 0;
  const padW = p.same ? Math.max(0, (ow - 1) * sw + ekw - p.w) : 0;
  return { batch: p.batch, inHeight: p.h, inWidth: p.w, inChannels: p.c, outHeight: oh,
    outWidth: ow, outChannels: p.f, kernelHeight: kh, kernelWidth: kw, strideHeight: sh,
    strideWidth: sw, dilationHeight: dh, dilationWidth: dw, padTop: Math.floor(padH / 2),
    padLeft: Math.floor(padW / 2) };
}

const specs: Spec[] = [
  { batch: 1, h: 5, w: 5, c: 1, f: 1, k: [3, 3] },
  { batch: 2, h: 28, w: 28, c: 1, f: 32, k: [3, 3] },
  { batch: 3, h: 9, w: 7, c: 5, f: 7, k: [3, 2], same: true },
  { batch: 2, h: 10, w: 11, c: 6, f: 18, k: [4, 4], s: [2, 2], same: true },
  { batch: 1, h: 12, w: 9, c: 3, f: 5, k: [3, 3], d: [2, 2] },
  { batch: 2, h: 8, w: 8, c: 13, f: 33, k: [1, 1], s: [2, 1] },
  { batch: 1, h: 7, w: 6, c: 4, f: 9, k: [2, 3], s: [2, 2], d: [1, 2], same: true },
  { batch: 2, h: 13, w: 13, c: 32, f: 64, k: [3, 3] },
];

function inputs(g: Conv2DGeometry, seed: number) {
  const next = rng(seed);
  const x = heapRandom(g.batch * g.inHeight * g.inWidth * g.inChannels, next);
  const w = heapRandom(g.kernelHeight * g.kernelWidth * g.inChannels * g.outChannels, next);
  const dy = heapRandom(g.batch * g.outHeight * g.outWidth * g.outChannels, next);
  return { x, w, dy };
}

for (const threads of [1, 2]) {
  describe(`wasm conv2d on ${threads} thread(s)`, () => {
    it('computes the forward pass like the reference', async () => {
      await useThreads(threads);
      specs.forEach((p, i) => {
        const g = geometry(p), { x, w } = inputs(g, i);
        const y = heapZeros(g.batch * g.outHeight * g.outWidth * g.outChannels);
        const want = new Float32Array(y.length), size = new Float32Array(y.length);
        conv2d(x, w, y, g);
        ref.conv2d(x, w, want, g);
        ref.conv2d(abs(x), abs(w), size, g);
        assertClose(y, want, size, g.kernelHeight * g.kernelWidth * g.inChannels,
          `conv2d ${JSON.stringify(p)}`);
      });
    });

    it('fuses bias and ReLU into the forward pass', async () => {
      await useThreads(threads);
      const g = geometry(specs[3]!), { x, w } = inputs(g, 40);
      const bias = heapRandom(g.outChannels, rng(41));
      const y = heapZeros(g.batch * g.outHeight * g.outWidth * g.outChannels);
      const plain = new Float32Array(y.length), want = new Float32Array(y.length);
      const size = new Float32Array(y.length);
      conv2dFused(x, w, bias, y, g, true);
      ref.conv2d(x, w, plain, g);
      ref.biasAdd(plain, bias, want, y.length / g.outChannels, g.outChannels, 'relu');
      ref.conv2d(abs(x), abs(w), size, g);
      const terms = g.kernelHeight * g.kernelWidth * g.inChannels + 1;
      assertClose(y, want, size.map((s, i) => s + Math.abs(bias[i % g.outChannels]!)), terms,
        'conv2d + bias + relu');
    });

    it('computes the input gradient like the reference', async () => {
      await useThreads(threads);
      specs.forEach((p, i) => {
        const g = geometry(p), { w, dy } = inputs(g, 10 + i);
        const dx = heapRandom(g.batch * g.inHeight * g.inWidth * g.inChannels, rng(1));
        const want = new Float32Array(dx.length), size = new Float32Array(dx.length);
        conv2dBackpropInput(dy, w, dx, g);
        ref.conv2dBackpropInput(dy, w, want, g);
        ref.conv2dBackpropInput(abs(dy), abs(w), size, g);
        const taps = g.kernelHeight * g.kernelWidth * g.outChannels;
        assertClose(dx, want, size, taps, `conv2dBackpropInput ${JSON.stringify(p)}`);
      });
    });

    it('computes the filter gradient like the reference', async () => {
      await useThreads(threads);
      [...specs, { batch: 5, h: 26, w: 26, c: 2, f: 20, k: [3, 3] } as Spec].forEach((p, i) => {
        const g = geometry(p), { x, dy } = inputs(g, 20 + i);
        const dw = heapRandom(g.kernelHeight * g.kernelWidth * g.inChannels * g.outChannels,
          rng(2));
        const want = new Float32Array(dw.length), size = new Float32Array(dw.length);
        conv2dBackpropFilter(x, dy, dw, g);
        ref.conv2dBackpropFilter(x, dy, want, g);
        ref.conv2dBackpropFilter(abs(x), abs(dy), size, g);
        const rows = g.batch * g.outHeight * g.outWidth;
        assertClose(dw, want, size, rows, `conv2dBackpropFilter ${JSON.stringify(p)}`);
      });
    });
  });
}

describe('wasm conv2d filter gradient', () => {
  it('gives the same bits on one thread and on two, call after call', async () => {
    // The lecture ConvNet's three layers at batch 64: 16, 16 and 3 slices of rows.
    const lecture: Spec[] = [
      { batch: 64, h: 28, w: 28, c: 1, f: 32, k: [3, 3] },
      { batch: 64, h: 13, w: 13, c: 32, f: 64, k: [3, 3] },
      { batch: 64, h: 5, w: 5, c: 64, f: 64, k: [3, 3] },
    ];
    for (const [i, p] of lecture.entries()) {
      const g = geometry(p), { x, dy } = inputs(g, 60 + i);
      const size = g.kernelHeight * g.kernelWidth * g.inChannels * g.outChannels;
      const dw = heapZeros(size);
      await useThreads(1);
      conv2dBackpropFilter(x, dy, dw, g);
      const once = Uint32Array.from(new Uint32Array(dw.buffer, dw.byteOffset, size));
      await useThreads(2);
      for (let run = 0; run < 5; run++) {
        dw.fill(0);
        conv2dBackpropFilter(x, dy, dw, g);
        const bits = new Uint32Array(dw.buffer, dw.byteOffset, size);
        const at = bits.findIndex((b, j) => b !== once[j]);
        if (at >= 0) {
          throw new Error(`${JSON.stringify(p)}, run ${run}: element ${at} is ` +
            `${dw[at]} on two threads, ${new Float32Array(once.buffer)[at]} on one`);
        }
      }
    }
  });
});
