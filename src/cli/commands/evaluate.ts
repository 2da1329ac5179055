/**
 * `convnet evaluate MODEL [--data mnist] [--limit N]`: loss and accuracy of a saved model on
 * the MNIST test set, shaped as the model's input wants ([n, 28, 28, 1] or [n, 784]) with
 * labels as its loss wants (sparse for sparse_categorical_crossentropy, else one-hot).
 *
 * @example
 * convnet evaluate mnist.h5 --limit 1000
 */
import { loadRaw } from '../../datasets/mnist.js';
import { ValueError } from '../../errors.js';
import { loadModel } from '../../io/h5/model-files.js';
import { log } from '../../log.js';
import type { Model } from '../../models/model.js';
import { Tensor } from '../../tensor/tensor.js';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { mnistInput } from './model-input.js';
import { wholeNumberOption } from './whole-number-option.js';

const usage = `Usage: convnet evaluate MODEL [--data mnist] [--limit N] [--batch-size B]

Evaluates a saved model on the 10,000 MNIST test digits and prints its loss and accuracy, so
the model must read 28x28 grey digits. (A model from 'convnet train DIR' is scored on its
validation images at the end of training.) Images go in as the model's input expects
([n, 28, 28, 1] or [n, 784]), pixels scaled to [0, 1]; labels are sparse or one-hot as the model's compiled loss expects. A model saved
without compile settings is evaluated with sparse categorical crossentropy.

Options:
  --data mnist     the data set (only mnist for now)
  --limit N        use the first N test digits (default: all 10000)
  --batch-size B   samples per batch (default 32)`;

const MNIST_TEST_SIZE = 10000;

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'loss and accuracy of a saved .h5 model on the MNIST test set',
  usage,
  async run(args) {
    const { positional, options } = parseArgs(args, {
      data: { type: 'string', default: 'mnist' }, limit: { type: 'string' },
      'batch-size': { type: 'string' },
    }, 'evaluate');
    if (positional.length !== 1) {
      throw new ValueError(`convnet evaluate: expected one MODEL file, got ` +
        `${positional.length} arguments. Try: convnet evaluate mnist.h5 --limit 1000`);
    }
    if (options.data !== 'mnist') {
      throw new ValueError(`convnet evaluate: unknown --data '${String(options.data)}' (supported: mnist)`);
    }
    const limit = wholeNumberOption(options.limit, 'limit', MNIST_TEST_SIZE,
      { min: 1, max: MNIST_TEST_SIZE });
    const batchSize = wholeNumberOption(options['batch-size'], 'batch-size', 32, { min: 1 });

    const loaded = await loadModel(positional[0]!);
    const { shape } = mnistInput(loaded);
    const model = withAccuracy(loaded);
    const sparse = model.compiled!.loss.name === 'sparse_categorical_crossentropy';
    const { x, y } = mnistTestSet(limit, shape, sparse);
    const logs = await model.evaluate(x, y, { batchSize, returnDict: true, verbose: 0 });

    process.stdout.write(`Evaluated ${limit} MNIST test digits\n`);
    for (const [name, value] of Object.entries(logs)) {
      process.stdout.write(`${name}: ${value.toFixed(4)}\n`);
    }
    return 0;
  },
};

// evaluate needs a loss, and this command promises accuracy.
function withAccuracy(model: Model): Model {
  const compiled = model.compiled;
  if (compiled === null) {
    log.info(`${model.name}: saved without compile settings; evaluating with ` +
      `sparse_categorical_crossentropy`);
    model.compile({ optimizer: 'rmsprop', loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'] });
  } else if (!compiled.metrics.some((m) => m.name === 'accuracy' || m.name === 'acc')) {
    model.compile({ optimizer: compiled.optimizer, loss: compiled.lossId,
      metrics: [...compiled.metricIds, 'accuracy'] });
  }
  return model;
}

/**
 * The first `count` MNIST test digits shaped [count, ...sampleShape] in [0, 1], and their
 * labels, sparse [count] or one-hot [count, 10].
 *
 * @example
 * const { x, y } = mnistTestSet(100, [784], true);
 */
export function mnistTestSet(count: number, sampleShape: number[], sparse: boolean):
  { x: Tensor; y: Tensor } {
  const { test } = loadRaw();
  const images = test.images.subarray(0, count * test.rows * test.cols);
  const labels = test.labels.subarray(0, count);
  const x = new Tensor([count, ...sampleShape]);
  if (x.size !== images.length) {
    throw new ValueError(`MNIST digits are 28x28, the model wants [${sampleShape.join(', ')}]`);
  }
  for (let i = 0; i < images.length; i++) x.f32[i] = images[i]! / 255;

  const y = new Tensor(sparse ? [count] : [count, 10]);
  y.f32.fill(0);
  labels.forEach((label, i) => { y.f32[sparse ? i : i * 10 + label] = sparse ? label : 1; });
  return { x, y };
}
