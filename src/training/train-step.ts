/**
 * One training or test step on one batch, inside a tensor scope so every temporary is freed
 * when the step ends. Weights are updated in place; metrics and the running loss accumulate
 * in the compiled state until the next reset.
 *
 * @example
 * const logs = trainOnBatch(model, x, y, null); // { loss: 0.41, accuracy: 0.88 }
 */
import type { Logs } from '../callbacks/callback.js';
import { ValueError } from '../errors.js';
import type { Model, ModelInput } from '../models/model.js';
import { add } from '../ops/index.js';
import { gradients, needsGrad, noGrad } from '../tensor/autograd.js';
import { scope, type Tensor } from '../tensor/tensor.js';

/** Running mean of the loss over an epoch, weighted by batch size (Keras' loss tracker). */
export class LossTracker {
  private total = 0;
  private count = 0;

  update(value: number, batchSize: number): void {
    this.total += value * batchSize;
    this.count += batchSize;
  }

  result(): number {
    return this.count === 0 ? 0 : this.total / this.count;
  }

  reset(): void {
    this.total = 0;
    this.count = 0;
  }
}

const trackers = new WeakMap<Model, { train: LossTracker; test: LossTracker }>();

export function lossTrackers(model: Model): { train: LossTracker; test: LossTracker } {
  let t = trackers.get(model);
  if (t === undefined) {
    t = { train: new LossTracker(), test: new LossTracker() };
    trackers.set(model, t);
  }
  return t;
}

/** Clears the running loss and metrics (start of an epoch or evaluation). */
export function resetMetrics(model: Model, which: 'train' | 'test'): void {
  lossTrackers(model)[which].reset();
  for (const m of model.requireCompiled('fit').metrics) m.resetState();
}

function singleOutput(model: Model, outs: Tensor[]): Tensor {
  if (outs.length !== 1) {
    throw new ValueError(`model '${model.name}' has ${outs.length} outputs; training with ` +
      `several outputs is not supported yet (compile one loss for one output)`);
  }
  return outs[0]!;
}

/** Forward, loss, gradients and the optimizer update for one batch; returns running logs. */
export function trainStep(model: Model, x: ModelInput, y: Tensor, w: Tensor | null): Logs {
  const compiled = model.requireCompiled('fit');
  const tracker = lossTrackers(model).train;
  const batchSize = (Array.isArray(x) ? x[0]! : x).shape[0]!;
  scope(() => {
    const yPred = singleOutput(model, model.call(x, true));
    let loss = compiled.loss.compute(y, yPred, w);
    const penalty = model.regularizationLoss();
    if (penalty !== null) loss = add(loss, penalty);
    const variables = model.trainableWeights;
    if (variables.length > 0 && needsGrad(loss)) {
      const grads = gradients(loss, variables.map((v) => v.value));
      const pairs = variables.flatMap((variable, i) => {
        const grad = grads[i];
        return grad === null || grad === undefined ? [] : [{ variable, grad }];
      });
      noGrad(() => compiled.optimizer.applyGradients(pairs));
    }
    tracker.update(loss.item(), batchSize);
    noGrad(() => { for (const m of compiled.metrics) m.updateState(y, yPred, w); });
  });
  return currentLogs(model, 'train');
}

/** Loss and metrics on one batch in inference mode; returns running logs. */
export function testStep(model: Model, x: ModelInput, y: Tensor, w: Tensor | null): Logs {
  const compiled = model.requireCompiled('evaluate');
  const tracker = lossTrackers(model).test;
  const batchSize = (Array.isArray(x) ? x[0]! : x).shape[0]!;
  scope(() => noGrad(() => {
    const yPred = singleOutput(model, model.call(x, false));
    let loss = compiled.loss.compute(y, yPred, w);
    const penalty = model.regularizationLoss();
    if (penalty !== null) loss = add(loss, penalty);
    tracker.update(loss.item(), batchSize);
    for (const m of compiled.metrics) m.updateState(y, yPred, w);
  }));
  return currentLogs(model, 'test');
}

export function currentLogs(model: Model, which: 'train' | 'test'): Logs {
  const logs: Logs = { loss: lossTrackers(model)[which].result() };
  for (const m of model.requireCompiled('metrics').metrics) logs[m.name] = m.result();
  return logs;
}

/** Keras' train_on_batch: one step, with metrics reset first. */
export function trainOnBatch(model: Model, x: ModelInput, y: Tensor, w: Tensor | null): Logs {
  resetMetrics(model, 'train');
  return trainStep(model, x, y, w);
}

export function testOnBatch(model: Model, x: ModelInput, y: Tensor, w: Tensor | null): Logs {
  resetMetrics(model, 'test');
  return testStep(model, x, y, w);
}
