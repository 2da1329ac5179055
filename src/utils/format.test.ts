import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { formatPython, formatValue, pythonRepr, templateFields, type FormatValue } from './format.js';

// Expected strings were produced by CPython 3.11's format(value, spec).
const CASES: Array<[FormatValue, string, string]> = [
  [0.125, '.2f', '0.12'],
  [0.375, '.2f', '0.38'],
  [0.123456, '.2f', '0.12'],
  [0.0999, '.2f', '0.10'],
  [2.5, '.0f', '2'],
  [3.5, '.0f', '4'],
  [0.05, '.1f', '0.1'],
  [0.25, '.1f', '0.2'],
  [0.35, '.1f', '0.3'],
  [12345.678, '.3e', '1.235e+04'],
  [9.999, '.2e', '1.00e+01'],
  [0.0, 'e', '0.000000e+00'],
  [1e-310, '.1e', '1.0e-310'],
  [0.0001, 'g', '0.0001'],
  [1e-05, 'g', '1e-05'],
  [123456789.0, 'g', '1.23457e+08'],
  [0.0009999, '.3g', '0.001'],
  [9.9999, '.3g', '10'],
  [1.0, '#.3g', '1.00'],
  [-3.14159, '+08.2f', '-0003.14'],
  [1234567.891, ',.2f', '1,234,567.89'],
  [0.1234, '.1%', '12.3%'],
  [NaN, 'f', 'nan'],
  [-Infinity, '08.2f', '-0000inf'],
  [1.0, '.2', '1.0'],
  [1.0, '', '1.0'],
  [0.0001234, '.3', '0.000123'],
  [1.5, '*<6', '1.5***'],
  [-0.001, '.2f', '-0.00'],
  [-0.001, 'z.2f', '0.00'],
  [1e+22, '.2f', '10000000000000000000000.00'],
  [5e-324, '.5f', '0.00000'],
  [1e+16, '', '1e+16'],
  [1e-05, '', '1e-05'],
  [0.1, '', '0.1'],
  [123.456, '', '123.456'],
  [3.14159, '10.4f', '    3.1416'],
  [3.14159, '<10.4f', '3.1416    '],
  [-2.5e-07, '^11.3e', '-2.500e-07 '],
  [1.5e+100, 'E', '1.500000E+100'],
  [1e-20, 'G', '1E-20'],
  [0.1, '.15g', '0.1'],
  [0.1, '.17g', '0.10000000000000001'],
  [0.1, '.20f', '0.10000000000000000555'],
  [1n, '02d', '01'],
  [123n, '02d', '123'],
  [-5n, 'd', '-5'],
  [5n, '=+8d', '+      5'],
  [1234567n, '_d', '1_234_567'],
  [-1234567n, ',d', '-1,234,567'],
  [255n, 'x', 'ff'],
  [255n, '#X', '0XFF'],
  [5n, '#b', '0b101'],
  [8n, 'o', '10'],
  [42n, '^7d', '  42   '],
  [7n, '', '7'],
  [7n, '5', '    7'],
  [3n, '.2f', '3.00'],
  [12n, 'e', '1.200000e+01'],
  ['ab', '>10s', '        ab'],
  ['abcdef', '.3', 'abc'],
  ['x', '', 'x'],
  ['mid', '-^9', '---mid---'],
];

describe('formatPython', () => {
  it('formats the Keras checkpoint template like Python (BR-03)', () => {
    const t = 'w.{epoch:02d}-{val_loss:.2f}.h5';
    assert.equal(formatPython(t, { epoch: 1n, loss: 0.5, val_loss: 0.123456 }), 'w.01-0.12.h5');
    assert.equal(formatPython(t, { epoch: 2n, val_loss: 0.0999 }), 'w.02-0.10.h5');
  });

  it('rounds the exact binary value with ties to even, unlike toFixed', () => {
    assert.equal((0.125).toFixed(2), '0.13');
    assert.equal(formatPython('{x:.2f}', { x: 0.125 }), '0.12');
    assert.equal(formatPython('{x:.2f}', { x: 0.375 }), '0.38');
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875
    assert.equal(formatPython('{x:.2f}', { x: 2.675 }), '2.67');
  });

  for (const [value, spec, expected] of CASES) {
    it(`formats ${String(value)} with '${spec}' as '${expected}'`, () => {
      assert.equal(formatValue(value, spec), expected);
    });
  }

  it('names the missing key and lists the available ones', () => {
    assert.throws(() => formatPython('w.{epoch:02d}-{val_loss:.2f}.h5', { epoch: 1n, loss: 0.5 }),
      /missing key val_loss; available keys: epoch, loss/);
  });

  it('keeps doubled braces literal and lists the fields of a template', () => {
    assert.equal(formatPython('{{a}}-{a}', { a: 'x' }), '{a}-x');
    assert.deepEqual(templateFields('{epoch:02d}-{val_loss:.2f}-{epoch}'), ['epoch', 'val_loss']);
  });

  it('rejects what it does not support instead of guessing', () => {
    assert.throws(() => formatPython('{}', {}), /no positional fields/);
    assert.throws(() => formatPython('{x:d}', { x: 0.5 }), /Unknown format code 'd'/);
    assert.throws(() => formatPython('{x:q}', { x: 1 }), /not valid/);
    assert.throws(() => formatPython('a}b', {}), /single '}'/);
  });

  it('writes floats like Python repr', () => {
    const expected: Array<[number, string]> = [[1, '1.0'], [1e-5, '1e-05'], [0.0001, '0.0001'],
      [1e16, '1e+16'], [1e15, '1000000000000000.0'], [-0, '-0.0'], [NaN, 'nan'],
      [-Infinity, '-inf'], [0.1 + 0.2, '0.30000000000000004'], [1.5e300, '1.5e+300']];
    for (const [x, text] of expected) assert.equal(pythonRepr(x), text, String(x));
  });

  it('agrees with CPython on random values and specs', (t) => {
    const specs = ['.2f', '.0f', '.3f', '.6e', '.1e', 'g', '.3g', '.10g', '', '.4', '+.2%', '012.3f'];
    const values: number[] = [];
    let s = 12345;
    const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    values.push(0, -0, 1, 100, 2552, 0.5, 1e-300, 123456789012345680000);
    for (let i = 0; i < 400; i++) {
      const magnitude = 10 ** Math.floor(rnd() * 16 - 8);
      // quarter steps make exact decimal ties, the interesting case for rounding
      values.push(i % 4 === 0 ? Math.round(rnd() * 4000) / 8 : (rnd() - 0.5) * magnitude);
    }
    // -0 written out, because toExponential drops its sign
    const text = (v: number): string => (Object.is(v, -0) ? '-0.0' : v.toExponential(20));
    const input = values.flatMap((v) => specs.map((spec) => `${text(v)} ${spec}`)).join('\n');
    const script = 'import sys\nfor line in sys.stdin.read().splitlines():\n' +
      '  v, _, s = line.partition(" ")\n  print(format(float(v), s))';
    const py = spawnSync(PYTHON, ['-c', script], { input, encoding: 'utf8' });
    if (py.error !== undefined) {
      t.skip(`python3 not available: ${py.error.message}`);
      return;
    }
    assert.equal(py.status, 0, py.stderr);
    const expected = py.stdout.trimEnd().split('\n');
    const ours = values.flatMap((v) => specs.map((spec) => formatValue(v, spec)));
    assert.equal(ours.length, expected.length);
    for (let i = 0; i < ours.length; i++) assert.equal(ours[i], expected[i], input.split('\n')[i]);
  });
});

const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
