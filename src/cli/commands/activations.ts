/**
 * `convnet activations MODEL IMAGE [--out DIR]`: runs one picture through a Keras .h5 model
 * and draws what every layer outputs: one PNG per layer (a tile per channel) and an
 * index.html that shows them in order.
 *
 * @example
 * convnet activations web/models/mnist-small.h5 seven.png --out seven-inside
 */
import { IoError, NotSupportedError, ValueError } from '../../errors.js';
import { readModelImage } from '../../explain/activation-image.js';
import { writeActivationPictures } from '../../explain/activation-pictures.js';
import { loadModel } from '../../io/h5/model-files.js';
import { layerActivations, sampleActivations } from '../../explain/layer-activations.js';
import type { Model } from '../../models/model.js';
import { tensor } from '../../tensor/tensor.js';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';

const usage = `Usage: convnet activations MODEL IMAGE [--out DIR] [--mnist] [--invert | --no-invert]

Runs IMAGE through MODEL (a Keras .h5 file, e.g. runs/<time>/model.h5 from 'npm start') and
writes what every layer outputs, for looking inside the network:
  DIR/00-<layer>.png ...  one picture per layer, one tile per channel, each tile stretched
                          from its own minimum (black) to its maximum (white)
  DIR/index.html          all layers in order, with names and output shapes

IMAGE is a PNG or JPEG. It is read in grey for 1-channel models (RGB for 3), squeezed to the
model's input size and scaled to [0, 1]. A picture with a light background (dark ink on
white paper) is inverted, since MNIST digits are light on black.

Options:
  --out DIR      folder for the pictures (default: activations)
  --mnist        for 28x28x1 models: make the digit the way MNIST digits were made (crop to
                 the ink, fit into 20x20, centre by mass) instead of squeezing the picture
  --invert       always invert the picture
  --no-invert    never invert it`;

/** The model's input as [height, width, channels]; a flat square input reads as a grey picture. */
export function imageShapeOf(net: Model): [number, number, number] {
  const shape = net.inputs[0]?.shape ?? [];
  const dims = shape.slice(1);
  if (net.inputs.length === 1 && dims.every((d) => typeof d === 'number')) {
    const [a, b, c] = dims as number[];
    if (dims.length === 3) return [a!, b!, c!];
    if (dims.length === 2) return [a!, b!, 1];
    const side = Math.round(Math.sqrt(a ?? 0));
    if (dims.length === 1 && side * side === a) return [side, side, 1];
  }
  throw new NotSupportedError(`activations: model '${net.name}' takes input ` +
    `[${shape.map((d) => d ?? 'None').join(', ')}]; pictures can be given to models with one ` +
    `input of [batch, height, width, channels], [batch, height, width] or [batch, side*side]`);
}

function invertOption(value: string | boolean | undefined): 'auto' | boolean {
  return value === undefined ? 'auto' : value === true;
}

export const activationsCommand: Command = {
  name: 'activations',
  summary: 'draw what every layer of a .h5 model outputs for one picture',
  usage,
  async run(args) {
    const { positional, options } = parseArgs(args, {
      out: { type: 'string', default: 'activations' }, invert: { type: 'boolean' },
      mnist: { type: 'boolean', default: false },
    }, 'activations');
    if (positional.length !== 2) {
      throw new ValueError(`convnet activations: expected MODEL and IMAGE, got ` +
        `${positional.length === 0 ? 'nothing' : positional.map((p) => `'${p}'`).join(' ')}. ` +
        `Try: convnet activations model.h5 digit.png --out inside`);
    }
    const [modelPath, imagePath] = positional as [string, string];
    const out = String(options.out);

    // Looking inside needs no loss or optimizer, so files naming ones we lack still open.
    const net = await loadModel(modelPath, { compile: false });
    const shape = imageShapeOf(net);
    const image = await readModelImage(imagePath, shape,
      { invert: invertOption(options.invert), mnist: options.mnist === true });
    const batchShape = [1, ...net.inputs[0]!.shape.slice(1).map((d) => d!)];
    const outputs = layerActivations(net, tensor(image.data, batchShape));
    const written = await writeActivationPictures(out, sampleActivations(outputs),
      `${net.name}: activations for ${imagePath}`);
    if (written.length === 0) throw new IoError(`activations: nothing written to ${out}`);

    process.stdout.write(`${imagePath}: ${shape.join('x')}${image.inverted ? ', inverted' : ''}\n`);
    outputs.forEach((o, i) => {
      process.stdout.write(`  ${written[i]}  ${o.layerName} (${o.className}) ` +
        `[${o.shape.slice(1).join(', ')}]\n`);
    });
    process.stdout.write(`${describeOutput(outputs.at(-1)!.values)}Open ${written.at(-1)} to see ` +
      `them all.\n`);
    return 0;
  },
};

/** 'Predicted class 7 (99.1 %)' when the last layer looks like class probabilities. */
function describeOutput(values: Float32Array): string {
  const total = values.reduce((a, b) => a + b, 0);
  if (values.length < 2 || Math.abs(total - 1) > 1e-3 || values.some((v) => v < 0)) return '';
  const best = values.indexOf(Math.max(...values));
  return `Predicted class ${best} (${(values[best]! * 100).toFixed(1)} %). `;
}
