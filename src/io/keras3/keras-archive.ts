/**
 * Keras 3's native `.keras` file: a zip archive holding `metadata.json` ({keras_version,
 * date_saved}), `config.json` (the model, serialized with its compile settings) and
 * `model.weights.h5` (the variables, see vars-layout.ts). Keras may add an `assets/` folder,
 * which no layer here uses. Nothing in the archive is executed.
 *
 * No Node imports: works on bytes in browsers too.
 *
 * @example
 * const { config, metadata, weights } = await readKerasArchive(bytes, 'mnist.keras');
 * metadata['keras_version']; // '3.7.0'
 */
import { IoError, NotSupportedError } from '../../errors.js';
import { isHdf5 } from '../h5/file-signature.js';
import { parsePythonJson } from '../h5/python-json.js';
import { findZipEntry, openZip, readZipEntry, type ZipArchive } from '../zip/zip-reader.js';
import { writeZip } from '../zip/zip-writer.js';

/** The entries of a `.keras` archive, named as Keras' saving_lib names them. */
export const CONFIG_FILE = 'config.json';
export const METADATA_FILE = 'metadata.json';
export const WEIGHTS_FILE = 'model.weights.h5';

/** The Keras version our `.keras` files claim: the layout is the one Keras 3.7 writes. */
export const KERAS3_VERSION = '3.7.0';

/** What a `.keras` archive holds. */
export interface KerasArchive {
  /** config.json: {module, class_name, config, registered_name, build_config, compile_config}. */
  config: Record<string, unknown>;
  /** metadata.json ({} when the archive has none). */
  metadata: Record<string, unknown>;
  /** The bytes of model.weights.h5. */
  weights: Uint8Array;
}

/**
 * Reads a `.keras` archive from its bytes; `label` names it in errors (not a zip, truncated,
 * CRC mismatch, config.json or model.weights.h5 missing, JSON that does not parse).
 *
 * @example
 * const archive = await readKerasArchive(readFileSync('m.keras'), 'm.keras');
 */
export async function readKerasArchive(bytes: Uint8Array, label: string): Promise<KerasArchive> {
  if (isHdf5(bytes)) {
    throw new IoError(`${label}: this is an HDF5 file, not a .keras zip archive; loadModel and ` +
      `loadWeights read it as .h5`);
  }
  const zip = openZip(bytes, label);
  if (findZipEntry(zip, CONFIG_FILE) === undefined) {
    throw new IoError(`${label}: not a Keras model archive: it has no '${CONFIG_FILE}' ` +
      `(it holds: ${names(zip)})`);
  }
  checkWeightsEntry(zip, label);

  const metadata = findZipEntry(zip, METADATA_FILE) === undefined ? {}
    : await readJson(zip, METADATA_FILE, label);
  return {
    config: await readJson(zip, CONFIG_FILE, label),
    metadata,
    weights: await readZipEntry(zip, WEIGHTS_FILE),
  };
}

function checkWeightsEntry(zip: ZipArchive, label: string): void {
  if (findZipEntry(zip, WEIGHTS_FILE) !== undefined) return;
  if (findZipEntry(zip, 'model.weights.npz') !== undefined) {
    throw new NotSupportedError(`${label}: the weights are in model.weights.npz (Keras' ` +
      `weights_format='npz'); only '${WEIGHTS_FILE}' can be read. Save from Keras with the ` +
      `default weights format`);
  }
  throw new IoError(`${label}: the archive has no '${WEIGHTS_FILE}', so the weights are ` +
    `missing (it holds: ${names(zip)})`);
}

// Far above any real config (a few hundred KiB), and well below the longest string V8 can hold.
const MAX_JSON_BYTES = 64 * 2 ** 20;

async function readJson(zip: ZipArchive, name: string, label: string):
  Promise<Record<string, unknown>> {
  const text = new TextDecoder().decode(await readZipEntry(zip, name, MAX_JSON_BYTES));
  const value = parsePythonJson(text, `${label}: '${name}'`);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new IoError(`${label}: '${name}' is not a JSON object (starts with ` +
      `'${text.slice(0, 40)}')`);
  }
  return value as Record<string, unknown>;
}

function names(zip: ZipArchive): string {
  return zip.entries.map((e) => e.name).join(', ') || 'nothing';
}

/**
 * The bytes of a `.keras` archive, entries in the order Keras writes them, all stored.
 *
 * @example
 * writeKerasArchive({ config, metadata: { keras_version: '3.7.0' }, weights: h5Bytes });
 */
export function writeKerasArchive(archive: KerasArchive, date = new Date()): Uint8Array {
  const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
  return writeZip([
    { name: METADATA_FILE, data: json(archive.metadata) },
    { name: CONFIG_FILE, data: json(archive.config) },
    { name: WEIGHTS_FILE, data: archive.weights },
  ], { date });
}

/**
 * metadata.json as Keras writes it: the version and the local time, 'YYYY-MM-DD@HH:MM:SS'.
 *
 * @example
 * kerasMetadata(new Date(2024, 4, 17, 9, 5, 0)).date_saved; // '2024-05-17@09:05:00'
 */
export function kerasMetadata(date = new Date()): Record<string, unknown> {
  const two = (n: number): string => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  return { keras_version: KERAS3_VERSION, date_saved: `${day}@${time}` };
}
