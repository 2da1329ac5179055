/**
 * HDF5 attributes as Keras uses them: strings (written as variable-length UTF-8; read in every
 * encoding Keras versions wrote), string lists, and lists split into a numbered series
 * `name0, name1, ...` when they exceed the 64 KiB object-header limit.
 *
 * @example
 * writeStringList(group, 'layer_names', ['conv2d', 'dense']);
 * readStringList(group, 'layer_names'); // ['conv2d', 'dense']
 */
import { IoError } from '../../errors.js';
import type { H5Group, H5Dataset } from './h5-runtime.js';

type H5Node = H5Group | H5Dataset;

/** Attributes larger than this do not fit in an HDF5 object header (Keras' own limit). */
export const OBJECT_HEADER_LIMIT = 64512;

/** Variable-length, UTF-8 strings: what h5py 3 and Keras write today. */
const VLEN_UTF8 = 'S';

/**
 * True if the node has the attribute, or (for lists) its numbered series `name0`.
 *
 * @example
 * hasAttr(root, 'model_config');
 */
export function hasAttr(node: H5Node, name: string, orSeries = false): boolean {
  const attrs = node.attrs;
  return name in attrs || (orSeries && `${name}0` in attrs);
}

/**
 * Reads a string attribute (vlen or fixed-length, ASCII or UTF-8, scalar or one-element array);
 * undefined if absent. Throws IoError if it is not a string.
 *
 * @example
 * readStringAttr(root, 'keras_version'); // '2.15.0'
 */
export function readStringAttr(node: H5Node, name: string): string | undefined {
  if (!hasAttr(node, name)) return undefined;
  const value = node.get_attribute(name, false);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
  throw new IoError(`attribute '${name}' of '${node.path}': expected a string, got ${describe(value)}`);
}

/**
 * Reads a list of strings, falling back to the numbered series `name0, name1...`.
 * An empty numeric array (what NumPy writes for `[]`) reads as an empty list; undefined if absent.
 *
 * @example
 * readStringList(layerGroup, 'weight_names'); // ['conv2d/kernel:0', 'conv2d/bias:0']
 */
export function readStringList(node: H5Node, name: string): string[] | undefined {
  if (hasAttr(node, name)) return asStringList(node, name, node.get_attribute(name, false));
  if (!hasAttr(node, `${name}0`)) return undefined;

  const out: string[] = [];
  for (let i = 0; hasAttr(node, `${name}${i}`); i++) {
    out.push(...asStringList(node, `${name}${i}`, node.get_attribute(`${name}${i}`, false)));
  }
  return out;
}

function asStringList(node: H5Node, name: string, value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  if (ArrayBuffer.isView(value) && (value as Float64Array).length === 0) return [];
  throw new IoError(`attribute '${name}' of '${node.path}': expected a list of strings, ` +
    `got ${describe(value)}`);
}

/**
 * Writes a scalar string attribute as variable-length UTF-8.
 *
 * @example
 * writeStringAttr(root, 'backend', 'tensorflow');
 */
export function writeStringAttr(node: H5Node, name: string, value: string): void {
  node.create_attribute(name, value, null, VLEN_UTF8);
}

/**
 * Writes a list of strings as a 1-D variable-length UTF-8 attribute; an empty list is written
 * as an empty float64 array (as Keras does). A list too large for one object header is split
 * into `name0, name1, ...` in near-equal parts.
 *
 * @example
 * writeStringList(group, 'weight_names', ['dense/kernel:0', 'dense/bias:0']);
 */
export function writeStringList(node: H5Node, name: string, values: readonly string[]): void {
  if (values.length === 0) {
    node.create_attribute(name, new Float64Array(0), [0], '<d');
    return;
  }

  const chunks = splitForHeader(name, values);
  if (chunks.length === 1) {
    node.create_attribute(name, [...values], [values.length], VLEN_UTF8);
    return;
  }
  chunks.forEach((chunk, i) => node.create_attribute(`${name}${i}`, chunk, [chunk.length], VLEN_UTF8));
}

/**
 * Splits a list the way Keras sizes it: as if stored with fixed-length strings of the longest
 * item, in as few near-equal parts as keep each under the header limit.
 *
 * @example
 * splitForHeader('layer_names', names).length; // 1 for ordinary models
 */
export function splitForHeader(name: string, values: readonly string[]): string[][] {
  const encoder = new TextEncoder();
  const longest = Math.max(...values.map((v) => encoder.encode(v).length));
  if (longest > OBJECT_HEADER_LIMIT) {
    throw new IoError(`attribute '${name}': an item is ${longest} bytes long, more than the HDF5 ` +
      `object header limit of ${OBJECT_HEADER_LIMIT} bytes. Use shorter layer or weight names.`);
  }

  let parts = Math.max(1, Math.ceil((longest * values.length) / OBJECT_HEADER_LIMIT));
  while (Math.ceil(values.length / parts) * longest > OBJECT_HEADER_LIMIT) parts++;

  // Like numpy.array_split: the first (n % parts) chunks get one extra item.
  const base = Math.floor(values.length / parts);
  const extra = values.length % parts;
  const out: string[][] = [];
  for (let i = 0, start = 0; i < parts; i++) {
    const size = base + (i < extra ? 1 : 0);
    out.push(values.slice(start, start + size));
    start += size;
  }
  return out;
}

function describe(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as Float32Array).length})`;
  if (Array.isArray(value)) return `an array of ${value.length} ${typeof value[0]}`;
  return `a ${typeof value}`;
}
