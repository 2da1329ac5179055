/**
 * Option-name checks, so that a misspelt or unsupported Keras option fails loudly instead of
 * being ignored.
 *
 * @example
 * checkOptionNames('flow', { batchsize: 8 }, ['batchSize'], {}); // ValueError naming 'batchsize'
 */

export { checkOptionNames } from '../../utils/check-options.js';

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
