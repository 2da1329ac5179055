// bench/RESULTS.md is written by three scripts: run.mjs (the speed tables, then NOTES.md),
// main-job.mjs and accuracy.mjs (one section each). Each replaces only its own part.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');

/** Sections that main-job.mjs and accuracy.mjs own, kept when run.mjs rewrites the rest. */
export const OWN_SECTIONS = ['## The main job', '## Test accuracy over seeds'];

/** The section starting at `heading` (up to the next '## ' heading), or '' when absent. */
export function section(text, heading) {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) return '';
  const next = text.indexOf('\n## ', start + heading.length + 2);
  return text.slice(start + 1, next < 0 ? text.length : next + 1).trimEnd() + '\n';
}

/** Replaces the section starting at `heading` in RESULTS.md with `body`, or appends it. */
export function writeSection(heading, body) {
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const old = section(text, heading);
  const fresh = `${heading}\n\n${body.trim()}\n`;
  writeFileSync(RESULTS, old === '' ? `${text.trimEnd()}\n\n${fresh}` : text.replace(old, fresh));
}

/** The sections of the current RESULTS.md that other scripts own, to carry over. */
export function ownSections() {
  if (!existsSync(RESULTS)) return '';
  const text = readFileSync(RESULTS, 'utf8');
  return OWN_SECTIONS.map((h) => section(text, h)).filter((s) => s !== '').join('\n');
}
