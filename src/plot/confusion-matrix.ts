/**
 * Confusion matrix of a classifier: counts of (true class, predicted class) pairs, and a heat
 * map of it with the count written in every cell (rows: true class, columns: predicted class).
 */
import type { TopLevelSpec } from 'vega-lite';
import { ValueError } from '../errors.js';
import { renderVegaLite } from './render-vega-lite.js';

/** Class indices: a plain array, a typed array, or anything with such `data` (a Tensor). */
export type Labels = ArrayLike<number> | { readonly data: ArrayLike<number> };

export interface ConfusionMatrixOptions {
  /** Names shown on the axes, one per class; their count sets the number of classes. */
  classNames?: readonly string[];
  /** Number of classes when no names are given. Default: the largest label + 1. */
  numClasses?: number;
  /** Side of one cell in pixels. Default: 36. */
  cellSize?: number;
  /** Title above the map. Default: 'Confusion matrix'. */
  title?: string;
}

/**
 * Counts how often each true class was predicted as each class: `m[t][p]` is the number of
 * samples of true class `t` predicted as `p`. Labels are integers in [0, numClasses).
 *
 * @example
 * computeConfusionMatrix([0, 1, 1, 2], [0, 2, 1, 2]); // [[1, 0, 0], [0, 1, 1], [0, 0, 1]]
 */
export function computeConfusionMatrix(
  yTrue: Labels, yPred: Labels, numClasses?: number): number[][] {
  const t = valuesOf(yTrue);
  const p = valuesOf(yPred);
  if (t.length !== p.length) {
    throw new ValueError(`confusionMatrix: ${t.length} true labels but ${p.length} predicted ` +
      `labels; give one prediction per sample`);
  }
  if (numClasses !== undefined && !(Number.isInteger(numClasses) && numClasses > 0)) {
    throw new ValueError(`confusionMatrix: numClasses must be an integer > 0, got ${numClasses}`);
  }
  const k = numClasses ?? Math.max(largest(checkLabels(t, 'true')),
    largest(checkLabels(p, 'predicted'))) + 1;
  checkLabels(t, 'true', k);
  checkLabels(p, 'predicted', k);

  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < t.length; i++) m[t[i]!]![p[i]!]! += 1;
  return m;
}

/**
 * Draws the confusion matrix as an SVG heat map with the count in each cell.
 *
 * @example
 * const svg = await confusionMatrix(yTrue, yPred, { classNames: ['cat', 'dog', 'bird'] });
 * await svgToPng(svg, 'runs/confusion.png');
 */
export async function confusionMatrix(
  yTrue: Labels, yPred: Labels, options: ConfusionMatrixOptions = {}): Promise<string> {
  const names = options.classNames;
  if (names !== undefined) checkNames(names, options.numClasses);
  const m = computeConfusionMatrix(yTrue, yPred, names?.length ?? options.numClasses);
  if (m.length === 0) {
    throw new ValueError('confusionMatrix: no labels and no classNames, nothing to draw');
  }
  const classNames = names ?? m.map((_, i) => String(i));
  return renderVegaLite(heatMapSpec(m, classNames, options));
}

function heatMapSpec(m: number[][], names: readonly string[],
  options: ConfusionMatrixOptions): TopLevelSpec {
  const cells = m.flatMap((row, t) => row.map((count, p) => ({
    true: names[t], predicted: names[p], count,
  })));
  const max = Math.max(1, ...cells.map((c) => c.count));
  const side = (options.cellSize ?? 36) * names.length;
  const axis = { labelAngle: 0, domain: false, ticks: false };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: options.title ?? 'Confusion matrix',
    width: side,
    height: side,
    data: { values: cells },
    encoding: {
      x: { field: 'predicted', type: 'ordinal', sort: [...names], title: 'Predicted label', axis },
      y: { field: 'true', type: 'ordinal', sort: [...names], title: 'True label', axis },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: { field: 'count', type: 'quantitative', title: 'Count',
            scale: { scheme: 'blues', domain: [0, max] } },
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          // Dark cells get white text so the number stays readable.
          color: {
            condition: { test: `datum.count > ${max / 2}`, value: 'white' },
            value: 'black',
          },
        },
      },
    ],
    config: { font: 'sans-serif' },
  };
}

function valuesOf(labels: Labels): ArrayLike<number> {
  const inner = (labels as { data?: unknown }).data;
  const isTensorLike = typeof inner === 'object' && inner !== null;
  return (isTensorLike ? inner : labels) as ArrayLike<number>;
}

/** Checks that labels are integers in [0, k) (any k >= 0 when k is not given); returns them. */
function checkLabels(labels: ArrayLike<number>, which: string, k = Infinity): ArrayLike<number> {
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= k) {
      const range = k === Infinity ? 'integers >= 0' : `integers in [0, ${k - 1}]`;
      throw new ValueError(`confusionMatrix: ${which} label at index ${i} is ${v}; labels must ` +
        `be class indices (${range}). Take argMax of predicted probabilities first.`);
    }
  }
  return labels;
}

function largest(labels: ArrayLike<number>): number {
  let max = -1;
  for (let i = 0; i < labels.length; i++) max = Math.max(max, labels[i]!);
  return max;
}

function checkNames(names: readonly string[], numClasses: number | undefined): void {
  if (numClasses !== undefined && numClasses !== names.length) {
    throw new ValueError(`confusionMatrix: numClasses is ${numClasses} but ${names.length} ` +
      `classNames were given; give one name per class`);
  }
  const seen = new Set(names);
  if (seen.size !== names.length || names.length === 0) {
    throw new ValueError(`confusionMatrix: classNames must be a non-empty list of distinct ` +
      `names, got [${names.join(', ')}]`);
  }
}
