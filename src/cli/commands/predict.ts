/**
 * `convnet predict MODEL IMAGE...`: the most likely classes of each image (PNG, JPEG...),
 * read the way the model was trained: resized to its input size, pixels scaled to [0, 1], in
 * RGB for colour models (such as `convnet train DIR` writes) and grey for MNIST-like ones,
 * which also invert light paper into MNIST's white digit on black.
 *
 * @example
 * convnet predict mnist.h5 seven.png four.jpg --top 3
 * convnet predict runs/cats/model.h5 cat.jpg --classes cats,dogs
 */
import sharp from 'sharp';
import { IoError, ShapeError, ValueError } from '../../errors.js';
import { loadModel } from '../../io/h5/model-files.js';
import { formatSymbolicShape } from '../../layers/symbolic-tensor.js';
import type { Model } from '../../models/model.js';
import { loadImagePixels } from '../../preprocessing/image/load-image.js';
import { Tensor } from '../../tensor/tensor.js';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { imageInput, type ImageInput } from './model-input.js';
import { wholeNumberOption } from './whole-number-option.js';

const usage = `Usage: convnet predict MODEL IMAGE... [--top K] [--classes A,B,...]

Prints, for each image, the K most likely classes with their probabilities. Images (PNG, JPEG,
WebP...) are resized to the model's input size and their pixels scaled to [0, 1]:
  - colour models (input [h, w, 3], e.g. from 'convnet train DIR') read them in RGB;
  - grey models (input [h, w, 1] or [784], e.g. MNIST) read them in grey, inverted if the
    background is light (MNIST digits are white on black).
A model with one sigmoid output (two classes) prints the probability of class 1 and of both
classes.

Options:
  --top K           classes to print per image (default 3)
  --classes A,B     names of the classes in the model's order, e.g. cats,dogs
                    ('convnet train DIR' orders them as its folders, alphabetically)`;

export const predictCommand: Command = {
  name: 'predict',
  summary: 'classify images with a saved .h5 model (MNIST digits, or cats and dogs...)',
  usage,
  async run(args) {
    const { positional, options } = parseArgs(args, {
      top: { type: 'string' }, classes: { type: 'string' },
    }, 'predict');
    if (positional.length < 2) {
      throw new ValueError(`convnet predict: expected MODEL and at least one image. ` +
        `Try: convnet predict mnist.h5 digit.png`);
    }
    const top = wholeNumberOption(options.top, 'top', 3, { min: 1 });
    const [modelPath, ...images] = positional as [string, ...string[]];

    const model = await loadModel(modelPath, { compile: false });
    const input = imageInput(model);
    const units = outputUnits(model);
    const names = classNames(options.classes, units);
    for (const image of images) {
      const x = new Tensor([1, ...input.shape]);
      x.f32.set(await modelPixels(image, input));
      const probs = (model.predictOnBatch(x) as Tensor).f32;
      process.stdout.write(`${image}: ${units === 1 ? binaryLine(probs[0]!, names)
        : topClasses(probs, top, names)}\n`);
    }
    return 0;
  },
};

// The number of classes the last layer gives; a sigmoid unit stands for two.
function outputUnits(model: Model): number {
  const shape = model.outputs.length === 1 ? model.outputs[0]!.shape : [];
  const units = shape.length === 2 ? shape[1] : undefined;
  if (typeof units !== 'number') {
    throw new ShapeError(`model '${model.name}' gives ${model.outputs.length === 1
      ? formatSymbolicShape(shape) : `${model.outputs.length} outputs`}; expected one vector ` +
      `of class probabilities such as (None, 10) or (None, 1)`);
  }
  return units;
}

function classNames(option: string | boolean | undefined, units: number): string[] {
  const count = units === 1 ? 2 : units;
  if (typeof option !== 'string') return Array.from({ length: count }, (_, i) => String(i));
  const names = option.split(',').map((n) => n.trim());
  if (names.length !== count || names.some((n) => n === '')) {
    throw new ValueError(`option '--classes': expected ${count} comma-separated names ` +
      `(the model has ${units === 1 ? 'one sigmoid output, so two classes' : `${units} outputs`}` +
      `), got '${option}'`);
  }
  return names;
}

/**
 * The pixels `input` wants from an image file, in [0, 1]: RGB for 3 channels, else grey and
 * MNIST-like (white on black).
 *
 * @example
 * const pixels = await modelPixels('cat.jpg', { height: 150, width: 150, channels: 3,
 *   shape: [150, 150, 3] }); // Float32Array(67500)
 */
export async function modelPixels(file: string, input: ImageInput): Promise<Float32Array> {
  if (input.channels === 1) return digitPixels(file, input.height, input.width);
  // As 'convnet train DIR' reads its folders (flowFromDirectory, bilinear, rescale 1/255).
  const { data } = await loadImagePixels(file, { colorMode: 'rgb',
    targetSize: [input.height, input.width], interpolation: 'bilinear' });
  return data.map((v) => v / 255);
}

/**
 * An image file as a height x width MNIST-like digit: grey values in [0, 1], white on black.
 *
 * @example
 * const pixels = await digitPixels('seven.png', 28); // Float32Array(784)
 */
export async function digitPixels(file: string, height: number, width = height):
  Promise<Float32Array> {
  let data: Buffer;
  try {
    // Transparent pixels count as white paper.
    ({ data } = await sharp(file).flatten({ background: '#ffffff' }).greyscale()
      .resize(width, height, { fit: 'fill' }).extractChannel(0).raw()
      .toBuffer({ resolveWithObject: true }));
  } catch (error) {
    throw new IoError(`${file}: cannot read the image (${(error as Error).message})`, { cause: error });
  }

  const invert = borderMean(data, height, width) > 127;
  return Float32Array.from(data, (v) => (invert ? 255 - v : v) / 255);
}

// The background is what the border shows: light paper means a dark digit to invert.
function borderMean(pixels: Uint8Array, height: number, width: number): number {
  let sum = 0, n = 0;
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      if (i !== 0 && j !== 0 && i !== height - 1 && j !== width - 1) continue;
      sum += pixels[i * width + j]!;
      n++;
    }
  }
  return sum / n;
}

function topClasses(probs: Float32Array, k: number, names: string[]): string {
  const order = [...probs.keys()].sort((a, b) => probs[b]! - probs[a]!).slice(0, k);
  return order.map((c) => `${names[c]} (${probs[c]!.toFixed(4)})`).join(', ');
}

// A sigmoid unit gives P(class 1); class 0 has the rest. The likelier class comes first.
function binaryLine(p1: number, names: string[]): string {
  const both = [[names[1]!, p1], [names[0]!, 1 - p1]] as const;
  const ranked = p1 >= 0.5 ? both : [both[1], both[0]];
  return `${ranked.map(([n, p]) => `${n} (${p.toFixed(4)})`).join(', ')}; ` +
    `sigmoid output P(${names[1]}) = ${p1.toFixed(4)}`;
}
