/**
 * A small decoder for Netpbm grey and colour images (PGM P2/P5, PPM P3/P6), which sharp does
 * not read. 16-bit samples are scaled to 8 bits.
 *
 * @example
 * const { data, channels } = decodeNetpbm(await readFile('a.ppm'), 'a.ppm'); // channels 3
 */
import { IoError, NotSupportedError } from '../../errors.js';
import type { DecodedImage } from './decode-bmp.js';

/**
 * Decodes PGM/PPM bytes; `source` names the file in errors.
 *
 * @example
 * decodeNetpbm(new TextEncoder().encode('P2 2 1 255 0 255'), 'x.pgm').data; // [0, 255]
 */
export function decodeNetpbm(bytes: Uint8Array, source: string): DecodedImage {
  const kind = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0);
  if (!['P2', 'P3', 'P5', 'P6'].includes(kind)) {
    throw new NotSupportedError(`Netpbm '${source}': type ${kind} (supported: P2, P3, P5, P6)`);
  }
  const channels = kind === 'P3' || kind === 'P6' ? 3 : 1;
  let pos = 2;
  const token = (): number => {
    for (;;) {
      while (pos < bytes.length && /\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
      if (bytes[pos] !== 0x23) break; // '#' starts a comment line
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
    }
    const start = pos;
    while (pos < bytes.length && /\d/.test(String.fromCharCode(bytes[pos]!))) pos++;
    if (pos === start) throw new IoError(`Netpbm '${source}': bad or truncated header`);
    return Number(new TextDecoder().decode(bytes.subarray(start, pos)));
  };

  const [width, height, maxval] = [token(), token(), token()];
  const count = width * height * channels;
  const out = new Uint8Array(count);
  const scale = 255 / maxval;
  if (kind === 'P2' || kind === 'P3') {
    for (let i = 0; i < count; i++) out[i] = Math.round(token() * scale);
  } else {
    pos++; // exactly one whitespace byte before the samples
    const wide = maxval > 255;
    if (pos + count * (wide ? 2 : 1) > bytes.length) {
      throw new IoError(`Netpbm '${source}': truncated: ${width}x${height}x${channels} ` +
        `samples do not fit in ${bytes.length} bytes`);
    }
    for (let i = 0; i < count; i++) {
      const v = wide ? (bytes[pos + 2 * i]! << 8) | bytes[pos + 2 * i + 1]! : bytes[pos + i]!;
      out[i] = Math.round(v * scale);
    }
  }
  return { data: out, width, height, channels };
}
