/**
 * Adamax, as tf.keras 2: m += (g - m)(1 - b1); u = max(b2 u, |g|);
 * w -= lr m / ((1 - b1^t)(u + eps)).
 *
 * @example
 * new Adamax({ learningRate: 2e-3 });
 */
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Optimizer } from './optimizer.js';
import type { LearningRateSchedule } from './schedules.js';

export interface AdamaxArgs {
  /** A fixed rate or a schedule from `schedules`. */
  learningRate?: number | LearningRateSchedule;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

const OPTIONS = optionNames<AdamaxArgs>()(['learningRate', 'beta1', 'beta2', 'epsilon']);

export class Adamax extends Optimizer {
  readonly className = 'Adamax';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  constructor(args: AdamaxArgs = {}) {
    checkOptionNames('Adamax', args, OPTIONS);
    super(args.learningRate ?? 0.001);
    this.beta1 = args.beta1 ?? 0.9;
    this.beta2 = args.beta2 ?? 0.999;
    this.epsilon = args.epsilon ?? 1e-7;
  }

  protected slotNames(): string[] {
    return ['m', 'u'];
  }

  protected update(w: Float32Array, g: Float32Array, slots: Float32Array[], t: number,
    lr: number): void {
    const m = slots[0]!, u = slots[1]!, { beta1, beta2, epsilon } = this;
    const scale = lr / (1 - beta1 ** t);
    for (let i = 0; i < w.length; i++) {
      const gi = g[i]!;
      const mi = m[i]! + (gi - m[i]!) * (1 - beta1);
      const ui = Math.max(beta2 * u[i]!, Math.abs(gi));
      m[i] = mi;
      u[i] = ui;
      w[i] = w[i]! - scale * mi / (ui + epsilon);
    }
  }

  protected ownConfig(): Record<string, unknown> {
    return { beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon };
  }
}
