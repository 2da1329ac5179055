// Builds the web pages: type-checks web/*.ts against the compiled library, bundles each page
// (and the engine on its own, as dist/web/convnet.js) for the browser with esbuild, and copies
// the HTML, CSS, shipped models and the wasm kernels to dist/web. Run by scripts/build.mjs after
// tsc.
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
  // Pages share the engine and the (large) HDF5 module as chunks instead of each carrying a copy.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // Node-only branches (real files, h5wasm's Node build) are reached through dynamic imports
  // behind runtime checks; they stay out of the bundle and never run in a browser.
  external: ['node:*', 'h5wasm/node', 'sharp'],
  sourcemap: true,
  logLevel: 'warning',
});

// The wasm backend finds its kernels and its worker script next to the module that loads them
// (new URL('x', import.meta.url)). Bundling puts that code in convnet.js or in a chunk, so both
// folders get the kernels and a self-contained worker bundle.
const kernels = join(root, 'dist', 'kernels', 'wasm');
const worker = join(kernels, 'worker.js');
for (const dir of [out, join(out, 'chunks')]) {
  mkdirSync(dir, { recursive: true });
  if (existsSync(worker)) {
    await build({ entryPoints: [worker], bundle: true, format: 'esm', platform: 'browser',
      target: 'es2022', outfile: join(dir, 'worker.js'), logLevel: 'warning' });
  }
  if (!existsSync(kernels)) continue;
  for (const f of readdirSync(kernels)) {
    if (f.endsWith('.wasm')) copyFileSync(join(kernels, f), join(dir, f));
  }
}

mkdirSync(out, { recursive: true });
for (const f of readdirSync(web)) {
  if (/\.(html|css|svg|png|ico)$/.test(f)) copyFileSync(join(web, f), join(out, f));
}
const models = join(web, 'models');
if (existsSync(models)) {
  mkdirSync(join(out, 'models'), { recursive: true });
  for (const f of readdirSync(models)) copyFileSync(join(models, f), join(out, 'models', f));
}
