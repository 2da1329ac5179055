/**
 * The pictures a training run leaves in its folder: learning curves, the test confusion
 * matrix, and a grid of test samples with predicted and true labels (wrong ones marked).
 */
import { join } from 'node:path';
import { curves, confusionMatrix, svgToPng, writeFileAtomic } from '../../plot/index.js';
import type { Tensor } from '../../tensor/tensor.js';
import { imageGrid } from '../../utils/image.js';

export interface RunResults {
  /** Keras-style history values: loss, accuracy, val_loss, val_accuracy... */
  history: Record<string, number[]>;
  /** True and predicted class of every test sample. */
  yTrue: ArrayLike<number>;
  yPred: ArrayLike<number>;
  classNames: string[];
  /** Test images [n, h, w, c] with values in [0, 1], for the sample grid. */
  images: Tensor;
}

/** Writes curves.svg/.png, confusion.svg/.png and samples.png; returns the file names. */
export async function writeRunPictures(dir: string, r: RunResults, sampleCount = 40): Promise<string[]> {
  const written: string[] = [];
  const save = async (name: string, data: string | Uint8Array): Promise<void> => {
    await writeFileAtomic(join(dir, name), data);
    written.push(name);
  };

  if ((r.history.loss ?? []).length > 0) {
    const svg = await curves(r.history);
    await save('curves.svg', svg);
    await svgToPng(svg, join(dir, 'curves.png'));
    written.push('curves.png');
  }

  const confusion = await confusionMatrix(r.yTrue, r.yPred, { classNames: r.classNames });
  await save('confusion.svg', confusion);
  await svgToPng(confusion, join(dir, 'confusion.png'));
  written.push('confusion.png');

  await save('samples.png', await sampleGrid(r, sampleCount));
  return written;
}

/** The first samples, with all misclassified ones among the first 1,000 shown first. */
async function sampleGrid(r: RunResults, count: number): Promise<Uint8Array> {
  const n = Math.min(r.yTrue.length, r.images.shape[0]!);
  const wrong: number[] = [], right: number[] = [];
  for (let i = 0; i < Math.min(n, 1000); i++) (r.yPred[i] === r.yTrue[i] ? right : wrong).push(i);
  const picked = [...wrong.slice(0, Math.ceil(count / 2)), ...right].slice(0, count).sort((a, b) => a - b);

  const [, h, w, c] = r.images.shape as [number, number, number, number];
  const size = h * w * c;
  const all = r.images.f32;
  const images = picked.map((i) => ({ data: all.subarray(i * size, (i + 1) * size), shape: [h, w, c] }));
  const labels = picked.map((i) => r.yPred[i] === r.yTrue[i]
    ? `${r.classNames[r.yPred[i]!]}` : `${r.classNames[r.yPred[i]!]} (true ${r.classNames[r.yTrue[i]!]})`);
  const marks = picked.map((i) => r.yPred[i] !== r.yTrue[i]);
  return imageGrid(images, { columns: 10, labels, marks });
}
