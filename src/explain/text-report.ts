/**
 * The X/O walkthrough as plain text, in the lecture's order, with numbers printed as the
 * lecture prints them (two decimals, cut). Colour is optional ANSI: positive values green,
 * negative red, perfect matches bold.
 *
 * @example
 * process.stdout.write(xoReport({ stride: 2, padding: 1, color: false }));
 */
import { formatLectureNumber as fmt } from './lecture-number.js';
import {
  ILLUSTRATION_WEIGHTS, LECTURE_VOTE_LABELS, LECTURE_VOTE_VALUES, vote, type VoteResult,
} from './votes.js';
import { strideExample, type StrideExample } from './stride-padding.js';
import {
  DISTORTED_X, FEATURES, O_IMAGE, VARIANTS, X_IMAGE, type Grid,
} from './xo-images.js';
import { patchArithmetic, walkthrough, type PatchArithmetic } from './xo.js';

export interface ReportOptions {
  stride?: number;
  padding?: number;
  /** ANSI colours. Default false. */
  color?: boolean;
}

/** The position whose arithmetic the lecture works through: the centre of the X, 5/9. */
export const LECTURE_POSITION = { row: 3, col: 3 } as const;

type Paint = (text: string, value: number) => string;

const plain: Paint = (text) => text;
const ansi: Paint = (text, value) => {
  if (value >= 1) return `\x1b[1;32m${text}\x1b[0m`;
  if (value > 0) return `\x1b[32m${text}\x1b[0m`;
  if (value < 0) return `\x1b[31m${text}\x1b[0m`;
  return `\x1b[2m${text}\x1b[0m`;
};

/** One grid as lines of right-aligned cells. */
export function gridLines(grid: Grid, paint: Paint = plain, format = fmt): string[] {
  const width = Math.max(...grid.flat().map((v) => format(v).length));
  return grid.map((row) => row.map((v) => paint(format(v).padStart(width), v)).join(' '));
}

/** Several grids side by side under their titles. */
export function sideBySide(titles: readonly string[], grids: readonly Grid[], paint: Paint = plain,
  format = fmt): string[] {
  const blocks = grids.map((g) => gridLines(g, plain, format));
  const painted = grids.map((g) => gridLines(g, paint, format));
  const widths = blocks.map((b, i) => Math.max(b[0]?.length ?? 0, titles[i]!.length));
  const height = Math.max(...blocks.map((b) => b.length));
  const lines = [titles.map((t, i) => t.padEnd(widths[i]!)).join('   ').trimEnd()];
  for (let r = 0; r < height; r++) {
    lines.push(painted.map((b, i) => {
      const raw = blocks[i]![r] ?? '';
      return (b[r] ?? '') + ' '.repeat(widths[i]! - raw.length);
    }).join('   ').trimEnd());
  }
  return lines;
}

const pixel = (v: number): string => (v > 0 ? '1' : v < 0 ? '-1' : '0');
const picture = (v: number): string => (v > 0 ? '#' : '.');

/** Renders the whole walkthrough. */
export function xoReport(options: ReportOptions = {}): string {
  const paint = options.color === true ? ansi : plain;
  const w = walkthrough(X_IMAGE);
  const names = FEATURES.map((f) => f.name);
  const out: string[] = [];
  const section = (title: string, ...lines: string[]): void => {
    out.push('', options.color === true ? `\x1b[1m== ${title}\x1b[0m` : `== ${title}`, ...lines);
  };

  out.push('A toy ConvNet: X\'s and O\'s (after "How do Convolutional Neural Networks work?")',
    'Numbers are printed as the lecture prints them: two decimals, CUT, not rounded',
    '(5/9 = 0.5555… prints as 0.55, 7/9 = 0.777… as 0.77).');

  section('1. What computers see: 9x9 pixels, 1 = ink, -1 = background',
    ...sideBySide(['X (lecture)', 'O (our drawing)'], [X_IMAGE, O_IMAGE], paint, pixel),
    '', 'The lecture prints only the X in numbers; the O is our drawing of its picture.');

  section('2. Trickier cases: the same letter, drawn differently',
    ...sideBySide(['distorted (lecture)', ...VARIANTS.map((v) => v.name)],
      [DISTORTED_X, ...VARIANTS.map((v) => v.grid)], plain, picture),
    '', 'Distorted: the lecture\'s hand-drawn X. ' +
      VARIANTS.map((v) => `${v.name}: ${v.note.replace('our drawing: ', '')}`).join('; ') + '.',
    'The shifted, scaled, rotated and thicker grids are our drawings; the lecture shows them',
    'only as pictures. A pixel-by-pixel comparison fails on all of them; features do better.');

  section('3. Features: three 3x3 pieces of an X',
    ...sideBySide(names, FEATURES.map((f) => f.grid), paint, pixel));

  section('4. Filtering: the math behind one match', ...arithmeticLines(
    patchArithmetic(X_IMAGE, FEATURES[0]!.grid, LECTURE_POSITION.row, LECTURE_POSITION.col), paint));

  section('5. Convolution: try every position; one 7x7 map per feature',
    ...sideBySide(names, w.featureMaps, paint),
    '', '1.00 is a perfect match, -1.00 a perfect match of the negative, 0 no match.',
    'One slide of the lecture prints 0.41 in row 5 of the / map; the value is 0.11 (1/9).');

  section('6. Max pooling: window 2, stride 2, each 7x7 map becomes 4x4',
    ...sideBySide(names, w.pooled, paint),
    '', 'The windows on the right and bottom edges hang over the map and take the maximum of',
    'what is inside (\'same\' pooling). Each pooled map keeps the pattern of the original.');

  section('7. ReLU: every negative value becomes 0',
    ...sideBySide(names, w.rectified, paint));

  section('8. Layers get stacked: the output of one is the input of the next',
    'X 9x9x1 → convolution 7x7x3 → ReLU 7x7x3 → pooling 4x4x3 → pooling 2x2x3 = 12 values',
    ...sideBySide(names, w.stacked, paint));

  section('9. Fully connected: every value gets a vote', ...voteLines(
    vote(LECTURE_VOTE_VALUES, ILLUSTRATION_WEIGHTS, LECTURE_VOTE_LABELS)));

  section('10. Stride, zero padding and the output size', ...strideLines(
    strideExample(X_IMAGE, FEATURES[0]!.grid, { stride: options.stride, padding: options.padding }),
    paint));

  return out.join('\n') + '\n';
}

/** The 9 products, their sum and the division by 9. */
export function arithmeticLines(a: PatchArithmetic, paint: Paint = plain): string[] {
  const terms = a.products.flat();
  const sumText = terms.map((t, i) => (i === 0 ? fmtInt(t) : (t < 0 ? `− ${-t}` : `+ ${t}`)))
    .join(' ');
  const count = terms.length;
  return [
    `Feature ${FEATURES[0]!.name} over the image patch at row ${a.row + 1}, column ${a.col + 1}:`,
    ...sideBySide(['patch', 'feature', 'products'], [a.patch, a.feature, a.products], paint, pixel),
    '',
    `1. line up  2. multiply each pair  3. add: ${sumText} = ${fmtInt(a.sum)}`,
    `4. divide by the ${count} pixels: ${fmtInt(a.sum)} / ${count} = ${fmt(a.value)}` +
      ` (${a.value.toFixed(4)}…, cut to two decimals)`,
    `This number goes into the feature map at row ${a.row + 1}, column ${a.col + 1}.`,
  ];
}

function voteLines(v: VoteResult): string[] {
  const lines = [
    `The 12 values on the lecture's slide: ${v.values.map(fmt).join(', ')}`,
    'Each answer is a weighted sum of all of them: score = Σ value × weight.',
  ];
  v.labels.forEach((label, j) => {
    const terms = v.values.map((x, i) => ({ x, wgt: v.weights[i]![j]! })).filter((t) => t.wgt !== 0);
    const text = terms.map((t) => `${t.wgt} × ${fmt(t.x)}`).join(' + ');
    lines.push(`  ${label} = ${text} = ${fmt(v.scores[j]!)}`);
  });
  lines.push('The lecture\'s network answers X .92, O .51. It does not show its weights: the',
    'weights above (1/4 on four values for each answer, 0 on the rest) are ours, chosen to',
    'illustrate the arithmetic and to reproduce those two answers. A trained network learns them.');
  return lines;
}

function strideLines(e: StrideExample, paint: Paint): string[] {
  const divides = (e.n + 2 * e.p - e.f) % e.s === 0;
  return [
    'Stride s: how many pixels the feature moves each step (the walkthrough used 1).',
    'Zero padding p: rings of zeros around the image, so that edges are matched as often as',
    'the middle and the map can keep the image\'s size.',
    'Output size = (n + 2p − f) / s + 1, with n the image size and f the feature size.',
    '',
    `Worked example (--stride ${e.s} --padding ${e.p}), X image n = ${e.n}, feature ${FEATURES[0]!.name}` +
      ` f = ${e.f}:`,
    `  (${e.n} + 2×${e.p} − ${e.f}) / ${e.s} + 1 = ${e.n + 2 * e.p - e.f} / ${e.s} + 1 = ` +
      (divides ? `${e.outputSize}` : `${trimNumber(e.exact)} → ${e.outputSize} (the last positions ` +
        'would hang over the edge, so the result is rounded down)'),
    `  → a ${e.outputSize}x${e.outputSize} feature map:`,
    ...gridLines(e.map, paint).map((l) => `  ${l}`),
  ];
}

function fmtInt(v: number): string {
  return v < 0 ? `−${-v}` : String(v);
}

function trimNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}
