#!/usr/bin/env node
/**
 * The `convnet` command line: `convnet <command> [options]`. Results go to stdout, logs to
 * stderr.
 */
import { readFileSync } from 'node:fs';
import '../kernels/wasm/auto.js';
import { ConvnetError, ValueError } from '../errors.js';
import { setLogLevel, type LogLevel } from '../log.js';
import type { Command } from './command.js';
import { commands } from './commands/index.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as
    { version: string };
  return pkg.version;
}

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: convnet <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  --help, -h          show help (also: convnet <command> --help)',
    '  --version, -v       print the version',
    '  --log-level LEVEL   silent | error | warn | info | debug (default: warn)',
  ].join('\n');
}

/** Pulls `--log-level` out of the arguments wherever it stands. */
function takeLogLevel(args: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--log-level') {
      const level = args[++i];
      if (level === undefined) throw new ValueError('option \'--log-level\' needs a value: silent, error, warn, info or debug');
      setLogLevel(level as LogLevel);
    }
    else if (a.startsWith('--log-level=')) setLogLevel(a.slice(12) as LogLevel);
    else rest.push(a);
  }
  return rest;
}

export async function main(argv: string[]): Promise<number> {
  const args = takeLogLevel(argv);
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(version() + '\n');
    return 0;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (command === undefined) {
    process.stderr.write(`convnet: unknown command '${name}'\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage + '\n');
    return 0;
  }
  return command.run(rest);
}

/** Messages of the library's own errors start with where they come from ('convnet train: ...'). */
function prefixed(message: string): string {
  return message.startsWith('convnet') ? message : `convnet: ${message}`;
}

/** File-system and network errors of Node (ENOENT, EISDIR, EADDRINUSE...) are the user's to fix. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' &&
    /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof ConvnetError) {
      process.stderr.write(`${prefixed(error.message)}\n`);
      process.exitCode = 1;
    } else if (isSystemError(error)) {
      process.stderr.write(`convnet: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`convnet: unexpected error\n${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 70;
    }
  });
