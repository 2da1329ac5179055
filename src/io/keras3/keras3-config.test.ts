import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NotSupportedError } from '../../errors.js';
import * as layers from '../../layers/index.js';
import { input, resetNames } from '../../layers/index.js';
import { model } from '../../models/model.js';
import { modelFromJSON } from '../../models/model-from-json.js';
import { fromKeras3Config, toKeras3Config } from './keras3-config.js';
import { kerasSnakeCase, varsPaths } from './vars-layout.js';

const tensorSpec = (name: string, shape: (number | null)[]): Record<string, unknown> => ({
  class_name: '__keras_tensor__', config: { shape, dtype: 'float32', keras_history: [name, 0, 0] } });

describe('Keras 3 path names', () => {
  it('snake_cases class names as Keras does', () => {
    assert.deepEqual(['Conv2D', 'MaxPooling2D', 'BatchNormalization', 'ReLU', 'InputLayer',
      'GlobalAveragePooling2D', 'Dense'].map(kerasSnakeCase), ['conv2d', 'max_pooling2d',
      'batch_normalization', 're_lu', 'input_layer', 'global_average_pooling2d', 'dense']);
  });

  it('numbers repeats of a class in list order, whatever the layer names', () => {
    const paths = varsPaths([{ name: 'c', className: 'Conv2D' }, { name: 'p', className: 'MaxPooling2D' },
      { name: 'a', className: 'Conv2D' }, { name: 'z', className: 'Dense' },
      { name: 'b', className: 'Conv2D' }]);
    assert.deepEqual([...paths], [['c', 'layers/conv2d'], ['p', 'layers/max_pooling2d'],
      ['a', 'layers/conv2d_1'], ['z', 'layers/dense'], ['b', 'layers/conv2d_2']]);
  });
});

describe('fromKeras3Config', () => {
  it('turns {args, kwargs} nodes into inbound node lists, merge inputs included', () => {
    const read = fromKeras3Config({ module: 'keras.src.models.functional', class_name: 'Functional',
      registered_name: 'Functional', config: { name: 'f', trainable: true, layers: [
        { class_name: 'InputLayer', name: 'x', config: { batch_shape: [null, 2], name: 'x' },
          inbound_nodes: [] },
        { class_name: 'Dense', name: 'd', config: { name: 'd', units: 2 },
          inbound_nodes: [{ args: [tensorSpec('x', [null, 2])], kwargs: {} }] },
        { class_name: 'Add', name: 's', config: { name: 's' }, inbound_nodes: [{ args: [[
          tensorSpec('x', [null, 2]), tensorSpec('d', [null, 2])]], kwargs: {} }] },
      ], input_layers: ['x', 0, 0], output_layers: [['s', 0, 0]] } }, 'f.keras');

    const config = read.modelConfig['config'] as { layers: { inbound_nodes: unknown[] }[];
      input_layers: unknown };
    assert.deepEqual(config.layers[2]!.inbound_nodes, [[['x', 0, 0, {}], ['d', 0, 0, {}]]]);
    assert.deepEqual(config.input_layers, [['x', 0, 0]]);
    assert.deepEqual(read.layerOrder.map((l) => l.className), ['InputLayer', 'Dense', 'Add']);
    const built = modelFromJSON(read.modelConfig);
    assert.deepEqual(built.layers.map((l) => l.name), ['x', 'd', 's']);
  });

  it('gives a Sequential without InputLayer the input its build_input_shape names', () => {
    const read = fromKeras3Config({ module: 'keras', class_name: 'Sequential', config: {
      name: 'seq', build_input_shape: [null, 3],
      layers: [{ class_name: 'Dense', config: { name: 'dense', units: 4 } }] } }, 's.keras');
    const built = modelFromJSON(read.modelConfig);
    assert.deepEqual(built.layers[0]!.weights.map((w) => w.value.shape), [[3, 4], [4]]);
  });

  it('refuses calls with keyword arguments, naming the layer', () => {
    assert.throws(() => fromKeras3Config({ class_name: 'Functional', config: { layers: [
      { class_name: 'Dropout', name: 'drop', config: { name: 'drop', rate: 0.5 },
        inbound_nodes: [{ args: [tensorSpec('x', [null, 2])], kwargs: { training: true } }] }] } },
    'k.keras'), (e: Error) => e instanceof NotSupportedError && e.message ===
      "k.keras: layer 'drop' is called with keyword arguments (training); only calls on " +
      'tensors alone can be rebuilt');
  });

  it('refuses a model class other than Sequential and Functional', () => {
    assert.throws(() => fromKeras3Config({ module: 'my_project', class_name: 'MyModel',
      registered_name: 'Custom>MyModel', config: {} }, 'c.keras'), (e: Error) =>
      e instanceof NotSupportedError && e.message.startsWith('c.keras: config.json describes ' +
        '"MyModel"; only Sequential and functional models'));
  });
});

describe('toKeras3Config', () => {
  it('writes tensor specs with shapes, a list for merge layers and build_config for weights', () => {
    resetNames();
    const a = input({ shape: [4], name: 'a' });
    const b = input({ shape: [4], name: 'b' });
    const d = layers.dense({ units: 4, name: 'd' }).apply(a);
    const s = layers.add({ name: 's' }).apply([d, b]);
    const m = model({ inputs: [a, b], outputs: s });
    const json = m.toJSON() as unknown as Record<string, unknown>;
    const config = toKeras3Config(json, m.layers);

    assert.equal(config['class_name'], 'Functional');
    const entries = (config['config'] as { layers: Record<string, unknown>[] }).layers;
    const dense = entries.find((l) => l['name'] === 'd')!;
    const add = entries.find((l) => l['name'] === 's')!;
    assert.deepEqual(dense['build_config'], { input_shape: [null, 4] });
    assert.equal('build_config' in add, false);
    assert.deepEqual(add['inbound_nodes'], [{ args: [[tensorSpec('d', [null, 4]),
      tensorSpec('b', [null, 4])]], kwargs: {} }]);
    assert.deepEqual(entries[0], { module: 'keras.layers', class_name: 'InputLayer', config: {
      batch_shape: [null, 4], dtype: 'float32', sparse: false, name: 'a' }, registered_name: null,
      name: 'a', inbound_nodes: [] });
  });
});
