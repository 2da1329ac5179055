/**
 * CRC-32C (Castagnoli) and the "masked" form that TFRecord files store. The mask exists
 * because a CRC computed over data that itself contains CRCs is weak; TensorFlow rotates and
 * offsets the value so stored checksums never look like checksums of their own bytes.
 *
 * @example
 * crc32c(new TextEncoder().encode('123456789')); // 0xE3069283
 * maskedCrc32c(new Uint8Array(8));                // 0x07980329
 */
import { crc32c as rawCrc32c } from '@aws-crypto/crc32c';

/** The CRC-32C of `bytes` as an unsigned 32-bit integer. */
export function crc32c(bytes: Uint8Array): number {
  return rawCrc32c(bytes) >>> 0;
}

/** TFRecord's mask: rotate right by 15 bits, then add 0xA282EAD8 (mod 2^32). */
export function maskCrc(crc: number): number {
  const rotated = ((crc >>> 15) | (crc << 17)) >>> 0;
  return (rotated + 0xa282ead8) >>> 0;
}

/** The masked CRC-32C of `bytes`, as written in TFRecord headers and footers. */
export function maskedCrc32c(bytes: Uint8Array): number {
  return maskCrc(crc32c(bytes));
}
