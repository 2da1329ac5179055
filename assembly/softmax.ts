// Row-wise softmax and log-softmax of x [rows, cols], with the row maximum subtracted so that
// exp never overflows. Sums run in float64: rows are short and accuracy is cheap here.

/** out = softmax(x) per row, or log-softmax when log != 0, for rows r0..r1. */
export function softmaxRows(x: usize, out: usize, cols: i32, log: i32, r0: i32, r1: i32): void {
  for (let r = r0; r < r1; r++) {
    const xp = x + (<usize>(r * cols) << 2), op = out + (<usize>(r * cols) << 2);
    let top = -Infinity;
    for (let c = 0; c < cols; c++) top = max(top, <f64>load<f32>(xp + (<usize>c << 2)));
    let sum: f64 = 0;
    for (let c = 0; c < cols; c++) {
      const e = Math.exp(<f64>load<f32>(xp + (<usize>c << 2)) - top);
      if (log == 0) store<f32>(op + (<usize>c << 2), <f32>e);
      sum += e;
    }
    if (log != 0) {
      const logSum = top + Math.log(sum);
      for (let c = 0; c < cols; c++) {
        store<f32>(op + (<usize>c << 2), <f32>(<f64>load<f32>(xp + (<usize>c << 2)) - logSum));
      }
      continue;
    }
    const inv = 1 / sum;
    for (let c = 0; c < cols; c++) {
      const p = op + (<usize>c << 2);
      store<f32>(p, <f32>(<f64>load<f32>(p) * inv));
    }
  }
}
