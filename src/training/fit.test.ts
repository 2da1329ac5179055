import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { Callback, type Logs } from '../callbacks/callback.js';
import type { BatchSequence } from '../data/sequence.js';
import * as layers from '../layers/index.js';
import { resetNames } from '../layers/index.js';
import { Layer } from '../layers/layer.js';
import { sequential } from '../models/sequential.js';
import { setSeed } from '../tensor/random.js';
import { Tensor, tensor } from '../tensor/tensor.js';
import { splitIndex } from './data.js';

/** Passes its input through and records which sample values it saw, in training or not. */
class Recorder extends Layer {
  static override readonly className = 'Recorder';
  seen: { training: boolean; values: number[] }[] = [];

  call(inputs: Tensor | Tensor[], ctx: { training: boolean }): Tensor {
    const x = inputs as Tensor;
    this.seen.push({ training: ctx.training, values: Array.from(x.f32) });
    return x;
  }
}

function column(values: number[]): Tensor {
  return tensor(values, [values.length, 1]);
}

class Stream {
  text = '';
  isTTY = false;
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

describe('fit: validationSplit (BR-01)', () => {
  beforeEach(() => {
    resetNames();
    setSeed(1);
  });

  it('splits at floor(n * (1 - split))', () => {
    assert.equal(splitIndex(10, 0.2), 8);
    assert.equal(splitIndex(10, 0.3), 7);
    assert.equal(splitIndex(7, 0.25), 5);
    assert.equal(splitIndex(3, 0.1), 2);
  });

  it('refuses a split that leaves one side empty', () => {
    assert.throws(() => splitIndex(1, 0.5), /contains 1 samples, which is not sufficient to split/);
    assert.throws(() => splitIndex(3, 1e-17), /not sufficient/);
  });

  it('validates on the last samples in order and trains only on the rest, shuffled', async () => {
    const recorder = new Recorder({ inputShape: [1] });
    const m = sequential([recorder, layers.dense({ units: 1 })]);
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    const x = column([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await m.fit(x, x, { epochs: 3, batchSize: 4, validationSplit: 0.2, shuffle: true, verbose: 0 });

    const validation = recorder.seen.filter((s) => !s.training).map((s) => s.values);
    assert.deepEqual(validation, [[8, 9], [8, 9], [8, 9]]);
    const trainEpochs = recorder.seen.filter((s) => s.training).map((s) => s.values);
    assert.equal(trainEpochs.length, 6);
    for (let e = 0; e < 3; e++) {
      const seen = [...trainEpochs[2 * e]!, ...trainEpochs[2 * e + 1]!].sort((a, b) => a - b);
      assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7]);
    }
    const orders = [0, 2, 4].map((i) => trainEpochs[i]!.join());
    assert.ok(new Set(orders).size > 1, 'shuffle changes the order between epochs');
  });
});

describe('fit: loop, callbacks and output', () => {
  beforeEach(() => {
    resetNames();
    setSeed(2);
  });

  it('stops after the current batch when a callback sets stopTraining, and still ends (BR-09)', async () => {
    const m = sequential([layers.dense({ units: 1, inputShape: [1] })]);
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    const events: string[] = [];
    class StopAtThree extends Callback {
      override onTrainBatchEnd(batch: number): void {
        events.push(`batch ${batch}`);
        if (batch === 3) this.model!.stopTraining = true;
      }
      override onEpochEnd(epoch: number, logs: Logs): void {
        events.push(`epoch ${epoch} ${'val_loss' in logs}`);
      }
      override onTrainEnd(): void {
        events.push('end');
      }
    }
    const x = column(Array.from({ length: 12 }, (_, i) => i / 10));
    const h = await m.fit(x, x, { epochs: 3, batchSize: 1, verbose: 0, validationData: [x, x],
      callbacks: [new StopAtThree()] });
    assert.deepEqual(events, ['batch 0', 'batch 1', 'batch 2', 'batch 3', 'epoch 0 true', 'end']);
    assert.equal(m.stopTraining, true);
    assert.equal(h.history.loss!.length, 1);
  });

  it('trains from a BatchSequence', async () => {
    const m = sequential([layers.dense({ units: 1, inputShape: [2] })]);
    m.compile({ optimizer: new (await import('../optimizers/sgd.js')).SGD({ learningRate: 0.1 }), loss: 'mse' });
    const xs = tensor([[1, 0], [0, 1], [1, 1], [0, 0]]);
    const ys = tensor([[1], [2], [3], [0]]);
    let epochsEnded = 0;
    const seq: BatchSequence = {
      length: 2,
      batch: async (i) => ({ x: tensor(Array.from(xs.f32.subarray(i * 4, i * 4 + 4)), [2, 2]),
        y: tensor(Array.from(ys.f32.subarray(i * 2, i * 2 + 2)), [2, 1]) }),
      onEpochEnd: () => { epochsEnded++; },
    };
    const h = await m.fit(seq, undefined, { epochs: 40, verbose: 0 });
    assert.equal(epochsEnded, 40);
    assert.ok(h.history.loss![39]! < h.history.loss![0]! / 10, JSON.stringify(h.history.loss));
  });

  it('prints Keras progress lines with verbose 1 and 2', async () => {
    const m = sequential([layers.dense({ units: 2, activation: 'softmax', inputShape: [3] })]);
    m.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
    const x = tensor(Array.from({ length: 30 }, (_, i) => Math.sin(i)), [10, 3]);
    const y = tensor([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    const one = new Stream();
    await m.fit(x, y, { epochs: 2, batchSize: 4, verbose: 1, stream: one, validationSplit: 0.2 });
    assert.match(one.text, /^Epoch 1\/2\n2\/2 \[==============================\] - \d+s \d+(ms|us|s)\/step - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}\nEpoch 2\/2\n/);
    const two = new Stream();
    await m.fit(x, y, { epochs: 1, batchSize: 4, verbose: 2, stream: two });
    assert.match(two.text, /^3\/3 - \d+s - loss: \d\.\d{4} - accuracy: \d\.\d{4} - \d+m?s\/epoch - \d+(ms|us|s)\/step\n$/);
  });

  it('redraws the bar in place on a terminal', async () => {
    const m = sequential([layers.dense({ units: 1, inputShape: [1] })]);
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    const tty = new Stream();
    tty.isTTY = true;
    const x = column([1, 2, 3, 4]);
    await m.fit(x, x, { epochs: 1, batchSize: 1, stream: tty });
    assert.match(tty.text, /\r1\/4 \[={6}>\.{23}\] - ETA: \d+s - loss: /);
    assert.match(tty.text, /\r4\/4 \[={30}\] - \d+s \d+(ms|us|s)\/step - loss: \d+\.\d{4}\s*\n$/);
  });

  it('names the layer and both shapes when the input does not fit', async () => {
    const m = sequential([layers.dense({ units: 4, inputShape: [784] })]);
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    const x = new Tensor([2, 28, 28]);
    await assert.rejects(m.predict(x), /layer 'dense'.*expected shape \(None, 784\), received input with shape \(2, 28, 28\)/);
  });
});
