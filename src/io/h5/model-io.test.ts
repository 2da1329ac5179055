import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError, NotSupportedError } from '../../errors.js';
import { setLogSink } from '../../log.js';
import { tensor, zeros, type Tensor } from '../../tensor/tensor.js';
import { h5pySkipReason, runH5pyScript } from './h5py-scripts.js';
import { loadModel, loadWeights, saveModel, saveWeights } from './model-files.js';
import {
  loadModelFromBuffer, saveModelToBuffer, type ModelBuilder, type SaveableModel,
  type SaveableOptimizer,
} from './model-io.js';

const dir = mkdtempSync(join(tmpdir(), 'model-io-'));

// Stand-ins with the shape of the library's models: layers own weights as tensors.
type LayerSpec = { name: string; className: string; shapes: number[][] };

class StubOptimizer implements SaveableOptimizer {
  state: Tensor[] = [];
  getWeights(): Tensor[] { return this.state; }
  setWeights(values: readonly Tensor[]): void { this.state = [...values]; }
  weightNames(): string[] { return this.state.map((_, i) => (i === 0 ? 'iteration:0' : `Adam/m/${i}:0`)); }
}

class StubModel implements SaveableModel {
  readonly layers;
  optimizer: StubOptimizer | null = null;
  loss: string | undefined;
  constructor(readonly specs: LayerSpec[]) {
    this.layers = specs.map((s) => ({
      name: s.name, weights: s.shapes.map((shape, i) => ({ name: `${s.name}/w${i}:0`, value: zeros(shape) })) }));
  }
  toJSON(): unknown {
    return { class_name: 'Sequential', config: { name: 'stub', layers: this.specs.map((s) => ({
      class_name: s.className, config: { name: s.name, shapes: s.shapes } })) } };
  }
  trainingConfig(): Record<string, unknown> | undefined {
    return this.loss ? { loss: this.loss, optimizer_config: { class_name: 'Adam', config: {} } } : undefined;
  }
}

const builder: ModelBuilder<StubModel> = {
  modelFromJSON(config) {
    const layers = (config['config'] as { layers: { class_name: string; config: { name: string; shapes: number[][] } }[] }).layers;
    return new StubModel(layers.map((l) => ({ name: l.config.name, className: l.class_name, shapes: l.config.shapes })));
  },
  supportedLayers: () => ['Conv2D', 'BatchNormalization', 'MaxPooling2D', 'Flatten', 'Dropout', 'Dense'],
  compileFromTrainingConfig(model, trainingConfig) {
    model.loss = trainingConfig['loss'] as string;
    model.optimizer = new StubOptimizer();
  },
};

const CNN: LayerSpec[] = [
  { name: 'conv2d', className: 'Conv2D', shapes: [[3, 3, 1, 4], [4]] },
  { name: 'batch_normalization', className: 'BatchNormalization', shapes: [[4], [4], [4], [4]] },
  { name: 'max_pooling2d', className: 'MaxPooling2D', shapes: [] },
  { name: 'flatten', className: 'Flatten', shapes: [] },
  { name: 'dropout', className: 'Dropout', shapes: [] },
  { name: 'dense', className: 'Dense', shapes: [[36, 3], [3]] },
];

function trainedCnn(): StubModel {
  const model = new StubModel(CNN);
  model.layers.forEach((l, i) => l.weights.forEach((w, j) =>
    w.value.f32.forEach((_, k, a) => { a[k] = (i * 100 + j * 10 + k) / 64; })));
  model.loss = 'categorical_crossentropy';
  model.optimizer = new StubOptimizer();
  model.optimizer.state = [tensor([12], [], 'int32'), tensor([0.5, 0.25, 0.125, 1], [4])];
  return model;
}

function values(model: SaveableModel): number[][] {
  return model.layers.flatMap((l) => l.weights.map((w) => [...w.value.f32]));
}

describe('saveModel / loadModel', () => {
  it('rebuilds architecture, weights, compile settings and optimizer state', async () => {
    const path = join(dir, 'cnn.h5');
    const model = trainedCnn();
    await saveModel(model, path);
    const again = await loadModel(path, { builder });

    assert.deepEqual(again.layers.map((l) => l.name), model.layers.map((l) => l.name));
    assert.deepEqual(values(again), values(model));
    assert.equal(again.loss, 'categorical_crossentropy');
    const [step, slot] = again.optimizer!.getWeights();
    assert.equal(step!.dtype, 'int32');
    assert.equal(step!.item(), 12);
    assert.deepEqual([...slot!.f32], [0.5, 0.25, 0.125, 1]);
  });

  it('round-trips through bytes', async () => {
    const again = await loadModelFromBuffer(await saveModelToBuffer(trainedCnn()), { builder });
    assert.deepEqual(values(again), values(trainedCnn()));
  });

  it('refuses a weights-only file, suggesting loadWeights', async () => {
    const path = join(dir, 'only.weights.h5');
    await saveWeights(trainedCnn(), path);
    await assert.rejects(loadModel(path, { builder }), (e: Error) =>
      e instanceof IoError && /weights only.*loadWeights/s.test(e.message));
  });

  it('names unsupported classes before building anything', async () => {
    const model = new StubModel([{ name: 'lambda', className: 'Lambda', shapes: [] },
      { name: 'sep', className: 'SeparableConv2D', shapes: [[3, 3, 1, 1]] }]);
    const bytes = await saveModelToBuffer(model);
    await assert.rejects(loadModelFromBuffer(bytes, { builder }), (e: Error) =>
      e instanceof NotSupportedError && e.message.includes("Lambda ('lambda'), SeparableConv2D ('sep')"));
  });

  it('drops optimizer state that does not fit, with a warning', async () => {
    const bytes = await saveModelToBuffer(trainedCnn());
    const odd: ModelBuilder<StubModel> = { ...builder, compileFromTrainingConfig(m) {
      m.optimizer = new StubOptimizer();
      m.optimizer.state = [tensor([0], [], 'int32')];
    } };
    const warnings: string[] = [];
    const previous = setLogSink((_l, m) => warnings.push(m));
    try {
      const again = await loadModelFromBuffer(bytes, { builder: odd });
      assert.equal(again.optimizer!.getWeights()[0]!.item(), 0);
    } finally {
      setLogSink(previous);
    }
    assert.match(warnings.join('\n'), /fresh state/);
  });
});

describe('saveWeights / loadWeights', () => {
  it('loads by order into a model whose layers are named differently', async () => {
    const path = join(dir, 'cnn-weights.h5');
    await saveWeights(trainedCnn(), path);
    const other = new StubModel(CNN.map((s) => ({ ...s, name: `${s.name}_2` })));
    await loadWeights(other, path);
    assert.deepEqual(values(other), values(trainedCnn()));
  });

  it('reports a layer count mismatch with the file name', async () => {
    const path = join(dir, 'cnn2-weights.h5');
    await saveWeights(trainedCnn(), path);
    const small = new StubModel([CNN[5]!]);
    await assert.rejects(loadWeights(small, path), (e: Error) => e instanceof IoError &&
      e.message.includes('cnn2-weights.h5: Layer count mismatch') && e.message.includes('expected 1 layers, found 3'));
  });

  it('loads Keras-written weights (h5py, tf.keras and Keras 2.3 layouts) by order and by name',
    { skip: h5pySkipReason() }, async () => {
      for (const variant of ['tf2', 'keras23']) {
        const path = join(dir, `${variant}.h5`);
        const manifest = runH5pyScript<{ layers: { weights: { values: number[] }[] }[] }>(
          'write_keras_h5.py', [variant, path]);
        const expected = manifest.layers.flatMap((l) => l.weights.map((w) => w.values));

        const model = new StubModel(CNN);
        await loadWeights(model, path);
        assert.deepEqual(values(model), expected);
        if (variant === 'keras23') continue; // layer names there are conv2d_1..., not ours
        const byName = new StubModel(CNN);
        await loadWeights(byName, path, { byName: true });
        assert.deepEqual(values(byName), expected);
      }
    });
});
