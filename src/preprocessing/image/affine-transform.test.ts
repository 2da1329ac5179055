import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tensor, type NestedArray } from '../../tensor/tensor.js';
import { affineMatrix, applyAffineTransform, type AffineParams } from './affine-transform.js';
import type { FillMode } from './fill-mode.js';
import { sourceIndex } from './fill-mode.js';

/** A 2-D image [h, w] as a one-channel tensor [h, w, 1]. */
function image(rows: number[][]) {
  return tensor(rows.map((r) => r.map((v) => [v])));
}

function plain(t: NestedArray): number[][] {
  return (t as number[][][]).map((r) => r.map((px) => px[0]!));
}

function warp(rows: number[][], p: AffineParams, fillMode: FillMode = 'nearest',
  cval = 0): number[][] {
  return plain(applyAffineTransform(image(rows), p, { fillMode, cval }).toArray());
}

function close(actual: number[], expected: number[], tol: number): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((v, i) => assert.ok(Math.abs(v - expected[i]!) <= tol,
    `index ${i}: got ${v}, expected ${expected[i]}`));
}

describe('affine transform', () => {
  it('rotates an asymmetric 3x3 image by 90 degrees exactly', () => {
    assert.deepEqual(warp([[1, 2, 3], [4, 5, 6], [7, 8, 9]], { theta: 90 }),
      [[7, 4, 1], [8, 5, 2], [9, 6, 3]]);
  });

  it('rotates a 3x4 image by 180 degrees about its centre', () => {
    assert.deepEqual(warp([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], { theta: 180 }),
      [[12, 11, 10, 9], [8, 7, 6, 5], [4, 3, 2, 1]]);
  });

  // out[c] = in[c + ty]: the content moves left and the right border is filled.
  const row = [[1, 2, 3, 4]];
  const shifts: [FillMode, number[], number[]][] = [
    ['nearest', [3, 4, 4, 4], [1, 1, 2, 3]],
    ['reflect', [3, 4, 4, 3], [1, 1, 2, 3]],
    ['wrap', [3, 4, 1, 2], [4, 1, 2, 3]],
    ['constant', [3, 4, -1, -1], [-1, 1, 2, 3]],
  ];
  for (const [mode, byTwo, byMinusOne] of shifts) {
    it(`fills the border in mode '${mode}' when shifting columns`, () => {
      assert.deepEqual(warp(row, { ty: 1 }, mode, -1)[0], [2, 3, 4, mode === 'wrap' ? 1
        : mode === 'constant' ? -1 : 4]);
      assert.deepEqual(warp(row, { ty: 2 }, mode, -1)[0], byTwo);
      assert.deepEqual(warp(row, { ty: -1 }, mode, -1)[0], byMinusOne);
    });
  }

  it('shifts rows with tx', () => {
    assert.deepEqual(warp([[1], [2], [3]], { tx: 1 }, 'constant', 9), [[2], [3], [9]]);
    assert.deepEqual(warp([[1], [2], [3]], { tx: -1 }, 'reflect'), [[1], [1], [2]]);
  });

  it('matches scipy.ndimage.affine_transform for rotation, shift, shear and zoom', () => {
    // Reference: the same matrix, built as rotation·shift·shear·zoom about the centre, passed
    // to scipy.ndimage.affine_transform(order=1) with each mode (cval -1).
    const src = Array.from({ length: 30 }, (_, i) => ((i * 7) % 11) + i * 0.5);
    const rows = Array.from({ length: 5 }, (_, r) => src.slice(r * 6, r * 6 + 6));
    const p = { theta: 30, tx: 0.7, ty: -1.3, shear: 10, zx: 0.9, zy: 1.2 };
    const scipy: Record<string, number[]> = {
      nearest: [14.62573, 13.85439, 11.80715, 8.79146, 6.06321, 11.07195, 15.0, 14.63381,
        11.01158, 15.09457, 11.43805, 10.04538, 15.0, 17.58965, 18.31887, 17.22727, 13.23854,
        9.33023, 15.0, 20.96465, 19.99911, 16.43169, 12.44296, 13.64953, 17.44525, 21.6415,
        18.42411, 16.12845, 18.89735, 17.80395],
      reflect: [16.2292, 13.85439, 11.80715, 8.79146, 6.06321, 11.07195, 15.17975, 14.63381,
        11.01158, 15.09457, 11.43805, 10.04538, 14.81542, 17.58965, 18.31887, 17.22727,
        13.23854, 9.33023, 14.036, 19.08659, 19.99911, 16.43169, 12.44296, 13.64953, 12.11546,
        12.59935, 18.22337, 16.12845, 18.89735, 17.80395],
      constant: [-1, -1, 11.80715, 8.79146, 6.06321, -1, -1, -1, 11.01158, 15.09457, 11.43805,
        10.04538, -1, -1, 18.31887, 17.22727, 13.23854, 9.33023, -1, -1, -1, 16.43169, 12.44296,
        13.64953, -1, -1, -1, -1, 18.89735, 17.80395],
    };
    for (const mode of ['nearest', 'reflect', 'constant'] as const) {
      close(warp(rows, p, mode, -1).flat(), scipy[mode]!, 2e-5);
    }
  });

  it('samples the nearest pixel with order 0', () => {
    const y = applyAffineTransform(image([[0, 10], [20, 30]]), { ty: 0.4 },
      { order: 0, fillMode: 'nearest' });
    assert.deepEqual(plain(y.toArray()), [[0, 10], [20, 30]]);
    const z = applyAffineTransform(image([[0, 10], [20, 30]]), { ty: 0.4 });
    close([...z.data], [4, 10, 24, 30], 1e-5);
  });

  it('returns no matrix for the identity and keeps channels together', () => {
    assert.equal(affineMatrix({ theta: 0, zx: 1 }, 4, 4), null);
    const rgb = tensor([[[1, 2, 3], [4, 5, 6]]]);
    assert.deepEqual(applyAffineTransform(rgb, { ty: 1 }, { fillMode: 'constant' }).toArray(),
      [[[4, 5, 6], [0, 0, 0]]]);
  });

  it('maps out-of-range indices for each fill mode', () => {
    assert.deepEqual([-2, -1, 4, 5].map((i) => sourceIndex(i, 4, 'reflect')), [1, 0, 3, 2]);
    assert.deepEqual([-2, -1, 4, 5].map((i) => sourceIndex(i, 4, 'wrap')), [2, 3, 0, 1]);
    assert.deepEqual([-2, 7].map((i) => sourceIndex(i, 4, 'nearest')), [0, 3]);
  });
});
