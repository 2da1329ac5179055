/**
 * Writes a picture to disk as SVG and as PNG (rendered by sharp), both atomically, so a reader
 * never sees half a picture.
 *
 * @example
 * await writePicture('out/05-feature-maps', svg); // out/05-feature-maps.svg and .png
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { svgToPng } from '../plot/svg-to-png.js';
import { writeFileAtomic } from '../io/atomic-write.js';

/** Writes `<base>.svg` and `<base>.png` (folders made as needed); returns both paths. */
export async function writePicture(base: string, svg: string): Promise<string[]> {
  await mkdir(dirname(base), { recursive: true });
  await writeFileAtomic(`${base}.svg`, svg);
  await svgToPng(svg, `${base}.png`, { scale: 4 / 3 });
  return [`${base}.svg`, `${base}.png`];
}
