/**
 * Nadam (Adam with Nesterov momentum), as tf.keras 2, with the momentum schedule
 * u_t = b1 (1 - 0.5 * 0.96^(0.004 t)) and its running product.
 *
 * @example
 * new Nadam({ learningRate: 1e-3 });
 */
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Optimizer } from './optimizer.js';
import type { LearningRateSchedule } from './schedules.js';

export interface NadamArgs {
  /** A fixed rate or a schedule from `schedules`. */
  learningRate?: number | LearningRateSchedule;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

const OPTIONS = optionNames<NadamArgs>()(['learningRate', 'beta1', 'beta2', 'epsilon']);

export class Nadam extends Optimizer {
  readonly className = 'Nadam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** Product of u_1..u_t, advanced once per step. */
  private uProduct = 1;
  private stepConstants = { ut: 0, ut1: 0, prodT: 1, prodT1: 1 };

  constructor(args: NadamArgs = {}) {
    checkOptionNames('Nadam', args, OPTIONS);
    super(args.learningRate ?? 0.001);
    this.beta1 = args.beta1 ?? 0.9;
    this.beta2 = args.beta2 ?? 0.999;
    this.epsilon = args.epsilon ?? 1e-7;
  }

  protected slotNames(): string[] {
    return ['m', 'v'];
  }

  protected override beginStep(t: number): void {
    const schedule = (k: number): number => this.beta1 * (1 - 0.5 * 0.96 ** (0.004 * k));
    const ut = schedule(t), ut1 = schedule(t + 1);
    const prodT = this.uProduct * ut;
    this.stepConstants = { ut, ut1, prodT, prodT1: prodT * ut1 };
    this.uProduct = prodT;
  }

  protected update(w: Float32Array, g: Float32Array, slots: Float32Array[], t: number,
    lr: number): void {
    const m = slots[0]!, v = slots[1]!, { beta1, beta2, epsilon } = this;
    const { ut, ut1, prodT, prodT1 } = this.stepConstants;
    const vCorrection = 1 - beta2 ** t;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i]!;
      const mi = m[i]! + (gi - m[i]!) * (1 - beta1);
      const vi = v[i]! + (gi * gi - v[i]!) * (1 - beta2);
      m[i] = mi;
      v[i] = vi;
      const mHat = ut1 * mi / (1 - prodT1) + (1 - ut) * gi / (1 - prodT);
      w[i] = w[i]! - lr * mHat / (Math.sqrt(vi / vCorrection) + epsilon);
    }
  }

  protected override extraState(): number[] {
    return [this.uProduct];
  }

  protected override setExtraState(values: number[]): void {
    this.uProduct = values[0] ?? 1;
  }

  protected ownConfig(): Record<string, unknown> {
    return { beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon };
  }
}
