// Splitting work between threads.

/**
 * Cuts [0, n) into at most `parts` contiguous ranges whose inner boundaries are multiples of
 * `align` (so every thread gets whole register tiles), as equal as that allows.
 *
 * @example
 * splitRange(10, 2, 4); // [[0, 4], [4, 10]]
 */
export function splitRange(n: number, parts: number, align = 1): Array<[number, number]> {
  const units = Math.ceil(n / align);
  const count = Math.max(1, Math.min(parts, units));
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const end = Math.min(n, Math.round((units * (i + 1)) / count) * align);
    if (end > start) ranges.push([start, end]);
    start = end;
  }
  return ranges;
}

/** Threads worth using for `flops` of work: below ~0.1 ms of compute one thread is faster. */
export function threadsFor(flops: number, available: number): number {
  const perThread = 4e6;
  return Math.max(1, Math.min(available, Math.floor(flops / perThread)));
}

/**
 * Chunk size for {@link runChunked}: about `perThread` chunks per thread (so that a late or
 * slow thread leaves little imbalance), at least `min`, rounded up to a multiple of `align`.
 *
 * @example
 * chunkSize(7744, 2, 64); // 704: eleven chunks of 64-row multiples
 */
export function chunkSize(total: number, threads: number, align = 1, min = align,
  perThread = 6): number {
  const raw = Math.max(min, Math.ceil(total / (threads * perThread)));
  return Math.ceil(raw / align) * align;
}
