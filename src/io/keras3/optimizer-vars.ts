/**
 * Optimizer state in Keras 3's `optimizer/vars/0..N`: the step counter (int64), the learning
 * rate (float32, only when no schedule sets it), then any extra scalar state and the slots of
 * each trainable weight in turn (Adam: momentum then velocity per weight; RMSprop: velocity).
 * That is the library's getWeights() order with the learning rate put second.
 *
 * Restoring is best effort, as in Keras: state whose count or shapes do not fit the optimizer
 * is dropped with a warning, and training starts from a fresh optimizer.
 *
 * @example
 * const values = optimizerVars(optimizer);               // for optimizer/vars
 * restoreOptimizerVars(model, values, 'mnist.keras');    // after compile
 */
import { log } from '../../log.js';
import { tensor, type Tensor } from '../../tensor/tensor.js';
import type { ArrayData, StoredArray } from '../h5/h5-datasets.js';
import type { SaveableModel, SaveableOptimizer } from '../h5/model-io.js';
import { optimizerOf } from '../h5/optimizer-of.js';

/**
 * The values to save for `optimizer`; none when it never stepped (its state is all initial).
 *
 * @example
 * optimizerVars(model.optimizer).map((v) => v.shape); // [[], [], [3, 3, 1, 32], [32], ...]
 */
export function optimizerVars(optimizer: SaveableOptimizer): StoredArray[] {
  const values = optimizer.getWeights();
  if (values.length <= 1 && (values[0] === undefined || values[0].item() === 0)) return [];

  const [step, ...rest] = values;
  const out: StoredArray[] = [
    { shape: [], dtype: 'int64', data: new BigInt64Array([BigInt(step!.item())]) }];
  if (hasRateVariable(optimizer)) {
    out.push({ shape: [], dtype: 'float32', data: new Float32Array([optimizer.learningRate!]) });
  }
  for (const t of rest) {
    out.push({ shape: [...t.shape], dtype: 'float32', data: Float32Array.from(t.f32) });
  }
  return out;
}

/**
 * Puts saved optimizer `values` into the compiled model's optimizer, or warns and leaves it
 * fresh when they do not fit. The step counter and the learning rate are restored too.
 *
 * @example
 * restoreOptimizerVars(model, groups.find((g) => g.path === 'optimizer')?.values ?? [], label);
 */
export function restoreOptimizerVars(model: SaveableModel, values: readonly StoredArray[],
  label: string): void {
  const optimizer = optimizerOf(model);
  if (optimizer === null || values.length === 0) return;
  if (optimizer.build !== undefined && model.trainableWeights !== undefined) {
    optimizer.build(model.trainableWeights);
  }

  const current = optimizer.getWeights();
  const withRate = values.length === current.length + 1;
  const state = withRate ? [values[0]!, ...values.slice(2)] : values;
  if (!fits(current, state) || (withRate && values[1]!.shape.length !== 0)) {
    log.warn(`${label}: the saved optimizer state (${values.length} variables) does not fit the ` +
      `optimizer (${current.length} variables besides the learning rate); the optimizer starts ` +
      `from a fresh state.`);
    return;
  }

  optimizer.setWeights(state.map((v, i) =>
    tensor(toNumbers(v.data), current[i]!.shape, current[i]!.dtype)));
  if (withRate && hasRateVariable(optimizer)) restoreRate(optimizer, Number(values[1]!.data[0]));
}

function fits(current: readonly Tensor[], state: readonly StoredArray[]): boolean {
  return current.length === state.length &&
    current.every((t, i) => t.shape.length === state[i]!.shape.length &&
      t.shape.every((d, k) => d === state[i]!.shape[k]));
}

function hasRateVariable(optimizer: SaveableOptimizer): boolean {
  return typeof optimizer.learningRate === 'number' && !optimizer.schedule;
}

// The file holds the rate in float32; the compile settings gave it in full precision. Keep
// that one unless the saved rate is really another (a callback changed it during training).
function restoreRate(optimizer: SaveableOptimizer, saved: number): void {
  if (Math.fround(optimizer.learningRate!) !== Math.fround(saved)) optimizer.learningRate = saved;
}

function toNumbers(data: ArrayData): ArrayLike<number> {
  return data instanceof BigInt64Array ? Array.from(data, Number) : data;
}
