import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ValueError } from '../errors.js';
import { replaceAtomic, temporaryPathFor, writeFileAtomic } from './atomic-write.js';

let dir = '';
before(async () => { dir = await mkdtemp(join(tmpdir(), 'atomic-write-')); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

describe('writeFileAtomic', () => {
  it('replaces the file and leaves only it in the folder', async () => {
    const sub = join(dir, 'replace');
    await mkdir(sub);
    await writeFile(join(sub, 'a.txt'), 'old');

    await writeFileAtomic(join(sub, 'a.txt'), 'new');
    assert.equal(await readFile(join(sub, 'a.txt'), 'utf8'), 'new');
    assert.deepEqual(await readdir(sub), ['a.txt']);
  });

  it('writes bytes exactly', async () => {
    const path = join(dir, 'bytes.bin');
    await writeFileAtomic(path, Uint8Array.of(0, 255, 8, 3));
    assert.deepEqual([...await readFile(path)], [0, 255, 8, 3]);
  });

  it('removes its temporary file when the rename fails, and names the path', async () => {
    const sub = join(dir, 'fail');
    await mkdir(join(sub, 'taken'), { recursive: true });

    // A folder sits where the file should go, so the final rename is refused.
    await assert.rejects(writeFileAtomic(join(sub, 'taken'), 'x'),
      { name: 'IoError', message: /writing '.*taken'/ });
    assert.deepEqual(await readdir(sub), ['taken']);
  });

  it('names the path when the folder does not exist', async () => {
    await assert.rejects(writeFileAtomic(join(dir, 'missing', 'a.png'), 'x'),
      { name: 'IoError', message: /missing.a\.png.*folder exists/ });
  });

  it('creates the folder when asked to', async () => {
    const path = join(dir, 'new', 'deeper', 'state.json');
    await writeFileAtomic(path, '{"epoch":3}', { createFolder: true });
    assert.equal(await readFile(path, 'utf8'), '{"epoch":3}');
    assert.deepEqual(await readdir(join(dir, 'new', 'deeper')), ['state.json']);
  });
});

describe('replaceAtomic', () => {
  it('renames what the writer made at the temporary path, which keeps the file name', async () => {
    const sub = join(dir, 'writer');
    await mkdir(sub);
    const seen: string[] = [];

    await replaceAtomic(join(sub, 'w.weights.h5'), async (temp) => {
      seen.push(temp);
      await writeFile(temp, 'weights');
    });
    assert.match(seen[0]!, /\.tmp-\d+-\d+-w\.weights\.h5$/);
    assert.deepEqual(await readdir(sub), ['w.weights.h5']);
    assert.equal(await readFile(join(sub, 'w.weights.h5'), 'utf8'), 'weights');
  });

  it("passes the writer's error through, removes its file and keeps the old target", async () => {
    const sub = join(dir, 'writer-fails');
    await mkdir(sub);
    await writeFile(join(sub, 'm.h5'), 'good');

    await assert.rejects(replaceAtomic(join(sub, 'm.h5'), async (temp) => {
      await writeFile(temp, 'half');
      throw new ValueError('layer 3 has no weights');
    }), { name: 'ValueError', message: 'layer 3 has no weights' });
    assert.deepEqual(await readdir(sub), ['m.h5']);
    assert.equal(await readFile(join(sub, 'm.h5'), 'utf8'), 'good');
  });

  it('names the path when the writer made no file', async () => {
    await assert.rejects(replaceAtomic(join(dir, 'nothing.h5'), () => undefined),
      { name: 'IoError', message: /writing '.*nothing\.h5'/ });
  });
});

describe('temporaryPathFor', () => {
  it('gives a new hidden name in the same folder on every call', () => {
    const a = temporaryPathFor(join('ckpt', 'w.h5'));
    const b = temporaryPathFor(join('ckpt', 'w.h5'));
    assert.match(a, /^ckpt[/\\]\.tmp-\d+-\d+-w\.h5$/);
    assert.notEqual(a, b);
  });
});
