/**
 * Histogram buckets in TensorBoard's TF2 form: a [k, 3] table of rows
 * `[leftEdge, rightEdge, count]` with k equal-width buckets between the smallest and the
 * largest value (what `tf.summary.histogram` computes, default k = 30).
 *
 * Edge cases follow TensorBoard: no values give a [0, 3] table; values that are all equal to
 * v give one bucket [v - 0.5, v + 0.5, n]. NaN and ±Infinity cannot be placed in a bucket and
 * are left out; `dropped` says how many.
 *
 * @example
 * histogramBuckets([1, 1, 1]).rows; // [[0.5, 1.5, 3]]
 * histogramBuckets([0, 1, 2, 3], 2).rows; // [[0, 1.5, 2], [1.5, 3, 2]]
 */

export interface HistogramBuckets {
  /** Rows of [leftEdge, rightEdge, count]. */
  rows: Array<[number, number, number]>;
  /** How many non-finite values were left out. */
  dropped: number;
}

export const DEFAULT_BUCKET_COUNT = 30;

export function histogramBuckets(values: ArrayLike<number>, bucketCount = DEFAULT_BUCKET_COUNT):
  HistogramBuckets {
  let min = Infinity;
  let max = -Infinity;
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    finite++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const dropped = values.length - finite;

  if (finite === 0 || bucketCount <= 0) return { rows: [], dropped };
  if (min === max) return { rows: [[min - 0.5, max + 0.5, finite]], dropped };

  const width = (max - min) / bucketCount;
  const counts = new Float64Array(bucketCount);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    // the largest value lands at index bucketCount; it belongs to the last bucket
    counts[Math.min(Math.floor((v - min) / width), bucketCount - 1)]! += 1;
  }

  const rows: Array<[number, number, number]> = [];
  for (let i = 0; i < bucketCount; i++) {
    const right = i === bucketCount - 1 ? max : min + (i + 1) * width;
    rows.push([min + i * width, right, counts[i]!]);
  }
  return { rows, dropped };
}
