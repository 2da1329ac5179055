/**
 * Losses with Keras' names and numerics. A loss maps (yTrue, yPred) to one value per sample
 * (`call`); `compute` reduces that to the batch mean, weighting samples when asked, as Keras'
 * default 'sum_over_batch_size' reduction (sum(loss * weight) / batch size).
 *
 * @example
 * const loss = getLoss('sparse_categorical_crossentropy');
 * loss.compute(labels, probs).item();
 */
import { logitsOf } from '../activations/logits.js';
import { ValueError } from '../errors.js';
import {
  abs, add, clip, div, log, logSoftmax, mean, mul, neg, relu, sigmoid, square, sub, sum,
} from '../ops/index.js';
import { Tensor } from '../tensor/tensor.js';
import { checkDenseLabels, oneHot, sparseLabels } from './labels.js';

/** Keras' backend epsilon, used for clipping probabilities. */
export const EPSILON = 1e-7;

/** Limits probabilities to [lo, hi]; the gradient passes only strictly inside. */
function clipProbabilities(p: Tensor, lo: number, hi: number): Tensor {
  return clip(p, lo, hi, { gradientAtBounds: false });
}

export interface LossConfig {
  class_name: string;
  config: Record<string, unknown>;
}

export abstract class Loss {
  /** The Keras function name ('categorical_crossentropy'). */
  abstract readonly name: string;
  abstract readonly className: string;

  /** One loss value per sample: shape yPred.shape without the last axis. */
  abstract call(yTrue: Tensor, yPred: Tensor): Tensor;

  /** Mean over the batch; `sampleWeight` [batch] scales each sample's loss. */
  compute(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | null): Tensor {
    const perSample = this.call(yTrue, yPred);
    if (sampleWeight === undefined || sampleWeight === null) return mean(perSample);
    return mean(mul(perSample, sampleWeight.rank === perSample.rank ? sampleWeight
      : reshapeWeights(sampleWeight, perSample)));
  }

  getConfig(): LossConfig {
    return { class_name: this.className, config: { name: this.name, reduction: 'auto' } };
  }
}

function reshapeWeights(w: Tensor, like: Tensor): Tensor {
  const t = new Tensor(like.shape);
  const n = like.shape[0]!, per = like.size / n;
  for (let i = 0; i < like.size; i++) t.f32[i] = w.data[Math.floor(i / per)]!;
  return t;
}

export interface CrossentropyArgs {
  fromLogits?: boolean;
}

/** The crossentropy losses: they work from probabilities, or from logits when they can. */
abstract class Crossentropy extends Loss {
  readonly fromLogits: boolean;

  constructor(args: CrossentropyArgs = {}) {
    super();
    this.fromLogits = args.fromLogits ?? false;
  }

  /**
   * The logits behind `yPred`: yPred itself with fromLogits, else the input of the `activation`
   * that produced it (the exact, stable path), else null (clipped probabilities are used).
   */
  protected logitsBehind(yPred: Tensor, activation: 'softmax' | 'sigmoid'): Tensor | null {
    if (this.fromLogits) return yPred;
    const source = logitsOf(yPred);
    return source?.kind === activation ? source.logits : null;
  }
}

export class CategoricalCrossentropy extends Crossentropy {
  readonly name = 'categorical_crossentropy';
  readonly className = 'CategoricalCrossentropy';

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    yTrue = checkDenseLabels(yTrue, yPred, this.name);
    const logits = this.logitsBehind(yPred, 'softmax');
    if (logits !== null) return neg(sum(mul(yTrue, logSoftmax(logits)), -1));
    // Keras: renormalise the rows, clip to [eps, 1 - eps], then -sum(t * log p).
    const p = clipProbabilities(div(yPred, sum(yPred, -1, true)), EPSILON, 1 - EPSILON);
    return neg(sum(mul(yTrue, log(p)), -1));
  }

  override getConfig(): LossConfig {
    return { class_name: this.className, config: { name: this.name, from_logits: this.fromLogits,
      label_smoothing: 0, axis: -1, reduction: 'auto' } };
  }
}

export class SparseCategoricalCrossentropy extends Crossentropy {
  readonly name = 'sparse_categorical_crossentropy';
  readonly className = 'SparseCategoricalCrossentropy';

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    const indices = sparseLabels(yTrue, yPred, this.name);
    const target = oneHot(indices, yPred.shape[yPred.rank - 1]!, yPred.shape);
    const logits = this.logitsBehind(yPred, 'softmax');
    if (logits !== null) return neg(sum(mul(target, logSoftmax(logits)), -1));
    // Keras: clip to [eps, 1 - eps], then the log-softmax of log p (which renormalises).
    const p = clipProbabilities(yPred, EPSILON, 1 - EPSILON);
    const logP = sub(log(p), log(sum(p, -1, true)));
    return neg(sum(mul(target, logP), -1));
  }

  override getConfig(): LossConfig {
    return { class_name: this.className, config: { name: this.name, from_logits: this.fromLogits,
      ignore_class: null, reduction: 'auto' } };
  }
}

export class BinaryCrossentropy extends Crossentropy {
  readonly name = 'binary_crossentropy';
  readonly className = 'BinaryCrossentropy';

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    yTrue = checkDenseLabels(yTrue, yPred, this.name);
    const logits = this.logitsBehind(yPred, 'sigmoid');
    if (logits !== null) {
      // max(z, 0) - z * t + log(1 + exp(-|z|)), which never overflows
      // log(1 + exp(-|z|)) = -log(sigmoid(|z|))
      const logSigmoidAbs = log(sigmoid(abs(logits)));
      const perElement = sub(sub(relu(logits), mul(logits, yTrue)), logSigmoidAbs);
      return mean(perElement, -1);
    }
    const p = clipProbabilities(yPred, EPSILON, 1 - EPSILON);
    const positive = mul(yTrue, log(add(p, EPSILON)));
    const negative = mul(sub(1, yTrue), log(add(sub(1, p), EPSILON)));
    return neg(mean(add(positive, negative), -1));
  }

  override getConfig(): LossConfig {
    return { class_name: this.className, config: { name: this.name, from_logits: this.fromLogits,
      label_smoothing: 0, axis: -1, reduction: 'auto' } };
  }
}

export class MeanSquaredError extends Loss {
  readonly name = 'mean_squared_error';
  readonly className = 'MeanSquaredError';

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    yTrue = checkDenseLabels(yTrue, yPred, this.name);
    return mean(square(sub(yPred, yTrue)), -1);
  }
}

export class MeanAbsoluteError extends Loss {
  readonly name = 'mean_absolute_error';
  readonly className = 'MeanAbsoluteError';

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    yTrue = checkDenseLabels(yTrue, yPred, this.name);
    return mean(abs(sub(yPred, yTrue)), -1);
  }
}

export class Huber extends Loss {
  readonly name = 'huber_loss';
  readonly className = 'Huber';
  readonly delta: number;

  constructor(args: { delta?: number } = {}) {
    super();
    this.delta = args.delta ?? 1;
  }

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    yTrue = checkDenseLabels(yTrue, yPred, this.name);
    // 0.5 q² + delta (|e| - q), with q = min(|e|, delta)
    const a = abs(sub(yPred, yTrue));
    const q = sub(a, relu(sub(a, this.delta)));
    return mean(add(mul(square(q), 0.5), mul(sub(a, q), this.delta)), -1);
  }

  override getConfig(): LossConfig {
    return { class_name: this.className, config: { name: this.name, delta: this.delta, reduction: 'auto' } };
  }
}

export class KLDivergence extends Loss {
  readonly name = 'kl_divergence';
  readonly className = 'KLDivergence';

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    yTrue = checkDenseLabels(yTrue, yPred, this.name);
    const t = clipProbabilities(yTrue, EPSILON, 1), p = clipProbabilities(yPred, EPSILON, 1);
    return sum(mul(t, log(div(t, p))), -1);
  }
}

export class Hinge extends Loss {
  readonly name = 'hinge';
  readonly className = 'Hinge';

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    yTrue = checkDenseLabels(yTrue, yPred, this.name);
    // Keras turns 0/1 labels into -1/1 before taking mean(max(1 - t * p, 0)).
    const t = isZeroOne(yTrue) ? sub(mul(yTrue, 2), 1) : yTrue;
    return mean(relu(sub(1, mul(t, yPred))), -1);
  }
}

function isZeroOne(t: Tensor): boolean {
  const d = t.data;
  for (let i = 0; i < d.length; i++) if (d[i] !== 0 && d[i] !== 1) return false;
  return true;
}

/** A loss given as a function returning per-sample values. */
export class FunctionLoss extends Loss {
  readonly className = 'Function';

  constructor(readonly name: string, private readonly fn: (yTrue: Tensor, yPred: Tensor) => Tensor) {
    super();
  }

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    return this.fn(yTrue, yPred);
  }
}

const FACTORIES: Record<string, () => Loss> = {
  categorical_crossentropy: () => new CategoricalCrossentropy(),
  sparse_categorical_crossentropy: () => new SparseCategoricalCrossentropy(),
  binary_crossentropy: () => new BinaryCrossentropy(),
  mean_squared_error: () => new MeanSquaredError(),
  mse: () => new MeanSquaredError(),
  mean_absolute_error: () => new MeanAbsoluteError(),
  mae: () => new MeanAbsoluteError(),
  huber: () => new Huber(),
  huber_loss: () => new Huber(),
  kl_divergence: () => new KLDivergence(),
  kullback_leibler_divergence: () => new KLDivergence(),
  kld: () => new KLDivergence(),
  hinge: () => new Hinge(),
};

/** 'sparseCategoricalCrossentropy' or 'SparseCategoricalCrossentropy' -> snake_case. */
export function snakeName(name: string): string {
  return name.replace(/^([A-Z])/, (c) => c.toLowerCase())
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/^k_l_/, 'kl_');
}

export type LossIdentifier = string | Loss | ((yTrue: Tensor, yPred: Tensor) => Tensor);

/** Resolves a loss name (camelCase, snake_case or class name), object or function. */
export function getLoss(id: LossIdentifier): Loss {
  if (id instanceof Loss) return id;
  if (typeof id === 'function') return new FunctionLoss(id.name || 'loss', id);
  const make = FACTORIES[snakeName(id)];
  if (make === undefined) {
    throw new ValueError(`unknown loss '${id}'; known: ${Object.keys(FACTORIES).join(', ')}`);
  }
  return make();
}

export function lossNames(): string[] {
  return Object.keys(FACTORIES);
}
