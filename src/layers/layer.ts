/**
 * The base class of every layer. A layer owns weights (built lazily from the first input
 * shape it sees), computes outputs from inputs in `call`, and can be applied either to real
 * tensors (eager) or to symbolic tensors (to wire a functional model), as in Keras.
 *
 * @example
 * const d = new Dense({ units: 10 });
 * d.apply(tensor(new Float32Array(20), [2, 10])); // builds kernel [10, 10], returns [2, 10]
 * d.getWeights().map((w) => w.shape);               // [[10, 10], [10]]
 */
import { camelCase, checkOptionNames, optionNames } from '../utils/check-options.js';
import { NotSupportedError, ShapeError, ValueError } from '../errors.js';
import { add } from '../ops/index.js';
import { globalRng } from '../tensor/random.js';
import { Tensor, clone, keep, tensor } from '../tensor/tensor.js';
import type { Regularizer, RegularizerConfig } from '../regularizers/regularizer.js';
import { getInitializer, type InitializerIdentifier } from '../initializers/index.js';
import { toSnakeCase, uniqueName } from './naming.js';
import { checkWeightSize } from './weight-limit.js';
import { SymbolicTensor, formatSymbolicShape, type SymbolicShape } from './symbolic-tensor.js';

/** Options every layer accepts. */
export interface LayerArgs {
  /** Default: the snake_case class name made unique ('conv2d', 'conv2d_1', ...). */
  name?: string;
  trainable?: boolean;
  /** Shape of one sample (no batch dimension); makes this the first layer of a model. */
  inputShape?: ReadonlyArray<number | null>;
  /** Full input shape with the batch dimension (null when free). */
  batchInputShape?: ReadonlyArray<number | null>;
  batchSize?: number;
  /** Only 'float32' is supported. */
  dtype?: string;
}

/** The options of {@link LayerArgs}, which every layer accepts besides its own. */
export const LAYER_OPTIONS: readonly (keyof LayerArgs)[] = ['name', 'trainable', 'inputShape',
  'batchInputShape', 'batchSize', 'dtype'];

/**
 * A layer's own option names (those of LayerArgs left out), as a list the compiler checks
 * against its options interface.
 *
 * @example
 * static override readonly options = ownOptions<DropoutArgs>()(['rate', 'seed', 'noiseShape']);
 */
export function ownOptions<T extends LayerArgs>() {
  return optionNames<Omit<T, keyof LayerArgs>>();
}

/** Passed to `call`: training switches dropout on and batch statistics in normalization. */
export interface CallContext {
  training: boolean;
}

/** A layer weight: its Keras name ('conv2d/kernel:0') and its tensor, updated in place. */
export class LayerVariable {
  constructor(readonly name: string, readonly value: Tensor, readonly trainable: boolean,
    readonly regularizer: Regularizer | null = null) {}

  /** 'conv2d/kernel' (the name without the ':0' output suffix). */
  get path(): string {
    return this.name.replace(/:0$/, '');
  }
}

/** One call of a layer on symbolic inputs (Keras' Node). */
export interface LayerNode {
  readonly layer: Layer;
  readonly inputs: readonly SymbolicTensor[];
  readonly output: SymbolicTensor;
}

export type LayerConfig = Record<string, unknown>;

export abstract class Layer {
  /** The Keras class name, used by getConfig/fromConfig ('Conv2D'). */
  static readonly className: string = 'Layer';
  /**
   * The layer's own option names (see {@link ownOptions}). When set, any other option is
   * refused by name; layers without a list only have snake_case names refused.
   */
  static readonly options: readonly string[] | undefined = undefined;
  readonly name: string;
  built = false;
  readonly batchInputShape: SymbolicShape | null;
  /** Calls on symbolic tensors, in order; node 0 is the one `output` refers to. */
  readonly inboundNodes: LayerNode[] = [];
  /** Activity-regularization penalties from the latest training call. */
  activityLosses: Tensor[] = [];
  protected readonly variables: LayerVariable[] = [];
  private trainableFlag: boolean;

  constructor(args: LayerArgs = {}) {
    // Keras code ported by hand often keeps Python's spelling, and an ignored option (a typo,
    // or one we lack) is a silent bug.
    const own = (this.constructor as typeof Layer).options;
    if (own !== undefined) checkOptionNames(this.className, args, [...own, ...LAYER_OPTIONS]);
    const snake = Object.keys(args).find((key) => key.includes('_'));
    if (snake !== undefined) {
      throw new ValueError(`${this.className}: unknown option '${snake}'; options are written ` +
        `in camelCase here: '${camelCase(snake)}'`);
    }
    if (args.dtype !== undefined && args.dtype !== 'float32') {
      throw new NotSupportedError(`${this.className} dtype '${args.dtype}' (supported: 'float32')`);
    }
    this.name = args.name ?? uniqueName(toSnakeCase(this.className));
    this.trainableFlag = args.trainable ?? true;
    this.batchInputShape = args.batchInputShape !== undefined ? [...args.batchInputShape]
      : args.inputShape !== undefined ? [args.batchSize ?? null, ...args.inputShape] : null;
  }

  get className(): string {
    return (this.constructor as typeof Layer).className;
  }

  get trainable(): boolean {
    return this.trainableFlag;
  }

  /** Freezing a layer stops gradients for its weights. */
  set trainable(value: boolean) {
    this.trainableFlag = value;
    for (const v of this.variables) v.value.requiresGrad = value && v.trainable;
  }

  /** Creates the weights for inputs of `inputShape`. Called once, before the first call. */
  build(_inputShape: SymbolicShape | SymbolicShape[]): void {
    this.built = true;
  }

  /** The computation on real tensors. */
  abstract call(inputs: Tensor | Tensor[], ctx: CallContext): Tensor;

  /** Output shape for an input shape (null dimensions stay unknown). */
  computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    if (Array.isArray(inputShape[0])) {
      throw new NotSupportedError(`${this.className} '${this.name}' takes one input`);
    }
    return inputShape as SymbolicShape;
  }

  /**
   * Calls the layer. On symbolic tensors, records the call and returns a symbolic output
   * (functional API); on real tensors, computes the output (training: false unless given).
   */
  apply(inputs: SymbolicTensor | SymbolicTensor[]): SymbolicTensor;
  apply(inputs: Tensor | Tensor[], ctx?: Partial<CallContext>): Tensor;
  apply(inputs: SymbolicTensor | SymbolicTensor[] | Tensor | Tensor[],
    ctx: Partial<CallContext> = {}): SymbolicTensor | Tensor {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    if (list.length > 0 && list.every((t) => t instanceof SymbolicTensor)) {
      return this.applySymbolic(list as SymbolicTensor[], Array.isArray(inputs));
    }
    if (!list.every((t) => t instanceof Tensor)) {
      throw new ValueError(`${this.className} '${this.name}': inputs must be all tensors or all ` +
        `symbolic tensors (from input()), not a mix`);
    }
    const tensors = list as Tensor[];
    const shapes = tensors.map((t) => [null, ...t.shape.slice(1)]);
    this.ensureBuilt(Array.isArray(inputs) ? shapes : shapes[0]!);
    return this.call(Array.isArray(inputs) ? tensors : tensors[0]!, { training: ctx.training ?? false });
  }

  private applySymbolic(inputs: SymbolicTensor[], asList: boolean): SymbolicTensor {
    const shapes = inputs.map((t) => t.shape);
    const shape = asList ? shapes : shapes[0]!;
    this.ensureBuilt(shape);
    const output = new SymbolicTensor(this.computeOutputShape(shape), this, this.inboundNodes.length, 0);
    this.inboundNodes.push({ layer: this, inputs, output });
    return output;
  }

  /** Builds on first use; later calls check nothing here (layers check in `call`). */
  ensureBuilt(shape: SymbolicShape | SymbolicShape[]): void {
    if (this.built) return;
    this.build(shape);
    this.built = true;
  }

  /** The output of the layer's first call on symbolic tensors. */
  get output(): SymbolicTensor {
    const node = this.inboundNodes[0];
    if (node === undefined) {
      throw new ValueError(`layer '${this.name}' has not been called on symbolic inputs yet, so ` +
        `it has no output; build the model first (give an inputShape or call it once)`);
    }
    return node.output;
  }

  get input(): SymbolicTensor | SymbolicTensor[] {
    const node = this.inboundNodes[0];
    if (node === undefined) throw new ValueError(`layer '${this.name}' has not been called yet`);
    return node.inputs.length === 1 ? node.inputs[0]! : [...node.inputs];
  }

  get outputShape(): SymbolicShape {
    return this.output.shape;
  }

  /** Creates a weight named '<layer>/<name>:0', kept alive for the life of the layer. */
  protected addWeight(name: string, shape: number[], initializer: InitializerIdentifier,
    trainable = true, regularizer: Regularizer | null = null): LayerVariable {
    checkWeightSize(`${this.className} '${this.name}'`, name, shape,
      () => this.getConfig() as unknown as Record<string, unknown>);
    const values = getInitializer(initializer).sample(shape, globalRng());
    const value = keep(tensor(values, shape));
    value.requiresGrad = trainable && this.trainable;
    const v = new LayerVariable(`${this.name}/${name}:0`, value, trainable, regularizer);
    this.variables.push(v);
    return v;
  }

  /** Trainable weights first, then non-trainable (Keras' order for saving). */
  get weights(): LayerVariable[] {
    return [...this.trainableWeights, ...this.nonTrainableWeights];
  }

  get trainableWeights(): LayerVariable[] {
    return this.trainable ? this.variables.filter((v) => v.trainable) : [];
  }

  get nonTrainableWeights(): LayerVariable[] {
    return this.trainable ? this.variables.filter((v) => !v.trainable) : [...this.variables];
  }

  countParams(): number {
    return this.variables.reduce((n, v) => n + v.value.size, 0);
  }

  /** Copies of the weight values, in {@link weights} order. */
  getWeights(): Tensor[] {
    return this.weights.map((v) => clone(v.value));
  }

  /** Copies values into the weights (same order and shapes as getWeights()). */
  setWeights(values: readonly Tensor[]): void {
    const weights = this.weights;
    if (values.length !== weights.length) {
      throw new ValueError(`layer '${this.name}' has ${weights.length} weights, got ` +
        `${values.length} values`);
    }
    weights.forEach((w, i) => {
      const v = values[i]!;
      if (v.size !== w.value.size || v.rank !== w.value.rank) {
        throw new ShapeError(`layer '${this.name}': weight '${w.name}' has shape ` +
          `[${w.value.shape.join(', ')}], got [${v.shape.join(', ')}]`);
      }
      w.value.data.set(v.data);
    });
  }

  /** Sum of the weight penalties of this layer (null when it has none). */
  regularizationLoss(): Tensor | null {
    let total: Tensor | null = null;
    for (const v of this.trainableWeights) {
      if (v.regularizer === null) continue;
      const penalty = v.regularizer.apply(v.value);
      total = total === null ? penalty : add(total, penalty);
    }
    for (const a of this.activityLosses) total = total === null ? a : add(total, a);
    return total;
  }

  /** The tf.keras 2 config (snake_case keys), as saved in model_config. */
  getConfig(): LayerConfig {
    const config: LayerConfig = { name: this.name, trainable: this.trainable, dtype: 'float32' };
    if (this.batchInputShape !== null) config.batch_input_shape = [...this.batchInputShape];
    return config;
  }

  /** Throws naming this layer, the expected and the received shape. */
  protected incompatible(expected: string, received: readonly number[] | SymbolicShape): never {
    throw new ShapeError(`Input 0 of layer '${this.name}' (${this.className}) is incompatible: ` +
      `expected ${expected}, received input with shape ${formatSymbolicShape(received)}`);
  }

  toString(): string {
    return `${this.className}('${this.name}')`;
  }
}

/** Converts a Keras regularizer to its serialized form (null when absent). */
export function serializeRegularizer(r: Regularizer | null): RegularizerConfig | null {
  return r === null ? null : r.getConfig();
}
