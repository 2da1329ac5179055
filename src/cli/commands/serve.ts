/**
 * `convnet serve [MODEL]`: the "see inside" pages on a local web server: the X/O walkthrough,
 * a canvas to draw a digit that the model reads in the browser, and a page to open any .h5.
 *
 * @example
 * convnet serve runs/2024-05-01T10-00-00/model.h5 --port 8080
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IoError } from '../../errors.js';
import { defaultWebRoot, startServer } from '../../server/static-server.js';
import { numberOption, parseArgs } from '../args.js';
import type { Command } from '../command.js';

const usage = `Usage: convnet serve [MODEL] [--port N] [--host H]

Serves the "see inside" pages on http://127.0.0.1:N/ until Ctrl+C:
  index.html   the lecture's X/O ConvNet, step by step
  draw.html    draw a digit; MODEL reads it in the browser, layer by layer
  model.html   open a Keras .h5 model from disk and see its summary

MODEL is a Keras .h5 file, e.g. the runs/<time>/model.h5 that 'npm start' saves. Without
it, draw.html uses the small MNIST model shipped with the package.

Options:
  --port N   port to listen on (default 8080; 0 picks a free one)
  --host H   address to listen on (default 127.0.0.1, this machine only). Any other
             address makes the pages and the model readable from the network.`;

/** The model shipped with the package, used when none is given. */
export function shippedModel(webRoot = defaultWebRoot()): string | undefined {
  const path = join(webRoot, 'models', 'mnist-small.h5');
  return existsSync(path) ? path : undefined;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the see-inside pages (X/O walkthrough, draw a digit, open a model) locally',
  usage,
  async run(args) {
    const { positional, options } = parseArgs(args, {
      port: { type: 'string' }, host: { type: 'string' },
    }, 'serve');
    const port = numberOption(options.port, 'port', 8080, (n) => Number.isInteger(n) && n >= 0 && n < 65536);
    const root = defaultWebRoot();
    if (!existsSync(join(root, 'index.html'))) {
      throw new IoError(`serve: the web pages are missing from ${root}. Run 'npm run build' first.`);
    }
    const given = positional[0];
    if (given !== undefined && !(existsSync(given) && statSync(given).isFile())) {
      throw new IoError(`serve: model file '${given}' not found. Give the path of a Keras .h5 file, ` +
        `such as runs/<time>/model.h5 written by 'npm start'.`);
    }
    const modelPath = given ?? shippedModel(root);
    const server = await startServer({
      root, port, host: typeof options.host === 'string' ? options.host : undefined,
      modelPath, modelName: given ?? (modelPath === undefined ? undefined : 'shipped MNIST model'),
    });

    process.stdout.write(`Serving on ${server.url} (Ctrl+C to stop)\n` +
      `  X/O walkthrough  ${server.url}\n  draw a digit     ${server.url}draw.html\n` +
      `  open a model     ${server.url}model.html\n` +
      `  model            ${modelPath ?? 'none'}\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};
