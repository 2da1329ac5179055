/**
 * BatchNormalization over the last (channels) axis.
 *
 * Training: normalizes with the batch mean and (biased) variance, and updates the moving
 * statistics: moving = moving * momentum + batch * (1 - momentum). Inference: normalizes with
 * the moving statistics. y = gamma * (x - mean) / sqrt(variance + epsilon) + beta.
 *
 * The variance fed to the moving average follows tf.keras 2: for rank-4 inputs Keras uses
 * TensorFlow's fused kernel, which applies Bessel's correction (n / (n - 1)); for other ranks
 * it uses the biased batch variance.
 *
 * @example
 * layers.batchNormalization();                       // axis -1, momentum 0.99, epsilon 1e-3
 */
import { NotSupportedError } from '../errors.js';
import { add, div, mean, mul, sqrt, square, sub } from '../ops/index.js';
import { noGrad } from '../tensor/autograd.js';
import { Tensor, scalar } from '../tensor/tensor.js';
import { getRegularizer, type Regularizer, type RegularizerIdentifier } from '../regularizers/regularizer.js';
import {
  getInitializer, type Initializer, type InitializerIdentifier,
} from '../initializers/index.js';
import { argsFromConfig, serializeInitializer } from './config-utils.js';
import { type CallContext, Layer, type LayerArgs, type LayerConfig, type LayerVariable, ownOptions, serializeRegularizer } from './layer.js';
import type { SymbolicShape } from './symbolic-tensor.js';

export interface BatchNormalizationArgs extends LayerArgs {
  /** Only the last axis is supported (-1, or its positive index). */
  axis?: number | number[];
  momentum?: number;
  epsilon?: number;
  center?: boolean;
  scale?: boolean;
  betaInitializer?: InitializerIdentifier;
  gammaInitializer?: InitializerIdentifier;
  movingMeanInitializer?: InitializerIdentifier;
  movingVarianceInitializer?: InitializerIdentifier;
  betaRegularizer?: RegularizerIdentifier | null;
  gammaRegularizer?: RegularizerIdentifier | null;
}

export class BatchNormalization extends Layer {
  static override readonly className = 'BatchNormalization';
  static override readonly options = ownOptions<BatchNormalizationArgs>()(['axis', 'momentum',
    'epsilon', 'center', 'scale', 'betaInitializer', 'gammaInitializer', 'movingMeanInitializer',
    'movingVarianceInitializer', 'betaRegularizer', 'gammaRegularizer']);
  readonly axis: number | number[];
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly betaInitializer: Initializer;
  readonly gammaInitializer: Initializer;
  readonly movingMeanInitializer: Initializer;
  readonly movingVarianceInitializer: Initializer;
  readonly betaRegularizer: Regularizer | null;
  readonly gammaRegularizer: Regularizer | null;
  gamma: LayerVariable | null = null;
  beta: LayerVariable | null = null;
  movingMean: LayerVariable | null = null;
  movingVariance: LayerVariable | null = null;

  constructor(args: BatchNormalizationArgs = {}) {
    super(args);
    this.axis = args.axis ?? -1;
    this.momentum = args.momentum ?? 0.99;
    this.epsilon = args.epsilon ?? 1e-3;
    this.center = args.center ?? true;
    this.scale = args.scale ?? true;
    this.betaInitializer = getInitializer(args.betaInitializer ?? 'zeros');
    this.gammaInitializer = getInitializer(args.gammaInitializer ?? 'ones');
    this.movingMeanInitializer = getInitializer(args.movingMeanInitializer ?? 'zeros');
    this.movingVarianceInitializer = getInitializer(args.movingVarianceInitializer ?? 'ones');
    this.betaRegularizer = getRegularizer(args.betaRegularizer);
    this.gammaRegularizer = getRegularizer(args.gammaRegularizer);
  }

  override build(inputShape: SymbolicShape): void {
    const axes = Array.isArray(this.axis) ? this.axis : [this.axis];
    const last = inputShape.length - 1;
    if (axes.length !== 1 || (axes[0] !== -1 && axes[0] !== last)) {
      throw new NotSupportedError(`BatchNormalization axis ${JSON.stringify(this.axis)} for ` +
        `rank ${inputShape.length} (supported: the last axis, -1)`);
    }
    const channels = inputShape[last];
    if (channels === null || channels === undefined) this.incompatible('a known last axis', inputShape);
    const c = [channels];
    if (this.scale) this.gamma = this.addWeight('gamma', c, this.gammaInitializer, true, this.gammaRegularizer);
    if (this.center) this.beta = this.addWeight('beta', c, this.betaInitializer, true, this.betaRegularizer);
    this.movingMean = this.addWeight('moving_mean', c, this.movingMeanInitializer, false);
    this.movingVariance = this.addWeight('moving_variance', c, this.movingVarianceInitializer, false);
  }

  call(inputs: Tensor | Tensor[], ctx: CallContext): Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const channels = this.movingMean!.value.size;
    if (x.shape[x.rank - 1] !== channels) this.incompatible(`last axis of size ${channels}`, x.shape);
    return ctx.training ? this.trainingCall(x) : this.inferenceCall(x);
  }

  private trainingCall(x: Tensor): Tensor {
    const axes = [...Array(x.rank - 1).keys()];
    const batchMean = mean(x, axes);
    const centered = sub(x, batchMean);
    const batchVariance = mean(square(centered), axes);
    let y = div(centered, sqrt(add(batchVariance, this.epsilon)));
    if (this.gamma !== null) y = mul(y, this.gamma.value);
    if (this.beta !== null) y = add(y, this.beta.value);

    const count = x.size / x.shape[x.rank - 1]!;
    const correction = x.rank === 4 && count > 1 ? count / (count - 1) : 1;
    noGrad(() => {
      this.updateMoving(this.movingMean!.value, batchMean, 1);
      this.updateMoving(this.movingVariance!.value, batchVariance, correction);
    });
    return y;
  }

  private updateMoving(moving: Tensor, batch: Tensor, factor: number): void {
    const m = moving.f32, b = batch.f32, k = this.momentum;
    for (let i = 0; i < m.length; i++) m[i] = m[i]! * k + b[i]! * factor * (1 - k);
  }

  /** y = x * s + t with s = gamma / sqrt(movingVariance + eps), t = beta - movingMean * s. */
  private inferenceCall(x: Tensor): Tensor {
    const { s, t } = noGrad(() => {
      const scale = div(this.gamma?.value ?? scalar(1),
        sqrt(add(this.movingVariance!.value, this.epsilon)));
      const shift = sub(this.beta?.value ?? scalar(0), mul(this.movingMean!.value, scale));
      return { s: scale, t: shift };
    });
    // Gradients still reach gamma and beta when a frozen-statistics model is fine-tuned.
    if (this.gamma !== null && this.gamma.value.requiresGrad) {
      const normalized = div(sub(x, this.movingMean!.value),
        sqrt(add(this.movingVariance!.value, this.epsilon)));
      const scaled = mul(normalized, this.gamma.value);
      return this.beta !== null ? add(scaled, this.beta.value) : scaled;
    }
    return add(mul(x, s), t);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      axis: this.axis,
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      beta_initializer: serializeInitializer(this.betaInitializer),
      gamma_initializer: serializeInitializer(this.gammaInitializer),
      moving_mean_initializer: serializeInitializer(this.movingMeanInitializer),
      moving_variance_initializer: serializeInitializer(this.movingVarianceInitializer),
      beta_regularizer: serializeRegularizer(this.betaRegularizer),
      gamma_regularizer: serializeRegularizer(this.gammaRegularizer),
      beta_constraint: null,
      gamma_constraint: null,
    };
  }

  static fromConfig(config: LayerConfig): BatchNormalization {
    return new BatchNormalization(argsFromConfig(BatchNormalization, config) as BatchNormalizationArgs);
  }
}
