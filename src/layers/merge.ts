/**
 * Layers that merge several inputs: Concatenate (along an axis) and Add (elementwise sum).
 *
 * @example
 * const merged = layers.concatenate().apply([a, b]);   // [batch, 10] + [batch, 6] -> [batch, 16]
 * const sum = layers.add().apply([a, c]);
 */
import { ShapeError } from '../errors.js';
import { add } from '../ops/index.js';
import { record } from '../tensor/autograd.js';
import { formatShape, sizeOf } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { argsFromConfig } from './config-utils.js';
import { Layer, type LayerArgs, type LayerConfig } from './layer.js';
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
  readonly axis: number;

  constructor(args: ConcatenateArgs = {}) {
    super(args);
    this.axis = args.axis ?? -1;
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    return concat(list(inputs, `Concatenate '${this.name}'`), this.axis, `Concatenate '${this.name}'`);
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
    return new Concatenate(argsFromConfig('Concatenate', config) as ConcatenateArgs);
  }
}

/**
 * Joins tensors along `axis`, viewing each as [outer, size on axis, inner].
 * A local op until a shared concat lands in src/ops.
 */
function concat(xs: Tensor[], axisArg: number, where: string): Tensor {
  const rank = xs[0]!.rank;
  const axis = axisArg < 0 ? axisArg + rank : axisArg;
  const shape = [...xs[0]!.shape];
  shape[axis] = 0;
  for (const x of xs) {
    if (x.rank !== rank || x.shape.some((d, i) => i !== axis && d !== xs[0]!.shape[i])) {
      throw new ShapeError(`${where}: inputs must match except on axis ${axisArg}, got ` +
        `${xs.map((t) => formatShape(t.shape)).join(' and ')}`);
    }
    shape[axis]! += x.shape[axis]!;
  }
  const outer = sizeOf(shape.slice(0, axis));
  const inner = sizeOf(shape.slice(axis + 1));
  const out = new Tensor(shape);
  const widths = xs.map((x) => x.shape[axis]! * inner);
  const total = shape[axis]! * inner;
  copyBlocks(xs.map((x) => x.f32), out.f32, outer, widths, total, 'gather');

  return record(out, 'concat', xs, (dy) => {
    const grads = xs.map((x) => new Tensor(x.shape));
    copyBlocks(grads.map((g) => g.f32), dy.f32, outer, widths, total, 'scatter');
    return grads;
  });
}

/** Copies contiguous row blocks between the parts and the joined array. */
function copyBlocks(parts: Float32Array[], joined: Float32Array, outer: number, widths: number[],
  total: number, direction: 'gather' | 'scatter'): void {
  for (let o = 0; o < outer; o++) {
    let offset = o * total;
    parts.forEach((p, k) => {
      const w = widths[k]!;
      if (direction === 'gather') joined.set(p.subarray(o * w, (o + 1) * w), offset);
      else p.set(joined.subarray(offset, offset + w), o * w);
      offset += w;
    });
  }
}

export class Add extends Layer {
  static override readonly className = 'Add';

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
    return new Add(argsFromConfig('Add', config));
  }
}
