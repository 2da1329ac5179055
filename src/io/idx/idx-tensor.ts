/**
 * Converting between IDX arrays and tensors. Tensors hold float32 or int32 only: integer IDX
 * types become int32 and float types float32 unless a dtype is asked for.
 *
 * @example
 * const x = idxToTensor(await readIdx('train-images-idx3-ubyte'), 'float32'); // 0..255
 */
import { ValueError } from '../../errors.js';
import { Tensor, type DType } from '../../tensor/tensor.js';
import type { IdxArray, IdxDType } from './idx-format.js';

/**
 * A tensor with the IDX array's shape and values (float64 values are rounded to float32).
 *
 * @example
 * idxToTensor({ dtype: 'uint8', shape: [2], data: Uint8Array.of(7, 9) }).dtype; // 'int32'
 */
export function idxToTensor(array: IdxArray, dtype?: DType): Tensor {
  const isFloat = array.dtype === 'float32' || array.dtype === 'float64';
  const t = new Tensor(array.shape, dtype ?? (isFloat ? 'float32' : 'int32'));
  t.data.set(array.data);
  return t;
}

/**
 * An IDX array holding a tensor's values as `dtype` (default: float32 tensors as 'float32',
 * int32 tensors as 'int32'). Integer types must be able to hold every value.
 *
 * @example
 * await writeIdx('labels-idx1-ubyte', tensorToIdx(yTrain, 'uint8'));
 */
export function tensorToIdx(t: Tensor, dtype?: IdxDType): IdxArray {
  const target = dtype ?? (t.dtype === 'float32' ? 'float32' : 'int32');
  const range = INTEGER_RANGES[target];
  const values = t.data;
  if (range !== undefined) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isInteger(v) || v < range[0] || v > range[1]) {
        throw new ValueError(`tensorToIdx: value ${v} at flat index ${i} does not fit IDX ` +
          `type ${target} (integers ${range[0]}..${range[1]})`);
      }
    }
  }
  const data = { uint8: Uint8Array, int8: Int8Array, int16: Int16Array, int32: Int32Array,
    float32: Float32Array, float64: Float64Array }[target].from(values);
  return { dtype: target, shape: [...t.shape], data };
}

const INTEGER_RANGES: Partial<Record<IdxDType, [number, number]>> = {
  uint8: [0, 255], int8: [-128, 127], int16: [-32768, 32767], int32: [-(2 ** 31), 2 ** 31 - 1],
};
