import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IoError, NotSupportedError } from '../../errors.js';
import { checkModelConfig } from './model-config-check.js';
import { readModelFile } from './read-model-file.js';
import { writeKerasH5ToBytes } from './write-keras-h5.js';

const SUPPORTED = ['InputLayer', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense', 'Dropout'];

function sequential(...classes: string[]): Record<string, unknown> {
  return { class_name: 'Sequential', config: { name: 'm', layers: classes.map((c, i) => ({
    class_name: c, config: { name: `${c.toLowerCase()}_${i}` } })) } };
}

describe('checkModelConfig', () => {
  it('accepts supported classes in {layers}, bare-list and nested configs', () => {
    checkModelConfig(sequential('Conv2D', 'Flatten', 'Dense'), SUPPORTED);
    checkModelConfig({ class_name: 'Sequential', config: [{ class_name: 'Dense', config: { name: 'd' } }] },
      SUPPORTED);
    checkModelConfig({ class_name: 'Functional', config: { layers: [
      { class_name: 'InputLayer', name: 'in', config: { name: 'in' } },
      { ...sequential('Dense'), name: 'inner' }] } }, SUPPORTED);
  });

  it('names every unsupported class in one error, with the supported list', () => {
    assert.throws(() => checkModelConfig(sequential('Conv2D', 'Lambda', 'SeparableConv2D', 'MyLayer'),
      SUPPORTED), (e: Error) => {
      assert.ok(e instanceof NotSupportedError);
      assert.match(e.message, /Lambda \('lambda_1'\), SeparableConv2D \('separableconv2d_2'\), MyLayer/);
      assert.match(e.message, /Supported: Conv2D, Dense, Dropout, Flatten, InputLayer, MaxPooling2D/);
      return true;
    });
  });

  it('refuses Keras 1 configs, naming their classes', () => {
    const keras1 = { class_name: 'Sequential', config: [
      { class_name: 'Convolution2D', config: { name: 'convolution2d_1', nb_filter: 4 } },
      { class_name: 'Dense', config: { name: 'dense_1', output_dim: 3 } }] };
    assert.throws(() => checkModelConfig(keras1, SUPPORTED),
      /Keras 1 model configs are not supported \(found Convolution2D \('convolution2d_1'\), Dense/);
  });
});

describe('readModelFile', () => {
  it('says a weights-only file needs loadWeights', async () => {
    const bytes = await writeKerasH5ToBytes({ layers: [] });
    await assert.rejects(readModelFile(bytes, { supportedLayers: SUPPORTED, label: 'w.h5' }),
      (e: Error) => e instanceof IoError && e.message.startsWith('w.h5: this file holds weights only') &&
        e.message.includes("loadWeights(model, 'w.h5')"));
  });

  it('names the file in unsupported-layer errors', async () => {
    const bytes = await writeKerasH5ToBytes({ modelConfig: sequential('Lambda'), layers: [] });
    await assert.rejects(readModelFile(bytes, { supportedLayers: SUPPORTED, label: 'l.h5' }),
      (e: Error) => e instanceof NotSupportedError && e.message.startsWith('l.h5: unsupported layer class: Lambda'));
  });
});
