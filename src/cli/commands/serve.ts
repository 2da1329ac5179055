/**
 * `convnet serve [MODEL]`: the "see inside" pages on a local web server: the X/O walkthrough,
 * a canvas to draw a digit that the model reads in the browser, and a page to open any .h5.
 *
 * @example
 * convnet serve runs/2024-05-01T10-00-00/model.h5 --port 8080
 */
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConvnetError, IoError, ValueError } from '../../errors.js';
import { loadModel } from '../../io/h5/model-files.js';
import { defaultWebRoot, startServer } from '../../server/static-server.js';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { describeInput } from './model-input.js';
import { portOption } from './whole-number-option.js';

const usage = `Usage: convnet serve [MODEL] [--port N] [--host H]

Serves the "see inside" pages on http://127.0.0.1:N/ until Ctrl+C:
  index.html   the lecture's X/O ConvNet, step by step
  draw.html    draw a digit; MODEL reads it in the browser, layer by layer
  model.html   open a Keras .h5 model from disk and see its summary

MODEL is a Keras .h5 file, e.g. the runs/<time>/model.h5 that 'npm start' saves. Without
it, draw.html uses the small MNIST model shipped with the package.

Options:
  --port N   port to listen on (default 8080; 0 picks a free one)
  --host H   address to listen on (default 127.0.0.1, this machine only). Addresses
             outside 127.0.0.0/8 and ::1 make the pages and the model readable from
             the network.`;

/** The model shipped with the package, used when none is given. */
export function shippedModel(webRoot = defaultWebRoot()): string | undefined {
  const path = join(webRoot, 'models', 'mnist-small.h5');
  return existsSync(path) ? path : undefined;
}

/**
 * Loads `path` as a Keras model (without compiling it) to prove it is one before serving it,
 * and says what its input is; errors name the file and what was found instead.
 *
 * @example
 * await checkModelFile('runs/x/model.h5'); // '(None, 28, 28, 1)'
 */
export async function checkModelFile(path: string): Promise<string> {
  if (!existsSync(path)) {
    throw new IoError(`serve: model file '${path}' not found. Give the path of a Keras .h5 ` +
      `file, such as runs/<time>/model.h5 written by 'npm start'.`);
  }
  if (!statSync(path).isFile()) {
    throw new IoError(`serve: '${path}' is a folder, not a model file. Give the path of a ` +
      `Keras .h5 file inside it, such as ${join(path, 'model.h5')}.`);
  }
  try {
    return describeInput(await loadModel(path, { compile: false }));
  } catch (error) {
    if (!(error instanceof ConvnetError)) throw error;
    throw new IoError(`serve: '${path}' cannot be served as a model: ${error.message}`,
      { cause: error });
  }
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the see-inside pages (X/O walkthrough, draw a digit, open a model) locally',
  usage,
  async run(args) {
    const { positional, options } = parseArgs(args, {
      port: { type: 'string' }, host: { type: 'string' },
    }, 'serve');
    if (positional.length > 1) {
      throw new ValueError(`serve: expected at most one MODEL file, got ` +
        `${positional.length}: ${positional.join(' ')}. Serve one model at a time.`);
    }
    const port = portOption(options.port);
    const root = defaultWebRoot();
    if (!existsSync(join(root, 'index.html'))) {
      throw new IoError(`serve: the web pages are missing from ${root}. Run 'npm run build' first.`);
    }
    const given = positional[0];
    const input = given === undefined ? undefined : await checkModelFile(given);
    const modelPath = given ?? shippedModel(root);
    const server = await startServer({
      root, port, host: typeof options.host === 'string' ? options.host : undefined,
      modelPath, modelName: given === undefined
        ? (modelPath === undefined ? undefined : 'shipped MNIST model') : basename(given),
    });

    process.stdout.write(`Serving on ${server.url} (Ctrl+C to stop)\n` +
      `  X/O walkthrough  ${server.url}\n  draw a digit     ${server.url}draw.html\n` +
      `  open a model     ${server.url}model.html\n` +
      `  model            ${modelPath ?? 'none'}${input ? `, input ${input}` : ''}\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};
