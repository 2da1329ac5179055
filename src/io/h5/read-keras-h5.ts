/**
 * Reads a Keras .h5 file from a path (Node) or from its bytes; see keras-h5-reader.ts for the
 * layouts understood.
 *
 * @example
 * const content = await readKerasH5('mnist.h5');
 * content.layers[0].weights[0].name; // 'conv2d/kernel:0'
 */
import { readH5 } from './h5-file.js';
import type { KerasH5Content } from './keras-h5-content.js';
import { readKerasContent, readKerasH5Bytes } from './keras-h5-reader.js';

/**
 * Reads a Keras .h5 file from a path (Node) or from its bytes. Errors are IoError naming the
 * file and the missing or bad part; `label` names a buffer in messages.
 *
 * @example
 * const { modelConfig, layers } = await readKerasH5(await fetchBytes('model.h5'), 'model.h5');
 */
export async function readKerasH5(source: string | Uint8Array,
  label?: string): Promise<KerasH5Content> {
  if (typeof source !== 'string') return readKerasH5Bytes(source, label);
  return readH5(source, readKerasContent, label);
}
