/**
 * Conv2D: a bank of `filters` learned kh x kw filters slid over channels-last images.
 *
 * x [batch, h, w, inChannels] * kernel [kh, kw, inChannels, filters] + bias [filters]
 *   -> [batch, outH, outW, filters]
 *
 * @example
 * layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] });
 */
import { activationName, getActivation } from '../activations/activation.js';
import { NotSupportedError } from '../errors.js';
import { conv2d } from '../ops/index.js';
import { getRegularizer, type Regularizer, type RegularizerIdentifier } from '../regularizers/regularizer.js';
import { convLength, pair, positiveInteger, type Padding } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import {
  getInitializer, type Initializer, type InitializerIdentifier,
} from '../initializers/index.js';
import { biasAdd } from './bias-add.js';
import { argsFromConfig, serializeInitializer } from './config-utils.js';
import { type CallContext, Layer, type LayerArgs, type LayerConfig, type LayerVariable, ownOptions, serializeRegularizer } from './layer.js';
import type { SymbolicShape } from './symbolic-tensor.js';

export interface Conv2DArgs extends LayerArgs {
  filters: number;
  kernelSize: number | [number, number];
  strides?: number | [number, number];
  padding?: Padding;
  dilationRate?: number | [number, number];
  activation?: string | null;
  useBias?: boolean;
  kernelInitializer?: InitializerIdentifier;
  biasInitializer?: InitializerIdentifier;
  kernelRegularizer?: RegularizerIdentifier | null;
  biasRegularizer?: RegularizerIdentifier | null;
  activityRegularizer?: RegularizerIdentifier | null;
}

export class Conv2D extends Layer {
  static override readonly className = 'Conv2D';
  static override readonly options = ownOptions<Conv2DArgs>()(['filters', 'kernelSize', 'strides',
    'padding', 'dilationRate', 'activation', 'useBias', 'kernelInitializer', 'biasInitializer',
    'kernelRegularizer', 'biasRegularizer', 'activityRegularizer']);
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;
  readonly dilationRate: [number, number];
  readonly activation: string;
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer;
  readonly biasInitializer: Initializer;
  readonly kernelRegularizer: Regularizer | null;
  readonly biasRegularizer: Regularizer | null;
  readonly activityRegularizer: Regularizer | null;
  kernel: LayerVariable | null = null;
  bias: LayerVariable | null = null;

  constructor(args: Conv2DArgs) {
    super(args);
    this.filters = positiveInteger(args.filters, `Conv2D '${this.name}': filters`);
    this.kernelSize = pair(args.kernelSize, `Conv2D '${this.name}' kernelSize`);
    this.strides = pair(args.strides ?? 1, `Conv2D '${this.name}' strides`);
    this.padding = checkPadding(args.padding ?? 'valid', 'Conv2D');
    this.dilationRate = pair(args.dilationRate ?? 1, `Conv2D '${this.name}' dilationRate`);
    this.activation = activationName(args.activation);
    this.useBias = args.useBias ?? true;
    this.kernelInitializer = getInitializer(args.kernelInitializer ?? 'glorotUniform');
    this.biasInitializer = getInitializer(args.biasInitializer ?? 'zeros');
    this.kernelRegularizer = getRegularizer(args.kernelRegularizer);
    this.biasRegularizer = getRegularizer(args.biasRegularizer);
    this.activityRegularizer = getRegularizer(args.activityRegularizer);
  }

  override build(inputShape: SymbolicShape): void {
    const channels = inputShape[3];
    if (inputShape.length !== 4 || channels === null || channels === undefined) {
      this.incompatible('rank 4 [batch, height, width, channels] with known channels', inputShape);
    }
    const [kh, kw] = this.kernelSize;
    this.kernel = this.addWeight('kernel', [kh, kw, channels, this.filters], this.kernelInitializer,
      true, this.kernelRegularizer);
    if (this.useBias) {
      this.bias = this.addWeight('bias', [this.filters], this.biasInitializer, true, this.biasRegularizer);
    }
  }

  call(inputs: Tensor | Tensor[], ctx: CallContext): Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const kernel = this.kernel!.value;
    if (x.rank !== 4 || x.shape[3] !== kernel.shape[2]) {
      this.incompatible(`[batch, height, width, ${kernel.shape[2]}]`, x.shape);
    }
    let y = conv2d(x, kernel, { strides: this.strides, padding: this.padding,
      dilationRate: this.dilationRate });
    const fuseRelu = this.activation === 'relu' && this.bias !== null;
    if (this.bias !== null) y = biasAdd(y, this.bias.value, fuseRelu ? 'relu' : 'linear');
    const out = fuseRelu ? y : getActivation(this.activation)(y);
    if (ctx.training && this.activityRegularizer !== null) {
      this.activityLosses.push(this.activityRegularizer.apply(out));
    }
    return out;
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    const [batch, h, w] = inputShape;
    const out = (n: number | null | undefined, i: 0 | 1): number | null =>
      (n === null || n === undefined ? null
        : convLength(n, this.kernelSize[i], this.strides[i], this.padding, this.dilationRate[i]));
    return [batch ?? null, out(h, 0), out(w, 1), this.filters];
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernel_size: [...this.kernelSize],
      strides: [...this.strides],
      padding: this.padding,
      data_format: 'channels_last',
      dilation_rate: [...this.dilationRate],
      groups: 1,
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

  static fromConfig(config: LayerConfig): Conv2D {
    return new Conv2D(argsFromConfig(Conv2D, config) as unknown as Conv2DArgs);
  }
}

/** Accepts Keras' paddings we implement; names the others. */
export function checkPadding(padding: string, className: string): Padding {
  if (padding !== 'valid' && padding !== 'same') {
    throw new NotSupportedError(`${className} padding '${padding}' (supported: 'valid', 'same')`);
  }
  return padding;
}
