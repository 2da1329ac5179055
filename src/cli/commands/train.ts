/**
 * `convnet train mnist` trains one of the lecture's MNIST networks on real MNIST;
 * `convnet train DIR` trains the lecture's image ConvNet on a folder with one subfolder per
 * class. Both leave the model, logs and pictures in a run folder.
 */
import { existsSync, statSync } from 'node:fs';
import { ValueError } from '../../errors.js';
import { setNumThreads } from '../../kernels/wasm/index.js';
import { numberOption, parseArgs, wholeNumber, type OptionSpec } from '../args.js';
import type { Command } from '../command.js';
import { trainImageFolder } from '../train/train-folder.js';
import { trainMnist } from '../train/train-mnist.js';
import type { MnistModelName, RateSchedule } from '../train/lecture-models.js';

const OPTIONS: Record<string, OptionSpec> = {
  model: { type: 'string', default: 'cnn' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  'validation-split': { type: 'string', default: '0.1' },
  'validation-dir': { type: 'string' },
  seed: { type: 'string', default: '42' },
  limit: { type: 'string' },
  out: { type: 'string' },
  verbose: { type: 'string', default: '1' },
  size: { type: 'string', default: '150' },
  augment: { type: 'boolean', default: true },
  threads: { type: 'string' },
  'learning-rate': { type: 'string' },
  'lr-schedule': { type: 'string', default: 'cosine' },
};

export interface TrainOptions {
  model: MnistModelName;
  epochs?: number;
  batchSize?: number;
  validationSplit: number;
  validationDir?: string;
  seed: number;
  limit?: number;
  /** Run folder; default a new runs/<timestamp>. */
  out?: string;
  verbose: 0 | 1 | 2;
  size: number;
  augment: boolean;
  threads?: number;
  learningRate?: number;
  lrSchedule: RateSchedule;
}

const USAGE = `Usage: convnet train mnist [options]
       convnet train DIR [options]

Trains the lecture's networks and leaves in the run folder: model.h5, history.csv,
TensorBoard logs (logs/), curves.svg/.png, confusion.svg/.png and samples.png.

  mnist            real MNIST (60,000 training and 10,000 test images, shipped offline)
  DIR              a folder of images with one subfolder per class (e.g. cats/, dogs/), or
                   with train/ and validation/ folders each holding the class subfolders

Options:
  --model M             cnn (default: the lecture's ConvNet, 5 epochs, batch 64),
                        mlp (Dense 32 + Dense 10, 10 epochs, batch 128),
                        dense (Dense 512 + Dropout 0.2 + Dense 10, 10 epochs, batch 512)
  --epochs N            number of epochs (default: the lecture's for the model; 30 for DIR)
  --batch-size N        samples per step (default: the lecture's; 20 for DIR)
  --validation-split F  fraction held out for validation, taken from the end (default 0.1)
  --validation-dir DIR  a separate validation folder (DIR only)
  --limit N             MNIST: use only the first N training images and N test images
                        (quick tries)
  --seed N              seed for initialisation, shuffling, dropout, augmentation (default 42)
  --size N              image side for DIR, 46 to 1024 (default 150, as in the lecture)
  --no-augment          DIR: no rotation/shift/shear/zoom/flip augmentation
  --learning-rate F     RMSprop learning rate (default 0.001; 0.0001 for DIR)
  --lr-schedule S       cosine (default): the rate falls along half a cosine to 0 by the
                        last step; constant: held, as in the lecture
  --threads N           kernel threads (default: all cores)
  --out DIR             run folder (default runs/<timestamp>)
  --verbose 0|1|2       0 silent, 1 progress bar (default), 2 one line per epoch

Ctrl-C stops after the current batch and still evaluates and writes everything.`;

function parseTrainOptions(args: string[]): { target: string; options: TrainOptions } {
  const { positional, options: o } = parseArgs(args, OPTIONS, 'train');
  if (positional.length !== 1) {
    throw new ValueError(`convnet train: expected one dataset ('mnist' or a folder), got ` +
      `${positional.length === 0 ? 'none' : positional.join(' ')}. See 'convnet train --help'.`);
  }
  const model = String(o.model);
  if (!['cnn', 'mlp', 'dense'].includes(model)) {
    throw new ValueError(`option '--model': expected cnn, mlp or dense, got '${model}'`);
  }
  const optional = (name: string, [check, expected]: [(n: number) => boolean, string]):
    number | undefined => (o[name] === undefined ? undefined : numberOption(o[name], name, 0, check, expected));
  const target = positional[0]!;
  const lrSchedule = String(o['lr-schedule']);
  if (lrSchedule !== 'constant' && lrSchedule !== 'cosine') {
    throw new ValueError(`option '--lr-schedule': expected constant or cosine, got '${lrSchedule}'`);
  }
  if (target === 'mnist' && o['validation-dir'] !== undefined) {
    throw new ValueError(`option '--validation-dir' is for image folders; MNIST takes its ` +
      `validation set from the end of the training images (--validation-split)`);
  }
  if (target === 'mnist' && o.augment === false) {
    throw new ValueError(`option '--no-augment' is for image folders; MNIST training uses no ` +
      `augmentation`);
  }
  if (target !== 'mnist' && o.limit !== undefined) {
    throw new ValueError(`option '--limit' is for MNIST; to try a folder quickly, point ` +
      `convnet train at a smaller copy of it`);
  }
  return {
    target,
    options: {
      model: model as MnistModelName,
      epochs: optional('epochs', wholeNumber(1)),
      batchSize: optional('batch-size', wholeNumber(1)),
      validationSplit: numberOption(o['validation-split'], 'validation-split', 0.1,
        (n) => n >= 0 && n < 1, 'a fraction from 0 up to (not including) 1'),
      validationDir: o['validation-dir'] as string | undefined,
      seed: numberOption(o.seed, 'seed', 42, ...wholeNumber(0, 2 ** 32 - 1)),
      limit: optional('limit', wholeNumber(1)),
      out: o.out as string | undefined,
      verbose: numberOption(o.verbose, 'verbose', 1, ...wholeNumber(0, 2)) as 0 | 1 | 2,
      size: numberOption(o.size, 'size', 150, ...wholeNumber(46, 1024)),
      augment: o.augment !== false,
      threads: optional('threads', wholeNumber(1, 64)),
      learningRate: optional('learning-rate', [(n) => n > 0, 'a number above 0']),
      lrSchedule,
    },
  };
}

export const trainCommand: Command = {
  name: 'train',
  summary: 'train the lecture\'s ConvNet on MNIST (or on a folder of images)',
  usage: USAGE,
  async run(args) {
    const { target, options } = parseTrainOptions(args);
    if (options.threads !== undefined) setNumThreads(options.threads);
    if (target === 'mnist') return trainMnist(options);
    if (!existsSync(target) || !statSync(target).isDirectory()) {
      throw new ValueError(`convnet train: '${target}' is neither 'mnist' nor a folder of images`);
    }
    return trainImageFolder(target, options);
  },
};
