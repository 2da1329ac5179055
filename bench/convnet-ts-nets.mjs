// The benchmark networks, built with the Keras-style model API as users build them: the
// lecture ConvNet and MLP, compiled with RMSprop and categorical cross-entropy.
import { MNIST_RECIPES } from '../dist/cli/train/lecture-models.js';
import * as cn from '../dist/index.js';
import { CONVNET, MLP, RMSPROP, fakeBatch } from './workloads.mjs';

const { layers } = cn;

function compile(model) {
  model.compile({
    optimizer: new cn.optimizers.RMSprop({
      learningRate: RMSPROP.learningRate, rho: RMSPROP.rho, epsilon: RMSPROP.epsilon,
    }),
    loss: 'categorical_crossentropy',
  });
  return model;
}

/** The lecture ConvNet, as `convnet train mnist` builds it. */
export function convnet() {
  const model = MNIST_RECIPES.cnn.build();
  if (model.countParams() !== CONVNET.params) {
    throw new Error(`ConvNet has ${model.countParams()} parameters, expected ${CONVNET.params}`);
  }
  return compile(model);
}

export function mlp() {
  return compile(cn.sequential([
    layers.dense({ units: 512, activation: 'relu', inputShape: [784] }),
    layers.dense({ units: 10, activation: 'softmax' }),
  ]));
}

export function batchTensors(batch, imageShape, seed) {
  const { x, y } = fakeBatch(batch, seed);
  return {
    x: cn.keep(cn.tensor(x, [batch, ...imageShape])),
    y: cn.keep(cn.tensor(y, [batch, 10])),
  };
}
