/**
 * The fully connected stage of the toy ConvNet: a list of values becomes a list of votes.
 * Each output (X, O) is a weighted sum of every value: a large weight means "when this value
 * is high, it is evidence for this answer". The weights are learned in a real network; here
 * they are written by hand.
 *
 * The lecture shows 12 values (0.9, 0.65, …, 0.53) and the answers X .92 and O .51, but not
 * the weights. {@link ILLUSTRATION_WEIGHTS} are ours: each answer averages four of the
 * values, which reproduces the lecture's .92 and .51. They illustrate the arithmetic; they are
 * not the lecture's weights.
 *
 * @example
 * const v = vote(LECTURE_VOTE_VALUES, ILLUSTRATION_WEIGHTS);
 * v.scores; // [0.9225, 0.51] → printed X .92, O .51
 */
import { ShapeError } from '../errors.js';
import { matmul } from '../ops/matmul.js';
import { scope, tensor } from '../tensor/tensor.js';

/** The 12 values on the lecture's "A list of feature values becomes a list of votes" slide. */
export const LECTURE_VOTE_VALUES: readonly number[] =
  [0.9, 0.65, 0.45, 0.87, 0.96, 0.73, 0.23, 0.63, 0.44, 0.89, 0.94, 0.53];

/** The answers the lecture's network gives. */
export const LECTURE_VOTE_LABELS: readonly string[] = ['X', 'O'];

const X_VOTERS = [0, 4, 9, 10];
const O_VOTERS = [2, 5, 6, 7];

/**
 * Our illustrative weights [12 values, 2 answers]: value i votes for X with weight 1/4 when i
 * is one of 0, 4, 9, 10, and for O with weight 1/4 when i is one of 2, 5, 6, 7.
 */
export const ILLUSTRATION_WEIGHTS: readonly (readonly number[])[] =
  LECTURE_VOTE_VALUES.map((_, i) => [X_VOTERS.includes(i) ? 0.25 : 0, O_VOTERS.includes(i) ? 0.25 : 0]);

export interface VoteResult {
  readonly values: readonly number[];
  readonly weights: readonly (readonly number[])[];
  readonly labels: readonly string[];
  /** scores[j] = Σ values[i] · weights[i][j]. */
  readonly scores: number[];
}

/** Weighted sums of `values` ([n]) with `weights` ([n, answers]), computed by matmul. */
export function vote(values: readonly number[], weights: readonly (readonly number[])[],
  labels: readonly string[] = LECTURE_VOTE_LABELS): VoteResult {
  if (weights.length !== values.length || weights.some((w) => w.length !== labels.length)) {
    throw new ShapeError(`vote: weights must be [${values.length} values, ${labels.length} ` +
      `answers], got ${weights.length} rows of ${weights[0]?.length ?? 0}`);
  }
  const scores = scope(() => {
    const out = matmul(tensor([...values], [1, values.length]), tensor(weights.map((w) => [...w])));
    return Array.from(out.f32);
  });
  return { values, weights, labels, scores };
}
