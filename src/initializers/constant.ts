/**
 * Initializers that fill a constant: Zeros, Ones, Constant({ value }).
 *
 * @example
 * new Zeros().apply([3]);                  // [0, 0, 0]
 * new Constant({ value: 0.1 }).apply([2]); // [0.1, 0.1]
 */
import { ValueError } from '../errors.js';
import type { TypedArray } from '../tensor/tensor.js';
import { Initializer, type InitializerConfig } from './initializer.js';

/** Fills with 0 (Keras 'zeros', the default bias initializer). */
export class Zeros extends Initializer {
  readonly className = 'Zeros';
  protected override readonly integerValues = true;

  protected fill(out: TypedArray): void {
    out.fill(0);
  }
}

/** Fills with 1 (Keras 'ones', e.g. the batch-norm gamma). */
export class Ones extends Initializer {
  readonly className = 'Ones';
  protected override readonly integerValues = true;

  protected fill(out: TypedArray): void {
    out.fill(1);
  }
}

/** Fills with `value` (Keras 'constant'; default 0). */
export class Constant extends Initializer {
  readonly className = 'Constant';
  protected override readonly integerValues = true;
  readonly value: number;

  constructor(config: { value?: number } = {}) {
    super();
    this.value = config.value ?? 0;
    if (typeof this.value !== 'number') {
      throw new ValueError(`Constant: value must be a number, got ${JSON.stringify(this.value)}`);
    }
  }

  protected fill(out: TypedArray): void {
    out.fill(this.value);
  }

  override getConfig(): InitializerConfig {
    return { value: this.value };
  }
}
