/**
 * Weight regularizers: penalties on a weight added to the training loss, as Keras'
 * L1, L2 and L1L2 (l1 * sum(|w|) + l2 * sum(w²)).
 *
 * @example
 * layers.dense({ units: 16, kernelRegularizer: regularizers.l2(0.01) });
 */
import { ValueError } from '../errors.js';
import { abs, add, mul, square, sum } from '../ops/index.js';
import type { Tensor } from '../tensor/tensor.js';

export interface RegularizerConfig {
  class_name: string;
  config: Record<string, unknown>;
}

export class L1L2 {
  readonly l1: number;
  readonly l2: number;

  constructor(args: { l1?: number; l2?: number } = {}) {
    this.l1 = args.l1 ?? 0;
    this.l2 = args.l2 ?? 0;
  }

  /** The penalty for `w`, a scalar tensor that carries gradients. */
  apply(w: Tensor): Tensor {
    let total: Tensor | null = null;
    if (this.l1 !== 0) total = mul(sum(abs(w)), this.l1);
    if (this.l2 !== 0) {
      const penalty = mul(sum(square(w)), this.l2);
      total = total === null ? penalty : add(total, penalty);
    }
    return total ?? mul(sum(w), 0);
  }

  getConfig(): RegularizerConfig {
    const className = this.l1 !== 0 && this.l2 !== 0 ? 'L1L2' : this.l1 !== 0 ? 'L1' : 'L2';
    const config: Record<string, number> = {};
    if (className !== 'L2') config.l1 = this.l1;
    if (className !== 'L1') config.l2 = this.l2;
    return { class_name: className, config };
  }
}

export type Regularizer = L1L2;

/** l1 * sum(|w|). Keras' default factor is 0.01. */
export function l1(factor = 0.01): Regularizer {
  return new L1L2({ l1: factor });
}

/** l2 * sum(w²). Keras' default factor is 0.01. */
export function l2(factor = 0.01): Regularizer {
  return new L1L2({ l2: factor });
}

/** Both penalties (each 0.01 by default, as Keras' l1_l2). */
export function l1l2(args: { l1?: number; l2?: number } = { l1: 0.01, l2: 0.01 }): Regularizer {
  return new L1L2(args);
}

export type RegularizerIdentifier = Regularizer | RegularizerConfig | 'l1' | 'l2' | 'l1_l2' | 'l1l2';

/** Resolves a regularizer object, a serialized config or a name (with Keras' defaults). */
export function getRegularizer(id: RegularizerIdentifier | null | undefined): Regularizer | null {
  if (id === null || id === undefined) return null;
  if (id instanceof L1L2) return id;
  if (typeof id === 'string') {
    if (id === 'l1') return l1();
    if (id === 'l2') return l2();
    if (id === 'l1_l2' || id === 'l1l2') return l1l2();
    throw new ValueError(`unknown regularizer '${String(id)}'; known: l1, l2, l1_l2`);
  }
  const c = id.config as { l1?: number; l2?: number };
  if (['L1', 'L2', 'L1L2', 'l1', 'l2', 'l1_l2'].includes(id.class_name)) return new L1L2(c);
  throw new ValueError(`unknown regularizer class '${id.class_name}'; known: L1, L2, L1L2`);
}
