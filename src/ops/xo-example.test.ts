import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// dist/ops/xo-example.test.js -> examples/xo.mjs, which imports the built dist/index.js.
const example = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'xo.mjs');

describe('examples/xo.mjs', () => {
  it('prints the lecture\'s feature maps and pooled maps with truncated decimals', () => {
    const run = spawnSync(process.execPath, [example], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n').map((l) => l.trim().split(/\s+/).join(' '));
    const after = (title: string, count: number): string[] => {
      const at = lines.findIndex((l) => l.startsWith(title));
      assert.ok(at >= 0, `missing section '${title}'`);
      return lines.slice(at + 1, at + 1 + count);
    };
    assert.deepEqual(after('Feature map for backslash', 2),
      ['0.77 -0.11 0.11 0.33 0.55 -0.11 0.33', '-0.11 1.00 -0.11 0.33 -0.11 0.11 -0.11']);
    assert.deepEqual(after('Feature map for slash', 7)[4], '0.11 -0.11 1.00 -0.33 0.11 -0.11 0.55');
    assert.deepEqual(after('Max pooled, window 2, stride 2: cross', 4), [
      '0.55 0.33 0.55 0.33', '0.33 1.00 0.55 0.11', '0.55 0.55 0.55 0.11', '0.33 0.11 0.11 0.33',
    ]);
    assert.deepEqual(after('The X image', 2)[1], '-1 1 -1 -1 -1 -1 -1 1 -1');
  });
});
