/**
 * RMSprop, as Keras: ms = rho * ms + (1 - rho) * g²; w -= lr * g / (sqrt(ms) + eps).
 * Centered: also mg = rho * mg + (1 - rho) * g and ms - mg² replaces ms. With momentum:
 * mom = momentum * mom + increment; w -= mom.
 *
 * @example
 * new RMSprop({ learningRate: 1e-3 });   // rho 0.9, epsilon 1e-7
 */
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Optimizer } from './optimizer.js';
import type { LearningRateSchedule } from './schedules.js';

export interface RMSpropArgs {
  /** A fixed rate or a schedule from `schedules`. */
  learningRate?: number | LearningRateSchedule;
  rho?: number;
  momentum?: number;
  epsilon?: number;
  centered?: boolean;
}

const OPTIONS = optionNames<RMSpropArgs>()(['learningRate', 'rho', 'momentum', 'epsilon', 'centered']);

export class RMSprop extends Optimizer {
  readonly className = 'RMSprop';
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;

  constructor(args: RMSpropArgs = {}) {
    checkOptionNames('RMSprop', args, OPTIONS);
    super(args.learningRate ?? 0.001);
    this.rho = args.rho ?? 0.9;
    this.momentum = args.momentum ?? 0;
    this.epsilon = args.epsilon ?? 1e-7;
    this.centered = args.centered ?? false;
  }

  protected slotNames(): string[] {
    const names = ['velocity'];
    if (this.momentum > 0) names.push('momentum');
    if (this.centered) names.push('average_gradient');
    return names;
  }

  protected update(w: Float32Array, g: Float32Array, slots: Float32Array[], _t: number,
    lr: number): void {
    const { rho, epsilon, momentum } = this;
    const ms = slots[0]!;
    const mom = momentum > 0 ? slots[1]! : null;
    const mg = this.centered ? slots[momentum > 0 ? 2 : 1]! : null;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i]!;
      const v = rho * ms[i]! + (1 - rho) * gi * gi;
      ms[i] = v;
      let denominator = v;
      if (mg !== null) {
        const a = rho * mg[i]! + (1 - rho) * gi;
        mg[i] = a;
        denominator = v - a * a;
      }
      const increment = lr * gi / (Math.sqrt(Math.max(denominator, 0)) + epsilon);
      if (mom !== null) {
        const next = momentum * mom[i]! + increment;
        mom[i] = next;
        w[i] = w[i]! - next;
      } else {
        w[i] = w[i]! - increment;
      }
    }
  }

  protected ownConfig(): Record<string, unknown> {
    return { rho: this.rho, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered };
  }
}
