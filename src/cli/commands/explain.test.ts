import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { wantsColor } from './explain.js';

const cli = fileURLToPath(new URL('../main.js', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, 'explain', ...args], { encoding: 'utf8' });

describe('convnet explain xo', () => {
  const out = mkdtempSync(join(tmpdir(), 'explain-'));
  after(() => rmSync(out, { recursive: true, force: true }));

  it('prints the walkthrough without colour when stdout is a pipe', () => {
    const r = run('xo', '--stride', '2', '--padding', '1');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /0\.77 -0\.11 {2}0\.11/);
    assert.match(r.stdout, /= 8 \/ 2 \+ 1 = 5/);
    assert.doesNotMatch(r.stdout, /\x1b\[/);
  });

  it('colours only a terminal without NO_COLOR, and never with --no-color', () => {
    assert.equal(wantsColor(true, { isTTY: true }, {}), true);
    assert.equal(wantsColor(true, { isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(wantsColor(true, { isTTY: false }, {}), false);
    assert.equal(wantsColor(false, { isTTY: true }, {}), false);
  });

  it('writes every stage as SVG and PNG with --out', () => {
    const r = run('xo', '--out', out);
    assert.equal(r.status, 0, r.stderr);
    const files = readdirSync(out).sort();
    assert.equal(files.filter((f) => f.endsWith('.png')).length, 10);
    assert.equal(files.filter((f) => f.endsWith('.svg')).length, 10);
    assert.ok(!files.some((f) => f.endsWith('.tmp')));
    const png = readFileSync(join(out, '05-feature-maps.png'));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.readUInt32BE(16) > 600, 'three 7x7 maps side by side are wide');
    assert.match(readFileSync(join(out, '05-feature-maps.svg'), 'utf8'), />0\.77</);
  });

  it('refuses an unknown topic and a bad stride with a message', () => {
    const topic = run('xy');
    assert.equal(topic.status, 1);
    assert.match(topic.stderr, /expected the topic 'xo'/);
    const stride = run('xo', '--stride', '0');
    assert.equal(stride.status, 1);
    assert.match(stride.stderr, /stride must be a whole number/);
  });
});
