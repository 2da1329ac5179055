import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { IoError, NotSupportedError } from '../../errors.js';
import { crc32 } from './crc32.js';
import { inflateRawWithStream } from './inflate.js';
import { openZip, readZipEntry } from './zip-reader.js';
import { writeZip } from './zip-writer.js';
import './zip-node.js';

const dir = mkdtempSync(join(tmpdir(), 'zip-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const python = '/usr/bin/python3';
const noPython = spawnSync(python, ['-c', 'import zipfile'], { encoding: 'utf8' }).status === 0
  ? false : `${python} with zipfile not found`;

function py(script: string, ...args: string[]): string {
  const r = spawnSync(python, ['-c', script, ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('crc32', () => {
  it('gives the check values of the zip polynomial (not CRC-32C)', () => {
    assert.equal(crc32(text('123456789')), 0xcbf43926);
    assert.equal(crc32(new Uint8Array()), 0);
    assert.equal(crc32(text('The quick brown fox jumps over the lazy dog')), 0x414fa339);
  });
});

describe('writeZip and openZip', () => {
  const entries = [
    { name: 'metadata.json', data: text('{"keras_version": "3.7.0"}') },
    { name: 'config.json', data: text('{"class_name": "Sequential"}') },
    { name: 'model.weights.h5', data: Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) % 256) },
    { name: 'assets/naïve.txt', data: new Uint8Array() },
  ];

  it('reads back every entry it wrote, byte for byte', async () => {
    const zip = openZip(writeZip(entries), 'x.zip');
    assert.deepEqual(zip.entries.map((e) => e.name), entries.map((e) => e.name));
    for (const e of entries) assert.deepEqual(await readZipEntry(zip, e.name), e.data);
  });

  it('writes an archive Python zipfile lists and checks', { skip: noPython }, () => {
    const path = join(dir, 'ours.zip');
    writeFileSync(path, writeZip(entries, { date: new Date(2024, 4, 17, 13, 45, 30) }));
    const out = JSON.parse(py(`
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    print(json.dumps({'bad': z.testzip(), 'entries': [[i.filename, i.file_size, i.compress_type,
        list(i.date_time), z.read(i.filename).hex()] for i in z.infolist()]}))`, path));
    assert.equal(out.bad, null);
    assert.deepEqual(out.entries.map((e: unknown[]) => e.slice(0, 4)), entries.map((e) =>
      [e.name, e.data.length, 0, [2024, 5, 17, 13, 45, 30]]));
    assert.equal(out.entries[2][4], Buffer.from(entries[2]!.data).toString('hex'));
  });

  it('reads stored and deflated archives written by Python zipfile', { skip: noPython },
    async () => {
      for (const method of ['ZIP_STORED', 'ZIP_DEFLATED']) {
        const path = join(dir, `${method}.zip`);
        py(`
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.${method}) as z:
    z.writestr('config.json', '{"name": "' + 'conv2d ' * 500 + '"}')
    z.writestr('empty', b'')
    z.comment = b'made by a test'`, path);
        const zip = openZip(readFileSync(path), path);
        assert.deepEqual(zip.entries.map((e) => [e.name, e.method]),
          [['config.json', method === 'ZIP_STORED' ? 0 : 8], ['empty', method === 'ZIP_STORED' ? 0 : 8]]);
        const config = new TextDecoder().decode(await readZipEntry(zip, 'config.json'));
        assert.equal(config, `{"name": "${'conv2d '.repeat(500)}"}`);
        assert.equal((await readZipEntry(zip, 'empty')).length, 0);
      }
    });

  it('reads entries with data descriptors (written to an unseekable stream)', { skip: noPython },
    async () => {
      const path = join(dir, 'stream.zip');
      py(`
import sys, zipfile
class Pipe:
    def __init__(self, f): self.f, self.n = f, 0
    def write(self, b): self.n += len(b); return self.f.write(b)
    def tell(self): return self.n
    def flush(self): self.f.flush()
with open(sys.argv[1], 'wb') as f, zipfile.ZipFile(Pipe(f), 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('config.json', '{"streamed": true}')`, path);
      const zip = openZip(readFileSync(path), path);
      assert.equal(zip.entries[0]!.flags & 8, 8);
      assert.equal(new TextDecoder().decode(await readZipEntry(zip, 'config.json')),
        '{"streamed": true}');
    });

  it('reads ZIP64 records Python writes when forced', { skip: noPython }, async () => {
    const path = join(dir, 'zip64.zip');
    py(`
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    with z.open('big.bin', 'w', force_zip64=True) as f:
        f.write(bytes(range(256)) * 4)`, path);
    const zip = openZip(readFileSync(path), path);
    const data = await readZipEntry(zip, 'big.bin');
    assert.equal(data.length, 1024);
    assert.equal(data[257], 1);
  });
});

describe('inflating without node:zlib', () => {
  it('gives the same bytes through DecompressionStream', async () => {
    const original = text('conv2d '.repeat(1000));
    const out = await inflateRawWithStream(deflateRawSync(original), original.length + 1, 't');
    assert.deepEqual(out, original);
  });
});

describe('bad archives are refused clearly', () => {
  const good = writeZip([{ name: 'config.json', data: text('{"class_name": "Sequential"}') },
    { name: 'model.weights.h5', data: new Uint8Array(64).fill(7) }]);

  it('names a file that is not a zip at all', () => {
    assert.throws(() => openZip(text('{"format": "layers-model"}'), 'model.json'), (e: Error) =>
      e instanceof IoError && e.message.startsWith('model.json: not a zip archive') &&
      e.message.includes('JSON text'));
  });

  it('says a cut-short archive is truncated', () => {
    assert.throws(() => openZip(good.subarray(0, 100), 'cut.keras'), (e: Error) =>
      e instanceof IoError && e.message.startsWith('cut.keras: truncated zip archive'));
  });

  it('reports a CRC mismatch naming the entry', async () => {
    const bad = good.slice();
    bad[30 + 'config.json'.length + 3] ^= 0xff; // a byte of config.json's data
    const zip = openZip(bad, 'flip.keras');
    await assert.rejects(readZipEntry(zip, 'config.json'), (e: Error) => e instanceof IoError &&
      e.message.startsWith("flip.keras: entry 'config.json' is corrupt: its CRC-32 is"));
    assert.equal((await readZipEntry(zip, 'model.weights.h5'))[0], 7);
  });

  it('lists what the archive holds when an entry is missing', async () => {
    await assert.rejects(readZipEntry(openZip(good, 'm.keras'), 'metadata.json'), (e: Error) =>
      e instanceof IoError && e.message === "m.keras: the archive has no 'metadata.json' " +
        '(it holds: config.json, model.weights.h5)');
  });

  it('refuses compression methods other than stored and deflate', async () => {
    const bzip = good.slice();
    const view = new DataView(bzip.buffer);
    const central = bzip.length - 22 - (46 * 2 + 'config.json'.length + 'model.weights.h5'.length);
    view.setUint16(central + 10, 12, true);
    await assert.rejects(readZipEntry(openZip(bzip, 'b.keras'), 'config.json'), (e: Error) =>
      e instanceof NotSupportedError && e.message ===
        "b.keras: entry 'config.json' uses compression method 12 (bzip2); supported: 0 (stored) " +
        'and 8 (deflate)');
  });

  it('refuses a deflated entry whose data is corrupt', { skip: noPython }, async () => {
    const path = join(dir, 'deflated.zip');
    py(`
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('config.json', '{"x": "' + 'abc' * 500 + '"}')`, path);
    const bytes = readFileSync(path);
    bytes.fill(0xff, 30 + 'config.json'.length, 30 + 'config.json'.length + 8);
    await assert.rejects(readZipEntry(openZip(bytes, 'd.keras'), 'config.json'), (e: Error) =>
      e instanceof IoError && e.message.startsWith("d.keras: entry 'config.json': the deflated " +
        'data is corrupt'));
  });
});

// One deflated entry whose central directory declares `size`; past 4 GiB through a ZIP64 extra.
function deflatedZip(name: string, data: Uint8Array, size = data.length): Uint8Array {
  const packed = deflateRawSync(data);
  const nameBytes = text(name);
  const wide = size >= 0xffffffff;
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(8, 8, true);
  local.setUint16(26, nameBytes.length, true);
  const central = new DataView(new ArrayBuffer(46 + (wide ? 12 : 0)));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(10, 8, true);
  central.setUint32(16, crc32(data), true);
  central.setUint32(20, packed.length, true);
  central.setUint32(24, wide ? 0xffffffff : size, true);
  central.setUint16(28, nameBytes.length, true);
  central.setUint16(30, wide ? 12 : 0, true);
  const headers = [new Uint8Array(local.buffer), nameBytes, packed];
  const before = headers.reduce((n, b) => n + b.length, 0);
  const extra = new Uint8Array(12);
  if (wide) {
    const view = new DataView(extra.buffer);
    view.setUint16(0, 1, true);
    view.setUint16(2, 8, true);
    view.setBigUint64(4, BigInt(size), true);
  }
  const dir = [new Uint8Array(central.buffer, 0, 46), nameBytes, ...(wide ? [extra] : [])];
  const dirSize = dir.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, before, true);
  return Buffer.concat([...headers, ...dir, new Uint8Array(end.buffer)]);
}

describe('hostile sizes are refused before inflating', () => {
  it('refuses an entry that would inflate past 64 MiB at a bomb-like ratio', async () => {
    const spaces = new Uint8Array(80 * 2 ** 20).fill(32);
    const zip = openZip(deflatedZip('model.weights.h5', spaces), 'bomb.keras');
    await assert.rejects(readZipEntry(zip, 'model.weights.h5'), (e: Error) =>
      e instanceof IoError && e.message.startsWith("bomb.keras: entry 'model.weights.h5' would " +
        `inflate to ${80 * 2 ** 20} bytes (80.0 MiB) from `) && e.message.includes('zip bomb'));
  });

  it('refuses an entry larger than the limit the caller gives', async () => {
    const zip = openZip(deflatedZip('config.json', text('{}'), 2 ** 30), 'big.keras');
    await assert.rejects(readZipEntry(zip, 'config.json', 64 * 2 ** 20), (e: Error) =>
      e instanceof IoError && e.message === "big.keras: entry 'config.json' declares " +
        `${2 ** 30} bytes (1024.0 MiB) from 4 compressed; at most ${64 * 2 ** 20} bytes ` +
        '(64.0 MiB) are read for this entry');
  });

  it('words a ZIP64 size too large to hold in memory', async () => {
    const packed = deflatedZip('model.weights.h5', text('x'.repeat(5000)), 2 ** 52);
    const zip = openZip(packed, 'z.keras');
    assert.equal(zip.entries[0]!.size, 2 ** 52);
    await assert.rejects(readZipEntry(zip, 'model.weights.h5'), (e: Error) =>
      e instanceof IoError && e.message.includes('more than the 4294967294 bytes one entry can ' +
        'inflate to in memory') && !e.message.includes('maxOutputLength'));
  });

  it('still inflates a large entry that compresses like real weights', async () => {
    const noise = Uint8Array.from({ length: 2 ** 20 }, (_, i) => (i * 2654435761) >>> 24);
    const zip = openZip(deflatedZip('model.weights.h5', noise), 'real.keras');
    assert.ok(Buffer.from(await readZipEntry(zip, 'model.weights.h5')).equals(noise));
  });
});
