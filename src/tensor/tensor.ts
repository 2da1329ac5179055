/**
 * Tensor: an n-dimensional, row-major array of float32 or int32 values living in the shared
 * WebAssembly heap (see heap.ts), plus the autograd node that produced it, if any.
 *
 * Users never free tensors. Blocks come back to the heap in two ways:
 * - a tensor that becomes unreachable is released by a FinalizationRegistry;
 * - code that creates many temporaries (a training step) runs inside {@link scope}, which
 *   releases every tensor made inside it except those it returns, as soon as it ends.
 */
import { ShapeError, ValueError } from '../errors.js';
import { heap, type Block } from './heap.js';

export type DType = 'float32' | 'int32';
export type TypedArray = Float32Array | Int32Array;
export type Shape = readonly number[];

/** How an op's output gets its gradient back to its inputs. */
export interface GradNode {
  /** The op's name, for error messages and debugging. */
  readonly op: string;
  readonly inputs: readonly Tensor[];
  /** Given dLoss/dOutput, returns dLoss/dInput for each input (null where not needed). */
  readonly backward: (dy: Tensor) => ReadonlyArray<Tensor | null>;
}

const BYTES: Record<DType, number> = { float32: 4, int32: 4 };

const finalizer = new FinalizationRegistry<Block>((block) => heap().release(block));

let scopeStack: Tensor[][] = [];

export class Tensor {
  readonly shape: Shape;
  readonly dtype: DType;
  readonly size: number;
  /** Set by ops when the output must carry a gradient back; null for leaves and constants. */
  node: GradNode | null = null;
  /** True for trainable variables: gradients are computed with respect to them. */
  requiresGrad = false;
  private block: Block | null;
  private view: TypedArray | null = null;
  private viewGeneration = -1;

  /** Prefer the creation functions ({@link tensor}, {@link zeros}...) to this constructor. */
  constructor(shape: Shape, dtype: DType = 'float32') {
    const size = checkShape(shape);
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.size = size;
    this.block = heap().alloc(size * BYTES[dtype]);
    finalizer.register(this, this.block, this);
    const open = scopeStack[scopeStack.length - 1];
    if (open !== undefined) open.push(this);
  }

  get rank(): number {
    return this.shape.length;
  }

  /** A live view of the values, in row-major order. Writes go to the tensor. */
  get data(): TypedArray {
    const block = this.block;
    if (block === null) {
      throw new ValueError(`Tensor [${this.shape.join(', ')}] was released and has no data ` +
        `any more; keep it by returning it from the scope that made it`);
    }
    const h = heap();
    if (this.view === null || this.viewGeneration !== h.generation) {
      const buffer = h.currentBuffer;
      this.view = this.dtype === 'float32'
        ? new Float32Array(buffer, block.offset, this.size)
        : new Int32Array(buffer, block.offset, this.size);
      this.viewGeneration = h.generation;
    }
    return this.view;
  }

  /** The values as a Float32Array view; throws for int32 tensors. */
  get f32(): Float32Array {
    if (this.dtype !== 'float32') {
      throw new ValueError(`expected a float32 tensor, got ${this.dtype} [${this.shape.join(', ')}]`);
    }
    return this.data as Float32Array;
  }

  /** Byte offset of the data in the shared WebAssembly memory (for kernels). */
  get offset(): number {
    return this.block === null ? -1 : this.block.offset;
  }

  get released(): boolean {
    return this.block === null;
  }

  /** The single value of a tensor with one element. */
  item(): number {
    if (this.size !== 1) {
      throw new ShapeError(`item(): expected a tensor with 1 element, got shape [${this.shape.join(', ')}]`);
    }
    return this.data[0]!;
  }

  /** The values as nested JavaScript arrays (a number for a scalar). */
  toArray(): NestedArray {
    const data = this.data;
    const build = (dim: number, start: number): NestedArray => {
      if (dim === this.shape.length) return data[start]!;
      const stride = this.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
      const out: NestedArray[] = [];
      for (let i = 0; i < this.shape[dim]!; i++) out.push(build(dim + 1, start + i * stride));
      return out;
    };
    return build(0, 0);
  }

  /** A copy of the values as a plain typed array that does not live in the heap. */
  toTypedArray(): TypedArray {
    return this.dtype === 'float32' ? Float32Array.from(this.data) : Int32Array.from(this.data);
  }

  /** Gives the block back to the heap now. Only engine code needs this; users never do. */
  release(): void {
    if (this.block === null) return;
    finalizer.unregister(this);
    heap().release(this.block);
    this.block = null;
    this.view = null;
    this.node = null;
  }

  toString(): string {
    return `Tensor(${this.dtype} [${this.shape.join(', ')}])`;
  }
}

export type NestedArray = number | NestedArray[];

function checkShape(shape: Shape): number {
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError(`tensor shape [${shape.join(', ')}]: every dimension must be an ` +
        `integer >= 0, got ${d}`);
    }
    size *= d;
  }
  return size;
}

/**
 * Runs `fn` and releases every tensor created inside it, except those reachable from its
 * result (a tensor, or arrays/objects of tensors, one level deep at each step) and except
 * tensors marked with {@link keep}. Scopes nest.
 *
 * @example
 * const loss = scope(() => crossEntropy(model.apply(x), y).item()); // temporaries are freed
 */
export function scope<T>(fn: () => T): T {
  const created: Tensor[] = [];
  scopeStack.push(created);
  let result: T;
  try {
    result = fn();
  } catch (error) {
    scopeStack.pop();
    for (const t of created) if (!keptForever.has(t)) t.release();
    throw error;
  }
  scopeStack.pop();
  const kept = new Set<Tensor>();
  collectTensors(result, kept, 0);
  const parent = scopeStack[scopeStack.length - 1];
  for (const t of created) {
    if (kept.has(t) || keptForever.has(t)) {
      if (parent !== undefined && !keptForever.has(t)) parent.push(t);
    } else {
      t.release();
    }
  }
  return result;
}

const keptForever = new WeakSet<Tensor>();

/** Excludes a tensor from release by any enclosing {@link scope} (weights, optimizer state). */
export function keep<T extends Tensor>(t: T): T {
  keptForever.add(t);
  return t;
}

function collectTensors(value: unknown, into: Set<Tensor>, depth: number): void {
  if (value instanceof Tensor) {
    into.add(value);
  } else if (depth < 4 && Array.isArray(value)) {
    for (const v of value) collectTensors(v, into, depth + 1);
  } else if (depth < 4 && value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const v of Object.values(value as Record<string, unknown>)) collectTensors(v, into, depth + 1);
  }
}

/** Makes a float32 (default) or int32 tensor from nested arrays or a flat typed array. */
export function tensor(values: NestedArray | ArrayLike<number>, shape?: Shape,
  dtype?: DType): Tensor {
  if (shape !== undefined && !Array.isArray(shape)) {
    const found = typeof shape === 'string' ? `the string '${shape}'` : typeof shape;
    throw new ValueError(`tensor(): shape must be an array of sizes, got ${found}; to choose ` +
      `the dtype, pass it third: tensor(values, undefined, 'int32')`);
  }
  if (dtype !== undefined && dtype !== 'float32' && dtype !== 'int32') {
    throw new ValueError(`tensor(): dtype must be 'float32' or 'int32', got '${String(dtype)}'`);
  }
  const inferredType: DType = dtype ?? (values instanceof Int32Array ? 'int32' : 'float32');
  const flat: number[] | ArrayLike<number> = isFlat(values) ? values : flatten(values as NestedArray);
  const finalShape = shape ?? (isFlat(values) ? [flat.length] : inferShape(values as NestedArray));
  const t = new Tensor(finalShape, inferredType);
  if (t.size !== flat.length) {
    throw new ShapeError(`tensor(): ${flat.length} values do not fill shape ` +
      `[${finalShape.join(', ')}] (${t.size} values)`);
  }
  t.data.set(flat as ArrayLike<number>);
  return t;
}

function isFlat(values: unknown): values is ArrayLike<number> {
  return ArrayBuffer.isView(values) ||
    (Array.isArray(values) && values.every((v) => typeof v === 'number'));
}

function inferShape(values: NestedArray): number[] {
  const shape: number[] = [];
  let v: NestedArray = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = v[0]!;
  }
  return shape;
}

function flatten(values: NestedArray): number[] {
  const out: number[] = [];
  const shape = inferShape(values);
  const walk = (v: NestedArray, dim: number): void => {
    if (dim === shape.length) {
      if (typeof v !== 'number') throw new ShapeError(`tensor(): ragged nested array at depth ${dim}`);
      out.push(v);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[dim]) {
      throw new ShapeError(`tensor(): ragged nested array: expected ${shape[dim]} items at ` +
        `depth ${dim}, got ${Array.isArray(v) ? v.length : typeof v}`);
    }
    for (const item of v) walk(item, dim + 1);
  };
  walk(values, 0);
  return out;
}

/** A scalar (rank-0) tensor. */
export function scalar(value: number, dtype: DType = 'float32'): Tensor {
  const t = new Tensor([], dtype);
  t.data[0] = value;
  return t;
}

/** A tensor filled with `value`. */
export function fill(shape: Shape, value: number, dtype: DType = 'float32'): Tensor {
  const t = new Tensor(shape, dtype);
  t.data.fill(value);
  return t;
}

export function zeros(shape: Shape, dtype: DType = 'float32'): Tensor {
  return fill(shape, 0, dtype);
}

export function ones(shape: Shape, dtype: DType = 'float32'): Tensor {
  return fill(shape, 1, dtype);
}

/** An uninitialised tensor, for ops that overwrite every element. */
export function empty(shape: Shape, dtype: DType = 'float32'): Tensor {
  return new Tensor(shape, dtype);
}

/** Values start, start+step, ... below stop (like NumPy's arange). */
export function range(start: number, stop?: number, step = 1, dtype: DType = 'float32'): Tensor {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0) throw new ValueError('range(): step must not be 0');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const t = new Tensor([n], dtype);
  for (let i = 0; i < n; i++) t.data[i] = start + i * step;
  return t;
}

/** A deep copy that owns its own block and carries no gradient node. */
export function clone(t: Tensor): Tensor {
  const out = new Tensor(t.shape, t.dtype);
  out.data.set(t.data);
  return out;
}
