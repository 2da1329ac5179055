// npm run bench: convnet-ts (1 thread and all threads) against TensorFlow.js (cpu and wasm
// backends) and PyTorch (1 and 2 threads), each in its own process so that peak RSS is its
// own. Prints a table and writes bench/RESULTS.md. Usage: node bench/run.mjs [--quick]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownSections, RESULTS } from './results-file.mjs';
import { torchPython } from './workloads.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cores = os.availableParallelism();
const quick = process.argv.includes('--quick');

/** 1-minute load average: on a shared machine, numbers taken under load are depressed. */
function load() {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

function run(label, cmd, args, timeoutMs) {
  process.stderr.write(`bench: ${label}...\n`);
  const loadBefore = load();
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: join(here, '..'), encoding: 'utf8', timeout: timeoutMs });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const line = (r.stdout ?? '').trim().split('\n').pop();
  if (r.status !== 0 || !line?.startsWith('{')) {
    const why = r.error?.message ?? (r.stderr ?? '').trim().split('\n').slice(-3).join(' ');
    process.stderr.write(`bench: ${label} failed after ${seconds} s: ${why}\n`);
    return { label, failed: why.slice(0, 200) };
  }
  process.stderr.write(`bench: ${label} done in ${seconds} s\n`);
  return { label, ...JSON.parse(line), load: Math.max(loadBefore, load()) };
}

const node = process.execPath;
const results = [];
results.push(run('convnet-ts, 1 thread', node, [join(here, 'convnet-ts.mjs'), '1'], 180e3));
results.push(run(`convnet-ts, ${cores} threads`, node,
  [join(here, 'convnet-ts.mjs'), String(cores), '--profile'], 180e3));
results.push(run('tfjs-wasm', node, [join(here, 'tfjs.mjs'), 'wasm'], 180e3));
if (!quick) results.push(run('tfjs-cpu', node, [join(here, 'tfjs.mjs'), 'cpu'], 240e3));
const py = torchPython();
if (py === null) {
  process.stderr.write('bench: PyTorch not found (apt-get install python3-torch); skipped\n');
} else {
  for (const t of [1, 2]) {
    results.push(run(`PyTorch, ${t} thread${t > 1 ? 's' : ''}`, py,
      [join(here, 'torch_bench.py'), String(t)], 180e3));
  }
}

const METRICS = [
  ['matmulGflops', 'MatMul 1024³ (GFLOP/s)', 1],
  ['convnetTrain', 'ConvNet training, batch 64 (ex/s)', 0],
  ['convnetInfer', 'ConvNet inference, batch 256 (ex/s)', 0],
  ['mlpTrain', 'MLP training, batch 128 (ex/s)', 0],
  ['peakRssMiB', 'Peak RSS (MiB)', 0],
  ['load', `Load average during the run (${cores} cores)`, 1],
];

function cell(r, key, digits) {
  if (r.failed) return 'failed';
  const v = r[key];
  if (v === null || v === undefined) return r[`${key}Error`] ? 'not supported' : '-';
  const fixed = { maximumFractionDigits: digits, minimumFractionDigits: digits };
  return v.toLocaleString('en-US', fixed);
}

function table() {
  const head = ['Workload', ...results.map((r) => r.label)];
  const rows = METRICS.map(([key, name, digits]) =>
    [name, ...results.map((r) => cell(r, key, digits))]);
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** convnet-ts on all threads against each peer (higher is better; RSS excluded). */
function ratios() {
  const ours = results[1];
  const lines = [];
  for (const peer of results.slice(2)) {
    const parts = METRICS.slice(0, 4).map(([key, name]) => {
      const a = ours?.[key], b = peer[key];
      return typeof a === 'number' && typeof b === 'number' && b > 0
        ? `${name.split(' (')[0]} ${(a / b).toFixed(2)}x` : null;
    }).filter((p) => p !== null);
    if (parts.length > 0) lines.push(`- vs ${peer.label}: ${parts.join(', ')}`);
  }
  return lines.join('\n');
}

/** The project's speed targets, checked against this run (convnet-ts on all threads). */
const TARGETS = [
  ['convnetTrain', 'PyTorch, 2 threads', 0.5, 'ConvNet training'],
  ['convnetInfer', 'tfjs-wasm', 1.5, 'ConvNet inference'],
  ['convnetInfer', 'PyTorch, 2 threads', 0.8, 'ConvNet inference'],
  ['matmulGflops', 'tfjs-wasm', 1.5, '1024³ matmul'],
];

function targets() {
  const ours = results[1];
  const rows = TARGETS.map(([key, peerLabel, want, name]) => {
    const peer = results.find((r) => r.label === peerLabel);
    const a = ours?.[key], b = peer?.[key];
    if (typeof a !== 'number' || typeof b !== 'number' || b <= 0) {
      return `| ${name} >= ${want}x ${peerLabel} | not measured | |`;
    }
    const unit = key === 'matmulGflops' ? 'GFLOP/s' : 'ex/s';
    const digits = key === 'matmulGflops' ? 1 : 0;
    const f = (v) => v.toLocaleString('en-US', { maximumFractionDigits: digits });
    return `| ${name} >= ${want}x ${peerLabel} | ${f(a)} vs ${f(b)} ${unit} = ` +
      `${(a / b).toFixed(2)}x | ${a / b >= want ? 'met' : 'missed'} |`;
  });
  return ['| target | measured | |', '| --- | --- | --- |', ...rows].join('\n');
}

function profileText() {
  const p = results[1]?.profile;
  if (!p) return '';
  const entries = Object.entries(p).filter(([k]) => k !== 'stepMs').sort((a, b) => b[1] - a[1]);
  return `Share of one ConvNet training step (${p.stepMs.toFixed(1)} ms, batch 64, ` +
    `${cores} threads) per backend kernel:\n\n` +
    entries.map(([k, v]) => `- ${k}: ${(v * 100).toFixed(1)} %`).join('\n');
}

function notes() {
  const out = [];
  for (const r of results) {
    for (const [k, v] of Object.entries(r)) {
      if (k.endsWith('Error')) out.push(`- ${r.label}, ${k.replace(/Error$/, '')}: ${v}`);
    }
    if (r.failed) out.push(`- ${r.label} failed: ${r.failed}`);
  }
  return out.join('\n');
}

const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1]
  ?? os.cpus()[0]?.model ?? 'unknown CPU';
const summary = table();
process.stdout.write(`\n${summary}\n\nconvnet-ts on ${cores} threads, ratio to each peer:\n` +
  `${ratios()}\n\n${profileText()}\n`);

const notesFile = join(here, 'NOTES.md');
const extra = existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '';
const kept = ownSections();
writeFileSync(RESULTS, `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.
Machine: ${cpu}, ${cores} cores, Node ${process.version}, ${os.platform()} ${os.release()}.
Every number is the best of a few rounds (higher is better except RSS); slow peers
(TensorFlow.js cpu) are timed on one or two batches only.

${summary}

convnet-ts on ${cores} threads, ratio to each peer (above 1 = convnet-ts faster):

${ratios()}

Against the targets (convnet-ts on ${cores} threads, same run; the main job's own targets,
under 3 minutes and 600 MB, are checked in its section below):

${targets()}

${profileText()}

${notes() ? `Notes from the run:\n\n${notes()}\n` : ''}
${extra}${kept === '' ? '' : `\n${kept}`}`);
process.stderr.write(`bench: wrote ${RESULTS}\n`);
