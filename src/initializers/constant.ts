/**
 * Initializers that fill a constant: Zeros, Ones, Constant({ value }).
 *
 * @example
 * new Zeros().apply([3]);                  // [0, 0, 0]
 * new Constant({ value: 0.1 }).apply([2]); // [0.1, 0.1]
 */
import { ValueError } from '../errors.js';
import { fill, type DType, type Shape, type Tensor } from '../tensor/tensor.js';
import { Initializer, type InitializerConfig } from './initializer.js';

/** Fills with 0 (Keras 'zeros', the default bias initializer). */
export class Zeros extends Initializer {
  readonly className = 'Zeros';

  apply(shape: Shape, dtype: DType = 'float32'): Tensor {
    return fill(shape, 0, dtype);
  }
}

/** Fills with 1 (Keras 'ones', e.g. the batch-norm gamma). */
export class Ones extends Initializer {
  readonly className = 'Ones';

  apply(shape: Shape, dtype: DType = 'float32'): Tensor {
    return fill(shape, 1, dtype);
  }
}

/** Fills with `value` (Keras 'constant'; default 0). */
export class Constant extends Initializer {
  readonly className = 'Constant';
  readonly value: number;

  constructor(config: { value?: number } = {}) {
    super();
    this.value = config.value ?? 0;
    if (typeof this.value !== 'number') {
      throw new ValueError(`Constant: value must be a number, got ${JSON.stringify(this.value)}`);
    }
  }

  apply(shape: Shape, dtype: DType = 'float32'): Tensor {
    return fill(shape, this.value, dtype);
  }

  override getConfig(): InitializerConfig {
    return { value: this.value };
  }
}
