/** `convnet train mnist`: a lecture MNIST network on the real MNIST data shipped offline. */
import { loadRaw, type RawSplit } from '../../datasets/mnist.js';
import { setSeed } from '../../tensor/random.js';
import { Tensor } from '../../tensor/tensor.js';
import type { TrainOptions } from '../commands/train.js';
import { describeRate, MNIST_RECIPES, rmsprop, type LectureRecipe } from './lecture-models.js';
import { runTraining } from './run.js';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The first `count` images scaled to [0, 1], shaped for the model, built in one pass from the
 * file bytes (a float copy of all 60,000 images would cost 188 MB more).
 */
function images(split: RawSplit, count: number, input: LectureRecipe['input'], from = 0): Tensor {
  const pixels = split.rows * split.cols;
  const x = new Tensor(input === 'image' ? [count, split.rows, split.cols, 1] : [count, pixels]);
  const out = x.f32;
  const src = split.images.subarray(from * pixels, (from + count) * pixels);
  for (let i = 0; i < count * pixels; i++) out[i] = src[i]! / 255;
  return x;
}

/** Labels as one-hot rows [count, 10] or as class indices [count]. */
function labels(split: RawSplit, count: number, kind: LectureRecipe['labels'], from = 0): Tensor {
  const src = split.labels.subarray(from, from + count);
  if (kind === 'sparse') {
    const y = new Tensor([count], 'int32');
    y.data.set(src);
    return y;
  }
  const y = new Tensor([count, 10]);
  const out = y.f32;
  out.fill(0);
  for (let i = 0; i < count; i++) out[i * 10 + src[i]!] = 1;
  return y;
}

export async function trainMnist(o: TrainOptions): Promise<number> {
  setSeed(o.seed);
  const recipe = MNIST_RECIPES[o.model];
  const { train, test } = loadRaw();
  const n = Math.min(o.limit ?? train.count, train.count);
  const nTest = Math.min(o.limit ?? test.count, test.count);
  const xTest = images(test, nTest, 'image');

  const epochs = o.epochs ?? recipe.epochs;
  const batchSize = o.batchSize ?? recipe.batchSize;
  // The last fraction is the validation set, as fit's validationSplit takes it; built apart
  // here so that the training images are not held twice (once whole, once split).
  const validation = n - Math.floor(n * (1 - o.validationSplit));
  const nTrain = n - validation;
  const rate = o.learningRate ?? 0.001;
  const model = recipe.build();
  model.compile({
    optimizer: rmsprop(rate, o.lrSchedule, epochs * Math.ceil(nTrain / batchSize)),
    loss: recipe.loss,
    metrics: ['accuracy'],
  });
  return runTraining({
    model, out: o.out, verbose: o.verbose, classNames: DIGITS,
    next: (model) => [
      `npx convnet serve ${model}   # draw digits for it in the browser`,
      `npx convnet predict ${model} digit.png   # classify your own images`,
    ],
    intro: [
      `MNIST: ${nTrain} training, ${validation} validation (the last ` +
        `${Math.round(o.validationSplit * 100)}%), ${nTest} test images`,
      `Model '${o.model}': ${epochs} epoch${epochs === 1 ? '' : 's'}, batch ${batchSize}, ` +
        `RMSprop ${describeRate(rate, o.lrSchedule)}, ${recipe.loss}, seed ${o.seed}`,
    ],
    fit: {
      x: images(train, nTrain, recipe.input), y: labels(train, nTrain, recipe.labels),
      args: {
        epochs, batchSize,
        validationData: validation === 0 ? undefined : [images(train, validation, recipe.input, nTrain),
          labels(train, validation, recipe.labels, nTrain)],
      },
    },
    test: {
      x: recipe.input === 'image' ? xTest : images(test, nTest, 'flat'),
      y: labels(test, nTest, recipe.labels),
      labels: test.labels.subarray(0, nTest),
      images: xTest,
    },
  });
}
