// Compiles the AssemblyScript kernels into four WebAssembly modules: plain SIMD128 or relaxed
// SIMD (fused multiply-add), each importing either a shared memory (threads) or a plain one
// (browsers without cross-origin isolation). Needs only the `assemblyscript` npm package.
import asc from 'assemblyscript/asc';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'src', 'kernels', 'wasm');
mkdirSync(outDir, { recursive: true });

const common = [
  join(here, 'index.ts'),
  '--runtime', 'stub',
  '--importMemory',
  // Kernels own only the first 1 MiB of memory (RESERVED_BYTES): 16 pages minimum.
  '--initialMemory', '16',
  '-O3', '--noAssert',
  '--use', 'abort=',
  '--noExportMemory',
  '--enable', 'simd',
];

// A shared memory must declare a maximum: 65536 pages, the 4 GiB of 32-bit WebAssembly.
const shared = ['--enable', 'threads', '--sharedMemory', '--maximumMemory', '65536'];
const relaxed = ['--enable', 'relaxed-simd'];
const variants = [
  { name: 'kernels-simd-shared', flags: shared },
  { name: 'kernels-simd', flags: [] },
  { name: 'kernels-relaxed-shared', flags: [...relaxed, ...shared] },
  { name: 'kernels-relaxed', flags: relaxed },
];

for (const v of variants) {
  const args = [...common, ...v.flags, '--outFile', join(outDir, `${v.name}.wasm`)];
  const { error, stderr } = await asc.main(args);
  if (error) {
    process.stderr.write(stderr.toString());
    process.stderr.write(`assembly/build: ${v.name} failed: ${error.message}\n`);
    process.exit(1);
  }
}
