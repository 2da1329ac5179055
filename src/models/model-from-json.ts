/**
 * modelFromJSON: rebuilds a Sequential or functional model (fresh weights) from the tf.keras 2
 * model_config JSON that model.toJSON() writes and Keras .h5 files carry.
 *
 * @example
 * const copy = modelFromJSON(JSON.stringify(original.toJSON()));
 * copy.setWeights(original.getWeights());
 */
import type { Layer } from '../layers/layer.js';
import { Model } from './model.js';
import { modelFromJSONWith, type ModelJSON } from './model-json.js';
import { Sequential } from './sequential.js';

export function modelFromJSON(json: string | ModelJSON | Record<string, unknown>): Model {
  return modelFromJSONWith(json, {
    sequential: (layers: Layer[], name: string) => {
      const m = new Sequential({ name });
      for (const layer of layers) m.add(layer);
      return m;
    },
    functional: (inputs, outputs, name) => new Model({ inputs, outputs, name }),
  });
}

