/**
 * Model: a graph of layers from symbolic inputs to symbolic outputs (Keras' functional
 * Model), with compile / fit / evaluate / predict, summary(), weights and the tf.keras 2
 * model_config JSON. Sequential (sequential.ts) is a Model whose graph is a chain.
 *
 * @example
 * const x = input({ shape: [784] });
 * const h = layers.dense({ units: 32, activation: 'relu' }).apply(x);
 * const y = layers.dense({ units: 10, activation: 'softmax' }).apply(h);
 * const m = model({ inputs: x, outputs: y });
 * m.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
 */
import type { CallbackModel, Logs } from '../callbacks/callback.js';
import type { Callback } from '../callbacks/callback.js';
import type { BatchSequence } from '../data/sequence.js';
import { ShapeError, ValueError } from '../errors.js';
import { modelFiles } from '../io/h5/model-file-hooks.js';
import { trainingConfigOf } from '../io/h5/training-config.js';
import type { SaveOptions } from '../io/h5/model-io.js';
import { InputLayer } from '../layers/input-layer.js';
import type { Layer, LayerVariable } from '../layers/layer.js';
import { uniqueName } from '../layers/naming.js';
import { SymbolicTensor, formatSymbolicShape, type SymbolicShape } from '../layers/symbolic-tensor.js';
import { log } from '../log.js';
import { add } from '../ops/index.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import { noGrad } from '../tensor/autograd.js';
import { Tensor, clone, scope } from '../tensor/tensor.js';
import { compileModel, type CompileArgs, type CompiledState } from '../training/compile.js';
import { evaluateModel, type EvaluateArgs } from '../training/evaluate.js';
import { fitModel, type FitArgs } from '../training/fit.js';
import type { History } from '../callbacks/history.js';
import { predictModel, type PredictArgs } from '../training/predict.js';
import { testOnBatch, trainOnBatch } from '../training/train-step.js';
import { buildGraph, runGraph, type Graph } from './graph.js';
import { modelToJSON, type ModelJSON } from './model-json.js';
import { summaryLines } from './summary.js';

export interface ModelArgs {
  inputs: SymbolicTensor | SymbolicTensor[];
  outputs: SymbolicTensor | SymbolicTensor[];
  name?: string;
}

export type ModelInput = Tensor | Tensor[];

export class Model implements CallbackModel {
  readonly name: string;
  stopTraining = false;
  /** Where fit continues after a restored backup (set by BackupAndRestore). */
  resumeEpoch?: number;
  /** Set by compile(). */
  compiled: CompiledState | null = null;
  protected graphState: Graph | null = null;

  constructor(args: ModelArgs | null, name?: string) {
    this.name = args?.name ?? name ?? uniqueName('model');
    if (args !== null) {
      const ins = Array.isArray(args.inputs) ? args.inputs : [args.inputs];
      const outs = Array.isArray(args.outputs) ? args.outputs : [args.outputs];
      for (const t of [...ins, ...outs]) {
        if (!(t instanceof SymbolicTensor)) {
          throw new ValueError(`model(): inputs and outputs must be symbolic tensors (from input() ` +
            `and layer.apply), got ${String(t)}`);
        }
      }
      this.graphState = buildGraph(ins, outs);
    }
  }

  /** The Keras class name in model_config: 'Functional' or 'Sequential'. */
  get className(): string {
    return 'Functional';
  }

  get graph(): Graph {
    if (this.graphState === null) {
      throw new ValueError(`model '${this.name}' is not built yet: give the first layer an ` +
        `inputShape, or call build(), fit() or predict() once`);
    }
    return this.graphState;
  }

  get built(): boolean {
    return this.graphState !== null;
  }

  get layers(): Layer[] {
    return [...this.graph.layers];
  }

  get inputs(): SymbolicTensor[] {
    return [...this.graph.inputs];
  }

  get outputs(): SymbolicTensor[] {
    return [...this.graph.outputs];
  }

  getLayer(name: string): Layer {
    const layer = this.layers.find((l) => l.name === name);
    if (layer === undefined) {
      throw new ValueError(`model '${this.name}' has no layer '${name}'; layers: ` +
        `${this.layers.map((l) => l.name).join(', ')}`);
    }
    return layer;
  }

  /** Builds a deferred model for inputs of `inputShape` (Sequential without inputShape). */
  build(_inputShape: SymbolicShape): void {
    if (!this.built) throw new ValueError(`model '${this.name}' cannot be built from a shape`);
  }

  /** Builds from the first batch when needed, then checks the batch's shapes. */
  prepareInputs(x: ModelInput): Tensor[] {
    const xs = Array.isArray(x) ? x : [x];
    const notTensor = xs.findIndex((t) => !(t instanceof Tensor));
    if (notTensor >= 0) {
      throw new ValueError(`model '${this.name}': inputs must be tensors, got ` +
        `${describe(xs[notTensor])}${Array.isArray(x) && xs.length > 1 ? ` at position ${notTensor}` : ''}; ` +
        `wrap plain arrays with tensor(...), e.g. model.predict(tensor([[1, 2, 3]]))`);
    }
    if (!this.built && xs[0] !== undefined) this.build([null, ...xs[0].shape.slice(1)]);
    const inputs = this.graph.inputs;
    if (xs.length !== inputs.length) {
      throw new ValueError(`model '${this.name}' expects ${inputs.length} input(s), got ${xs.length}`);
    }
    xs.forEach((t, i) => this.checkInputShape(t, inputs[i]!, i));
    return xs;
  }

  private checkInputShape(t: Tensor, expected: SymbolicTensor, index: number): void {
    const shape = expected.shape;
    const ok = t.rank === shape.length && shape.every((d, k) => k === 0 || d === null || d === t.shape[k]);
    if (ok) return;
    const receiver = this.graph.nodes.find((n) => n.inputs.includes(expected))?.layer ?? expected.sourceLayer;
    throw new ShapeError(`Input ${index} of layer '${receiver.name}' (model '${this.name}') is ` +
      `incompatible: expected shape ${formatSymbolicShape(shape)}, received input with shape ` +
      `${formatSymbolicShape(t.shape)}`);
  }

  /**
   * Runs the model on real tensors (training mode switches on dropout and batch statistics).
   * Records gradients unless called under noGrad.
   */
  call(x: ModelInput, training = false): Tensor[] {
    const xs = this.prepareInputs(x);
    for (const layer of this.graph.layers) layer.activityLosses = [];
    return runGraph(this.graph, xs, { training });
  }

  /** Inference on one batch, without gradients. */
  apply(x: ModelInput): Tensor | Tensor[] {
    const outs = noGrad(() => this.call(x, false));
    return outs.length === 1 ? outs[0]! : outs;
  }

  /** Sum of all weight and activity penalties from the latest call (null if none). */
  regularizationLoss(): Tensor | null {
    let total: Tensor | null = null;
    for (const layer of this.graph.layers) {
      const r = layer.regularizationLoss();
      if (r !== null) total = total === null ? r : add(total, r);
    }
    return total;
  }

  get trainableWeights(): LayerVariable[] {
    return unique(this.graph.layers.flatMap((l) => l.trainableWeights));
  }

  get nonTrainableWeights(): LayerVariable[] {
    return unique(this.graph.layers.flatMap((l) => l.nonTrainableWeights));
  }

  /** All weights: trainable ones first, then non-trainable (Keras' model.weights order). */
  get weights(): LayerVariable[] {
    return [...this.trainableWeights, ...this.nonTrainableWeights];
  }

  countTrainableParams(): number {
    return this.trainableWeights.reduce((n, v) => n + v.value.size, 0);
  }

  countNonTrainableParams(): number {
    return this.nonTrainableWeights.reduce((n, v) => n + v.value.size, 0);
  }

  countParams(): number {
    return this.countTrainableParams() + this.countNonTrainableParams();
  }

  getWeights(): Tensor[] {
    return this.weights.map((v) => clone(v.value));
  }

  setWeights(values: readonly Tensor[]): void {
    const weights = this.weights;
    if (values.length !== weights.length) {
      throw new ValueError(`model '${this.name}' has ${weights.length} weights, got ${values.length}`);
    }
    weights.forEach((w, i) => {
      const v = values[i]!;
      if (v.size !== w.value.size) {
        throw new ShapeError(`model '${this.name}': weight '${w.name}' has shape ` +
          `[${w.value.shape.join(', ')}], got [${v.shape.join(', ')}]`);
      }
      w.value.data.set(v.data);
    });
  }

  /** True when every layer has one input from the layer before (summary uses 3 columns). */
  protected isSequentialLike(): boolean {
    const nodes = this.graph.nodes;
    if (this.graph.inputs.length !== 1 || this.graph.outputs.length !== 1) return false;
    return nodes.every((n, i) => i === 0 ? n.layer instanceof InputLayer
      : n.inputs.length === 1 && n.inputs[0] === nodes[i - 1]!.output);
  }

  /** The layers summary() lists. */
  protected summaryLayers(): Layer[] {
    return this.layers;
  }

  /**
   * Keras 2's summary table. Each line goes to `printFn` when given, else to the library
   * logger at info level; the whole text is returned.
   */
  summary(printFn?: (line: string) => void): string {
    const lines = summaryLines({
      name: this.name, layers: this.summaryLayers(), graph: this.graph,
      countTrainableParams: () => this.countTrainableParams(),
      countNonTrainableParams: () => this.countNonTrainableParams(),
    }, this.isSequentialLike());
    for (const line of lines) (printFn ?? log.info)(line);
    return lines.join('\n');
  }

  /** The tf.keras 2 model_config: {class_name, config: {name, layers, ...}}. */
  toJSON(): ModelJSON {
    return modelToJSON(this);
  }

  compile(args: CompileArgs): void {
    this.compiled = compileModel(args);
  }

  get learningRate(): number {
    return this.requireCompiled('learningRate').optimizer.learningRate;
  }

  set learningRate(value: number) {
    this.requireCompiled('learningRate').optimizer.learningRate = value;
  }

  /** The optimizer given to compile(), or null before compile(), as Keras' `model.optimizer`. */
  get optimizer(): Optimizer | null {
    return this.compiled?.optimizer ?? null;
  }

  /**
   * The class name of the schedule the learning rate follows ('CosineDecay'), or null when it
   * is a plain number that callbacks may change.
   */
  get learningRateSchedule(): string | null {
    return this.requireCompiled('learningRateSchedule').optimizer.schedule?.className ?? null;
  }

  requireCompiled(what: string): CompiledState {
    if (this.compiled === null) {
      throw new ValueError(`model '${this.name}': ${what} needs compile() first, e.g. ` +
        `model.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy' })`);
    }
    return this.compiled;
  }

  fit(x: ModelInput | BatchSequence, y?: Tensor | null, args: FitArgs = {}): Promise<History> {
    return fitModel(this, x, y ?? null, args);
  }

  evaluate(x: ModelInput | BatchSequence, y: Tensor | null | undefined,
    args: EvaluateArgs & { returnDict: true }): Promise<Logs>;
  evaluate(x: ModelInput | BatchSequence, y?: Tensor | null, args?: EvaluateArgs): Promise<number | number[]>;
  async evaluate(x: ModelInput | BatchSequence, y: Tensor | null = null,
    args: EvaluateArgs = {}): Promise<number | number[] | Logs> {
    const logs = await evaluateModel(this, x, y, args);
    if (args.returnDict === true) return logs;
    const values = Object.values(logs);
    return values.length === 1 ? values[0]! : values;
  }

  predict(x: ModelInput | BatchSequence, args: PredictArgs = {}): Promise<Tensor | Tensor[]> {
    return predictModel(this, x, args);
  }

  /** One training step on one batch; returns [loss, ...metrics] (or the loss alone). */
  trainOnBatch(x: ModelInput, y: Tensor, sampleWeight?: Tensor): number | number[] {
    return listOrScalar(trainOnBatch(this, x, y, sampleWeight ?? null));
  }

  testOnBatch(x: ModelInput, y: Tensor, sampleWeight?: Tensor): number | number[] {
    return listOrScalar(testOnBatch(this, x, y, sampleWeight ?? null));
  }

  predictOnBatch(x: ModelInput): Tensor | Tensor[] {
    return scope(() => this.apply(x));
  }

  /**
   * Saves the whole model (Node): architecture, weights, compile settings and optimizer state,
   * as Keras 3's native archive for '.keras' or the tf.keras 2 layout for '.h5' / '.hdf5'.
   * `loadModel(path)` brings it back; Keras loads it with `load_model`.
   *
   * @example
   * await model.save('mnist.keras');
   * await model.save('mnist.h5');
   */
  async save(path: string, options: SaveOptions = {}): Promise<void> {
    await (await modelFiles(`model.save('${path}')`)).saveModel(this, path, options);
  }

  /**
   * Saves the weights only (Node): Keras 3's layout for '.weights.h5', Keras 2's
   * `save_weights` layout for other '.h5' / '.hdf5' names.
   *
   * @example
   * await model.saveWeights('mnist.weights.h5');
   */
  async saveWeights(path: string): Promise<void> {
    await (await modelFiles(`model.saveWeights('${path}')`)).saveWeights(this, path);
  }

  /**
   * Keras' training_config (loss, metrics, optimizer_config, loss_weights, weighted_metrics),
   * saved with the model; undefined until compile().
   *
   * @example
   * model.trainingConfig()?.optimizer_config; // { class_name: 'RMSprop', config: {...} }
   */
  trainingConfig(): Record<string, unknown> | undefined {
    return this.compiled === null ? undefined : trainingConfigOf(this.compiled);
  }

  toString(): string {
    return `${this.className}('${this.name}')`;
  }
}

function unique(vars: LayerVariable[]): LayerVariable[] {
  return [...new Set(vars)];
}

function listOrScalar(logs: Logs): number | number[] {
  const values = Object.values(logs);
  return values.length === 1 ? values[0]! : values;
}

/**
 * A functional model from symbolic inputs to outputs.
 *
 * @example
 * const x = input({ shape: [784] });
 * const m = model({ inputs: x, outputs: layers.dense({ units: 10 }).apply(x) });
 */
export function model(args: ModelArgs): Model {
  return new Model(args);
}

export type { Callback };

function describe(value: unknown): string {
  if (Array.isArray(value)) return `a plain array of ${value.length} items`;
  return value === null ? 'null' : typeof value;
}
