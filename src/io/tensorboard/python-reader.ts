/**
 * Runs the independent Python reader (scripts/tensorboard/read_events.py, Debian's
 * python3-protobuf) on event files and returns what it decoded. Used by tests to check that
 * what we write is what TensorBoard reads.
 *
 * @example
 * const [file] = readEventsWithPython('runs/exp1/train');
 * file.events[0].file_version; // 'brain.Event:2'
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IoError } from '../../errors.js';

export interface DecodedValue {
  tag: string;
  plugin?: string;
  plugin_content?: string;
  data_class?: number;
  simple_value?: number | string;
  tensor?: { dtype: number; shape: number[]; values: Array<number | string> };
}

export interface DecodedEvent {
  wall_time: number;
  step: number;
  file_version?: string;
  summary?: DecodedValue[];
}

export interface DecodedFile {
  path: string;
  events: DecodedEvent[];
}

const SCRIPT = fileURLToPath(new URL('../../../scripts/tensorboard/read_events.py', import.meta.url));

/** The Python interpreter that has google.protobuf: $PYTHON, else Debian's, else python3. */
export function pythonWithProtobuf(): string {
  if (process.env.PYTHON) return process.env.PYTHON;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

/** Decodes event files (or directories of them); throws with the reader's message on failure. */
export function readEventsWithPython(...targets: string[]): DecodedFile[] {
  const r = spawnSync(pythonWithProtobuf(), [SCRIPT, ...targets], { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) {
    throw new IoError(`read_events.py failed (status ${r.status}): ${r.error?.message ?? r.stderr}`);
  }
  return JSON.parse(r.stdout) as DecodedFile[];
}
