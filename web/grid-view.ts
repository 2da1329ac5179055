/**
 * Small grids as HTML: one <div class="cell"> per value, coloured like the pictures of
 * `convnet explain xo --out` (green positive, red negative), with the value written in it.
 * Cells carry data-r / data-c so that hover handlers know where they are.
 *
 * @example
 * document.body.append(gridView(X_IMAGE, { format: String, label: 'X' }));
 */
import { cellColor } from '../dist/explain/grid-svg.js';
import { formatLectureNumber } from '../dist/explain/lecture-number.js';
import type { Grid } from '../dist/explain/xo-images.js';

export interface GridViewOptions {
  /** Default: the lecture's two decimals, cut. */
  format?: (v: number) => string;
  /** A caption above the grid. */
  label?: string;
  id?: string;
  /** Cell size class: 'small' for 9x9 images, 'big' for 3x3 features. */
  size?: 'small' | 'normal' | 'big';
}

/** A captioned grid element. */
export function gridView(grid: Grid, options: GridViewOptions = {}): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'grid-figure';
  if (options.id !== undefined) figure.id = options.id;
  if (options.label !== undefined) {
    const caption = document.createElement('figcaption');
    caption.textContent = options.label;
    figure.append(caption);
  }
  const table = document.createElement('div');
  table.className = `grid ${options.size ?? 'normal'}`;
  table.style.gridTemplateColumns = `repeat(${grid[0]?.length ?? 0}, auto)`;
  const format = options.format ?? formatLectureNumber;
  grid.forEach((row, r) => row.forEach((v, c) => {
    const cell = document.createElement('div');
    cell.className = 'cell';
    cell.dataset.r = String(r);
    cell.dataset.c = String(c);
    cell.style.background = cellColor(v);
    if (Math.abs(v) > 0.6) cell.classList.add('strong');
    cell.textContent = format(v);
    table.append(cell);
  }));
  figure.append(table);
  return figure;
}

/** Marks the cells of `figure` inside rows r0..r0+h-1 and columns c0..c0+w-1. */
export function highlight(figure: Element, r0: number, c0: number, h: number, w: number): void {
  for (const cell of figure.querySelectorAll<HTMLElement>('.cell')) {
    const r = Number(cell.dataset.r), c = Number(cell.dataset.c);
    cell.classList.toggle('lit', r >= r0 && r < r0 + h && c >= c0 && c < c0 + w);
  }
}

/** Removes every highlight inside `root`. */
export function clearHighlight(root: Element): void {
  for (const cell of root.querySelectorAll('.cell.lit')) cell.classList.remove('lit');
}

/** The data-r / data-c of the cell under an event, if any. */
export function cellAt(event: Event): { r: number; c: number; cell: HTMLElement } | null {
  const cell = (event.target as Element | null)?.closest<HTMLElement>('.cell');
  if (cell === null || cell === undefined) return null;
  return { r: Number(cell.dataset.r), c: Number(cell.dataset.c), cell };
}
