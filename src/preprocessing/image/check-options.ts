/**
 * Option-name checks, so that a misspelt or unsupported Keras option fails loudly instead of
 * being ignored.
 *
 * @example
 * checkOptionNames('flow', { batchsize: 8 }, ['batchSize'], {}); // ValueError naming 'batchsize'
 */
import { NotSupportedError, ValueError } from '../../errors.js';

/**
 * Throws for any key of `options` that is not in `known`: NotSupportedError for Keras options
 * listed in `missing` (with what they do), ValueError otherwise.
 *
 * @example
 * checkOptionNames('flowFromDirectory', { saveToDir: 'out' }, KNOWN,
 *   { saveToDir: 'saving augmented images' }); // NotSupportedError
 */
export function checkOptionNames(where: string, options: object, known: readonly string[],
  missing: Readonly<Record<string, string>>): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    if (key in missing) {
      throw new NotSupportedError(`${where}: option '${key}' (${missing[key]}) is not supported`);
    }
    throw new ValueError(`${where}: unknown option '${key}'; known options: ${known.join(', ')}`);
  }
}

/** Keras iterator options we do not offer, with what they do. */
export const MISSING_ITERATOR_OPTIONS: Readonly<Record<string, string>> = {
  saveToDir: 'saving augmented images to a folder',
  savePrefix: 'saving augmented images to a folder',
  saveFormat: 'saving augmented images to a folder',
  followLinks: 'following symbolic links is always on',
  keepAspectRatio: 'resizing with a centre crop',
  ignoreClassSplit: 'splitting without regard to classes',
  dataFormat: "data formats other than channels-last ('channels_last' is the only layout)",
};
