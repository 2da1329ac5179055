/**
 * Gradient checking for tests: compares autograd gradients with central finite differences.
 *
 * Tensors are float32, so the differences are taken with a step of 1e-2 on inputs of order 1:
 * the truncation error is O(step²) ≈ 1e-4 relative and the float32 rounding error of the loss
 * divided by the step stays near 1e-5, so agreement within 2e-3 (relative to the gradient's
 * scale, floor 1) separates a right gradient from a wrong one with room to spare.
 */
import { gradients } from '../tensor/autograd.js';
import { Tensor } from '../tensor/tensor.js';

export interface GradCheckResult {
  maxError: number;
  worst: { input: number; index: number; analytic: number; numeric: number } | null;
}

/**
 * Checks d(sum(f(inputs) * weights))/d(input) for every input. A fixed random weighting of the
 * output makes every output element matter (a plain sum hides errors that cancel).
 */
export function checkGradients(f: (...xs: Tensor[]) => Tensor, inputs: Tensor[],
  step = 1e-2): GradCheckResult {
  for (const x of inputs) x.requiresGrad = true;
  const probe = f(...inputs);
  const weights = Float64Array.from({ length: probe.size }, (_, i) => Math.sin(i * 1.7 + 0.3) + 1.2);
  const scalarOf = (t: Tensor): number => {
    let s = 0;
    const d = t.data;
    for (let i = 0; i < d.length; i++) s += d[i]! * weights[i]!;
    return s;
  };
  const dy = new Tensor(probe.shape);
  dy.f32.set(weights);
  const analytic = gradients(probe, inputs, dy);

  let maxError = 0;
  let worst: GradCheckResult['worst'] = null;
  inputs.forEach((x, k) => {
    const data = x.f32;
    const g = analytic[k]?.f32;
    for (let i = 0; i < data.length; i++) {
      const saved = data[i]!;
      data[i] = saved + step;
      const plus = scalarOf(f(...inputs));
      data[i] = saved - step;
      const minus = scalarOf(f(...inputs));
      data[i] = saved;
      const numeric = (plus - minus) / (2 * step);
      const a = g === undefined ? 0 : g[i]!;
      const error = Math.abs(a - numeric) / Math.max(1, Math.abs(numeric));
      if (error > maxError || Number.isNaN(error)) {
        maxError = Number.isNaN(error) ? Infinity : error;
        worst = { input: k, index: i, analytic: a, numeric };
      }
    }
  });
  return { maxError, worst };
}
