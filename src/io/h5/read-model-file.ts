/**
 * Reads a full-model Keras .h5 file (what `model.save` writes) and checks, before anything is
 * built, that it has a model config and that every layer class in it is supported.
 *
 * @example
 * const content = await readModelFile('mnist.h5', { supportedLayers: registeredLayerNames() });
 */
import type { KerasH5Content } from './keras-h5-content.js';
import { modelContent } from './model-config-check.js';
import { readKerasH5 } from './read-keras-h5.js';

export interface ReadModelFileOptions {
  /** Layer class names that can be built ('Conv2D', 'Dense'...). */
  supportedLayers: readonly string[];
  /** Names a byte buffer in error messages. */
  label?: string;
}

/**
 * The file's content with `modelConfig` guaranteed. A weights-only file gets an IoError that
 * suggests loadWeights; unsupported layer classes one NotSupportedError naming them all.
 *
 * @example
 * const { modelConfig, layers } = await readModelFile(bytes, { supportedLayers, label: 'up.h5' });
 */
export async function readModelFile(source: string | Uint8Array,
  options: ReadModelFileOptions): Promise<KerasH5Content & { modelConfig: Record<string, unknown> }> {
  const label = options.label ?? (typeof source === 'string' ? source : 'buffer');
  return modelContent(await readKerasH5(source, label), options.supportedLayers, label);
}
