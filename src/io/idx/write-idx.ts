/**
 * Encoding and writing IDX files. Writing goes to a temporary file that is then renamed, so a
 * crash never leaves a half-written file under the final name.
 *
 * @example
 * const labels = { dtype: 'uint8' as const, shape: [3], data: Uint8Array.of(1, 2, 3) };
 * await writeIdx('labels-idx1-ubyte', labels);
 */
import { ShapeError } from '../../errors.js';
import { writeFileAtomic } from '../atomic-write.js';
import { idxElementBytes, idxTypeCode, type IdxArray } from './idx-format.js';

/**
 * The bytes of an IDX file holding `array` (big-endian header and values).
 *
 * @example
 * encodeIdx({ dtype: 'uint8', shape: [2], data: Uint8Array.of(7, 9) });
 * // Uint8Array [0, 0, 8, 1, 0, 0, 0, 2, 7, 9]
 */
export function encodeIdx(array: IdxArray): Uint8Array {
  const { dtype, shape, data } = array;
  checkArray(array);

  const headerBytes = 4 + 4 * shape.length;
  const step = idxElementBytes(dtype);
  const out = new Uint8Array(headerBytes + data.length * step);
  const view = new DataView(out.buffer);
  out[2] = idxTypeCode(dtype);
  out[3] = shape.length;
  shape.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));

  const set = {
    uint8: (o: number, v: number) => view.setUint8(o, v),
    int8: (o: number, v: number) => view.setInt8(o, v),
    int16: (o: number, v: number) => view.setInt16(o, v, false),
    int32: (o: number, v: number) => view.setInt32(o, v, false),
    float32: (o: number, v: number) => view.setFloat32(o, v, false),
    float64: (o: number, v: number) => view.setFloat64(o, v, false),
  }[dtype];
  for (let i = 0, o = headerBytes; i < data.length; i++, o += step) set(o, data[i]!);
  return out;
}

function checkArray({ dtype, shape, data }: IdxArray): void {
  if (shape.length > 255) {
    throw new ShapeError(`encodeIdx: IDX holds at most 255 dimensions, got ${shape.length}`);
  }
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0 || d > 0xffffffff) {
      throw new ShapeError(`encodeIdx: dimension ${d} in [${shape.join(', ')}] is not an ` +
        `unsigned 32-bit integer`);
    }
  }
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) {
    throw new ShapeError(`encodeIdx: shape [${shape.join(', ')}] holds ${count} values, ` +
      `data has ${data.length}`);
  }
  idxTypeCode(dtype);
}

/**
 * Writes `array` to `path` as an IDX file, atomically (temporary file, then rename).
 *
 * @example
 * await writeIdx('out-idx3-ubyte', { dtype: 'uint8', shape: [1, 2, 2], data: new Uint8Array(4) });
 */
export async function writeIdx(path: string, array: IdxArray): Promise<void> {
  await writeFileAtomic(path, encodeIdx(array));
}
