/**
 * CSVLogger: writes one row per epoch to a CSV file: `epoch` (0-based) first, then the log
 * keys sorted alphabetically, as Keras does. Each row is appended and reaches the file at the
 * end of its epoch, so a killed run keeps every finished epoch.
 *
 * With `append`, rows go after an existing file's content and the header is written only
 * when the file is new or empty (resuming a run must not repeat it).
 *
 * @example
 * new CSVLogger('runs/exp1/log.csv', { append: true });
 */
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ValueError } from '../errors.js';
import { log } from '../log.js';
import { pythonRepr } from '../utils/format.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Callback, type Logs } from './callback.js';

export interface CSVLoggerArgs {
  /** Column separator. Default ','. */
  separator?: string;
  /** Add rows to an existing file instead of replacing it. Default false. */
  append?: boolean;
}

const OPTIONS = optionNames<CSVLoggerArgs>()(['separator', 'append']);

export class CSVLogger extends Callback {
  readonly filename: string;
  readonly separator: string;
  readonly append: boolean;
  private keys: string[] | null = null;
  private writeHeader = true;
  /** The existing file's header when appending, to warn when the columns differ. */
  private existingHeader: string | null = null;
  /** Text that must precede the next row (a newline when the file was cut mid-line). */
  private prefix = '';

  constructor(filename: string, args: CSVLoggerArgs = {}) {
    super();
    checkOptionNames('CSVLogger', args, OPTIONS);
    this.filename = filename;
    this.separator = args.separator ?? ',';
    this.append = args.append ?? false;
    if (this.separator.length === 0 || /["\r\n]/.test(this.separator)) {
      throw new ValueError(`CSVLogger: separator ${JSON.stringify(this.separator)} cannot be ` +
        `empty or contain quotes or newlines`);
    }
  }

  override async onTrainBegin(): Promise<void> {
    this.keys = null;
    this.prefix = '';
    this.existingHeader = null;
    await mkdir(dirname(this.filename), { recursive: true });
    const existing = this.append ? await readIfExists(this.filename) : null;
    if (existing === null || existing.length === 0) {
      this.writeHeader = true;
      await writeFile(this.filename, '');
      return;
    }
    this.writeHeader = false;
    this.existingHeader = existing.split(/\r?\n/, 1)[0]!;
    if (!existing.endsWith('\n')) this.prefix = '\n';
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    if (this.keys === null) this.keys = Object.keys(logs).sort();
    const header = ['epoch', ...this.keys].map((k) => this.quote(k)).join(this.separator);
    let text = this.prefix;
    this.prefix = '';
    if (this.writeHeader) {
      text += header + '\n';
      this.writeHeader = false;
    } else if (this.existingHeader !== null && this.existingHeader !== header) {
      log.warn(`CSVLogger: appending columns '${header}' to ${this.filename}, whose header is ` +
        `'${this.existingHeader}'`);
      this.existingHeader = null;
    }

    const cells = this.keys.map((k) => (k in logs ? pythonRepr(logs[k]!) : 'NA'));
    text += [String(epoch), ...cells].join(this.separator) + '\n';
    await appendFile(this.filename, text);
  }

  private quote(cell: string): string {
    return cell.includes(this.separator) || /["\r\n]/.test(cell)
      ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
