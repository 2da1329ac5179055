/**
 * K-fold cross-validation driver: trains one fresh model per fold through a callback and
 * averages the validation scores (the lecture's mean(93, 91, 83, 94, 90, 95) = 91 %).
 *
 * @example
 * const { scores, mean } = await crossValidate(xTrain.shape[0], 4, async (train, val) => {
 *   const model = buildModel();
 *   await model.fit(takeRows(xTrain, train), takeRows(yTrain, train), { epochs: 5 });
 *   return (await model.evaluate(takeRows(xTrain, val), takeRows(yTrain, val)))[1];
 * });
 */
import { ValueError } from '../errors.js';
import { kFold, type KFoldOptions } from './k-fold.js';

/** Scores per fold, their mean and (population) standard deviation. */
export interface CrossValidation {
  scores: number[];
  mean: number;
  std: number;
}

/**
 * Runs `trainAndScore(trainIndices, validationIndices, fold)` for each of the k folds of `n`
 * samples, one after the other, and summarises the scores it returns.
 *
 * @example
 * const cv = await crossValidate(600, 6, async (train, val, fold) => scoreOf(fold));
 * cv.mean; // average of the six scores
 */
export async function crossValidate(n: number, k: number,
  trainAndScore: (train: Int32Array, validation: Int32Array, fold: number) =>
    Promise<number> | number,
  options: KFoldOptions = {}): Promise<CrossValidation> {
  const scores: number[] = [];
  let fold = 0;
  for (const { train, validation } of kFold(n, k, options)) {
    const score = await trainAndScore(train, validation, fold);
    if (typeof score !== 'number' || Number.isNaN(score)) {
      throw new ValueError(`crossValidate: fold ${fold} returned ${String(score)}; the ` +
        `callback must resolve to a number (e.g. the validation accuracy)`);
    }
    scores.push(score);
    fold++;
  }
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const variance = scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length;
  return { scores, mean, std: Math.sqrt(variance) };
}
