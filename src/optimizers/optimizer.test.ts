import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keep, tensor } from '../tensor/tensor.js';
import { Adadelta, Adagrad, Adam, Adamax, Nadam, Optimizer, RMSprop, SGD, getOptimizer } from './index.js';

/** Runs three steps with fixed gradients on w = [0.5, -1.5] and returns the weights. */
function run(opt: Optimizer): number[] {
  const w = keep(tensor([0.5, -1.5]));
  const grads = [[0.1, -0.2], [0.3, 0.05], [-0.4, 0.6]];
  for (const g of grads) opt.applyGradients([{ variable: { name: 'w:0', value: w }, grad: tensor(g) }]);
  return Array.from(w.f32);
}

const GRADS = [[0.1, -0.2], [0.3, 0.05], [-0.4, 0.6]];

/** The same three steps, in float64, from the Keras formulas written out per coordinate. */
function reference(step: (w: number, g: number, s: number[], t: number) => number, slots: number): number[] {
  return [0.5, -1.5].map((w0, i) => {
    let w = w0;
    const s = new Array<number>(slots).fill(0);
    GRADS.forEach((g, t) => { w = step(w, g[i]!, s, t + 1); });
    return w;
  });
}

function close(actual: number[], expected: number[], tol = 1e-6): void {
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]!) < tol, `${actual} vs ${expected}`));
}

describe('optimizers follow the Keras formulas', () => {
  it('SGD', () => close(run(new SGD({ learningRate: 0.1 })), reference((w, g) => w - 0.1 * g, 0)));

  it('SGD with Nesterov momentum', () => {
    close(run(new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true })), reference((w, g, s) => {
      s[0] = 0.9 * s[0]! - 0.1 * g;
      return w + 0.9 * s[0] - 0.1 * g;
    }, 1));
  });

  it('RMSprop', () => {
    close(run(new RMSprop({ learningRate: 0.01 })), reference((w, g, s) => {
      s[0] = 0.9 * s[0]! + 0.1 * g * g;
      return w - 0.01 * g / (Math.sqrt(s[0]) + 1e-7);
    }, 1));
  });

  it('Adam', () => {
    close(run(new Adam({ learningRate: 0.01 })), reference((w, g, s, t) => {
      s[0] = 0.9 * s[0]! + 0.1 * g;
      s[1] = 0.999 * s[1]! + 0.001 * g * g;
      const alpha = 0.01 * Math.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t);
      return w - alpha * s[0] / (Math.sqrt(s[1]) + 1e-7);
    }, 2));
  });

  it('Adagrad', () => {
    close(run(new Adagrad({ learningRate: 0.1 })), reference((w, g, s) => {
      s[0] = (s[0] === 0 ? 0.1 : s[0]!) + g * g;
      return w - 0.1 * g / Math.sqrt(s[0] + 1e-7);
    }, 1));
  });

  it('Adadelta', () => {
    close(run(new Adadelta({ learningRate: 1 })), reference((w, g, s) => {
      s[0] = 0.95 * s[0]! + 0.05 * g * g;
      const delta = -g * Math.sqrt(s[1]! + 1e-7) / Math.sqrt(s[0] + 1e-7);
      s[1] = 0.95 * s[1]! + 0.05 * delta * delta;
      return w + delta;
    }, 2));
  });

  it('Adamax', () => {
    close(run(new Adamax({ learningRate: 0.01 })), reference((w, g, s, t) => {
      s[0] = 0.9 * s[0]! + 0.1 * g;
      s[1] = Math.max(0.999 * s[1]!, Math.abs(g));
      return w - 0.01 / (1 - 0.9 ** t) * s[0] / (s[1] + 1e-7);
    }, 2));
  });

  it('Nadam', () => {
    let product = 1;
    const u = (k: number): number => 0.9 * (1 - 0.5 * 0.96 ** (0.004 * k));
    const products: number[] = [];
    for (let t = 1; t <= 3; t++) { product *= u(t); products.push(product); }
    close(run(new Nadam({ learningRate: 0.01 })), reference((w, g, s, t) => {
      s[0] = 0.9 * s[0]! + 0.1 * g;
      s[1] = 0.999 * s[1]! + 0.001 * g * g;
      const pt = products[t - 1]!, pt1 = pt * u(t + 1);
      const mHat = u(t + 1) * s[0] / (1 - pt1) + (1 - u(t)) * g / (1 - pt);
      return w - 0.01 * mHat / (Math.sqrt(s[1] / (1 - 0.999 ** t)) + 1e-7);
    }, 2));
  });

  it('saves and restores its state (iteration and slots) with Keras names', () => {
    const a = new Adam();
    run(a);
    assert.deepEqual(a.weightNames(), ['iteration:0', 'Adam/m/w:0', 'Adam/v/w:0']);
    const b = new Adam();
    const w = keep(tensor([0.5, -1.5]));
    b.build([{ name: 'w:0', value: w }]);
    b.setWeights(a.getWeights());
    assert.equal(b.iterations, 3);
    assert.deepEqual(Array.from(b.getWeights()[1]!.f32), Array.from(a.getWeights()[1]!.f32));
    assert.deepEqual(a.getConfig().config, { name: 'Adam', learning_rate: 0.001, is_legacy_optimizer: false,
      beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false });
  });

  it('resolves names and lists the known ones otherwise', () => {
    assert.ok(getOptimizer('rmsprop') instanceof RMSprop);
    assert.equal(getOptimizer({ class_name: 'Custom>Adam', config: { lr: 0.5 } }).learningRate, 0.5);
    assert.throws(() => getOptimizer('adamw2'), /unknown optimizer 'adamw2'; known: sgd, rmsprop, adam/);
  });
});

describe('optimizer options', () => {
  it('are refused when misspelt, in snake_case or under an older Keras name', () => {
    assert.throws(() => new RMSprop({ lr: 1e-4 } as never),
      /RMSprop: unknown option 'lr' \(Keras' older name; write 'learningRate'\); known options: learningRate, rho, momentum, epsilon, centered/);
    assert.throws(() => new RMSprop({ learning_rate: 1e-4 } as never),
      /RMSprop: unknown option 'learning_rate' \(write it in camelCase: 'learningRate'\)/);
    assert.throws(() => new SGD({ learningRate: 0.1, nestrov: true } as never),
      /SGD: unknown option 'nestrov'; known options: learningRate, momentum, nesterov/);
    assert.throws(() => new Adam({ beta_1: 0.8 } as never), /write it in camelCase: 'beta1'/);
  });

  it('say when the learning rate is not a number', () => {
    assert.throws(() => new Adam({ learningRate: '0.01' as never }),
      /learningRate must be a finite number >= 0 or a schedule, got the string '0.01'/);
    assert.throws(() => new SGD({ learningRate: -1 }), /got -1/);
  });
});

describe('optimizers from saved configs', () => {
  it('name a value that is not a number instead of falling back to the default', () => {
    assert.throws(() => getOptimizer({ class_name: 'Adam', config: { learning_rate: 'NaN' } }),
      /saved optimizer config: learning_rate should be a number, found "NaN"/);
    assert.equal(getOptimizer({ class_name: 'Adam', config: { learning_rate: 0.01, beta_1: null } })
      .learningRate, 0.01);
  });
});
