import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { curves } from './curves.js';
import { byClass, readSvg, translation, type SvgNode } from './svg-tree.js';

const history = {
  loss: [0.9, 0.5, 0.35, 0.3],
  accuracy: [0.7, 0.85, 0.9, 0.92],
  val_loss: [1.0, 0.6, 0.5, 0.55],
  val_accuracy: [0.65, 0.8, 0.84, 0.83],
};

/** The dots of panel `i` (0: loss, 1: accuracy), as [x, y] pixel positions. */
function dots(root: SvgNode, i: number): Array<[number, number]> {
  const [group] = byClass(root, `mark-symbol role-mark concat_${i}_layer_0_marks`);
  assert.ok(group, `panel ${i} has a group of dots`);
  return group.children.map(translation);
}

/** The number of vertices of the validation line of panel `i`, or undefined without one. */
function lineVertices(root: SvgNode, i: number): number | undefined {
  const [group] = byClass(root, `mark-line role-mark concat_${i}_layer_1_marks`);
  if (group === undefined) return undefined;
  const d = group.children[0]?.attrs['d'] ?? '';
  return (d.match(/[ML]/g) ?? []).length;
}

function texts(root: SvgNode, classes: string): string[] {
  return byClass(root, classes).flatMap((g) => g.children.map((t) => t.text));
}

describe('curves', () => {
  it('draws one training dot per epoch, left to right, higher values higher up', async () => {
    const root = readSvg(await curves(history));
    const loss = dots(root, 0);

    assert.equal(loss.length, 4);
    for (let e = 1; e < 4; e++) assert.ok(loss[e]![0] > loss[e - 1]![0], `epoch ${e + 1} x`);
    // SVG y grows downwards: falling loss means growing y.
    for (let e = 1; e < 4; e++) assert.ok(loss[e]![1] > loss[e - 1]![1], `epoch ${e + 1} y`);
    assert.equal(dots(root, 1).length, 4);
  });

  it('draws a validation line through every epoch in both panels', async () => {
    const root = readSvg(await curves(history));
    assert.equal(lineVertices(root, 0), 4);
    assert.equal(lineVertices(root, 1), 4);
  });

  it('titles the axes and names every series in the legends', async () => {
    const root = readSvg(await curves(history));
    const titles = texts(root, 'role-axis-title');
    assert.deepEqual(titles, ['Epoch', 'Loss', 'Epoch', 'Accuracy']);
    assert.deepEqual(texts(root, 'role-legend-label'),
      ['Training loss', 'Validation loss', 'Training accuracy', 'Validation accuracy']);
  });

  it('numbers the epochs from 1', async () => {
    const root = readSvg(await curves(history));
    const [xLabels] = byClass(root, 'role-axis-label');
    assert.deepEqual(xLabels!.children.map((t) => t.text), ['1', '2', '3', '4']);
  });

  it('draws no validation line and a single panel for a loss-only history', async () => {
    const root = readSvg(await curves({ loss: [0.8, 0.4, 0.2] }));
    assert.equal(dots(root, 0).length, 3);
    assert.equal(lineVertices(root, 0), undefined);
    assert.equal(byClass(root, 'concat_1_group').length, 0);
    assert.deepEqual(texts(root, 'role-legend-label'), ['Training loss']);
  });

  it('draws a single epoch with a readable value axis', async () => {
    const root = readSvg(await curves({ loss: [0.5], accuracy: [0.75] }));
    assert.equal(dots(root, 0).length, 1);
    assert.equal(dots(root, 1).length, 1);
    const yLabels = byClass(root, 'role-axis-label')[1]!.children.map((t) => t.text);
    assert.ok(yLabels.includes('0.50'), `loss axis labels: ${yLabels.join(' ')}`);
  });

  it('reads the values from a History-like object and the old acc key', async () => {
    const root = readSvg(await curves({ history: { loss: [1, 0.5], acc: [0.5, 0.9] } }));
    assert.equal(dots(root, 1).length, 2);
    assert.ok(texts(root, 'role-axis-title').includes('Accuracy'));
  });

  it('leaves out values that are not finite', async () => {
    const root = readSvg(await curves({ loss: [1, NaN, 0.5], val_loss: [1, 0.8, Infinity] }));
    assert.equal(dots(root, 0).length, 2);
    assert.equal(lineVertices(root, 0), 2);
  });

  it('names the series and both lengths when lengths differ', async () => {
    await assert.rejects(curves({ loss: [1, 0.5, 0.2], val_loss: [1, 0.6] }),
      { name: 'ValueError', message: /history\.val_loss has 2 values but history\.loss has 3/ });
  });

  it('says what is wrong with a missing or empty loss', async () => {
    await assert.rejects(curves({ accuracy: [0.5] }), {
      name: 'ValueError',
      message: /history\.loss must be a non-empty array.*Keys found: accuracy/,
    });
    await assert.rejects(curves({ loss: [] }), { message: /got an empty array/ });
  });

  it('names the available keys for an unknown metric', async () => {
    await assert.rejects(curves({ loss: [1] }, { metrics: ['mae'] }),
      { message: /metric 'mae' is not in the history; keys found: loss/ });
  });
});
