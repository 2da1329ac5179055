/**
 * Metrics built on confusion counts over all predicted values: Precision, Recall and AUC
 * (ROC, Keras' 200 thresholds, trapezoid rule).
 *
 * @example
 * const auc = new AUC();
 * auc.updateState(labels, probs);
 * auc.result();
 */
import type { Tensor } from '../tensor/tensor.js';
import { Metric } from './metric.js';

/** tp / (tp + fp), predictions counted positive above `thresholds` (default 0.5). */
export class Precision extends Metric {
  private tp = 0;
  private fp = 0;

  constructor(args: { name?: string; threshold?: number } = {}) {
    super(args.name ?? 'precision');
    this.threshold = args.threshold ?? 0.5;
  }

  private readonly threshold: number;

  updateState(yTrue: Tensor, yPred: Tensor): void {
    const t = yTrue.data, p = yPred.data;
    for (let i = 0; i < p.length; i++) {
      if (p[i]! > this.threshold) {
        if (t[i]! > 0.5) this.tp++;
        else this.fp++;
      }
    }
  }

  result(): number {
    return this.tp + this.fp === 0 ? 0 : this.tp / (this.tp + this.fp);
  }

  resetState(): void {
    this.tp = 0;
    this.fp = 0;
  }
}

/** tp / (tp + fn). */
export class Recall extends Metric {
  private tp = 0;
  private fn = 0;
  private readonly threshold: number;

  constructor(args: { name?: string; threshold?: number } = {}) {
    super(args.name ?? 'recall');
    this.threshold = args.threshold ?? 0.5;
  }

  updateState(yTrue: Tensor, yPred: Tensor): void {
    const t = yTrue.data, p = yPred.data;
    for (let i = 0; i < p.length; i++) {
      if (t[i]! > 0.5) {
        if (p[i]! > this.threshold) this.tp++;
        else this.fn++;
      }
    }
  }

  result(): number {
    return this.tp + this.fn === 0 ? 0 : this.tp / (this.tp + this.fn);
  }

  resetState(): void {
    this.tp = 0;
    this.fn = 0;
  }
}

/**
 * Area under the ROC curve from confusion counts at `numThresholds` evenly spaced thresholds
 * (0 - eps, 1/(n-1), ..., 1 + eps), joined by the trapezoid rule, as Keras' default AUC.
 */
export class AUC extends Metric {
  readonly numThresholds: number;
  private readonly thresholds: Float64Array;
  private tp: Float64Array;
  private fp: Float64Array;
  private tn: Float64Array;
  private fn: Float64Array;

  constructor(args: { name?: string; numThresholds?: number } = {}) {
    super(args.name ?? 'auc');
    const n = args.numThresholds ?? 200;
    this.numThresholds = n;
    this.thresholds = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    this.thresholds[0] = -1e-7;
    this.thresholds[n - 1] = 1 + 1e-7;
    this.tp = new Float64Array(n);
    this.fp = new Float64Array(n);
    this.tn = new Float64Array(n);
    this.fn = new Float64Array(n);
  }

  updateState(yTrue: Tensor, yPred: Tensor): void {
    const t = yTrue.data, p = yPred.data;
    for (let i = 0; i < p.length; i++) {
      const positive = t[i]! > 0.5;
      for (let k = 0; k < this.numThresholds; k++) {
        const predicted = p[i]! > this.thresholds[k]!;
        if (positive) {
          if (predicted) this.tp[k]++;
          else this.fn[k]++;
        } else if (predicted) this.fp[k]++;
        else this.tn[k]++;
      }
    }
  }

  result(): number {
    let area = 0;
    const rate = (a: number, b: number): number => (a + b === 0 ? 0 : a / (a + b));
    for (let k = 0; k < this.numThresholds - 1; k++) {
      const x0 = rate(this.fp[k]!, this.tn[k]!), x1 = rate(this.fp[k + 1]!, this.tn[k + 1]!);
      const y0 = rate(this.tp[k]!, this.fn[k]!), y1 = rate(this.tp[k + 1]!, this.fn[k + 1]!);
      area += (x0 - x1) * (y0 + y1) / 2;
    }
    return area;
  }

  resetState(): void {
    const n = this.numThresholds;
    this.tp = new Float64Array(n);
    this.fp = new Float64Array(n);
    this.tn = new Float64Array(n);
    this.fn = new Float64Array(n);
  }
}
