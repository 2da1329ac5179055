import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import * as layers from '../layers/index.js';
import { resetNames } from '../layers/index.js';
import { sequential } from '../models/sequential.js';
import { setSeed } from '../tensor/random.js';
import { tensor } from '../tensor/tensor.js';
import { Callback, type CallbackModel, type Logs } from './callback.js';

function tinyModel() {
  const m = sequential([layers.dense({ units: 1, inputShape: [2] })]);
  m.compile({ optimizer: 'sgd', loss: 'mse' });
  return m;
}

const x = tensor([[0, 1], [1, 0], [1, 1], [0.5, 0.5], [0.2, 0.1], [0.3, 0.9]]);
const y = tensor([[1], [2], [3], [1.5], [0.4], [2.1]]);

describe('Callback batch hooks', () => {
  beforeEach(() => {
    resetNames();
    setSeed(5);
  });

  it('calls onBatchBegin and onBatchEnd once per training batch, never for validation', async () => {
    const events: string[] = [];
    class Batches extends Callback {
      override onBatchBegin(batch: number): void {
        events.push(`begin ${batch}`);
      }
      override onBatchEnd(batch: number, logs: Logs = {}): void {
        events.push(`end ${batch} ${typeof logs.loss}`);
      }
    }
    // 6 samples in batches of 4: 2 training batches per epoch; validation has 3 batches of 2
    await tinyModel().fit(x, y, { epochs: 2, batchSize: 4, verbose: 0, shuffle: false,
      validationData: [x, y], validationBatchSize: 2, callbacks: [new Batches()] });
    const epoch = ['begin 0', 'end 0 number', 'begin 1', 'end 1 number'];
    assert.deepEqual(events, [...epoch, ...epoch]);
  });

  it('calls only onTrainBatchEnd when a callback overrides both names', async () => {
    const events: string[] = [];
    class Both extends Callback {
      override onBatchEnd(batch: number): void {
        events.push(`older ${batch}`);
      }
      override onTrainBatchEnd(batch: number): void {
        events.push(`newer ${batch}`);
      }
    }
    await tinyModel().fit(x, y, { epochs: 1, batchSize: 3, verbose: 0, callbacks: [new Both()] });
    assert.deepEqual(events, ['newer 0', 'newer 1']);
  });

  it('leaves onBatchEnd out of evaluate and predict', async () => {
    let calls = 0;
    class Count extends Callback {
      override onBatchEnd(): void {
        calls++;
      }
    }
    const m = tinyModel();
    await m.evaluate(x, y, { batchSize: 2, verbose: 0, callbacks: [new Count()] });
    await m.predict(x, { batchSize: 2, callbacks: [new Count()] });
    assert.equal(calls, 0);
  });
});

describe('Callback.checkModel', () => {
  it('runs for every callback, with the model, before any onTrainBegin', async () => {
    const events: string[] = [];
    const m = tinyModel();
    class Recorder extends Callback {
      constructor(private readonly label: string) {
        super();
      }
      override checkModel(model: CallbackModel): void {
        events.push(`${this.label} check ${model === m}`);
      }
      override onTrainBegin(): void {
        events.push(`${this.label} trainBegin`);
      }
    }
    await m.fit(x, y, { epochs: 0, verbose: 0, callbacks: [new Recorder('a'), new Recorder('b')] });
    assert.deepEqual(events, ['a check true', 'b check true', 'a trainBegin', 'b trainBegin']);
  });

  it('stops fit before any onTrainBegin when it throws', async () => {
    const events: string[] = [];
    class Begins extends Callback {
      override onTrainBegin(): void {
        events.push('trainBegin');
      }
    }
    class Refuses extends Callback {
      override async checkModel(): Promise<void> {
        await Promise.resolve();
        throw new Error('Refuses: not this model');
      }
    }
    await assert.rejects(tinyModel().fit(x, y, { verbose: 0, callbacks: [new Begins(), new Refuses()] }),
      /^Error: Refuses: not this model$/);
    assert.deepEqual(events, []);
  });
});
