import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matmul } from '../../ops/matmul.js';
import { tensor } from '../../tensor/tensor.js';
import { getBackend, listBackends } from '../registry.js';
import './auto.js';
import { getNumThreads } from './threads.js';

describe('wasm backend auto registration', () => {
  it('is registered and active right after import', () => {
    assert.ok(listBackends().includes('wasm'));
    assert.equal(getBackend(), 'wasm');
    assert.ok(getNumThreads() >= 1);
  });

  it('runs ops on tensors synchronously', () => {
    const y = matmul(tensor([[1, 2], [3, 4]]), tensor([[5, 6], [7, 8]]));
    assert.deepEqual(y.toArray(), [[19, 22], [43, 50]]);
  });
});
