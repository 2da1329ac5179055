/**
 * Writes a model's activations for one image as pictures: per layer, a PNG grid with one tile
 * per channel under the layer's name and output shape, plus an index.html that shows them all
 * in order. Used by `convnet activations`.
 *
 * @example
 * await writeActivationPictures('out', [{ name: 'conv2d', shape: [26, 26, 32], data }]);
 */
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { svgToPng } from '../plot/svg-to-png.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { imageGrid } from '../utils/image.js';
import { activationTiles, type LayerActivation } from './activation-tiles.js';
import { escapeXml } from './grid-svg.js';

export type { LayerActivation } from './activation-tiles.js';

/** Enlarges small tiles so that each is at least ~56 pixels across. */
function zoomFor(height: number, width: number): number {
  return Math.max(1, Math.min(8, Math.round(56 / Math.max(height, width))));
}

/** An SVG with the layer's title on top of its tile grid (embedded as PNG). */
export async function activationSvg(layer: LayerActivation): Promise<string> {
  const { height, width, tiles } = activationTiles(layer.shape, layer.data);
  const columns = Math.min(tiles.length, 16);
  const grid = await imageGrid(tiles.map((t) => ({ data: t, shape: [height, width] })), {
    columns, zoom: zoomFor(height, width),
    labels: tiles.length > 1 ? tiles.map((_, i) => String(i)) : undefined,
  });
  const { default: sharp } = await import('sharp');
  const meta = await sharp(grid).metadata();
  const w = Math.max(meta.width ?? 0, 360), h = (meta.height ?? 0) + 36;
  const title = `${layer.name}${layer.className === undefined ? '' : ` (${layer.className})`}  ` +
    `[${layer.shape.join(', ')}]`;
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="DejaVu Sans, sans-serif">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="8" y="24" font-size="16" font-weight="bold">${escapeXml(title)}</text>` +
    `<image x="0" y="36" width="${meta.width}" height="${meta.height}" ` +
    `xlink:href="data:image/png;base64,${grid.toString('base64')}"/></svg>`;
}

/** File name for layer `i`: '03-max_pooling2d.png'. */
export function layerFileName(i: number, name: string): string {
  return `${String(i).padStart(2, '0')}-${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.png`;
}

/** Writes one PNG per layer and an index.html; returns the written paths. */
export async function writeActivationPictures(dir: string, layers: readonly LayerActivation[],
  heading = 'Activations'): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const items: string[] = [];
  for (const [i, layer] of layers.entries()) {
    const file = layerFileName(i, layer.name);
    await svgToPng(await activationSvg(layer), join(dir, file));
    written.push(join(dir, file));
    items.push(`<figure><figcaption>${escapeXml(layer.name)} ` +
      `${escapeXml(layer.className ?? '')} [${layer.shape.join(', ')}]</figcaption>` +
      `<img src="${file}" alt="${escapeXml(layer.name)} activations"></figure>`);
  }
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<title>${escapeXml(heading)}</title><style>body{font-family:sans-serif;margin:1.5rem}` +
    `figure{margin:0 0 1.5rem}img{max-width:100%;image-rendering:pixelated}</style></head>` +
    `<body><h1>${escapeXml(heading)}</h1>\n${items.join('\n')}\n</body></html>\n`;
  await writeFileAtomic(join(dir, 'index.html'), html);
  written.push(join(dir, 'index.html'));
  return written;
}
