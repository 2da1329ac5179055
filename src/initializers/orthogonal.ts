/**
 * Orthogonal and Identity initializers.
 *
 * Orthogonal (Keras 'orthogonal'): the weight, viewed as a matrix [prod(shape[:-1]),
 * shape[-1]], has orthonormal columns (or rows, when it is wide), times `gain`. It is the
 * Q factor of a normal random matrix, with the signs fixed so that R has a positive diagonal,
 * which makes the result uniformly distributed over orthogonal matrices.
 *
 * @example
 * new Orthogonal({ seed: 1 }).apply([4, 4]);  // Wᵀ·W = I
 * new Identity({ gain: 2 }).apply([2, 3]);    // [[2, 0, 0], [0, 2, 0]]
 */
import { ValueError } from '../errors.js';
import { formatShape } from '../tensor/shape.js';
import { Tensor, type DType, type Shape } from '../tensor/tensor.js';
import { rngFrom } from '../ops/random-tensor.js';
import { Initializer, requireFloat, seedOf, type InitializerConfig } from './initializer.js';

export class Orthogonal extends Initializer {
  readonly className = 'Orthogonal';
  readonly gain: number;
  readonly seed: number | null;

  constructor(config: { gain?: number; seed?: number | null } = {}) {
    super();
    this.gain = config.gain ?? 1;
    this.seed = seedOf(config.seed, 'Orthogonal');
  }

  apply(shape: Shape, dtype: DType = 'float32'): Tensor {
    requireFloat(dtype, 'Orthogonal', shape);
    if (shape.length < 2) {
      throw new ValueError(`Orthogonal: the shape needs at least 2 dimensions, got ${formatShape(shape)}`);
    }
    const cols = shape[shape.length - 1]!;
    const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    // Orthonormalise along the longer side: columns of a tall matrix, rows of a wide one.
    const [n, m] = rows >= cols ? [rows, cols] : [cols, rows];
    const rng = rngFrom(this.seed);
    const q = Array.from({ length: m }, () => Float64Array.from({ length: n }, () => rng.normal()));
    gramSchmidt(q);

    const out = new Tensor(shape);
    const o = out.f32;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        o[r * cols + c] = this.gain * (rows >= cols ? q[c]![r]! : q[r]![c]!);
      }
    }
    return out;
  }

  override getConfig(): InitializerConfig {
    return { gain: this.gain, seed: this.seed };
  }
}

/**
 * Modified Gram-Schmidt, in place, on vectors of equal length (m <= length). The result is
 * the Q of a QR factorisation whose R has a positive diagonal, which is the sign convention
 * the orthogonal initializer needs.
 */
function gramSchmidt(vectors: Float64Array[]): void {
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    for (let j = 0; j < i; j++) {
      const u = vectors[j]!;
      let dot = 0;
      for (let k = 0; k < v.length; k++) dot += u[k]! * v[k]!;
      for (let k = 0; k < v.length; k++) v[k] -= dot * u[k]!;
    }
    let norm = 0;
    for (let k = 0; k < v.length; k++) norm += v[k]! * v[k]!;
    norm = Math.sqrt(norm);
    for (let k = 0; k < v.length; k++) v[k] /= norm;
  }
}

/** `gain` times the identity matrix; 2-D shapes only, which may be non-square. */
export class Identity extends Initializer {
  readonly className = 'Identity';
  readonly gain: number;

  constructor(config: { gain?: number } = {}) {
    super();
    this.gain = config.gain ?? 1;
  }

  apply(shape: Shape, dtype: DType = 'float32'): Tensor {
    if (shape.length !== 2) {
      throw new ValueError(`Identity: only 2-D shapes can be identity matrices, got ${formatShape(shape)}`);
    }
    const out = new Tensor(shape, dtype);
    const [rows, cols] = shape as [number, number];
    out.data.fill(0);
    for (let i = 0; i < Math.min(rows, cols); i++) out.data[i * cols + i] = this.gain;
    return out;
  }

  override getConfig(): InitializerConfig {
    return { gain: this.gain };
  }
}
