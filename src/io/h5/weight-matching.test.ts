import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ValueError } from '../../errors.js';
import { setLogSink } from '../../log.js';
import type { KerasH5Layer } from './keras-h5-content.js';
import { matchWeights, type LayerWeightSpec } from './weight-matching.js';

function saved(name: string, ...shapes: number[][]): KerasH5Layer {
  return { name, weights: shapes.map((shape, i) => ({
    name: `${name}/w${i}:0`, shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) })) };
}

function spec(name: string, ...shapes: number[][]): LayerWeightSpec {
  return { name, weights: shapes.map((shape, i) => ({ name: `${name}/w${i}:0`, shape })) };
}

const model = [spec('conv2d', [3, 3, 1, 4], [4]), spec('flatten'), spec('dense', [36, 3], [3])];

describe('matchWeights by order', () => {
  it('pairs layers with weights in order, whatever their names', () => {
    const file = [saved('conv2d_7', [3, 3, 1, 4], [4]), saved('pool'), saved('dense_9', [36, 3], [3])];
    const pairs = matchWeights(model, file);
    assert.deepEqual(pairs.map((p) => [p.layerIndex, p.weights[0]!.name]),
      [[0, 'conv2d_7/w0:0'], [2, 'dense_9/w0:0']]);
  });

  it('reports a layer count mismatch in Keras words', () => {
    assert.throws(() => matchWeights(model, [saved('conv2d', [3, 3, 1, 4], [4])]),
      (e: Error) => e instanceof ValueError && e.message.startsWith(
        'Layer count mismatch when loading weights from file. Model expected 2 layers, found 1 saved layers.'));
  });

  it('reports weight count and shape mismatches naming both layers', () => {
    const fewer = [saved('c', [3, 3, 1, 4]), saved('d', [36, 3], [3])];
    assert.throws(() => matchWeights(model, fewer), (e: Error) => e.message.startsWith(
      'Weight count mismatch for layer #0 (named conv2d in the current model, c in the save file). ' +
      'Layer expects 2 weight(s). Received 1 saved weight(s).'));
    const wrong = [saved('c', [3, 3, 1, 4], [4]), saved('d', [36, 5], [5])];
    assert.throws(() => matchWeights(model, wrong), (e: Error) =>
      e.message.includes('layer #1 (named dense') && e.message.includes('[36, 3]') &&
      e.message.includes('[36, 5]'));
  });
});

describe('matchWeights by name', () => {
  it('ignores saved layers the model does not have, and order', () => {
    const file = [saved('dense', [36, 3], [3]), saved('extra', [2]), saved('conv2d', [3, 3, 1, 4], [4])];
    const pairs = matchWeights(model, file, { byName: true });
    assert.deepEqual(pairs.map((p) => p.layerIndex), [0, 2]);
  });

  it('skips mismatched layers with a warning when asked, else throws', () => {
    const file = [saved('conv2d', [3, 3, 1, 8], [8]), saved('dense', [36, 3], [3])];
    assert.throws(() => matchWeights(model, file, { byName: true }), /skipMismatch/);

    const warnings: string[] = [];
    const previous = setLogSink((_level, message) => warnings.push(message));
    try {
      const pairs = matchWeights(model, file, { byName: true, skipMismatch: true });
      assert.deepEqual(pairs.map((p) => p.layerIndex), [2]);
    } finally {
      setLogSink(previous);
    }
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /named conv2d.*Skipping/);
  });
});
