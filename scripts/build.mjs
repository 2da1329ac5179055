// Builds the package: WebAssembly kernels (AssemblyScript) first, then TypeScript.
// Runs from `npm ci` (prepare) and `npm test`, so it must need nothing beyond npm packages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, copyFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build: '${cmd} ${args.join(' ')}' failed with status ${r.status}`);
    process.exit(r.status ?? 1);
  }
}

function copyTree(from, to, filter) {
  if (!existsSync(from)) return;
  for (const entry of readdirSync(from)) {
    const src = join(from, entry);
    const dst = join(to, entry);
    if (statSync(src).isDirectory()) copyTree(src, dst, filter);
    else if (filter(entry)) {
      mkdirSync(to, { recursive: true });
      copyFileSync(src, dst);
    }
  }
}

const wasmBuild = join(root, 'assembly', 'build.mjs');
if (existsSync(wasmBuild)) run(process.execPath, [wasmBuild]);

run(bin('tsc'), ['-p', 'tsconfig.json']);

// Assets that tsc does not copy: compiled kernels, web pages, small shipped data.
copyTree(join(root, 'src'), join(root, 'dist'), (f) => /\.(wasm|html|css|json|svg|png)$/.test(f));

const webBuild = join(root, 'web', 'build.mjs');
if (existsSync(webBuild)) run(process.execPath, [webBuild]);
