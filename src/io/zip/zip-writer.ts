/**
 * Writes zip archives in memory, every entry stored (method 0, uncompressed) as Python's
 * zipfile does by default, which is what Keras writes into `.keras` files. Each entry gets
 * its local header, data, and a central directory record with its CRC-32; no ZIP64, so the
 * archive must stay under 4 GiB.
 *
 * @example
 * const bytes = writeZip([
 *   { name: 'metadata.json', data: new TextEncoder().encode('{}') },
 *   { name: 'model.weights.h5', data: h5Bytes },
 * ]);
 */
import { ValueError } from '../../errors.js';
import { crc32 } from './crc32.js';

/** A file to put in the archive. */
export interface ZipInput {
  /** Path inside the archive, with '/' between folders ('assets/vocab.txt'). */
  name: string;
  data: Uint8Array;
}

/** Options of writeZip. */
export interface WriteZipOptions {
  /** Modification time recorded for every entry (default: now). */
  date?: Date;
}

const LIMIT = 0xffffffff;
// Made by Unix (3) with zip 2.0, so that extractors apply the permissions below.
const MADE_BY = (3 << 8) | 20;
const VERSION_NEEDED = 20;
const FILE_MODE = 0o100644;

interface Placed {
  input: ZipInput;
  name: Uint8Array;
  crc: number;
  offset: number;
  utf8: boolean;
}

/**
 * The bytes of a zip archive holding `entries`, in that order.
 *
 * @example
 * writeFileSync('x.zip', writeZip([{ name: 'a.txt', data: bytes }]));
 */
export function writeZip(entries: readonly ZipInput[], options: WriteZipOptions = {}): Uint8Array {
  const { time, date } = dosDateTime(options.date ?? new Date());
  const placed = layOut(entries);
  const last = placed[placed.length - 1];
  const directoryOffset = last === undefined ? 0
    : last.offset + 30 + last.name.length + last.input.data.length;
  const directorySize = placed.reduce((n, p) => n + 46 + p.name.length, 0);
  checkSize(directoryOffset + directorySize + 22);

  const out = new Uint8Array(directoryOffset + directorySize + 22);
  const view = new DataView(out.buffer);
  for (const p of placed) {
    writeHeader(view, p.offset, LOCAL_FIELDS, p, time, date);
    out.set(p.name, p.offset + 30);
    out.set(p.input.data, p.offset + 30 + p.name.length);
  }

  let at = directoryOffset;
  for (const p of placed) {
    writeHeader(view, at, CENTRAL_FIELDS, p, time, date);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  }
  writeEndRecord(view, at, placed.length, directorySize, directoryOffset);
  return out;
}

function layOut(entries: readonly ZipInput[]): Placed[] {
  const encoder = new TextEncoder();
  const seen = new Set<string>();
  let offset = 0;
  return entries.map((input) => {
    if (input.name === '' || input.name.startsWith('/') || seen.has(input.name)) {
      throw new ValueError(`writeZip: entry name '${input.name}' is empty, absolute or repeated`);
    }
    seen.add(input.name);
    const name = encoder.encode(input.name);
    const p = { input, name, crc: crc32(input.data), offset, utf8: /[^\x20-\x7e]/.test(input.name) };
    offset += 30 + name.length + input.data.length;
    checkSize(offset);
    return p;
  });
}

function checkSize(bytes: number): void {
  if (bytes > LIMIT) {
    throw new ValueError(`writeZip: the archive would take ${bytes} bytes; without ZIP64 the ` +
      `limit is ${LIMIT} (4 GiB)`);
  }
}

// Local and central headers share most fields; only their positions differ.
const LOCAL_FIELDS = { signature: 0x04034b50, needed: 4, flags: 6, method: 8, time: 10, date: 12,
  crc: 14, compressed: 18, size: 22, nameLength: 26 };
const CENTRAL_FIELDS = { signature: 0x02014b50, needed: 6, flags: 8, method: 10, time: 12,
  date: 14, crc: 16, compressed: 20, size: 24, nameLength: 28 };

function writeHeader(view: DataView, at: number, f: typeof LOCAL_FIELDS, p: Placed,
  time: number, date: number): void {
  view.setUint32(at, f.signature, true);
  view.setUint16(at + f.needed, VERSION_NEEDED, true);
  view.setUint16(at + f.flags, p.utf8 ? 0x800 : 0, true);
  view.setUint16(at + f.method, 0, true);
  view.setUint16(at + f.time, time, true);
  view.setUint16(at + f.date, date, true);
  view.setUint32(at + f.crc, p.crc, true);
  view.setUint32(at + f.compressed, p.input.data.length, true);
  view.setUint32(at + f.size, p.input.data.length, true);
  view.setUint16(at + f.nameLength, p.name.length, true);
  // Extra field and comment lengths, disk number, internal attributes stay 0.
  if (f === CENTRAL_FIELDS) {
    view.setUint16(at + 4, MADE_BY, true);
    view.setUint32(at + 38, FILE_MODE << 16 >>> 0, true);
    view.setUint32(at + 42, p.offset, true);
  }
}

function writeEndRecord(view: DataView, at: number, count: number, size: number,
  offset: number): void {
  if (count > 0xffff) throw new ValueError(`writeZip: ${count} entries; the limit is 65535`);
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, count, true);
  view.setUint16(at + 10, count, true);
  view.setUint32(at + 12, size, true);
  view.setUint32(at + 16, offset, true);
}

// MS-DOS time has 2-second resolution and starts in 1980; zip stores local time.
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
