/**
 * Reads a picture file (PNG, JPEG, WebP... anything sharp decodes) as one model input: grey
 * for 1-channel models, RGB for 3-channel ones, resized to the model's height and width,
 * scaled to [0, 1], and inverted when its background is light, since MNIST-style models were
 * trained on light ink on a dark background.
 *
 * @example
 * const { data, inverted } = await readModelImage('seven.png', [28, 28, 1]);
 */
import { IoError, NotSupportedError } from '../errors.js';

export interface ModelImage {
  /** height * width * channels values in [0, 1], channels last. */
  readonly data: Float32Array;
  readonly shape: readonly [number, number, number];
  /** True when the picture was inverted (dark ink on a light background). */
  readonly inverted: boolean;
}

export interface ReadModelImageOptions {
  /** 'auto' (default) inverts when the border is mostly light; true or false decide. */
  invert?: 'auto' | boolean;
}

/**
 * The mean of the outermost ring of pixels, in [0, 1]: the background's brightness for a
 * picture of one centred object.
 *
 * @example
 * borderMean(Float32Array.of(1, 1, 1, 1, 0, 1, 1, 1, 1), 3, 3, 1); // 1
 */
export function borderMean(data: ArrayLike<number>, height: number, width: number,
  channels: number): number {
  let sum = 0, count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (y !== 0 && y !== height - 1 && x !== 0 && x !== width - 1) continue;
      for (let c = 0; c < channels; c++) sum += data[(y * width + x) * channels + c]!;
      count += channels;
    }
  }
  return count === 0 ? 0 : sum / count;
}

/**
 * Decodes, converts and resizes `file` for a model whose input is [height, width, channels]
 * (channels 1 or 3). The whole picture is squeezed to the input size (no cropping).
 *
 * @example
 * const img = await readModelImage('digit.jpg', [28, 28, 1], { invert: 'auto' });
 */
export async function readModelImage(file: string, shape: readonly [number, number, number],
  options: ReadModelImageOptions = {}): Promise<ModelImage> {
  const [height, width, channels] = shape;
  if (channels !== 1 && channels !== 3) {
    throw new NotSupportedError(`reading '${file}' for a model input with ${channels} channels ` +
      `(supported: 1 for grey, 3 for RGB)`);
  }

  const { default: sharp } = await import('sharp');
  let pixels: Buffer;
  try {
    let image = sharp(file).flatten({ background: '#ffffff' });
    image = channels === 1 ? image.greyscale() : image.toColourspace('srgb');
    pixels = await image.resize(width, height, { fit: 'fill' }).raw().toBuffer();
  } catch (error) {
    throw new IoError(`reading image '${file}': ${(error as Error).message}. Give a PNG or JPEG ` +
      `file.`, { cause: error });
  }

  const data = new Float32Array(height * width * channels);
  const got = pixels.length / (height * width);
  for (let p = 0; p < height * width; p++) {
    for (let c = 0; c < channels; c++) data[p * channels + c] = pixels[p * got + Math.min(c, got - 1)]! / 255;
  }
  const invert = options.invert ?? 'auto';
  const inverted = invert === 'auto' ? borderMean(data, height, width, channels) > 0.5 : invert;
  if (inverted) for (let i = 0; i < data.length; i++) data[i] = 1 - data[i]!;
  return { data, shape: [height, width, channels], inverted };
}
