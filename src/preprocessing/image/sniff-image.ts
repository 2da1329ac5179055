/**
 * Recognising image files by their first bytes, so that an empty file or a text file named
 * .jpg is reported by name before any decoding.
 *
 * @example
 * sniffImageFile('cats/1.jpg'); // { format: 'jpeg' } or { problem: 'empty file (0 bytes)' }
 */
import { closeSync, openSync, readSync } from 'node:fs';

export type ImageFormat = 'png' | 'jpeg' | 'bmp' | 'ppm' | 'tiff' | 'gif' | 'webp';

export type Sniffed = { format: ImageFormat; problem?: undefined } |
  { format?: undefined; problem: string };

/**
 * The format announced by the first bytes, or what is wrong with them.
 *
 * @example
 * sniffImageBytes(Uint8Array.of(0x89, 0x50, 0x4e, 0x47)); // { format: 'png' }
 */
export function sniffImageBytes(head: Uint8Array): Sniffed {
  if (head.length === 0) return { problem: 'empty file (0 bytes)' };
  const ascii = String.fromCharCode(...head.subarray(0, 12));
  if (head[0] === 0x89 && ascii.slice(1, 4) === 'PNG') return { format: 'png' };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { format: 'jpeg' };
  if (ascii.startsWith('BM')) return { format: 'bmp' };
  if (/^P[1-6]\s/.test(ascii)) return { format: 'ppm' };
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return { format: 'tiff' };
  if (ascii.startsWith('GIF8')) return { format: 'gif' };
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return { format: 'webp' };
  if (head.every((b) => (b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d)) {
    const text = new TextDecoder().decode(head.subarray(0, 24)).replace(/\s+/g, ' ').trim();
    return { problem: `not an image: it holds text ("${text}...")` };
  }
  return { problem: 'not a recognised image format (unknown first bytes)' };
}

/**
 * {@link sniffImageBytes} on the first 16 bytes of a file.
 *
 * @example
 * const { problem } = sniffImageFile('data/cats/cat.1.jpg');
 */
export function sniffImageFile(path: string): Sniffed {
  const head = new Uint8Array(16);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return sniffImageBytes(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
  } catch (err) {
    return { problem: `cannot be read: ${(err as Error).message}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
