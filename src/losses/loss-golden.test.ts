import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gradients } from '../tensor/autograd.js';
import { tensor } from '../tensor/tensor.js';
import { getLoss } from './loss.js';

interface Arr { shape: number[]; values: number[] }
interface Case { loss: string; y_true: Arr; y_pred: Arr; value: number; grad: number[] }
const goldens: { cases: Case[] } = JSON.parse(readFileSync(new URL('./goldens/losses.json', import.meta.url), 'utf8'));

describe('losses match PyTorch goldens (value and gradient)', () => {
  for (const c of goldens.cases) {
    it(c.loss, () => {
      const yTrue = tensor(c.y_true.values, c.y_true.shape);
      const yPred = tensor(c.y_pred.values, c.y_pred.shape);
      yPred.requiresGrad = true;
      const value = getLoss(c.loss).compute(yTrue, yPred);
      assert.ok(Math.abs(value.item() - c.value) < 1e-5 * Math.max(1, Math.abs(c.value)),
        `${value.item()} vs ${c.value}`);
      const [g] = gradients(value, [yPred]);
      g!.f32.forEach((v, i) => {
        const want = c.grad[i]!;
        assert.ok(Math.abs(v - want) < 1e-4 * Math.max(1, Math.abs(want)), `grad[${i}] ${v} vs ${want}`);
      });
    });
  }
});
