/**
 * Recognises an HDF5 file by its signature, and otherwise says what the bytes look like, so
 * that "not an HDF5 file" errors point at the likely mix-up (a .keras zip, a TF.js JSON...).
 *
 * @example
 * isHdf5(bytes);             // true for any file h5py or Keras wrote
 * describeBytes(zipBytes);   // "first bytes 'PK\x03\x04' look like a zip archive — ..."
 */

// The superblock signature; HDF5 looks for it at 0, 512, 1024, 2048... (files with a user block).
const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * True if the HDF5 signature is at offset 0 or at a power-of-two offset from 512 on.
 *
 * @example
 * isHdf5(readFileSync('model.h5'));
 */
export function isHdf5(bytes: Uint8Array): boolean {
  for (let offset = 0; offset + SIGNATURE.length <= bytes.length; offset = offset ? offset * 2 : 512) {
    if (SIGNATURE.every((b, i) => bytes[offset + i] === b)) return true;
  }
  return false;
}

/**
 * True if `bytes` start like a zip archive (a local file header, or the end record of an
 * empty archive): what Keras 3's `.keras` files are.
 *
 * @example
 * isZip(readFileSync('model.keras')); // true
 */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/**
 * A short description of what a non-HDF5 file looks like, quoting its first bytes.
 *
 * @example
 * describeBytes(new TextEncoder().encode('{"format": "layers-model"}'));
 */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  const head = `first bytes '${quoteBytes(bytes.subarray(0, 4))}'`;
  const guess = guessKind(bytes);
  return guess ? `${head} look like ${guess}` : `${head} are not the HDF5 signature '\\x89HDF'`;
}

function guessKind(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (text.startsWith('PK\x03\x04')) return 'a zip archive — a Keras 3 .keras file?';
  if (text.startsWith('\x89HDF')) return 'a truncated HDF5 file';
  if (text.startsWith('\x93NUMPY')) return 'a NumPy .npy array';
  if (/^\s*[{[]/.test(text)) return 'JSON text — a TensorFlow.js model.json?';
  if (text.startsWith('\x1f\x8b')) return 'a gzip archive';
  return undefined;
}

function quoteBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    out += b >= 0x20 && b < 0x7f && b !== 0x27 && b !== 0x5c
      ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}
