import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { describe, it } from 'node:test';
import { allowedHosts, hostAllowed, isLoopback } from './allowed-hosts.js';

describe('allowed hosts', () => {
  it('counts 127.0.0.0/8, ::1 and localhost as loopback, nothing else', () => {
    for (const h of ['127.0.0.1', '127.0.0.2', '127.255.1.9', '::1', '[::1]', 'localhost']) {
      assert.equal(isLoopback(h), true, h);
    }
    for (const h of ['0.0.0.0', '::', '10.0.0.1', '127.example.com', '128.0.0.1', '192.168.1.2']) {
      assert.equal(isLoopback(h), false, h);
    }
  });

  it('accepts the loopback names with the port, and the bound address', () => {
    assert.deepEqual([...allowedHosts('127.0.0.1', 8080)].sort(),
      ['127.0.0.1:8080', '[::1]:8080', 'localhost:8080']);
    assert.deepEqual([...allowedHosts('::1', 5000)].sort(),
      ['127.0.0.1:5000', '[::1]:5000', 'localhost:5000']);
    assert.ok(allowedHosts('192.168.1.20', 8080).has('192.168.1.20:8080'));
    assert.ok(allowedHosts('fe80::1', 8080).has('[fe80::1]:8080'));
    assert.ok(allowedHosts('127.0.0.1', 80).has('localhost'));
    assert.ok(!allowedHosts('127.0.0.1', 8080).has('localhost'));
  });

  it('accepts this machine\'s own addresses when bound to every interface', () => {
    const allowed = allowedHosts('0.0.0.0', 9000);
    const own = Object.values(networkInterfaces()).flat().filter((i) => i?.family === 'IPv4');
    for (const item of own) assert.ok(allowed.has(`${item!.address}:9000`), item!.address);
    assert.ok(!allowed.has('0.0.0.0:9000'));
    assert.ok(!allowed.has('evil.example:9000'));
  });

  it('matches Host headers without regard to case or a trailing dot', () => {
    const allowed = allowedHosts('127.0.0.1', 8080);
    assert.equal(hostAllowed('LocalHost:8080', allowed), true);
    assert.equal(hostAllowed('localhost.:8080', allowed), true);
    assert.equal(hostAllowed('localhost:8081', allowed), false);
    assert.equal(hostAllowed('attacker.example:8080', allowed), false);
    assert.equal(hostAllowed(undefined, allowed), false);
  });
});
