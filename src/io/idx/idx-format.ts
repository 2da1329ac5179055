/**
 * The IDX file format (used by MNIST and Fashion-MNIST): a big-endian header
 * `00 00 <type> <rank>`, then `rank` 32-bit big-endian dimension sizes, then the values in
 * row-major order, also big-endian.
 *
 * @example
 * const header = IDX_TYPES[0x08]; // { dtype: 'uint8', bytes: 1 }
 */
import { ValueError } from '../../errors.js';

/** Element types an IDX file can hold, named like NumPy dtypes. */
export type IdxDType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** The typed array that holds each {@link IdxDType}. */
export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array |
  Float64Array;

/** An IDX array in memory: element type, shape and the values in row-major order. */
export interface IdxArray {
  dtype: IdxDType;
  shape: number[];
  data: IdxData;
}

interface IdxTypeInfo {
  dtype: IdxDType;
  bytes: number;
}

/**
 * Type codes (byte 2 of the magic number) and their element types.
 *
 * @example
 * IDX_TYPES[0x0d].dtype; // 'float32'
 */
export const IDX_TYPES: Readonly<Record<number, IdxTypeInfo>> = Object.freeze({
  0x08: { dtype: 'uint8', bytes: 1 },
  0x09: { dtype: 'int8', bytes: 1 },
  0x0b: { dtype: 'int16', bytes: 2 },
  0x0c: { dtype: 'int32', bytes: 4 },
  0x0d: { dtype: 'float32', bytes: 4 },
  0x0e: { dtype: 'float64', bytes: 8 },
});

/**
 * The type code written for an element type.
 *
 * @example
 * idxTypeCode('uint8'); // 0x08
 */
export function idxTypeCode(dtype: IdxDType): number {
  for (const [code, info] of Object.entries(IDX_TYPES)) {
    if (info.dtype === dtype) return Number(code);
  }
  throw new ValueError(`IDX element type '${String(dtype)}' is not one of ` +
    `${Object.values(IDX_TYPES).map((t) => t.dtype).join(', ')}`);
}

/**
 * Bytes per element of an IDX element type.
 *
 * @example
 * idxElementBytes('int16'); // 2
 */
export function idxElementBytes(dtype: IdxDType): number {
  return IDX_TYPES[idxTypeCode(dtype)]!.bytes;
}

/**
 * A new typed array of the right class for `dtype`.
 *
 * @example
 * allocateIdxData('float64', 4); // Float64Array(4)
 */
export function allocateIdxData(dtype: IdxDType, length: number): IdxData {
  switch (dtype) {
    case 'uint8': return new Uint8Array(length);
    case 'int8': return new Int8Array(length);
    case 'int16': return new Int16Array(length);
    case 'int32': return new Int32Array(length);
    case 'float32': return new Float32Array(length);
    case 'float64': return new Float64Array(length);
  }
}
