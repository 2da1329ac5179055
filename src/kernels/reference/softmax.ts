// Reference row-wise softmax, log-softmax and fused bias + activation.

export function softmax(x: Float32Array, out: Float32Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let max = -Infinity;
    for (let c = 0; c < cols; c++) max = Math.max(max, x[o + c]!);
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const e = Math.exp(x[o + c]! - max);
      out[o + c] = e;
      sum += e;
    }
    for (let c = 0; c < cols; c++) out[o + c] = out[o + c]! / sum;
  }
}

export function logSoftmax(x: Float32Array, out: Float32Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let max = -Infinity;
    for (let c = 0; c < cols; c++) max = Math.max(max, x[o + c]!);
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += Math.exp(x[o + c]! - max);
    const logSum = max + Math.log(sum);
    for (let c = 0; c < cols; c++) out[o + c] = x[o + c]! - logSum;
  }
}

export function biasAdd(x: Float32Array, bias: Float32Array, out: Float32Array, rows: number,
  cols: number, activation: 'linear' | 'relu'): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let c = 0; c < cols; c++) {
      const v = x[o + c]! + bias[c]!;
      out[o + c] = activation === 'relu' && v < 0 ? 0 : v;
    }
  }
}
