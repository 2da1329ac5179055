/**
 * evaluate(): loss and metrics over a dataset in inference mode, batch by batch (32 by
 * default), as means over all samples.
 *
 * @example
 * const [loss, accuracy] = await model.evaluate(xTest, yTest) as number[];
 */
import { checkOptionNames } from '../utils/check-options.js';
import { CallbackList } from '../callbacks/callback-list.js';
import type { Callback, Logs } from '../callbacks/callback.js';
import { isBatchSequence, type BatchSequence } from '../data/sequence.js';
import { ValueError } from '../errors.js';
import type { Model, ModelInput } from '../models/model.js';
import type { Tensor } from '../tensor/tensor.js';
import { arraySource, sequenceSource, type BatchSource } from './batch-source.js';
import { currentLogs, resetMetrics, testStep } from './train-step.js';

export interface EvaluateArgs {
  batchSize?: number;
  sampleWeight?: Tensor;
  steps?: number;
  callbacks?: Callback[];
  /** Return {loss, accuracy, ...} instead of a number or list. */
  returnDict?: boolean;
  verbose?: 0 | 1 | 2;
}

export async function evaluateModel(model: Model, x: ModelInput | BatchSequence, y: Tensor | null,
  args: EvaluateArgs): Promise<Logs> {
  checkOptionNames('evaluate', args,
    ['batchSize', 'sampleWeight', 'steps', 'callbacks', 'returnDict', 'verbose']);
  model.requireCompiled('evaluate');
  let source: BatchSource;
  if (isBatchSequence(x)) source = sequenceSource(x, args.steps);
  else {
    if (y === null) throw new ValueError('evaluate: labels (y) are required with array inputs');
    source = arraySource({ xs: model.prepareInputs(x), y, w: args.sampleWeight ?? null },
      args.batchSize ?? 32, false, args.steps);
  }
  const list = new CallbackList(args.callbacks ?? [], model,
    { epochs: 1, steps: source.steps, verbose: args.verbose ?? 0 });
  return runEvaluation(model, source, list);
}

/** The evaluation loop shared by evaluate() and fit()'s validation. */
export async function runEvaluation(model: Model, source: BatchSource, list: CallbackList): Promise<Logs> {
  resetMetrics(model, 'test');
  source.beginEpoch();
  await list.onTestBegin();
  for (let step = 0; step < source.steps; step++) {
    await list.onTestBatchBegin(step, { batch: step });
    const logs = await source.withBatch(step, (b) => {
      if (b.y === null) throw new ValueError(`evaluate: batch ${step} has no labels (y)`);
      return testStep(model, b.xs.length === 1 ? b.xs[0]! : b.xs, b.y, b.w);
    });
    await list.onTestBatchEnd(step, logs);
  }
  const logs = currentLogs(model, 'test');
  await list.onTestEnd(logs);
  source.endEpoch();
  return logs;
}
