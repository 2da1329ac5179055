/** Every CLI command, in the order `convnet --help` lists them. */
import type { Command } from '../command.js';
import { evaluateCommand } from './evaluate.js';
import { explainCommand } from './explain.js';
import { predictCommand } from './predict.js';
import { serveCommand } from './serve.js';
import { summaryCommand } from './summary.js';

export const commands: Command[] = [];

commands.push(explainCommand, serveCommand);
commands.push(summaryCommand, evaluateCommand, predictCommand);
