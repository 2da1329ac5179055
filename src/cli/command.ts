/**
 * What every CLI command provides. Commands live one per file in commands/ and are listed in
 * commands/index.ts.
 */

export interface Command {
  /** The word after `convnet`, e.g. 'train'. */
  readonly name: string;
  /** One line for `convnet --help`. */
  readonly summary: string;
  /** Full usage text for `convnet <name> --help`. */
  readonly usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}
