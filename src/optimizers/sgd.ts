/**
 * SGD with optional (Nesterov) momentum, as tf.keras 2:
 * m = momentum * m - lr * g; w += m  (Nesterov: w += momentum * m - lr * g).
 * Without momentum: w -= lr * g.
 *
 * @example
 * new SGD({ learningRate: 0.01, momentum: 0.9, nesterov: true });
 */
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Optimizer } from './optimizer.js';
import type { LearningRateSchedule } from './schedules.js';

export interface SGDArgs {
  /** A fixed rate or a schedule from `schedules`. */
  learningRate?: number | LearningRateSchedule;
  momentum?: number;
  nesterov?: boolean;
}

const OPTIONS = optionNames<SGDArgs>()(['learningRate', 'momentum', 'nesterov']);

export class SGD extends Optimizer {
  readonly className = 'SGD';
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(args: SGDArgs = {}) {
    checkOptionNames('SGD', args, OPTIONS);
    super(args.learningRate ?? 0.01);
    this.momentum = args.momentum ?? 0;
    this.nesterov = args.nesterov ?? false;
  }

  protected slotNames(): string[] {
    return this.momentum > 0 ? ['m'] : [];
  }

  protected update(w: Float32Array, g: Float32Array, slots: Float32Array[], _t: number,
    lr: number): void {
    const mu = this.momentum;
    if (mu === 0) {
      for (let i = 0; i < w.length; i++) w[i] = w[i]! - lr * g[i]!;
      return;
    }
    const m = slots[0]!;
    for (let i = 0; i < w.length; i++) {
      const next = mu * m[i]! - lr * g[i]!;
      m[i] = next;
      w[i] = w[i]! + (this.nesterov ? mu * next - lr * g[i]! : next);
    }
  }

  protected ownConfig(): Record<string, unknown> {
    return { momentum: this.momentum, nesterov: this.nesterov };
  }
}
