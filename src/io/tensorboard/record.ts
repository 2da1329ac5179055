/**
 * TFRecord framing, the container of TensorBoard event files. Each record is
 * `uint64 length | uint32 masked crc32c(length bytes) | data | uint32 masked crc32c(data)`,
 * all little-endian.
 *
 * @example
 * const bytes = encodeRecord(encodeEvent({ wallTime: 1700000000, fileVersion: 'brain.Event:2' }));
 */
import { maskedCrc32c } from './crc32c.js';

/** Frames one serialized message as a TFRecord. */
export function encodeRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length + 4);
  const view = new DataView(out.buffer);

  view.setBigUint64(0, BigInt(data.length), true);
  view.setUint32(8, maskedCrc32c(out.subarray(0, 8)), true);
  out.set(data, 12);
  view.setUint32(12 + data.length, maskedCrc32c(data), true);

  return out;
}
