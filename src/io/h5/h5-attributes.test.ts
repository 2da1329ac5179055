import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IoError } from '../../errors.js';
import { OBJECT_HEADER_LIMIT, readStringAttr, readStringList, splitForHeader, writeStringAttr,
  writeStringList } from './h5-attributes.js';
import { readH5, writeH5ToBytes } from './h5-file.js';

describe('string attributes', () => {
  it('round-trips UTF-8 strings, lists and the empty list', async () => {
    const bytes = await writeH5ToBytes((root) => {
      writeStringAttr(root, 'title', 'réseau ünï');
      writeStringList(root, 'names', ['conv2d', 'dense/kernel:0']);
      writeStringList(root, 'none', []);
    });
    const got = await readH5(bytes, (root) => ({
      title: readStringAttr(root, 'title'),
      names: readStringList(root, 'names'),
      none: readStringList(root, 'none'),
      absent: readStringList(root, 'absent'),
    }));
    assert.deepEqual(got, { title: 'réseau ünï', names: ['conv2d', 'dense/kernel:0'], none: [], absent: undefined });
  });

  it('splits a list over the header limit into name0, name1... and joins it back', async () => {
    const names = Array.from({ length: 100 }, (_, i) => `layer_${i}_${'q'.repeat(1000)}`);
    const bytes = await writeH5ToBytes((root) => writeStringList(root, 'layer_names', names));
    const got = await readH5(bytes, (root) => ({
      keys: Object.keys(root.attrs).sort(), names: readStringList(root, 'layer_names') }));

    assert.deepEqual(got.keys, ['layer_names0', 'layer_names1']);
    assert.deepEqual(got.names, names);
  });

  it('sizes parts like fixed-length strings of the longest name, split near-equally', () => {
    const names = Array.from({ length: 7 }, () => 'x'.repeat(20000));
    const parts = splitForHeader('layer_names', names);
    assert.deepEqual(parts.map((p) => p.length), [3, 2, 2]);
    assert.deepEqual(splitForHeader('w', ['a', 'b']), [['a', 'b']]);
  });

  it('refuses a single name longer than the header limit', () => {
    assert.throws(() => splitForHeader('layer_names', ['x'.repeat(OBJECT_HEADER_LIMIT + 1)]),
      (e: Error) => e instanceof IoError && e.message.includes('64512'));
  });
});
