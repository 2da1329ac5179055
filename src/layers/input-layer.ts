/**
 * InputLayer and input(): the entry point of a model, holding the shape of one batch.
 *
 * @example
 * const x = input({ shape: [28, 28, 1] });  // SymbolicTensor [null, 28, 28, 1]
 */
import { ValueError } from '../errors.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import type { Tensor } from '../tensor/tensor.js';
import { Layer, type LayerConfig } from './layer.js';
import { uniqueName } from './naming.js';
import { SymbolicTensor, type SymbolicShape } from './symbolic-tensor.js';

export interface InputLayerArgs {
  /** Shape of one sample, without the batch dimension (Keras 3 calls it `shape`). */
  inputShape?: ReadonlyArray<number | null>;
  /** Keras 3's name for inputShape. */
  shape?: ReadonlyArray<number | null>;
  batchInputShape?: ReadonlyArray<number | null>;
  /** Keras 3's name for batchInputShape. */
  batchShape?: ReadonlyArray<number | null>;
  batchSize?: number;
  name?: string;
  dtype?: string;
}

const INPUT_LAYER_OPTIONS = optionNames<InputLayerArgs>()(['inputShape', 'shape', 'batchInputShape',
  'batchShape', 'batchSize', 'name', 'dtype']);

export class InputLayer extends Layer {
  static override readonly className = 'InputLayer';

  constructor(args: InputLayerArgs) {
    checkOptionNames('InputLayer', args, INPUT_LAYER_OPTIONS);
    const { shape: sampleShape, batchShape, ...rest } = args;
    const inputShape = args.inputShape ?? sampleShape;
    const batchInputShape = args.batchInputShape ?? batchShape;
    if (inputShape === undefined && batchInputShape === undefined) {
      throw new ValueError('InputLayer needs inputShape (one sample, e.g. [28, 28, 1]) or ' +
        'batchInputShape');
    }
    // Keras numbers inputs from 1: input_1, input_2, ...
    super({ ...rest, inputShape, batchInputShape, name: args.name ?? inputName() });
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

const INPUT_OPTIONS = optionNames<InputArgs>()(['shape', 'batchShape', 'batchSize', 'name',
  'dtype']);

/**
 * A symbolic input for the functional API.
 *
 * @example
 * const x = input({ shape: [784] });
 * const y = layers.dense({ units: 10, activation: 'softmax' }).apply(x);
 * const m = model({ inputs: x, outputs: y });
 */
export function input(args: InputArgs): SymbolicTensor {
  checkOptionNames('input', args, INPUT_OPTIONS);
  if (args.shape === undefined && args.batchShape === undefined) {
    throw new ValueError('input() needs shape (one sample, e.g. [28, 28, 1]) or batchShape');
  }
  const layer = new InputLayer({ inputShape: args.shape, batchInputShape: args.batchShape,
    batchSize: args.batchSize, name: args.name, dtype: args.dtype });
  return layer.output;
}
