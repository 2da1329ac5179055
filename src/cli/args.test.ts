import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberOption, parseArgs, wholeNumber } from './args.js';

describe('CLI arguments', () => {
  const spec = { epochs: { type: 'string' as const }, augment: { type: 'boolean' as const, default: true } };

  it('reads --name value, --name=value, --no-flag and positionals', () => {
    const r = parseArgs(['mnist', '--epochs', '3', '--no-augment'], spec, 'train');
    assert.deepEqual(r.positional, ['mnist']);
    assert.equal(r.options.epochs, '3');
    assert.equal(r.options.augment, false);
    assert.equal(parseArgs(['--epochs=7'], spec, 'train').options.epochs, '7');
  });

  it('names an unknown option and lists the known ones, or says there are none', () => {
    assert.throws(() => parseArgs(['--epoch', '3'], spec, 'train'),
      /convnet train: unknown option '--epoch'; known options: --epochs, --augment/);
    assert.throws(() => parseArgs(['--bogus'], {}, 'summary'),
      /convnet summary: unknown option '--bogus'; this command takes no options/);
  });

  it('says when an option is missing its value rather than taking the next option as it', () => {
    assert.throws(() => parseArgs(['mnist', '--epochs', '--no-augment'], spec, 'train'),
      /convnet train: option '--epochs' needs a value, got the option '--no-augment' instead/);
    assert.throws(() => parseArgs(['mnist', '--epochs'], spec, 'train'),
      /convnet train: option '--epochs' needs a value$/);
    assert.equal(parseArgs(['--epochs=--x'], spec, 'train').options.epochs, '--x');
  });

  it('names a one-dash option instead of taking it for a positional', () => {
    assert.throws(() => parseArgs(['mnist', '-o', 'out'], spec, 'train'),
      /convnet train: unknown option '-o'; options are written with two dashes \(--name value\)/);
    assert.deepEqual(parseArgs(['-'], spec, 'train').positional, ['-']);
  });

  it('states the accepted range of a numeric option', () => {
    assert.throws(() => numberOption('0', 'epochs', 5, ...wholeNumber(1)),
      /option '--epochs': expected a whole number of at least 1, got '0'/);
    assert.throws(() => numberOption('7', 'verbose', 1, ...wholeNumber(0, 2)),
      /expected a whole number from 0 to 2, got '7'/);
    assert.equal(numberOption(undefined, 'epochs', 5, ...wholeNumber(1)), 5);
  });
});
