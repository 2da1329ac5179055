/**
 * Tensors as pictures: conversion of an image tensor to 8-bit pixels, PNG files of single
 * images, and a captioned grid of many small images (for example misclassified digits).
 * Images are channels-last: [height, width], [height, width, 1], [height, width, 3] (RGB) or
 * [height, width, 4] (RGBA).
 */
import sharp from 'sharp';
import { ShapeError, ValueError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';

/** A Tensor, or any object with row-major `data` and a `shape`. */
export interface ImageLike {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
}

/**
 * How values map to 0-255. 'auto': values in [0, 1] are multiplied by 255, values in [0, 255]
 * are kept, anything else is an error. 'none': values are kept, rounded and clamped to [0, 255].
 */
export type ValueScale = 'auto' | 'none';

/** 8-bit pixels, row-major, `channels` bytes per pixel (1: grey, 4: RGBA). */
export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 4;
}

export interface ArrayToImageOptions {
  scale?: ValueScale;
  /** Return RGBA even for a grey image. Default: false. */
  rgba?: boolean;
}

/**
 * Converts an image tensor to 8-bit pixels: grey stays one channel, RGB gains an opaque alpha.
 *
 * @example
 * const { data, width, height, channels } = arrayToImage(tensor([[0, 1], [1, 0]]));
 * // data: [0, 255, 255, 0], width 2, height 2, channels 1
 */
export function arrayToImage(image: ImageLike, options: ArrayToImageOptions = {}): RawImage {
  return toRaw(image, 'arrayToImage', options);
}

export interface SaveImageOptions {
  scale?: ValueScale;
}

/**
 * Writes an image tensor to a PNG file, atomically (temporary file, then rename).
 *
 * @example
 * await saveImage(tensor(digitPixels, [28, 28, 1]), 'runs/digit.png');
 */
export async function saveImage(
  image: ImageLike, path: string, options: SaveImageOptions = {}): Promise<void> {
  const raw = toRaw(image, 'saveImage', { scale: options.scale });
  await writeFileAtomic(path, await encodePng(raw));
}

export interface ImageGridOptions {
  /** Images per row. Default: up to 10. */
  columns?: number;
  /** A caption under each image, such as '7 (true 2)'. */
  labels?: readonly string[];
  /** Images to flag (a red frame, and a red caption): true for a wrong prediction, say. */
  marks?: readonly boolean[];
  /** Each pixel becomes a zoom x zoom block (nearest neighbour). Default: 3. */
  zoom?: number;
  scale?: ValueScale;
}

/**
 * Lays out images in a grid, with captions and marks, and returns it as PNG bytes. Takes a
 * list of images, or one batch tensor of shape [n, height, width] or [n, height, width, c].
 *
 * @example
 * const png = await imageGrid(digits, {
 *   columns: 8, labels: ['7 (true 2)', '1'], marks: [true, false],
 * });
 * await writeFile('runs/errors.png', png);
 */
export async function imageGrid(
  images: readonly ImageLike[] | ImageLike, options: ImageGridOptions = {}): Promise<Buffer> {
  const list = Array.isArray(images)
    ? images as readonly ImageLike[]
    : splitBatch(images as ImageLike);
  checkGridOptions(list.length, options);
  const zoom = options.zoom ?? 3;

  const pictures = list.map((image, i) =>
    upscale(toRaw(image, `imageGrid: image ${i}`, { scale: options.scale }), zoom));
  const layout = layoutGrid(pictures, options);
  const overlay = Buffer.from(gridSvg(layout, options));

  return sharp(overlay)
    .composite(pictures.map((p, i) => ({
      input: Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength),
      raw: { width: p.width, height: p.height, channels: p.channels },
      left: layout.cells[i]!.left,
      top: layout.cells[i]!.top,
    })))
    .png()
    .toBuffer();
}

/** Where each picture and caption of a grid goes, in pixels. */
export interface GridLayout {
  width: number;
  height: number;
  cells: Array<{ left: number; top: number; width: number; height: number;
    captionX: number; captionY: number }>;
}

const PAD = 6;
const FRAME = 2;
const CAPTION = 16;
const CHAR_WIDTH = 7;

/**
 * Computes the grid layout for pictures of the given (already zoomed) sizes. Used by
 * {@link imageGrid}; exported so that tests can find each picture.
 *
 * @example
 * layoutGrid([{ width: 84, height: 84 }], { labels: ['7'] }).cells[0]; // { left: 8, top: 8, ... }
 */
export function layoutGrid(
  sizes: ReadonlyArray<{ width: number; height: number }>,
  options: Pick<ImageGridOptions, 'columns' | 'labels'>): GridLayout {
  const columns = Math.min(options.columns ?? 10, sizes.length);
  const rows = Math.ceil(sizes.length / columns);
  const longest = Math.max(0, ...(options.labels ?? []).map((l) => l.length));
  const captionHeight = options.labels === undefined ? 0 : CAPTION;

  const slotWidth = Math.max(...sizes.map((s) => s.width + 2 * FRAME), longest * CHAR_WIDTH);
  const slotHeight = Math.max(...sizes.map((s) => s.height)) + 2 * FRAME + captionHeight;

  const cells = sizes.map((s, i) => {
    const x = PAD + (i % columns) * (slotWidth + PAD);
    const y = PAD + Math.floor(i / columns) * (slotHeight + PAD);
    const left = x + Math.floor((slotWidth - s.width) / 2);
    const top = y + FRAME;
    return { left, top, width: s.width, height: s.height,
      captionX: x + slotWidth / 2, captionY: top + s.height + FRAME + CAPTION - 4 };
  });
  const width = PAD + columns * (slotWidth + PAD);
  return { width, height: PAD + rows * (slotHeight + PAD), cells };
}

/** The white page with frames and captions; the pictures are composited on top of it. */
function gridSvg(layout: GridLayout, options: ImageGridOptions): string {
  const parts = [`<rect width="${layout.width}" height="${layout.height}" fill="white"/>`];
  layout.cells.forEach((c, i) => {
    const marked = options.marks?.[i] === true;
    if (marked) {
      parts.push(`<rect x="${c.left - FRAME / 2}" y="${c.top - FRAME / 2}" ` +
        `width="${c.width + FRAME}" height="${c.height + FRAME}" fill="none" ` +
        `stroke="${RED}" stroke-width="${FRAME}"/>`);
    }
    const label = options.labels?.[i];
    if (label !== undefined) {
      parts.push(`<text x="${c.captionX}" y="${c.captionY}" text-anchor="middle" ` +
        `font-family="sans-serif" font-size="12" fill="${marked ? RED : '#222222'}">` +
        `${escapeXml(label)}</text>`);
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" ` +
    `height="${layout.height}">${parts.join('')}</svg>`;
}

const RED = '#d62728';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function checkGridOptions(n: number, options: ImageGridOptions): void {
  if (n === 0) throw new ValueError('imageGrid: no images given');
  for (const key of ['labels', 'marks'] as const) {
    const list = options[key];
    if (list !== undefined && list.length !== n) {
      throw new ValueError(`imageGrid: ${list.length} ${key} for ${n} images; give one per image`);
    }
  }
  const { columns, zoom } = options;
  if (columns !== undefined && !(Number.isInteger(columns) && columns > 0)) {
    throw new ValueError(`imageGrid: columns must be an integer > 0, got ${columns}`);
  }
  if (zoom !== undefined && !(Number.isInteger(zoom) && zoom >= 1 && zoom <= 16)) {
    throw new ValueError(`imageGrid: zoom must be an integer from 1 to 16, got ${zoom}`);
  }
}

/** Views each image of a [n, h, w] or [n, h, w, c] batch without copying typed arrays. */
function splitBatch(batch: ImageLike): ImageLike[] {
  const [n, ...shape] = batch.shape;
  if (n === undefined || (shape.length !== 2 && shape.length !== 3)) {
    throw new ShapeError(`imageGrid: a single tensor must be a batch [n, height, width] or ` +
      `[n, height, width, channels], got [${batch.shape.join(', ')}]`);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const data = batch.data;
  const slice = (i: number): ArrayLike<number> => ArrayBuffer.isView(data)
    ? (data as Float32Array).subarray(i * size, (i + 1) * size)
    : Array.prototype.slice.call(data, i * size, (i + 1) * size) as number[];
  return Array.from({ length: n }, (_, i) => ({ data: slice(i), shape }));
}

function toRaw(image: ImageLike, where: string, options: ArrayToImageOptions): RawImage {
  const [height, width, channels] = imageShape(image, where);
  const bytes = toBytes(image.data, where, options.scale ?? 'auto');
  if (channels === 1 && options.rgba !== true) return { data: bytes, width, height, channels: 1 };

  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let k = 0; k < 3; k++) rgba[p * 4 + k] = bytes[p * channels + (channels === 1 ? 0 : k)]!;
    rgba[p * 4 + 3] = channels === 4 ? bytes[p * 4 + 3]! : 255;
  }
  return { data: rgba, width, height, channels: 4 };
}

function imageShape(image: ImageLike, where: string): [number, number, number] {
  const s = image.shape;
  const channels = s.length === 2 ? 1 : s[2];
  const ok = (s.length === 2 || s.length === 3) && (channels === 1 || channels === 3 ||
    channels === 4) && s[0]! > 0 && s[1]! > 0;
  if (!ok) {
    const hint = s.length === 4
      ? ` This is a batch: pass one image (shape [${s.slice(1).join(', ')}]), or imageGrid for all.`
      : '';
    throw new ShapeError(`${where}: expected an image of shape [height, width] or ` +
      `[height, width, channels] with 1, 3 or 4 channels, got [${s.join(', ')}].${hint}`);
  }
  if (image.data.length !== s[0]! * s[1]! * channels!) {
    throw new ShapeError(`${where}: shape [${s.join(', ')}] needs ` +
      `${s[0]! * s[1]! * channels!} values, got ${image.data.length}`);
  }
  return [s[0]!, s[1]!, channels!];
}

function toBytes(values: ArrayLike<number>, where: string, scale: ValueScale): Uint8Array {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      throw new ValueError(`${where}: value at index ${i} is ${v}; pixels must be finite numbers`);
    }
    min = Math.min(min, v);
    max = Math.max(max, v);
  }

  const factor = scale === 'none' ? 1 : autoFactor(min, max, where);
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    out[i] = Math.min(255, Math.max(0, Math.round(values[i]! * factor)));
  }
  return out;
}

function autoFactor(min: number, max: number, where: string): number {
  if (min >= 0 && max <= 1) return 255;
  if (min >= 0 && max <= 255) return 1;
  throw new ValueError(`${where}: values must lie in [0, 1] or in [0, 255], found min ${min} ` +
    `and max ${max}. Rescale the image first, or pass scale: 'none' to clamp to [0, 255].`);
}

/** Nearest-neighbour enlargement: each pixel becomes a zoom x zoom block. */
function upscale(image: RawImage, zoom: number): RawImage {
  if (zoom === 1) return image;
  const { width, height, channels } = image;
  const out = new Uint8Array(width * zoom * height * zoom * channels);
  const rowBytes = width * zoom * channels;
  for (let y = 0; y < height; y++) {
    const row = out.subarray(y * zoom * rowBytes, (y * zoom + 1) * rowBytes);
    for (let x = 0; x < width * zoom; x++) {
      const from = (y * width + Math.floor(x / zoom)) * channels;
      row.set(image.data.subarray(from, from + channels), x * channels);
    }
    // The other zoom - 1 rows of the block repeat the first.
    for (let k = 1; k < zoom; k++) {
      out.copyWithin((y * zoom + k) * rowBytes, y * zoom * rowBytes, (y * zoom + 1) * rowBytes);
    }
  }
  return { ...image, data: out, width: width * zoom, height: height * zoom };
}

function encodePng(raw: RawImage): Promise<Buffer> {
  const input = Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength);
  const { width, height, channels } = raw;
  const image = sharp(input, { raw: { width, height, channels } });
  // Without this, sharp widens a one-channel image to RGB on output.
  if (raw.channels === 1) image.toColourspace('b-w');
  return image.png().toBuffer();
}
