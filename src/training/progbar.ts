/**
 * Keras 2's text progress bar.
 *
 * verbose 1, rewritten in place with \r on a terminal (and written once, finished, otherwise):
 *   "  12/844 [>.............................] - ETA: 1:05 - loss: 0.4123 - accuracy: 0.8812"
 *   "844/844 [==============================] - 31s 37ms/step - loss: 0.1553 - accuracy: 0.9522"
 * verbose 2, one line when finished:
 *   "844/844 - 31s - loss: 0.1553 - accuracy: 0.9522 - 31s/epoch - 37ms/step"
 *
 * @example
 * const bar = new Progbar({ target: 844, stream: process.stdout });
 * bar.update(12, [['loss', 0.41]]);
 */

/** Where progress goes: process.stdout in Node, or anything with write(). */
export interface TextStream {
  write(text: string): unknown;
  /** True on an interactive terminal: the bar is redrawn in place. */
  isTTY?: boolean;
}

export interface ProgbarArgs {
  /** Total steps, or null when unknown. */
  target: number | null;
  stream: TextStream;
  verbose?: 1 | 2;
  width?: number;
  /** Minimum seconds between redraws on a terminal. */
  interval?: number;
  unitName?: string;
  /** Clock in milliseconds (tests pass a fake one). */
  now?: () => number;
}

export class Progbar {
  private readonly target: number | null;
  private readonly stream: TextStream;
  private readonly verbose: 1 | 2;
  private readonly width: number;
  private readonly interval: number;
  private readonly unitName: string;
  private readonly now: () => number;
  private readonly start: number;
  private lastUpdate = 0;
  private totalWidth = 0;
  private timeAfterFirstStep: number | null = null;
  private values = new Map<string, number>();

  constructor(args: ProgbarArgs) {
    this.target = args.target;
    this.stream = args.stream;
    this.verbose = args.verbose ?? 1;
    this.width = args.width ?? 30;
    this.interval = args.interval ?? 0.05;
    this.unitName = args.unitName ?? 'step';
    this.now = args.now ?? (() => performance.now());
    this.start = this.now() / 1000;
  }

  /** Shows progress at step `current` with the latest metric values. */
  update(current: number, values: ReadonlyArray<[string, number]> = [], finalize?: boolean): void {
    const done = finalize ?? (this.target !== null && current >= this.target);
    for (const [k, v] of values) this.values.set(k, v);
    const now = this.now() / 1000;
    if (this.verbose === 1) this.updateBar(current, now, done);
    else if (done) this.writeSummaryLine(current, now);
    this.lastUpdate = now;
  }

  private updateBar(current: number, now: number, done: boolean): void {
    const dynamic = this.stream.isTTY === true;
    if (!done && (!dynamic || now - this.lastUpdate < this.interval)) return;
    const bar = this.barText(current);
    const perStep = this.stepDuration(current, now);
    let info = done || this.target === null
      ? ` - ${Math.round(now - this.start)}s${formatTime(perStep, this.unitName)}`
      : ` - ETA: ${formatEta(perStep * (this.target - current))}`;
    info += this.valuesText();
    const previous = this.totalWidth;
    this.totalWidth = bar.length + info.length;
    if (dynamic && previous > this.totalWidth) info += ' '.repeat(previous - this.totalWidth);
    this.stream.write((dynamic ? '\r' : '') + bar + info + (done ? '\n' : ''));
  }

  private writeSummaryLine(current: number, now: number): void {
    const elapsed = now - this.start;
    const count = this.target === null ? `${current}` : `${pad(current, this.target)}/${this.target}`;
    const steps = this.target ?? Math.max(current, 1);
    this.stream.write(`${count} - ${Math.round(elapsed)}s${this.valuesText()} -` +
      `${formatTime(elapsed, 'epoch')} -${formatTime(elapsed / steps, this.unitName)}\n`);
  }

  private barText(current: number): string {
    if (this.target === null) return `${String(current).padStart(7)}/Unknown`;
    let bar = `${pad(current, this.target)}/${this.target} [`;
    const filled = Math.floor(this.width * Math.min(current / this.target, 1));
    if (filled > 0) bar += '='.repeat(filled - 1) + (current < this.target ? '>' : '=');
    return bar + '.'.repeat(this.width - filled) + ']';
  }

  /** Seconds per step, ignoring the first step (which includes warm-up), as Keras. */
  private stepDuration(current: number, now: number): number {
    if (current <= 0) return 0;
    let perStep = (now - this.start) / current;
    if (this.timeAfterFirstStep !== null && current > 1) {
      perStep = (now - this.timeAfterFirstStep) / (current - 1);
    }
    if (current === 1) this.timeAfterFirstStep = now;
    return perStep;
  }

  private valuesText(): string {
    let text = '';
    for (const [k, v] of this.values) text += ` - ${k}: ${formatValue(v)}`;
    return text;
  }
}

function pad(current: number, target: number): string {
  return String(current).padStart(String(target).length);
}

/** ' %.4f' above 1e-3 in magnitude, else ' %.4e' with Python's two-digit exponent. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Math.abs(v) > 1e-3) return v.toFixed(4);
  const [mantissa, exponent] = v.toExponential(4).split('e') as [string, string];
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}e${sign}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`;
}

/** ' 37ms/step', ' 2s/epoch', ' 850us/step'. */
export function formatTime(seconds: number, unit: string): string {
  if (seconds >= 1 || seconds === 0) return ` ${Math.round(seconds)}s/${unit}`;
  if (seconds >= 1e-3) return ` ${Math.round(seconds * 1e3)}ms/${unit}`;
  return ` ${Math.round(seconds * 1e6)}us/${unit}`;
}

/** '1:02:03', '1:05', '42s'. */
export function formatEta(eta: number): string {
  const two = (n: number): string => String(Math.floor(n)).padStart(2, '0');
  if (eta > 3600) return `${Math.floor(eta / 3600)}:${two((eta % 3600) / 60)}:${two(eta % 60)}`;
  if (eta > 60) return `${Math.floor(eta / 60)}:${two(eta % 60)}`;
  return `${Math.floor(eta)}s`;
}
