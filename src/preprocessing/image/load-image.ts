/**
 * Decoding one image file into float pixels [height, width, channels] with values 0-255,
 * converted to the wanted colour mode and resized (sharp, fit 'fill': the aspect ratio is not
 * kept, as in Keras). PNG, JPEG, TIFF, GIF and WebP are decoded by sharp; BMP and binary
 * PPM/PGM by our own small decoders, then handed to sharp as raw pixels.
 *
 * @example
 * const image = await loadImage('cats/cat.1.jpg', { targetSize: [150, 150] }); // [150, 150, 3]
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { IoError, NotSupportedError, ValueError } from '../../errors.js';
import { Tensor } from '../../tensor/tensor.js';
import { decodeBmp } from './decode-bmp.js';
import { decodeNetpbm } from './decode-netpbm.js';
import { sniffImageBytes } from './sniff-image.js';

export type ColorMode = 'grayscale' | 'rgb' | 'rgba';
export type Interpolation = 'nearest' | 'bilinear' | 'bicubic' | 'lanczos';

export interface LoadImageOptions {
  /** Default 'rgb'. */
  colorMode?: ColorMode;
  /** [height, width] to resize to; null keeps the file's size. */
  targetSize?: [number, number] | null;
  /** Resampling for the resize. Default 'nearest' (Keras' default). */
  interpolation?: Interpolation;
}

export interface Pixels {
  data: Float32Array;
  height: number;
  width: number;
  channels: number;
}

const KERNELS: Record<Interpolation, keyof sharp.KernelEnum> = {
  nearest: 'nearest', bilinear: 'linear', bicubic: 'cubic', lanczos: 'lanczos3',
};
const CHANNELS: Record<ColorMode, number> = { grayscale: 1, rgb: 3, rgba: 4 };

/**
 * Checks colour mode and interpolation names (so that a typo fails before any file is read).
 *
 * @example
 * checkLoadOptions({ colorMode: 'rgb', interpolation: 'bilinear' }, 'flowFromDirectory');
 */
export function checkLoadOptions(options: LoadImageOptions, where: string): void {
  const { colorMode = 'rgb', interpolation = 'nearest', targetSize } = options;
  if (!(colorMode in CHANNELS)) {
    throw new ValueError(`${where}: colorMode '${colorMode}' is not one of grayscale, rgb, rgba`);
  }
  if (!(interpolation in KERNELS)) {
    throw new NotSupportedError(`${where}: interpolation '${interpolation}' (supported: ` +
      `${Object.keys(KERNELS).join(', ')})`);
  }
  if (targetSize && !(targetSize.length === 2 &&
      targetSize.every((d) => Number.isInteger(d) && d > 0))) {
    throw new ValueError(`${where}: targetSize must be [height, width] of positive integers, ` +
      `got ${JSON.stringify(targetSize)}`);
  }
}

/**
 * Decodes and resizes one image file into HWC float pixels (0-255). Errors name the file.
 *
 * @example
 * const { data, height, width, channels } = await loadImagePixels('a.png', {});
 */
export async function loadImagePixels(path: string, options: LoadImageOptions = {}):
  Promise<Pixels> {
  const colorMode = options.colorMode ?? 'rgb';
  const bytes = await readImageFile(path);
  const sniffed = sniffImageBytes(bytes.subarray(0, 16));
  if (sniffed.problem !== undefined) throw new IoError(`image '${path}': ${sniffed.problem}`);

  try {
    let image = sniffed.format === 'bmp' || sniffed.format === 'ppm'
      ? rawImage(sniffed.format === 'bmp' ? decodeBmp(bytes, path) : decodeNetpbm(bytes, path))
      : sharp(bytes);
    image = colorMode === 'grayscale' ? image.removeAlpha().toColourspace('b-w')
      : colorMode === 'rgb' ? image.removeAlpha().toColourspace('srgb')
        : image.ensureAlpha().toColourspace('srgb');
    if (options.targetSize) {
      const [height, width] = options.targetSize;
      image = image.resize(width, height, { fit: 'fill',
        kernel: KERNELS[options.interpolation ?? 'nearest'] });
    }
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
    return checkChannels(path, colorMode, data, info);
  } catch (err) {
    if (err instanceof IoError || err instanceof NotSupportedError) throw err;
    throw new IoError(`image '${path}' could not be decoded as ${sniffed.format}: ` +
      `${(err as Error).message}`, { cause: err });
  }
}

/**
 * One image file as a float32 tensor [height, width, channels] with values 0-255 (Keras'
 * `img_to_array(load_img(path))`).
 *
 * @example
 * const x = await loadImage('dog.jpg', { targetSize: [150, 150] });
 */
export async function loadImage(path: string, options: LoadImageOptions = {}): Promise<Tensor> {
  checkLoadOptions(options, 'loadImage');
  const { data, height, width, channels } = await loadImagePixels(path, options);
  const t = new Tensor([height, width, channels], 'float32');
  t.data.set(data);
  return t;
}

async function readImageFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    throw new IoError(`image '${path}' cannot be read: ${(err as Error).message}`, { cause: err });
  }
}

function rawImage(p: { data: Uint8Array; width: number; height: number; channels: 1 | 3 | 4 }):
  sharp.Sharp {
  return sharp(p.data, { raw: { width: p.width, height: p.height, channels: p.channels } });
}

function checkChannels(path: string, colorMode: ColorMode, data: Buffer,
  info: sharp.OutputInfo): Pixels {
  if (info.channels !== CHANNELS[colorMode]) {
    throw new IoError(`image '${path}': decoding gave ${info.channels} channels, colorMode ` +
      `'${colorMode}' needs ${CHANNELS[colorMode]}`);
  }
  if (data.length !== info.width * info.height * info.channels) {
    throw new NotSupportedError(`image '${path}': decoded to ${data.length} bytes for ` +
      `${info.width}x${info.height}x${info.channels}; only 8-bit samples are supported`);
  }
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i]!;
  return { data: out, height: info.height, width: info.width, channels: info.channels };
}
