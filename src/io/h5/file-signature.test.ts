import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeBytes, isHdf5 } from './file-signature.js';

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

describe('HDF5 signature', () => {
  it('is found at offset 0 and after a 512-byte user block', () => {
    assert.equal(isHdf5(Uint8Array.from([...SIGNATURE, 0, 0])), true);
    const withBlock = new Uint8Array(1024);
    withBlock.set(SIGNATURE, 512);
    assert.equal(isHdf5(withBlock), true);
    assert.equal(isHdf5(new Uint8Array(1024)), false);
  });

  it('describes what other files look like, quoting their first bytes', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]);
    assert.equal(describeBytes(zip),
      "first bytes 'PK\\x03\\x04' look like a zip archive — a Keras 3 .keras file?");
    assert.match(describeBytes(new TextEncoder().encode('  {"a": 1}')), /JSON text/);
    assert.equal(describeBytes(new Uint8Array(0)), 'the file is empty');
    assert.equal(describeBytes(new TextEncoder().encode('hello')),
      "first bytes 'hell' are not the HDF5 signature '\\x89HDF'");
  });
});
