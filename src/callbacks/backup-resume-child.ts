/**
 * Test support for BackupAndRestore: a process that trains a tiny seeded model for 4 epochs
 * with a backup, logging epochs to a CSV file, and writes its final weights as JSON. With
 * KILL_AFTER_EPOCH=n it kills itself (SIGKILL, no cleanup) right after epoch n's backup.
 *
 * Usage: node backup-resume-child.js <backupDir|-> <csvPath> <resultPath>
 *
 * @example
 * // KILL_AFTER_EPOCH=1 node dist/callbacks/backup-resume-child.js bk log.csv out.json
 */
import { writeFileSync } from 'node:fs';
import * as layers from '../layers/index.js';
import { sequential } from '../models/sequential.js';
import { setSeed } from '../tensor/random.js';
import { tensor } from '../tensor/tensor.js';
import { BackupAndRestore } from './backup-and-restore.js';
import type { Callback } from './callback.js';
import { CSVLogger } from './csv-logger.js';
import { LambdaCallback } from './lambda-callback.js';

const [backupDir, csvPath, resultPath] = process.argv.slice(2) as [string, string, string];
const killAfter = process.env.KILL_AFTER_EPOCH === undefined ? -1 : Number(process.env.KILL_AFTER_EPOCH);

setSeed(7);
const model = sequential([
  layers.dense({ units: 3, activation: 'tanh', inputShape: [2] }),
  layers.dense({ units: 1 }),
]);
model.compile({ optimizer: 'adam', loss: 'mse' });
const xs = Array.from({ length: 16 }, (_, i) => [Math.sin(i), Math.cos(3 * i)]);
const x = tensor(xs);
const y = tensor(xs.map(([a, b]) => [a! * 0.5 - b! * b!]));

const callbacks: Callback[] = [
  new CSVLogger(csvPath, { append: true }),
  new LambdaCallback({ onEpochEnd: (epoch) => {
    if (epoch === killAfter) process.kill(process.pid, 'SIGKILL');
  } }),
];
if (backupDir !== '-') callbacks.unshift(new BackupAndRestore(backupDir));

// no shuffling: random-generator state is not part of the backup
await model.fit(x, y, { epochs: 4, batchSize: 4, shuffle: false, verbose: 0, callbacks });
writeFileSync(resultPath, JSON.stringify(model.getWeights().map((w) => Array.from(w.data))));
