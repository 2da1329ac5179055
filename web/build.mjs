// Builds the web pages: type-checks web/*.ts against the compiled library, bundles each page
// (and the engine on its own, as dist/web/convnet.js) for the browser with esbuild, and copies
// the HTML, CSS and shipped models to dist/web. Run by scripts/build.mjs after tsc.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = dirname(fileURLToPath(import.meta.url));
const root = join(web, '..');
const out = join(root, 'dist', 'web');

const check = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(web, 'tsconfig.json')],
  { stdio: 'inherit' });
if (check.status !== 0) process.exit(check.status ?? 1);

const pages = ['convnet-browser', 'xo-page', 'draw-page', 'model-page']
  .filter((name) => existsSync(join(web, `${name}.ts`)));
await build({
  entryPoints: Object.fromEntries(pages.map((p) => [p === 'convnet-browser' ? 'convnet' : p,
    join(web, `${p}.ts`)])),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  outdir: out,
  sourcemap: true,
  logLevel: 'warning',
});

mkdirSync(out, { recursive: true });
for (const f of readdirSync(web)) {
  if (/\.(html|css|svg|png|ico)$/.test(f)) copyFileSync(join(web, f), join(out, f));
}
const models = join(web, 'models');
if (existsSync(models)) {
  mkdirSync(join(out, 'models'), { recursive: true });
  for (const f of readdirSync(models)) copyFileSync(join(models, f), join(out, 'models', f));
}
