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
import type { Random } from '../tensor/random.js';
import { formatShape } from '../tensor/shape.js';
import type { Shape, TypedArray } from '../tensor/tensor.js';
import { Initializer, seedOf, streamFor, type InitializerConfig } from './initializer.js';

export class Orthogonal extends Initializer {
  readonly className = 'Orthogonal';
  readonly gain: number;
  readonly seed: number | null;

  constructor(config: { gain?: number; seed?: number | null } = {}) {
    super();
    this.gain = config.gain ?? 1;
    this.seed = seedOf(config.seed, 'Orthogonal');
  }

  protected fill(o: TypedArray, shape: Shape, rng: Random): void {
    if (shape.length < 2) {
      throw new ValueError(`Orthogonal: the shape needs at least 2 dimensions, got ` +
        `${formatShape(shape)}`);
    }
    const cols = shape[shape.length - 1]!;
    const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    // Orthonormalise along the longer side: columns of a tall matrix, rows of a wide one.
    const [n, m] = rows >= cols ? [rows, cols] : [cols, rows];
    const r = streamFor(this.seed, rng);
    const q = Array.from({ length: m }, () => Float64Array.from({ length: n }, () => r.normal()));
    gramSchmidt(q);

    for (let row = 0; row < rows; row++) {
      for (let c = 0; c < cols; c++) {
        o[row * cols + c] = this.gain * (rows >= cols ? q[c]![row]! : q[row]![c]!);
      }
    }
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
  protected override readonly integerValues = true;
  readonly gain: number;

  constructor(config: { gain?: number } = {}) {
    super();
    this.gain = config.gain ?? 1;
  }

  protected fill(out: TypedArray, shape: Shape): void {
    if (shape.length !== 2) {
      throw new ValueError(`Identity: only 2-D shapes can be identity matrices, got ` +
        `${formatShape(shape)}`);
    }
    const [rows, cols] = shape as [number, number];
    out.fill(0);
    for (let i = 0; i < Math.min(rows, cols); i++) out[i * cols + i] = this.gain;
  }

  override getConfig(): InitializerConfig {
    return { gain: this.gain };
  }
}
