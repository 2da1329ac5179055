/**
 * The X/O walkthrough page: the lecture's toy ConvNet computed in the browser with the same
 * engine as the CLI, step by step. Hovering a feature-map cell lights the 3x3 patch it looked
 * at and shows the arithmetic behind its number; hovering a pooled cell lights its window.
 */
import { formatLectureNumber as fmt } from '../dist/explain/lecture-number.js';
import {
  DISTORTED_X, FEATURES, ILLUSTRATION_WEIGHTS, LECTURE_VOTE_VALUES, O_IMAGE, VARIANTS, X_IMAGE,
  patchArithmetic, strideExample, vote, walkthrough, type Grid, type XoWalkthrough,
} from '../dist/explain/xo.js';
import { cellAt, clearHighlight, gridView, highlight } from './grid-view.js';

const IMAGES: Record<string, { grid: Grid; label: string }> = {
  x: { grid: X_IMAGE, label: 'X (lecture)' },
  o: { grid: O_IMAGE, label: 'O (our drawing)' },
  distorted: { grid: DISTORTED_X, label: 'distorted X (lecture)' },
  ...Object.fromEntries(VARIANTS.map((v) => [v.name, { grid: v.grid, label: `${v.name} X (our drawing)` }])),
};

const pixel = (v: number): string => String(v);
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function row(...children: HTMLElement[]): HTMLElement {
  const div = document.createElement('div');
  div.className = 'row';
  div.append(...children);
  return div;
}

function renderImage(key: string): void {
  const chosen = IMAGES[key] ?? IMAGES.x!;
  const w = walkthrough(chosen.grid);
  $('images').replaceChildren(row(gridView(chosen.grid, { format: pixel, label: chosen.label,
    size: 'small' })));
  $('patch-image').replaceChildren(gridView(chosen.grid, { format: pixel, label: chosen.label,
    id: 'image', size: 'small' }));
  renderMaps(w);
}

function renderMaps(w: XoWalkthrough): void {
  const names = FEATURES.map((f) => f.name);
  $('maps').replaceChildren(row(...w.featureMaps.map((m, i) =>
    gridView(m, { label: names[i], id: `map-${i}` }))));
  $('pooled').replaceChildren(row(...w.pooled.map((m, i) =>
    gridView(m, { label: names[i], id: `pooled-${i}` }))));
  $('relu').replaceChildren(row(...w.rectified.map((m, i) =>
    gridView(m, { label: names[i], id: `relu-${i}` }))));
  $('stacked').replaceChildren(row(...w.stacked.map((m, i) =>
    gridView(m, { label: names[i], id: `stacked-${i}` }))));
  $('maps').dataset.image = JSON.stringify(w.image);
}

function currentImage(): Grid {
  return JSON.parse($('maps').dataset.image ?? '[]') as Grid;
}

/** The text under the maps: the arithmetic behind one number. */
function explainCell(map: number, r: number, c: number): string {
  const a = patchArithmetic(currentImage(), FEATURES[map]!.grid, r, c);
  const num = (v: number): string => (v < 0 ? `(${v})` : `${v}`);
  const pairs = a.patch.flat().map((p, i) => `${num(p)}×${num(a.feature.flat()[i]!)}`).join(' + ');
  const products = a.products.flat().map((p, i) => (i === 0 ? `${p}` : p < 0 ? `− ${-p}` : `+ ${p}`))
    .join(' ');
  return `Row ${r + 1}, column ${c + 1}, feature ${FEATURES[map]!.name}: ${pairs} = ` +
    `${products} = ${a.sum}; ${a.sum} / 9 = ${fmt(a.value)}`;
}

function wireHover(): void {
  $('maps').addEventListener('mouseover', (event) => {
    const hit = cellAt(event);
    const figure = hit?.cell.closest('figure');
    if (hit === null || figure === null || figure === undefined) return;
    const map = Number(figure.id.split('-')[1]);
    highlight($('image'), hit.r, hit.c, 3, 3);
    clearHighlight($('maps'));
    hit.cell.classList.add('lit');
    $('arithmetic').textContent = explainCell(map, hit.r, hit.c);
    $('feature-used').replaceChildren(gridView(FEATURES[map]!.grid, { format: pixel,
      label: `feature ${FEATURES[map]!.name}`, size: 'big' }));
  });
  $('pooled').addEventListener('mouseover', (event) => {
    const hit = cellAt(event);
    const figure = hit?.cell.closest('figure');
    if (hit === null || figure === null || figure === undefined) return;
    const map = Number(figure.id.split('-')[1]);
    clearHighlight($('pooled'));
    hit.cell.classList.add('lit');
    highlight($(`map-${map}`), hit.r * 2, hit.c * 2, 2, 2);
    $('pool-text').textContent = `Window rows ${hit.r * 2 + 1}–${Math.min(hit.r * 2 + 2, 7)}, ` +
      `columns ${hit.c * 2 + 1}–${Math.min(hit.c * 2 + 2, 7)} of the ${FEATURES[map]!.name} map: ` +
      `the largest value is ${hit.cell.textContent}.`;
  });
}

function renderStatic(): void {
  $('variants').replaceChildren(row(...Object.entries(IMAGES).map(([key, v]) => {
    const fig = gridView(v.grid, { format: (x) => (x > 0 ? '■' : ''), label: v.label, size: 'small' });
    fig.dataset.key = key;
    fig.classList.add('pick');
    return fig;
  })));
  $('variants').addEventListener('click', (event) => {
    const key = (event.target as Element).closest<HTMLElement>('figure')?.dataset.key;
    if (key !== undefined) renderImage(key);
  });
  $('features').replaceChildren(row(...FEATURES.map((f) =>
    gridView(f.grid, { format: pixel, label: f.name, size: 'big' }))));

  const v = vote(LECTURE_VOTE_VALUES, ILLUSTRATION_WEIGHTS);
  $('votes').textContent = v.labels.map((label, j) => {
    const terms = v.values.map((x, i) => [x, v.weights[i]![j]!] as const).filter(([, wgt]) => wgt !== 0);
    return `${label} = ${terms.map(([x, wgt]) => `${wgt} × ${fmt(x)}`).join(' + ')} = ${fmt(v.scores[j]!)}`;
  }).join('\n');
  $('vote-values').textContent = v.values.map(fmt).join(', ');
}

function renderStride(): void {
  const s = Number(($('stride') as HTMLInputElement).value);
  const p = Number(($('padding') as HTMLInputElement).value);
  try {
    const e = strideExample(X_IMAGE, FEATURES[0]!.grid, { stride: s, padding: p });
    const divides = (e.n + 2 * e.p - e.f) % e.s === 0;
    $('formula').textContent = `(${e.n} + 2×${e.p} − ${e.f}) / ${e.s} + 1 = ` +
      `${e.n + 2 * e.p - e.f} / ${e.s} + 1 = ` +
      (divides ? `${e.outputSize}` : `${e.exact.toFixed(2)} → ${e.outputSize} (rounded down)`);
    $('stride-maps').replaceChildren(row(
      gridView(e.padded, { format: pixel, label: `padded image ${e.padded.length}x${e.padded.length}`, size: 'small' }),
      gridView(e.map, { label: `${e.outputSize}x${e.outputSize} feature map`, id: 'stride-map' })));
  } catch (error) {
    $('formula').textContent = (error as Error).message;
    $('stride-maps').replaceChildren();
  }
}

renderStatic();
renderImage('x');
$('feature-used').replaceChildren(gridView(FEATURES[0]!.grid, { format: pixel,
  label: `feature ${FEATURES[0]!.name}`, size: 'big' }));
wireHover();
renderStride();
$('stride').addEventListener('input', renderStride);
$('padding').addEventListener('input', renderStride);
document.body.dataset.ready = 'true';
