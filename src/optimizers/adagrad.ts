/**
 * Adagrad, as tf.keras 2: acc += g²; w -= lr * g / sqrt(acc + eps), with acc starting at
 * initialAccumulatorValue.
 *
 * @example
 * new Adagrad({ learningRate: 0.01 });
 */
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Optimizer } from './optimizer.js';
import type { LearningRateSchedule } from './schedules.js';

export interface AdagradArgs {
  /** A fixed rate or a schedule from `schedules`. */
  learningRate?: number | LearningRateSchedule;
  initialAccumulatorValue?: number;
  epsilon?: number;
}

const OPTIONS = optionNames<AdagradArgs>()(['learningRate', 'initialAccumulatorValue', 'epsilon']);

export class Adagrad extends Optimizer {
  readonly className = 'Adagrad';
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;

  constructor(args: AdagradArgs = {}) {
    checkOptionNames('Adagrad', args, OPTIONS);
    super(args.learningRate ?? 0.001);
    this.initialAccumulatorValue = args.initialAccumulatorValue ?? 0.1;
    this.epsilon = args.epsilon ?? 1e-7;
  }

  protected slotNames(): string[] {
    return ['accumulator'];
  }

  protected override slotInitialValue(): number {
    return this.initialAccumulatorValue;
  }

  protected update(w: Float32Array, g: Float32Array, slots: Float32Array[], _t: number,
    lr: number): void {
    const acc = slots[0]!;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i]!;
      const a = acc[i]! + gi * gi;
      acc[i] = a;
      w[i] = w[i]! - lr * gi / Math.sqrt(a + this.epsilon);
    }
  }

  protected ownConfig(): Record<string, unknown> {
    return { initial_accumulator_value: this.initialAccumulatorValue, epsilon: this.epsilon };
  }
}
