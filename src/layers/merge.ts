/**
 * Layers that merge several inputs: Concatenate (along an axis) and Add (elementwise sum).
 *
 * @example
 * const merged = layers.concatenate().apply([a, b]);   // [batch, 10] + [batch, 6] -> [batch, 16]
 * const sum = layers.add().apply([a, c]);
 */
import { ShapeError } from '../errors.js';
import { add, concat } from '../ops/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { argsFromConfig } from './config-utils.js';
import { Layer, type LayerArgs, type LayerConfig, ownOptions } from './layer.js';
import { formatSymbolicShape, type SymbolicShape } from './symbolic-tensor.js';

function list(inputs: Tensor | Tensor[], where: string): Tensor[] {
  if (!Array.isArray(inputs) || inputs.length < 2) {
    throw new ShapeError(`${where} needs a list of at least 2 inputs`);
  }
  return inputs;
}

export interface ConcatenateArgs extends LayerArgs {
  axis?: number;
}

export class Concatenate extends Layer {
  static override readonly className = 'Concatenate';
  static override readonly options = ownOptions<ConcatenateArgs>()(['axis']);
  readonly axis: number;

  constructor(args: ConcatenateArgs = {}) {
    super(args);
    this.axis = args.axis ?? -1;
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const xs = list(inputs, `Concatenate '${this.name}'`);
    this.computeOutputShape(xs.map((x) => x.shape)); // mismatches throw naming this layer
    return concat(xs, this.axis);
  }

  override computeOutputShape(shapes: SymbolicShape | SymbolicShape[]): SymbolicShape {
    const all = shapes as SymbolicShape[];
    const rank = all[0]!.length;
    const axis = this.axis < 0 ? this.axis + rank : this.axis;
    const out = [...all[0]!];
    for (const s of all.slice(1)) {
      const ok = s.length === rank && s.every((d, i) => i === axis || d === null || out[i] === null || d === out[i]);
      if (!ok) {
        throw new ShapeError(`Concatenate '${this.name}': inputs must match except on axis ` +
          `${this.axis}, got ${all.map(formatSymbolicShape).join(' and ')}`);
      }
      out[axis] = out[axis] === null || s[axis] === null ? null : out[axis]! + s[axis]!;
    }
    return out;
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), axis: this.axis };
  }

  static fromConfig(config: LayerConfig): Concatenate {
    return new Concatenate(argsFromConfig(Concatenate, config) as ConcatenateArgs);
  }
}

export class Add extends Layer {
  static override readonly className = 'Add';
  static override readonly options = ownOptions<LayerArgs>()([]);

  call(inputs: Tensor | Tensor[]): Tensor {
    const xs = list(inputs, `Add '${this.name}'`);
    return xs.slice(1).reduce((acc, x) => add(acc, x), xs[0]!);
  }

  override computeOutputShape(shapes: SymbolicShape | SymbolicShape[]): SymbolicShape {
    const all = shapes as SymbolicShape[];
    const first = all[0]!;
    for (const s of all.slice(1)) {
      if (s.length !== first.length || s.some((d, i) => d !== null && first[i] !== null && d !== first[i])) {
        throw new ShapeError(`Add '${this.name}': inputs must have the same shape, got ` +
          `${all.map(formatSymbolicShape).join(' and ')}`);
      }
    }
    return first;
  }

  static fromConfig(config: LayerConfig): Add {
    return new Add(argsFromConfig(Add, config));
  }
}
