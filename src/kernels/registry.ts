/**
 * Which backend runs the kernels. The reference backend is always there; a faster one
 * registers itself and becomes the default once it has loaded.
 *
 * @example
 * import { setBackend, getBackend } from 'convnet-ts';
 * setBackend('reference'); // plain TypeScript, e.g. to cross-check a result
 */
import { ValueError } from '../errors.js';
import type { Backend } from './backend.js';
import { referenceBackend } from './reference/index.js';

const backends = new Map<string, Backend>([[referenceBackend.name, referenceBackend]]);
let active: Backend = referenceBackend;

/** The backend that ops call. */
export function backend(): Backend {
  return active;
}

export function getBackend(): string {
  return active.name;
}

/** Makes a registered backend the active one. */
export function setBackend(name: string): void {
  const b = backends.get(name);
  if (b === undefined) {
    throw new ValueError(`setBackend: unknown backend '${name}'; registered: ` +
      `${[...backends.keys()].join(', ')}`);
  }
  active = b;
}

/** Adds (or replaces) a backend; it is not made active. */
export function registerBackend(b: Backend): void {
  backends.set(b.name, b);
}

export function listBackends(): string[] {
  return [...backends.keys()];
}
