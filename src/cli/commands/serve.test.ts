import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import * as layers from '../../layers/index.js';
import { sequential } from '../../models/sequential.js';
import { rawGet } from '../../server/raw-http.test-helper.js';

const cli = fileURLToPath(new URL('../main.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args],
  { encoding: 'utf8', timeout: 60000 });
const dir = mkdtempSync(join(tmpdir(), 'serve-command-'));
const modelPath = join(dir, 'tiny.h5');
after(() => rmSync(dir, { recursive: true, force: true }));

before(async () => {
  const model = sequential([layers.flatten({ inputShape: [28, 28, 1] }),
    layers.dense({ units: 10, activation: 'softmax' })]);
  await model.save(modelPath);
});

/** Starts `convnet serve ...args`, waits for its address, and stops it with Ctrl+C. */
async function withServe(args: string[], use: (port: number, stdout: string) => Promise<void>):
  Promise<void> {
  const child = spawn(process.execPath, [cli, 'serve', ...args], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c) => { stderr += String(c); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (c) => {
        stdout += String(c);
        const m = /Serving on http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
        if (m && stdout.includes('model ')) resolve(Number(m[1]));
      });
      void exited.then((code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the rest of the banner
    await use(port, stdout);
  } finally {
    child.kill('SIGINT');
    assert.equal(await exited, 0, stderr);
  }
}

describe('convnet serve', () => {
  it('refuses a file that is not a Keras model, naming it and what it holds', async () => {
    const fake = join(dir, 'fake.h5');
    writeFileSync(fake, 'not a model at all');
    const png = join(dir, 'picture.png');
    await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png()
      .toFile(png);
    for (const [file, found] of [[fake, /'not '/], [png, /'\\x89PNG'/]] as const) {
      const r = run('serve', file, '--port', '0');
      assert.equal(r.status, 1, r.stdout);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, new RegExp(`^convnet: serve: '${file.replace(/\./g, '\\.')}' ` +
        'cannot be served as a model: '));
      assert.match(r.stderr, found);
      assert.doesNotMatch(r.stderr, /    at /);
    }
  });

  it('refuses a folder, a missing file and a second model', () => {
    mkdirSync(join(dir, 'runs'), { recursive: true });
    const folder = run('serve', join(dir, 'runs'), '--port', '0');
    assert.equal(folder.status, 1);
    assert.match(folder.stderr, /runs' is a folder, not a model file/);
    const missing = run('serve', join(dir, 'nope.h5'), '--port', '0');
    assert.match(missing.stderr, /model file '.*nope\.h5' not found/);
    const two = run('serve', modelPath, modelPath, '--port', '0');
    assert.equal(two.status, 1);
    assert.match(two.stderr, /expected at most one MODEL file, got 2/);
  });

  it('states the port range', () => {
    for (const port of ['99999', '-1', '80.5', 'http']) {
      const r = run('serve', '--port', port);
      assert.equal(r.status, 1);
      assert.equal(r.stderr, `convnet: option '--port': expected a port number from 0 to ` +
        `65535 (0 picks a free one), got '${port}'\n`);
    }
  });

  it('says the port is taken, without a stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const r = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [cli, 'serve', '--port', String(taken)]);
        let stderr = '';
        child.stderr.on('data', (c) => { stderr += String(c); });
        child.on('exit', (status) => resolve({ status, stderr }));
      });
      assert.equal(r.status, 1);
      assert.match(r.stderr, new RegExp(`^convnet: serve: cannot listen on 127\\.0\\.0\\.1 port ` +
        `${taken}: the port is already in use.*--port 0 to let the system pick a free one`));
      assert.doesNotMatch(r.stderr, /    at |EADDRINUSE/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('serves a real model, tells its input shape, and gives the page its file name only',
    async () => {
      await withServe([modelPath, '--port', '0'], async (port, stdout) => {
        assert.match(stdout, new RegExp(`model +${modelPath.replace(/\./g, '\\.')}, ` +
          'input \\(None, 28, 28, 1\\)\\n'));
        const info = await rawGet(port, '/api/info');
        assert.equal(info.status, 200);
        assert.deepEqual(JSON.parse(info.body), { model: 'tiny.h5' });
        const rebound = await rawGet(port, '/api/info', '', `attacker.example:${port}`);
        assert.equal(rebound.status, 421);
      });
    });
});
