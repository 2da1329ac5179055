/**
 * Puts the layer variables of a Keras 3 weights file into a model's layers. Each layer's group
 * path is derived as Keras derives it (vars-layout.ts); when the file's groups do not follow
 * that naming (a model assembled in another order, a file from elsewhere), layers are paired
 * with groups by order and weight shapes instead, with a warning. Counts and shapes are always
 * checked, and a mismatch is an error naming the layer, the group and both shapes.
 *
 * @example
 * assignVars(model.layers, readVarsFile(root), layerOrder, 'mnist.keras');
 */
import { IoError } from '../../errors.js';
import { log } from '../../log.js';
import { toFloat32 } from '../h5/h5-datasets.js';
import type { SaveableLayer } from '../h5/model-io.js';
import { varsPaths, type NamedLayer, type VarsGroup } from './vars-layout.js';

const LAYERS_PREFIX = 'layers/';

/**
 * Copies the values of the `layers/...` groups into `layers`' weights. `order` lists the
 * model's layers as Keras lists them (their names and classes), which gives each its path.
 *
 * @example
 * assignVars(model.layers, groups, model.layers.map((l) => ({ name: l.name,
 *   className: l.className })), 'w.weights.h5');
 */
export function assignVars(layers: readonly SaveableLayer[], groups: readonly VarsGroup[],
  order: readonly NamedLayer[], label: string): void {
  const targets = layers.filter((l) => l.weights.length > 0);
  const saved = groups.filter((g) => g.path.startsWith(LAYERS_PREFIX));
  const pairs = pairByPath(targets, saved, order) ?? pairByShapes(targets, saved, label);

  for (const [layer, group] of pairs) checkShapes(layer, group, label);
  for (const [layer, group] of pairs) {
    layer.weights.forEach((w, i) => w.value.f32.set(toFloat32(group.values[i]!.data)));
  }
}

function pairByPath(targets: readonly SaveableLayer[], saved: readonly VarsGroup[],
  order: readonly NamedLayer[]): [SaveableLayer, VarsGroup][] | undefined {
  const paths = varsPaths(order);
  const byPath = new Map(saved.map((g) => [g.path, g]));
  const pairs = targets.map((l): [SaveableLayer, VarsGroup | undefined] =>
    [l, byPath.get(paths.get(l.name) ?? '')]);
  if (pairs.some(([, g]) => g === undefined) || pairs.length !== saved.length) return undefined;
  return pairs as [SaveableLayer, VarsGroup][];
}

// Groups in name order (conv2d, conv2d_1, ..., conv2d_10, dense...), each layer in turn taking
// the first unused group whose shapes are its own.
function pairByShapes(targets: readonly SaveableLayer[], saved: readonly VarsGroup[],
  label: string): [SaveableLayer, VarsGroup][] {
  if (targets.length !== saved.length) {
    throw new IoError(`${label}: Layer count mismatch: the model has ${targets.length} layers ` +
      `with weights, the file ${saved.length} layer groups (${list(saved)})`);
  }
  log.warn(`${label}: the layer groups in the file (${list(saved)}) are not named as this ` +
    `model's layers would be; matching layers to groups by order and weight shapes`);

  const free = [...saved].sort(byNaturalPath);
  return targets.map((layer) => {
    const at = free.findIndex((g) => sameShapes(layer, g));
    if (at < 0) {
      throw new IoError(`${label}: no layer group in the file fits layer '${layer.name}' ` +
        `(weights ${shapesOf(layer)}); groups left: ${list(free)}`);
    }
    return [layer, free.splice(at, 1)[0]!];
  });
}

function checkShapes(layer: SaveableLayer, group: VarsGroup, label: string): void {
  const where = `${label}: layer '${layer.name}' (group '${group.path}')`;
  if (layer.weights.length !== group.values.length) {
    throw new IoError(`${where}: the layer has ${layer.weights.length} weights, the file ` +
      `${group.values.length}`);
  }
  layer.weights.forEach((w, i) => {
    const got = group.values[i]!.shape;
    if (!sameShape(w.value.shape, got)) {
      throw new IoError(`${where}: weight ${i} ('${w.name}') has shape ` +
        `[${w.value.shape.join(', ')}], the file has [${got.join(', ')}]`);
    }
  });
}

function byNaturalPath(a: VarsGroup, b: VarsGroup): number {
  const split = (p: string): [string, number] => {
    const m = /^(.*?)(?:_(\d+))?$/.exec(p)!;
    return [m[1]!, m[2] === undefined ? 0 : Number(m[2])];
  };
  const [baseA, nA] = split(a.path);
  const [baseB, nB] = split(b.path);
  return baseA < baseB ? -1 : baseA > baseB ? 1 : nA - nB;
}

function sameShapes(layer: SaveableLayer, group: VarsGroup): boolean {
  return layer.weights.length === group.values.length &&
    layer.weights.every((w, i) => sameShape(w.value.shape, group.values[i]!.shape));
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function shapesOf(layer: SaveableLayer): string {
  return layer.weights.map((w) => `[${w.value.shape.join(', ')}]`).join(' ');
}

function list(groups: readonly VarsGroup[]): string {
  const shown = groups.slice(0, 8).map((g) =>
    `${g.path} ${g.values.map((v) => `[${v.shape.join(', ')}]`).join(' ')}`);
  return (shown.join('; ') || 'none') + (groups.length > 8 ? `; ${groups.length - 8} more` : '');
}
