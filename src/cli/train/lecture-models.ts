/**
 * The lecture's networks, built with the Keras-style API: the MNIST models and the
 * cats-vs-dogs ConvNet, with the training settings the lecture uses for each.
 */
import * as layers from '../../layers/index.js';
import { sequential, type Sequential } from '../../models/index.js';
import { RMSprop, schedules } from '../../optimizers/index.js';

export type MnistModelName = 'cnn' | 'mlp' | 'dense';

export interface LectureRecipe {
  build(): Sequential;
  loss: string;
  epochs: number;
  batchSize: number;
  /** Input rank the model expects: 'image' [n,28,28,1] or 'flat' [n,784]. */
  input: 'image' | 'flat';
  /** Labels one-hot (categorical loss) or integers (sparse loss). */
  labels: 'onehot' | 'sparse';
}

/** The lecture's MNIST ConvNet: 93,322 parameters, 5 epochs of batch 64 with RMSprop. */
function mnistConvNet(): Sequential {
  return sequential([
    layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
    layers.flatten(),
    layers.dense({ units: 64, activation: 'relu' }),
    layers.dense({ units: 10, activation: 'softmax' }),
  ], { name: 'mnist_convnet' });
}

/** Example 1, "Hello world": Dense(32) + Dense(10) on 784 inputs, 25,450 parameters. */
function mnistMlp(): Sequential {
  return sequential([
    layers.dense({ units: 32, activation: 'relu', inputShape: [784] }),
    layers.dense({ units: 10, activation: 'softmax' }),
  ], { name: 'mnist_mlp' });
}

/** Example 2: Flatten + Dense(512) + Dropout(0.2) + Dense(10), 407,050 parameters. */
function mnistDense(): Sequential {
  return sequential([
    layers.flatten({ inputShape: [784] }),
    layers.dense({ units: 512, activation: 'relu' }),
    layers.dropout({ rate: 0.2 }),
    layers.dense({ units: 10, activation: 'softmax' }),
  ], { name: 'mnist_dense' });
}

export const MNIST_RECIPES: Record<MnistModelName, LectureRecipe> = {
  cnn: { build: mnistConvNet, loss: 'categorical_crossentropy', epochs: 5, batchSize: 64,
    input: 'image', labels: 'onehot' },
  mlp: { build: mnistMlp, loss: 'categorical_crossentropy', epochs: 10, batchSize: 128,
    input: 'flat', labels: 'onehot' },
  dense: { build: mnistDense, loss: 'sparse_categorical_crossentropy', epochs: 10, batchSize: 512,
    input: 'flat', labels: 'sparse' },
};

/**
 * The lecture's cats-vs-dogs ConvNet (with the Dropout(0.5) it adds for augmented training):
 * 3,453,121 parameters at 150x150x3 with one sigmoid output.
 */
export function imageConvNet(size: number, channels: number, classes: number): Sequential {
  const binary = classes === 2;
  return sequential([
    layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [size, size, channels] }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.conv2d({ filters: 128, kernelSize: 3, activation: 'relu' }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.conv2d({ filters: 128, kernelSize: 3, activation: 'relu' }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.flatten(),
    layers.dropout({ rate: 0.5 }),
    layers.dense({ units: 512, activation: 'relu' }),
    binary ? layers.dense({ units: 1, activation: 'sigmoid' })
      : layers.dense({ units: classes, activation: 'softmax' }),
  ], { name: 'image_convnet' });
}

/** How the learning rate moves during a run: held (the lecture) or along a cosine to zero. */
export type RateSchedule = 'constant' | 'cosine';

/**
 * RMSprop at `rate`, held or lowered along half a cosine to zero over the run's `steps`.
 *
 * @example
 * rmsprop(1e-3, 'cosine', 5 * 844); // 1e-3 at the start, 5e-4 half way, 0 at the end
 */
export function rmsprop(rate: number, schedule: RateSchedule, steps: number): RMSprop {
  if (schedule === 'constant') return new RMSprop({ learningRate: rate });
  return new RMSprop({ learningRate: new schedules.CosineDecay({ initialLearningRate: rate,
    decaySteps: Math.max(1, steps) }) });
}

/** "lr 0.001" or "lr 0.001 cosine to 0", for the run's opening lines. */
export function describeRate(rate: number, schedule: RateSchedule): string {
  return `lr ${rate}${schedule === 'cosine' ? ' cosine to 0' : ''}`;
}
