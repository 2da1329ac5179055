/**
 * Python's `str.format` for named fields, so that file-name templates written for Keras
 * (`'weights.{epoch:02d}-{val_loss:.2f}.h5'`) give the same names here.
 *
 * Values are `number` (a Python float), `bigint` (a Python int) or `string`. Numbers are
 * rounded like Python: the exact binary value is rounded to the requested digits, ties to
 * even, so `{x:.2f}` of 0.125 is "0.12" (JavaScript's toFixed gives "0.13").
 *
 * Supported format spec: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]` with
 * types d, b, o, x, X, n, e, E, f, F, g, G, %, s and none. Positional fields (`{}`, `{0}`),
 * attribute/index access and conversions (`!r`) are not supported and throw.
 *
 * @example
 * formatPython('w.{epoch:02d}-{val_loss:.2f}.h5', { epoch: 1n, val_loss: 0.123456 });
 * // 'w.01-0.12.h5'
 */
import { NotSupportedError, ValueError } from '../errors.js';

export type FormatValue = number | bigint | string;

interface Field {
  name: string;
  spec: string;
}

type Piece = string | Field;

/** Formats `template`, replacing `{name}` / `{name:spec}`; `{{` and `}}` are literal braces. */
export function formatPython(template: string, values: Readonly<Record<string, FormatValue>>):
  string {
  let out = '';
  for (const piece of parseTemplate(template)) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    if (!Object.hasOwn(values, piece.name)) {
      throw new ValueError(`format "${template}": missing key ${piece.name}; available keys: ` +
        `${Object.keys(values).join(', ') || '(none)'}`);
    }
    out += formatValue(values[piece.name]!, piece.spec);
  }
  return out;
}

/** The field names a template uses, in order of first use. */
export function templateFields(template: string): string[] {
  const names: string[] = [];
  for (const piece of parseTemplate(template)) {
    if (typeof piece !== 'string' && !names.includes(piece.name)) names.push(piece.name);
  }
  return names;
}

function parseTemplate(template: string): Piece[] {
  const pieces: Piece[] = [];
  let literal = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if ((c === '{' || c === '}') && template[i + 1] === c) {
      literal += c;
      i += 2;
    } else if (c === '}') {
      throw new ValueError(`format "${template}": single '}' at position ${i}; write '}}'`);
    } else if (c === '{') {
      const end = template.indexOf('}', i);
      if (end < 0) throw new ValueError(`format "${template}": '{' at position ${i} is not closed`);
      if (literal !== '') pieces.push(literal);
      literal = '';
      pieces.push(parseField(template.slice(i + 1, end), template));
      i = end + 1;
    } else {
      literal += c;
      i++;
    }
  }
  if (literal !== '') pieces.push(literal);
  return pieces;
}

function parseField(body: string, template: string): Field {
  const colon = body.indexOf(':');
  const name = colon < 0 ? body : body.slice(0, colon);
  const spec = colon < 0 ? '' : body.slice(colon + 1);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new NotSupportedError(`format "${template}": field '{${body}}' (supported: named ` +
      `fields such as {epoch} or {val_loss:.2f}; no positional fields, '!r', '.attr' or '[i]')`);
  }
  if (spec.includes('{')) {
    throw new NotSupportedError(`format "${template}": nested fields in '{${body}}'`);
  }
  return { name, spec };
}

interface Spec {
  fill: string;
  align: '<' | '>' | '^' | '=' | '';
  sign: '+' | '-' | ' ';
  coerceZero: boolean;
  alternate: boolean;
  width: number;
  grouping: ',' | '_' | '';
  precision: number | null;
  type: string;
}

const SPEC = /^(?:(.)?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su;

function parseSpec(spec: string): Spec {
  const m = SPEC.exec(spec);
  if (m === null) throw new ValueError(`format spec '${spec}' is not valid`);
  const zero = m[6] !== undefined;
  return {
    fill: m[1] ?? (zero && m[2] === undefined ? '0' : ' '),
    align: (m[2] ?? (zero ? '=' : '')) as Spec['align'],
    sign: (m[3] ?? '-') as Spec['sign'],
    coerceZero: m[4] !== undefined,
    alternate: m[5] !== undefined,
    width: m[7] === undefined ? 0 : Number(m[7]),
    grouping: (m[8] ?? '') as Spec['grouping'],
    precision: m[9] === undefined ? null : Number(m[9]),
    type: m[10] ?? '',
  };
}

/** Formats one value with a Python format spec (the part after ':'). */
export function formatValue(value: FormatValue, specText: string): string {
  const spec = parseSpec(specText);
  if (typeof value === 'string') return formatString(value, spec, specText);
  if (typeof value === 'bigint') return formatInt(value, spec, specText);
  return formatFloat(value, spec, specText);
}

function formatString(value: string, spec: Spec, specText: string): string {
  if (spec.type !== '' && spec.type !== 's') {
    throw new ValueError(`Unknown format code '${spec.type}' for a string ('${specText}')`);
  }
  if (spec.align === '=' || spec.sign !== '-' || spec.grouping !== '') {
    throw new ValueError(`format spec '${specText}' is not allowed for a string`);
  }
  const text = spec.precision === null ? value : value.slice(0, spec.precision);
  return pad('', text, { ...spec, align: spec.align || '<' });
}

function formatInt(value: bigint, spec: Spec, specText: string): string {
  const radix: Record<string, number> = { '': 10, d: 10, n: 10, b: 2, o: 8, x: 16, X: 16 };
  if (!(spec.type in radix)) {
    if ('eEfFgG%'.includes(spec.type)) return formatFloat(Number(value), spec, specText);
    throw new ValueError(`Unknown format code '${spec.type}' for an integer ('${specText}')`);
  }
  if (spec.precision !== null) {
    throw new ValueError(`Precision not allowed in integer format specifier '${specText}'`);
  }
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString(radix[spec.type]);
  if (spec.type === 'X') digits = digits.toUpperCase();
  const decimal = spec.type === '' || 'dn'.includes(spec.type);
  if (spec.grouping !== '') digits = group(digits, spec.grouping, decimal ? 3 : 4);
  const prefix = spec.alternate && spec.type !== '' && 'boxX'.includes(spec.type)
    ? '0' + (spec.type === 'X' ? 'X' : spec.type) : '';
  return pad(signOf(negative, spec) + prefix, digits, spec);
}

function formatFloat(value: number, spec: Spec, specText: string): string {
  if (spec.type !== '' && 'dboxX'.includes(spec.type)) {
    // Python refuses 'd' for floats; JavaScript has one number type, so accept whole numbers.
    if (!Number.isInteger(value)) {
      throw new ValueError(`Unknown format code '${spec.type}' for the non-integer ${value} ` +
        `('${specText}'); use '.Nf' or 'g' for fractional values`);
    }
    return formatInt(BigInt(value), spec, specText);
  }
  if (spec.type === 's' || spec.type === 'c') {
    throw new ValueError(`Unknown format code '${spec.type}' for a number ('${specText}')`);
  }

  let negative = value < 0 || Object.is(value, -0);
  let body = floatBody(Math.abs(value), spec);
  const mantissa = body.split(/e/i)[0]!;
  if (Number.isNaN(value) || (spec.coerceZero && !/[1-9]/.test(mantissa))) negative = false;
  if (spec.grouping !== '') body = groupNumber(body, spec.grouping);
  return pad(signOf(negative, spec), body, spec);
}

function floatBody(x: number, spec: Spec): string {
  const upper = spec.type === 'E' || spec.type === 'F' || spec.type === 'G';
  if (!Number.isFinite(x)) {
    const word = Number.isNaN(x) ? 'nan' : 'inf';
    return (upper ? word.toUpperCase() : word) + (spec.type === '%' ? '%' : '');
  }
  const p = spec.precision;
  let body: string;
  switch (spec.type) {
    case 'f': case 'F':
      body = fixed(x, p ?? 6, spec.alternate);
      break;
    case 'e': case 'E':
      body = exponential(x, p ?? 6, spec.alternate);
      break;
    case '%':
      return fixed(x * 100, p ?? 6, spec.alternate) + '%';
    case 'g': case 'G': case 'n':
      body = general(x, p ?? 6, spec.alternate, false);
      break;
    default:
      body = p === null ? pythonRepr(x) : general(x, p, spec.alternate, true);
  }
  return upper ? body.toUpperCase() : body;
}

/** `x` (>= 0, finite) with `digits` decimals, rounded exactly, ties to even. */
function fixed(x: number, digits: number, alternate: boolean): string {
  const scaled = roundScaled(x, digits).toString();
  if (digits === 0) return scaled + (alternate ? '.' : '');
  const padded = scaled.padStart(digits + 1, '0');
  return padded.slice(0, -digits) + '.' + padded.slice(-digits);
}

/** `x` (>= 0, finite) as d.ddd e±XX with `digits` decimals. */
function exponential(x: number, digits: number, alternate: boolean): string {
  const [mantissa, exponent] = roundSignificant(x, digits + 1);
  const text = mantissa.toString().padEnd(digits + 1, '0'); // zero has one digit
  const head = text.slice(0, 1) + (digits > 0 || alternate ? '.' : '') + text.slice(1);
  return head + exponentSuffix(exponent);
}

/** 'e+05', 'e-12', 'e+100': Python writes at least two exponent digits. */
function exponentSuffix(exponent: number): string {
  return 'e' + (exponent < 0 ? '-' : '+') + String(Math.abs(exponent)).padStart(2, '0');
}

/** Python's 'g' (and, with `noType`, the float format without a type letter). */
function general(x: number, precision: number, alternate: boolean, noType: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const [, exponent] = roundSignificant(x, p);
  // without a type letter Python switches to exponent notation one digit earlier
  const useFixed = -4 <= exponent && exponent < (noType ? p - 1 : p);
  let text = useFixed ? fixed(x, p - 1 - exponent, alternate) : exponential(x, p - 1, alternate);
  if (!alternate) text = stripZeros(text);
  if (noType && useFixed && !text.includes('.')) text += '.0';
  return text;
}

function stripZeros(text: string): string {
  const e = text.search(/e/i);
  const mantissa = e < 0 ? text : text.slice(0, e);
  const tail = e < 0 ? '' : text.slice(e);
  if (!mantissa.includes('.')) return text;
  return mantissa.replace(/0+$/, '').replace(/\.$/, '') + tail;
}

/**
 * Python's repr of a float: the shortest digits that read back to the same double, in fixed
 * notation when the decimal exponent is in [-4, 16), else 'd.ddde±XX'.
 *
 * @example
 * pythonRepr(1); // '1.0'    pythonRepr(1e-5); // '1e-05'    pythonRepr(NaN); // 'nan'
 */
export function pythonRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  // toExponential() without an argument gives the shortest round-trip digits
  const [m, e] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = m.replace('.', '');
  const exponent = Number(e);
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    return sign + mantissa + exponentSuffix(exponent);
  }
  if (exponent < 0) return sign + '0.' + '0'.repeat(-exponent - 1) + digits;
  const whole = digits.padEnd(exponent + 1, '0');
  const int = whole.slice(0, exponent + 1);
  const frac = whole.slice(exponent + 1);
  return sign + int + '.' + (frac === '' ? '0' : frac);
}

/** The exact value of a finite double >= 0 as numerator / 2^shift. */
function exact(x: number): { num: bigint; shift: bigint } {
  if (x === 0) return { num: 0n, shift: 0n };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  return exponent >= 0
    ? { num: mantissa << BigInt(exponent), shift: 0n }
    : { num: mantissa, shift: BigInt(-exponent) };
}

/** round(x * 10^digits) exactly, ties to even (digits may be negative). */
function roundScaled(x: number, digits: number): bigint {
  const { num, shift } = exact(x);
  let n = num;
  let d = 1n << shift;
  if (digits >= 0) n *= 10n ** BigInt(digits);
  else d *= 10n ** BigInt(-digits);
  const q = n / d;
  const twice = 2n * (n % d);
  if (twice > d || (twice === d && q % 2n === 1n)) return q + 1n;
  return q;
}

/** [m, e] with m having exactly `count` digits and x ≈ m * 10^(e - count + 1), ties to even. */
function roundSignificant(x: number, count: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  let e = Math.floor(Math.log10(x));
  // log10 can be off by one near powers of ten; fix it with exact integer comparisons
  const { num, shift } = exact(x);
  const d = 1n << shift;
  const pow = (k: number): [bigint, bigint] =>
    (k >= 0 ? [10n ** BigInt(k), 1n] : [1n, 10n ** BigInt(-k)]);
  const atLeast = (k: number): boolean => {
    const [a, b] = pow(k);
    return num * b >= a * d;
  };
  while (!atLeast(e)) e--;
  while (atLeast(e + 1)) e++;

  let m = roundScaled(x, count - 1 - e);
  if (m === 10n ** BigInt(count)) {
    m /= 10n;
    e++;
  }
  return [m, e];
}

function signOf(negative: boolean, spec: Spec): string {
  if (negative) return '-';
  return spec.sign === '-' ? '' : spec.sign;
}

function group(digits: string, separator: string, size: number): string {
  let out = '';
  for (let i = digits.length; i > 0; i -= size) {
    const start = Math.max(0, i - size);
    out = digits.slice(start, i) + (out === '' ? '' : separator + out);
  }
  return out;
}

function groupNumber(body: string, separator: string): string {
  const m = /^(\d+)(.*)$/s.exec(body);
  return m === null ? body : group(m[1]!, separator, 3) + m[2]!;
}

function pad(sign: string, body: string, spec: Spec): string {
  const length = sign.length + body.length;
  if (length >= spec.width) return sign + body;
  const n = spec.width - length;
  const fill = (k: number): string => spec.fill.repeat(k);
  switch (spec.align || '>') {
    case '<': return sign + body + fill(n);
    case '^': return fill(Math.floor(n / 2)) + sign + body + fill(n - Math.floor(n / 2));
    case '=': return sign + fill(n) + body;
    default: return fill(n) + sign + body;
  }
}
