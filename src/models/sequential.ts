/**
 * Sequential: a plain stack of layers, each feeding the next. The graph is built as soon as
 * the input shape is known (first layer's inputShape, an InputLayer, build(), or the first
 * batch given to fit/predict).
 *
 * @example
 * const m = sequential([
 *   layers.dense({ units: 32, activation: 'relu', inputShape: [784] }),
 *   layers.dense({ units: 10, activation: 'softmax' }),
 * ]);
 * m.summary(console.log);
 */
import { ValueError } from '../errors.js';
import { InputLayer } from '../layers/input-layer.js';
import type { Layer } from '../layers/layer.js';
import { uniqueName } from '../layers/naming.js';
import type { SymbolicShape } from '../layers/symbolic-tensor.js';
import { buildGraph } from './graph.js';
import { Model } from './model.js';

export interface SequentialArgs {
  layers?: Layer[];
  name?: string;
}

export class Sequential extends Model {
  private readonly stack: Layer[] = [];
  private inputLayer: InputLayer | null = null;

  constructor(args: SequentialArgs | Layer[] = {}) {
    const options = Array.isArray(args) ? { layers: args } : args;
    super(null, options.name ?? uniqueName('sequential'));
    for (const layer of options.layers ?? []) this.add(layer);
  }

  override get className(): string {
    return 'Sequential';
  }

  /** The layers, without the input layer (as Keras lists them). */
  override get layers(): Layer[] {
    return [...this.stack];
  }

  /** Appends a layer; builds it right away when the input shape is known. */
  add(layer: Layer): void {
    if (layer instanceof InputLayer) {
      if (this.inputLayer !== null || this.stack.length > 0) {
        throw new ValueError(`Sequential '${this.name}': an InputLayer can only come first`);
      }
      this.inputLayer = layer;
      this.rebuild();
      return;
    }
    if (this.stack.includes(layer)) {
      throw new ValueError(`Sequential '${this.name}': layer '${layer.name}' was already added`);
    }
    this.stack.push(layer);
    if (this.stack.length === 1 && this.inputLayer === null && layer.batchInputShape !== null) {
      this.inputLayer = new InputLayer({ batchInputShape: layer.batchInputShape,
        name: `${layer.name}_input` });
    }
    if (this.inputLayer !== null) this.extend(layer);
  }

  /** Removes the last layer. */
  pop(): Layer {
    const layer = this.stack.pop();
    if (layer === undefined) throw new ValueError(`Sequential '${this.name}' has no layers to pop`);
    this.rebuild();
    return layer;
  }

  override build(inputShape: SymbolicShape): void {
    if (this.inputLayer !== null) return;
    this.inputLayer = new InputLayer({ batchInputShape: inputShape,
      name: `${this.stack[0]?.name ?? 'sequential'}_input` });
    this.rebuild();
  }

  /** The InputLayer that feeds the stack (null until the input shape is known). */
  get input_layer(): InputLayer | null {
    return this.inputLayer;
  }

  private extend(layer: Layer): void {
    const previous = this.graphState?.outputs[0] ?? this.inputLayer!.output;
    const output = layer.apply(previous);
    this.graphState = buildGraph([this.inputLayer!.output], [output]);
  }

  private rebuild(): void {
    this.graphState = null;
    if (this.inputLayer === null) return;
    this.graphState = buildGraph([this.inputLayer.output], [this.inputLayer.output]);
    for (const layer of this.stack) this.extend(layer);
  }

  protected override isSequentialLike(): boolean {
    return true;
  }

  protected override summaryLayers(): Layer[] {
    return this.layers;
  }
}

/**
 * A Sequential model from a list of layers.
 *
 * @example
 * const m = sequential([layers.flatten({ inputShape: [28, 28] }), layers.dense({ units: 10 })]);
 */
export function sequential(layers: Layer[] = [], args: { name?: string } = {}): Sequential {
  return new Sequential({ layers, name: args.name });
}
