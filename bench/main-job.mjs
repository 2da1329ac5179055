// Times the main job, `convnet train mnist` with default settings (what `npm start` runs), and
// writes its wall time, peak memory and test accuracy into bench/RESULTS.md.
// Peak memory is the child's VmHWM from /proc (Linux), sampled until it exits.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSection } from './results-file.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'convnet-main-job-'));

function peakKiB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // the process has exited, or /proc is not there (not Linux)
  }
}

const started = Date.now();
const child = spawn(process.execPath, [join(root, 'dist/cli/main.js'), 'train', 'mnist', '--out', out,
  '--verbose', '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
let stdout = '';
let peak = 0;
child.stdout.on('data', (d) => { stdout += d; process.stdout.write(d); });
const poll = setInterval(() => { peak = Math.max(peak, peakKiB(child.pid)); }, 200);
const code = await new Promise((resolve) => child.on('exit', resolve));
clearInterval(poll);
const seconds = Math.round((Date.now() - started) / 1000);
rmSync(out, { recursive: true, force: true });
if (code !== 0) {
  console.error(`bench: convnet train mnist exited with ${code}`);
  process.exit(1);
}
const accuracy = /test accuracy: (\d\.\d+)/.exec(stdout)?.[1] ?? '?';
const epochs = [...stdout.matchAll(/ - (\d+)s\/epoch/g)].map((m) => m[1]).join(', ');
writeSection('## The main job', [
  `\`convnet train mnist\` with default settings (what \`npm start\` runs: the lecture ConvNet, 5 ` +
    'epochs of batch 64 on 54,000 images with the cosine learning rate, validation on 6,000, ' +
    `evaluation on 10,000), measured on ${new Date().toISOString().slice(0, 10)}, ` +
    `${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end:`,
  '',
  `- wall time: ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} ` +
    `(epochs: ${epochs} s)`,
  `- peak resident memory: ${peak > 0 ? `${Math.round(peak / 1024)} MiB` : 'not measured (no /proc)'}`,
  `- test accuracy: ${accuracy}`,
  `- targets (under 3 minutes, under 600 MB, at least 99.0 %): ` +
    `${seconds < 180 && peak < 600 * 1024 && Number(accuracy) >= 0.99 ? 'met' : 'missed'}`,
].join('\n'));
console.log('bench: wrote the main job into bench/RESULTS.md');
