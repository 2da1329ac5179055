import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { captureLog, FakeModel, runFakeFit } from './fake-training.js';
import { RemoteMonitor } from './remote-monitor.js';

interface Received { url: string; type: string; auth: string; body: string }

/** A loopback server that records requests; returns its root URL and a close function. */
async function recordingServer(received: Received[], status = 200) {
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      received.push({ url: req.url ?? '', type: req.headers['content-type'] ?? '',
        auth: String(req.headers.authorization ?? ''), body });
      res.statusCode = status;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { root: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

describe('RemoteMonitor', () => {
  it('posts each epoch as a form field holding JSON', async () => {
    const received: Received[] = [];
    const server = await recordingServer(received);
    try {
      await runFakeFit(new FakeModel([1]), [new RemoteMonitor({ root: server.root,
        headers: { authorization: 'Bearer t' } })], { epochs: 2, steps: 1,
        batchLoss: (e) => 0.5 / (e + 1), validation: () => ({ val_loss: NaN }) });
    } finally {
      await server.close();
    }
    assert.equal(received.length, 2);
    assert.equal(received[0]!.url, '/publish/epoch/end/');
    assert.equal(received[0]!.type, 'application/x-www-form-urlencoded');
    assert.equal(received[0]!.auth, 'Bearer t');
    const form = new URLSearchParams(received[1]!.body);
    assert.deepEqual(JSON.parse(form.get('data')!), { epoch: 1, loss: 0.25, val_loss: null });
  });

  it('posts a JSON body with sendAsJson, to the given path', async () => {
    const received: Received[] = [];
    const server = await recordingServer(received);
    try {
      await runFakeFit(new FakeModel([1]), [new RemoteMonitor({ root: server.root, path: '/p',
        sendAsJson: true })], { epochs: 1, steps: 1 });
    } finally {
      await server.close();
    }
    assert.deepEqual(received, [{ url: '/p', type: 'application/json', auth: '',
      body: '{"epoch":0,"loss":1}' }]);
  });

  it('warns and keeps training when the server is down or answers an error', async () => {
    const down = await recordingServer([]);
    await down.close();
    const failing: Received[] = [];
    const server = await recordingServer(failing, 500);
    let history: unknown[] = [];
    const { messages } = await captureLog(async () => {
      history = await runFakeFit(new FakeModel([1]), [new RemoteMonitor({ root: down.root }),
        new RemoteMonitor({ root: server.root })], { epochs: 2, steps: 1 });
    });
    await server.close();
    assert.equal(history.length, 2);
    assert.equal(failing.length, 2);
    assert.equal(messages.length, 4);
    assert.match(messages[0]![1], new RegExp(`^Could not reach RemoteMonitor root server at ${down.root}`));
    assert.match(messages[1]![1], /answered 500 Internal Server Error; training continues/);
  });
});
