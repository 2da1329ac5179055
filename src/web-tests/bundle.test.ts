import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultWebRoot } from '../server/static-server.js';

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scripts(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []);
}

describe('browser bundles', () => {
  const files = scripts(defaultWebRoot());

  it('are built for every page and the library', () => {
    const names = files.map((f) => f.slice(defaultWebRoot().length));
    for (const page of ['convnet.js', 'xo-page.js', 'draw-page.js', 'model-page.js']) {
      assert.ok(names.includes(page), `${page} in ${names.join(', ')}`);
    }
  });

  it('import only their own chunks statically; Node modules only behind runtime checks', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const statics = [...text.matchAll(/^import\s[^;]*?from\s*"([^"]+)"/gm)].map((m) => m[1]!);
      for (const spec of statics) assert.match(spec, /^\.\.?\//, `${file} imports ${spec}`);
      const dynamic = [...text.matchAll(/\bimport\("([^"]+)"\)/g)].map((m) => m[1]!);
      for (const spec of dynamic) {
        assert.match(spec, /^(\.\.?\/|node:(fs|os|path)$|h5wasm\/node$)/, `${file} loads ${spec}`);
      }
      assert.doesNotMatch(text, /\bfrom\s*"sharp"|\brequire\("sharp"\)/, file);
    }
  });
});
