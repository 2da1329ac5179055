/**
 * Pairs a model's layers with the layers saved in a Keras .h5 file, the way Keras'
 * `load_weights` does: by ORDER of the layers that have weights (default), or by layer NAME.
 * Counts and shapes are checked and mismatches reported with Keras' wording.
 *
 * @example
 * const pairs = matchWeights(model.layers.map(describe), content.layers);
 * for (const { layerIndex, weights } of pairs) model.layers[layerIndex].setWeights(...);
 */
import { ValueError } from '../../errors.js';
import { log } from '../../log.js';
import type { KerasH5Layer, KerasH5Weight } from './keras-h5-content.js';

/** What matching needs to know about a model layer: its name and its weights' names and shapes. */
export interface LayerWeightSpec {
  name: string;
  weights: readonly { name: string; shape: readonly number[] }[];
}

/** Saved weights for the model layer at `layerIndex`, in the layer's weight order. */
export interface WeightAssignment {
  layerIndex: number;
  weights: KerasH5Weight[];
}

export interface MatchOptions {
  /** Match layers by name instead of order; file layers absent from the model are ignored. */
  byName?: boolean;
  /** With byName: skip layers whose weight count or shapes differ (with a warning). */
  skipMismatch?: boolean;
}

/**
 * Pairs model layers with saved layers and checks counts and shapes.
 *
 * @example
 * matchWeights([{ name: 'dense', weights: [{ name: 'dense/kernel:0', shape: [4, 2] }] }],
 *   content.layers);
 */
export function matchWeights(model: readonly LayerWeightSpec[], saved: readonly KerasH5Layer[],
  options: MatchOptions = {}): WeightAssignment[] {
  return options.byName ? matchByName(model, saved, options.skipMismatch ?? false)
    : matchByOrder(model, saved);
}

function matchByOrder(model: readonly LayerWeightSpec[],
  saved: readonly KerasH5Layer[]): WeightAssignment[] {
  const modelIndices = model.flatMap((l, i) => (l.weights.length > 0 ? [i] : []));
  const savedLayers = saved.filter((l) => l.weights.length > 0);
  if (modelIndices.length !== savedLayers.length) {
    throw new ValueError(`Layer count mismatch when loading weights from file. Model expected ` +
      `${modelIndices.length} layers, found ${savedLayers.length} saved layers. ` +
      `Build the same architecture, or load with { byName: true }.`);
  }

  return modelIndices.map((layerIndex, k) => {
    const layer = model[layerIndex]!;
    const file = savedLayers[k]!;
    const problem = mismatch(layer, file, k);
    if (problem !== undefined) throw new ValueError(problem);
    return { layerIndex, weights: file.weights };
  });
}

function matchByName(model: readonly LayerWeightSpec[], saved: readonly KerasH5Layer[],
  skipMismatch: boolean): WeightAssignment[] {
  const byName = new Map(saved.map((l) => [l.name, l]));
  const out: WeightAssignment[] = [];
  model.forEach((layer, layerIndex) => {
    const file = byName.get(layer.name);
    if (file === undefined || (file.weights.length === 0 && layer.weights.length === 0)) return;

    const problem = mismatch(layer, file, layerIndex);
    if (problem === undefined) out.push({ layerIndex, weights: file.weights });
    else if (skipMismatch) log.warn(`${problem} Skipping loading weights for this layer.`);
    else throw new ValueError(`${problem} Pass { skipMismatch: true } to skip such layers.`);
  });
  return out;
}

function mismatch(layer: LayerWeightSpec, file: KerasH5Layer, k: number): string | undefined {
  if (layer.weights.length !== file.weights.length) {
    return `Weight count mismatch for layer #${k} (named ${layer.name} in the current model, ` +
      `${file.name} in the save file). Layer expects ${layer.weights.length} weight(s). ` +
      `Received ${file.weights.length} saved weight(s).`;
  }
  for (let i = 0; i < layer.weights.length; i++) {
    const want = layer.weights[i]!;
    const got = file.weights[i]!;
    if (!sameShape(want.shape, got.shape)) {
      return `Shape mismatch in layer #${k} (named ${layer.name} in the current model, ` +
        `${file.name} in the save file) for weight ${want.name}. Weight expects shape ` +
        `[${want.shape.join(', ')}]. Received saved weight ${got.name} with shape ` +
        `[${got.shape.join(', ')}].`;
    }
  }
  return undefined;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
