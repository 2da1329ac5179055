/**
 * BackupAndRestore: lets an interrupted `fit` (killed process, crash) continue where it
 * stopped. At every epoch end (or every `saveFreq` batches) it writes the training state to
 * `<backupDir>/training-state.json`; when training begins and that file exists, it restores
 * the state and makes `fit` continue with the next epoch. After a run that ends normally the
 * backup is deleted (unless `deleteCheckpoint: false`).
 *
 * The state is one JSON file, written atomically (temporary file + rename), so weights,
 * optimizer state and epoch always match: `{ format, epoch, batch, learningRate, weights,
 * optimizer }` where each tensor is `{ shape, dtype, data }` with `data` the base64 of its
 * little-endian values. The optimizer state (iteration count, momenta...) is what makes the
 * resumed run equal to an uninterrupted one.
 *
 * What the model must offer beyond {@link CallbackModel}: `optimizer` or `compiled.optimizer`
 * with getWeights()/setWeights() (and build(trainableWeights) to create its slots before a
 * restore), and `fit` must, after onTrainBegin, start at `model.resumeEpoch` when a callback
 * set it. Random-generator state is not saved (Keras does not either): with `shuffle` the
 * resumed epochs see other batch orders.
 *
 * @example
 * await model.fit(x, y, { epochs: 20, callbacks: [new BackupAndRestore('runs/exp1/backup')] });
 */
import { readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { IoError, ValueError } from '../errors.js';
import { log } from '../log.js';
import { Tensor } from '../tensor/tensor.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Callback, type CallbackModel, type Logs } from './callback.js';
import { requireModel } from './require-model.js';

/** Optimizer state access, as the library's optimizers provide it. */
export interface OptimizerState {
  getWeights(): Tensor[];
  setWeights(weights: readonly Tensor[]): void;
  build?(variables: readonly { name: string; value: Tensor }[]): void;
}

/** The extra fields BackupAndRestore uses on a model (see the file comment). */
export interface ResumableModel extends CallbackModel {
  /** Set in onTrainBegin by a restoring callback: the epoch fit must start at. */
  resumeEpoch?: number;
  optimizer?: OptimizerState;
  compiled?: { optimizer: OptimizerState } | null;
  trainableWeights?: readonly { name: string; value: Tensor }[];
}

interface SavedTensor {
  shape: number[];
  dtype: 'float32' | 'int32';
  data: string;
}

interface TrainingState {
  format: 'convnet-ts backup 1';
  /** The epoch to run next (0-based). */
  epoch: number;
  /** Batches done within that epoch (batch-frequency backups), else 0. */
  batch: number;
  learningRate: number;
  weights: SavedTensor[];
  optimizer: SavedTensor[] | null;
}

export interface BackupAndRestoreArgs {
  /** 'epoch' (default), or back up every this many batches. */
  saveFreq?: 'epoch' | number;
  /** Delete the backup when training ends normally. Default true. */
  deleteCheckpoint?: boolean;
}

const OPTIONS = optionNames<BackupAndRestoreArgs>()(['saveFreq', 'deleteCheckpoint']);

/** Keras' BackupAndRestore options this one lacks, refused by name rather than ignored. */
const MISSING = {
  doubleCheckpoint: 'a second backup kept in case the first is damaged; here the one backup ' +
    'is replaced atomically, so it is never half-written',
  saveBeforePreemption: 'a backup when a cluster worker is preempted',
};

export const BACKUP_FILE = 'training-state.json';

export class BackupAndRestore extends Callback {
  readonly backupDir: string;
  readonly saveFreq: 'epoch' | number;
  readonly deleteCheckpoint: boolean;
  /** The epoch restored at the last train begin, or null when starting fresh. */
  restoredEpoch: number | null = null;
  private currentEpoch = 0;
  private batchesSinceSave = 0;

  constructor(backupDir: string, args: BackupAndRestoreArgs = {}) {
    super();
    checkOptionNames('BackupAndRestore', args, OPTIONS, MISSING);
    if (backupDir === '') throw new ValueError('BackupAndRestore: backupDir must not be empty');
    this.backupDir = backupDir;
    this.saveFreq = args.saveFreq ?? 'epoch';
    this.deleteCheckpoint = args.deleteCheckpoint ?? true;
    if (this.saveFreq !== 'epoch' && !(Number.isInteger(this.saveFreq) && this.saveFreq > 0)) {
      throw new ValueError(`BackupAndRestore: saveFreq must be 'epoch' or a positive integer ` +
        `number of batches, got ${String(this.saveFreq)}`);
    }
  }

  get statePath(): string {
    return join(this.backupDir, BACKUP_FILE);
  }

  override async onTrainBegin(): Promise<void> {
    const model = requireModel(this.model, 'BackupAndRestore') as ResumableModel;
    this.restoredEpoch = null;
    const text = await readIfExists(this.statePath);
    if (text === null) return;

    const state = parseState(text, this.statePath);
    model.setWeights(state.weights.map(fromSaved));
    // a rate that follows a schedule cannot be set; it comes back with the step count below
    if ((model.learningRateSchedule ?? null) === null) model.learningRate = state.learningRate;
    const optimizer = optimizerOf(model);
    if (state.optimizer !== null && optimizer !== null) {
      if (model.trainableWeights !== undefined) optimizer.build?.(model.trainableWeights);
      optimizer.setWeights(state.optimizer.map(fromSaved));
    }
    model.resumeEpoch = state.epoch;
    this.restoredEpoch = state.epoch;
    log.info(`BackupAndRestore: resuming from epoch ${state.epoch + 1} with the state saved in ` +
      `${this.statePath}`);
  }

  override onEpochBegin(epoch: number): void {
    this.currentEpoch = epoch;
    this.batchesSinceSave = 0;
  }

  override async onTrainBatchEnd(batch: number): Promise<void> {
    if (this.saveFreq === 'epoch') return;
    if (++this.batchesSinceSave < this.saveFreq) return;
    this.batchesSinceSave = 0;
    await this.save(this.currentEpoch, batch + 1);
  }

  override async onEpochEnd(epoch: number, _logs: Logs = {}): Promise<void> {
    if (this.saveFreq === 'epoch') await this.save(epoch + 1, 0);
  }

  override async onTrainEnd(): Promise<void> {
    const model = this.model as ResumableModel | null;
    if (model !== null) delete model.resumeEpoch;
    if (!this.deleteCheckpoint) return;
    await rm(this.statePath, { force: true });
    // the directory goes too if nothing else lives there
    await rmdir(this.backupDir).catch((error: NodeJS.ErrnoException) => {
      if (!['ENOENT', 'ENOTEMPTY', 'EEXIST'].includes(error.code ?? '')) throw error;
    });
  }

  private async save(epoch: number, batch: number): Promise<void> {
    const model = requireModel(this.model, 'BackupAndRestore') as ResumableModel;
    const optimizer = optimizerOf(model);
    const state: TrainingState = {
      format: 'convnet-ts backup 1',
      epoch, batch,
      learningRate: model.learningRate,
      weights: model.getWeights().map(toSaved),
      optimizer: optimizer === null ? null : optimizer.getWeights().map(toSaved),
    };
    await writeFileAtomic(this.statePath, JSON.stringify(state), { createFolder: true });
  }
}

function optimizerOf(model: ResumableModel): OptimizerState | null {
  return model.optimizer ?? model.compiled?.optimizer ?? null;
}

function toSaved(t: Tensor): SavedTensor {
  const values = t.toTypedArray();
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  return { shape: [...t.shape], dtype: t.dtype, data: Buffer.from(bytes).toString('base64') };
}

function fromSaved(s: SavedTensor): Tensor {
  const bytes = Buffer.from(s.data, 'base64');
  const t = new Tensor(s.shape, s.dtype);
  if (bytes.length !== t.size * 4) {
    throw new IoError(`BackupAndRestore: a saved tensor [${s.shape.join(', ')}] has ` +
      `${bytes.length} bytes, expected ${t.size * 4}`);
  }
  new Uint8Array(t.data.buffer, t.data.byteOffset, bytes.length).set(bytes);
  return t;
}

function parseState(text: string, path: string): TrainingState {
  let state: TrainingState;
  try {
    state = JSON.parse(text) as TrainingState;
  } catch (cause) {
    throw new IoError(`BackupAndRestore: ${path} is not valid JSON; delete it to start over`,
      { cause });
  }
  if (state.format !== 'convnet-ts backup 1' || !Number.isInteger(state.epoch)) {
    throw new IoError(`BackupAndRestore: ${path} is not a training-state file of this ` +
      `library (format '${String(state.format)}'); delete it to start over`);
  }
  return state;
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new IoError(`BackupAndRestore: cannot read ${path}`, { cause: error });
  }
}
