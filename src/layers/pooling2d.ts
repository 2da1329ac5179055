/**
 * MaxPooling2D and AveragePooling2D: the max or mean of each poolSize window, channels-last.
 * Strides default to poolSize, as in Keras.
 *
 * x [batch, h, w, c] -> [batch, outH, outW, c]
 *
 * @example
 * layers.maxPooling2d({ poolSize: 2 });        // halves height and width
 */
import { avgPool2d, maxPool2d } from '../ops/index.js';
import { convLength, pair, type Padding } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { argsFromConfig } from './config-utils.js';
import { checkPadding } from './conv2d.js';
import { Layer, type LayerArgs, type LayerConfig, ownOptions } from './layer.js';
import type { SymbolicShape } from './symbolic-tensor.js';

export interface Pooling2DArgs extends LayerArgs {
  poolSize?: number | [number, number];
  /** Default: poolSize. */
  strides?: number | [number, number] | null;
  padding?: Padding;
}

abstract class Pooling2D extends Layer {
  static override readonly options = ownOptions<Pooling2DArgs>()(['poolSize', 'strides', 'padding']);
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;

  constructor(args: Pooling2DArgs = {}) {
    super(args);
    this.poolSize = pair(args.poolSize ?? 2, `${this.className} '${this.name}' poolSize`);
    this.strides = pair(args.strides ?? this.poolSize, `${this.className} '${this.name}' strides`);
    this.padding = checkPadding(args.padding ?? 'valid', this.className);
  }

  protected input4d(inputs: Tensor | Tensor[]): Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (x.rank !== 4) this.incompatible('rank 4 [batch, height, width, channels]', x.shape);
    return x;
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    if (inputShape.length !== 4) this.incompatible('rank 4 [batch, height, width, channels]', inputShape);
    const [batch, h, w, c] = inputShape;
    const out = (n: number | null | undefined, i: 0 | 1): number | null =>
      (n === null || n === undefined ? null
        : convLength(n, this.poolSize[i], this.strides[i], this.padding));
    return [batch ?? null, out(h, 0), out(w, 1), c ?? null];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), pool_size: [...this.poolSize], padding: this.padding,
      strides: [...this.strides], data_format: 'channels_last' };
  }
}

export class MaxPooling2D extends Pooling2D {
  static override readonly className = 'MaxPooling2D';

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = this.input4d(inputs);
    return maxPool2d(x, { poolSize: this.poolSize, strides: this.strides, padding: this.padding });
  }

  static fromConfig(config: LayerConfig): MaxPooling2D {
    return new MaxPooling2D(argsFromConfig(MaxPooling2D, config));
  }
}

export class AveragePooling2D extends Pooling2D {
  static override readonly className = 'AveragePooling2D';

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = this.input4d(inputs);
    return avgPool2d(x, { poolSize: this.poolSize, strides: this.strides, padding: this.padding });
  }

  static fromConfig(config: LayerConfig): AveragePooling2D {
    return new AveragePooling2D(argsFromConfig(AveragePooling2D, config));
  }
}
