import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as layers from '../../layers/index.js';
import { resetNames } from '../../layers/index.js';
import { sequential } from '../../models/sequential.js';
import { setSeed } from '../../tensor/random.js';
import { tensor, type Tensor } from '../../tensor/tensor.js';
import { findH5pyPython, h5pySkipReason, runH5pyScript } from './h5py-scripts.js';
import { mnistSlice } from './mnist-fixture.js';
import { loadModel } from './model-files.js';

const skip = h5pySkipReason();
const dir = mkdtempSync(join(tmpdir(), 'model-h5py-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Manifest {
  layers: { name: string; weights: { name: string; shape: number[]; values: number[] }[] }[];
}

// Reads one file with h5py (independent of our reader) and prints what the test checks.
const READ = `
import json, sys, h5py
with h5py.File(sys.argv[1], 'r') as f:
    a = lambda v: v.decode() if isinstance(v, bytes) else v
    mw = f['model_weights']
    k = mw['conv2d']['conv2d/kernel:0']
    print(json.dumps({
        'keras_version': a(f.attrs['keras_version']), 'backend': a(f.attrs['backend']),
        'model_config': json.loads(a(f.attrs['model_config'])),
        'training_config': json.loads(a(f.attrs['training_config'])),
        'layer_names': [a(n) for n in mw.attrs['layer_names']],
        'kernel_shape': list(k.shape), 'kernel_dtype': k.dtype.name,
        'kernel': [float(v) for v in k[()].reshape(-1)],
        'optimizer_names': [a(n) for n in f['optimizer_weights'].attrs['weight_names']],
        'iteration': int(f['optimizer_weights']['iteration:0'][()]),
    }))
`;

describe('h5py reads a file saved from a trained ConvNet', { skip }, () => {
  it('finds the Keras root attributes, layer names, the kernel values and optimizer state', async () => {
    resetNames();
    setSeed(11);
    const model = sequential([
      layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
      layers.maxPooling2d({ poolSize: 2 }),
      layers.flatten(),
      layers.dense({ units: 10, activation: 'softmax' }),
    ]);
    model.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    const data = mnistSlice('train', 0, 128, [28, 28, 1], 'onehot');
    await model.fit(data.x, data.y, { epochs: 1, batchSize: 32, verbose: 0 });
    const path = join(dir, 'convnet.h5');
    await model.save(path);

    const r = spawnSync(findH5pyPython()!, ['-c', READ, path], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const dump = JSON.parse(r.stdout);
    assert.equal(dump.keras_version, '2.15.0');
    assert.equal(dump.backend, 'tensorflow');
    assert.equal(dump.model_config.class_name, 'Sequential');
    assert.deepEqual(dump.model_config.config.layers.map((l: { class_name: string }) => l.class_name),
      ['InputLayer', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    assert.equal(dump.training_config.loss, 'categorical_crossentropy');
    assert.deepEqual(dump.training_config.metrics, ['accuracy']);
    assert.equal(dump.training_config.optimizer_config.class_name, 'RMSprop');
    assert.deepEqual(dump.layer_names, ['conv2d', 'max_pooling2d', 'flatten', 'dense']);
    assert.deepEqual(dump.kernel_shape, [3, 3, 1, 32]);
    assert.equal(dump.kernel_dtype, 'float32');
    assert.deepEqual(dump.kernel, [...model.getLayer('conv2d').weights[0]!.value.f32]);
    assert.deepEqual(dump.optimizer_names, ['iteration:0', 'RMSprop/velocity/conv2d/kernel:0',
      'RMSprop/velocity/conv2d/bias:0', 'RMSprop/velocity/dense/kernel:0', 'RMSprop/velocity/dense/bias:0']);
    assert.equal(dump.iteration, 4);
  });
});

// The CNN of scripts/h5py/write_keras_h5.py on 8x8x1 inputs, computed with plain loops:
// Conv2D(4, 3x3, valid, relu) -> BatchNormalization (inference) -> MaxPooling2D(2) -> Flatten
// -> Dropout (identity) -> Dense(3, softmax).
function byHand(m: Manifest, x: Float32Array): number[] {
  const w = (layer: number, i: number): number[] => m.layers[layer]!.weights[i]!.values;
  const [kernel, bias] = [w(0, 0), w(0, 1)];
  const [gamma, beta, mean, variance] = [w(1, 0), w(1, 1), w(1, 2), w(1, 3)];
  const conv = (r: number, c: number, f: number): number => {
    let s = bias[f]!;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += x[(r + i) * 8 + c + j]! * kernel[(i * 3 + j) * 4 + f]!;
    const relu = Math.max(0, s);
    return (relu - mean[f]!) / Math.sqrt(variance[f]! + 0.001) * gamma[f]! + beta[f]!;
  };
  const flat: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      for (let f = 0; f < 4; f++) {
        flat.push(Math.max(conv(2 * r, 2 * c, f), conv(2 * r, 2 * c + 1, f),
          conv(2 * r + 1, 2 * c, f), conv(2 * r + 1, 2 * c + 1, f)));
      }
    }
  }
  const [dk, db] = [w(5, 0), w(5, 1)];
  const logits = [0, 1, 2].map((o) => flat.reduce((s, v, i) => s + v * dk[i * 3 + o]!, db[o]!));
  const top = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - top));
  return e.map((v) => v / e.reduce((a, b) => a + b, 0));
}

describe('loadModel on files written by h5py in Keras layouts', { skip }, () => {
  for (const variant of ['tf2', 'keras23']) {
    it(`${variant}: predicts what the same weights compute by hand, compiled as saved`, async () => {
      const path = join(dir, `${variant}.h5`);
      const manifest = runH5pyScript<Manifest>('write_keras_h5.py', [variant, path]);
      const model = await loadModel(path);

      const inputs = [0, 1].map((s) => Float32Array.from({ length: 64 }, (_, i) => ((i * 5 + s * 3) % 17) / 8 - 1));
      const x = tensor(Float32Array.from([...inputs[0]!, ...inputs[1]!]), [2, 8, 8, 1]);
      const probs = (await model.predict(x) as Tensor).f32;
      inputs.forEach((input, n) => byHand(manifest, input).forEach((p, k) =>
        assert.ok(Math.abs(probs[n * 3 + k]! - p) < 1e-5, `sample ${n} class ${k}: ${probs[n * 3 + k]} vs ${p}`)));

      const optimizer = model.requireCompiled('fit').optimizer;
      assert.equal(optimizer.className, 'Adam');
      assert.equal(optimizer.iterations, 7);
      const slots = optimizer.getWeights().slice(1).map((t) => t.f32[0]);
      assert.deepEqual(slots.slice(0, 4), [0.125, 0.25, 0.125, 0.25]);
    });
  }
});
