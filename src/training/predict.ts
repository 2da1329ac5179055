/**
 * predict(): outputs for every sample, computed in batches (32 by default) in inference mode
 * and joined into one tensor per model output.
 *
 * @example
 * const probs = await model.predict(xTest) as Tensor;   // [n, 10]
 */
import { checkOptionNames } from '../utils/check-options.js';
import { CallbackList } from '../callbacks/callback-list.js';
import type { Callback } from '../callbacks/callback.js';
import { isBatchSequence, type BatchSequence } from '../data/sequence.js';
import type { Model, ModelInput } from '../models/model.js';
import { noGrad } from '../tensor/autograd.js';
import { Tensor } from '../tensor/tensor.js';
import { arraySource, sequenceSource, type BatchSource } from './batch-source.js';

export interface PredictArgs {
  batchSize?: number;
  steps?: number;
  callbacks?: Callback[];
  verbose?: 0 | 1 | 2;
}

export async function predictModel(model: Model, x: ModelInput | BatchSequence,
  args: PredictArgs): Promise<Tensor | Tensor[]> {
  checkOptionNames('predict', args, ['batchSize', 'steps', 'callbacks', 'verbose']);
  const source: BatchSource = isBatchSequence(x) ? sequenceSource(x, args.steps)
    : arraySource({ xs: model.prepareInputs(x), y: null, w: null }, args.batchSize ?? 32, false, args.steps);
  const list = new CallbackList(args.callbacks ?? [], model, { epochs: 1, steps: source.steps, verbose: 0 });
  await list.onPredictBegin();
  // Batch outputs are copied to plain arrays inside the step scope, then joined.
  const parts: Float32Array[][] = [];
  const shapes: number[][] = [];
  for (let step = 0; step < source.steps; step++) {
    await list.onPredictBatchBegin(step, { batch: step });
    const outs = await source.withBatch(step, (b) =>
      noGrad(() => model.call(b.xs.length === 1 ? b.xs[0]! : b.xs, false)).map((t) => {
        return { data: Float32Array.from(t.f32), shape: [...t.shape] };
      }));
    outs.forEach((o, k) => {
      (parts[k] ??= []).push(o.data);
      if (shapes[k] === undefined) shapes[k] = [0, ...o.shape.slice(1)];
      shapes[k]![0]! += o.shape[0]!;
    });
    await list.onPredictBatchEnd(step, {});
  }
  await list.onPredictEnd();
  const joined = parts.map((chunks, k) => {
    const out = new Tensor(shapes[k]!);
    let offset = 0;
    for (const c of chunks) {
      out.f32.set(c, offset);
      offset += c.length;
    }
    return out;
  });
  return joined.length === 1 ? joined[0]! : joined;
}
