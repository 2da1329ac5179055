// npm run bench:accuracy: the main job's test accuracy over several seeds, with the learning
// rate held (the lecture's recipe) and lowered along a cosine, beside PyTorch trained the same
// way (bench/peer_mnist_recipe.py) when Debian's python3-torch is installed. Writes its table
// into bench/RESULTS.md. Each run takes about two minutes on two cores.
// Usage: node bench/accuracy.mjs [--seeds 1,2,3] [--schedules constant,cosine] [--no-torch]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSection } from './results-file.mjs';
import { torchPython } from './workloads.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : fallback).split(',');
}
const seeds = option('seeds', '1,2,3,4,5').map(Number);
const schedules = option('schedules', 'constant,cosine');

/** Test accuracy of one run, or null when it failed (the reason goes to stderr). */
function accuracyOf(label, cmd, args, pattern) {
  process.stderr.write(`bench: ${label}... `);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', timeout: 900e3 });
  const found = pattern.exec(r.stdout ?? '');
  const seconds = Math.round((Date.now() - started) / 1000);
  if (r.status !== 0 || found === null) {
    process.stderr.write(`failed after ${seconds} s: ${(r.stderr ?? r.error?.message ?? '').trim().split('\n').pop()}\n`);
    return null;
  }
  process.stderr.write(`${found[1]} in ${seconds} s\n`);
  return Number(found[1]);
}

const rows = [];
for (const schedule of schedules) {
  const ours = seeds.map((seed) => {
    const out = mkdtempSync(join(tmpdir(), 'convnet-accuracy-'));
    try {
      return accuracyOf(`convnet-ts ${schedule} seed ${seed}`, process.execPath,
        [join(root, 'dist/cli/main.js'), 'train', 'mnist', '--seed', String(seed),
          '--lr-schedule', schedule, '--out', out, '--verbose', '0'], /test accuracy: (\d\.\d+)/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
  rows.push({ engine: 'convnet-ts', schedule, values: ours });
}
const py = process.argv.includes('--no-torch') ? null : torchPython();
if (py !== null) {
  for (const schedule of schedules) {
    const theirs = seeds.map((seed) => accuracyOf(`PyTorch ${schedule} seed ${seed}`, py,
      [join(here, 'peer_mnist_recipe.py'), String(seed), schedule], /"testAccuracy": (\d\.\d+)/));
    rows.push({ engine: 'PyTorch', schedule, values: theirs });
  }
}

const pct = (v) => (v === null ? 'failed' : `${(v * 100).toFixed(2)}`);
function stats(values) {
  const ok = values.filter((v) => v !== null);
  if (ok.length === 0) return ['', '', ''];
  const mean = ok.reduce((a, b) => a + b, 0) / ok.length;
  return [pct(mean), pct(Math.min(...ok)), pct(Math.max(...ok))];
}
const body = [
  `The main job's recipe (lecture ConvNet, RMSprop lr 0.001, batch 64, 5 epochs on 54,000 ` +
    `images), test accuracy in % on the 10,000 test images, one run per seed, measured on ` +
    `${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores ` +
    '(`node bench/accuracy.mjs`). "cosine" lowers the rate along half a cosine to 0 by the ' +
    'last step. PyTorch runs the same recipe with Keras\' initialisation (its seeds are its own).',
  '',
  `| engine | learning rate | ${seeds.map((s) => `seed ${s}`).join(' | ')} | mean | min | max |`,
  `| --- | --- | ${seeds.map(() => '---').join(' | ')} | --- | --- | --- |`,
  ...rows.map((r) => `| ${r.engine} | ${r.schedule} | ${r.values.map(pct).join(' | ')} | ` +
    `${stats(r.values).join(' | ')} |`),
].join('\n');
writeSection('## Test accuracy over seeds', body);
console.log(body);
