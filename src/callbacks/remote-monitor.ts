/**
 * RemoteMonitor: POSTs each epoch's logs to a server, e.g. a live dashboard. The body is a
 * form with one field (`data` by default) holding the logs as JSON, or the JSON itself with
 * `sendAsJson`. The logs carry `epoch` (0-based). A server that cannot be reached costs a
 * warning, never the training run.
 *
 * NaN and infinite values are sent as null (JSON has no NaN).
 *
 * @example
 * new RemoteMonitor({ root: 'http://127.0.0.1:9000', sendAsJson: true });
 */
import { log } from '../log.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Callback, type Logs } from './callback.js';

export interface RemoteMonitorArgs {
  /** Server root URL. Default 'http://127.0.0.1:9000'. */
  root?: string;
  /** Path appended to root. Default '/publish/epoch/end/'. */
  path?: string;
  /** Form field holding the JSON, when not sendAsJson. Default 'data'. */
  field?: string;
  /** Extra HTTP headers. */
  headers?: Record<string, string>;
  /** Send the logs as an application/json body. Default false. */
  sendAsJson?: boolean;
  /** Give up on a request after this many milliseconds. Default 10000. */
  timeoutMs?: number;
}

const OPTIONS = optionNames<RemoteMonitorArgs>()([
  'root', 'path', 'field', 'headers', 'sendAsJson', 'timeoutMs']);

export class RemoteMonitor extends Callback {
  readonly root: string;
  readonly path: string;
  readonly field: string;
  readonly headers: Record<string, string>;
  readonly sendAsJson: boolean;
  readonly timeoutMs: number;

  constructor(args: RemoteMonitorArgs = {}) {
    super();
    checkOptionNames('RemoteMonitor', args, OPTIONS);
    this.root = args.root ?? 'http://127.0.0.1:9000';
    this.path = args.path ?? '/publish/epoch/end/';
    this.field = args.field ?? 'data';
    this.headers = { ...args.headers };
    this.sendAsJson = args.sendAsJson ?? false;
    this.timeoutMs = args.timeoutMs ?? 10000;
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    const json = JSON.stringify({ epoch, ...logs });
    const body = this.sendAsJson ? json : new URLSearchParams({ [this.field]: json }).toString();
    const contentType = this.sendAsJson ? 'application/json' : 'application/x-www-form-urlencoded';
    const url = this.root + this.path;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': contentType, ...this.headers },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.arrayBuffer();
      if (!response.ok) {
        log.warn(`RemoteMonitor: ${url} answered ${response.status} ${response.statusText}; ` +
          `training continues`);
      }
    } catch (error) {
      // fetch rejects only for network failures and the timeout; both are the server's problem
      log.warn(`Could not reach RemoteMonitor root server at ${this.root} ` +
        `(${(error as Error).message}); training continues`);
    }
  }
}
