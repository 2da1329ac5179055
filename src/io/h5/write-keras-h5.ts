/**
 * Writes a Keras .h5 file to a path, atomically (Node); see keras-h5-writer.ts for the layout.
 *
 * @example
 * await writeKerasH5('model.h5', content);
 */
import { writeH5 } from './h5-file.js';
import type { KerasH5Content } from './keras-h5-content.js';
import { kerasH5Filler, type WriteKerasH5Options } from './keras-h5-writer.js';

export { writeKerasH5ToBytes, type WriteKerasH5Options } from './keras-h5-writer.js';

/**
 * Writes `content` to `path` atomically (a failure leaves any previous file intact). Node only.
 *
 * @example
 * await writeKerasH5('mnist.h5', { modelConfig, trainingConfig, layers, optimizerWeights });
 */
export async function writeKerasH5(path: string, content: KerasH5Content,
  options: WriteKerasH5Options = {}): Promise<void> {
  await writeH5(path, kerasH5Filler(content, options));
}
