import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError, ValueError } from '../../errors.js';
import { readKerasH5 } from './read-keras-h5.js';
import { writeKerasH5, writeKerasH5ToBytes } from './write-keras-h5.js';
import { writeH5 } from './h5-file.js';
import { writeStringAttr, writeStringList } from './h5-attributes.js';
import { writeArray } from './h5-datasets.js';
import { shortWeightName, type KerasH5Content } from './keras-h5-content.js';

const dir = mkdtempSync(join(tmpdir(), 'keras-h5-'));

function content(): KerasH5Content {
  return {
    modelConfig: { class_name: 'Sequential', config: { name: 'mlp', layers: [] } },
    layers: [
      { name: 'dense', weights: [
        { name: 'dense/kernel:0', shape: [2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) },
        { name: 'dense/bias:0', shape: [3], data: Float32Array.of(-1, 0, 1) }] },
      { name: 'dropout', weights: [] },
    ],
    optimizerWeights: [
      { name: 'iteration:0', shape: [], dtype: 'int64', data: BigInt64Array.of(9n) },
      { name: 'Adam/m/dense/kernel:0', shape: [2, 3], dtype: 'float32', data: new Float32Array(6).fill(0.5) },
    ],
  };
}

async function rejectsWith(p: Promise<unknown>, kind: Function, ...parts: string[]): Promise<void> {
  await assert.rejects(p, (e: Error) => {
    assert.ok(e instanceof kind, `expected ${kind.name}, got ${e.name}: ${e.message}`);
    for (const part of parts) assert.ok(e.message.includes(part), `'${e.message}' lacks '${part}'`);
    return true;
  });
}

describe('writeKerasH5 / readKerasH5', () => {
  it('round-trips config, weights, weightless layers and optimizer state', async () => {
    const path = join(dir, 'round.h5');
    await writeKerasH5(path, content());
    const got = await readKerasH5(path);

    assert.equal(got.layout, 'model');
    assert.equal(got.kerasVersion, '2.15.0');
    assert.equal(got.weightsKerasVersion, '2.15.0');
    assert.deepEqual(got.modelConfig, content().modelConfig);
    assert.deepEqual(got.layers, content().layers);
    assert.deepEqual(got.optimizerWeights, content().optimizerWeights);
  });

  it('round-trips through bytes, without touching the file system', async () => {
    const bytes = await writeKerasH5ToBytes(content());
    const got = await readKerasH5(bytes, 'upload.h5');

    assert.deepEqual([...bytes.subarray(1, 4)], [0x48, 0x44, 0x46]);
    assert.deepEqual(got.layers[0]!.weights[1]!.data, Float32Array.of(-1, 0, 1));
  });

  it('writes weights only at the root when asked, and reads them back', async () => {
    const path = join(dir, 'weights.h5');
    await writeKerasH5(path, content(), { layout: 'weights' });
    const got = await readKerasH5(path);

    assert.equal(got.layout, 'weights');
    assert.equal(got.modelConfig, undefined);
    assert.equal(got.optimizerWeights, undefined);
    assert.deepEqual(got.layers.map((l) => l.name), ['dense', 'dropout']);
  });

  it('keeps the old file when a write fails midway, and leaves no temporary file', async () => {
    const path = join(dir, 'keep.h5');
    await writeKerasH5(path, content());
    const before = readFileSync(path);
    const bad = content();
    // The second layer's data does not fit its shape: found while writing, after the first layer.
    bad.layers[1] = { name: 'dropout', weights: [{ name: 'dropout/x:0', shape: [4], data: new Float32Array(3) }] };

    await rejectsWith(writeKerasH5(path, bad), ValueError, 'keep.h5', 'dropout/x:0', '[4]');
    assert.deepEqual(readFileSync(path), before);
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('keep.h5')), ['keep.h5']);
  });

  it('refuses duplicate layer names and names that are not HDF5 paths', async () => {
    const dup = content();
    dup.layers[1]!.name = 'dense';
    await rejectsWith(writeKerasH5(join(dir, 'dup.h5'), dup), ValueError, "two layers are named 'dense'");
    const slash = content();
    slash.layers[1]!.name = 'a/b';
    await rejectsWith(writeKerasH5(join(dir, 'slash.h5'), slash), ValueError, "'a/b'");
  });

  it('refuses the model layout without a model config', async () => {
    await rejectsWith(writeKerasH5(join(dir, 'nocfg.h5'), { layers: [] }, { layout: 'model' }),
      ValueError, "{ layout: 'weights' }");
  });
});

describe('readKerasH5 errors name the file and the bad part', () => {
  it('says a zip archive looks like a Keras 3 .keras file', async () => {
    const path = join(dir, 'model.keras.h5');
    writeFileSync(path, Buffer.from('PK\x03\x04rest of a zip archive', 'latin1'));
    await rejectsWith(readKerasH5(path), IoError, 'model.keras.h5: not an HDF5 file',
      "'PK\\x03\\x04'", 'zip archive', '.keras');
  });

  it('says JSON text looks like a TensorFlow.js model', async () => {
    const bytes = new TextEncoder().encode('{"format": "layers-model"}');
    await rejectsWith(readKerasH5(bytes, 'model.json'), IoError, 'model.json: not an HDF5 file', 'JSON');
  });

  it('reports an empty, a missing and a truncated file', async () => {
    const empty = join(dir, 'empty.h5');
    writeFileSync(empty, new Uint8Array(0));
    await rejectsWith(readKerasH5(empty), IoError, 'empty.h5', 'the file is empty');
    await rejectsWith(readKerasH5(join(dir, 'absent.h5')), IoError, 'absent.h5', 'no such file');

    const whole = await writeKerasH5ToBytes(content());
    await rejectsWith(readKerasH5(whole.subarray(0, 1200), 'cut.h5'), IoError,
      'cut.h5', 'corrupt or truncated');
  });

  it('reports a model file without its model_weights group', async () => {
    const path = join(dir, 'noweights.h5');
    await writeH5(path, (root) => writeStringAttr(root, 'model_config', '{"class_name": "Sequential"}'));
    await rejectsWith(readKerasH5(path), IoError, 'noweights.h5', "no 'model_weights' group");
  });

  it('reports a weight listed in weight_names whose dataset is missing', async () => {
    const path = join(dir, 'hole.h5');
    await writeH5(path, (root) => {
      writeStringList(root, 'layer_names', ['dense']);
      const g = root.create_group('dense');
      writeStringList(g, 'weight_names', ['dense/kernel:0', 'dense/bias:0']);
      writeArray(g, 'dense/kernel:0', { shape: [1], dtype: 'float32', data: Float32Array.of(1) });
    });
    await rejectsWith(readKerasH5(path), IoError, 'hole.h5', "layer 'dense'", "'dense/bias:0'");
  });

  it('reports a file with neither model_config nor layer_names, listing what it has', async () => {
    const path = join(dir, 'other.h5');
    await writeH5(path, (root) => root.create_group('images'));
    await rejectsWith(readKerasH5(path), IoError, 'other.h5', "'model_config'", "'layer_names'", 'images');
  });

  it('reports a bad model_config as not valid JSON', async () => {
    const path = join(dir, 'badjson.h5');
    await writeH5(path, (root) => {
      writeStringAttr(root, 'model_config', '{"class_name": ');
      writeStringList(root.create_group('model_weights'), 'layer_names', []);
    });
    await rejectsWith(readKerasH5(path), IoError, 'badjson.h5', "'model_config' is not valid JSON");
  });
});

describe('shortWeightName', () => {
  it('strips prefixes and the :0 suffix of every Keras version', () => {
    assert.equal(shortWeightName('conv2d/kernel:0'), 'kernel');
    assert.equal(shortWeightName('batch_normalization_1_5/moving_mean:0'), 'moving_mean');
    assert.equal(shortWeightName('sequential/dense/bias'), 'bias');
    assert.equal(shortWeightName('dense_1_W:0'), 'dense_1_W');
  });
});
