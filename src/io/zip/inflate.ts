/**
 * Raw DEFLATE decompression (zip method 8) without a dependency: Node's zlib where it has been
 * registered (zip-node.ts does it, and model-files.ts loads that module), else the web's
 * DecompressionStream('deflate-raw'), which browsers and Node 20+ provide. This module imports
 * nothing from Node, so browser bundles can carry it.
 *
 * Output is capped at the size the archive declares: a corrupt or hostile entry cannot make
 * the reader allocate more than that.
 *
 * @example
 * const bytes = await inflateRaw(compressed, 1024, "model.keras: entry 'config.json'");
 */
import { IoError, NotSupportedError } from '../../errors.js';

/** Inflates `data`, producing at most `maxSize` bytes (throws past that). */
export type RawInflater = (data: Uint8Array, maxSize: number) => Uint8Array | Promise<Uint8Array>;

let registered: RawInflater | null = null;

/**
 * Makes `inflate` the one used from now on (Node registers zlib's inflateRawSync).
 *
 * @example
 * registerRawInflater((data, max) => inflateRawSync(data, { maxOutputLength: max }));
 */
export function registerRawInflater(inflate: RawInflater): void {
  registered = inflate;
}

/**
 * Decompresses raw DEFLATE `data` that should give `size` bytes; `where` names the entry in
 * errors. A stream that is corrupt, or longer or shorter than `size`, is an IoError.
 *
 * @example
 * await inflateRaw(data, entry.size, `${label}: entry '${entry.name}'`);
 */
export async function inflateRaw(data: Uint8Array, size: number, where: string):
  Promise<Uint8Array> {
  let out: Uint8Array;
  try {
    out = registered !== null ? await registered(data, size + 1)
      : await inflateRawWithStream(data, size + 1, where);
  } catch (error) {
    if (error instanceof NotSupportedError) throw error;
    throw new IoError(`${where}: the deflated data is corrupt or longer than declared ` +
      `(${(error as Error).message})`, { cause: error });
  }

  if (out.length > size) {
    throw new IoError(`${where}: inflates to more than the ${size} bytes the archive declares`);
  }
  if (out.length < size) {
    throw new IoError(`${where}: inflates to ${out.length} bytes, but the archive declares ${size}`);
  }
  return out;
}

/**
 * Decompresses with the web's DecompressionStream('deflate-raw'), stopping past `maxSize`.
 *
 * @example
 * await inflateRawWithStream(data, 4096, 'upload.keras');
 */
export async function inflateRawWithStream(data: Uint8Array, maxSize: number, where: string):
  Promise<Uint8Array> {
  if (typeof DecompressionStream !== 'function') {
    throw new NotSupportedError(`${where}: deflated zip entries need DecompressionStream ` +
      `('deflate-raw'), which this runtime lacks; save the archive with stored (uncompressed) ` +
      `entries, or load it in Node`);
  }
  const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
    if (total >= maxSize) {
      await reader.cancel();
      break;
    }
  }
  return concat(chunks, total);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
