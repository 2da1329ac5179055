/**
 * Dense: y = activation(x · kernel + bias), on the last axis of x.
 *
 * x [batch, ..., inUnits] · kernel [inUnits, units] + bias [units] -> [batch, ..., units]
 *
 * @example
 * const d = layers.dense({ units: 32, activation: 'relu', inputShape: [784] });
 */
import { positiveInteger } from '../tensor/shape.js';
import { activationName, getActivation } from '../activations/activation.js';
import { matmul, reshape } from '../ops/index.js';
import { getRegularizer, type Regularizer, type RegularizerIdentifier } from '../regularizers/regularizer.js';
import type { Tensor } from '../tensor/tensor.js';
import {
  getInitializer, type Initializer, type InitializerIdentifier,
} from '../initializers/index.js';
import { biasAdd } from './bias-add.js';
import { argsFromConfig, serializeInitializer } from './config-utils.js';
import { type CallContext, Layer, type LayerArgs, type LayerConfig, type LayerVariable, ownOptions, serializeRegularizer } from './layer.js';
import type { SymbolicShape } from './symbolic-tensor.js';

export interface DenseArgs extends LayerArgs {
  units: number;
  activation?: string | null;
  useBias?: boolean;
  kernelInitializer?: InitializerIdentifier;
  biasInitializer?: InitializerIdentifier;
  kernelRegularizer?: RegularizerIdentifier | null;
  biasRegularizer?: RegularizerIdentifier | null;
  activityRegularizer?: RegularizerIdentifier | null;
}

export class Dense extends Layer {
  static override readonly className = 'Dense';
  static override readonly options = ownOptions<DenseArgs>()(['units', 'activation', 'useBias',
    'kernelInitializer', 'biasInitializer', 'kernelRegularizer', 'biasRegularizer',
    'activityRegularizer']);
  readonly units: number;
  readonly activation: string;
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer;
  readonly biasInitializer: Initializer;
  readonly kernelRegularizer: Regularizer | null;
  readonly biasRegularizer: Regularizer | null;
  readonly activityRegularizer: Regularizer | null;
  kernel: LayerVariable | null = null;
  bias: LayerVariable | null = null;

  constructor(args: DenseArgs) {
    super(args);
    this.units = positiveInteger(args.units, `Dense '${this.name}': units`);
    this.activation = activationName(args.activation);
    this.useBias = args.useBias ?? true;
    this.kernelInitializer = getInitializer(args.kernelInitializer ?? 'glorotUniform');
    this.biasInitializer = getInitializer(args.biasInitializer ?? 'zeros');
    this.kernelRegularizer = getRegularizer(args.kernelRegularizer);
    this.biasRegularizer = getRegularizer(args.biasRegularizer);
    this.activityRegularizer = getRegularizer(args.activityRegularizer);
  }

  override build(inputShape: SymbolicShape): void {
    const inUnits = inputShape[inputShape.length - 1];
    if (inUnits === null || inUnits === undefined) {
      this.incompatible('a known last dimension', inputShape);
    }
    this.kernel = this.addWeight('kernel', [inUnits, this.units], this.kernelInitializer, true,
      this.kernelRegularizer);
    if (this.useBias) {
      this.bias = this.addWeight('bias', [this.units], this.biasInitializer, true, this.biasRegularizer);
    }
  }

  call(inputs: Tensor | Tensor[], ctx: CallContext): Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const kernel = this.kernel!.value;
    const inUnits = kernel.shape[0]!;
    if (x.shape[x.rank - 1] !== inUnits) {
      this.incompatible(`last axis of size ${inUnits}`, x.shape);
    }
    const flat = x.rank === 2 ? x : reshape(x, [-1, inUnits]);
    let y = matmul(flat, kernel);
    const fuseRelu = this.activation === 'relu' && this.bias !== null;
    if (this.bias !== null) y = biasAdd(y, this.bias.value, fuseRelu ? 'relu' : 'linear');
    if (x.rank !== 2) y = reshape(y, [...x.shape.slice(0, -1), this.units]);
    const out = fuseRelu ? y : getActivation(this.activation)(y);
    if (ctx.training && this.activityRegularizer !== null) {
      this.activityLosses.push(this.activityRegularizer.apply(out));
    }
    return out;
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    return [...inputShape.slice(0, -1), this.units];
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: this.activation,
      use_bias: this.useBias,
      kernel_initializer: serializeInitializer(this.kernelInitializer),
      bias_initializer: serializeInitializer(this.biasInitializer),
      kernel_regularizer: serializeRegularizer(this.kernelRegularizer),
      bias_regularizer: serializeRegularizer(this.biasRegularizer),
      activity_regularizer: serializeRegularizer(this.activityRegularizer),
      kernel_constraint: null,
      bias_constraint: null,
    };
  }

  static fromConfig(config: LayerConfig): Dense {
    return new Dense(argsFromConfig(Dense, config) as unknown as DenseArgs);
  }
}
