/**
 * Adadelta, as tf.keras 2: ag = rho ag + (1 - rho) g²;
 * delta = -g sqrt(ad + eps) / sqrt(ag + eps); ad = rho ad + (1 - rho) delta²; w += lr delta.
 *
 * @example
 * new Adadelta({ learningRate: 1 });
 */
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Optimizer } from './optimizer.js';
import type { LearningRateSchedule } from './schedules.js';

export interface AdadeltaArgs {
  /** A fixed rate or a schedule from `schedules`. */
  learningRate?: number | LearningRateSchedule;
  rho?: number;
  epsilon?: number;
}

const OPTIONS = optionNames<AdadeltaArgs>()(['learningRate', 'rho', 'epsilon']);

export class Adadelta extends Optimizer {
  readonly className = 'Adadelta';
  readonly rho: number;
  readonly epsilon: number;

  constructor(args: AdadeltaArgs = {}) {
    checkOptionNames('Adadelta', args, OPTIONS);
    super(args.learningRate ?? 0.001);
    this.rho = args.rho ?? 0.95;
    this.epsilon = args.epsilon ?? 1e-7;
  }

  protected slotNames(): string[] {
    return ['accumulated_grad', 'accumulated_delta_var'];
  }

  protected update(w: Float32Array, g: Float32Array, slots: Float32Array[], _t: number,
    lr: number): void {
    const ag = slots[0]!, ad = slots[1]!, { rho, epsilon } = this;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i]!;
      const a = rho * ag[i]! + (1 - rho) * gi * gi;
      ag[i] = a;
      const delta = -gi * Math.sqrt(ad[i]! + epsilon) / Math.sqrt(a + epsilon);
      ad[i] = rho * ad[i]! + (1 - rho) * delta * delta;
      w[i] = w[i]! + lr * delta;
    }
  }

  protected ownConfig(): Record<string, unknown> {
    return { rho: this.rho, epsilon: this.epsilon };
  }
}
