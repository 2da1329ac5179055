import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { readKerasH5 } from '../../io/h5/read-keras-h5.js';

const cli = fileURLToPath(new URL('../main.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'convnet-train-'));
after(() => rmSync(work, { recursive: true, force: true }));
let trainOutput = '';

function convnet(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function pngSize(path: string): Promise<[number, number]> {
  const meta = await sharp(path).metadata();
  return [meta.width!, meta.height!];
}

describe('convnet train mnist', () => {
  const out = join(work, 'mnist');

  it('trains the lecture ConvNet on 2,000 real MNIST images clearly above chance', () => {
    const run = convnet(['train', 'mnist', '--limit', '2000', '--epochs', '1', '--out', out, '--verbose', '2']);
    assert.equal(run.status, 0, run.stderr);
    trainOutput = run.stdout;
    assert.match(run.stdout, /Total params: 93,322/);
    assert.match(run.stdout, /MNIST: 1800 training, 200 validation \(the last 10%\), 2000 test images/);
    const accuracy = Number(/test accuracy: (\d\.\d+)/.exec(run.stdout)?.[1]);
    assert.match(run.stdout, /Model 'cnn': 1 epoch, batch 64, RMSprop lr 0\.001 cosine to 0, categorical_crossentropy, seed 42/);
    assert.match(run.stdout, /\nNext:\n  npx convnet serve \S+model\.h5   # draw digits/);
    // 29 steps of batch 64 reach about 0.74; chance is 0.1.
    assert.ok(accuracy > 0.4, `test accuracy ${accuracy} should beat chance (0.1) clearly`);
  });

  it('leaves the history, logs, curves, confusion matrix and samples behind', async () => {
    const files = readdirSync(out).sort();
    for (const f of ['model.h5', 'history.csv', 'logs', 'curves.svg', 'curves.png', 'confusion.svg',
      'confusion.png', 'samples.png']) {
      assert.ok(files.includes(f), `${f} missing from ${files.join(', ')}`);
    }
    const csv = readFileSync(join(out, 'history.csv'), 'utf8').trim().split('\n');
    assert.equal(csv[0], 'epoch,accuracy,loss,val_accuracy,val_loss');
    assert.equal(csv.length, 2);
    assert.match(readFileSync(join(out, 'confusion.svg'), 'utf8'), /<svg/);
    const [w, h] = await pngSize(join(out, 'samples.png'));
    assert.ok(w > 28 * 10 && h > 28 * 3, `samples.png is ${w}x${h}`);
    assert.deepEqual(readdirSync(join(out, 'logs')).sort(), ['train', 'validation']);
    assert.match(readdirSync(join(out, 'logs', 'train'))[0]!, /^events\.out\.tfevents\.\d{10}\./);
  });
});

describe('convnet train mnist, then the saved model', () => {
  it('evaluates the saved model.h5 to the test accuracy the run printed', () => {
    const out = join(work, 'mnist');
    const trained = Number(/test accuracy: (\d\.\d+)/.exec(trainOutput)?.[1]);
    const run = convnet(['evaluate', join(out, 'model.h5'), '--limit', '2000']);
    assert.equal(run.status, 0, run.stderr);
    const loaded = Number(/accuracy: (\d\.\d+)/.exec(run.stdout)?.[1]);
    assert.equal(loaded, trained);
  });
});

describe('convnet train DIR', () => {
  it('trains the image ConvNet on a generated two-class folder and writes the same files', async () => {
    const data = join(work, 'shapes');
    for (const [cls, colour] of [['dark', 40], ['light', 215]] as const) {
      mkdirSync(join(data, cls), { recursive: true });
      for (let i = 0; i < 12; i++) {
        const v = colour + ((i * 7) % 20) - 10;
        const img = sharp({ create: { width: 40 + i, height: 36 + i, channels: 3,
          background: { r: v, g: v, b: v } } });
        await (i % 2 === 0 ? img.png() : img.jpeg()).toFile(join(data, cls, `${i}.${i % 2 === 0 ? 'png' : 'jpg'}`));
      }
    }
    const out = join(work, 'shapes-run');
    const run = convnet(['train', data, '--size', '48', '--epochs', '2', '--batch-size', '8',
      '--validation-split', '0.25', '--out', out, '--verbose', '0']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /RMSprop lr 0\.0001 cosine to 0, seed 42/);
    assert.match(run.stdout, /Training: Found 18 images belonging to 2 classes\./);
    assert.match(run.stdout, /Validation: Found 6 images belonging to 2 classes\./);
    assert.match(run.stdout, /dense_1 \(Dense\)\s+\(None, 1\)\s+513/);
    for (const f of ['model.h5', 'history.csv', 'curves.png', 'confusion.png', 'samples.png']) {
      assert.ok(readdirSync(out).includes(f), `${f} missing`);
    }
    // 18 training images in batches of 8 make 3 steps an epoch: the cosine spans 6 steps.
    const saved = await readKerasH5(join(out, 'model.h5'));
    const optimizer = saved.trainingConfig?.optimizer_config as { config: Record<string, unknown> };
    assert.deepEqual(optimizer.config.learning_rate, { class_name: 'CosineDecay', config: {
      initial_learning_rate: 1e-4, decay_steps: 6, alpha: 0, name: null, warmup_target: null,
      warmup_steps: 0 } });
  });

  it('names what is wrong when the folder has no class subfolders', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty, { recursive: true });
    const run = convnet(['train', empty, '--epochs', '1']);
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /class subfolders/);
  });
});

describe('convnet train options', () => {
  it('rejects an unknown model name and lists the known ones', () => {
    const run = convnet(['train', 'mnist', '--model', 'resnet']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /expected cnn, mlp or dense, got 'resnet'/);
  });

  it('rejects an unknown learning-rate schedule and names the known ones', () => {
    const run = convnet(['train', 'mnist', '--lr-schedule', 'step']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /option '--lr-schedule': expected constant or cosine, got 'step'/);
  });

  it('holds the learning rate with --lr-schedule constant, as the lecture', async () => {
    const out = join(work, 'constant');
    const run = convnet(['train', 'mnist', '--limit', '300', '--epochs', '1', '--lr-schedule',
      'constant', '--out', out, '--verbose', '0']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /RMSprop lr 0\.001, categorical_crossentropy/);
    const saved = await readKerasH5(join(out, 'model.h5'));
    const optimizer = saved.trainingConfig?.optimizer_config as { config: Record<string, unknown> };
    assert.equal(optimizer.config.learning_rate, 0.001);
  });

  it('refuses folder-only options for MNIST', () => {
    const run = convnet(['train', 'mnist', '--no-augment']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /option '--no-augment' is for image folders/);
  });

  it('rejects an unknown option by name', () => {
    const run = convnet(['train', 'mnist', '--epoch', '3']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /unknown option '--epoch'/);
  });
});

describe('convnet train and Ctrl-C', () => {
  it('stops after the current batch, then still evaluates and writes its files (exit 130)', async () => {
    const out = join(work, 'interrupted');
    const child = spawn(process.execPath, [cli, 'train', 'mnist', '--limit', '20000', '--epochs', '3',
      '--out', out, '--verbose', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (stdout.includes('Non-trainable params')) {
          clearInterval(poll);
          setTimeout(resolve, 1500); // well inside the first epoch
        }
      }, 50);
    });
    const sent = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 130);
    assert.ok(Date.now() - sent < 30_000, 'stopped within the epoch, not after all of it');
    assert.match(stdout, /Test loss: \d\.\d{4} - test accuracy: \d\.\d{4}/);
    const rows = readFileSync(join(out, 'history.csv'), 'utf8').trim().split('\n');
    assert.equal(rows.length, 2, 'one (partial) epoch logged, not three');
    assert.ok(readdirSync(out).includes('model.h5'));
  });
});
