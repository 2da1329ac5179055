/**
 * Draws layer outputs in the page: per layer a captioned row of small canvases, one per
 * channel (a vector is one canvas of rows of 16), each contrast-stretched on its own like the
 * pictures `convnet activations` writes. Also the class-probability bars.
 *
 * @example
 * renderLayers(document.getElementById('layers')!, layerActivations(net, x));
 * renderBars(document.getElementById('probabilities')!, outputs.at(-1)!.values);
 */
import { activationTiles } from '../dist/explain/activation-tiles.js';
import type { LayerOutput } from '../dist/explain/layer-activations.js';

/** Screen pixels per tile side, about: small maps are enlarged, nearest neighbour. */
const TILE_SIDE = 56;

function tileCanvas(tile: Float32Array, height: number, width: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  // A one-row vector (a small Dense output) gets taller cells so that it stays visible.
  const zoom = height === 1 ? 16
    : Math.max(1, Math.min(8, Math.round(TILE_SIDE / Math.max(height, width))));
  canvas.style.width = `${width * zoom}px`;
  canvas.style.height = `${height * zoom}px`;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(width, height);
  for (let i = 0; i < tile.length; i++) {
    const g = Math.round(tile[i]! * 255);
    img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = g;
    img.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}

/** One figure per layer, for the first sample of the batch. */
export function renderLayers(container: HTMLElement, outputs: readonly LayerOutput[]): void {
  const figures = outputs.map((o) => {
    const shape = o.shape.slice(1);
    const per = o.values.length / (o.shape[0] ?? 1);
    const { height, width, tiles } = activationTiles(shape, o.values.subarray(0, per));
    const figure = document.createElement('figure');
    figure.className = 'layer';
    figure.dataset.layer = o.layerName;
    figure.dataset.shape = shape.join(',');
    const caption = document.createElement('figcaption');
    caption.textContent = `${o.layerName} (${o.className}) [${shape.join(', ')}]` +
      (tiles.length > 1 ? `: ${tiles.length} channels` : '');
    const row = document.createElement('div');
    row.className = 'tiles';
    row.append(...tiles.map((t, c) => {
      const canvas = tileCanvas(t, height, width);
      canvas.title = tiles.length > 1 ? `${o.layerName}, channel ${c}` : o.layerName;
      return canvas;
    }));
    figure.append(caption, row);
    return figure;
  });
  container.replaceChildren(...figures);
}

/** True when the values look like class probabilities (non-negative, summing to 1). */
export function isProbabilities(values: ArrayLike<number>): boolean {
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (!(values[i]! >= 0)) return false;
    total += values[i]!;
  }
  return values.length > 1 && Math.abs(total - 1) < 1e-3;
}

/** A bar per class, the most likely one in bold; returns that class. */
export function renderBars(container: HTMLElement, probabilities: ArrayLike<number>): number {
  const values = Array.from(probabilities);
  const best = values.indexOf(Math.max(...values));
  const cells = values.flatMap((p, k) => {
    const label = document.createElement('span');
    label.textContent = String(k);
    const track = document.createElement('span');
    const bar = document.createElement('span');
    bar.className = 'bar';
    bar.style.display = 'block';
    bar.style.width = `${(p * 100).toFixed(1)}%`;
    track.append(bar);
    const percent = document.createElement('span');
    percent.textContent = `${(p * 100).toFixed(1)} %`;
    const parts = [label, track, percent];
    if (k === best) for (const e of parts) e.classList.add('top');
    return parts;
  });
  container.replaceChildren(...cells);
  container.dataset.prediction = String(best);
  container.dataset.probabilities = values.join(',');
  return best;
}
