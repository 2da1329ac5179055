/**
 * Test support: runs the h5py scripts in scripts/h5py (an HDF5 reader and writer independent of
 * ours) with a Python that has h5py. Tests skip, with the reason, when there is none.
 *
 * @example
 * const py = findH5pyPython();
 * if (py) const dump = runH5pyScript(py, 'read_keras_h5.py', ['model.h5']);
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const scripts = join(root, 'scripts', 'h5py');

let found: string | null | undefined;

/**
 * The first of $CONVNET_PYTHON, python3, /usr/bin/python3 that can import h5py, or null.
 *
 * @example
 * findH5pyPython(); // '/usr/bin/python3'
 */
export function findH5pyPython(): string | null {
  if (found !== undefined) return found;
  const candidates = [process.env['CONVNET_PYTHON'], 'python3', '/usr/bin/python3'];
  found = null;
  for (const python of candidates) {
    if (!python) continue;
    const r = spawnSync(python, ['-c', 'import h5py'], { encoding: 'utf8' });
    if (r.status === 0) {
      found = python;
      break;
    }
  }
  return found;
}

/** Why h5py tests are skipped, for `it(..., { skip })`; false when they can run. */
export function h5pySkipReason(): string | false {
  return findH5pyPython() === null
    ? 'python3 with h5py not found (install python3-h5py or set CONVNET_PYTHON)' : false;
}

/**
 * Runs scripts/h5py/<script> and parses the JSON it prints.
 *
 * @example
 * runH5pyScript('write_keras_h5.py', ['keras23', '/tmp/k.h5']);
 */
export function runH5pyScript<T = unknown>(script: string, args: string[]): T {
  const python = findH5pyPython();
  if (python === null) throw new Error('h5py scripts need python3 with h5py');
  const r = spawnSync(python, [join(scripts, script), ...args], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
