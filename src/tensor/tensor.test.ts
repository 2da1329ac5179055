import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tensor } from './tensor.js';

describe('tensor() arguments', () => {
  it('builds from nested arrays and from flat values with a shape', () => {
    assert.deepEqual(tensor([[1, 2], [3, 4]]).shape, [2, 2]);
    assert.deepEqual(tensor([1, 2, 3, 4, 5, 6], [2, 3]).toArray(), [[1, 2, 3], [4, 5, 6]]);
  });

  it('names a dtype given where the shape goes, and an unknown dtype', () => {
    assert.throws(() => tensor([1, 2], 'int32' as never),
      /tensor\(\): shape must be an array of sizes, got the string 'int32'; to choose the dtype, pass it third/);
    assert.throws(() => tensor([1, 2], [2], 'float64' as never),
      /tensor\(\): dtype must be 'float32' or 'int32', got 'float64'/);
    assert.equal(tensor([1, 2], undefined, 'int32').dtype, 'int32');
  });
});
