/**
 * Test support: a tiny model and a training loop that call callback hooks in the order our
 * `fit` does (checkModel, then Keras' order), with losses chosen by the test. Lets callbacks
 * be tested without a real model.
 *
 * @example
 * const model = new FakeModel([1, 2]);
 * const history = await runFakeFit(model, [new TerminateOnNaN()], {
 *   epochs: 3, steps: 10, batchLoss: (epoch, batch) => (batch === 3 ? NaN : 1) });
 */
import { readFile, writeFile } from 'node:fs/promises';
import { getLogLevel, setLogLevel, setLogSink, type LogLevel } from '../log.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import type { Callback, CallbackModel, Logs, TrainingParams } from './callback.js';

/** A model with scalar weights, a learning rate and JSON save files. */
export class FakeModel implements CallbackModel {
  readonly name = 'fake';
  stopTraining = false;
  learningRate = 0.01;
  /** The schedule the rate follows, as Model.learningRateSchedule names it. */
  learningRateSchedule: string | null = null;
  /** The scalar weights (getWeights gives them as [1] tensors). */
  values: number[];
  /** Paths passed to save/saveWeights, in order. */
  saved: string[] = [];
  /** Set by BackupAndRestore when it restores a backup. */
  resumeEpoch?: number;
  /** Optimizer-like state: a step counter. */
  readonly optimizer = {
    iterations: 0,
    getWeights: (): Tensor[] => [tensor([this.optimizer.iterations], [1], 'int32')],
    setWeights: (w: readonly Tensor[]): void => { this.optimizer.iterations = w[0]!.data[0]!; },
  };

  constructor(weights: number[]) {
    this.values = [...weights];
  }

  getWeights(): Tensor[] {
    return this.values.map((w) => tensor([w]));
  }

  setWeights(weights: readonly Tensor[]): void {
    this.values = weights.map((w) => w.data[0]!);
  }

  async save(path: string): Promise<void> {
    this.saved.push(path);
    await writeFile(path, JSON.stringify({ weights: this.values, learningRate: this.learningRate }));
  }

  async saveWeights(path: string): Promise<void> {
    this.saved.push(path);
    await writeFile(path, JSON.stringify({ weights: this.values }));
  }

  static async readSaved(path: string): Promise<{ weights: number[] }> {
    return JSON.parse(await readFile(path, 'utf8')) as { weights: number[] };
  }
}

export interface FakeFitOptions {
  epochs: number;
  steps: number;
  initialEpoch?: number;
  /** The loss of each batch. Default: 1. */
  batchLoss?: (epoch: number, batch: number) => number;
  /** Extra epoch logs (e.g. val_loss) for an epoch; runs validation hooks when given. */
  validation?: (epoch: number) => Logs;
  /** Called after each batch "step", e.g. to change the weights. */
  afterBatch?: (model: FakeModel, epoch: number, batch: number) => void;
}

/** Runs callbacks through `epochs` epochs of `steps` batches; returns every epoch's logs. */
export async function runFakeFit(model: FakeModel, callbacks: Callback[], o: FakeFitOptions):
  Promise<Logs[]> {
  const params: TrainingParams = { epochs: o.epochs, steps: o.steps, verbose: 0 };
  for (const c of callbacks) {
    c.setModel(model);
    c.setParams(params);
  }
  const each = async (f: (c: Callback) => void | Promise<void>): Promise<void> => {
    for (const c of callbacks) await f(c);
  };

  const history: Logs[] = [];
  model.stopTraining = false;
  await each((c) => c.checkModel(model));
  await each((c) => c.onTrainBegin({}));
  for (let epoch = model.resumeEpoch ?? o.initialEpoch ?? 0; epoch < o.epochs; epoch++) {
    await each((c) => c.onEpochBegin(epoch, {}));
    let total = 0;
    let seen = 0;
    for (let batch = 0; batch < o.steps; batch++) {
      await each((c) => c.onTrainBatchBegin(batch, {}));
      model.optimizer.iterations++;
      o.afterBatch?.(model, epoch, batch);
      const loss = o.batchLoss?.(epoch, batch) ?? 1;
      total += loss;
      seen++;
      await each((c) => c.onTrainBatchEnd(batch, { loss: total / seen }));
      if (model.stopTraining) break;
    }
    const logs: Logs = { loss: total / seen };
    if (o.validation) {
      const val = o.validation(epoch);
      await each((c) => c.onTestBegin({}));
      await each((c) => c.onTestEnd(Object.fromEntries(
        Object.entries(val).map(([k, v]) => [k.replace(/^val_/, ''), v]))));
      Object.assign(logs, val);
    }
    await each((c) => c.onEpochEnd(epoch, logs));
    history.push({ ...logs });
    if (model.stopTraining) break;
  }
  await each((c) => c.onTrainEnd({}));
  return history;
}

/** Collects log messages while `fn` runs (and still returns them if it throws). */
export async function captureLog(fn: () => Promise<unknown>):
  Promise<{ messages: Array<[Exclude<LogLevel, 'silent'>, string]>; error: unknown }> {
  const messages: Array<[Exclude<LogLevel, 'silent'>, string]> = [];
  const previous = setLogSink((level, message) => messages.push([level, message]));
  const level = getLogLevel();
  setLogLevel('debug');
  let error: unknown = undefined;
  try {
    await fn();
  } catch (e) {
    error = e;
  } finally {
    setLogSink(previous);
    setLogLevel(level);
  }
  return { messages, error };
}
