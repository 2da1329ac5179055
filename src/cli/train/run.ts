/**
 * What every training run does around `fit`: the run folder, the summary, the callbacks that
 * leave files behind, Ctrl-C handling, the test evaluation, the pictures and the saved model.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CSVLogger } from '../../callbacks/csv-logger.js';
import { TensorBoard } from '../../callbacks/tensorboard.js';
import type { Callback } from '../../callbacks/callback.js';
import type { BatchSequence } from '../../data/sequence.js';
import type { Model } from '../../models/index.js';
import { argMax } from '../../ops/reduce.js';
import type { Tensor } from '../../tensor/tensor.js';
import type { FitArgs } from '../../training/fit.js';
import { writeRunPictures } from './artifacts.js';

export interface TrainingRun {
  model: Model;
  /** Run folder; default a new runs/<timestamp>, made when training starts. */
  out?: string;
  verbose: 0 | 1 | 2;
  fit: { x: Tensor | BatchSequence; y: Tensor | null; args: FitArgs };
  test: { x: Tensor | BatchSequence; y: Tensor | null; labels: ArrayLike<number>; images: Tensor };
  classNames: string[];
  /** What the held-out set is called in the final line: 'test' (default) or 'validation'. */
  testName?: string;
  /** Printed before training starts (dataset sizes, settings). */
  intro: string[];
  /** Commands to try with the saved model, printed at the end. */
  next: (modelPath: string) => string[];
}

const write = (line = ''): void => { process.stdout.write(line + '\n'); };

/** Runs the whole job; resolves to the process exit code (130 after Ctrl-C, like a shell). */
export async function runTraining(run: TrainingRun): Promise<number> {
  const folder = run.out ?? newRunFolder();
  const out = resolve(folder);
  mkdirSync(out, { recursive: true });
  for (const line of run.intro) write(line);
  write();
  run.model.summary(write);
  write();

  const callbacks: Callback[] = [
    new CSVLogger(join(out, 'history.csv')),
    new TensorBoard({ logDir: join(out, 'logs') }),
  ];
  const interrupted = stopOnCtrlC(run.model);
  const history = await run.model.fit(run.fit.x, run.fit.y, {
    ...run.fit.args, verbose: run.verbose, callbacks,
  });
  interrupted.detach();

  const yPred = await predictClasses(run.model, run.test.x);
  const logs = await run.model.evaluate(run.test.x, run.test.y, { returnDict: true, verbose: 0 });
  write();
  const name = run.testName ?? 'test';
  write(`${name[0]!.toUpperCase()}${name.slice(1)} loss: ${logs.loss!.toFixed(4)} - ` +
    `${name} accuracy: ${(logs.accuracy ?? NaN).toFixed(4)}`);

  await run.model.save(join(out, 'model.h5'));
  const pictures = await writeRunPictures(out, {
    history: history.history, yTrue: run.test.labels, yPred, classNames: run.classNames,
    images: run.test.images,
  });
  write(`Saved in ${out}: model.h5, history.csv, logs/ (tensorboard --logdir ${join(folder, 'logs')}), ` +
    `${pictures.join(', ')}`);
  const saved = join(out, 'model.h5'), near = relative(process.cwd(), saved);
  const model = near.startsWith('..') ? saved : near;
  write('Next:');
  for (const line of run.next(model)) write(`  ${line}`);
  return interrupted.happened ? 130 : 0;
}

/** Class index per test sample: the argmax of softmax outputs, or p > 0.5 for one sigmoid. */
async function predictClasses(model: Model, x: Tensor | BatchSequence): Promise<Int32Array> {
  const p = (await model.predict(x, { batchSize: 256 })) as Tensor;
  if (p.shape[p.rank - 1] === 1) return Int32Array.from(p.f32, (v) => (v > 0.5 ? 1 : 0));
  return argMax(p, -1).data as Int32Array;
}

/** The first Ctrl-C stops after the current batch; a second one exits at once. */
function stopOnCtrlC(model: Model): { happened: boolean; detach(): void } {
  const state = {
    happened: false,
    detach: () => { process.removeListener('SIGINT', handler); },
  };
  const handler = (): void => {
    if (state.happened) process.exit(130);
    state.happened = true;
    model.stopTraining = true;
    process.stderr.write('\nStopping after the current batch (Ctrl-C again to quit now)...\n');
  };
  process.on('SIGINT', handler);
  return state;
}

/** runs/<date>T<time>, with -2, -3... when a run started in the same second already took it. */
function newRunFolder(): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  mkdirSync('runs', { recursive: true });
  for (let k = 1; ; k++) {
    const folder = join('runs', k === 1 ? stamp : `${stamp}-${k}`);
    try {
      mkdirSync(folder); // fails if another run took this name first
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
