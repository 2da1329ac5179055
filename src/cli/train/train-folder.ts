/**
 * `convnet train DIR`: the lecture's cats-vs-dogs recipe on any folder of class subfolders:
 * flowFromDirectory with the lecture's augmentation, the lecture's image ConvNet, a sigmoid
 * output with binary crossentropy for two classes and softmax otherwise.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Batch, BatchSequence } from '../../data/sequence.js';
import { ValueError } from '../../errors.js';
import { concat } from '../../ops/concat.js';
import { ImageDataGenerator } from '../../preprocessing/image/image-data-generator.js';
import type { DirectoryIterator } from '../../preprocessing/image/directory-iterator.js';
import { setSeed } from '../../tensor/random.js';
import { scope, type Tensor } from '../../tensor/tensor.js';
import type { TrainOptions } from '../commands/train.js';
import { describeRate, imageConvNet, rmsprop } from './lecture-models.js';
import { runTraining } from './run.js';

/** The lecture's augmentation for cats vs dogs. */
const AUGMENTATION = {
  rotationRange: 40, widthShiftRange: 0.2, heightShiftRange: 0.2, shearRange: 0.2,
  zoomRange: 0.2, horizontalFlip: true, fillMode: 'nearest' as const,
};

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();

/** Number of class subfolders (hidden folders are not classes). */
const classFolders = (d: string): number =>
  readdirSync(d).filter((name) => !name.startsWith('.') && isDir(join(d, name))).length;

/** Where the training images are, and the validation images if they sit apart. */
interface FolderLayout {
  trainDir: string;
  /** null: the validation images are the first fraction of each class of trainDir. */
  validationDir: string | null;
}

function folderLayout(dir: string, o: TrainOptions): FolderLayout {
  const hasTrain = isDir(join(dir, 'train'));
  const trainDir = hasTrain ? join(dir, 'train') : dir;
  const validationDir = o.validationDir ?? (hasTrain && isDir(join(dir, 'validation'))
    ? join(dir, 'validation') : null);
  return { trainDir, validationDir };
}

export async function trainImageFolder(dir: string, o: TrainOptions): Promise<number> {
  setSeed(o.seed);
  const batchSize = o.batchSize ?? 20;
  const layout = folderLayout(dir, o);
  const classCount = classFolders(layout.trainDir);
  if (classCount < 2) {
    throw new ValueError(`convnet train: '${layout.trainDir}' needs at least two class subfolders ` +
      `(e.g. cats/ and dogs/), found ${classCount}`);
  }
  if (layout.validationDir === null && o.validationSplit === 0) {
    throw new ValueError(`convnet train: '${dir}' has no validation/ folder, so it needs a ` +
      `validation split above 0 (got --validation-split 0)`);
  }
  const { train, validation, summary } = openFolders(layout, o, batchSize, classCount);
  const classNames = Object.keys(train.classIndices)
    .sort((a, b) => train.classIndices[a]! - train.classIndices[b]!);
  const binary = classNames.length === 2;
  const model = imageConvNet(o.size, 3, classNames.length);
  const epochs = o.epochs ?? 30, rate = o.learningRate ?? 1e-4;
  model.compile({
    optimizer: rmsprop(rate, o.lrSchedule, epochs * train.length),
    loss: binary ? 'binary_crossentropy' : 'categorical_crossentropy',
    metrics: ['accuracy'],
  });
  return runTraining({
    model, out: o.out, verbose: o.verbose, classNames, testName: 'validation',
    next: (model) => [
      `npx convnet predict ${model} photo.jpg   # classify your own images`,
      `npx convnet activations ${model} photo.jpg   # pictures of what each layer sees`,
    ],
    intro: [...summary, `${epochs} epoch${epochs === 1 ? '' : 's'}, batch ${batchSize}, ${o.size}x${o.size} RGB, ` +
      `augmentation ${o.augment ? 'on' : 'off'}, RMSprop ${describeRate(rate, o.lrSchedule)}, ` +
      `seed ${o.seed}`],
    fit: { x: train, y: null, args: { epochs, validationData: validation } },
    test: { x: validation, y: null, labels: validation.classes, images: await firstImages(validation, 100) },
  });
}

function openFolders(layout: FolderLayout, o: TrainOptions, batchSize: number, classCount: number):
  { train: DirectoryIterator; validation: DirectoryIterator; summary: string[] } {
  const split = layout.validationDir === null ? o.validationSplit : undefined;
  const common = {
    targetSize: [o.size, o.size] as [number, number], batchSize, seed: o.seed,
    interpolation: 'bilinear' as const,
    classMode: classCount === 2 ? 'binary' as const : 'categorical' as const,
  };
  const rescale = 1 / 255;
  const augmenting = new ImageDataGenerator({ rescale, ...(o.augment ? AUGMENTATION : {}),
    validationSplit: split });
  const plain = new ImageDataGenerator({ rescale, validationSplit: split });

  const train = augmenting.flowFromDirectory(layout.trainDir, { ...common,
    subset: split === undefined ? undefined : 'training' });
  const validation = layout.validationDir !== null
    ? plain.flowFromDirectory(layout.validationDir, { ...common, shuffle: false })
    : plain.flowFromDirectory(layout.trainDir, { ...common, shuffle: false, subset: 'validation' });
  return {
    train, validation,
    summary: [`Training: ${train.summary}`, `Validation: ${validation.summary}`],
  };
}

/** The first `count` images of a non-shuffled sequence, for the sample grid. */
async function firstImages(seq: BatchSequence, count: number): Promise<Tensor> {
  const batches: Batch[] = [];
  let have = 0;
  for (let i = 0; i < seq.length && have < count; i++) {
    const b = await seq.batch(i);
    batches.push(b);
    have += b.x.shape[0]!;
  }
  return scope(() => concat(batches.map((b) => b.x), 0));
}
