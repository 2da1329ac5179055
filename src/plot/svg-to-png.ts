/**
 * Saves an SVG document (a chart from this folder, or any SVG) as a PNG file, rasterised by
 * sharp (librsvg), so that no browser is needed.
 */
import sharp from 'sharp';
import { ValueError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';

export interface SvgToPngOptions {
  /** Pixels per SVG unit. Default: 1 (the PNG has the SVG's width and height). */
  scale?: number;
}

/**
 * Rasterises `svg` and writes it to `path` as PNG, atomically (temporary file, then rename).
 *
 * @example
 * await svgToPng(await curves(history), 'runs/mnist/curves.png', { scale: 2 });
 */
export async function svgToPng(
  svg: string, path: string, options: SvgToPngOptions = {}): Promise<void> {
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 16)) {
    throw new ValueError(`svgToPng: scale must be in (0, 16], got ${scale}`);
  }
  if (!/<svg[\s>]/.test(svg)) {
    throw new ValueError(`svgToPng: the text given is not an SVG document (no <svg> element); ` +
      `it starts with '${svg.slice(0, 40)}'`);
  }

  // librsvg maps one SVG unit to one pixel at 72 dpi.
  const png = await sharp(Buffer.from(svg), { density: 72 * scale }).png().toBuffer();
  await writeFileAtomic(path, png);
}
