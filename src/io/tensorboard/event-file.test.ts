import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { crc32c, maskedCrc32c } from './crc32c.js';
import { EventFileWriter } from './event-file-writer.js';
import { histogramBuckets } from './histogram.js';
import { encodeEvent } from './protos.js';
import { readEventsWithPython } from './python-reader.js';
import { encodeRecord } from './record.js';
import { histogramValue, scalarValue } from './summary.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const unspaced = (s: string): string => s.replace(/ /g, '');

describe('TFRecord framing', () => {
  it('computes the CRC-32C check value and the masked CRC of 8 zero bytes', () => {
    assert.equal(crc32c(new TextEncoder().encode('123456789')), 0xe3069283);
    assert.equal(maskedCrc32c(new Uint8Array(8)), 0x07980329);
  });

  it('writes the first event record byte for byte', () => {
    const payload = encodeEvent({ wallTime: 1700000000, fileVersion: 'brain.Event:2' });
    assert.equal(hex(payload), '0900000040fc54d9411a0d627261696e2e4576656e743a32');
    assert.equal(hex(encodeRecord(payload)), unspaced('1800000000000000 a37f4b22 ' +
      '0900000040fc54d9411a0d627261696e2e4576656e743a32 eced8f9d'));
  });

  it('writes a legacy simple_value scalar record byte for byte', () => {
    const event = encodeEvent({ wallTime: 1700000001, step: 1,
      summary: [{ tag: 'epoch_loss', simpleValue: 0.5 }] });
    assert.equal(hex(encodeRecord(event)), unspaced('2000000000000000 29eda950 ' +
      '0900004040fc54d94110012a130a110a0a65706f63685f6c6f7373150000003f 037afcaa'));
  });

  it('writes a TF2 tensor scalar with scalars-plugin metadata byte for byte', () => {
    const event = encodeEvent({ wallTime: 1700000001, step: 1,
      summary: [scalarValue('epoch_loss', 0.5, true)] });
    assert.equal(hex(encodeRecord(event)), unspaced('3800000000000000 a3797d57 ' +
      '0900004040fc54d94110012a2b0a290a0a65706f63685f6c6f7373420a080112002a040000003f4a0f0a0b' +
      '0a077363616c61727312002001 b2faec4c'));
  });
});

describe('histogram buckets', () => {
  it('puts equal values in one bucket of width 1 around them', () => {
    assert.deepEqual(histogramBuckets([1, 1, 1]).rows, [[0.5, 1.5, 3]]);
  });

  it('gives no buckets for no data', () => {
    assert.deepEqual(histogramBuckets([]).rows, []);
    assert.deepEqual(histogramValue('w', [], true).tensor!.shape, [0, 3]);
  });

  it('splits the range in equal buckets and puts the maximum in the last one', () => {
    const { rows } = histogramBuckets([0, 1, 2, 3], 2);
    assert.deepEqual(rows, [[0, 1.5, 2], [1.5, 3, 2]]);
    const thirty = histogramBuckets(Float32Array.from({ length: 300 }, (_, i) => i / 299));
    assert.equal(thirty.rows.length, 30);
    assert.equal(thirty.rows[29]![1], 1);
    assert.equal(thirty.rows.reduce((n, r) => n + r[2], 0), 300);
    assert.deepEqual(thirty.rows.map((r) => r[2]), Array(30).fill(10));
  });

  it('leaves out NaN and infinite values and counts them', () => {
    const h = histogramBuckets([NaN, 2, Infinity, 2]);
    assert.deepEqual(h.rows, [[1.5, 2.5, 2]]);
    assert.equal(h.dropped, 2);
  });
});

describe('EventFileWriter', () => {
  const now = (): number => 1700000000.25;

  it('names the file like TensorFlow and starts it with the file version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-'));
    const w = new EventFileWriter(join(dir, 'train'), { now, hostname: 'box' });
    w.close();
    const [name] = readdirSync(join(dir, 'train'));
    assert.match(name!, new RegExp(`^events\\.out\\.tfevents\\.1700000000\\.box\\.${process.pid}\\.\\d+\\.v2$`));
    const [file] = readEventsWithPython(w.path);
    assert.deepEqual(file!.events, [{ wall_time: 1700000000.25, step: 0, file_version: 'brain.Event:2' }]);
  });

  it('writes scalars and histograms that the independent reader decodes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-'));
    const w = new EventFileWriter(dir, { now });
    w.addScalar('epoch_loss', 0.5, 0);
    w.addScalar('epoch_loss', 0.25, 1);
    w.addHistogram('dense/kernel/histogram', [0, 1, 2, 3], 1);
    w.addHistogram('dense/bias/histogram', [1, 1, 1], 1);
    w.close();

    const events = readEventsWithPython(w.path)[0]!.events;
    assert.equal(events.length, 5);
    const [, first, second, kernel, bias] = events;
    assert.deepEqual(first!.summary, [{ tag: 'epoch_loss', plugin: 'scalars', plugin_content: '',
      data_class: 1, tensor: { dtype: 1, shape: [], values: [0.5] } }]);
    // metadata only on a tag's first value
    assert.deepEqual(second!.summary, [{ tag: 'epoch_loss',
      tensor: { dtype: 1, shape: [], values: [0.25] } }]);
    assert.equal(second!.step, 1);
    const k = kernel!.summary![0]!;
    assert.equal(k.plugin, 'histograms');
    assert.equal(k.tensor!.dtype, 2);
    assert.deepEqual(k.tensor!.shape, [30, 3]);
    assert.deepEqual(k.tensor!.values.slice(0, 3), [0, 0.1, 1]);
    const [left, right, count] = k.tensor!.values.slice(-3) as number[];
    assert.ok(Math.abs(left! - 2.9) < 1e-12 && right === 3 && count === 1);
    assert.deepEqual(bias!.summary![0]!.tensor, { dtype: 2, shape: [1, 3], values: [0.5, 1.5, 3] });
  });

  it('lets the reader detect a corrupted record and tolerate a cut-off last one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-'));
    const w = new EventFileWriter(dir, { now });
    w.addScalar('epoch_loss', 0.5, 0);
    w.close();
    const bytes = readFileSync(w.path);

    writeFileSync(w.path, bytes.subarray(0, bytes.length - 4));
    assert.equal(readEventsWithPython(w.path)[0]!.events.length, 2);

    const corrupt = Buffer.from(bytes);
    corrupt[corrupt.length - 10]! ^= 0xff;
    writeFileSync(w.path, corrupt);
    assert.throws(() => readEventsWithPython(w.path), /data CRC mismatch/);
  });

  it('appends queued records only on flush', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-'));
    const w = new EventFileWriter(dir, { now });
    const size = readFileSync(w.path).length;
    w.addScalar('epoch_loss', 0.5, 0);
    assert.equal(readFileSync(w.path).length, size);
    w.flush();
    assert.ok(readFileSync(w.path).length > size);
    w.close();
    appendFileSync(w.path, new Uint8Array(0));
    assert.throws(() => { w.addScalar('x', 1, 0); w.flush(); }, /closed/);
  });
});
