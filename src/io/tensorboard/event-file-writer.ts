/**
 * Writes one TensorBoard event file: `events.out.tfevents.<seconds>.<host>.<pid>.<n>.v2` in a
 * directory (created if missing). The file starts with an Event holding the file version, as
 * TensorFlow's writers do. Records are buffered and appended to the file by {@link flush};
 * every append is whole records, so a reader never sees a half-written one unless the
 * process dies inside a write (TensorBoard tolerates a truncated last record).
 *
 * @example
 * const w = new EventFileWriter('runs/exp1/train');
 * w.addScalar('epoch_loss', 0.42, 0);
 * w.flush();
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { IoError } from '../../errors.js';
import { encodeEvent, type EventMessage, type ValueMessage } from './protos.js';
import { encodeRecord } from './record.js';
import { histogramValue, scalarValue } from './summary.js';

export interface EventFileWriterOptions {
  /** Clock in seconds since the Unix epoch (tests fix it). Default: Date.now() / 1000. */
  now?: () => number;
  /** Host name in the file name. Default: os.hostname(). */
  hostname?: string;
}

let fileCounter = 0;

export class EventFileWriter {
  /** Full path of the event file. */
  readonly path: string;
  private readonly now: () => number;
  private pending: Uint8Array[] = [];
  private readonly taggedOnce = new Set<string>();
  private fd: number | null;

  constructor(dir: string, options: EventFileWriterOptions = {}) {
    this.now = options.now ?? (() => Date.now() / 1000);
    const start = this.now();
    const seconds = String(Math.floor(start)).padStart(10, '0');
    const host = options.hostname ?? hostname();
    const name = `events.out.tfevents.${seconds}.${host}.${process.pid}.${fileCounter++}.v2`;
    this.path = join(dir, name);

    try {
      mkdirSync(dir, { recursive: true });
      this.fd = openSync(this.path, 'a');
    } catch (cause) {
      throw new IoError(`TensorBoard: cannot create the event file ${this.path}`, { cause });
    }
    this.addEvent({ wallTime: start, fileVersion: 'brain.Event:2' });
    this.flush();
  }

  /** Queues an event; it reaches the file at the next {@link flush}. */
  addEvent(event: EventMessage): void {
    this.pending.push(encodeRecord(encodeEvent(event)));
  }

  /** Queues summary values at `step`, adding plugin metadata on each tag's first value. */
  addSummary(step: number, make: (firstOfTag: (tag: string) => boolean) => ValueMessage[]): void {
    const firstOfTag = (tag: string): boolean => {
      const first = !this.taggedOnce.has(tag);
      this.taggedOnce.add(tag);
      return first;
    };
    this.addEvent({ wallTime: this.now(), step, summary: make(firstOfTag) });
  }

  addScalar(tag: string, value: number, step: number): void {
    this.addSummary(step, (first) => [scalarValue(tag, value, first(tag))]);
  }

  addHistogram(tag: string, values: ArrayLike<number>, step: number): void {
    this.addSummary(step, (first) => [histogramValue(tag, values, first(tag))]);
  }

  /** Appends the queued records to the file. */
  flush(): void {
    if (this.pending.length === 0) return;
    if (this.fd === null) throw new IoError(`TensorBoard: ${this.path} is closed; cannot write`);
    const total = this.pending.reduce((n, r) => n + r.length, 0);
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const r of this.pending) {
      bytes.set(r, at);
      at += r.length;
    }
    this.pending = [];

    try {
      let written = 0;
      while (written < total) written += writeSync(this.fd, bytes, written, total - written);
    } catch (cause) {
      throw new IoError(`TensorBoard: writing ${this.path} failed`, { cause });
    }
  }

  /** Flushes and closes the file. Further writes throw. */
  close(): void {
    if (this.fd === null) return;
    this.flush();
    closeSync(this.fd);
    this.fd = null;
  }
}
