import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as layers from '../layers/index.js';
import { RMSprop, schedules } from '../optimizers/index.js';
import { sequential } from './sequential.js';

describe('model.optimizer', () => {
  it('is null before compile, as in Keras, and the compiled optimizer after', () => {
    const m = sequential([layers.dense({ units: 2, inputShape: [3] })]);
    assert.equal(m.optimizer, null);
    const opt = new RMSprop({ learningRate: new schedules.ExponentialDecay({
      initialLearningRate: 0.01, decaySteps: 10, decayRate: 0.5 }) });
    m.compile({ optimizer: opt, loss: 'mse' });
    assert.equal(m.optimizer, opt);
    assert.equal(m.learningRateSchedule, 'ExponentialDecay');
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    assert.equal(m.learningRateSchedule, null);
  });
});
