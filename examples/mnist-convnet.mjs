// The lecture's MNIST ConvNet, line by line as in Keras. Run after `npm ci`:
//   node examples/mnist-convnet.mjs
import { datasets, layers, sequential, utils, reshape, argMax } from 'convnet-ts';

const [[trainImages, trainLabels], [testImages, testLabels]] = datasets.mnist.loadData();

// [n, 28, 28] values 0..255 -> [n, 28, 28, 1] values 0..1; labels -> one-hot [n, 10]
const x = utils.rescale(reshape(trainImages, [60000, 28, 28, 1]), 1 / 255);
const y = utils.toCategorical(trainLabels, 10);
const xTest = utils.rescale(reshape(testImages, [10000, 28, 28, 1]), 1 / 255);
const yTest = utils.toCategorical(testLabels, 10);

const model = sequential([
  layers.conv2d({ filters: 32, kernelSize: [3, 3], activation: 'relu', inputShape: [28, 28, 1] }),
  layers.maxPooling2d({ poolSize: [2, 2] }),
  layers.conv2d({ filters: 64, kernelSize: [3, 3], activation: 'relu' }),
  layers.maxPooling2d({ poolSize: [2, 2] }),
  layers.conv2d({ filters: 64, kernelSize: [3, 3], activation: 'relu' }),
  layers.flatten(),
  layers.dense({ units: 64, activation: 'relu' }),
  layers.dense({ units: 10, activation: 'softmax' }),
]);
model.summary(console.log);

model.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
const history = await model.fit(x, y, { epochs: 5, batchSize: 64, validationSplit: 0.1 });
console.log(Object.keys(history.history)); // [ 'loss', 'accuracy', 'val_loss', 'val_accuracy' ]

const [testLoss, testAcc] = await model.evaluate(xTest, yTest);
console.log('test_acc:', testAcc, 'test_loss:', testLoss);

const probabilities = await model.predict(xTest);           // [10000, 10]
console.log('first predictions:', argMax(probabilities).data.slice(0, 5)); // e.g. 7 2 1 0 4
await model.save('my_model.h5');
