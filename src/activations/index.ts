/** Activation functions by Keras name. */
export { getActivation, activationName, activationNames, type ActivationFn } from './activation.js';
export { logitsOf, rememberLogits, type LogitsRecord } from './logits.js';
