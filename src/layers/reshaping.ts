/**
 * Flatten and Reshape: the same values per sample under a new shape; the batch axis stays.
 *
 * @example
 * layers.flatten();                              // [batch, 3, 3, 64] -> [batch, 576]
 * layers.reshape({ targetShape: [28, 28, 1] });  // [batch, 784] -> [batch, 28, 28, 1]
 */
import { ValueError } from '../errors.js';
import { reshape } from '../ops/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { argsFromConfig } from './config-utils.js';
import { Layer, type LayerArgs, type LayerConfig, ownOptions } from './layer.js';
import type { SymbolicShape } from './symbolic-tensor.js';

function single(inputs: Tensor | Tensor[]): Tensor {
  return Array.isArray(inputs) ? inputs[0]! : inputs;
}

function product(dims: SymbolicShape): number | null {
  let n = 1;
  for (const d of dims) {
    if (d === null) return null;
    n *= d;
  }
  return n;
}

export class Flatten extends Layer {
  static override readonly className = 'Flatten';
  static override readonly options = ownOptions<LayerArgs>()([]);

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = single(inputs);
    return x.rank === 2 ? x : reshape(x, [x.shape[0]!, -1]);
  }

  override computeOutputShape(s: SymbolicShape): SymbolicShape {
    return [s[0] ?? null, product(s.slice(1))];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), data_format: 'channels_last' };
  }

  static fromConfig(config: LayerConfig): Flatten {
    return new Flatten(argsFromConfig(Flatten, config));
  }
}

export interface ReshapeArgs extends LayerArgs {
  /** Shape of one sample; one entry may be -1 (inferred). */
  targetShape: number[];
}

export class Reshape extends Layer {
  static override readonly className = 'Reshape';
  static override readonly options = ownOptions<ReshapeArgs>()(['targetShape']);
  readonly targetShape: number[];

  constructor(args: ReshapeArgs) {
    super(args);
    if (args.targetShape.filter((d) => d === -1).length > 1) {
      throw new ValueError(`Reshape '${this.name}': at most one -1 in targetShape, got ` +
        `[${args.targetShape.join(', ')}]`);
    }
    this.targetShape = [...args.targetShape];
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = single(inputs);
    const perSample = x.size / Math.max(1, x.shape[0]!);
    const known = this.targetShape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
    const fits = this.targetShape.includes(-1) ? perSample % known === 0 : perSample === known;
    if (!fits) this.incompatible(`${known} values per sample for [${this.targetShape}]`, x.shape);
    return reshape(x, [x.shape[0]!, ...this.targetShape]);
  }

  override computeOutputShape(s: SymbolicShape): SymbolicShape {
    const total = product(s.slice(1));
    const known = this.targetShape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
    const dims = this.targetShape.map((d) => (d !== -1 ? d : total === null ? null : total / known));
    return [s[0] ?? null, ...dims];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), target_shape: [...this.targetShape] };
  }

  static fromConfig(config: LayerConfig): Reshape {
    return new Reshape(argsFromConfig(Reshape, config) as unknown as ReshapeArgs);
  }
}
