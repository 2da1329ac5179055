import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setLogSink } from '../../log.js';
import { compileArgsFromTrainingConfig } from './training-config.js';

function warningsOf(fn: () => void): string[] {
  const warnings: string[] = [];
  const previous = setLogSink((_l, message) => warnings.push(message));
  try {
    fn();
  } finally {
    setLogSink(previous);
  }
  return warnings;
}

describe('compileArgsFromTrainingConfig', () => {
  it('names optimizer options it does not implement and goes on without them', () => {
    const warnings = warningsOf(() => compileArgsFromTrainingConfig({ loss: 'mse',
      optimizer_config: { class_name: 'Adam', config: { learning_rate: 0.01, clipnorm: 1,
        clipvalue: null, use_ema: false, weight_decay: 0.004, gradient_accumulation_steps: null } } }));
    assert.deepEqual(warnings, [
      'training_config: optimizer Adam option weight_decay=0.004 is not supported; the optimizer ' +
        'runs without it',
      'training_config: optimizer Adam option clipnorm=1 is not supported; the optimizer runs ' +
        'without it',
    ]);
  });

  it('is quiet about the defaults Keras 3 writes into every optimizer config', () => {
    const warnings = warningsOf(() => compileArgsFromTrainingConfig({ loss: 'mse',
      optimizer_config: { class_name: 'SGD', config: { learning_rate: 0.01, weight_decay: null,
        clipnorm: null, global_clipnorm: null, clipvalue: null, use_ema: false,
        ema_momentum: 0.99, ema_overwrite_frequency: null, loss_scale_factor: null,
        gradient_accumulation_steps: null } } }));
    assert.deepEqual(warnings, []);
  });
});
