/**
 * CRC-32 as zip archives use it (ISO 3309 / ITU-T V.42: reflected polynomial 0xEDB88320,
 * initial value and final XOR 0xFFFFFFFF). Not CRC-32C, which @aws-crypto/crc32c computes for
 * TensorBoard event files: same width, different polynomial.
 *
 * @example
 * crc32(new TextEncoder().encode('123456789')); // 0xCBF43926
 */

// One entry per byte value: the remainder of that byte shifted through eight rounds.
const TABLE = makeTable();

function makeTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/**
 * The CRC-32 of `bytes`, as an unsigned 32-bit number.
 *
 * @example
 * crc32(new Uint8Array()); // 0
 */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
