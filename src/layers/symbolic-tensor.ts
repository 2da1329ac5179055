/**
 * A symbolic tensor: the shape of a value that will flow through a model, and the layer call
 * that produces it. Functional models are wired from these, as with Keras' KerasTensor.
 *
 * @example
 * const x = input({ shape: [784] });          // SymbolicTensor [null, 784]
 * const y = layers.dense({ units: 10 }).apply(x) as SymbolicTensor;
 */
import type { Layer } from './layer.js';

/** A shape whose batch dimension (and possibly others) is unknown: null, as Keras' None. */
export type SymbolicShape = ReadonlyArray<number | null>;

export class SymbolicTensor {
  constructor(
    readonly shape: SymbolicShape,
    /** The layer whose call produced this tensor. */
    readonly sourceLayer: Layer,
    /** Which call of that layer (Keras' node index). */
    readonly nodeIndex: number,
    /** Which output of that call. */
    readonly tensorIndex: number,
  ) {}

  get rank(): number {
    return this.shape.length;
  }

  toString(): string {
    return `SymbolicTensor(${formatSymbolicShape(this.shape)} from '${this.sourceLayer.name}')`;
  }
}

/** '(None, 26, 26, 32)' as Python prints a shape tuple. */
export function formatSymbolicShape(shape: SymbolicShape): string {
  const items = shape.map((d) => (d === null ? 'None' : String(d)));
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}
