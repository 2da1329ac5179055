/**
 * A small argument parser for the CLI: `--name value`, `--name=value`, boolean `--flag`,
 * `--no-flag`, and positional arguments. Unknown options are errors, never silently ignored.
 */
import { ValueError } from '../errors.js';

export interface OptionSpec {
  /** 'string' takes a value; 'boolean' is a flag. */
  type: 'string' | 'boolean';
  default?: string | boolean;
}

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | boolean | undefined>;
}

export function parseArgs(args: string[], spec: Record<string, OptionSpec>, command: string): ParsedArgs {
  const options: ParsedArgs['options'] = {};
  for (const [name, s] of Object.entries(spec)) options[name] = s.default;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (/^-[a-zA-Z]/.test(arg)) {
      throw new ValueError(`convnet ${command}: unknown option '${arg}'; options are written ` +
        `with two dashes (--name value)`);
    }
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    let name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    let negated = false;
    if (!(name in spec) && name.startsWith('no-') && spec[name.slice(3)]?.type === 'boolean') {
      name = name.slice(3);
      negated = true;
    }
    const s = spec[name];
    if (s === undefined) {
      const known = Object.keys(spec).map((k) => `--${k}`).join(', ');
      throw new ValueError(`convnet ${command}: unknown option '--${name}'; ` +
        (known === '' ? 'this command takes no options' : `known options: ${known}`));
    }
    if (s.type === 'boolean') {
      options[name] = !negated;
    } else {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) {
        throw new ValueError(`convnet ${command}: option '--${name}' needs a value` +
          (value === undefined ? '' : `, got the option '${value}' instead`));
      }
      options[name] = value;
    }
  }
  return { positional, options };
}

/** Reads a numeric option, with a message naming the option and the accepted values. */
export function numberOption(value: string | boolean | undefined, name: string,
  fallback: number, check?: (n: number) => boolean, expected = 'a valid number'): number {
  if (value === undefined || value === false) return fallback;
  const n = Number(value);
  if (value === true || !Number.isFinite(n) || (check !== undefined && !check(n))) {
    throw new ValueError(`option '--${name}': expected ${expected}, got '${String(value)}'`);
  }
  return n;
}

/** A whole number from `min` to `max`, for {@link numberOption}. */
export function wholeNumber(min: number, max = Infinity): [(n: number) => boolean, string] {
  const check = (n: number): boolean => Number.isInteger(n) && n >= min && n <= max;
  const expected = max === Infinity ? `a whole number of at least ${min}`
    : `a whole number from ${min} to ${max}`;
  return [check, expected];
}
