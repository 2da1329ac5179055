/**
 * InputLayer and input(): the entry point of a model, holding the shape of one batch.
 *
 * @example
 * const x = input({ shape: [28, 28, 1] });  // SymbolicTensor [null, 28, 28, 1]
 */
import { ValueError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { Layer, type LayerConfig } from './layer.js';
import { uniqueName } from './naming.js';
import { SymbolicTensor, type SymbolicShape } from './symbolic-tensor.js';

export interface InputLayerArgs {
  inputShape?: ReadonlyArray<number | null>;
  batchInputShape?: ReadonlyArray<number | null>;
  batchSize?: number;
  name?: string;
  dtype?: string;
}

export class InputLayer extends Layer {
  static override readonly className = 'InputLayer';

  constructor(args: InputLayerArgs) {
    if (args.inputShape === undefined && args.batchInputShape === undefined) {
      throw new ValueError('InputLayer needs inputShape (one sample) or batchInputShape');
    }
    // Keras numbers inputs from 1: input_1, input_2, ...
    super({ ...args, name: args.name ?? inputName() });
    this.built = true;
    const shape = this.batchInputShape!;
    const output = new SymbolicTensor(shape, this, 0, 0);
    this.inboundNodes.push({ layer: this, inputs: [], output });
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    return Array.isArray(inputs) ? inputs[0]! : inputs;
  }

  override computeOutputShape(): SymbolicShape {
    return this.batchInputShape!;
  }

  override getConfig(): LayerConfig {
    return { batch_input_shape: [...this.batchInputShape!], dtype: 'float32', sparse: false,
      ragged: false, name: this.name };
  }

  static fromConfig(config: LayerConfig): InputLayer {
    const shape = (config.batch_input_shape ?? config.batch_shape) as Array<number | null>;
    return new InputLayer({ batchInputShape: shape, name: config.name as string });
  }
}

function inputName(): string {
  const n = uniqueName('input');
  return n === 'input' ? 'input_1' : `input_${Number(n.slice(6)) + 1}`;
}

export interface InputArgs {
  /** Shape of one sample, without the batch dimension. */
  shape?: ReadonlyArray<number | null>;
  batchShape?: ReadonlyArray<number | null>;
  batchSize?: number;
  name?: string;
  dtype?: string;
}

/**
 * A symbolic input for the functional API.
 *
 * @example
 * const x = input({ shape: [784] });
 * const y = layers.dense({ units: 10, activation: 'softmax' }).apply(x);
 * const m = model({ inputs: x, outputs: y });
 */
export function input(args: InputArgs): SymbolicTensor {
  const layer = new InputLayer({ inputShape: args.shape, batchInputShape: args.batchShape,
    batchSize: args.batchSize, name: args.name, dtype: args.dtype });
  return layer.output;
}
