/**
 * Dropout: during training, zeroes each input with probability `rate` and scales the rest by
 * 1 / (1 - rate) (inverted dropout), so inference needs no rescaling and is the identity.
 *
 * @example
 * layers.dropout({ rate: 0.2 });
 * layers.dropout({ rate: 0.5, seed: 7 });   // its own repeatable stream
 */
import { NotSupportedError, ValueError } from '../errors.js';
import { dropout } from '../ops/index.js';
import { Random, globalRng } from '../tensor/random.js';
import type { Tensor } from '../tensor/tensor.js';
import { argsFromConfig } from './config-utils.js';
import { type CallContext, Layer, type LayerArgs, type LayerConfig, ownOptions } from './layer.js';

export interface DropoutArgs extends LayerArgs {
  /** Fraction of the inputs to drop, in [0, 1). */
  rate: number;
  seed?: number | null;
  noiseShape?: null;
}

export class Dropout extends Layer {
  static override readonly className = 'Dropout';
  static override readonly options = ownOptions<DropoutArgs>()(['rate', 'seed', 'noiseShape']);
  readonly rate: number;
  readonly seed: number | null;
  private readonly rng: Random | null;

  constructor(args: DropoutArgs) {
    super(args);
    if (!(args.rate >= 0 && args.rate < 1)) {
      throw new ValueError(`Dropout '${this.name}': rate must be in [0, 1), got ${args.rate}`);
    }
    if (args.noiseShape !== undefined && args.noiseShape !== null) {
      throw new NotSupportedError(`Dropout noiseShape (supported: null, one draw per element)`);
    }
    this.rate = args.rate;
    this.seed = args.seed ?? null;
    this.rng = this.seed === null ? null : new Random(this.seed);
  }

  call(inputs: Tensor | Tensor[], ctx: CallContext): Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (!ctx.training) return x;
    return dropout(x, this.rate, this.rng ?? globalRng());
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), rate: this.rate, noise_shape: null, seed: this.seed };
  }

  static fromConfig(config: LayerConfig): Dropout {
    return new Dropout(argsFromConfig(Dropout, config) as unknown as DropoutArgs);
  }
}
