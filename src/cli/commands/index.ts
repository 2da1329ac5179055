/** Every CLI command, in the order `convnet --help` lists them. */
import type { Command } from '../command.js';
import { activationsCommand } from './activations.js';
import { evaluateCommand } from './evaluate.js';
import { explainCommand } from './explain.js';
import { predictCommand } from './predict.js';
import { serveCommand } from './serve.js';
import { summaryCommand } from './summary.js';
import { trainCommand } from './train.js';

export const commands: Command[] = [
  trainCommand,
  explainCommand,
  serveCommand,
  summaryCommand,
  evaluateCommand,
  predictCommand,
  activationsCommand,
];
