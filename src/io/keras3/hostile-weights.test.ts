import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError } from '../../errors.js';
import * as layers from '../../layers/index.js';
import { resetNames } from '../../layers/index.js';
import { sequential } from '../../models/sequential.js';
import { findH5pyPython, h5pySkipReason } from '../h5/h5py-scripts.js';
import { loadModel, loadWeights, saveModel, saveWeights } from '../h5/model-files.js';

const dir = mkdtempSync(join(tmpdir(), 'hostile-weights-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const skip = h5pySkipReason();

function small(): ReturnType<typeof sequential> {
  resetNames();
  return sequential([layers.dense({ units: 3, inputShape: [4] })]);
}

// Edits an HDF5 file (or the model.weights.h5 inside a .keras archive) with h5py.
function edit(path: string, body: string): void {
  const script = `
import io, sys, zipfile, h5py
path = sys.argv[1]
def change(f):
${body.split('\n').map((l) => `    ${l}`).join('\n')}
if path.endswith('.keras'):
    with zipfile.ZipFile(path) as z:
        items = {n: z.read(n) for n in z.namelist()}
    buf = io.BytesIO(items['model.weights.h5'])
    with h5py.File(buf, 'r+') as f:
        change(f)
    items['model.weights.h5'] = buf.getvalue()
    with zipfile.ZipFile(path, 'w') as z:
        for n, d in items.items():
            z.writestr(n, d)
else:
    with h5py.File(path, 'r+') as f:
        change(f)
`;
  const r = spawnSync(findH5pyPython()!, ['-c', script, path], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

describe('hostile Keras 3 weights files', { skip }, () => {
  it('does not follow a hard link that loops back to layers/', { timeout: 10_000 }, async () => {
    const path = join(dir, 'loop.weights.h5');
    await saveWeights(small(), path);
    edit(path, "f['layers/dense/loop'] = f['layers']");
    const model = small();
    await loadWeights(model, path);
    assert.equal(model.layers.at(-1)!.weights.length, 2);
  });

  it('ignores groups nested a thousand deep under layers/', { timeout: 10_000 }, async () => {
    const path = join(dir, 'deep.keras');
    await saveModel(small(), path);
    edit(path, "g = f['layers/dense']\nfor i in range(1000):\n    g = g.create_group('g')");
    assert.equal((await loadModel(path)).layers.length, 1);
  });

  it('reports a wrong dataset shape without reading its values', async () => {
    const path = join(dir, 'huge.weights.h5');
    await saveWeights(small(), path);
    edit(path, "del f['layers/dense/vars/0']\n" +
      "f['layers/dense/vars'].create_dataset('0', shape=(12000, 12000), dtype='f4', chunks=True)");
    const before = process.memoryUsage().rss;
    await assert.rejects(loadWeights(small(), path), (e: Error) => e instanceof IoError &&
      e.message.includes("weight 0 ('dense/kernel:0') has shape [4, 3], the file has " +
        '[12000, 12000]'));
    assert.ok(process.memoryUsage().rss - before < 300 * 2 ** 20, 'read the unused values');
  });

  it('leaves a huge dataset in a group the model does not use unread', async () => {
    const path = join(dir, 'extra.weights.h5');
    await saveWeights(small(), path);
    edit(path, "f.create_group('layers/dense_9/vars').create_dataset('0', shape=(12000, 12000), " +
      "dtype='f4', chunks=True)");
    const before = process.memoryUsage().rss;
    await assert.rejects(loadWeights(small(), path), (e: Error) => e instanceof IoError);
    assert.ok(process.memoryUsage().rss - before < 300 * 2 ** 20, 'read the unused values');
  });
});
