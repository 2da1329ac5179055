import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Prefetcher } from './prefetch.js';

describe('Prefetcher', () => {
  it('prepares a bounded number of items ahead and serves them once', async () => {
    const started: number[] = [];
    const p = new Prefetcher(async (i) => { started.push(i); return i * 10; }, 10, 2);
    assert.equal(await p.get(0), 0);
    assert.deepEqual(started, [0, 1, 2]);
    assert.equal(p.size, 2);
    assert.equal(await p.get(1), 10);
    assert.equal(await p.get(2), 20);
    assert.deepEqual(started, [0, 1, 2, 3, 4]);
    assert.ok(p.size <= 2);
  });

  it('never prepares past the last item and drops items behind the reader', async () => {
    const started: number[] = [];
    const p = new Prefetcher((i) => { started.push(i); return i; }, 4, 3);
    await p.get(2);
    await Promise.resolve();
    assert.deepEqual(started, [2, 3]);
    await p.get(0);
    await Promise.resolve();
    assert.ok(p.size <= 3);
  });

  it('reports a failure when the failed item is read, not before', async () => {
    const p = new Prefetcher((i) => {
      if (i === 1) throw new Error('item 1 is broken');
      return i;
    }, 3, 1);
    assert.equal(await p.get(0), 0);
    await assert.rejects(p.get(1), /item 1 is broken/);
  });

  it('starts nothing ahead with depth 0 and forgets on reset', async () => {
    const started: number[] = [];
    const p = new Prefetcher((i) => { started.push(i); return i; }, 5, 0);
    await p.get(0);
    assert.deepEqual(started, [0]);
    const q = new Prefetcher((i) => i, 5, 2);
    await q.get(0);
    q.reset();
    assert.equal(q.size, 0);
  });
});
