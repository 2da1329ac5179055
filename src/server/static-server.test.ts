import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { IoError } from '../errors.js';
import { setLogSink, type LogSink } from '../log.js';
import { rawGet, rawRequest } from './raw-http.test-helper.js';
import { startServer, type RunningServer } from './static-server.js';

describe('static server', () => {
  const top = mkdtempSync(join(tmpdir(), 'serve-'));
  const root = join(top, 'web');
  let server: RunningServer;

  before(async () => {
    mkdirSync(join(root, 'css'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>xo</title>');
    writeFileSync(join(root, 'css', 'page.css'), 'body { margin: 0 }');
    writeFileSync(join(root, 'kernels.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    writeFileSync(join(top, 'secret.txt'), 'top secret');
    writeFileSync(join(top, 'model.h5'), Buffer.from('\x89HDF\r\n\x1a\nfake', 'latin1'));
    symlinkSync(join(top, 'secret.txt'), join(root, 'link.txt'));
    server = await startServer({ root, port: 0, modelPath: join(top, 'model.h5') });
  });
  after(async () => {
    await server.close();
    rmSync(top, { recursive: true, force: true });
  });

  it('binds to 127.0.0.1 by default', () => {
    assert.equal(server.host, '127.0.0.1');
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the index page with the cross-origin isolation headers', async () => {
    const r = await rawGet(server.port, '/');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(r.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(r.headers['cross-origin-embedder-policy'], 'require-corp');
    assert.equal(r.body, '<!doctype html><title>xo</title>');
  });

  it('sends WebAssembly as application/wasm and CSS as text/css', async () => {
    const wasm = await rawGet(server.port, '/kernels.wasm');
    assert.equal(wasm.headers['content-type'], 'application/wasm');
    assert.equal(wasm.headers['content-length'], '8');
    const css = await rawGet(server.port, '/css/page.css?v=2');
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
    assert.equal(css.body, 'body { margin: 0 }');
  });

  it('refuses paths that climb out of its folder, plain or encoded', async () => {
    for (const target of ['/../secret.txt', '/css/../../secret.txt', '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt', '/css/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt', '//etc/passwd']) {
      const r = await rawGet(server.port, target);
      assert.equal(r.status, 403, target);
      assert.doesNotMatch(r.body, /top secret/, target);
    }
  });

  it('does not serve absolute paths or links that point outside', async () => {
    const absolute = await rawGet(server.port, join(top, 'secret.txt'));
    assert.equal(absolute.status, 404);
    const link = await rawGet(server.port, '/link.txt');
    assert.equal(link.status, 404);
    assert.doesNotMatch(link.body, /top secret/);
    const notSlash = await rawGet(server.port, 'http://127.0.0.1/../secret.txt');
    assert.equal(notSlash.status, 400);
  });

  it('answers 404 for unknown files and routes', async () => {
    assert.equal((await rawGet(server.port, '/nope.html')).status, 404);
    assert.equal((await rawGet(server.port, '/api/nope')).status, 404);
    assert.equal((await rawGet(server.port, '/css')).status, 404);
  });

  it('answers 400 to bad percent-encoding and NUL bytes', async () => {
    assert.equal((await rawGet(server.port, '/%E0%A4%A')).status, 400);
    assert.equal((await rawGet(server.port, '/index.html%00.png')).status, 400);
  });

  it('answers 405 to methods other than GET and HEAD', async () => {
    const r = await rawRequest(server.port,
      `POST /index.html HTTP/1.1\r\nHost: localhost:${server.port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    assert.equal(r.status, 405);
    assert.equal(r.headers['allow'], 'GET, HEAD');
    const head = await rawRequest(server.port,
      `HEAD / HTTP/1.1\r\nHost: localhost:${server.port}\r\nConnection: close\r\n\r\n`);
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });

  it('survives a garbage request line and oversized headers', async () => {
    const garbage = await rawRequest(server.port, 'HELLO\x01\x02 there\r\n\r\n');
    assert.equal(garbage.status, 400);
    const huge = await rawGet(server.port, '/', `X-Big: ${'a'.repeat(64 * 1024)}\r\n`);
    assert.equal(huge.status, 431);
    assert.equal((await rawGet(server.port, '/')).status, 200);
  });

  it('hands out the model and says its name', async () => {
    const info = await rawGet(server.port, '/api/info');
    assert.deepEqual(JSON.parse(info.body), { model: 'model.h5' });
    const model = await rawGet(server.port, '/api/model.h5');
    assert.equal(model.headers['content-type'], 'application/x-hdf5');
    assert.ok(model.body.startsWith('\x89HDF'));
  });

  it('answers only requests for its own address (DNS rebinding)', async () => {
    const p = server.port;
    for (const host of [`127.0.0.1:${p}`, `localhost:${p}`, `LOCALHOST:${p}`, `[::1]:${p}`]) {
      assert.equal((await rawGet(p, '/', '', host)).status, 200, host);
    }
    for (const host of [`evil.example:${p}`, 'evil.example', '127.0.0.1', `127.0.0.1:${p + 1}`,
      `127.0.0.2:${p}`, `localhost.evil.example:${p}`]) {
      const r = await rawGet(p, '/api/model.h5', '', host);
      assert.equal(r.status, 421, host);
      assert.doesNotMatch(r.body, /HDF/, host);
    }
    const noHost = await rawRequest(p, 'GET /api/info HTTP/1.0\r\n\r\n');
    assert.equal(noHost.status, 421);
  });

  it('says which port is taken and how to pick another', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      await assert.rejects(startServer({ root, port: taken }), (error: Error) => {
        assert.ok(error instanceof IoError, String(error));
        assert.match(error.message, new RegExp(`cannot listen on 127\\.0\\.0\\.1 port ${taken}: ` +
          `the port is already in use.*--port ${taken + 1}, or --port 0`));
        return true;
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('does not warn on other loopback addresses, and accepts them as Host', async () => {
    const seen: string[] = [];
    const previous: LogSink = setLogSink((_level, message) => seen.push(message));
    try {
      for (const host of ['127.0.0.2', 'localhost']) {
        const other = await startServer({ root, port: 0, host });
        try {
          if (host === '127.0.0.2') {
            const ask = (name: string) => rawRequest(other.port,
              `GET / HTTP/1.1\r\nHost: ${name}\r\nConnection: close\r\n\r\n`, '127.0.0.2');
            assert.equal((await ask(`127.0.0.2:${other.port}`)).status, 200);
            assert.equal((await ask(`127.0.0.3:${other.port}`)).status, 421);
          }
        } finally {
          await other.close();
        }
      }
    } finally {
      setLogSink(previous);
    }
    assert.deepEqual(seen, []);
  });
});
