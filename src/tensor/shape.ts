/**
 * Shape arithmetic shared by ops and layers: broadcasting, axes, and the output sizes of
 * convolution and pooling.
 */
import { ShapeError, ValueError } from '../errors.js';
import type { Shape } from './tensor.js';

export type Padding = 'valid' | 'same';

export function sizeOf(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** The NumPy broadcast of two shapes; throws naming the op and both shapes when impossible. */
export function broadcastShapes(a: Shape, b: Shape, op: string): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(`${op}: shapes ${formatShape(a)} and ${formatShape(b)} cannot be ` +
        `broadcast together (dimension ${i} of the result: ${da} vs ${db})`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * Axes of `outShape` along which an input of `inShape` was broadcast; summing a gradient
 * over them (and reshaping) gives the input's gradient.
 */
export function broadcastAxes(inShape: Shape, outShape: Shape): number[] {
  const axes: number[] = [];
  const offset = outShape.length - inShape.length;
  for (let i = 0; i < outShape.length; i++) {
    const d = i < offset ? 1 : inShape[i - offset]!;
    if (d === 1 && outShape[i] !== 1) axes.push(i);
    else if (i < offset) axes.push(i);
  }
  return axes;
}

/** Normalises negative axes and checks the range; `undefined` means all axes. */
export function normalizeAxes(axes: number | readonly number[] | undefined, rank: number,
  op: string): number[] {
  if (axes === undefined) return [...Array(rank).keys()];
  const list = typeof axes === 'number' ? [axes] : [...axes];
  const out = list.map((a) => {
    if (!Number.isInteger(a) || a < -rank || a >= Math.max(rank, 1)) {
      throw new ValueError(`${op}: axis ${a} is out of range for a tensor of rank ${rank}`);
    }
    return a < 0 ? a + rank : a;
  });
  return [...new Set(out)].sort((x, y) => x - y);
}

/**
 * Output length of a convolution or pooling window sliding over `n` inputs:
 * valid: floor((n - f_eff) / s) + 1, same: ceil(n / s), where f_eff = (f - 1) * d + 1.
 * Both are the lecture's (n + 2p - f) / s + 1 for the padding p each mode implies.
 */
export function convLength(n: number, f: number, s: number, padding: Padding, d = 1): number {
  const effective = (f - 1) * d + 1;
  if (padding === 'same') return Math.ceil(n / s);
  return Math.max(0, Math.floor((n - effective) / s) + 1);
}

/**
 * Padding before the first input for 'same' mode, as TensorFlow computes it: the total is
 * max((out - 1) * s + f_eff - n, 0), and the smaller half goes before (top/left).
 */
export function samePadBefore(n: number, f: number, s: number, d = 1): number {
  const effective = (f - 1) * d + 1;
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + effective - n, 0);
  return Math.floor(total / 2);
}

/** How an option's value reads in an error message; undefined means it was left out. */
function given(value: unknown): string {
  return value === undefined ? 'nothing (the option is required)' : JSON.stringify(value);
}

/** Checks a required positive integer option (units, filters...) and returns it. */
export function positiveInteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new ValueError(`${name} must be a positive integer, got ${given(value)}`);
  }
  return value;
}

/** Turns an int or pair option (kernelSize, strides...) into a pair. */
export function pair(value: number | readonly number[], name: string): [number, number] {
  if (typeof value !== 'number' && !Array.isArray(value)) {
    throw new ValueError(`${name} must be a positive integer or a pair of them, got ${given(value)}`);
  }
  const p = typeof value === 'number' ? [value, value] : [...value];
  if (p.length !== 2 || !p.every((v) => Number.isInteger(v) && v > 0)) {
    throw new ValueError(`${name} must be a positive integer or a pair of them, got ` +
      `${JSON.stringify(value)}`);
  }
  return [p[0]!, p[1]!];
}
