/**
 * Whole-number options of the model commands (`--top`, `--limit`, `--batch-size`, `--port`),
 * whose errors state the accepted range, not only that the value is wrong.
 *
 * @example
 * wholeNumberOption('5', 'top', 3, { min: 1 });           // 5
 * wholeNumberOption('0', 'top', 3, { min: 1 });           // throws: "... at least 1, got '0'"
 * portOption('99999');                                     // throws: "... from 0 to 65535 ..."
 */
import { ValueError } from '../../errors.js';

export interface WholeNumberRange {
  min: number;
  /** Inclusive; no upper bound when absent. */
  max?: number;
}

/**
 * `value` as a whole number in `range`, or `fallback` when the option was not given.
 *
 * @example
 * const limit = wholeNumberOption(options.limit, 'limit', 10000, { min: 1, max: 10000 });
 */
export function wholeNumberOption(value: string | boolean | undefined, name: string,
  fallback: number, range: WholeNumberRange): number {
  if (value === undefined || value === false) return fallback;
  const n = typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(n) && n >= range.min && (range.max === undefined || n <= range.max)) {
    return n;
  }
  const accepted = range.max === undefined ? `of at least ${range.min}`
    : `from ${range.min} to ${range.max}`;
  throw new ValueError(`option '--${name}': expected a whole number ${accepted}, ` +
    `got '${String(value)}'`);
}

/**
 * A TCP port from 0 to 65535 (0: the system picks a free one).
 *
 * @example
 * const port = portOption(options.port); // 8080 when not given
 */
export function portOption(value: string | boolean | undefined, fallback = 8080): number {
  try {
    return wholeNumberOption(value, 'port', fallback, { min: 0, max: 65535 });
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
    throw new ValueError(`option '--port': expected a port number from 0 to 65535 ` +
      `(0 picks a free one), got '${String(value)}'`);
  }
}
