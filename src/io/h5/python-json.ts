/**
 * JSON as Python's json.dumps writes it, which Keras uses for every config it saves: standard
 * JSON, except that NaN and Infinity are written bare (e.g. a constraint's max_value). Those
 * read as null here.
 *
 * @example
 * parsePythonJson('{"max_value": Infinity}', "attribute 'model_config'"); // { max_value: null }
 */
import { IoError } from '../../errors.js';

/**
 * Parses `text`; `what` names it in the IoError thrown when it is not JSON.
 *
 * @example
 * parsePythonJson(configText, "m.keras: 'config.json'");
 */
export function parsePythonJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const patched = text.replace(/([:,[]\s*)(-?Infinity|NaN)(?=\s*[,\]}])/g, '$1null');
    try {
      return JSON.parse(patched);
    } catch {
      throw new IoError(`${what} is not valid JSON (${(error as Error).message})`,
        { cause: error });
    }
  }
}
