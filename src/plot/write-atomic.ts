/**
 * `plot.writeFileAtomic`, kept where the plotting code first exported it; the one
 * implementation lives in src/io/atomic-write.ts.
 *
 * @example
 * await writeFileAtomic('runs/mnist/curves.svg', svg);
 */
export { writeFileAtomic } from '../io/atomic-write.js';
