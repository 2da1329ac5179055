/**
 * Decoding IDX bytes, with checks that say what the header promised and what the bytes hold.
 * Works on any Uint8Array (Node Buffer included) and has no Node dependency.
 *
 * @example
 * const { dtype, shape, data } = parseIdx(bytes, 'train-labels-idx1-ubyte');
 */
import { IoError } from '../../errors.js';
import { IDX_TYPES, allocateIdxData, type IdxArray } from './idx-format.js';

/** True if the bytes start with the gzip magic number 1F 8B. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decodes an uncompressed IDX file held in memory. `source` names the file in error messages.
 * Gzip-compressed input is rejected with a message; {@link decodeIdx} and `readIdx` gunzip it.
 *
 * @example
 * const a = parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7, 9]));
 * // a = { dtype: 'uint8', shape: [2], data: Uint8Array [7, 9] }
 */
export function parseIdx(bytes: Uint8Array, source = '<buffer>'): IdxArray {
  const where = `IDX file '${source}'`;
  if (isGzip(bytes)) {
    throw new IoError(`${where} is gzip-compressed (starts with bytes 1F 8B), not a raw IDX ` +
      `file; gunzip it first, or load it with readIdx()/decodeIdx(), which gunzip for you`);
  }
  checkMagic(bytes, where);

  const rank = bytes[3]!;
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) {
    throw new IoError(`${where}: empty or incomplete header: a rank-${rank} header needs ` +
      `${headerBytes} bytes, the file has ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape: number[] = [];
  for (let d = 0; d < rank; d++) shape.push(view.getUint32(4 + 4 * d, false));

  const type = IDX_TYPES[bytes[2]!]!;
  const count = shape.reduce((a, b) => a * b, 1);
  checkSize(where, type.dtype, shape, count * type.bytes, bytes.length - headerBytes);
  return { dtype: type.dtype, shape, data: readValues(view, headerBytes, type.dtype, count) };
}

function checkMagic(bytes: Uint8Array, where: string): void {
  if (bytes.length < 4) {
    throw new IoError(`${where}: empty or incomplete header: expected at least 4 bytes ` +
      `(magic number), got ${bytes.length}`);
  }
  if (looksLikeText(bytes)) {
    const start = new TextDecoder().decode(bytes.subarray(0, 40)).replace(/\s+/g, ' ');
    const kind = /^\s*</.test(start) ? 'an HTML/XML page' : 'text';
    throw new IoError(`${where} is not an IDX file: it holds ${kind} ("${start.trim()}..."). ` +
      `A failed download often saves an error page under the data file's name; fetch it again`);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0 || IDX_TYPES[bytes[2]!] === undefined) {
    const hex = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0'));
    throw new IoError(`${where} is not an IDX file: expected magic 00 00 <type> <rank> with ` +
      `type one of 08 09 0B 0C 0D 0E, got ${hex.join(' ').toUpperCase()}`);
  }
}

/** Printable ASCII or whitespace in the first bytes: an error page or a CSV, not IDX. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, 64));
  return head.every((b) => (b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d);
}

function checkSize(where: string, dtype: string, shape: number[], want: number,
  have: number): void {
  if (want === have) return;
  const promise = `header promises ${dtype} [${shape.join(', ')}] = ${want} data bytes`;
  if (have < want) {
    throw new IoError(`${where}: truncated: expected ${want} data bytes, got ${have} ` +
      `(${promise}); the file is incomplete, download it again`);
  }
  throw new IoError(`${where}: size mismatch: expected ${want} data bytes, got ${have} ` +
    `(${promise}; ${have - want} bytes left over)`);
}

function readValues(view: DataView, start: number, dtype: IdxArray['dtype'],
  count: number): IdxArray['data'] {
  const out = allocateIdxData(dtype, count);
  if (dtype === 'uint8' || dtype === 'int8') {
    out.set(new (out.constructor as Uint8ArrayConstructor)(view.buffer, view.byteOffset + start,
      count));
    return out;
  }
  // Values are big-endian; DataView reads them whatever the machine's byte order.
  const step = out.BYTES_PER_ELEMENT;
  const get = {
    int16: (o: number) => view.getInt16(o, false),
    int32: (o: number) => view.getInt32(o, false),
    float32: (o: number) => view.getFloat32(o, false),
    float64: (o: number) => view.getFloat64(o, false),
  }[dtype];
  for (let i = 0, o = start; i < count; i++, o += step) out[i] = get(o);
  return out;
}

/**
 * Decodes IDX bytes, gunzipping them first if they start with 1F 8B. Uses the standard
 * `DecompressionStream`, so it also works in browsers.
 *
 * @example
 * const labels = await decodeIdx(await (await fetch('t10k-labels-idx1-ubyte.gz')).bytes());
 */
export async function decodeIdx(bytes: Uint8Array, source = '<buffer>'): Promise<IdxArray> {
  if (!isGzip(bytes)) return parseIdx(bytes, source);
  try {
    const gunzip = new DecompressionStream('gzip');
    const stream = new Blob([Uint8Array.from(bytes)]).stream().pipeThrough(gunzip);
    return parseIdx(new Uint8Array(await new Response(stream).arrayBuffer()), source);
  } catch (err) {
    if (err instanceof IoError) throw err;
    throw new IoError(`IDX file '${source}' starts like gzip (1F 8B) but could not be ` +
      `gunzipped: ${(err as Error).message}`, { cause: err });
  }
}
