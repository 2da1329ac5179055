/**
 * Layers that only apply an activation: Activation (any name), ReLU and Softmax.
 *
 * @example
 * layers.activation({ activation: 'relu' });
 * layers.softmax();
 */
import { activationName, getActivation } from '../activations/activation.js';
import { rememberLogits } from '../activations/logits.js';
import { NotSupportedError } from '../errors.js';
import { relu, softmax } from '../ops/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { argsFromConfig } from './config-utils.js';
import { Layer, type LayerArgs, type LayerConfig, ownOptions } from './layer.js';

function single(inputs: Tensor | Tensor[]): Tensor {
  return Array.isArray(inputs) ? inputs[0]! : inputs;
}

export interface ActivationArgs extends LayerArgs {
  activation: string;
}

export class Activation extends Layer {
  static override readonly className = 'Activation';
  static override readonly options = ownOptions<ActivationArgs>()(['activation']);
  readonly activation: string;

  constructor(args: ActivationArgs) {
    super(args);
    this.activation = activationName(args.activation);
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    return getActivation(this.activation)(single(inputs));
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), activation: this.activation };
  }

  static fromConfig(config: LayerConfig): Activation {
    return new Activation(argsFromConfig(Activation, config) as unknown as ActivationArgs);
  }
}

export interface ReLUArgs extends LayerArgs {
  maxValue?: number | null;
  negativeSlope?: number;
  threshold?: number;
}

export class ReLU extends Layer {
  static override readonly className = 'ReLU';
  static override readonly options = ownOptions<ReLUArgs>()(['maxValue', 'negativeSlope', 'threshold']);

  constructor(args: ReLUArgs = {}) {
    super(args);
    const plain = (args.maxValue ?? null) === null && (args.negativeSlope ?? 0) === 0 &&
      (args.threshold ?? 0) === 0;
    if (!plain) {
      throw new NotSupportedError(`ReLU maxValue/negativeSlope/threshold (supported: the plain ` +
        `max(x, 0))`);
    }
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    return relu(single(inputs));
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), max_value: null, negative_slope: 0, threshold: 0 };
  }

  static fromConfig(config: LayerConfig): ReLU {
    return new ReLU(argsFromConfig(ReLU, config) as ReLUArgs);
  }
}

export interface SoftmaxArgs extends LayerArgs {
  /** Only the last axis (-1) is supported. */
  axis?: number;
}

export class Softmax extends Layer {
  static override readonly className = 'Softmax';
  static override readonly options = ownOptions<SoftmaxArgs>()(['axis']);
  readonly axis: number;

  constructor(args: SoftmaxArgs = {}) {
    super(args);
    this.axis = args.axis ?? -1;
    if (this.axis !== -1) throw new NotSupportedError(`Softmax axis ${this.axis} (supported: -1)`);
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = single(inputs);
    return rememberLogits(softmax(x), x, 'softmax');
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), axis: this.axis };
  }

  static fromConfig(config: LayerConfig): Softmax {
    return new Softmax(argsFromConfig(Softmax, config) as SoftmaxArgs);
  }
}
