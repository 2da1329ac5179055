import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKerasH5 } from './read-keras-h5.js';
import { writeKerasH5 } from './write-keras-h5.js';
import { h5pySkipReason, runH5pyScript } from './h5py-scripts.js';
import type { KerasH5Content } from './keras-h5-content.js';

const skip = h5pySkipReason();
const dir = mkdtempSync(join(tmpdir(), 'h5py-'));

interface Summary { shape: number[]; dtype: string; sum: number; first: number[]; values?: number[] }
interface Dump {
  layout: string;
  root_attrs: Record<string, unknown>;
  root_attr_kinds: Record<string, string>;
  weights_group_attrs: Record<string, unknown>;
  layer_names: string[];
  layer_names_kind: string;
  layers: Record<string, { weight_names: string[]; weight_names_kind: string; weights: Record<string, Summary> }>;
  groups: string[];
  optimizer?: { weight_names: string[]; weights: Record<string, Summary> };
}
interface Manifest {
  layout: string; kerasVersion: string; backend: string | null; layerNames: string[];
  layers: { name: string; weights: { name: string; shape: number[]; values: number[] }[] }[];
  optimizer: { name: string; shape: number[]; dtype: string; values: number[] }[];
}

function ramp(n: number, scale: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => (i - n / 2) * scale);
}

function smallCnn(): KerasH5Content {
  return {
    modelConfig: { class_name: 'Sequential', config: { name: 'sequential', layers: [] } },
    trainingConfig: { loss: 'categorical_crossentropy', metrics: [['accuracy']] },
    layers: [
      { name: 'conv2d', weights: [
        { name: 'conv2d/kernel:0', shape: [3, 3, 1, 4], data: ramp(36, 0.25) },
        { name: 'conv2d/bias:0', shape: [4], data: Float32Array.of(0.5, -0.5, 1, -1) }] },
      { name: 'batch_normalization', weights: ['gamma', 'beta', 'moving_mean', 'moving_variance']
        .map((w, i) => ({ name: `batch_normalization/${w}:0`, shape: [4], data: ramp(4, i + 1) })) },
      { name: 'max_pooling2d', weights: [] },
      { name: 'flatten', weights: [] },
      { name: 'dense', weights: [
        { name: 'dense/kernel:0', shape: [36, 3], data: ramp(108, 0.125) },
        { name: 'dense/bias:0', shape: [3], data: Float32Array.of(1, 2, 3) }] },
    ],
    optimizerWeights: [
      { name: 'iteration:0', shape: [], dtype: 'int64', data: BigInt64Array.of(42n) },
      { name: 'Adam/m/conv2d/kernel:0', shape: [3, 3, 1, 4], dtype: 'float32', data: ramp(36, 1) },
    ],
  };
}

describe('Keras .h5 files checked with h5py', { skip }, () => {
  it('h5py reads the attributes, layer order and kernel values we write', async () => {
    const path = join(dir, 'ours.h5');
    const content = smallCnn();
    await writeKerasH5(path, content);
    const dump = runH5pyScript<Dump>('read_keras_h5.py', [path]);

    assert.equal(dump.layout, 'model');
    assert.equal(dump.root_attrs['keras_version'], '2.15.0');
    assert.equal(dump.root_attrs['backend'], 'tensorflow');
    assert.equal(dump.root_attr_kinds['model_config'], 'vlen-utf8');
    assert.deepEqual(JSON.parse(dump.root_attrs['model_config'] as string), content.modelConfig);
    assert.deepEqual(JSON.parse(dump.root_attrs['training_config'] as string), content.trainingConfig);
    assert.deepEqual(dump.weights_group_attrs, { backend: 'tensorflow', keras_version: '2.15.0' });
    assert.deepEqual(dump.layer_names,
      ['conv2d', 'batch_normalization', 'max_pooling2d', 'flatten', 'dense']);
    assert.equal(dump.layer_names_kind, 'vlen-utf8');
    assert.ok(dump.groups.includes('top_level_model_weights'));

    const conv = dump.layers['conv2d']!;
    assert.deepEqual(conv.weight_names, ['conv2d/kernel:0', 'conv2d/bias:0']);
    assert.deepEqual(conv.weights['conv2d/kernel:0']!.shape, [3, 3, 1, 4]);
    assert.equal(conv.weights['conv2d/kernel:0']!.dtype, 'float32');
    assert.deepEqual(conv.weights['conv2d/kernel:0']!.values, [...ramp(36, 0.25)]);
    assert.deepEqual(conv.weights['conv2d/bias:0']!.values, [0.5, -0.5, 1, -1]);
    assert.deepEqual(dump.layers['batch_normalization']!.weight_names.at(-1),
      'batch_normalization/moving_variance:0');
    assert.equal(dump.layers['flatten']!.weight_names_kind, 'float64-empty');
    assert.deepEqual(dump.layers['dense']!.weights['dense/kernel:0']!.shape, [36, 3]);

    assert.deepEqual(dump.optimizer!.weight_names, ['iteration:0', 'Adam/m/conv2d/kernel:0']);
    assert.deepEqual(dump.optimizer!.weights['iteration:0'], {
      shape: [], dtype: 'int64', sum: 42, first: [42], values: [42] });
  });

  it('h5py reads the weights-only layout at the file root', async () => {
    const path = join(dir, 'ours-weights.h5');
    const { layers } = smallCnn();
    await writeKerasH5(path, { layers });
    const dump = runH5pyScript<Dump>('read_keras_h5.py', [path]);

    assert.equal(dump.layout, 'weights');
    assert.equal(dump.root_attrs['model_config'], undefined);
    assert.equal(dump.layer_names.length, 5);
    assert.deepEqual(dump.layers['dense']!.weights['dense/bias:0']!.values, [1, 2, 3]);
  });

  it('h5py reads the layer_names series we split when names exceed 64 KiB', async () => {
    const path = join(dir, 'ours-chunked.h5');
    const layers = Array.from({ length: 60 }, (_, i) => ({
      name: `dense_${'z'.repeat(1200)}_${i}`, weights: [] }));
    await writeKerasH5(path, { layers });
    const dump = runH5pyScript<Dump>('read_keras_h5.py', [path]);

    assert.equal(dump.layer_names_kind, 'chunked');
    assert.deepEqual(dump.layer_names, layers.map((l) => l.name));
  });

  for (const variant of ['tf2', 'weights', 'keras23', 'keras20', 'keras3', 'keras1', 'chunked']) {
    it(`reads the structure and values of a ${variant} file written by h5py`, async () => {
      const path = join(dir, `${variant}.h5`);
      const expected = runH5pyScript<Manifest>('write_keras_h5.py', [variant, path]);
      const got = await readKerasH5(path);

      assert.equal(got.layout, expected.layout);
      assert.equal(got.kerasVersion, expected.kerasVersion);
      assert.equal(got.backend, expected.backend ?? undefined);
      assert.deepEqual(got.layers.map((l) => l.name), expected.layerNames);
      assert.deepEqual(got.layers.map((l) => ({
        name: l.name,
        weights: l.weights.map((w) => ({ name: w.name, shape: w.shape, values: [...w.data] })),
      })), expected.layers);
      assert.deepEqual((got.optimizerWeights ?? []).map((w) => ({
        name: w.name, shape: w.shape, dtype: w.dtype, values: [...w.data].map(Number),
      })), expected.optimizer.map((w) => ({ ...w, values: w.values.map((v) => Math.fround(v)) })));
    });
  }

  it('tells Keras 1 files apart: keras_version only on the root', async () => {
    const path = join(dir, 'keras1-check.h5');
    runH5pyScript('write_keras_h5.py', ['keras1', path]);
    const got = await readKerasH5(path);

    assert.equal(got.weightsKerasVersion, undefined);
    assert.equal(got.kerasVersion, '1.1.1');
    assert.equal((got.modelConfig!['config'] as unknown[]).length, 6);
  });

  it('reads a Keras 2.0 bare-list config and Keras 2.3 NaN in JSON', async () => {
    const k20 = join(dir, 'k20.h5');
    const k23 = join(dir, 'k23.h5');
    runH5pyScript('write_keras_h5.py', ['keras20', k20]);
    runH5pyScript('write_keras_h5.py', ['keras23', k23]);

    const config20 = (await readKerasH5(k20)).modelConfig!;
    assert.ok(Array.isArray(config20['config']));
    const config23 = (await readKerasH5(k23)).modelConfig!['config'] as { layers: { config: Record<string, unknown> }[] };
    assert.deepEqual(config23.layers[0]!.config['kernel_initializer'], {
      class_name: 'GlorotUniform', config: { seed: null } });
  });
});
