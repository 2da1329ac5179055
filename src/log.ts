/**
 * The one logger of the library. Library code never calls `console` directly: it logs here,
 * at a level, and the application (the CLI, a test, a user) decides what is shown.
 *
 * @example
 * import { log, setLogLevel } from 'convnet-ts';
 * setLogLevel('debug');
 * log.debug('kernels: using 2 threads');
 */

import { ValueError } from './errors.js';

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

const ORDER: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

export type LogSink = (level: Exclude<LogLevel, 'silent'>, message: string) => void;

let current: LogLevel = 'warn';
let sink: LogSink = (level, message) => {
  // stderr keeps stdout free for results; in a browser console.* is the only channel.
  if (typeof process !== 'undefined' && process.stderr) process.stderr.write(message + '\n');
  else console[level === 'debug' ? 'log' : level](message);
};
const onceSeen = new Set<string>();

/** Sets the lowest level that is shown. Default: 'warn'. */
export function setLogLevel(level: LogLevel): void {
  if (!(level in ORDER)) {
    throw new ValueError(`log level '${level}' is not one of ${Object.keys(ORDER).join(', ')}`);
  }
  current = level;
}

export function getLogLevel(): LogLevel {
  return current;
}

/** Replaces where messages go (tests capture them this way). Returns the previous sink. */
export function setLogSink(next: LogSink): LogSink {
  const previous = sink;
  sink = next;
  return previous;
}

function emit(level: Exclude<LogLevel, 'silent'>, message: string): void {
  if (ORDER[level] <= ORDER[current]) sink(level, message);
}

export const log = {
  error: (message: string) => emit('error', message),
  warn: (message: string) => emit('warn', message),
  info: (message: string) => emit('info', message),
  debug: (message: string) => emit('debug', message),
  /** Emits a warning only the first time a given message is seen in this process. */
  warnOnce: (message: string) => {
    if (onceSeen.has(message)) return;
    onceSeen.add(message);
    emit('warn', message);
  },
};
