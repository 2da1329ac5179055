/**
 * Remembers the logits a softmax or sigmoid output was computed from, so that crossentropy
 * losses can work from the logits (stable, no clipping), as Keras does when the model's last
 * op is a softmax or sigmoid.
 *
 * @example
 * const probs = rememberLogits(softmax(z), z, 'softmax');
 * logitsOf(probs); // { logits: z, kind: 'softmax' }
 */
import type { Tensor } from '../tensor/tensor.js';

export interface LogitsRecord {
  logits: Tensor;
  kind: 'softmax' | 'sigmoid';
}

const records = new WeakMap<Tensor, LogitsRecord>();

export function rememberLogits(output: Tensor, logits: Tensor, kind: LogitsRecord['kind']): Tensor {
  records.set(output, { logits, kind });
  return output;
}

/** The logits behind `output`, if it came straight from a softmax or sigmoid activation. */
export function logitsOf(output: Tensor): LogitsRecord | undefined {
  const r = records.get(output);
  return r !== undefined && !r.logits.released ? r : undefined;
}
