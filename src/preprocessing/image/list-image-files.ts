/**
 * Finding the images of a class-per-folder dataset, with Keras' rules: classes are the
 * sub-folder names sorted by code point (uppercase before lowercase), unless given; files are
 * those with an allowed extension (case-insensitive), searched recursively and sorted by name.
 * Hidden files and folders (starting with '.') are skipped.
 *
 * @example
 * const { classNames, filenames, classes } = listImageFiles('data/train');
 * // classNames ['cats', 'dogs'], filenames ['cats/1.jpg', ...], classes Int32Array [0, ...]
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IoError, ValueError } from '../../errors.js';
import { subsetRange, type Subset } from './subset.js';

/** Extensions read as images (lowercase, compared case-insensitively). */
export const IMAGE_EXTENSIONS: readonly string[] =
  ['png', 'jpg', 'jpeg', 'bmp', 'ppm', 'tif', 'tiff'];

export interface ListImageFilesOptions {
  /** Class folder names, in the order that gives their indices; default: all, sorted. */
  classes?: readonly string[];
  validationSplit?: number;
  subset?: Subset;
}

export interface ImageListing {
  classNames: string[];
  /** Paths relative to the directory, with '/' separators, grouped by class. */
  filenames: string[];
  /** Class index of each file. */
  classes: Int32Array;
}

/**
 * Compares strings by Unicode code point (Python's sort order), not by locale.
 *
 * @example
 * ['cats', 'Zebra'].sort(compareCodePoints); // ['Zebra', 'cats']
 */
export function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator](), bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next(), y = bi.next();
    if (x.done || y.done) return (x.done ? 0 : 1) - (y.done ? 0 : 1);
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/**
 * Lists the images under `directory`, one sub-folder per class.
 *
 * @example
 * listImageFiles('data', { classes: ['dogs', 'cats'] }).classNames; // ['dogs', 'cats']
 */
export function listImageFiles(directory: string, options: ListImageFilesOptions = {}):
  ImageListing {
  const classNames = options.classes ? [...options.classes] : classFolders(directory);
  const filenames: string[] = [];
  const classes: number[] = [];
  classNames.forEach((name, index) => {
    const files = imagesIn(join(directory, name), name);
    const [start, stop] = subsetRange(files.length, options.validationSplit ?? 0,
      options.subset);
    for (const file of files.slice(start, stop)) {
      filenames.push(file);
      classes.push(index);
    }
  });
  return { classNames, filenames, classes: Int32Array.from(classes) };
}

function classFolders(directory: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(directory);
  } catch (err) {
    throw new IoError(`flowFromDirectory: cannot read directory '${directory}': ` +
      `${(err as Error).message}`, { cause: err });
  }
  return entries
    .filter((name) => !name.startsWith('.') && isDirectory(join(directory, name)))
    .sort(compareCodePoints);
}

/** Image files of one class folder, recursively, as '/'-joined paths starting with `prefix`. */
function imagesIn(folder: string, prefix: string): string[] {
  if (!isDirectory(folder)) {
    throw new ValueError(`flowFromDirectory: class '${prefix}' has no folder '${folder}'`);
  }
  const names = readdirSync(folder).filter((n) => !n.startsWith('.')).sort(compareCodePoints);
  const files = names.filter((n) => !isDirectory(join(folder, n)) && hasImageExtension(n));
  const subfolders = names.filter((n) => isDirectory(join(folder, n)));
  return [
    ...files.map((n) => `${prefix}/${n}`),
    ...subfolders.flatMap((n) => imagesIn(join(folder, n), `${prefix}/${n}`)),
  ];
}

function hasImageExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && IMAGE_EXTENSIONS.includes(name.slice(dot + 1).toLowerCase());
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
