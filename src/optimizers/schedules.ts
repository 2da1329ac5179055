/**
 * Learning-rate schedules: the learning rate as a function of the optimizer's step count, as
 * Keras' `keras.optimizers.schedules`. Pass one as an optimizer's `learningRate`; the
 * optimizer asks it for the rate before every step, with the number of steps done so far
 * (0 for the first step).
 *
 * @example
 * const steps = 5 * Math.ceil(54000 / 64);
 * const decay = new schedules.CosineDecay({ initialLearningRate: 1e-3, decaySteps: steps });
 * new RMSprop({ learningRate: decay });
 */
import { ValueError } from '../errors.js';
import { camelCase, checkOptionNames, optionNames } from '../utils/check-options.js';

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

function finite(value: number | undefined, what: string, schedule: string,
  fallback?: number): number {
  const v = value ?? fallback;
  if (v === undefined || !Number.isFinite(v)) {
    throw new ValueError(`${schedule}: ${what} must be a finite number, got ${value}`);
  }
  return v;
}

/** Options of ExponentialDecay and InverseTimeDecay. */
export interface RateDecayArgs {
  initialLearningRate: number;
  decaySteps: number;
  decayRate: number;
  /** Decay in whole periods of decaySteps (a step function) rather than smoothly. */
  staircase?: boolean;
}
export type ExponentialDecayArgs = RateDecayArgs;
export type InverseTimeDecayArgs = RateDecayArgs;

const RATE_DECAY_OPTIONS = optionNames<RateDecayArgs>()(['initialLearningRate', 'decaySteps',
  'decayRate', 'staircase']);

/** A decay driven by the number of periods of decaySteps done, floored when `staircase`. */
abstract class RateDecay extends LearningRateSchedule {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  readonly staircase: boolean;

  constructor(name: string, args: RateDecayArgs) {
    super();
    checkOptionNames(name, args, RATE_DECAY_OPTIONS);
    this.initialLearningRate = rate(args.initialLearningRate, 'initialLearningRate', name);
    this.decaySteps = positive(args.decaySteps, 'decaySteps', name);
    this.decayRate = finite(args.decayRate, 'decayRate', name);
    this.staircase = args.staircase ?? false;
  }

  call(step: number): number {
    const periods = step / this.decaySteps;
    return this.decayed(this.staircase ? Math.floor(periods) : periods);
  }

  /** The rate after `periods` periods of decaySteps. */
  protected abstract decayed(periods: number): number;

  getConfig(): Record<string, unknown> {
    return { initial_learning_rate: this.initialLearningRate, decay_steps: this.decaySteps,
      decay_rate: this.decayRate, staircase: this.staircase, name: null };
  }
}

/**
 * lr = initialLearningRate · decayRate^(step / decaySteps), the exponent floored when
 * `staircase`.
 *
 * @example
 * const s = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5 });
 * s.call(200); // 0.025
 */
export class ExponentialDecay extends RateDecay {
  readonly className = 'ExponentialDecay';

  constructor(args: ExponentialDecayArgs) {
    super('ExponentialDecay', args);
  }

  protected decayed(periods: number): number {
    return this.initialLearningRate * this.decayRate ** periods;
  }
}

/**
 * lr = initialLearningRate / (1 + decayRate · step / decaySteps), the ratio floored when
 * `staircase`.
 *
 * @example
 * const s = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 1 });
 * s.call(10); // 0.05
 */
export class InverseTimeDecay extends RateDecay {
  readonly className = 'InverseTimeDecay';

  constructor(args: InverseTimeDecayArgs) {
    super('InverseTimeDecay', args);
  }

  protected decayed(periods: number): number {
    return this.initialLearningRate / (1 + this.decayRate * periods);
  }
}

export interface PiecewiseConstantDecayArgs {
  /** Increasing step counts where the rate changes. */
  boundaries: number[];
  /**
   * One more value than boundaries: the rate up to and including each boundary, then the
   * rate after the last.
   */
  values: number[];
}

const PIECEWISE_CONSTANT_DECAY_OPTIONS = optionNames<PiecewiseConstantDecayArgs>()(['boundaries',
  'values']);

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
    checkOptionNames('PiecewiseConstantDecay', args, PIECEWISE_CONSTANT_DECAY_OPTIONS);
    const { boundaries, values } = args;
    if (!Array.isArray(boundaries) || !Array.isArray(values) ||
      values.length !== boundaries.length + 1) {
      throw new ValueError(`${this.className}: values must hold one more entry than boundaries, ` +
        `got ${values?.length} values for ${boundaries?.length} boundaries`);
    }
    boundaries.forEach((b, i) => {
      finite(b, `boundaries[${i}]`, this.className);
      if (i > 0 && !(b > boundaries[i - 1]!)) {
        throw new ValueError(`${this.className}: boundaries must increase, got ` +
          `${boundaries[i - 1]} then ${b} at index ${i}`);
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

const POLYNOMIAL_DECAY_OPTIONS = optionNames<PolynomialDecayArgs>()(['initialLearningRate',
  'decaySteps', 'endLearningRate', 'power', 'cycle']);

/**
 * From initialLearningRate down to endLearningRate over decaySteps along
 * (1 − step/decaySteps)^power, then constant (or, with `cycle`, over the next multiple of
 * decaySteps).
 *
 * @example
 * const s = new PolynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0 });
 * s.call(5); // 0.5
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
    checkOptionNames('PolynomialDecay', args, POLYNOMIAL_DECAY_OPTIONS);
    this.initialLearningRate = rate(args.initialLearningRate, 'initialLearningRate',
      this.className);
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

const COSINE_DECAY_OPTIONS = optionNames<CosineDecayArgs>()(['initialLearningRate', 'decaySteps',
  'alpha', 'warmupTarget', 'warmupSteps']);

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
    checkOptionNames('CosineDecay', args, COSINE_DECAY_OPTIONS);
    this.initialLearningRate = rate(args.initialLearningRate, 'initialLearningRate',
      this.className);
    this.decaySteps = positive(args.decaySteps, 'decaySteps', this.className);
    this.alpha = finite(args.alpha, 'alpha', this.className, 0);
    this.warmupTarget = args.warmupTarget == null ? null
      : finite(args.warmupTarget, 'warmupTarget', this.className);
    this.warmupSteps = finite(args.warmupSteps, 'warmupSteps', this.className, 0);
    if (this.warmupSteps < 0) {
      throw new ValueError(`${this.className}: warmupSteps must be 0 or more, got ` +
        `${this.warmupSteps}`);
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

const COSINE_DECAY_RESTARTS_OPTIONS = optionNames<CosineDecayRestartsArgs>()([
  'initialLearningRate', 'firstDecaySteps', 'tMul', 'mMul', 'alpha']);

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
    checkOptionNames('CosineDecayRestarts', args, COSINE_DECAY_RESTARTS_OPTIONS);
    this.initialLearningRate = rate(args.initialLearningRate, 'initialLearningRate',
      this.className);
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

type ScheduleClass = new (args: never) => LearningRateSchedule;

/** The schedules a saved config may name, with the options each takes. */
const SCHEDULES: Record<string, [ScheduleClass, readonly string[]]> = {
  ExponentialDecay: [ExponentialDecay, RATE_DECAY_OPTIONS],
  InverseTimeDecay: [InverseTimeDecay, RATE_DECAY_OPTIONS],
  PiecewiseConstantDecay: [PiecewiseConstantDecay, PIECEWISE_CONSTANT_DECAY_OPTIONS],
  PolynomialDecay: [PolynomialDecay, POLYNOMIAL_DECAY_OPTIONS],
  CosineDecay: [CosineDecay, COSINE_DECAY_OPTIONS],
  CosineDecayRestarts: [CosineDecayRestarts, COSINE_DECAY_RESTARTS_OPTIONS],
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
  const entry = SCHEDULES[name];
  if (entry === undefined) {
    throw new ValueError(`unknown learning-rate schedule '${name}'; known: ` +
      `${Object.keys(SCHEDULES).join(', ')}`);
  }
  const [Schedule, options] = entry;
  // Keys this version does not take (name, and those of newer Keras versions) are left out.
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(saved.config ?? {})) {
    const option = camelCase(key);
    if (options.includes(option) && value !== null) args[option] = value;
  }
  return new Schedule(args as never);
}
