/**
 * Hand-built SVG pictures of small grids: one coloured cell per value with the value written
 * in it, several grids side by side under their titles. Green is positive, red negative, white
 * zero; the stronger the value, the stronger the colour.
 *
 * @example
 * const svg = gridsSvg('Feature maps', [{ title: 'diagonal \\', grid: maps[0] }]);
 */
import { formatLectureNumber } from './lecture-number.js';
import type { Grid } from './xo-images.js';

export interface SvgPanel {
  readonly title: string;
  readonly grid: Grid;
  /** How a value is written in its cell. Default: the lecture's two decimals, cut. */
  readonly format?: (v: number) => string;
}

const CELL = 40;
const GAP = 28;
const TOP = 64;
const MARGIN = 16;
const FONT = 'DejaVu Sans, Arial, sans-serif';

/** Background colour for a value in [-1, 1] (values outside are clamped). */
export function cellColor(v: number): string {
  const t = Math.min(1, Math.abs(v));
  const [r, g, b] = v >= 0 ? [46, 160, 67] : [207, 34, 46];
  const mix = (c: number): number => Math.round(255 + (c - 255) * t);
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

/** Escapes text for SVG/HTML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function panelSvg(panel: SvgPanel, x: number): { svg: string; width: number; height: number } {
  const rows = panel.grid.length;
  const cols = panel.grid[0]?.length ?? 0;
  const format = panel.format ?? formatLectureNumber;
  const cells: string[] = [];
  panel.grid.forEach((row, r) => row.forEach((v, c) => {
    const cx = x + c * CELL, cy = TOP + r * CELL;
    const ink = Math.abs(v) > 0.6 ? '#fff' : '#111';
    cells.push(`<rect x="${cx}" y="${cy}" width="${CELL}" height="${CELL}" ` +
      `fill="${cellColor(v)}" stroke="#888" stroke-width="0.5"/>` +
      `<text x="${cx + CELL / 2}" y="${cy + CELL / 2 + 4}" fill="${ink}" font-size="11" ` +
      `text-anchor="middle">${escapeXml(format(v))}</text>`);
  }));
  const title = `<text x="${x}" y="${TOP - 10}" font-size="14" fill="#111">` +
    `${escapeXml(panel.title)}</text>`;
  return { svg: title + cells.join(''), width: cols * CELL, height: rows * CELL };
}

/** A titled picture of one or more grids side by side. */
export function gridsSvg(heading: string, panels: readonly SvgPanel[], caption = ''): string {
  let x = MARGIN;
  let height = 0;
  const parts: string[] = [];
  for (const p of panels) {
    const drawn = panelSvg(p, x);
    parts.push(drawn.svg);
    x += Math.max(drawn.width, p.title.length * 8) + GAP;
    height = Math.max(height, drawn.height);
  }
  const width = Math.max(x - GAP + MARGIN, heading.length * 9 + 2 * MARGIN,
    caption.length * 7 + 2 * MARGIN);
  const total = TOP + height + (caption === '' ? MARGIN : 40);
  const footer = caption === '' ? '' : `<text x="${MARGIN}" y="${TOP + height + 26}" ` +
    `font-size="12" fill="#444">${escapeXml(caption)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" ` +
    `viewBox="0 0 ${width} ${total}" font-family="${FONT}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="${MARGIN}" y="26" font-size="17" font-weight="bold" fill="#111">` +
    `${escapeXml(heading)}</text>${parts.join('')}${footer}</svg>\n`;
}
