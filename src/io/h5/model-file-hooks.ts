/**
 * How `model.save(path)` and `model.saveWeights(path)` reach the file writer without the model
 * classes importing Node modules (which would keep them out of the browser bundle): the Node
 * module model-files.ts registers itself here when loaded, and in Node it is loaded on first
 * use if nothing imported it yet.
 *
 * @example
 * await (await modelFiles("model.save('x.h5')")).saveModel(model, 'x.h5');
 */
import { NotSupportedError } from '../../errors.js';
import type { SaveableModel, SaveOptions } from './model-io.js';

/** The path-based writers model-files.ts provides. */
export interface ModelFileWriters {
  saveModel(model: SaveableModel, path: string, options?: SaveOptions): Promise<void>;
  saveWeights(model: Pick<SaveableModel, 'layers'>, path: string): Promise<void>;
}

let writers: ModelFileWriters | null = null;

/**
 * Called by model-files.ts when it loads.
 *
 * @example
 * registerModelFileWriters({ saveModel, saveWeights });
 */
export function registerModelFileWriters(w: ModelFileWriters): void {
  writers = w;
}

/**
 * The registered writers; in Node, loads model-files.ts first when needed. `what` names the
 * call in the error a browser gets.
 *
 * @example
 * const { saveWeights } = await modelFiles("model.saveWeights('w.h5')");
 */
export async function modelFiles(what: string): Promise<ModelFileWriters> {
  if (writers === null && typeof process !== 'undefined' && process.versions?.node) {
    // A computed specifier: bundlers leave it alone, so browser bundles never pull in Node code.
    await import(new URL('./model-files.js', import.meta.url).href);
  }
  if (writers === null) {
    throw new NotSupportedError(`${what}: writing files needs Node; in a browser use ` +
      `saveModelToBuffer(model) or saveWeightsToBuffer(model) and keep the bytes`);
  }
  return writers;
}
