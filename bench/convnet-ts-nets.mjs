// The benchmark networks, built with the Keras-style model API as users build them: the
// lecture ConvNet and MLP, compiled with RMSprop and categorical cross-entropy.
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

/** Conv2D 32 -> MaxPool -> Conv2D 64 -> MaxPool -> Conv2D 64 -> Flatten -> Dense 64 -> 10. */
export function convnet() {
  const model = cn.sequential([
    layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
    layers.flatten(),
    layers.dense({ units: 64, activation: 'relu' }),
    layers.dense({ units: 10, activation: 'softmax' }),
  ]);
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
