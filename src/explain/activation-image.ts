/**
 * Reads a picture file (PNG, JPEG, WebP... anything sharp decodes) as one model input: grey
 * for 1-channel models, RGB for 3-channel ones, resized to the model's height and width,
 * scaled to [0, 1], and inverted when its background is light, since MNIST-style models were
 * trained on light ink on a dark background.
 *
 * @example
 * const { data, inverted } = await readModelImage('seven.png', [28, 28, 1]);
 */
import { IoError, NotSupportedError, ValueError } from '../errors.js';
import { MNIST_SIZE, toMnist } from './mnist-downsample.js';

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
  /**
   * Make the digit the way MNIST digits were made instead of squeezing the whole picture:
   * crop to the ink, fit into 20x20, centre by mass in 28x28. Needs a [28, 28, 1] input.
   */
  mnist?: boolean;
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

  if (options.mnist === true) return readMnistDigit(file, shape, options.invert ?? 'auto');

  const { data } = await decode(file, channels, { width, height });
  const inverted = invertIfLight(data, height, width, channels, options.invert ?? 'auto');
  return { data, shape: [height, width, channels], inverted };
}

interface Decoded {
  /** height * width * channels values in [0, 1], channels last. */
  readonly data: Float32Array;
  readonly width: number;
  readonly height: number;
}

/** The picture's pixels; resized (squeezed) when `size` is given. */
async function decode(file: string, channels: number,
  size?: { width: number; height: number }): Promise<Decoded> {
  const { default: sharp } = await import('sharp');
  let raw: { data: Buffer; info: { width: number; height: number; channels: number } };
  try {
    let image = sharp(file).flatten({ background: '#ffffff' });
    image = channels === 1 ? image.greyscale() : image.toColourspace('srgb');
    if (size !== undefined) image = image.resize(size.width, size.height, { fit: 'fill' });
    raw = await image.raw().toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new IoError(`reading image '${file}': ${(error as Error).message}. Give a PNG or JPEG ` +
      `file.`, { cause: error });
  }

  const { width, height, channels: got } = raw.info;
  const data = new Float32Array(height * width * channels);
  for (let p = 0; p < height * width; p++) {
    // A grey picture given to an RGB model repeats its one channel.
    for (let c = 0; c < channels; c++) {
      data[p * channels + c] = raw.data[p * got + Math.min(c, got - 1)]! / 255;
    }
  }
  return { data, width, height };
}

function invertIfLight(data: Float32Array, height: number, width: number, channels: number,
  invert: 'auto' | boolean): boolean {
  const inverted = invert === 'auto' ? borderMean(data, height, width, channels) > 0.5 : invert;
  if (inverted) for (let i = 0; i < data.length; i++) data[i] = 1 - data[i]!;
  return inverted;
}

async function readMnistDigit(file: string, shape: readonly [number, number, number],
  invert: 'auto' | boolean): Promise<ModelImage> {
  if (shape[0] !== MNIST_SIZE || shape[1] !== MNIST_SIZE || shape[2] !== 1) {
    throw new ValueError(`reading '${file}' MNIST-style needs a model input of [28, 28, 1], ` +
      `got [${shape.join(', ')}]; leave out the MNIST option to squeeze the picture instead`);
  }
  const { data: ink, width, height } = await decode(file, 1);
  const inverted = invertIfLight(ink, height, width, 1, invert);
  const digit = toMnist(ink, width, height);
  if (digit === null) throw new ValueError(`'${file}' has no ink: every pixel is background`);
  return { data: digit, shape: [MNIST_SIZE, MNIST_SIZE, 1], inverted };
}
