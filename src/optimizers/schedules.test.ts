import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LambdaCallback } from '../callbacks/lambda-callback.js';
import { ReduceLROnPlateau } from '../callbacks/reduce-lr-on-plateau.js';
import { loadModelFromBuffer, saveModelToBuffer } from '../io/h5/model-io.js';
import * as layers from '../layers/index.js';
import { sequential } from '../models/sequential.js';
import { keep, tensor } from '../tensor/tensor.js';
import { RMSprop, SGD, getOptimizer } from './index.js';
import {
  CosineDecay, CosineDecayRestarts, ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay,
  PolynomialDecay, scheduleFromConfig,
} from './schedules.js';

function near(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)),
    `${what}: ${actual}, expected ${expected}`);
}

describe('learning-rate schedules give the documented values', () => {
  it('ExponentialDecay, smooth and in steps', () => {
    const smooth = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5 });
    near(smooth.call(0), 0.1, 'step 0');
    near(smooth.call(50), 0.1 / Math.SQRT2, 'step 50');
    near(smooth.call(200), 0.025, 'step 200');
    const stairs = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5,
      staircase: true });
    near(stairs.call(99), 0.1, 'step 99');
    near(stairs.call(100), 0.05, 'step 100');
  });

  it('InverseTimeDecay', () => {
    const s = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 1 });
    near(s.call(10), 0.05, 'step 10');
    near(s.call(5), 0.1 / 1.5, 'step 5');
    const stairs = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 1,
      staircase: true });
    near(stairs.call(19), 0.05, 'step 19 in steps');
  });

  it('PiecewiseConstantDecay changes after each boundary, not at it', () => {
    const s = new PiecewiseConstantDecay({ boundaries: [100, 200], values: [1e-3, 5e-4, 1e-4] });
    assert.deepEqual([0, 100, 101, 200, 201, 1e6].map((t) => s.call(t)),
      [1e-3, 1e-3, 5e-4, 5e-4, 1e-4, 1e-4]);
  });

  it('PolynomialDecay, straight, squared and cycling', () => {
    const line = new PolynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0 });
    near(line.call(5), 0.5, 'half way');
    near(line.call(30), 0, 'past the end');
    const square = new PolynomialDecay({ initialLearningRate: 1, decaySteps: 10, power: 2 });
    near(square.call(5), (1 - 1e-4) * 0.25 + 1e-4, 'squared, default end');
    const cycle = new PolynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0,
      cycle: true });
    near(cycle.call(0), 1, 'cycle start');
    near(cycle.call(15), 0.25, 'second period of 20 steps');
  });

  it('CosineDecay, with floor and with warm-up', () => {
    const s = new CosineDecay({ initialLearningRate: 1e-3, decaySteps: 1000 });
    near(s.call(0), 1e-3, 'start');
    near(s.call(500), 5e-4, 'half way');
    near(s.call(250), 1e-3 * (1 + Math.SQRT1_2) / 2, 'a quarter');
    near(s.call(5000), 0, 'after the end');
    const floor = new CosineDecay({ initialLearningRate: 1, decaySteps: 10, alpha: 0.1 });
    near(floor.call(10), 0.1, 'floor');
    near(floor.call(5), 0.55, 'half way to the floor');
    const warm = new CosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 1,
      warmupSteps: 4 });
    near(warm.call(1), 0.25, 'warming up');
    near(warm.call(4), 1, 'top');
    near(warm.call(9), 0.5, 'half way down after warm-up');
    const noTarget = new CosineDecay({ initialLearningRate: 1, decaySteps: 10, warmupSteps: 4 });
    near(noTarget.call(5), 0.5, 'warmupSteps without warmupTarget is ignored');
  });

  it('CosineDecayRestarts starts over in longer, lower periods', () => {
    const s = new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10, mMul: 0.5 });
    near(s.call(5), 0.5, 'half of the first period');
    near(s.call(10), 0.5, 'second period starts at half');
    near(s.call(20), 0.25, 'half of the second (20 steps)');
    near(s.call(30), 0.25, 'third period starts at a quarter');
    const same = new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10, tMul: 1 });
    near(same.call(25), 0.5, 'equal periods');
  });

  it('refuses settings that make no schedule, naming them', () => {
    assert.throws(() => new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.5 }),
      /ExponentialDecay: decaySteps must be a number above 0, got 0/);
    assert.throws(() => new PiecewiseConstantDecay({ boundaries: [10, 5], values: [1, 2, 3] }),
      /boundaries must increase, got 10 then 5 at index 1/);
    assert.throws(() => new PiecewiseConstantDecay({ boundaries: [10], values: [1] }),
      /one more entry than boundaries, got 1 values for 1 boundaries/);
    assert.throws(() => new CosineDecay({ initialLearningRate: 1e-3, decay_steps: 100 } as never),
      /CosineDecay: unknown option 'decay_steps' \(write it in camelCase: 'decaySteps'\); known options: initialLearningRate, decaySteps, alpha, warmupTarget, warmupSteps/);
    assert.throws(() => new ExponentialDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: 0.5,
      stairCase: true } as never), /ExponentialDecay: unknown option 'stairCase'/);
    assert.throws(() => new CosineDecay({ initialLearningRate: -1e-3, decaySteps: 100 }),
      /CosineDecay: initialLearningRate must be 0 or more, got -0.001/);
    assert.throws(() => scheduleFromConfig({ class_name: 'os.system', config: {} }),
      /unknown learning-rate schedule 'os.system'; known: ExponentialDecay/);
  });
});

describe('optimizers with a schedule', () => {
  it('use the rate for the number of steps already taken', () => {
    const sgd = new SGD({ learningRate: new PiecewiseConstantDecay({ boundaries: [0, 1],
      values: [1, 0.5, 0.25] }) });
    const w = keep(tensor([0]));
    const rates: number[] = [];
    for (let i = 0; i < 3; i++) {
      rates.push(sgd.learningRate);
      sgd.applyGradients([{ variable: { name: 'w:0', value: w }, grad: tensor([1]) }]);
    }
    assert.deepEqual(rates, [1, 0.5, 0.25]);
    assert.deepEqual(Array.from(w.f32), [-1.75]);
  });

  it('cannot have the rate set, and ReduceLROnPlateau says so before training', async () => {
    const opt = new RMSprop({ learningRate: new CosineDecay({ initialLearningRate: 1e-3, decaySteps: 10 }) });
    assert.throws(() => { opt.learningRate = 0.1; },
      /RMSprop: the learning rate follows a CosineDecay schedule and cannot be set/);
    const model = sequential([layers.dense({ units: 1, inputShape: [1] })]);
    model.compile({ optimizer: opt, loss: 'mse' });
    const x = tensor([[1], [2]]), y = tensor([[1], [2]]);
    let batches = 0;
    const counter = new LambdaCallback({ onBatchEnd: () => { batches++; } });
    await assert.rejects(model.fit(x, y, { epochs: 2, verbose: 0,
      callbacks: [new ReduceLROnPlateau(), counter] }),
      /ReduceLROnPlateau cannot change the learning rate: the optimizer follows a schedule \(CosineDecay\)/);
    assert.equal(batches, 0);
  });

  it('saves the schedule in the config and reads Keras 2 and Keras 3 spellings back', () => {
    const schedule = new ExponentialDecay({ initialLearningRate: 0.01, decaySteps: 1000, decayRate: 0.9 });
    const config = new RMSprop({ learningRate: schedule }).getConfig();
    assert.deepEqual(config.config.learning_rate, { class_name: 'ExponentialDecay', config: {
      initial_learning_rate: 0.01, decay_steps: 1000, decay_rate: 0.9, staircase: false, name: null } });
    const keras3 = { module: 'keras.optimizers.schedules', class_name: 'ExponentialDecay',
      config: { initial_learning_rate: 0.01, decay_steps: 1000, decay_rate: 0.9, staircase: false,
        name: 'ExponentialDecay' }, registered_name: null };
    for (const saved of [config, { class_name: 'RMSprop', config: { learning_rate: keras3 } }]) {
      const back = getOptimizer(saved);
      assert.equal(back.schedule?.className, 'ExponentialDecay');
      back.iterations = 2000;
      near(back.learningRate, 0.01 * 0.81, 'after 2000 steps');
    }
  });

  it('come back from a saved model with their schedule and step count', async () => {
    const model = sequential([layers.dense({ units: 2, inputShape: [3] })]);
    model.compile({ optimizer: new SGD({ learningRate: new CosineDecay({ initialLearningRate: 0.1,
      decaySteps: 8, alpha: 0.2 }) }), loss: 'mse' });
    await model.fit(tensor([[1, 2, 3], [4, 5, 6]]), tensor([[1, 0], [0, 1]]),
      { epochs: 4, batchSize: 1, verbose: 0 });
    const back = await loadModelFromBuffer(await saveModelToBuffer(model));
    const opt = back.compiled!.optimizer;
    assert.equal(opt.iterations, 8);
    assert.equal(opt.schedule?.className, 'CosineDecay');
    near(opt.learningRate, 0.02, 'at the floor after 8 steps');
  });
});
