/**
 * `convnet summary MODEL`: prints the Keras summary table of a saved model (ours or Keras').
 *
 * @example
 * convnet summary mnist.h5
 */
import { ValueError } from '../../errors.js';
import { loadModel } from '../../io/h5/model-files.js';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';

const usage = `Usage: convnet summary MODEL

Prints the layers of a model saved with model.save (here or in Keras): each layer's name,
type, output shape and number of parameters, then the totals.`;

export const summaryCommand: Command = {
  name: 'summary',
  summary: 'print the layer table of a saved .h5 model',
  usage,
  async run(args) {
    const { positional } = parseArgs(args, {}, 'summary');
    if (positional.length !== 1) {
      throw new ValueError(`convnet summary: expected one MODEL file, got ${positional.length} ` +
        `arguments. Try: convnet summary mnist.h5`);
    }
    const model = await loadModel(positional[0]!, { compile: false });
    model.summary((line) => process.stdout.write(line + '\n'));
    return 0;
  },
};
