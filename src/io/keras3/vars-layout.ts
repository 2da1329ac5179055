/**
 * The variables layout of Keras 3's `model.weights.h5` (inside a `.keras` archive) and of its
 * `.weights.h5` files: one group per saveable object, each with a `vars` subgroup holding
 * datasets "0", "1"... in the object's variable order (trainable, then non-trainable).
 *
 * ```
 * /vars                          the model's own variables (none; Keras 3.0-3.3 read it)
 * /layers/conv2d/vars/0, 1       kernel, bias
 * /layers/conv2d_1/vars/0, 1
 * /layers/batch_normalization/vars/0..3   gamma, beta, moving_mean, moving_variance
 * /optimizer/vars/0..N           iteration, learning_rate, then the slots
 * ```
 * Paths come from the attribute walk, not from layer names: each layer of the model's list is
 * named by the snake_case of its CLASS, with _1, _2... for repeats of the same class, in list
 * order. Weightless layers get no group. tf.keras 2.13-2.15 wrote `_layer_checkpoint_dependencies`
 * where Keras 3 writes `layers`; it is read as such.
 *
 * No Node imports: browsers use it through the byte-buffer functions.
 *
 * @example
 * varsPaths([{ name: 'c1', className: 'Conv2D' }, { name: 'c2', className: 'Conv2D' }]);
 * // Map { 'c1' => 'layers/conv2d', 'c2' => 'layers/conv2d_1' }
 */
import { IoError, NotSupportedError } from '../../errors.js';
import { readStringAttr } from '../h5/h5-attributes.js';
import {
  ensureGroup, findDataset, readArray, writeArray, type StoredArray,
} from '../h5/h5-datasets.js';
import type { H5Dataset, H5Group } from '../h5/h5-runtime.js';

/** The variables of one saveable object: its path ('layers/conv2d') and values in order. */
export interface VarsGroup {
  path: string;
  values: StoredArray[];
}

/** A layer as the path naming sees it: its name and its Keras class name. */
export interface NamedLayer {
  name: string;
  className: string;
}

const LEGACY_PREFIX = '_layer_checkpoint_dependencies/';

/**
 * Keras' snake_case of a class name: 'Conv2D' -> 'conv2d', 'MaxPooling2D' -> 'max_pooling2d',
 * 'ReLU' -> 're_lu', 'BatchNormalization' -> 'batch_normalization'.
 *
 * @example
 * kerasSnakeCase('GlobalAveragePooling2D'); // 'global_average_pooling2d'
 */
export function kerasSnakeCase(className: string): string {
  const word = className.replace(/\W+/g, '');
  const split = word.replace(/(.)([A-Z][a-z]+)/g, '$1_$2');
  return split.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * The group path of every layer in `layers` (the model's list, in its order), by layer name.
 *
 * @example
 * varsPaths(model.layers.map((l) => ({ name: l.name, className: l.className })));
 */
export function varsPaths(layers: readonly NamedLayer[]): Map<string, string> {
  const used = new Map<string, number>();
  const paths = new Map<string, string>();
  for (const layer of layers) {
    const base = kerasSnakeCase(layer.className);
    const count = used.get(base);
    used.set(base, count === undefined ? 0 : count + 1);
    paths.set(layer.name, `layers/${count === undefined ? base : `${base}_${count + 1}`}`);
  }
  return paths;
}

/**
 * Fills an empty HDF5 file with `groups` in the vars layout.
 *
 * @example
 * await writeH5Bytes((root) => fillVarsFile(root, [{ path: 'layers/dense', values }]));
 */
export function fillVarsFile(root: H5Group, groups: readonly VarsGroup[]): void {
  root.create_group('vars');
  for (const { path, values } of groups) {
    if (path === '' || path.split('/').some((p) => p === '' || p === '.' || p === '..')) {
      throw new IoError(`vars path '${path}' cannot be an HDF5 group path`);
    }
    const vars = ensureGroup(root, `${path}/vars`);
    values.forEach((v, i) => writeArray(vars, String(i), v));
  }
}

/**
 * True when the file's root looks like the vars layout (and not Keras 2's `layer_names`).
 *
 * @example
 * if (isVarsLayout(root)) groups = readVarsFile(root);
 */
export function isVarsLayout(root: H5Group): boolean {
  const keys = root.keys();
  return !('layer_names' in root.attrs) && !('model_config' in root.attrs) &&
    ['layers', 'vars', 'optimizer', '_layer_checkpoint_dependencies'].some((k) => keys.includes(k));
}

/**
 * Which stored arrays are worth reading: a layer group is read only when its shapes are those
 * of one of the model's layers, and an optimizer variable only when it is no larger than the
 * model's largest weight. The rest keep their shape but no values, so a mismatch is reported
 * from the shapes without ever allocating what a hostile file declares.
 */
export interface VarsExpectation {
  layerShapes: readonly (readonly (readonly number[])[])[];
}

/**
 * The groups with variables in the file, paths as Keras 3 writes them (tf.keras 2.13's
 * `_layer_checkpoint_dependencies/` read as `layers/`), values by their index. Only the
 * layout's own paths are visited: `vars`, `optimizer/vars` and `layers/<name>/vars`, so links
 * that loop or groups nested without end are never followed. With `expect`, values that cannot
 * belong to the model are left unread (`data` empty).
 *
 * @example
 * readVarsFile(root).find((g) => g.path === 'optimizer')?.values.length;
 */
export function readVarsFile(root: H5Group, expect?: VarsExpectation,
  wanted: Wanted = wantedBy(expect)): VarsGroup[] {
  const out: VarsGroup[] = [];
  readGroup(root, 'vars', '', out, wanted);
  readGroup(root, 'optimizer/vars', 'optimizer', out, wanted);
  for (const top of ['layers', LEGACY_PREFIX.slice(0, -1)]) {
    const layers = root.get(top);
    if (!isGroup(layers)) continue;
    for (const key of layers.keys()) readGroup(layers, `${key}/vars`, `layers/${key}`, out, wanted);
  }
  return out;
}

/**
 * The number of values in the largest array of the layout's groups, read from shapes alone
 * (0 when there is none): no weight of the model can be larger.
 *
 * @example
 * readH5Bytes(bytes, largestVarsSize, 'w.weights.h5');
 */
export function largestVarsSize(root: H5Group): number {
  const none = (): boolean[] => [];
  let largest = 0;
  for (const group of readVarsFile(root, { layerShapes: [] }, none)) {
    for (const v of group.values) largest = Math.max(largest, sizeOf(v.shape));
  }
  return largest;
}

type Wanted = (path: string, shapes: readonly (readonly number[])[]) => boolean[];

function wantedBy(expect: VarsExpectation | undefined): Wanted {
  if (expect === undefined) return (_, shapes) => shapes.map(() => true);
  const keys = new Set(expect.layerShapes.map((s) => JSON.stringify(s)));
  const largest = Math.max(1, ...expect.layerShapes.flat().map(sizeOf));
  return (path, shapes) => path === 'optimizer' || path === ''
    ? shapes.map((s) => sizeOf(s) <= largest)
    : shapes.map(() => keys.has(JSON.stringify(shapes)));
}

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function readGroup(parent: H5Group, at: string, path: string, out: VarsGroup[],
  wanted: Wanted): void {
  const vars = parent.get(at);
  if (!isGroup(vars)) return;
  const datasets = varsDatasets(vars);
  if (datasets.length === 0) return;
  const read = wanted(path, datasets.map((d) => d.shape ?? []));
  out.push({ path, values: datasets.map((d, i) => read[i] ? readValue(vars, d)
    : { shape: d.shape ?? [], dtype: 'float32', data: new Float32Array() }) });
}

// Datasets are named by their index; any other name means this is not Keras' layout.
function varsDatasets(vars: H5Group): H5Dataset[] {
  const names = vars.keys();
  const indices = names.map(Number).sort((a, b) => a - b);
  if (indices.some((n, i) => n !== i)) {
    throw new IoError(`'${vars.path}' should hold datasets named 0..${names.length - 1}, ` +
      `found ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', ...' : ''}`);
  }
  return indices.map((i) => {
    const dataset = findDataset(vars, String(i));
    if (dataset === undefined) throw new IoError(`'${vars.path}/${i}' is not a dataset`);
    return dataset;
  });
}

function readValue(vars: H5Group, dataset: H5Dataset): StoredArray {
  if (readStringAttr(dataset, 'dtype') === 'bfloat16') {
    throw new NotSupportedError(`'${dataset.path}' holds bfloat16 values (supported: float32, ` +
      `float64, int32, int64); save the model from Keras with a float32 dtype policy`);
  }
  return readArray(vars, dataset.path.slice(dataset.path.lastIndexOf('/') + 1));
}

function isGroup(node: unknown): node is H5Group {
  return node !== null && typeof node === 'object' && 'keys' in node && !('shape' in node);
}
