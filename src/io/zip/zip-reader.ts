/**
 * Reads zip archives held in memory (PKWARE APPNOTE layout): the end-of-central-directory
 * record at the end of the file, the central directory it points to (names, sizes, CRC-32,
 * where each entry starts), then an entry's bytes on demand. Entries may be stored (method 0)
 * or deflated (method 8); ZIP64 sizes and offsets are understood. Nothing in an archive is
 * ever executed: entries are only bytes.
 *
 * Errors are IoError (or NotSupportedError for encryption and other compression methods),
 * each starting with the archive's label and naming the entry and what is wrong.
 *
 * @example
 * const zip = openZip(bytes, 'model.keras');
 * zip.entries.map((e) => e.name); // ['metadata.json', 'config.json', 'model.weights.h5']
 * const config = await readZipEntry(zip, 'config.json');
 */
import { IoError, NotSupportedError } from '../../errors.js';
import { describeBytes } from '../h5/file-signature.js';
import { crc32 } from './crc32.js';
import { inflateRaw } from './inflate.js';

/** One file in the archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; others are refused when read. */
  method: number;
  /** General purpose flags (bit 0: encrypted, bit 3: data descriptor, bit 11: UTF-8 name). */
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  headerOffset: number;
}

/** An archive whose central directory has been read. */
export interface ZipArchive {
  readonly label: string;
  readonly bytes: Uint8Array;
  readonly entries: readonly ZipEntry[];
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

const METHOD_NAMES: Record<number, string> = {
  1: 'shrink', 6: 'implode', 9: 'deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'zstd', 95: 'xz',
  99: 'AES encryption',
};

/**
 * Reads the central directory of the zip archive in `bytes`; `label` names it in errors.
 *
 * @example
 * openZip(readFileSync('model.keras'), 'model.keras').entries.length; // 3
 */
export function openZip(bytes: Uint8Array, label: string): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndRecord(view);
  if (eocd < 0) throw notFound(bytes, label);

  const dir = centralDirectory(view, eocd, label);
  if (dir.offset + dir.size > bytes.length) {
    throw new IoError(`${label}: truncated zip archive: the central directory should span bytes ` +
      `${dir.offset}-${dir.offset + dir.size}, but the file has ${bytes.length}`);
  }
  const entries = readEntries(view, dir, label);
  return { label, bytes, entries };
}

/**
 * The entry called `name`, or undefined.
 *
 * @example
 * findZipEntry(zip, 'model.weights.h5')?.size;
 */
export function findZipEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  return zip.entries.find((e) => e.name === name);
}

/** Deflated entries this large must also compress less than MAX_RATIO to be inflated. */
export const SUSPICIOUS_SIZE = 64 * 2 ** 20;
/** Real weights compress about 1.1x and JSON about 10x; a bomb of repeated bytes, ~1000x. */
export const MAX_RATIO = 100;
// One byte less than the largest Uint8Array Node allocates: the inflater asks for size + 1.
const MAX_INFLATED = 2 ** 32 - 2;

/**
 * The uncompressed bytes of entry `name`, checked against the CRC-32 and size the archive
 * records. A missing entry is an IoError listing what the archive holds. An entry declaring
 * more than `maxSize` bytes, or a deflated one that would inflate past SUSPICIOUS_SIZE and
 * MAX_RATIO times its compressed size, is refused before anything is inflated.
 *
 * @example
 * const text = new TextDecoder().decode(await readZipEntry(zip, 'config.json', 64 * 2 ** 20));
 */
export async function readZipEntry(zip: ZipArchive, name: string, maxSize = Infinity):
  Promise<Uint8Array> {
  const entry = findZipEntry(zip, name);
  if (entry === undefined) {
    throw new IoError(`${zip.label}: the archive has no '${name}' (it holds: ` +
      `${zip.entries.map((e) => e.name).join(', ') || 'nothing'})`);
  }
  const where = `${zip.label}: entry '${name}'`;
  checkEntrySize(entry, maxSize, where);
  const raw = entryData(zip, entry, where);
  const data = entry.method === 0 ? storedData(raw, entry, where)
    : await inflateRaw(raw, entry.size, where);

  const actual = crc32(data);
  if (actual !== entry.crc32) {
    throw new IoError(`${where} is corrupt: its CRC-32 is ${hex(actual)}, the archive ` +
      `records ${hex(entry.crc32)}`);
  }
  return data;
}

function checkEntrySize(entry: ZipEntry, maxSize: number, where: string): void {
  const sizes = `${entry.size} bytes (${mib(entry.size)}) from ${entry.compressedSize} compressed`;
  if (entry.size > maxSize) {
    throw new IoError(`${where} declares ${sizes}; at most ${maxSize} bytes (${mib(maxSize)}) ` +
      `are read for this entry`);
  }
  if (entry.method !== 8) return;
  if (entry.size > MAX_INFLATED) {
    throw new IoError(`${where} declares ${sizes}, more than the ${MAX_INFLATED} bytes one ` +
      `entry can inflate to in memory`);
  }
  if (entry.size > SUSPICIOUS_SIZE && entry.size > MAX_RATIO * entry.compressedSize) {
    throw new IoError(`${where} would inflate to ${sizes}, a ratio of ` +
      `${Math.round(entry.size / Math.max(1, entry.compressedSize))}x; real model files compress ` +
      `far less (at most ${MAX_RATIO}x past ${mib(SUSPICIOUS_SIZE)}), so this looks like a zip ` +
      `bomb and is not inflated`);
  }
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

// The record sits at the very end, unless an archive comment (at most 64 KiB) follows it.
function findEndRecord(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    const commentLength = view.getUint16(at + 20, true);
    if (at + EOCD_SIZE + commentLength <= view.byteLength) return at;
  }
  return -1;
}

function notFound(bytes: Uint8Array, label: string): IoError {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4));
  if (head === 'PK\x03\x04') {
    return new IoError(`${label}: truncated zip archive: it starts like one, but the ` +
      `end-of-central-directory record is missing (${bytes.length} bytes; was the copy cut short?)`);
  }
  return new IoError(`${label}: not a zip archive (${describeBytes(bytes)})`);
}

interface CentralDirectory {
  count: number;
  size: number;
  offset: number;
}

function centralDirectory(view: DataView, eocd: number, label: string): CentralDirectory {
  const disk = view.getUint16(eocd + 4, true);
  const dirDisk = view.getUint16(eocd + 6, true);
  if (disk !== 0 || dirDisk !== 0) {
    throw new NotSupportedError(`${label}: multi-part (spanned) zip archives`);
  }
  const dir = {
    count: view.getUint16(eocd + 10, true),
    size: view.getUint32(eocd + 12, true),
    offset: view.getUint32(eocd + 16, true),
  };
  const needs64 = dir.count === 0xffff || dir.size === 0xffffffff || dir.offset === 0xffffffff;
  return needs64 ? zip64Directory(view, eocd, label) : dir;
}

// ZIP64: a locator just before the classic record points to a record with 64-bit fields.
function zip64Directory(view: DataView, eocd: number, label: string): CentralDirectory {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) {
    throw new IoError(`${label}: corrupt zip archive: ZIP64 sizes are announced but the ZIP64 ` +
      `locator is missing`);
  }
  const record = uint64(view, locator + 8, label);
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) {
    throw new IoError(`${label}: corrupt zip archive: no ZIP64 end record at byte ${record}`);
  }
  return {
    count: uint64(view, record + 32, label),
    size: uint64(view, record + 40, label),
    offset: uint64(view, record + 48, label),
  };
}

function readEntries(view: DataView, dir: CentralDirectory, label: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let at = dir.offset;
  for (let k = 0; k < dir.count; k++) {
    if (at + 46 > dir.offset + dir.size || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new IoError(`${label}: corrupt zip archive: central directory entry ${k + 1} of ` +
        `${dir.count} is missing or damaged (byte ${at})`);
    }
    const { entry, next } = centralEntry(view, at, label);
    if (next > dir.offset + dir.size) {
      throw new IoError(`${label}: corrupt zip archive: central directory entry ${k + 1} runs ` +
        `past the end of the directory`);
    }
    if (seen.has(entry.name)) {
      throw new IoError(`${label}: the zip archive holds '${entry.name}' twice`);
    }
    seen.add(entry.name);
    entries.push(entry);
    at = next;
  }
  return entries;
}

function centralEntry(view: DataView, at: number, label: string):
  { entry: ZipEntry; next: number } {
  const flags = view.getUint16(at + 8, true);
  const nameLength = view.getUint16(at + 28, true);
  const extraLength = view.getUint16(at + 30, true);
  const commentLength = view.getUint16(at + 32, true);
  if (at + 46 + nameLength + extraLength > view.byteLength) {
    throw new IoError(`${label}: truncated zip archive: the central directory is cut short`);
  }
  const nameBytes = new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength);
  // Bit 11 says UTF-8; without it the name is CP437, which equals ASCII for the names we read.
  const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);

  const entry: ZipEntry = {
    name, flags,
    method: view.getUint16(at + 10, true),
    crc32: view.getUint32(at + 16, true),
    compressedSize: view.getUint32(at + 20, true),
    size: view.getUint32(at + 24, true),
    headerOffset: view.getUint32(at + 42, true),
  };
  applyZip64Extra(view, at + 46 + nameLength, extraLength, entry, label);
  return { entry, next: at + 46 + nameLength + extraLength + commentLength };
}

// Fields saturated at 0xFFFFFFFF are in the ZIP64 extra field (id 1), in this order.
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry,
  label: string): void {
  const wide = (['size', 'compressedSize', 'headerOffset'] as const)
    .filter((key) => entry[key] === 0xffffffff);
  if (wide.length === 0) return;

  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > start + length) break;
    if (id === 1) {
      wide.forEach((key, i) => {
        if (8 * (i + 1) <= size) entry[key] = uint64(view, at + 4 + 8 * i, label);
      });
      return;
    }
    at += 4 + size;
  }
  throw new IoError(`${label}: corrupt zip archive: entry '${entry.name}' announces ZIP64 sizes ` +
    `but has no ZIP64 extra field`);
}

function entryData(zip: ZipArchive, entry: ZipEntry, where: string): Uint8Array {
  if (entry.flags & 1) {
    throw new NotSupportedError(`${where} is encrypted; encrypted zip entries are not supported`);
  }
  if (entry.method !== 0 && entry.method !== 8) {
    const known = METHOD_NAMES[entry.method];
    throw new NotSupportedError(`${where} uses compression method ${entry.method}` +
      `${known ? ` (${known})` : ''}; supported: 0 (stored) and 8 (deflate)`);
  }

  const view = new DataView(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength);
  const at = entry.headerOffset;
  if (at + 30 > zip.bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new IoError(`${where}: corrupt zip archive: no local header at byte ${at}`);
  }
  // The local header's name and extra field may differ in length from the central copy.
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > zip.bytes.length) {
    throw new IoError(`${where}: truncated zip archive: the entry needs bytes ${start}-${end}, ` +
      `but the file has ${zip.bytes.length}`);
  }
  return zip.bytes.subarray(start, end);
}

function storedData(raw: Uint8Array, entry: ZipEntry, where: string): Uint8Array {
  if (raw.length !== entry.size) {
    throw new IoError(`${where}: corrupt zip archive: a stored entry of ${entry.size} bytes ` +
      `occupies ${raw.length}`);
  }
  return raw;
}

function uint64(view: DataView, at: number, label: string): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new IoError(`${label}: corrupt zip archive: a ZIP64 size or offset is ${value}`);
  }
  return Number(value);
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
