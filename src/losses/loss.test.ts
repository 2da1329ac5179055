import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveMetric } from '../metrics/resolve.js';
import { softmax } from '../ops/index.js';
import { rememberLogits } from '../activations/logits.js';
import { tensor } from '../tensor/tensor.js';
import { getLoss } from './loss.js';

const probs = (): ReturnType<typeof tensor> => tensor([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.2, 0.6, 0.2]]);
const expected = -(Math.log(0.7) + Math.log(0.1) + Math.log(0.6)) / 3;

describe('sparse categorical crossentropy (BR-06)', () => {
  for (const [label, y] of [['[n, 1]', tensor([[0], [1], [1]])], ['[n]', tensor([0, 1, 1])],
    ['float [n]', tensor([0.0, 1.0, 1.0])]] as const) {
    it(`gives 1.056695 and accuracy 2/3 for labels ${label}`, () => {
      const loss = getLoss('sparse_categorical_crossentropy').compute(y, probs()).item();
      assert.ok(Math.abs(loss - 1.056695) < 1e-6 && Math.abs(loss - expected) < 1e-6, String(loss));
      const acc = resolveMetric('accuracy');
      acc.updateState(y, probs());
      assert.ok(Math.abs(acc.result() - 2 / 3) < 1e-9);
    });
  }

  it('accepts the camelCase name too', () => {
    const loss = getLoss('sparseCategoricalCrossentropy').compute(tensor([0, 1, 1]), probs()).item();
    assert.ok(Math.abs(loss - expected) < 1e-6);
  });

  it('names a label outside the classes', () => {
    assert.throws(() => getLoss('sparse_categorical_crossentropy').compute(tensor([0, 3, 1]), probs()),
      /label 3 \(sample 1\) is not a class index in \[0, 2\] for 3 classes/);
  });

  it('explains one-hot labels given to the sparse loss', () => {
    const oneHot = tensor([[1, 0, 0], [0, 1, 0], [0, 1, 0]]);
    assert.throws(() => getLoss('sparse_categorical_crossentropy').compute(oneHot, probs()),
      /look one-hot encoded; use 'categorical_crossentropy'/);
  });

  it('explains class-index labels given to the categorical loss', () => {
    assert.throws(() => getLoss('categorical_crossentropy').compute(tensor([0, 1, 1]), probs()),
      /look like class indices; use 'sparse_categorical_crossentropy'/);
  });
});

describe('other losses', () => {
  it('categorical crossentropy from probabilities matches -mean(log p_true)', () => {
    const y = tensor([[1, 0, 0], [0, 1, 0], [0, 1, 0]]);
    const loss = getLoss('categorical_crossentropy').compute(y, probs()).item();
    assert.ok(Math.abs(loss - expected) < 1e-6);
  });

  it('uses the logits of a softmax output, staying finite where probabilities underflow', () => {
    const z = tensor([[100, 0, -100]]);
    const p = rememberLogits(softmax(z), z, 'softmax');
    const loss = getLoss('categorical_crossentropy').compute(tensor([[0, 0, 1]]), p).item();
    assert.ok(Math.abs(loss - 200) < 1e-3, String(loss));
  });

  it('binary crossentropy clips like Keras', () => {
    const y = tensor([[1], [0]]), p = tensor([[0.9], [0.2]]);
    const v = getLoss('binary_crossentropy').compute(y, p).item();
    const want = -(Math.log(0.9 + 1e-7) + Math.log(0.8 + 1e-7)) / 2;
    assert.ok(Math.abs(v - want) < 1e-6);
  });

  it('weights samples and divides by the batch size', () => {
    const y = tensor([[1], [0]]), p = tensor([[0.5], [1.5]]);
    const v = getLoss('mse').compute(y, p, tensor([2, 0])).item();
    assert.ok(Math.abs(v - 0.25) < 1e-7);
  });

  it('lists the known names for an unknown loss', () => {
    assert.throws(() => getLoss('crossentropy_of_doom'), /unknown loss 'crossentropy_of_doom'; known: categorical_crossentropy, sparse_categorical_crossentropy/);
  });
});
