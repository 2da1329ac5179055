/**
 * Numeric HDF5 datasets of any rank (0-d scalars included) and the groups on their path.
 * Keras weight names contain '/', so a weight is a dataset at a nested path whose
 * intermediate groups must exist before it is written.
 *
 * @example
 * writeArray(layerGroup, 'conv2d/kernel:0', { shape: [3, 3, 1, 8], dtype: 'float32', data });
 * readArray(layerGroup, 'conv2d/kernel:0').shape; // [3, 3, 1, 8]
 */
import { IoError, NotSupportedError, ValueError } from '../../errors.js';
import type { H5Group, H5Dataset } from './h5-runtime.js';

export type ArrayDType = 'float32' | 'float64' | 'int32' | 'int64';
export type ArrayData = Float32Array | Float64Array | Int32Array | BigInt64Array;

/** A dense row-major array as stored in a dataset. */
export interface StoredArray {
  shape: number[];
  dtype: ArrayDType;
  data: ArrayData;
}

const HDF5_TYPE: Record<ArrayDType, string> = {
  float32: '<f', float64: '<d', int32: '<i', int64: '<q',
};

/**
 * The group at a '/'-separated path below `group`, created (with its parents) if missing.
 *
 * @example
 * const layer = ensureGroup(root, 'model_weights/conv2d');
 */
export function ensureGroup(group: H5Group, path: string): H5Group {
  let current = group;
  for (const part of path.split('/').filter((p) => p !== '')) {
    const child = current.get(part);
    if (child === null) current = current.create_group(part);
    else if (child instanceof Object && 'keys' in child) current = child as H5Group;
    else throw new IoError(`'${current.path}/${part}' exists and is not a group`);
  }
  return current;
}

/**
 * Writes a dataset at `path` below `group`, creating intermediate groups. A shape of `[]`
 * writes a 0-d scalar.
 *
 * @example
 * writeArray(root, 'optimizer_weights/iteration:0', {
 *   shape: [], dtype: 'int64', data: new BigInt64Array([10n]) });
 */
export function writeArray(group: H5Group, path: string, array: StoredArray): H5Dataset {
  const size = array.shape.reduce((a, b) => a * b, 1);
  if (array.data.length !== size) {
    throw new ValueError(`dataset '${path}': shape [${array.shape.join(', ')}] holds ${size} ` +
      `values, but ${array.data.length} were given`);
  }

  const cut = path.lastIndexOf('/');
  const parent = cut < 0 ? group : ensureGroup(group, path.slice(0, cut));
  const name = path.slice(cut + 1);
  return parent.create_dataset({
    name, data: array.data, shape: array.shape, dtype: HDF5_TYPE[array.dtype],
  });
}

/**
 * The dataset at `path` below `group`, or undefined if there is nothing there.
 *
 * @example
 * findDataset(layerGroup, 'dense/kernel:0');
 */
export function findDataset(group: H5Group, path: string): H5Dataset | undefined {
  const node = group.get(path);
  if (node === null || !(node instanceof Object) || !('shape' in node)) return undefined;
  return node as H5Dataset;
}

/**
 * Reads a numeric dataset (float32, float64, int32 or int64; 0-d included) into a typed array.
 * Other types (float16, strings, compounds) are refused with NotSupportedError.
 *
 * @example
 * const { shape, dtype, data } = readArray(layerGroup, 'dense/kernel:0');
 */
export function readArray(group: H5Group, path: string): StoredArray {
  const dataset = findDataset(group, path);
  if (dataset === undefined) throw new IoError(`dataset '${group.path}/${path}' is missing`);

  const { type, size, signed } = dataset.metadata;
  const dtype = dtypeOf(type, size, signed);
  if (dtype === undefined) {
    throw new NotSupportedError(`dataset '${dataset.path}': type ${JSON.stringify(dataset.dtype)} ` +
      `(supported: float32, float64, int32, int64)`);
  }

  const value = dataset.value;
  const data = typeof value === 'number' || typeof value === 'bigint'
    ? scalarArray(value, dtype) : (value as ArrayData);
  return { shape: dataset.shape ?? [], dtype, data };
}

// HDF5 type classes: 0 integer, 1 float.
function dtypeOf(type: number, size: number, signed: boolean): ArrayDType | undefined {
  if (type === 1 && size === 4) return 'float32';
  if (type === 1 && size === 8) return 'float64';
  if (type === 0 && signed && size === 4) return 'int32';
  if (type === 0 && signed && size === 8) return 'int64';
  return undefined;
}

function scalarArray(value: number | bigint, dtype: ArrayDType): ArrayData {
  if (dtype === 'int64') return new BigInt64Array([BigInt(value)]);
  if (dtype === 'int32') return new Int32Array([Number(value)]);
  if (dtype === 'float64') return new Float64Array([Number(value)]);
  return new Float32Array([Number(value)]);
}

/**
 * Converts any stored numeric array to float32 values (weights are float32 in this library).
 *
 * @example
 * toFloat32(readArray(g, 'dense/kernel:0').data);
 */
export function toFloat32(data: ArrayData): Float32Array {
  if (data instanceof Float32Array) return data;
  if (data instanceof BigInt64Array) return Float32Array.from(data, (v) => Number(v));
  return Float32Array.from(data);
}
