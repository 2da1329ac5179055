import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MNIST_RECIPES } from '../../cli/train/lecture-models.js';
import { IoError, NotSupportedError, ValueError } from '../../errors.js';
import * as layers from '../../layers/index.js';
import { input, resetNames } from '../../layers/index.js';
import { setLogSink } from '../../log.js';
import { model, type Model } from '../../models/model.js';
import { sequential } from '../../models/sequential.js';
import { RMSprop, SGD, schedules, type OptimizerIdentifier } from '../../optimizers/index.js';
import { setSeed } from '../../tensor/random.js';
import { BatchLosses } from '../../testing/batch-losses.js';
import { tensor, type Tensor } from '../../tensor/tensor.js';
import { findH5pyPython, h5pySkipReason, runH5pyScript } from '../h5/h5py-scripts.js';
import { mnistSlice } from '../h5/mnist-fixture.js';
import { loadModel, loadWeights, saveModel } from '../h5/model-files.js';
import { loadModelFromBuffer, saveModelToBuffer } from '../h5/model-io.js';
import { openZip, readZipEntry } from '../zip/zip-reader.js';
import { writeZip } from '../zip/zip-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'keras-format-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const skip = h5pySkipReason();
const train = mnistSlice('train', 0, 256, [28, 28, 1], 'onehot');
const test = mnistSlice('t10k', 0, 200, [28, 28, 1], 'onehot');

function bits(t: Tensor): number[] {
  return [...new Uint32Array(Float32Array.from(t.f32).buffer)];
}

async function lectureConvNet(): Promise<Model> {
  resetNames();
  setSeed(7);
  const net = MNIST_RECIPES.cnn.build();
  net.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  await net.fit(train.x, train.y, { epochs: 1, batchSize: 32, verbose: 0 });
  return net;
}

// Two inputs of 8 features, one Dense per input, their sum, then a softmax over 3 classes.
function twoTowers(seed = 5, freshNames = true): Model {
  if (freshNames) resetNames();
  setSeed(seed);
  const a = input({ shape: [8], name: 'left_in' });
  const b = input({ shape: [8], name: 'right_in' });
  const left = layers.dense({ units: 6, activation: 'relu' }).apply(a);
  const right = layers.dense({ units: 6, activation: 'tanh' }).apply(b);
  const sum = layers.add().apply([left, right]);
  const out = layers.dense({ units: 3, activation: 'softmax' }).apply(sum);
  return model({ inputs: [a, b], outputs: out, name: 'two_towers' });
}

// The lecture's Dense MLP, small: Flatten, Dense(32), Dropout(0.2), Dense(10).
function mlp(): Model {
  return sequential([
    layers.flatten({ inputShape: [28, 28, 1] }),
    layers.dense({ units: 32, activation: 'relu' }),
    layers.dropout({ rate: 0.2 }),
    layers.dense({ units: 10, activation: 'softmax' }),
  ]);
}

const pairs = {
  a: tensor(Float32Array.from({ length: 64 * 8 }, (_, i) => Math.sin(i * 0.7)), [64, 8]),
  b: tensor(Float32Array.from({ length: 64 * 8 }, (_, i) => Math.cos(i * 0.3)), [64, 8]),
  y: tensor(Float32Array.from({ length: 64 * 3 }, (_, i) => (i % 3 === (i / 3 | 0) % 3 ? 1 : 0)),
    [64, 3]),
};

describe('model.save(.keras) and loadModel', () => {
  it('the lecture ConvNet predicts and evaluates bit for bit the same after a round trip',
    async () => {
      const net = await lectureConvNet();
      const path = join(dir, 'convnet.keras');
      await net.save(path);
      const again = await loadModel(path);

      assert.equal(again.className, 'Sequential');
      assert.deepEqual(again.layers.map((l) => l.name), net.layers.map((l) => l.name));
      assert.deepEqual(bits(await again.predict(test.x) as Tensor),
        bits(await net.predict(test.x) as Tensor));
      assert.deepEqual(await again.evaluate(test.x, test.y, { returnDict: true }),
        await net.evaluate(test.x, test.y, { returnDict: true }));

      const optimizer = again.requireCompiled('fit').optimizer;
      assert.equal(optimizer.className, 'RMSprop');
      assert.equal(optimizer.iterations, 8);
      assert.equal(again.trainingConfig()?.['loss'], 'categorical_crossentropy');
      assert.deepEqual(again.trainingConfig()?.['metrics'], ['accuracy']);
    });

  it('a functional model with two inputs and an Add layer keeps its graph and predictions',
    async () => {
      const net = twoTowers();
      net.compile({ optimizer: 'adam', loss: 'categorical_crossentropy' });
      await net.fit([pairs.a, pairs.b], pairs.y, { epochs: 2, batchSize: 16, verbose: 0 });
      const again = await loadModelFromBuffer(await saveModelToBuffer(net, { format: 'keras' }));

      assert.equal(again.className, 'Functional');
      assert.deepEqual(again.layers.map((l) => `${l.className}:${l.name}`),
        net.layers.map((l) => `${l.className}:${l.name}`));
      assert.deepEqual(bits(await again.predict([pairs.a, pairs.b]) as Tensor),
        bits(await net.predict([pairs.a, pairs.b]) as Tensor));
      assert.equal(again.requireCompiled('fit').optimizer.iterations, 8);
    });

  it('an uncompiled model loads uncompiled', async () => {
    const net = twoTowers();
    const again = await loadModelFromBuffer(await saveModelToBuffer(net, { format: 'keras' }));
    assert.equal(again.compiled, null);
    assert.deepEqual(again.getWeights().map(bits), net.getWeights().map(bits));
  });

  it('refuses a name that is neither .keras nor .h5, listing both', async () => {
    await assert.rejects(twoTowers().save(join(dir, 'model.bin')), (e: Error) =>
      e instanceof ValueError && e.message.includes("'.keras'") && e.message.includes("'.h5'"));
  });
});

describe('training resumes from a .keras file where it stopped', () => {
  const fresh = (optimizer: () => OptimizerIdentifier): Model => {
    resetNames();
    setSeed(3);
    const net = mlp();
    net.compile({ optimizer: optimizer(), loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    return net;
  };

  async function thirdEpoch(optimizer: () => OptimizerIdentifier, includeOptimizer: boolean):
    Promise<[number[], number[]]> {
    const straight = new BatchLosses(2, 1);
    await fresh(optimizer).fit(train.x, train.y, { epochs: 3, batchSize: 32, verbose: 0,
      callbacks: [straight] });

    const first = fresh(optimizer);
    await first.fit(train.x, train.y, { epochs: 2, batchSize: 32, verbose: 0 });
    const path = join(dir, `resume-${includeOptimizer}.keras`);
    await first.save(path, { includeOptimizer });
    const resumed = await loadModel(path);
    setSeed(99);
    const later = new BatchLosses(2);
    await resumed.fit(train.x, train.y, { epochs: 3, initialEpoch: 2, batchSize: 32, verbose: 0,
      callbacks: [later] });
    return [straight.losses, later.losses];
  }

  const cosine = (): SGD => new SGD({ momentum: 0.9, learningRate: new schedules.CosineDecay({
    initialLearningRate: 0.05, decaySteps: 24 }) });
  const cases: [string, () => OptimizerIdentifier][] = [['rmsprop', () => 'rmsprop'],
    ['adam', () => 'adam'], ['sgd with momentum and a cosine schedule', cosine]];
  for (const [name, optimizer] of cases) {
    it(`${name}: the third epoch's losses equal an uninterrupted run's`, async () => {
      const [straight, resumed] = await thirdEpoch(optimizer, true);
      assert.equal(resumed.length, 8);
      assert.deepEqual(resumed, straight);
    });
  }

  it('without the optimizer state, the third epoch differs', async () => {
    const [straight, resumed] = await thirdEpoch(() => new RMSprop(), false);
    assert.equal(resumed[0], straight[0]);
    assert.notEqual(resumed[1], straight[1]);
  });
});

// The value at `path` in parsed JSON (undefined when a step is missing).
function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k],
    value);
}

interface H5Dump {
  entries: [string, number][];
  testzip: string | null;
  metadata: Record<string, unknown>;
  config: unknown;
  paths: Record<string, number[]>;
  values: Record<string, number[]>;
}

// Reads our archive with Python's zipfile, json and h5py (independent of our readers).
const DUMP = `
import io, json, sys, zipfile, h5py
z = zipfile.ZipFile(sys.argv[1])
f = h5py.File(io.BytesIO(z.read('model.weights.h5')), 'r')
paths, values = {}, {}
def visit(name, node):
    if isinstance(node, h5py.Dataset):
        paths[name] = list(node.shape)
        if name.startswith('optimizer/vars/') and node.shape == ():
            values[name] = [float(node[()])]
        if name == 'layers/conv2d_1/vars/1':
            values[name] = [float(v) for v in node[()]]
f.visititems(visit)
print(json.dumps({'entries': [[i.filename, i.compress_type] for i in z.infolist()],
    'testzip': z.testzip(), 'metadata': json.loads(z.read('metadata.json')),
    'config': json.loads(z.read('config.json')), 'paths': paths, 'values': values}))
`;

describe('Python reads the .keras files we write', { skip }, () => {
  it('zipfile lists the three entries and h5py finds the layers/<class>/vars paths', async () => {
    const net = await lectureConvNet();
    const path = join(dir, 'for-python.keras');
    await net.save(path);
    const r = spawnSync(findH5pyPython()!, ['-c', DUMP, path], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const dump = JSON.parse(r.stdout) as H5Dump;

    assert.deepEqual(dump.entries, [['metadata.json', 0], ['config.json', 0],
      ['model.weights.h5', 0]]);
    assert.equal(dump.testzip, null);
    assert.equal(dump.metadata['keras_version'], '3.7.0');
    assert.match(String(dump.metadata['date_saved']), /^\d{4}-\d\d-\d\d@\d\d:\d\d:\d\d$/);

    const layerPaths = Object.entries(dump.paths).filter(([p]) => p.startsWith('layers/'));
    assert.deepEqual(Object.fromEntries(layerPaths), {
      'layers/conv2d/vars/0': [3, 3, 1, 32], 'layers/conv2d/vars/1': [32],
      'layers/conv2d_1/vars/0': [3, 3, 32, 64], 'layers/conv2d_1/vars/1': [64],
      'layers/conv2d_2/vars/0': [3, 3, 64, 64], 'layers/conv2d_2/vars/1': [64],
      'layers/dense/vars/0': [576, 64], 'layers/dense/vars/1': [64],
      'layers/dense_1/vars/0': [64, 10], 'layers/dense_1/vars/1': [10],
    });
    assert.deepEqual(dump.values['layers/conv2d_1/vars/1'],
      [...net.getLayer('conv2d_1').weights[1]!.value.f32]);
    // iteration, learning_rate, then one RMSprop velocity per weight.
    assert.equal(Object.keys(dump.paths).filter((p) => p.startsWith('optimizer/vars/')).length, 12);
    assert.deepEqual(dump.values['optimizer/vars/0'], [8]);
    assert.deepEqual(dump.values['optimizer/vars/1'], [Math.fround(0.001)]);
    assert.deepEqual(dump.paths['optimizer/vars/11'], [10]);
  });

  it('config.json has Keras 3 serialization: module, registered_name, build_config, compile_config',
    async () => {
      const path = join(dir, 'config-check.keras');
      await (await lectureConvNet()).save(path);
      const r = spawnSync(findH5pyPython()!, ['-c', DUMP, path], { encoding: 'utf8' });
      const config = (JSON.parse(r.stdout) as H5Dump).config;

      assert.equal(at(config, 'module'), 'keras');
      assert.equal(at(config, 'class_name'), 'Sequential');
      assert.equal(at(config, 'registered_name'), null);
      assert.deepEqual(at(config, 'build_config'), { input_shape: [null, 28, 28, 1] });
      assert.deepEqual(at(config, 'config', 'layers', 0), { module: 'keras.layers',
        class_name: 'InputLayer', config: { batch_shape: [null, 28, 28, 1], dtype: 'float32',
          sparse: false, name: 'conv2d_input' }, registered_name: null });
      const conv = at(config, 'config', 'layers', 1);
      assert.equal(at(conv, 'module'), 'keras.layers');
      assert.equal(at(conv, 'config', 'dtype', 'class_name'), 'DTypePolicy');
      assert.equal(at(conv, 'config', 'kernel_initializer', 'module'), 'keras.initializers');
      assert.equal(at(conv, 'config', 'batch_input_shape'), undefined);
      assert.deepEqual(at(conv, 'build_config'), { input_shape: [null, 28, 28, 1] });

      const compile = at(config, 'compile_config');
      assert.equal(at(compile, 'optimizer', 'module'), 'keras.optimizers');
      assert.equal(at(compile, 'optimizer', 'class_name'), 'RMSprop');
      assert.equal(at(compile, 'optimizer', 'config', 'name'), 'rmsprop');
      assert.equal(at(compile, 'optimizer', 'config', 'is_legacy_optimizer'), undefined);
      assert.equal(at(compile, 'loss'), 'categorical_crossentropy');
      assert.deepEqual(at(compile, 'metrics'), ['accuracy']);
    });
});

interface ArchiveManifest {
  layers: Record<string, number[][]>;
  optimizer: number[][];
}

describe('loadModel on .keras files written with zipfile and h5py alone', { skip }, () => {
  it('a Sequential CNN: every layer gets its own weights, Adam its state', async () => {
    const path = join(dir, 'h5py-sequential.keras');
    const manifest = runH5pyScript<ArchiveManifest>('write_keras_archive.py', ['sequential', path]);
    const net = await loadModel(path);

    assert.equal(net.name, 'digits');
    for (const layer of net.layers) {
      assert.deepEqual(layer.weights.map((w) => [...w.value.f32]), manifest.layers[layer.name],
        `layer ${layer.name}`);
    }
    const optimizer = net.requireCompiled('fit').optimizer;
    assert.equal(optimizer.className, 'Adam');
    assert.equal(optimizer.iterations, 7);
    assert.equal(optimizer.learningRate, 0.0005);
    assert.deepEqual(optimizer.getWeights().slice(1, 5).map((t) => t.f32[0]),
      [0.125, 0.25, 0.125, 0.25]);
  });

  it('a functional model with an Add layer: predictions equal the same weights by hand',
    async () => {
      const path = join(dir, 'h5py-functional.keras');
      const m = runH5pyScript<ArchiveManifest>('write_keras_archive.py', ['functional', path]);
      const net = await loadModel(path);

      const a = [0.5, -1, 0.25, 2], b = [-0.5, 1.5, 1, -0.25];
      const got = (await net.predict([tensor(a, [1, 4]), tensor(b, [1, 4])]) as Tensor).f32;
      const denseOf = (x: number[], [k, bias]: number[][], units: number): number[] =>
        Array.from({ length: units }, (_, o) => x.reduce((s, v, i) => s + v * k![i * units + o]!,
          bias![o]!));
      const sum = denseOf(a, m.layers['left']!, 3).map(Math.tanh).map((v, i) =>
        v + Math.max(0, denseOf(b, m.layers['right']!, 3)[i]!));
      denseOf(sum, m.layers['out']!, 2).forEach((want, i) =>
        assert.ok(Math.abs(got[i]! - want) < 1e-5, `output ${i}: ${got[i]} vs ${want}`));

      const optimizer = net.requireCompiled('fit').optimizer;
      assert.equal(optimizer.className, 'SGD');
      assert.equal(optimizer.schedule?.className, 'CosineDecay');
      assert.equal(optimizer.iterations, 3);
      assert.deepEqual(optimizer.getWeights().slice(1).map((t) => t.f32[0]), Array(6).fill(0.5));
      assert.equal((net.trainingConfig()?.['loss'] as { class_name: string }).class_name,
        'MeanSquaredError');
    });
});

describe('bad .keras files are refused clearly', () => {
  async function archive(): Promise<Uint8Array> {
    return saveModelToBuffer(twoTowers(), { format: 'keras' });
  }

  it('a truncated archive', async () => {
    const bytes = await archive();
    const path = join(dir, 'cut.keras');
    writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    await assert.rejects(loadModel(path), (e: Error) => e instanceof IoError &&
      e.message.startsWith(`${path}: truncated zip archive`));
  });

  it('a byte changed in config.json: the CRC-32 check names the entry', async () => {
    const bytes = (await archive()).slice();
    const entry = openZip(bytes, 'x').entries.find((e) => e.name === 'config.json')!;
    bytes[entry.headerOffset + 30 + 'config.json'.length + 20] ^= 0x01;
    await assert.rejects(loadModelFromBuffer(bytes, { label: 'flip.keras' }), (e: Error) =>
      e instanceof IoError &&
      e.message.startsWith("flip.keras: entry 'config.json' is corrupt: its CRC-32 is"));
  });

  it('no model.weights.h5 in the archive', async () => {
    const zip = openZip(await archive(), 'x');
    const kept = [];
    for (const name of ['metadata.json', 'config.json']) {
      kept.push({ name, data: await readZipEntry(zip, name) });
    }
    await assert.rejects(loadModelFromBuffer(writeZip(kept), { label: 'noweights.keras' }),
      (e: Error) => e instanceof IoError && e.message ===
        "noweights.keras: the archive has no 'model.weights.h5', so the weights are missing " +
        '(it holds: metadata.json, config.json)');
  });

  it('no config.json: not a Keras model archive', async () => {
    const bytes = writeZip([{ name: 'readme.txt', data: new TextEncoder().encode('hello') }]);
    await assert.rejects(loadModelFromBuffer(bytes, { label: 'other.zip' }), (e: Error) =>
      e instanceof IoError && e.message === "other.zip: not a Keras model archive: it has no " +
        "'config.json' (it holds: readme.txt)");
  });

  it('an unknown layer class: named before anything is built, nothing executed', async () => {
    const zip = openZip(await archive(), 'x');
    const config = JSON.parse(new TextDecoder().decode(await readZipEntry(zip, 'config.json')));
    config.config.layers.splice(2, 0, { module: 'keras.layers', class_name: 'Lambda',
      config: { name: 'lambda', function: { class_name: '__lambda__', config: { code: 'x' } } },
      registered_name: null, name: 'lambda', inbound_nodes: [] });
    const bytes = writeZip([
      { name: 'metadata.json', data: await readZipEntry(zip, 'metadata.json') },
      { name: 'config.json', data: new TextEncoder().encode(JSON.stringify(config)) },
      { name: 'model.weights.h5', data: await readZipEntry(zip, 'model.weights.h5') }]);
    await assert.rejects(loadModelFromBuffer(bytes, { label: 'lambda.keras' }), (e: Error) =>
      e instanceof NotSupportedError &&
      e.message.startsWith("lambda.keras: unsupported layer class: Lambda ('lambda')") &&
      e.message.includes('Nothing from the file is executed'));
  });

  it('a compile_config that is not an object is named, not taken as uncompiled', async () => {
    const zip = openZip(await archive(), 'x');
    const config = JSON.parse(new TextDecoder().decode(await readZipEntry(zip, 'config.json')));
    config.compile_config = 'adam';
    const bytes = writeZip([
      { name: 'metadata.json', data: await readZipEntry(zip, 'metadata.json') },
      { name: 'config.json', data: new TextEncoder().encode(JSON.stringify(config)) },
      { name: 'model.weights.h5', data: await readZipEntry(zip, 'model.weights.h5') }]);
    await assert.rejects(loadModelFromBuffer(bytes, { label: 'str.keras' }), (e: Error) =>
      e instanceof IoError && e.message === 'str.keras: config.json: compile_config should be ' +
        'an object (optimizer, loss, metrics...) or null, found "adam"');
  });

  it('an .h5 file named .keras still loads, by its content', async () => {
    const net = twoTowers();
    const path = join(dir, 'really-h5.keras');
    writeFileSync(path, await saveModelToBuffer(net));
    const again = await loadModel(path);
    assert.deepEqual(again.getWeights().map(bits), net.getWeights().map(bits));
  });

  it('optimizer state that does not fit is dropped with a warning', async () => {
    const net = twoTowers();
    net.compile({ optimizer: 'adam', loss: 'categorical_crossentropy' });
    await net.fit([pairs.a, pairs.b], pairs.y, { epochs: 1, batchSize: 32, verbose: 0 });
    const zip = openZip(await saveModelToBuffer(net, { format: 'keras' }), 'x');
    const config = JSON.parse(new TextDecoder().decode(await readZipEntry(zip, 'config.json')));
    config.compile_config.optimizer = { module: 'keras.optimizers', class_name: 'RMSprop',
      config: { learning_rate: 0.001 }, registered_name: null };
    const bytes = writeZip([{ name: 'config.json', data: new TextEncoder().encode(
      JSON.stringify(config)) }, { name: 'model.weights.h5',
      data: await readZipEntry(zip, 'model.weights.h5') }]);

    const warnings: string[] = [];
    const previous = setLogSink((_l, message) => warnings.push(message));
    try {
      const again = await loadModelFromBuffer(bytes, { label: 'odd.keras' });
      assert.equal(again.requireCompiled('fit').optimizer.iterations, 0);
    } finally {
      setLogSink(previous);
    }
    assert.match(warnings.join('\n'),
      /odd\.keras: the saved optimizer state \(14 variables\).*fresh state/);
  });
});

describe('Keras 3 weights files: saveWeights(.weights.h5) and loadWeights', () => {
  it('round-trips into a model whose layers are named differently', async () => {
    const net = twoTowers();
    const path = join(dir, 'towers.weights.h5');
    await net.saveWeights(path);
    const other = twoTowers(6, false);
    assert.notDeepEqual(other.layers.map((l) => l.name), net.layers.map((l) => l.name));
    assert.notDeepEqual(other.getWeights().map(bits), net.getWeights().map(bits));
    await loadWeights(other, path);
    assert.deepEqual(other.getWeights().map(bits), net.getWeights().map(bits));
  });

  it('h5py finds the vars layout, without optimizer', { skip }, async () => {
    const path = join(dir, 'convnet.weights.h5');
    await (await lectureConvNet()).saveWeights(path);
    const r = spawnSync(findH5pyPython()!, ['-c', `
import h5py, json, sys
f = h5py.File(sys.argv[1], 'r')
names = []
f.visit(names.append)
print(json.dumps(sorted(names)))`, path], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const names = JSON.parse(r.stdout) as string[];
    assert.deepEqual(names.filter((n) => n.endsWith('/vars/0')), ['layers/conv2d/vars/0',
      'layers/conv2d_1/vars/0', 'layers/conv2d_2/vars/0', 'layers/dense/vars/0',
      'layers/dense_1/vars/0']);
    assert.equal(names.some((n) => n.startsWith('optimizer')), false);
  });

  it('loads the weights of a .keras archive', async () => {
    const net = await lectureConvNet();
    const path = join(dir, 'weights-from.keras');
    await saveModel(net, path);
    resetNames();
    const other = MNIST_RECIPES.cnn.build();
    assert.notDeepEqual(other.getWeights().map(bits), net.getWeights().map(bits));
    await loadWeights(other, path);
    assert.deepEqual(other.getWeights().map(bits), net.getWeights().map(bits));
  });

  it('refuses byName, which needs names the layout does not store', async () => {
    const path = join(dir, 'byname.weights.h5');
    await twoTowers().saveWeights(path);
    await assert.rejects(loadWeights(twoTowers(), path, { byName: true }), (e: Error) =>
      e instanceof NotSupportedError && e.message.startsWith(`${path}: byName and skipMismatch`));
  });

  it('says which layer and shapes differ when the architecture is another', async () => {
    const path = join(dir, 'mlp.weights.h5');
    resetNames();
    await mlp().saveWeights(path);
    resetNames();
    const wider = sequential([layers.flatten({ inputShape: [28, 28, 1] }),
      layers.dense({ units: 16, activation: 'relu' }), layers.dense({ units: 10 })]);
    await assert.rejects(loadWeights(wider, path), (e: Error) => e instanceof IoError &&
      e.message === `${path}: layer 'dense' (group 'layers/dense'): weight 0 ('dense/kernel:0') ` +
        'has shape [784, 16], the file has [784, 32]');
  });

  it('matches by order and shapes, with a warning, when groups are named otherwise',
    async () => {
      const net = twoTowers();
      const bytes = await saveModelToBuffer(net, { format: 'keras' });
      const zip = openZip(bytes, 'x');
      const h5 = await readZipEntry(zip, 'model.weights.h5');
      const renamed = join(dir, 'renamed.weights.h5');
      writeFileSync(renamed, h5);
      const r = spawnSync(findH5pyPython() ?? 'python3', ['-c', `
import h5py, sys
with h5py.File(sys.argv[1], 'r+') as f:
    for old, new in [('dense', 'tower_a'), ('dense_1', 'tower_b'), ('dense_2', 'zz_head')]:
        f.move('layers/' + old, 'layers/' + new)`, renamed], { encoding: 'utf8' });
      if (r.status !== 0) return; // no h5py: nothing to rename with

      const warnings: string[] = [];
      const previous = setLogSink((_l, message) => warnings.push(message));
      const other = twoTowers(6);
      try {
        await loadWeights(other, renamed);
      } finally {
        setLogSink(previous);
      }
      assert.deepEqual(other.getWeights().map(bits), net.getWeights().map(bits));
      assert.match(warnings.join('\n'), /not named as this model's layers would be; matching/);
    });
});


