// The lecture's X/O walkthrough, run on the engine: an X image, three features, the feature
// maps they produce (convolution over the valid positions, divided by 9), the maps after ReLU,
// and 2x2 max pooling with stride 2. Values print truncated to two decimals, as the lecture
// shows them.
//
// Run after building: npm run build && node examples/xo.mjs
import { conv2d, div, maxPool2d, relu, reshape, stack, tensor } from '../dist/index.js';

const X_IMAGE = [
  [-1, -1, -1, -1, -1, -1, -1, -1, -1],
  [-1, 1, -1, -1, -1, -1, -1, 1, -1],
  [-1, -1, 1, -1, -1, -1, 1, -1, -1],
  [-1, -1, -1, 1, -1, 1, -1, -1, -1],
  [-1, -1, -1, -1, 1, -1, -1, -1, -1],
  [-1, -1, -1, 1, -1, 1, -1, -1, -1],
  [-1, -1, 1, -1, -1, -1, 1, -1, -1],
  [-1, 1, -1, -1, -1, -1, -1, 1, -1],
  [-1, -1, -1, -1, -1, -1, -1, -1, -1],
];

const FEATURES = {
  'backslash \\': [[1, -1, -1], [-1, 1, -1], [-1, -1, 1]],
  'cross x': [[1, -1, 1], [-1, 1, -1], [1, -1, 1]],
  'slash /': [[-1, -1, 1], [-1, 1, -1], [1, -1, -1]],
};

/** Two decimals, truncated toward zero: 7/9 prints as 0.77, -1/9 as -0.11. */
function truncated(v) {
  const hundredths = Math.trunc(v * 100);
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function printGrid(title, rows, format = String) {
  console.log(title);
  for (const row of rows) console.log(row.map((v) => format(v).padStart(6)).join(''));
  console.log();
}

/** Channel c of a [1, h, w, channels] tensor as nested rows. */
function channel(t, c) {
  const [, h, w, channels] = t.shape;
  return Array.from({ length: h }, (_, y) =>
    Array.from({ length: w }, (_, x) => t.data[(y * w + x) * channels + c]));
}

const names = Object.keys(FEATURES);
const image = reshape(tensor(X_IMAGE), [1, 9, 9, 1]);
// Filters in [height, width, inChannels, outChannels] order: the features side by side.
const filters = reshape(stack(Object.values(FEATURES).map((f) => tensor(f)), -1), [3, 3, 1, 3]);

const maps = div(conv2d(image, filters, { padding: 'valid' }), 9);
const rectified = relu(maps);
// 'same' keeps the partial windows at the right and bottom edges: 7x7 -> 4x4.
const pooled = maxPool2d(maps, { poolSize: 2, strides: 2, padding: 'same' });

printGrid('The X image (9x9, +1 = ink, -1 = background)', X_IMAGE);
names.forEach((name) => printGrid(`Feature ${name}`, FEATURES[name]));
names.forEach((name, c) => printGrid(`Feature map for ${name} (7x7)`, channel(maps, c), truncated));
names.forEach((name, c) =>
  printGrid(`After ReLU: ${name} (7x7)`, channel(rectified, c), truncated));
names.forEach((name, c) =>
  printGrid(`Max pooled, window 2, stride 2: ${name} (4x4)`, channel(pooled, c), truncated));
