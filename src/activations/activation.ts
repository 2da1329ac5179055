/**
 * Activation functions by their Keras names. Layers take `activation: 'relu'` and keep the
 * name for getConfig().
 *
 * @example
 * getActivation('softmax')(logits);
 * activationNames(); // ['linear', 'relu', ...]
 */
import { ValueError } from '../errors.js';
import {
  elu, exp, gelu, relu, selu, sigmoid, softmax, softplus, softsign, swish, tanh,
} from '../ops/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { rememberLogits } from './logits.js';

export type ActivationFn = (x: Tensor) => Tensor;

const ACTIVATIONS: Record<string, ActivationFn> = {
  linear: (x) => x,
  relu,
  sigmoid: (x) => rememberLogits(sigmoid(x), x, 'sigmoid'),
  tanh,
  softmax: (x) => rememberLogits(softmax(x), x, 'softmax'),
  elu,
  selu,
  softplus,
  softsign,
  swish,
  silu: swish,
  gelu,
  exponential: exp,
};

/** The canonical Keras (snake_case) name for an activation given in either case. */
export function activationName(name: string | null | undefined): string {
  if (name === null || name === undefined) return 'linear';
  const key = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  if (!(key in ACTIVATIONS)) {
    throw new ValueError(`unknown activation '${name}'; known: ${activationNames().join(', ')}`);
  }
  return key;
}

export function getActivation(name: string | null | undefined): ActivationFn {
  return ACTIVATIONS[activationName(name)]!;
}

export function activationNames(): string[] {
  return Object.keys(ACTIVATIONS);
}
