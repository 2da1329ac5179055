/**
 * The tf.keras 2 `model_config` JSON of a model, and the way back (modelFromJSON).
 *
 * Sequential: {class_name: 'Sequential', config: {name, layers: [InputLayer, ...]}}.
 * Functional: {class_name: 'Functional', config: {name, layers: [{class_name, config, name,
 * inbound_nodes}], input_layers, output_layers}}, where each inbound node lists
 * [layer_name, node_index, tensor_index, {}] for each input.
 *
 * @example
 * const json = JSON.stringify(m.toJSON());
 * const copy = modelFromJSON(json);   // same architecture, fresh weights
 */
import { NotSupportedError, ValueError } from '../errors.js';
import { InputLayer } from '../layers/input-layer.js';
import type { Layer, LayerConfig, LayerNode } from '../layers/layer.js';
import { layerFromConfig } from '../layers/registry.js';
import type { SymbolicTensor } from '../layers/symbolic-tensor.js';
import type { Graph } from './graph.js';
import type { Model } from './model.js';

export interface LayerJSON {
  class_name: string;
  config: LayerConfig;
  name?: string;
  inbound_nodes?: Array<Array<[string, number, number, Record<string, unknown>]>>;
}

export interface ModelJSON {
  class_name: string;
  config: {
    name: string;
    layers: LayerJSON[];
    input_layers?: Array<[string, number, number]>;
    output_layers?: Array<[string, number, number]>;
  };
}

/** Index of a node among its layer's calls that belong to this graph (Keras' node index). */
function nodeIndexIn(graph: Graph, t: SymbolicTensor): number {
  return graph.nodes.filter((n) => n.layer === t.sourceLayer).findIndex((n) => n.output === t);
}

function ref(graph: Graph, t: SymbolicTensor): [string, number, number] {
  return [t.sourceLayer.name, Math.max(0, nodeIndexIn(graph, t)), t.tensorIndex];
}

export function modelToJSON(m: Model): ModelJSON {
  const graph = m.graph;
  if (m.className === 'Sequential') {
    const input = graph.inputs[0]!.sourceLayer;
    return { class_name: 'Sequential', config: { name: m.name, layers: [
      { class_name: 'InputLayer', config: input.getConfig() },
      ...m.layers.map((l) => ({ class_name: l.className, config: l.getConfig() })),
    ] } };
  }
  const layers: LayerJSON[] = graph.layers.map((layer) => {
    const nodes = graph.nodes.filter((n: LayerNode) => n.layer === layer && !(layer instanceof InputLayer));
    return {
      class_name: layer.className,
      config: layer.getConfig(),
      name: layer.name,
      inbound_nodes: nodes.map((n) => n.inputs.map((t) => [...ref(graph, t), {}] as [string, number, number, Record<string, unknown>])),
    };
  });
  return { class_name: 'Functional', config: { name: m.name, layers,
    input_layers: graph.inputs.map((t) => ref(graph, t)),
    output_layers: graph.outputs.map((t) => ref(graph, t)) } };
}

/** Factories for the two model kinds, passed in to avoid an import cycle. */
export interface ModelFactories {
  sequential(layers: Layer[], name: string): Model;
  functional(inputs: SymbolicTensor[], outputs: SymbolicTensor[], name: string): Model;
}

export function modelFromJSONWith(json: string | ModelJSON | Record<string, unknown>,
  make: ModelFactories): Model {
  const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as ModelJSON;
  // A whole .h5 model_config may arrive wrapped as {model_config: {...}}.
  const spec = 'model_config' in parsed ? (parsed as unknown as { model_config: ModelJSON }).model_config : parsed;
  const className = spec.class_name;
  if (className === 'Sequential') return sequentialFromJSON(spec, make);
  if (className === 'Functional' || className === 'Model') return functionalFromJSON(spec, make);
  throw new NotSupportedError(`model class '${className}' (supported: Sequential, Functional, Model)`);
}

function sequentialFromJSON(spec: ModelJSON, make: ModelFactories): Model {
  // Keras 2.0/2.1 wrote the layer list directly as the config.
  const config = Array.isArray(spec.config) ? { name: 'sequential', layers: spec.config as LayerJSON[] } : spec.config;
  const layers = config.layers.map((l) => layerFromConfig(l));
  return make.sequential(layers, config.name);
}

function functionalFromJSON(spec: ModelJSON, make: ModelFactories): Model {
  const config = spec.config;
  const byName = new Map<string, Layer>();
  for (const l of config.layers) {
    const layer = layerFromConfig({ class_name: l.class_name, config: { ...l.config, name: l.name ?? l.config.name } });
    byName.set(layer.name, layer);
  }
  // Apply layers to their inbound nodes, retrying until every input is available.
  const pending = config.layers.flatMap((l) => (l.inbound_nodes ?? []).map((node) => ({ name: (l.name ?? l.config.name) as string, node })));
  const outputsOf = (name: string, index: number): SymbolicTensor | undefined => {
    const layer = byName.get(name);
    return layer?.inboundNodes[index]?.output;
  };
  let progress = true;
  while (pending.length > 0 && progress) {
    progress = false;
    for (let i = 0; i < pending.length; i++) {
      const { name, node } = pending[i]!;
      const inputs = node.map(([n, idx]) => outputsOf(n, idx));
      if (inputs.some((t) => t === undefined)) continue;
      const layer = byName.get(name)!;
      const list = inputs as SymbolicTensor[];
      layer.apply(list.length === 1 ? list[0]! : list);
      pending.splice(i--, 1);
      progress = true;
    }
  }
  if (pending.length > 0) {
    throw new ValueError(`modelFromJSON: cannot connect layers ${pending.map((p) => p.name).join(', ')}`);
  }
  const resolve = ([n, idx]: [string, number, number]): SymbolicTensor => {
    const t = outputsOf(n, idx);
    if (t === undefined) throw new ValueError(`modelFromJSON: no tensor ${n}[${idx}]`);
    return t;
  };
  const inputs = (config.input_layers ?? []).map(resolve);
  const outputs = (config.output_layers ?? []).map(resolve);
  for (const t of inputs) {
    if (!(t.sourceLayer instanceof InputLayer)) throw new ValueError(`modelFromJSON: '${t.sourceLayer.name}' is not an InputLayer`);
  }
  return make.functional(inputs, outputs, config.name);
}
