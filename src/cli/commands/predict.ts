/**
 * `convnet predict MODEL.h5 IMAGE...`: the most likely classes of each image (PNG, JPEG...),
 * after making it look like an MNIST digit: grey, resized to the model's input size, inverted
 * when its background is light (MNIST digits are white on black), scaled to [0, 1].
 *
 * @example
 * convnet predict mnist.h5 seven.png four.jpg --top 3
 */
import sharp from 'sharp';
import { IoError, ValueError } from '../../errors.js';
import { loadModel } from '../../io/h5/model-files.js';
import { Tensor } from '../../tensor/tensor.js';
import { numberOption, parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { imageInput } from './model-input.js';

const usage = `Usage: convnet predict MODEL.h5 IMAGE... [--top K]

Prints, for each image, the K most likely classes with their probabilities. Images (PNG, JPEG,
WebP...) are made to look like MNIST digits first: grey, resized to the model's input size,
inverted if the background is light (white digit on black), pixels scaled to [0, 1].

Options:
  --top K   classes to print per image (default 3)`;

export const predictCommand: Command = {
  name: 'predict',
  summary: 'classify digit images with a saved .h5 model',
  usage,
  async run(args) {
    const { positional, options } = parseArgs(args, { top: { type: 'string' } }, 'predict');
    if (positional.length < 2) {
      throw new ValueError(`convnet predict: expected MODEL.h5 and at least one image. ` +
        `Try: convnet predict mnist.h5 digit.png`);
    }
    const top = numberOption(options.top, 'top', 3, (n) => Number.isInteger(n) && n > 0);
    const [modelPath, ...images] = positional as [string, ...string[]];

    const model = await loadModel(modelPath, { compile: false });
    const { side, shape } = imageInput(model);
    for (const image of images) {
      const x = new Tensor([1, ...shape]);
      x.f32.set(await digitPixels(image, side));
      const probs = (model.predictOnBatch(x) as Tensor).f32;
      process.stdout.write(`${image}: ${topClasses(probs, top)}\n`);
    }
    return 0;
  },
};

/**
 * An image file as a side x side MNIST-like digit: grey values in [0, 1], white on black.
 *
 * @example
 * const pixels = await digitPixels('seven.png', 28); // Float32Array(784)
 */
export async function digitPixels(file: string, side: number): Promise<Float32Array> {
  let data: Buffer;
  try {
    // Transparent pixels count as white paper.
    ({ data } = await sharp(file).flatten({ background: '#ffffff' }).greyscale()
      .resize(side, side, { fit: 'fill' }).extractChannel(0).raw()
      .toBuffer({ resolveWithObject: true }));
  } catch (error) {
    throw new IoError(`${file}: cannot read the image (${(error as Error).message})`, { cause: error });
  }

  const invert = borderMean(data, side) > 127;
  return Float32Array.from(data, (v) => (invert ? 255 - v : v) / 255);
}

// The background is what the border shows: light paper means a dark digit to invert.
function borderMean(pixels: Uint8Array, side: number): number {
  let sum = 0, n = 0;
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      if (i !== 0 && j !== 0 && i !== side - 1 && j !== side - 1) continue;
      sum += pixels[i * side + j]!;
      n++;
    }
  }
  return sum / n;
}

function topClasses(probs: Float32Array, k: number): string {
  const order = [...probs.keys()].sort((a, b) => probs[b]! - probs[a]!).slice(0, k);
  return order.map((c) => `${c} (${probs[c]!.toFixed(4)})`).join(', ');
}
