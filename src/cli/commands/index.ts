/** Every CLI command, in the order `convnet --help` lists them. */
import type { Command } from '../command.js';
import { activationsCommand } from './activations.js';
import { explainCommand } from './explain.js';
import { serveCommand } from './serve.js';
import { trainCommand } from './train.js';

export const commands: Command[] = [
  trainCommand,
  explainCommand,
  serveCommand,
  activationsCommand,
];
