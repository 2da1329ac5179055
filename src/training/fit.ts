/**
 * fit(): the training loop, with Keras' structure. Per epoch: reset metrics, run the batches
 * (stopping after the current batch when a callback sets model.stopTraining), then validation
 * and onEpochEnd; training ends early after an epoch with stopTraining set, and onTrainEnd
 * always runs.
 *
 * @example
 * const history = await model.fit(x, y, { epochs: 5, batchSize: 64, validationSplit: 0.1 });
 */
import { CallbackList } from '../callbacks/callback-list.js';
import type { Callback, Logs, TrainingParams } from '../callbacks/callback.js';
import { History } from '../callbacks/history.js';
import { ProgbarLogger } from '../callbacks/progbar-logger.js';
import { isBatchSequence, type BatchSequence } from '../data/sequence.js';
import { checkOptionNames } from '../utils/check-options.js';
import { ValueError } from '../errors.js';
import type { Model, ModelInput } from '../models/model.js';
import type { Tensor } from '../tensor/tensor.js';
import { arraySource, sequenceSource, type BatchSource } from './batch-source.js';
import { classWeightsToSampleWeights, splitValidation, type ArrayData } from './data.js';
import { runEvaluation } from './evaluate.js';
import { currentLogs, resetMetrics, trainStep } from './train-step.js';
import type { TextStream } from './progbar.js';

export interface FitArgs {
  /** Epoch to stop before (an integer >= 0). Default 1; 0 trains nothing, as in Keras. */
  epochs?: number;
  batchSize?: number;
  /** 0 silent, 1 progress bar (default), 2 one line per epoch. */
  verbose?: 0 | 1 | 2;
  callbacks?: Callback[];
  /** Fraction of the samples, taken from the END before shuffling, used for validation. */
  validationSplit?: number;
  validationData?: [ModelInput, Tensor] | [ModelInput, Tensor, Tensor] | BatchSequence;
  shuffle?: boolean;
  /** 0-based epoch to start at, e.g. to continue an earlier run. Default 0. */
  initialEpoch?: number;
  classWeight?: Record<number, number>;
  sampleWeight?: Tensor;
  stepsPerEpoch?: number;
  validationSteps?: number;
  validationBatchSize?: number;
  /** Where verbose output goes (default: process.stdout). */
  stream?: TextStream;
}

const FIT_OPTIONS = ['epochs', 'batchSize', 'verbose', 'callbacks', 'validationSplit', 'validationData', 'shuffle',
  'initialEpoch', 'classWeight', 'sampleWeight', 'stepsPerEpoch', 'validationSteps',
  'validationBatchSize', 'stream'];

export async function fitModel(model: Model, x: ModelInput | BatchSequence, y: Tensor | null,
  args: FitArgs): Promise<History> {
  checkOptionNames('fit', args, FIT_OPTIONS);
  checkEpochNumber('epochs', args.epochs, '0 trains nothing');
  checkEpochNumber('initialEpoch', args.initialEpoch, 'the 0-based epoch to start at');
  const compiled = model.requireCompiled('fit');
  const epochs = args.epochs ?? 1;
  const verbose = args.verbose ?? 1;
  const { train, validation } = sources(model, x, y, args);

  const history = new History();
  const callbacks: Callback[] = [...(args.callbacks ?? [])];
  if (verbose !== 0) callbacks.unshift(new ProgbarLogger({ stream: args.stream }));
  callbacks.push(history);
  const metricNames = ['loss', ...compiled.metrics.map((m) => m.name)];
  const params: TrainingParams = { epochs, steps: train.steps, verbose, samples: train.samples,
    metrics: validation === null ? metricNames : [...metricNames, ...metricNames.map((n) => `val_${n}`)] };
  const list = new CallbackList(callbacks, model, params);
  // before any onTrainBegin, so a run that cannot work leaves no log files behind
  await list.checkModel(model);

  model.stopTraining = false;
  await list.onTrainBegin();
  let epochLogs: Logs = {};
  // A callback (BackupAndRestore) may have set where a resumed run continues.
  const start = model.resumeEpoch ?? args.initialEpoch ?? 0;
  for (let epoch = start; epoch < epochs; epoch++) {
    epochLogs = await runEpoch(model, train, list, epoch);
    if (validation !== null) {
      const valLogs = await runEvaluation(model, validation, list);
      for (const [k, v] of Object.entries(valLogs)) epochLogs[`val_${k}`] = v;
    }
    await list.onEpochEnd(epoch, epochLogs);
    train.endEpoch();
    if (model.stopTraining) break;
  }
  await list.onTrainEnd(epochLogs);
  return history;
}

/** Epoch counts and indices are whole numbers >= 0: epochs 2.5 would quietly run 3, -1 none. */
function checkEpochNumber(name: string, value: unknown, meaning: string): void {
  if (value === undefined || (Number.isInteger(value) && (value as number) >= 0)) return;
  const got = typeof value === 'string' ? JSON.stringify(value) : String(value);
  throw new ValueError(`fit: ${name} must be an integer >= 0 (${meaning}), got ${got}`);
}

async function runEpoch(model: Model, train: BatchSource, list: CallbackList, epoch: number): Promise<Logs> {
  resetMetrics(model, 'train');
  train.beginEpoch();
  await list.onEpochBegin(epoch);
  let logs: Logs = currentLogs(model, 'train');
  for (let step = 0; step < train.steps; step++) {
    await list.onTrainBatchBegin(step, { batch: step });
    logs = await train.withBatch(step, (b) => {
      if (b.y === null) throw new ValueError(`fit: batch ${step} has no labels (y)`);
      return trainStep(model, b.xs.length === 1 ? b.xs[0]! : b.xs, b.y, b.w);
    });
    await list.onTrainBatchEnd(step, { ...logs });
    await letEventsIn();
    if (model.stopTraining) break;
  }
  return { ...logs };
}

let lastYield = Date.now();

/**
 * Gives the event loop a turn every ~50 ms of training. Awaiting only resolved promises never
 * does, so without this a signal handler (Ctrl-C setting stopTraining), a timer or a server
 * would wait for the end of fit.
 */
async function letEventsIn(): Promise<void> {
  const now = Date.now();
  if (now - lastYield < 50) return;
  lastYield = now;
  // setImmediate runs right after pending I/O and signals; browsers only have setTimeout.
  await new Promise<void>((resolve) =>
    (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

function sources(model: Model, x: ModelInput | BatchSequence, y: Tensor | null, args: FitArgs):
  { train: BatchSource; validation: BatchSource | null } {
  const batchSize = args.batchSize ?? 32;
  const validation = validationSource(model, args, batchSize);
  if (isBatchSequence(x)) {
    if (args.validationSplit !== undefined) {
      throw new ValueError('fit: validationSplit needs arrays; with a BatchSequence pass validationData');
    }
    return { train: sequenceSource(x, args.stepsPerEpoch), validation };
  }
  let data: ArrayData = { xs: model.prepareInputs(x), y, w: args.sampleWeight ?? null };
  if (y === null) throw new ValueError('fit: labels (y) are required with array inputs');
  if (args.classWeight !== undefined && data.w === null) {
    data = { ...data, w: classWeightsToSampleWeights(y, args.classWeight) };
  }
  if (args.validationSplit !== undefined && args.validationSplit > 0 && validation === null) {
    const split = splitValidation(data, args.validationSplit);
    return {
      train: arraySource(split.train, batchSize, args.shuffle ?? true, args.stepsPerEpoch),
      validation: arraySource(split.validation, args.validationBatchSize ?? batchSize, false, args.validationSteps),
    };
  }
  return { train: arraySource(data, batchSize, args.shuffle ?? true, args.stepsPerEpoch), validation };
}

function validationSource(model: Model, args: FitArgs, batchSize: number): BatchSource | null {
  const v = args.validationData;
  if (v === undefined) return null;
  if (isBatchSequence(v)) return sequenceSource(v, args.validationSteps);
  const [vx, vy, vw] = v;
  return arraySource({ xs: model.prepareInputs(vx), y: vy, w: vw ?? null },
    args.validationBatchSize ?? batchSize, false, args.validationSteps);
}
