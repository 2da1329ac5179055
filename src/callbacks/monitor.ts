/**
 * What EarlyStopping, ModelCheckpoint and ReduceLROnPlateau share: which direction of a
 * monitored metric is better, and the warning when the metric is not in the logs.
 *
 * @example
 * resolveMode('val_accuracy', 'auto'); // 'max'
 * isImprovement(0.3, 0.5, 'min', 0.1); // true: 0.3 < 0.5 - 0.1
 */
import { ValueError } from '../errors.js';
import type { Logs } from './callback.js';

export type MonitorMode = 'auto' | 'min' | 'max';

const HIGHER_IS_BETTER = ['acc', 'auc', 'precision', 'recall'];

/** 'max' for names containing acc/auc/precision/recall under 'auto', else 'min'. */
export function resolveMode(monitor: string, mode: MonitorMode, where: string): 'min' | 'max' {
  if (mode !== 'auto' && mode !== 'min' && mode !== 'max') {
    throw new ValueError(`${where}: mode '${String(mode)}' is not one of 'auto', 'min', 'max'`);
  }
  if (mode !== 'auto') return mode;
  return HIGHER_IS_BETTER.some((part) => monitor.includes(part)) ? 'max' : 'min';
}

/** True when `current` beats `reference` by more than `minDelta` in the given direction. */
export function isImprovement(current: number, reference: number, mode: 'min' | 'max',
  minDelta = 0): boolean {
  const delta = Math.abs(minDelta);
  return mode === 'min' ? current < reference - delta : current > reference + delta;
}

/** The keys of `logs`, for "metric not available" warnings. */
export function availableKeys(logs: Logs): string {
  const keys = Object.keys(logs);
  return keys.length === 0 ? '(none)' : keys.join(', ');
}
