// 2-D max and average pooling over NHWC input, vectorized across channels. Windows are clipped
// to the input ('same' padding adds no values). Work is split by output rows (b, oy).

const BATCH = 0, IN_H = 1, IN_W = 2, CH = 3, OUT_H = 4, OUT_W = 5;
const P_H = 6, P_W = 7, S_H = 8, S_W = 9, PAD_T = 10, PAD_L = 11;

// @ts-ignore: decorator
@inline function geo(g: usize, field: i32): i32 {
  return load<i32>(g + (<usize>field << 2));
}

/**
 * y = window maxima for output rows r0..r1 (r = b * outH + oy); arg gets the flat index into x
 * of the first maximum in row-major window order (a NaN wins, as in the reference).
 */
export function maxPool2dRows(x: usize, y: usize, arg: usize, g: usize, r0: i32, r1: i32): void {
  const H = geo(g, IN_H), W = geo(g, IN_W), C = geo(g, CH);
  const OH = geo(g, OUT_H), OW = geo(g, OUT_W);
  for (let r = r0; r < r1; r++) {
    const oy = r % OH, b = r / OH;
    const ys = oy * geo(g, S_H) - geo(g, PAD_T);
    const y0 = max(0, ys), y1 = min(H, ys + geo(g, P_H));
    for (let ox = 0; ox < OW; ox++) {
      const xs = ox * geo(g, S_W) - geo(g, PAD_L);
      const x0 = max(0, xs), x1 = min(W, xs + geo(g, P_W));
      const o = (r * OW + ox) * C;
      const inBase = b * H * W * C;
      if (y1 <= y0 || x1 <= x0) {
        for (let c = 0; c < C; c++) {
          store<f32>(y + (<usize>(o + c) << 2), -Infinity);
          store<i32>(arg + (<usize>(o + c) << 2), -1);
        }
        continue;
      }
      let c = 0;
      for (; c + 4 <= C; c += 4) {
        const first = inBase + (y0 * W + x0) * C + c;
        let best = v128.load(x + (<usize>first << 2));
        let at = i32x4.add(i32x4.splat(first), i32x4(0, 1, 2, 3));
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            const i = inBase + (iy * W + ix) * C + c;
            const v = v128.load(x + (<usize>i << 2));
            const nan = v128.and(f32x4.ne(v, v), f32x4.eq(best, best));
            const take = v128.or(f32x4.gt(v, best), nan);
            best = v128.bitselect(v, best, take);
            at = v128.bitselect(i32x4.add(i32x4.splat(i), i32x4(0, 1, 2, 3)), at, take);
          }
        }
        v128.store(y + (<usize>(o + c) << 2), best);
        v128.store(arg + (<usize>(o + c) << 2), at);
      }
      for (; c < C; c++) {
        let at = inBase + (y0 * W + x0) * C + c;
        let best = load<f32>(x + (<usize>at << 2));
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            const i = inBase + (iy * W + ix) * C + c;
            const v = load<f32>(x + (<usize>i << 2));
            if (v > best || (v != v && best == best)) {
              best = v;
              at = i;
            }
          }
        }
        store<f32>(y + (<usize>(o + c) << 2), best);
        store<i32>(arg + (<usize>(o + c) << 2), at);
      }
    }
  }
}

/** dx = 0 (dxLength floats), then dx[arg[i]] += dy[i] for i < n. */
export function maxPool2dBackprop(dy: usize, arg: usize, dx: usize, n: i32, dxLength: i32): void {
  memory.fill(dx, 0, <usize>dxLength << 2);
  for (let i = 0; i < n; i++) {
    const at = load<i32>(arg + (<usize>i << 2));
    const p = dx + (<usize>at << 2);
    store<f32>(p, load<f32>(p) + load<f32>(dy + (<usize>i << 2)));
  }
}

/** Window means for output rows r0..r1, counting only positions inside the input. */
export function avgPool2dRows(x: usize, y: usize, g: usize, r0: i32, r1: i32): void {
  const H = geo(g, IN_H), W = geo(g, IN_W), C = geo(g, CH);
  const OH = geo(g, OUT_H), OW = geo(g, OUT_W);
  for (let r = r0; r < r1; r++) {
    const oy = r % OH, b = r / OH;
    const ys = oy * geo(g, S_H) - geo(g, PAD_T);
    const y0 = max(0, ys), y1 = min(H, ys + geo(g, P_H));
    for (let ox = 0; ox < OW; ox++) {
      const xs = ox * geo(g, S_W) - geo(g, PAD_L);
      const x0 = max(0, xs), x1 = min(W, xs + geo(g, P_W));
      const o = y + (<usize>((r * OW + ox) * C) << 2);
      const inBase = b * H * W * C;
      const inv = <f32>1 / <f32>((y1 - y0) * (x1 - x0));
      let c = 0;
      for (; c + 4 <= C; c += 4) {
        let sum = f32x4.splat(0);
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            const i = inBase + (iy * W + ix) * C + c;
            sum = f32x4.add(sum, v128.load(x + (<usize>i << 2)));
          }
        }
        v128.store(o + (<usize>c << 2), f32x4.mul(sum, f32x4.splat(inv)));
      }
      for (; c < C; c++) {
        let sum: f32 = 0;
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            sum += load<f32>(x + (<usize>(inBase + (iy * W + ix) * C + c) << 2));
          }
        }
        store<f32>(o + (<usize>c << 2), sum * inv);
      }
    }
  }
}

/** dx for images b0..b1 from dy: each window's gradient shared equally over its inputs. */
export function avgPool2dBackpropImages(dy: usize, dx: usize, g: usize, b0: i32, b1: i32): void {
  const H = geo(g, IN_H), W = geo(g, IN_W), C = geo(g, CH);
  const OH = geo(g, OUT_H), OW = geo(g, OUT_W);
  const imageFloats = H * W * C;
  memory.fill(dx + (<usize>(b0 * imageFloats) << 2), 0, <usize>((b1 - b0) * imageFloats) << 2);
  for (let r = b0 * OH; r < b1 * OH; r++) {
    const oy = r % OH, b = r / OH;
    const ys = oy * geo(g, S_H) - geo(g, PAD_T);
    const y0 = max(0, ys), y1 = min(H, ys + geo(g, P_H));
    for (let ox = 0; ox < OW; ox++) {
      const xs = ox * geo(g, S_W) - geo(g, PAD_L);
      const x0 = max(0, xs), x1 = min(W, xs + geo(g, P_W));
      const d = dy + (<usize>((r * OW + ox) * C) << 2);
      const inv = <f32>1 / <f32>((y1 - y0) * (x1 - x0));
      for (let iy = y0; iy < y1; iy++) {
        for (let ix = x0; ix < x1; ix++) {
          const p = dx + (<usize>(b * imageFloats + (iy * W + ix) * C) << 2);
          let c = 0;
          for (; c + 4 <= C; c += 4) {
            const o = <usize>c << 2;
            const share = f32x4.mul(v128.load(d + o), f32x4.splat(inv));
            v128.store(p + o, f32x4.add(v128.load(p + o), share));
          }
          for (; c < C; c++) {
            const o = <usize>c << 2;
            store<f32>(p + o, load<f32>(p + o) + load<f32>(d + o) * inv);
          }
        }
      }
    }
  }
}
