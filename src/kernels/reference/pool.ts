// Reference 2-D pooling over NHWC tensors. Windows only ever cover positions inside the input:
// 'same' padding adds no values, it only lets windows hang over the edge (Keras semantics).
import type { Pool2DGeometry } from '../backend.js';

/** Calls `fn` with each output index and the input window bounds, clipped to the input. */
function forEachWindow(g: Pool2DGeometry, fn: (outIndex: number, inBase: number, y0: number,
  y1: number, x0: number, x1: number) => void): void {
  for (let b = 0; b < g.batch; b++) {
    for (let oy = 0; oy < g.outHeight; oy++) {
      const y0 = Math.max(0, oy * g.strideHeight - g.padTop);
      const y1 = Math.min(g.inHeight, oy * g.strideHeight - g.padTop + g.poolHeight);
      for (let ox = 0; ox < g.outWidth; ox++) {
        const x0 = Math.max(0, ox * g.strideWidth - g.padLeft);
        const x1 = Math.min(g.inWidth, ox * g.strideWidth - g.padLeft + g.poolWidth);
        const outBase = ((b * g.outHeight + oy) * g.outWidth + ox) * g.channels;
        fn(outBase, b * g.inHeight * g.inWidth * g.channels, y0, y1, x0, x1);
      }
    }
  }
}

export function maxPool2d(x: Float32Array, y: Float32Array, argMax: Int32Array,
  g: Pool2DGeometry): void {
  const C = g.channels;
  forEachWindow(g, (outBase, inBase, y0, y1, x0, x1) => {
    for (let c = 0; c < C; c++) {
      let best = -Infinity, bestAt = -1;
      for (let iy = y0; iy < y1; iy++) {
        for (let ix = x0; ix < x1; ix++) {
          const at = inBase + (iy * g.inWidth + ix) * C + c;
          const v = x[at]!;
          if (v > best || bestAt < 0 || (v !== v && best === best)) {
            best = v;
            bestAt = at;
          }
        }
      }
      y[outBase + c] = best;
      argMax[outBase + c] = bestAt;
    }
  });
}

export function maxPool2dBackprop(dy: Float32Array, argMax: Int32Array, dx: Float32Array): void {
  dx.fill(0);
  for (let i = 0; i < dy.length; i++) dx[argMax[i]!] += dy[i]!;
}

export function avgPool2d(x: Float32Array, y: Float32Array, g: Pool2DGeometry): void {
  const C = g.channels;
  forEachWindow(g, (outBase, inBase, y0, y1, x0, x1) => {
    const count = (y1 - y0) * (x1 - x0);
    for (let c = 0; c < C; c++) {
      let sum = 0;
      for (let iy = y0; iy < y1; iy++) {
        for (let ix = x0; ix < x1; ix++) sum += x[inBase + (iy * g.inWidth + ix) * C + c]!;
      }
      y[outBase + c] = sum / count;
    }
  });
}

export function avgPool2dBackprop(dy: Float32Array, dx: Float32Array, g: Pool2DGeometry): void {
  const C = g.channels;
  dx.fill(0);
  forEachWindow(g, (outBase, inBase, y0, y1, x0, x1) => {
    const count = (y1 - y0) * (x1 - x0);
    for (let c = 0; c < C; c++) {
      const share = dy[outBase + c]! / count;
      for (let iy = y0; iy < y1; iy++) {
        for (let ix = x0; ix < x1; ix++) dx[inBase + (iy * g.inWidth + ix) * C + c] += share;
      }
    }
  });
}
