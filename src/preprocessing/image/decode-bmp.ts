/**
 * A small decoder for uncompressed Windows BMP files (8-bit paletted, 24-bit and 32-bit),
 * which sharp does not read. Output: RGB bytes, top row first.
 *
 * @example
 * const { data, width, height } = decodeBmp(await readFile('e.bmp'), 'e.bmp');
 */
import { IoError, NotSupportedError } from '../../errors.js';

export interface DecodedImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

/**
 * Decodes BMP bytes; `source` names the file in errors.
 *
 * @example
 * decodeBmp(bytes, 'zebra/e.bmp').channels; // 3
 */
export function decodeBmp(bytes: Uint8Array, source: string): DecodedImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 54) throw new IoError(`BMP '${source}': header truncated`);
  const dataOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bits = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const height = Math.abs(rawHeight);
  if (compression !== 0 || ![8, 24, 32].includes(bits)) {
    throw new NotSupportedError(`BMP '${source}': ${bits}-bit with compression ${compression} ` +
      `(supported: uncompressed 8, 24 and 32-bit); convert it to PNG`);
  }
  const rowBytes = Math.ceil((width * bits) / 32) * 4;
  if (width <= 0 || height === 0 || dataOffset + rowBytes * height > bytes.length) {
    throw new IoError(`BMP '${source}': ${width}x${height} pixels at offset ${dataOffset} do ` +
      `not fit in ${bytes.length} bytes (truncated file?)`);
  }

  const colours = bits === 8 ? view.getUint32(46, true) || 256 : 0;
  const palette = bytes.subarray(14 + headerSize, 14 + headerSize + 4 * colours);
  const out = new Uint8Array(width * height * 3);
  for (let r = 0; r < height; r++) {
    // Positive heights store the bottom row first.
    const row = dataOffset + (rawHeight > 0 ? height - 1 - r : r) * rowBytes;
    for (let c = 0; c < width; c++) {
      const at = bits === 8 ? 4 * bytes[row + c]! : row + (c * bits) / 8;
      const src = bits === 8 ? palette : bytes;
      const o = (r * width + c) * 3;
      out[o] = src[at + 2] ?? 0;
      out[o + 1] = src[at + 1] ?? 0;
      out[o + 2] = src[at] ?? 0;
    }
  }
  return { data: out, width, height, channels: 3 };
}
