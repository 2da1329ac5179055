// Reference 2-D convolution (cross-correlation, as in Keras) and its two gradients.
// x [n,h,w,cIn] · w [kh,kw,cIn,cOut] -> y [n,oh,ow,cOut]. Written as direct loops so that
// each output is plainly the sum the definition names; accumulation in float64.
import type { Conv2DGeometry } from '../backend.js';

export function conv2d(x: Float32Array, w: Float32Array, y: Float32Array, g: Conv2DGeometry): void {
  const { inHeight: H, inWidth: W, inChannels: C, outChannels: F } = g;
  for (let b = 0; b < g.batch; b++) {
    for (let oy = 0; oy < g.outHeight; oy++) {
      for (let ox = 0; ox < g.outWidth; ox++) {
        const yBase = ((b * g.outHeight + oy) * g.outWidth + ox) * F;
        for (let f = 0; f < F; f++) {
          let acc = 0;
          for (let ky = 0; ky < g.kernelHeight; ky++) {
            const iy = oy * g.strideHeight + ky * g.dilationHeight - g.padTop;
            if (iy < 0 || iy >= H) continue;
            for (let kx = 0; kx < g.kernelWidth; kx++) {
              const ix = ox * g.strideWidth + kx * g.dilationWidth - g.padLeft;
              if (ix < 0 || ix >= W) continue;
              const xBase = ((b * H + iy) * W + ix) * C;
              const wBase = (ky * g.kernelWidth + kx) * C * F + f;
              for (let c = 0; c < C; c++) acc += x[xBase + c]! * w[wBase + c * F]!;
            }
          }
          y[yBase + f] = acc;
        }
      }
    }
  }
}

export function conv2dBackpropInput(dy: Float32Array, w: Float32Array, dx: Float32Array,
  g: Conv2DGeometry): void {
  const { inHeight: H, inWidth: W, inChannels: C, outChannels: F } = g;
  const acc = new Float64Array(dx.length);
  forEachTap(g, (b, oy, ox, ky, kx, iy, ix) => {
    const dyBase = ((b * g.outHeight + oy) * g.outWidth + ox) * F;
    const xBase = ((b * H + iy) * W + ix) * C;
    const wBase = (ky * g.kernelWidth + kx) * C * F;
    for (let c = 0; c < C; c++) {
      let s = 0;
      for (let f = 0; f < F; f++) s += dy[dyBase + f]! * w[wBase + c * F + f]!;
      acc[xBase + c] += s;
    }
  });
  dx.set(acc);
}

export function conv2dBackpropFilter(x: Float32Array, dy: Float32Array, dw: Float32Array,
  g: Conv2DGeometry): void {
  const { inHeight: H, inWidth: W, inChannels: C, outChannels: F } = g;
  const acc = new Float64Array(dw.length);
  forEachTap(g, (b, oy, ox, ky, kx, iy, ix) => {
    const dyBase = ((b * g.outHeight + oy) * g.outWidth + ox) * F;
    const xBase = ((b * H + iy) * W + ix) * C;
    const wBase = (ky * g.kernelWidth + kx) * C * F;
    for (let c = 0; c < C; c++) {
      const xv = x[xBase + c]!;
      for (let f = 0; f < F; f++) acc[wBase + c * F + f] += xv * dy[dyBase + f]!;
    }
  });
  dw.set(acc);
}

/** Calls `fn` for every (output position, kernel tap) pair whose input lies inside x. */
function forEachTap(g: Conv2DGeometry, fn: (b: number, oy: number, ox: number, ky: number,
  kx: number, iy: number, ix: number) => void): void {
  for (let b = 0; b < g.batch; b++) {
    for (let oy = 0; oy < g.outHeight; oy++) {
      for (let ox = 0; ox < g.outWidth; ox++) {
        for (let ky = 0; ky < g.kernelHeight; ky++) {
          const iy = oy * g.strideHeight + ky * g.dilationHeight - g.padTop;
          if (iy < 0 || iy >= g.inHeight) continue;
          for (let kx = 0; kx < g.kernelWidth; kx++) {
            const ix = ox * g.strideWidth + kx * g.dilationWidth - g.padLeft;
            if (ix < 0 || ix >= g.inWidth) continue;
            fn(b, oy, ox, ky, kx, iy, ix);
          }
        }
      }
    }
  }
}
