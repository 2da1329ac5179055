/**
 * Learning-rate schedules: the learning rate as a function of the optimizer's step count, as
 * Keras' `keras.optimizers.schedules`. Pass one as an optimizer's `learningRate`; the
 * optimizer asks it for the rate before every step, with the number of steps done so far
 * (0 for the first step).
 *
 * @example
 * const steps = 5 * Math.ceil(54000 / 64);
 * new RMSprop({ learningRate: new schedules.CosineDecay({ initialLearningRate: 1e-3, decaySteps: steps }) });
 */
import { ValueError } from '../errors.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';

/** A saved schedule: `{class_name, config}` with snake_case keys, as Keras writes it. */
export interface ScheduleConfig {
  class_name: string;
  config: Record<string, unknown>;
}

export abstract class LearningRateSchedule {
  abstract readonly className: string;

  /** The learning rate for the step after `step` steps. */
  abstract call(step: number): number;

  /** The Keras config (snake_case keys). */
  abstract getConfig(): Record<string, unknown>;

  /** `{class_name, config}` as Keras 2 saves it inside an optimizer's config. */
  serialize(): ScheduleConfig {
    return { class_name: this.className, config: this.getConfig() };
  }
}

function positive(value: number | undefined, what: string, schedule: string): number {
  if (value === undefined || !Number.isFinite(value) || value <= 0) {
    throw new ValueError(`${schedule}: ${what} must be a number above 0, got ${value}`);
  }
  return value;
}

function rate(value: number | undefined, what: string, schedule: string): number {
  const v = finite(value, what, schedule);
  if (v < 0) throw new ValueError(`${schedule}: ${what} must be 0 or more, got ${v}`);
  return v;
}

function finite(value: number | undefined, what: string, schedule: string, fallback?: number): number {
  const v = value ?? fallback;
  if (v === undefined || !Number.isFinite(v)) {
    throw new ValueError(`${schedule}: ${what} must be a finite number, got ${value}`);
  }
  return v;
}

export interface ExponentialDecayArgs {
  initialLearningRate: number;
  decaySteps: number;
  decayRate: number;
  /** Decay in whole periods of decaySteps (a step function) rather than smoothly. */
  staircase?: boolean;
}

/**
 * lr = initialLearningRate · decayRate^(step / decaySteps), the exponent floored when
 * `staircase`.
 *
 * @example
 * new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5 }).call(200); // 0.025
 */
export class ExponentialDecay extends LearningRateSchedule {
  readonly className = 'ExponentialDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  readonly staircase: boolean;

  constructor(args: ExponentialDecayArgs) {
    super();
    checkOptionNames('ExponentialDecay', args, optionNames<ExponentialDecayArgs>()(['initialLearningRate', 'decaySteps', 'decayRate', 'staircase']));
    this.initialLearningRate = rate(args.initialLearningRate, 'initialLearningRate', this.className);
    this.decaySteps = positive(args.decaySteps, 'decaySteps', this.className);
    this.decayRate = finite(args.decayRate, 'decayRate', this.className);
    this.staircase = args.staircase ?? false;
  }

  call(step: number): number {
    const p = step / this.decaySteps;
    return this.initialLearningRate * this.decayRate ** (this.staircase ? Math.floor(p) : p);
  }

  getConfig(): Record<string, unknown> {
    return { initial_learning_rate: this.initialLearningRate, decay_steps: this.decaySteps,
      decay_rate: this.decayRate, staircase: this.staircase, name: null };
  }
}

export interface InverseTimeDecayArgs {
  initialLearningRate: number;
  decaySteps: number;
  decayRate: number;
  staircase?: boolean;
}

/**
 * lr = initialLearningRate / (1 + decayRate · step / decaySteps), the ratio floored when
 * `staircase`.
 *
 * @example
 * new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 1 }).call(10); // 0.05
 */
export class InverseTimeDecay extends LearningRateSchedule {
  readonly className = 'InverseTimeDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  readonly staircase: boolean;

  constructor(args: InverseTimeDecayArgs) {
    super();
    checkOptionNames('InverseTimeDecay', args, optionNames<InverseTimeDecayArgs>()(['initialLearningRate', 'decaySteps', 'decayRate', 'staircase']));
    this.initialLearningRate = rate(args.initialLearningRate, 'initialLearningRate', this.className);
    this.decaySteps = positive(args.decaySteps, 'decaySteps', this.className);
    this.decayRate = finite(args.decayRate, 'decayRate', this.className);
    this.staircase = args.staircase ?? false;
  }

  call(step: number): number {
    const p = step / this.decaySteps;
    return this.initialLearningRate / (1 + this.decayRate * (this.staircase ? Math.floor(p) : p));
  }

  getConfig(): Record<string, unknown> {
    return { initial_learning_rate: this.initialLearningRate, decay_steps: this.decaySteps,
      decay_rate: this.decayRate, staircase: this.staircase, name: null };
  }
}

export interface PiecewiseConstantDecayArgs {
  /** Increasing step counts where the rate changes. */
  boundaries: number[];
  /** One more value than boundaries: the rate up to and including each boundary, then after the last. */
  values: number[];
}

/**
 * values[0] while step ≤ boundaries[0], values[i] while boundaries[i-1] < step ≤ boundaries[i],
 * and the last value after the last boundary.
 *
 * @example
 * const s = new PiecewiseConstantDecay({ boundaries: [100, 200], values: [1e-3, 5e-4, 1e-4] });
 * s.call(100); // 1e-3
 * s.call(101); // 5e-4
 */
export class PiecewiseConstantDecay extends LearningRateSchedule {
  readonly className = 'PiecewiseConstantDecay';
  readonly boundaries: readonly number[];
  readonly values: readonly number[];

  constructor(args: PiecewiseConstantDecayArgs) {
    super();
    checkOptionNames('PiecewiseConstantDecay', args, optionNames<PiecewiseConstantDecayArgs>()(['boundaries', 'values']));
    const { boundaries, values } = args;
    if (!Array.isArray(boundaries) || !Array.isArray(values) ||
      values.length !== boundaries.length + 1) {
      throw new ValueError(`${this.className}: values must hold one more entry than boundaries, ` +
        `got ${values?.length} values for ${boundaries?.length} boundaries`);
    }
    boundaries.forEach((b, i) => {
      finite(b, `boundaries[${i}]`, this.className);
      if (i > 0 && !(b > boundaries[i - 1]!)) {
        throw new ValueError(`${this.className}: boundaries must increase, got ${boundaries[i - 1]} ` +
          `then ${b} at index ${i}`);
      }
    });
    values.forEach((v, i) => finite(v, `values[${i}]`, this.className));
    this.boundaries = [...boundaries];
    this.values = [...values];
  }

  call(step: number): number {
    let i = 0;
    while (i < this.boundaries.length && step > this.boundaries[i]!) i++;
    return this.values[i]!;
  }

  getConfig(): Record<string, unknown> {
    return { boundaries: [...this.boundaries], values: [...this.values], name: null };
  }
}

export interface PolynomialDecayArgs {
  initialLearningRate: number;
  decaySteps: number;
  /** Default 1e-4. */
  endLearningRate?: number;
  /** Default 1: a straight line. */
  power?: number;
  /** Start again after decaySteps, over a period stretched to the next multiple of it. */
  cycle?: boolean;
}

/**
 * From initialLearningRate down to endLearningRate over decaySteps along (1 − step/decaySteps)^power,
 * then constant (or, with `cycle`, over the next multiple of decaySteps).
 *
 * @example
 * new PolynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0 }).call(5); // 0.5
 */
export class PolynomialDecay extends LearningRateSchedule {
  readonly className = 'PolynomialDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly endLearningRate: number;
  readonly power: number;
  readonly cycle: boolean;

  constructor(args: PolynomialDecayArgs) {
    super();
    checkOptionNames('PolynomialDecay', args, optionNames<PolynomialDecayArgs>()(['initialLearningRate', 'decaySteps', 'endLearningRate', 'power', 'cycle']));
    this.initialLearningRate = rate(args.initialLearningRate, 'initialLearningRate', this.className);
    this.decaySteps = positive(args.decaySteps, 'decaySteps', this.className);
    this.endLearningRate = finite(args.endLearningRate, 'endLearningRate', this.className, 1e-4);
    this.power = finite(args.power, 'power', this.className, 1);
    this.cycle = args.cycle ?? false;
  }

  call(step: number): number {
    let period = this.decaySteps, s = step;
    if (this.cycle) {
      // Step 0 belongs to the first period.
      period *= step === 0 ? 1 : Math.ceil(step / this.decaySteps);
    } else {
      s = Math.min(step, this.decaySteps);
    }
    const left = (1 - s / period) ** this.power;
    return (this.initialLearningRate - this.endLearningRate) * left + this.endLearningRate;
  }

  getConfig(): Record<string, unknown> {
    return { initial_learning_rate: this.initialLearningRate, decay_steps: this.decaySteps,
      end_learning_rate: this.endLearningRate, power: this.power, cycle: this.cycle, name: null };
  }
}

export interface CosineDecayArgs {
  initialLearningRate: number;
  decaySteps: number;
  /** Floor, as a fraction of the starting rate. Default 0. */
  alpha?: number;
  /**
   * When set, rise linearly from initialLearningRate to this rate over warmupSteps first; the
   * cosine then starts from it. Without it warmupSteps is ignored.
   */
  warmupTarget?: number | null;
  warmupSteps?: number;
}

/**
 * Half a cosine from the starting rate down to alpha times it over decaySteps, then flat;
 * optionally after a linear warm-up from initialLearningRate to warmupTarget over warmupSteps,
 * the cosine then starting from warmupTarget.
 *
 * @example
 * const s = new CosineDecay({ initialLearningRate: 1e-3, decaySteps: 1000 });
 * s.call(500); // 5e-4, half way down
 * s.call(1000); // 0
 */
export class CosineDecay extends LearningRateSchedule {
  readonly className = 'CosineDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly alpha: number;
  readonly warmupTarget: number | null;
  readonly warmupSteps: number;

  constructor(args: CosineDecayArgs) {
    super();
    checkOptionNames('CosineDecay', args, optionNames<CosineDecayArgs>()(['initialLearningRate', 'decaySteps', 'alpha', 'warmupTarget', 'warmupSteps']));
    this.initialLearningRate = rate(args.initialLearningRate, 'initialLearningRate', this.className);
    this.decaySteps = positive(args.decaySteps, 'decaySteps', this.className);
    this.alpha = finite(args.alpha, 'alpha', this.className, 0);
    this.warmupTarget = args.warmupTarget == null ? null
      : finite(args.warmupTarget, 'warmupTarget', this.className);
    this.warmupSteps = finite(args.warmupSteps, 'warmupSteps', this.className, 0);
    if (this.warmupSteps < 0) {
      throw new ValueError(`${this.className}: warmupSteps must be 0 or more, got ${this.warmupSteps}`);
    }
  }

  call(step: number): number {
    if (this.warmupTarget === null) {
      return this.initialLearningRate * this.decayed(Math.min(step, this.decaySteps));
    }
    if (step < this.warmupSteps) {
      const t = step / this.warmupSteps;
      return this.initialLearningRate + t * (this.warmupTarget - this.initialLearningRate);
    }
    return this.warmupTarget * this.decayed(Math.min(step - this.warmupSteps, this.decaySteps));
  }

  /** The fraction of the top rate left after `s` steps of the cosine. */
  private decayed(s: number): number {
    const cosine = 0.5 * (1 + Math.cos(Math.PI * s / this.decaySteps));
    return (1 - this.alpha) * cosine + this.alpha;
  }

  getConfig(): Record<string, unknown> {
    return { initial_learning_rate: this.initialLearningRate, decay_steps: this.decaySteps,
      alpha: this.alpha, name: null, warmup_target: this.warmupTarget,
      warmup_steps: this.warmupSteps };
  }
}

export interface CosineDecayRestartsArgs {
  initialLearningRate: number;
  /** Length of the first period. */
  firstDecaySteps: number;
  /** Each period is this many times as long as the one before. Default 2. */
  tMul?: number;
  /** Each period starts from this many times the previous start. Default 1. */
  mMul?: number;
  /** Floor, as a fraction of the starting rate. Default 0. */
  alpha?: number;
}

/**
 * Cosine decay that starts over ("warm restarts"): periods of firstDecaySteps, then tMul times
 * longer each, each starting mMul times lower than the one before.
 *
 * @example
 * const s = new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10 });
 * s.call(10); // 1: the second period (20 steps) starts
 * s.call(20); // 0.5: half way through it
 */
export class CosineDecayRestarts extends LearningRateSchedule {
  readonly className = 'CosineDecayRestarts';
  readonly initialLearningRate: number;
  readonly firstDecaySteps: number;
  readonly tMul: number;
  readonly mMul: number;
  readonly alpha: number;

  constructor(args: CosineDecayRestartsArgs) {
    super();
    checkOptionNames('CosineDecayRestarts', args, optionNames<CosineDecayRestartsArgs>()(['initialLearningRate', 'firstDecaySteps', 'tMul', 'mMul', 'alpha']));
    this.initialLearningRate = rate(args.initialLearningRate, 'initialLearningRate', this.className);
    this.firstDecaySteps = positive(args.firstDecaySteps, 'firstDecaySteps', this.className);
    this.tMul = positive(args.tMul ?? 2, 'tMul', this.className);
    this.mMul = finite(args.mMul, 'mMul', this.className, 1);
    this.alpha = finite(args.alpha, 'alpha', this.className, 0);
  }

  call(step: number): number {
    let done = step / this.firstDecaySteps;
    let restarts: number;
    if (this.tMul === 1) {
      restarts = Math.floor(done);
      done -= restarts;
    } else {
      // Periods 1, t, t², ... end at (t^i − 1)/(t − 1) first periods.
      restarts = Math.floor(Math.log(1 - done * (1 - this.tMul)) / Math.log(this.tMul));
      const before = (1 - this.tMul ** restarts) / (1 - this.tMul);
      done = (done - before) / this.tMul ** restarts;
    }
    const cosine = 0.5 * this.mMul ** restarts * (1 + Math.cos(Math.PI * done));
    return this.initialLearningRate * ((1 - this.alpha) * cosine + this.alpha);
  }

  getConfig(): Record<string, unknown> {
    return { initial_learning_rate: this.initialLearningRate,
      first_decay_steps: this.firstDecaySteps, t_mul: this.tMul, m_mul: this.mMul,
      alpha: this.alpha, name: null };
  }
}

type Factory = (c: Record<string, unknown>) => LearningRateSchedule;
const num = (c: Record<string, unknown>, key: string): number | undefined =>
  (typeof c[key] === 'number' ? c[key] as number : undefined);
const bool = (c: Record<string, unknown>, key: string): boolean | undefined =>
  (typeof c[key] === 'boolean' ? c[key] as boolean : undefined);
const numbers = (c: Record<string, unknown>, key: string): number[] =>
  (Array.isArray(c[key]) ? (c[key] as unknown[]).map(Number) : []);

const FACTORIES: Record<string, Factory> = {
  ExponentialDecay: (c) => new ExponentialDecay({ initialLearningRate: num(c, 'initial_learning_rate')!,
    decaySteps: num(c, 'decay_steps')!, decayRate: num(c, 'decay_rate')!, staircase: bool(c, 'staircase') }),
  InverseTimeDecay: (c) => new InverseTimeDecay({ initialLearningRate: num(c, 'initial_learning_rate')!,
    decaySteps: num(c, 'decay_steps')!, decayRate: num(c, 'decay_rate')!, staircase: bool(c, 'staircase') }),
  PiecewiseConstantDecay: (c) => new PiecewiseConstantDecay({ boundaries: numbers(c, 'boundaries'),
    values: numbers(c, 'values') }),
  PolynomialDecay: (c) => new PolynomialDecay({ initialLearningRate: num(c, 'initial_learning_rate')!,
    decaySteps: num(c, 'decay_steps')!, endLearningRate: num(c, 'end_learning_rate'),
    power: num(c, 'power'), cycle: bool(c, 'cycle') }),
  CosineDecay: (c) => new CosineDecay({ initialLearningRate: num(c, 'initial_learning_rate')!,
    decaySteps: num(c, 'decay_steps')!, alpha: num(c, 'alpha'),
    warmupTarget: num(c, 'warmup_target') ?? null, warmupSteps: num(c, 'warmup_steps') }),
  CosineDecayRestarts: (c) => new CosineDecayRestarts({
    initialLearningRate: num(c, 'initial_learning_rate')!, firstDecaySteps: num(c, 'first_decay_steps')!,
    tMul: num(c, 't_mul'), mMul: num(c, 'm_mul'), alpha: num(c, 'alpha') }),
};

/**
 * Rebuilds a schedule from its saved `{class_name, config}` (Keras 2 and 3 spellings); only
 * the schedules above are known, and nothing from the file is run.
 *
 * @example
 * scheduleFromConfig({ class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1,
 *   decay_steps: 100, decay_rate: 0.5 } });
 */
export function scheduleFromConfig(saved: ScheduleConfig): LearningRateSchedule {
  const name = String(saved.class_name ?? '');
  const make = FACTORIES[name];
  if (make === undefined) {
    throw new ValueError(`unknown learning-rate schedule '${name}'; known: ` +
      `${Object.keys(FACTORIES).join(', ')}`);
  }
  return make(saved.config ?? {});
}
