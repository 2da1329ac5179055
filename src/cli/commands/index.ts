/** Every CLI command, in the order `convnet --help` lists them. */
import type { Command } from '../command.js';
import { explainCommand } from './explain.js';
import { serveCommand } from './serve.js';

export const commands: Command[] = [];

commands.push(explainCommand, serveCommand);
