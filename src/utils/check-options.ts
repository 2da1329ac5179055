/**
 * Option-name checks, so that a misspelt, snake_case or unsupported Keras option fails loudly
 * instead of being ignored (`fit(x, y, { batch_size: 8 })` would otherwise train with 32).
 *
 * @example
 * checkOptionNames('fit', { batch_size: 8 }, ['batchSize', 'epochs']);
 * // ValueError: fit: unknown option 'batch_size' (write it in camelCase: 'batchSize'); ...
 */
import { NotSupportedError, ValueError } from '../errors.js';

/** 'batch_size' -> 'batchSize'. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Throws for any key of `options` that is not in `known`: NotSupportedError for Keras options
 * listed in `missing` (with what they do), ValueError otherwise, pointing to the camelCase
 * spelling when the key is a snake_case name of a known option.
 */
export function checkOptionNames(where: string, options: object | null | undefined,
  known: readonly string[], missing: Readonly<Record<string, string>> = {}): void {
  if (options === null || options === undefined) return;
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    if (key in missing) {
      throw new NotSupportedError(`${where}: option '${key}' (${missing[key]}) is not supported`);
    }
    const camel = OLDER_NAMES[key] ?? camelCase(key);
    const hint = camel === key || !known.includes(camel) ? ''
      : key in OLDER_NAMES ? ` (Keras' older name; write '${camel}')`
        : ` (write it in camelCase: '${camel}')`;
    throw new ValueError(`${where}: unknown option '${key}'${hint}; known options: ${known.join(', ')}`);
  }
}

/** Names older Keras versions took, pointed to the current ones in errors. */
const OLDER_NAMES: Readonly<Record<string, string>> = {
  lr: 'learningRate', nb_epoch: 'epochs', output_dim: 'units', nb_filter: 'filters',
  border_mode: 'padding', subsample: 'strides',
};

/**
 * The option names of an options interface T, as a list the compiler checks against T: leaving
 * one out, or listing one T lacks, does not compile. For {@link checkOptionNames}.
 *
 * @example
 * const NAMES = optionNames<EarlyStoppingArgs>()(['monitor', 'minDelta', 'patience', ...]);
 */
export function optionNames<T>() {
  type Name = keyof T & string;
  return <const K extends readonly Name[]>(
    names: K & ([Name] extends [K[number]] ? unknown : { missing: Exclude<Name, K[number]> }),
  ): readonly string[] => names as readonly string[];
}
