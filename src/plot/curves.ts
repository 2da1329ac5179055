/**
 * Learning curves: one panel per quantity (loss, then accuracy), epochs on the x axis counted
 * from 1, training values as dots and validation values as a solid line, in the manner of the
 * classic `plot(epochs, loss, 'bo')` + `plot(epochs, val_loss, 'b')` figures.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ValueError } from '../errors.js';
import { renderVegaLite } from './render-vega-lite.js';

/** Per-epoch values by name, as in Keras' `History.history` (`val_` prefix for validation). */
export type HistoryValues = Readonly<Record<string, ArrayLike<number>>>;

export interface CurvesOptions {
  /** Quantities drawn after the loss panel. Default: `['accuracy']` (or `['acc']`) if present. */
  metrics?: readonly string[];
  /** Size of each panel's plotting area in pixels. Defaults: 320 x 220. */
  width?: number;
  height?: number;
}

interface Point {
  epoch: number;
  value: number | null;
  series: string;
}

const BLUE = '#1f77b4';

/**
 * Draws the learning curves of a training run as an SVG document. Accepts the per-epoch values
 * (`{ loss: [...], val_loss: [...], accuracy: [...] }`) or an object holding them in a
 * `history` field, as `fit` returns in Keras. Non-finite values (a diverged run) are left out.
 *
 * @example
 * const svg = await curves({ loss: [0.9, 0.5, 0.3], val_loss: [1.0, 0.6, 0.45] });
 * await svgToPng(svg, 'runs/curves.png');
 */
export async function curves(
  history: HistoryValues | { history: HistoryValues },
  options: CurvesOptions = {},
): Promise<string> {
  const values = unwrap(history);
  const epochs = checkHistory(values);
  const names = ['loss', ...(options.metrics ?? defaultMetrics(values))];

  const panels = names.map((name) => panel(values, name, epochs, options));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    hconcat: panels,
    resolve: { scale: { color: 'independent', y: 'independent' } },
    config: { font: 'sans-serif' },
  };
  return renderVegaLite(spec);
}

function unwrap(history: HistoryValues | { history: HistoryValues }): HistoryValues {
  const inner = (history as { history?: unknown }).history;
  const isWrapper = inner !== null && typeof inner === 'object' && !isArrayLike(inner);
  return isWrapper ? (inner as HistoryValues) : (history as HistoryValues);
}

function isArrayLike(v: unknown): v is ArrayLike<number> {
  return Array.isArray(v) || ArrayBuffer.isView(v);
}

/** Checks that every series is an array with one value per epoch; returns the epoch count. */
function checkHistory(values: HistoryValues): number {
  const loss = values['loss'];
  if (loss === undefined || !isArrayLike(loss) || loss.length === 0) {
    throw new ValueError(`curves: history.loss must be a non-empty array of numbers, got ` +
      `${describe(loss)}. Keys found: ${keyList(values)}`);
  }

  for (const [key, series] of Object.entries(values)) {
    if (!isArrayLike(series)) {
      throw new ValueError(`curves: history.${key} must be an array of numbers, got ` +
        `${describe(series)}`);
    }
    if (series.length !== loss.length) {
      throw new ValueError(`curves: history.${key} has ${series.length} values but ` +
        `history.loss has ${loss.length}; every series needs one value per epoch`);
    }
  }
  return loss.length;
}

function defaultMetrics(values: HistoryValues): string[] {
  if (values['accuracy'] !== undefined) return ['accuracy'];
  if (values['acc'] !== undefined) return ['acc'];
  return [];
}

function panel(values: HistoryValues, name: string, epochs: number, options: CurvesOptions) {
  const training = values[name];
  if (training === undefined) {
    throw new ValueError(`curves: metric '${name}' is not in the history; keys found: ` +
      `${keyList(values)}`);
  }
  const validation = values[`val_${name}`];
  const label = name === 'acc' ? 'accuracy' : name;
  const trainingLabel = `Training ${label}`;
  const validationLabel = `Validation ${label}`;

  const points = [...toPoints(training, trainingLabel)];
  if (validation !== undefined) points.push(...toPoints(validation, validationLabel));
  const domain = validation === undefined ? [trainingLabel] : [trainingLabel, validationLabel];
  const symbol = `datum.value === ${JSON.stringify(validationLabel)} ? 'stroke' : 'circle'`;

  return {
    title: validation === undefined ? trainingLabel : `Training and validation ${label}`,
    width: options.width ?? 320,
    height: options.height ?? 220,
    data: { values: points },
    encoding: {
      x: {
        field: 'epoch', type: 'quantitative' as const, title: 'Epoch',
        // Padding keeps the first and last dots off the frame, and gives one epoch a range.
        scale: { domain: [1, epochs], nice: false, zero: false, padding: 12 },
        axis: { tickMinStep: 1, format: 'd' },
      },
      y: { field: 'value', type: 'quantitative' as const, title: capitalize(label),
        scale: { zero: false, ...flatDomain(points) } },
      color: {
        field: 'series', type: 'nominal' as const, title: null,
        scale: { domain, range: domain.map(() => BLUE) },
        legend: {
          symbolType: { expr: symbol }, orient: 'bottom' as const, direction: 'horizontal' as const,
        },
      },
    },
    layer: [
      {
        mark: { type: 'point' as const, filled: true, size: 36, opacity: 1 },
        transform: [{ filter: { field: 'series', equal: trainingLabel } }],
      },
      ...(validation === undefined ? [] : [{
        mark: { type: 'line' as const, strokeWidth: 2 },
        transform: [{ filter: { field: 'series', equal: validationLabel } }],
      }]),
    ],
  };
}

function toPoints(series: ArrayLike<number>, label: string): Point[] {
  return Array.from(series, (v, i) => ({
    epoch: i + 1,
    value: Number.isFinite(v) ? v : null,
    series: label,
  }));
}

/** A range around the value when every value is the same, which would leave the axis empty. */
function flatDomain(points: readonly Point[]): { domain?: [number, number] } {
  const finite = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const first = finite[0];
  if (first === undefined || finite.some((v) => v !== first)) return {};
  const half = Math.abs(first) * 0.1 || 0.1;
  return { domain: [first - half, first + half] };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function keyList(values: HistoryValues): string {
  const keys = Object.keys(values);
  return keys.length === 0 ? '(none)' : keys.join(', ');
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (isArrayLike(v)) return `an empty array`;
  return typeof v;
}
