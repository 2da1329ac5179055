/**
 * `convnet explain xo`: the lecture's X/O walkthrough, printed in order with the lecture's
 * numbers, and optionally written as pictures (one SVG + PNG per stage).
 *
 * @example
 * convnet explain xo --stride 2 --padding 1 --out xo-pictures
 */
import { join } from 'node:path';
import { ValueError } from '../../errors.js';
import { xoReport } from '../../explain/text-report.js';
import { xoPictures } from '../../explain/xo-pictures.js';
import { writePicture } from '../../explain/write-pictures.js';
import { numberOption, parseArgs } from '../args.js';
import type { Command } from '../command.js';

const usage = `Usage: convnet explain xo [--stride S] [--padding P] [--out DIR] [--no-color]

Walks through the lecture's toy ConvNet that tells X from O: the 9x9 images, the three 3x3
features, the arithmetic of one match, the feature maps, max pooling, ReLU, stacking, the
fully connected votes, then stride, zero padding and the output-size formula.

Numbers are printed as the lecture prints them: two decimals, cut (not rounded).

Options:
  --stride S    stride for the worked output-size example (default 1)
  --padding P   zero padding for the worked output-size example (default 0)
  --out DIR     also write each stage as DIR/NN-stage.svg and .png
  --no-color    no ANSI colours (also off when stdout is not a terminal or NO_COLOR is set)`;

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(flag: boolean, stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env): boolean {
  return flag && stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'walk through the lecture\'s X/O ConvNet with its numbers (explain xo)',
  usage,
  async run(args) {
    const { positional, options } = parseArgs(args, {
      stride: { type: 'string' }, padding: { type: 'string' }, out: { type: 'string' },
      color: { type: 'boolean', default: true },
    }, 'explain');
    if (positional.length !== 1 || positional[0] !== 'xo') {
      throw new ValueError(`convnet explain: expected the topic 'xo', got ` +
        `${positional.length === 0 ? 'nothing' : `'${positional.join(' ')}'`}. Try: convnet explain xo`);
    }
    const stride = numberOption(options.stride, 'stride', 1);
    const padding = numberOption(options.padding, 'padding', 0);

    process.stdout.write(xoReport({ stride, padding, color: wantsColor(options.color === true) }));

    if (typeof options.out === 'string') {
      const written: string[] = [];
      for (const p of xoPictures({ stride, padding })) {
        written.push(...await writePicture(join(options.out, p.name), p.svg));
      }
      process.stdout.write(`\nWrote ${written.length} pictures to ${options.out}\n`);
    }
    return 0;
  },
};
