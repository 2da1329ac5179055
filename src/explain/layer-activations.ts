/**
 * Every layer's output for a batch, as Keras users get it: a second model with the same inputs
 * whose outputs are all the layers' outputs, run once. Plain TypeScript (no Node), so the
 * digit page uses it too.
 *
 * @example
 * const acts = layerActivations(net, x); // x [1, 28, 28, 1]
 * acts.map((a) => `${a.layerName} [${a.shape.join(', ')}]`);
 * // ['conv2d [1, 26, 26, 8]', 'max_pooling2d [1, 13, 13, 8]', ..., 'dense [1, 10]']
 */
import { ValueError } from '../errors.js';
import { InputLayer } from '../layers/input-layer.js';
import type { Layer } from '../layers/layer.js';
import { Model, type ModelInput } from '../models/model.js';
import { scope, type Tensor } from '../tensor/tensor.js';
import type { LayerActivation } from './activation-tiles.js';

/** One layer's output for the whole batch: a copy, safe to keep. */
export interface LayerOutput {
  readonly layerName: string;
  /** The layer's Keras class, e.g. 'Conv2D'. */
  readonly className: string;
  /** With the batch axis first: [batch, height, width, channels] or [batch, units]. */
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** The layers whose outputs are shown: all but the input layers, in the model's order. */
export function activationLayers(model: Model): Layer[] {
  return model.layers.filter((l) => !(l instanceof InputLayer));
}

/**
 * The model whose outputs are every layer's output (Keras:
 * `Model(inputs=m.inputs, outputs=[l.output for l in m.layers])`). Build it once and reuse
 * it when running many images.
 *
 * @example
 * const probe = activationModel(net);
 * const outs = probe.apply(x) as Tensor[];
 */
export function activationModel(model: Model): Model {
  const layers = activationLayers(model);
  if (layers.length === 0) {
    throw new ValueError(`layerActivations: model '${model.name}' has no layers besides its ` +
      `inputs`);
  }
  // Naming the probe keeps the global layer/model name counters untouched.
  return new Model({ inputs: model.inputs, outputs: layers.map((l) => l.output),
    name: `${model.name}_activations` });
}

/**
 * Runs `x` through the model once (inference mode, no gradients) and returns each layer's
 * output, in the order of `model.layers` (input layers left out). The last entry equals
 * `model.predict(x)` for a single-output model.
 *
 * @example
 * const [conv] = layerActivations(net, x);
 * conv.shape; // [1, 26, 26, 8]
 */
export function layerActivations(model: Model, x: ModelInput,
  probe: Model = activationModel(model)): LayerOutput[] {
  const layers = activationLayers(model);
  return scope(() => {
    const out = probe.apply(x);
    const tensors: Tensor[] = Array.isArray(out) ? out : [out];
    return tensors.map((t, i) => ({
      layerName: layers[i]!.name,
      className: layers[i]!.className,
      shape: [...t.shape],
      values: Float32Array.from(t.f32),
    }));
  });
}

/**
 * One sample of each layer output, without the batch axis: what the pictures draw.
 *
 * @example
 * await writeActivationPictures('out', sampleActivations(layerActivations(net, x), 0));
 */
export function sampleActivations(outputs: readonly LayerOutput[], sample = 0): LayerActivation[] {
  return outputs.map((o) => {
    const batch = o.shape[0] ?? 1;
    if (!Number.isInteger(sample) || sample < 0 || sample >= batch) {
      throw new ValueError(`sampleActivations: sample ${sample} is outside the batch of ${batch} ` +
        `(layer '${o.layerName}')`);
    }
    const per = o.values.length / batch;
    return {
      name: o.layerName, className: o.className, shape: o.shape.slice(1),
      data: o.values.subarray(sample * per, (sample + 1) * per),
    };
  });
}
