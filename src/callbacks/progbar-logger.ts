/**
 * ProgbarLogger: prints "Epoch 3/10" and Keras' progress bar during fit (verbose 1), or one
 * line per epoch (verbose 2), to a text stream (process.stdout by default in Node).
 *
 * @example
 * await model.fit(x, y, { epochs: 2, verbose: 0, callbacks: [new ProgbarLogger({ stream })] });
 */
import { ValueError } from '../errors.js';
import { Progbar, type TextStream } from '../training/progbar.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Callback, type Logs } from './callback.js';

export interface ProgbarLoggerArgs {
  stream?: TextStream;
  /** 1: bar per step; 2: a line per epoch. Default: the verbose given to fit. */
  verbose?: 1 | 2;
  /** Clock in milliseconds, for tests. */
  now?: () => number;
}

const OPTIONS = optionNames<ProgbarLoggerArgs>()(['stream', 'verbose', 'now']);

/** process.stdout when running in Node. */
export function defaultStream(): TextStream {
  const stdout = (globalThis as { process?: { stdout?: TextStream } }).process?.stdout;
  if (stdout === undefined) {
    throw new ValueError('ProgbarLogger: no process.stdout here; pass { stream } with a write() method');
  }
  return stdout;
}

export class ProgbarLogger extends Callback {
  private readonly stream: TextStream;
  private readonly verboseOverride: 1 | 2 | undefined;
  private readonly now: (() => number) | undefined;
  private bar: Progbar | null = null;
  private seen = 0;

  constructor(args: ProgbarLoggerArgs = {}) {
    super();
    checkOptionNames('ProgbarLogger', args, OPTIONS);
    this.stream = args.stream ?? defaultStream();
    this.verboseOverride = args.verbose;
    this.now = args.now;
  }

  private get verbose(): 1 | 2 {
    const v = this.verboseOverride ?? this.params?.verbose ?? 1;
    return v === 2 ? 2 : 1;
  }

  override onEpochBegin(epoch: number): void {
    const epochs = this.params?.epochs ?? 1;
    if (epochs > 1) this.stream.write(`Epoch ${epoch + 1}/${epochs}\n`);
    this.seen = 0;
    this.bar = new Progbar({ target: this.params?.steps ?? null, stream: this.stream,
      verbose: this.verbose, now: this.now });
  }

  override onTrainBatchEnd(batch: number, logs: Logs = {}): void {
    this.seen = batch + 1;
    this.bar?.update(this.seen, shown(logs), false);
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    this.bar?.update(this.seen, shown(logs), true);
    this.bar = null;
  }
}

function shown(logs: Logs): Array<[string, number]> {
  return Object.entries(logs).filter(([k]) => k !== 'batch' && k !== 'size');
}
