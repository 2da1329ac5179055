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

describe('wasm worker threads', () => {
  it('start under node flags that workers refuse or that only the main thread takes', async () => {
    const { spawnSync } = await import('node:child_process');
    const index = new URL('./index.js', import.meta.url).href;
    const script = `const w = await import(${JSON.stringify(index)}); w.setNumThreads(2); ` +
      'console.log(await w.threadsReady());';
    for (const flags of [['--input-type=module'], ['--max-old-space-size=3000'],
      ['--max-old-space-size=3000', '--input-type=module']]) {
      const r = spawnSync(process.execPath, [...flags, '-e', script],
        { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } });
      assert.equal(r.stderr, '', `node ${flags.join(' ')}`);
      assert.equal(r.stdout.trim(), '2', `node ${flags.join(' ')}`);
    }
  });
});
