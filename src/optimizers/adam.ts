/**
 * Adam, as tf.keras 2: m += (g - m)(1 - b1); v += (g² - v)(1 - b2);
 * w -= m * lr * sqrt(1 - b2^t) / (1 - b1^t) / (sqrt(v) + eps). AMSGrad uses the running
 * maximum of v.
 *
 * @example
 * new Adam({ learningRate: 1e-3 });   // beta1 0.9, beta2 0.999, epsilon 1e-7
 */
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Optimizer } from './optimizer.js';
import type { LearningRateSchedule } from './schedules.js';

export interface AdamArgs {
  /** A fixed rate or a schedule from `schedules`. */
  learningRate?: number | LearningRateSchedule;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  amsgrad?: boolean;
}

const OPTIONS = optionNames<AdamArgs>()(['learningRate', 'beta1', 'beta2', 'epsilon', 'amsgrad']);

export class Adam extends Optimizer {
  readonly className = 'Adam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly amsgrad: boolean;

  constructor(args: AdamArgs = {}) {
    checkOptionNames('Adam', args, OPTIONS);
    super(args.learningRate ?? 0.001);
    this.beta1 = args.beta1 ?? 0.9;
    this.beta2 = args.beta2 ?? 0.999;
    this.epsilon = args.epsilon ?? 1e-7;
    this.amsgrad = args.amsgrad ?? false;
  }

  protected slotNames(): string[] {
    return this.amsgrad ? ['m', 'v', 'vhat'] : ['m', 'v'];
  }

  protected update(w: Float32Array, g: Float32Array, slots: Float32Array[], t: number,
    lr: number): void {
    const { beta1, beta2, epsilon } = this;
    const alpha = lr * Math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t);
    const m = slots[0]!, v = slots[1]!, vhat = this.amsgrad ? slots[2]! : null;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i]!;
      const mi = m[i]! + (gi - m[i]!) * (1 - beta1);
      let vi = v[i]! + (gi * gi - v[i]!) * (1 - beta2);
      m[i] = mi;
      v[i] = vi;
      if (vhat !== null) {
        vi = Math.max(vhat[i]!, vi);
        vhat[i] = vi;
      }
      w[i] = w[i]! - mi * alpha / (Math.sqrt(vi) + epsilon);
    }
  }

  protected ownConfig(): Record<string, unknown> {
    return { beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon, amsgrad: this.amsgrad };
  }
}
