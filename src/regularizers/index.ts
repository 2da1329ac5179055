/** Weight penalties added to the training loss. */
export { L1L2, l1, l2, l1l2, getRegularizer, type Regularizer, type RegularizerConfig,
  type RegularizerIdentifier } from './regularizer.js';
