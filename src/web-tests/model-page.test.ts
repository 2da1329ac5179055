import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { saveModel } from '../io/h5/index.js';
import * as layers from '../layers/index.js';
import { input } from '../layers/index.js';
import { model } from '../models/model.js';
import { setSeed } from '../tensor/random.js';
import { openSession, skipReason, type BrowserSession } from './browser.test-helper.js';

const shipped = fileURLToPath(new URL('../../web/models/mnist-small.h5', import.meta.url));

describe('model page in Chromium', { skip: skipReason }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'model-page-'));
  let s: BrowserSession;

  before(async () => {
    // A functional model with batch normalization: 4 of its parameters are not trainable.
    setSeed(5);
    const x = input({ shape: [8, 8, 3], name: 'picture' });
    const c = layers.conv2d({ filters: 2, kernelSize: 3, name: 'conv' }).apply(x);
    const b = layers.batchNormalization({ name: 'norm' }).apply(c);
    const y = layers.dense({ units: 3, name: 'head' }).apply(layers.flatten({ name: 'flat' }).apply(b));
    await saveModel(model({ inputs: x, outputs: y, name: 'branchy' }), join(dir, 'branchy.h5'));
    writeFileSync(join(dir, 'broken.h5'), 'this is not an HDF5 file');

    s = await openSession();
    await s.page.goto(`${s.server.url}model.html`);
    await s.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  });
  after(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openByInput(file: string): Promise<void> {
    await s.page.setInputFiles('#file', file);
    await s.page.waitForFunction(() => document.body.dataset.loaded !== undefined);
  }

  it('shows the summary of an .h5 chosen with the file input', async () => {
    await openByInput(shipped);
    assert.equal(await s.page.textContent('#total-params'), '5,258');
    assert.equal(await s.page.textContent('#trainable-params'), '5,258');
    assert.equal(await s.page.textContent('#non-trainable-params'), '0');
    const rows = await s.page.$$eval('#summary tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.children, (td) => td.textContent)));
    assert.deepEqual(rows, [
      ['conv2d (Conv2D)', '(None, 26, 26, 8)', '80'],
      ['max_pooling2d (MaxPooling2D)', '(None, 13, 13, 8)', '0'],
      ['conv2d_1 (Conv2D)', '(None, 11, 11, 16)', '1,168'],
      ['max_pooling2d_1 (MaxPooling2D)', '(None, 5, 5, 16)', '0'],
      ['flatten (Flatten)', '(None, 400)', '0'],
      ['dense (Dense)', '(None, 10)', '4,010'],
    ]);
    assert.match((await s.page.textContent('#summary-text'))!, /^Model: "mnist_small"\n_{65}\n/);
  });

  it('opens a file dropped on the page', async () => {
    const bytes = [...readFileSync(join(dir, 'branchy.h5'))];
    const transfer = await s.page.evaluateHandle((data) => {
      const t = new DataTransfer();
      t.items.add(new File([new Uint8Array(data)], 'branchy.h5'));
      return t;
    }, bytes);
    await s.page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    await s.page.waitForSelector('body[data-loaded="branchy.h5"]');
    // conv 3*3*3*2 + 2 = 56, norm 4*2 = 8 (gamma, beta trainable; moving mean, variance not),
    // head 6*6*2*3 + 3 = 219.
    assert.equal(await s.page.textContent('#total-params'), '283');
    assert.equal(await s.page.textContent('#trainable-params'), '279');
    assert.equal(await s.page.textContent('#non-trainable-params'), '4');
    assert.deepEqual(await s.page.$$eval('#summary tbody tr', (trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.layer)), ['picture', 'conv', 'norm', 'flat', 'head']);
    assert.match((await s.page.textContent('#summary-text'))!,
      /picture \(InputLayer\) +\[\(None, 8, 8, 3\)\]/);
  });

  it('says why a file cannot be opened', async () => {
    await s.page.setInputFiles('#file', join(dir, 'broken.h5'));
    await s.page.waitForSelector('#model-status.error');
    assert.match((await s.page.textContent('#model-status'))!, /Cannot open broken\.h5: .*broken\.h5/);
    assert.equal(await s.page.isHidden('#summary-section'), true);
    assert.deepEqual(s.consoleErrors, []);
  });
});
