/**
 * The optimizer base class: keeps per-weight slot variables (momenta, running averages),
 * the step counter, and applies each step's gradients to the weights in place, with the
 * update formulas of tf.keras 2.
 *
 * Slots live in the tensor heap (kept, never released) so they can be saved and restored;
 * updates are plain loops over the weight and slot arrays, computed in double precision and
 * stored as float32, so a step allocates nothing.
 *
 * @example
 * const opt = new Adam({ learningRate: 1e-3 });
 * opt.applyGradients([{ variable: { name: 'dense/kernel:0', value: kernel }, grad }]);
 * opt.learningRate = 1e-4;   // callbacks change it between steps
 * new SGD({ learningRate: new schedules.ExponentialDecay({ initialLearningRate: 0.1,
 *   decaySteps: 1000, decayRate: 0.9 }) });   // or it follows a schedule
 */
import { ValueError } from '../errors.js';
import { Tensor, keep, scalar, zeros } from '../tensor/tensor.js';
import { LearningRateSchedule } from './schedules.js';

/** What an optimizer updates: a weight's name and its tensor. */
export interface Trainable {
  readonly name: string;
  readonly value: Tensor;
}

export interface GradientPair {
  variable: Trainable;
  grad: Tensor;
}

export interface OptimizerConfig {
  class_name: string;
  config: Record<string, unknown>;
}

interface Tracked {
  variable: Trainable;
  slots: Tensor[];
}

export abstract class Optimizer {
  abstract readonly className: string;
  /** Number of steps applied so far. */
  iterations = 0;
  /** The schedule the learning rate follows, or null when it is a plain number. */
  readonly schedule: LearningRateSchedule | null;
  private rate: number;
  private readonly tracked = new Map<Tensor, Tracked>();

  constructor(learningRate: number | LearningRateSchedule) {
    if (learningRate instanceof LearningRateSchedule) {
      this.schedule = learningRate;
      this.rate = NaN;
    } else {
      this.schedule = null;
      this.rate = checkedRate(learningRate);
    }
  }

  /** The rate the next step uses: the schedule's value at the current step count, if any. */
  get learningRate(): number {
    return this.schedule === null ? this.rate : this.schedule.call(this.iterations);
  }

  set learningRate(value: number) {
    if (this.schedule !== null) {
      throw new ValueError(`${this.className}: the learning rate follows a ` +
        `${this.schedule.className} schedule and cannot be set; build the optimizer with a ` +
        `number as learningRate to change it from a callback`);
    }
    this.rate = checkedRate(value);
  }

  /** Names of this optimizer's slots per weight, in storage order ('m', 'v'). */
  protected abstract slotNames(): string[];

  /** Initial value of each slot (Adagrad starts its accumulator above zero). */
  protected slotInitialValue(_slot: number): number {
    return 0;
  }

  /**
   * Updates `w` in place from gradient `g` and the weight's slots, for step `t` (1-based) at
   * learning rate `lr` (the schedule's value for this step, when there is one).
   */
  protected abstract update(w: Float32Array, g: Float32Array, slots: Float32Array[], t: number,
    lr: number): void;

  /** Called once per step before the per-weight updates (Nadam keeps a running product). */
  protected beginStep(_t: number): void {}

  /** Applies one step: every weight is updated in place. */
  applyGradients(pairs: readonly GradientPair[]): void {
    const t = this.iterations + 1;
    const lr = checkedRate(this.learningRate); // a schedule's value, taken once per step
    this.beginStep(t);
    for (const { variable, grad } of pairs) {
      if (grad.size !== variable.value.size) {
        throw new ValueError(`${this.className}: gradient [${grad.shape}] does not match weight ` +
          `'${variable.name}' [${variable.value.shape}]`);
      }
      const slots = this.slotsFor(variable).map((s) => s.f32);
      this.update(variable.value.f32, grad.f32, slots, t, lr);
    }
    this.iterations = t;
  }

  /** Creates the slots of every weight now (before loading saved optimizer state). */
  build(variables: readonly Trainable[]): void {
    for (const v of variables) this.slotsFor(v);
  }

  private slotsFor(variable: Trainable): Tensor[] {
    let entry = this.tracked.get(variable.value);
    if (entry === undefined) {
      const slots = this.slotNames().map((_, i) => {
        const s = keep(zeros(variable.value.shape));
        s.f32.fill(this.slotInitialValue(i));
        return s;
      });
      entry = { variable, slots };
      this.tracked.set(variable.value, entry);
    }
    return entry.slots;
  }

  /** Extra scalar state saved after the iteration count (Nadam's momentum product). */
  protected extraState(): number[] {
    return [];
  }

  protected setExtraState(_values: number[]): void {}

  /** tf.keras 2 names: 'iteration:0', then '<Class>/<slot>/<weight path>:0' per weight. */
  weightNames(): string[] {
    const names = ['iteration:0'];
    for (const { variable } of this.tracked.values()) {
      const path = variable.name.replace(/:0$/, '');
      for (const slot of this.slotNames()) names.push(`${this.className}/${slot}/${path}:0`);
    }
    return names;
  }

  /** Copies of the state: the iteration count, then the slots of each weight. */
  getWeights(): Tensor[] {
    const out: Tensor[] = [scalar(this.iterations, 'int32')];
    for (const v of this.extraState()) out.push(scalar(v));
    for (const { slots } of this.tracked.values()) {
      for (const s of slots) out.push(cloneOf(s));
    }
    return out;
  }

  /** Restores state taken with getWeights() (slots must exist: see {@link build}). */
  setWeights(values: readonly Tensor[]): void {
    const extra = this.extraState().length;
    const slots = [...this.tracked.values()].flatMap((e) => e.slots);
    if (values.length !== 1 + extra + slots.length) {
      throw new ValueError(`${this.className}.setWeights: expected ${1 + extra + slots.length} ` +
        `values (iteration, ${extra ? 'state, ' : ''}${slots.length} slots), got ${values.length}`);
    }
    this.iterations = values[0]!.item();
    this.setExtraState(values.slice(1, 1 + extra).map((v) => v.item()));
    slots.forEach((s, i) => {
      const v = values[1 + extra + i]!;
      if (v.size !== s.size) {
        throw new ValueError(`${this.className}.setWeights: slot ${i} has ${s.size} values, got ${v.size}`);
      }
      s.data.set(v.data);
    });
  }

  /** The Keras config (snake_case), as saved in training_config. */
  getConfig(): OptimizerConfig {
    return { class_name: this.className, config: { name: this.className,
      learning_rate: this.schedule?.serialize() ?? this.rate, is_legacy_optimizer: false,
      ...this.ownConfig() } };
  }

  protected abstract ownConfig(): Record<string, unknown>;
}

function checkedRate(rate: number): number {
  if (typeof rate !== 'number' || !(rate >= 0) || !Number.isFinite(rate)) {
    const found = typeof rate === 'string' ? `the string '${rate}'` : String(rate);
    throw new ValueError(`learningRate must be a finite number >= 0 or a schedule, got ${found}`);
  }
  return rate;
}

function cloneOf(t: Tensor): Tensor {
  const out = new Tensor(t.shape, t.dtype);
  out.data.set(t.data);
  return out;
}
