/**
 * Per-image pixel operations on HWC float arrays: flips, channel shift, brightness, and the
 * statistics used by standardisation.
 *
 * @example
 * flipColumns(pixels, 2, 3, 1); // mirrors a 2x3 one-channel image left-right, in place
 */

/**
 * Mirrors an HWC image left-right, in place.
 *
 * @example
 * flipColumns(Float32Array.of(1, 2, 3), 1, 3, 1); // [3, 2, 1]
 */
export function flipColumns(x: Float32Array, height: number, width: number,
  channels: number): void {
  for (let r = 0; r < height; r++) {
    for (let a = 0, b = width - 1; a < b; a++, b--) {
      for (let ch = 0; ch < channels; ch++) {
        const i = (r * width + a) * channels + ch, j = (r * width + b) * channels + ch;
        const t = x[i]!;
        x[i] = x[j]!;
        x[j] = t;
      }
    }
  }
}

/**
 * Mirrors an HWC image top-bottom, in place.
 *
 * @example
 * flipRows(Float32Array.of(1, 2), 2, 1, 1); // [2, 1]
 */
export function flipRows(x: Float32Array, height: number, width: number, channels: number): void {
  const row = width * channels;
  const tmp = new Float32Array(row);
  for (let a = 0, b = height - 1; a < b; a++, b--) {
    tmp.set(x.subarray(a * row, (a + 1) * row));
    x.copyWithin(a * row, b * row, (b + 1) * row);
    x.set(tmp, b * row);
  }
}

/**
 * Adds `intensity` to every value, clipping to the image's min..max (Keras' channel shift).
 *
 * @example
 * channelShift(Float32Array.of(0, 10), 4); // [4, 10]
 */
export function channelShift(x: Float32Array, intensity: number): void {
  const [lo, hi] = minMax(x);
  for (let i = 0; i < x.length; i++) x[i] = Math.min(hi, Math.max(lo, x[i]! + intensity));
}

/**
 * Multiplies by `factor` like an 8-bit brightness change: values in 0..255 are scaled and
 * clipped to 0..255; other ranges are mapped to 0..255 first and back afterwards.
 *
 * @example
 * brighten(Float32Array.of(100, 200), 1.5); // [150, 255]
 */
export function brighten(x: Float32Array, factor: number): void {
  const [lo, hi] = minMax(x);
  const outside = lo < 0 || hi > 255;
  const scale = outside && hi > lo ? 255 / (hi - lo) : 1;
  const shift = outside ? lo : 0;
  for (let i = 0; i < x.length; i++) {
    const v = Math.min(255, Math.max(0, (x[i]! - shift) * scale * factor));
    x[i] = v / scale + shift;
  }
}

/**
 * Smallest and largest value.
 *
 * @example
 * minMax(Float32Array.of(3, -1, 2)); // [-1, 3]
 */
export function minMax(x: ArrayLike<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/**
 * Mean and (population) standard deviation of all values.
 *
 * @example
 * meanStd(Float32Array.of(1, 3)); // [2, 1]
 */
export function meanStd(x: ArrayLike<number>): [number, number] {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]!;
  const mean = sum / x.length;
  let sq = 0;
  for (let i = 0; i < x.length; i++) sq += (x[i]! - mean) ** 2;
  return [mean, Math.sqrt(sq / x.length)];
}
