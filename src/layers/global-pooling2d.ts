/**
 * GlobalAveragePooling2D and GlobalMaxPooling2D: one value per channel over the whole image.
 *
 * x [batch, h, w, c] -> [batch, c]   (or [batch, 1, 1, c] with keepdims)
 *
 * @example
 * layers.globalAveragePooling2d();
 */
import { max, mean } from '../ops/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { argsFromConfig } from './config-utils.js';
import { Layer, type LayerArgs, type LayerConfig, ownOptions } from './layer.js';
import type { SymbolicShape } from './symbolic-tensor.js';

export interface GlobalPooling2DArgs extends LayerArgs {
  keepdims?: boolean;
}

abstract class GlobalPooling2D extends Layer {
  static override readonly options = ownOptions<GlobalPooling2DArgs>()(['keepdims']);
  readonly keepdims: boolean;

  constructor(args: GlobalPooling2DArgs = {}) {
    super(args);
    this.keepdims = args.keepdims ?? false;
  }

  protected input4d(inputs: Tensor | Tensor[]): Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (x.rank !== 4) this.incompatible('rank 4 [batch, height, width, channels]', x.shape);
    return x;
  }

  override computeOutputShape(s: SymbolicShape): SymbolicShape {
    if (s.length !== 4) this.incompatible('rank 4 [batch, height, width, channels]', s);
    return this.keepdims ? [s[0]!, 1, 1, s[3]!] : [s[0]!, s[3]!];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), data_format: 'channels_last', keepdims: this.keepdims };
  }
}

export class GlobalAveragePooling2D extends GlobalPooling2D {
  static override readonly className = 'GlobalAveragePooling2D';

  call(inputs: Tensor | Tensor[]): Tensor {
    return mean(this.input4d(inputs), [1, 2], this.keepdims);
  }

  static fromConfig(config: LayerConfig): GlobalAveragePooling2D {
    return new GlobalAveragePooling2D(argsFromConfig(GlobalAveragePooling2D, config));
  }
}

export class GlobalMaxPooling2D extends GlobalPooling2D {
  static override readonly className = 'GlobalMaxPooling2D';

  call(inputs: Tensor | Tensor[]): Tensor {
    return max(this.input4d(inputs), [1, 2], this.keepdims);
  }

  static fromConfig(config: LayerConfig): GlobalMaxPooling2D {
    return new GlobalMaxPooling2D(argsFromConfig(GlobalMaxPooling2D, config));
  }
}
