/**
 * Optimizers with Keras' names, defaults and update formulas.
 *
 * @example
 * model.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy' });
 * model.compile({ optimizer: new optimizers.Adam({ learningRate: 1e-4 }), loss: 'mse' });
 */
import { ValueError } from '../errors.js';
import { Adadelta } from './adadelta.js';
import { Adagrad } from './adagrad.js';
import { Adam } from './adam.js';
import { Adamax } from './adamax.js';
import { Nadam } from './nadam.js';
import { Optimizer, type OptimizerConfig } from './optimizer.js';
import { RMSprop } from './rmsprop.js';
import { SGD } from './sgd.js';
import * as schedules from './schedules.js';
import { LearningRateSchedule, scheduleFromConfig, type ScheduleConfig } from './schedules.js';

export { Optimizer, SGD, RMSprop, Adam, Adagrad, Adadelta, Adamax, Nadam, schedules, LearningRateSchedule };
export type { GradientPair, OptimizerConfig, Trainable } from './optimizer.js';
export type { SGDArgs } from './sgd.js';
export type { RMSpropArgs } from './rmsprop.js';
export type { AdamArgs } from './adam.js';
export type { AdagradArgs } from './adagrad.js';
export type { AdadeltaArgs } from './adadelta.js';
export type { AdamaxArgs } from './adamax.js';
export type { NadamArgs } from './nadam.js';

type Factory = (c: Record<string, unknown>) => Optimizer;
/** A saved number under the first of `keys` present; anything else there is an error. */
const n = (c: Record<string, unknown>, ...keys: string[]): number | undefined => {
  for (const k of keys) {
    const v = c[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number') {
      throw new ValueError(`saved optimizer config: ${k} should be a number, found ` +
        `${JSON.stringify(v)}`);
    }
    return v;
  }
  return undefined;
};
const b = (c: Record<string, unknown>, key: string): boolean | undefined =>
  (typeof c[key] === 'boolean' ? c[key] as boolean : undefined);
/** A saved learning rate: a number, or a schedule's {class_name, config} (never code). */
const lr = (c: Record<string, unknown>): number | LearningRateSchedule | undefined => {
  const saved = c.learning_rate ?? c.lr ?? c.learningRate;
  if (saved !== null && typeof saved === 'object' && 'class_name' in saved) {
    return scheduleFromConfig(saved as ScheduleConfig);
  }
  return n(c, 'learning_rate', 'lr', 'learningRate');
};

const FACTORIES: Record<string, Factory> = {
  sgd: (c) => new SGD({ learningRate: lr(c), momentum: n(c, 'momentum'), nesterov: b(c, 'nesterov') }),
  rmsprop: (c) => new RMSprop({ learningRate: lr(c), rho: n(c, 'rho'), momentum: n(c, 'momentum'),
    epsilon: n(c, 'epsilon'), centered: b(c, 'centered') }),
  adam: (c) => new Adam({ learningRate: lr(c), beta1: n(c, 'beta_1', 'beta1'), beta2: n(c, 'beta_2', 'beta2'),
    epsilon: n(c, 'epsilon'), amsgrad: b(c, 'amsgrad') }),
  adagrad: (c) => new Adagrad({ learningRate: lr(c), epsilon: n(c, 'epsilon'),
    initialAccumulatorValue: n(c, 'initial_accumulator_value', 'initialAccumulatorValue') }),
  adadelta: (c) => new Adadelta({ learningRate: lr(c), rho: n(c, 'rho'), epsilon: n(c, 'epsilon') }),
  adamax: (c) => new Adamax({ learningRate: lr(c), beta1: n(c, 'beta_1', 'beta1'), beta2: n(c, 'beta_2', 'beta2'),
    epsilon: n(c, 'epsilon') }),
  nadam: (c) => new Nadam({ learningRate: lr(c), beta1: n(c, 'beta_1', 'beta1'), beta2: n(c, 'beta_2', 'beta2'),
    epsilon: n(c, 'epsilon') }),
};

export type OptimizerIdentifier = string | Optimizer | OptimizerConfig;

/**
 * Resolves 'rmsprop', 'Adam', a saved config ({class_name, config}, with Keras' aliases such
 * as 'Custom>Adam' and 'lr') or an optimizer object.
 */
export function getOptimizer(id: OptimizerIdentifier): Optimizer {
  if (id instanceof Optimizer) return id;
  const name = typeof id === 'string' ? id : id.class_name.replace(/^Custom>/, '');
  const make = FACTORIES[name.toLowerCase()];
  if (make === undefined) {
    throw new ValueError(`unknown optimizer '${name}'; known: ${Object.keys(FACTORIES).join(', ')}`);
  }
  return make(typeof id === 'string' ? {} : id.config ?? {});
}

export function optimizerNames(): string[] {
  return Object.keys(FACTORIES);
}
