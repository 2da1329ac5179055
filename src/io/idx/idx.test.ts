import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { IoError } from '../../errors.js';
import { tensor } from '../../tensor/tensor.js';
import type { IdxArray } from './idx-format.js';
import { decodeIdx, parseIdx } from './parse-idx.js';
import { readIdx, readIdxSync } from './read-idx.js';
import { encodeIdx, writeIdx } from './write-idx.js';
import { idxToTensor, tensorToIdx } from './idx-tensor.js';

const dir = mkdtempSync(join(tmpdir(), 'idx-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

// BR-10 (a): a valid rank-3 uint8 file, shape [2, 2, 2].
const HEADER = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2];
const VALID = Uint8Array.from([...HEADER, 10, 20, 30, 40, 50, 60, 70, 255]);

describe('IDX reader input validation (BR-10)', () => {
  it('(a) reads a valid uint8 rank-3 file with its big-endian header', async () => {
    const a = await readIdx(file('a-idx3-ubyte', VALID));
    assert.equal(a.dtype, 'uint8');
    assert.deepEqual(a.shape, [2, 2, 2]);
    assert.deepEqual([...a.data], [10, 20, 30, 40, 50, 60, 70, 255]);
    assert.deepEqual(idxToTensor(a, 'float32').toArray(),
      [[[10, 20], [30, 40]], [[50, 60], [70, 255]]]);
  });

  it('(b) reports a truncated file with the promised and found byte counts', async () => {
    const path = file('b-idx3-ubyte', VALID.subarray(0, VALID.length - 1));
    await assert.rejects(readIdx(path), (err: Error) => {
      assert.ok(err instanceof IoError);
      assert.match(err.message, /truncated: expected 8 data bytes, got 7/);
      assert.match(err.message, /b-idx3-ubyte/);
      assert.match(err.message, /header promises uint8 \[2, 2, 2\]/);
      return true;
    });
  });

  it('(c) reports an empty file as an empty or incomplete header', async () => {
    const path = file('c-idx3-ubyte', new Uint8Array(0));
    await assert.rejects(readIdx(path), /c-idx3-ubyte.*empty or incomplete header/);
    assert.throws(() => parseIdx(VALID.subarray(0, 10), 'short'),
      /'short': empty or incomplete header: a rank-3 header needs 16 bytes, the file has 10/);
  });

  it('(d) gunzips a gzip-compressed file transparently, never "bad magic"', async () => {
    const gz = gzipSync(VALID);
    const path = file('d-idx3-ubyte.gz', gz);
    for (const a of [await readIdx(path), readIdxSync(path), await decodeIdx(gz, 'mem')]) {
      assert.deepEqual(a.shape, [2, 2, 2]);
      assert.deepEqual([...a.data], [10, 20, 30, 40, 50, 60, 70, 255]);
    }
    assert.throws(() => parseIdx(gz, 'raw.gz'), (err: Error) =>
      /gzip-compressed/.test(err.message) && !/529205256/.test(err.message));
  });

  it('(e) says an HTML page is not an IDX file', async () => {
    const path = file('e-idx3-ubyte', '<!DOCTYPE html>\n<html><body>404 Not Found</body></html>');
    await assert.rejects(readIdx(path),
      /e-idx3-ubyte' is not an IDX file: it holds an HTML\/XML page \("<!DOCTYPE html>/);
  });

  it('rejects a wrong magic number showing the bytes found', () => {
    const bytes = Uint8Array.from([0, 0, 0x07, 1, 0, 0, 0, 1, 0, 1, 2, 0xff]);
    assert.throws(() => parseIdx(bytes, 'odd'), /not an IDX file: .*got 00 00 07 01/);
  });

  it('rejects extra bytes after the data as a size mismatch', () => {
    const bytes = Uint8Array.from([...VALID, 0]);
    assert.throws(() => parseIdx(bytes, 'long'),
      /size mismatch: expected 8 data bytes, got 9 .*1 bytes left over/);
  });

  it('names the file when it does not exist', async () => {
    await assert.rejects(readIdx(join(dir, 'missing')), /cannot read IDX file '.*missing'/);
  });
});

describe('IDX writer', () => {
  const cases: IdxArray[] = [
    { dtype: 'uint8', shape: [3], data: Uint8Array.of(0, 128, 255) },
    { dtype: 'int8', shape: [2, 2], data: Int8Array.of(-128, -1, 0, 127) },
    { dtype: 'int16', shape: [1, 3], data: Int16Array.of(-32768, 258, 32767) },
    { dtype: 'int32', shape: [2, 1, 1], data: Int32Array.of(-(2 ** 31), 16909060) },
    { dtype: 'float32', shape: [2], data: Float32Array.of(-1.5, 3.25) },
    { dtype: 'float64', shape: [1, 1, 1, 2], data: Float64Array.of(Math.PI, -1e300) },
  ];

  it('writes big-endian headers and values', () => {
    const bytes = encodeIdx(cases[2]!);
    assert.deepEqual([...bytes], [0, 0, 0x0b, 2, 0, 0, 0, 1, 0, 0, 0, 3,
      0x80, 0x00, 0x01, 0x02, 0x7f, 0xff]);
    assert.deepEqual([...encodeIdx(cases[3]!).subarray(16)], [0x80, 0, 0, 0, 1, 2, 3, 4]);
  });

  for (const c of cases) {
    it(`round-trips ${c.dtype} [${c.shape.join(', ')}] through a file`, async () => {
      const path = join(dir, `rt-${c.dtype}`);
      await writeIdx(path, c);
      const back = await readIdx(path);
      assert.equal(back.dtype, c.dtype);
      assert.deepEqual(back.shape, c.shape);
      assert.deepEqual([...back.data], [...c.data]);
    });
  }

  it('leaves no temporary file behind', async () => {
    await writeIdx(join(dir, 'clean'), cases[0]!);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('rejects data that does not fill the shape', () => {
    assert.throws(() => encodeIdx({ dtype: 'uint8', shape: [2, 2], data: new Uint8Array(3) }),
      /shape \[2, 2\] holds 4 values, data has 3/);
  });

  it('converts tensors, refusing values the integer type cannot hold', () => {
    const t = tensor([1, 2, 300], [3], 'int32');
    assert.deepEqual([...tensorToIdx(t, 'int16').data], [1, 2, 300]);
    assert.throws(() => tensorToIdx(t, 'uint8'), /value 300 at flat index 2 does not fit/);
    assert.equal(tensorToIdx(tensor([0.5])).dtype, 'float32');
  });
});
