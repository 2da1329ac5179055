import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tensor } from '../tensor/tensor.js';
import { computeConfusionMatrix, confusionMatrix } from './confusion-matrix.js';
import { byClass, readSvg, translation, type SvgNode } from './svg-tree.js';

// 11 samples of 3 classes; counted by hand.
const yTrue = [0, 1, 2, 2, 1, 0, 2, 2, 1, 1, 1];
const yPred = [0, 1, 2, 1, 1, 0, 2, 0, 1, 2, 1];
const expected = [
  [2, 0, 0],
  [0, 4, 1],
  [1, 1, 2],
];

/** The numbers written in the cells, arranged as a grid by their positions on the page. */
function cellGrid(root: SvgNode): number[][] {
  const [group] = byClass(root, 'mark-text role-mark');
  const cells = group!.children.map((t) => ({ at: translation(t), value: Number(t.text) }));
  const ys = [...new Set(cells.map((c) => c.at[1]))].sort((a, b) => a - b);
  const xs = [...new Set(cells.map((c) => c.at[0]))].sort((a, b) => a - b);

  const grid = ys.map(() => xs.map(() => NaN));
  for (const c of cells) grid[ys.indexOf(c.at[1])]![xs.indexOf(c.at[0])] = c.value;
  return grid;
}

describe('computeConfusionMatrix', () => {
  it('counts (true, predicted) pairs with true classes as rows', () => {
    assert.deepEqual(computeConfusionMatrix(yTrue, yPred), expected);
  });

  it('makes room for classes that never occur when numClasses is given', () => {
    assert.deepEqual(computeConfusionMatrix([0, 1], [1, 1], 3), [[0, 1, 0], [0, 1, 0], [0, 0, 0]]);
  });

  it('reads labels from int32 tensors and typed arrays', () => {
    const t = tensor(new Int32Array(yTrue), [yTrue.length], 'int32');
    assert.deepEqual(computeConfusionMatrix(t, Float32Array.from(yPred)), expected);
  });

  it('names the two lengths when they differ', () => {
    assert.throws(() => computeConfusionMatrix([0, 1, 2], [0, 1]),
      { name: 'ValueError', message: /3 true labels but 2 predicted labels/ });
  });

  it('points at the first label that is not a class index', () => {
    assert.throws(() => computeConfusionMatrix([0, 1], [0, 0.7]),
      { message: /predicted label at index 1 is 0\.7.*argMax/ });
    assert.throws(() => computeConfusionMatrix([0, 3], [0, 1], 3),
      { message: /true label at index 1 is 3; .*\[0, 2\]/ });
  });
});

describe('confusionMatrix', () => {
  it('writes every count in its cell, rows true and columns predicted', async () => {
    const root = readSvg(await confusionMatrix(yTrue, yPred));
    assert.deepEqual(cellGrid(root), expected);
  });

  it('labels the axes with the class names in order and titles them', async () => {
    const names = ['cat', 'dog', 'bird'];
    const root = readSvg(await confusionMatrix(yTrue, yPred, { classNames: names }));

    const [xLabels, yLabels] = byClass(root, 'role-axis-label').map((g) => g.children);
    assert.deepEqual(xLabels!.map((t) => t.text), names);
    assert.deepEqual(yLabels!.map((t) => t.text), names);
    const yPositions = yLabels!.map((t) => translation(t)[1]);
    assert.deepEqual([...yPositions].sort((a, b) => a - b), yPositions, 'first class on top');

    const titles = byClass(root, 'role-axis-title').map((g) => g.children[0]!.text);
    assert.deepEqual(titles.sort(), ['Predicted label', 'True label']);
  });

  it('draws an empty row and column for a class given by name but never seen', async () => {
    const svg = await confusionMatrix([0, 0, 1], [0, 1, 1], { classNames: ['a', 'b', 'c'] });
    const root = readSvg(svg);
    assert.deepEqual(cellGrid(root), [[1, 1, 0], [0, 1, 0], [0, 0, 0]]);
  });

  it('rejects class names that repeat or disagree with numClasses', async () => {
    await assert.rejects(confusionMatrix([0], [0], { classNames: ['a', 'a'] }),
      { message: /distinct names, got \[a, a\]/ });
    await assert.rejects(confusionMatrix([0], [0], { classNames: ['a', 'b'], numClasses: 3 }),
      { message: /numClasses is 3 but 2 classNames/ });
  });
});
