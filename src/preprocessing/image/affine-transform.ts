/**
 * The affine part of image augmentation, with Keras' conventions: rotation, shift, shear and
 * zoom are composed into one 3x3 matrix about the image centre, and each output pixel reads
 * the input at the matrix image of its own coordinates (the inverse map), with bilinear or
 * nearest sampling and a fill mode for sources outside the image.
 *
 * Coordinates are (row, column); `tx` shifts along rows (height) and `ty` along columns
 * (width), as in Keras. The matrix is the product rotation · shift · shear · zoom.
 *
 * @example
 * const rotated = applyAffineTransform(image, { theta: 90 }); // image [h, w, c]
 */
import { ShapeError } from '../../errors.js';
import { Tensor } from '../../tensor/tensor.js';
import { sourceIndex, type FillMode } from './fill-mode.js';

/** The geometric parameters of one transform (angles in degrees, shifts in pixels). */
export interface AffineParams {
  /** Rotation angle in degrees. */
  theta?: number;
  /** Shift along rows (height), in pixels. */
  tx?: number;
  /** Shift along columns (width), in pixels. */
  ty?: number;
  /** Shear angle in degrees. */
  shear?: number;
  /** Zoom along rows; values below 1 zoom in. */
  zx?: number;
  /** Zoom along columns. */
  zy?: number;
}

export interface SamplingOptions {
  /** Default 'nearest' (Keras' default). */
  fillMode?: FillMode;
  /** Fill value for fillMode 'constant'. Default 0. */
  cval?: number;
  /** 1 = bilinear (default), 0 = nearest pixel. */
  order?: 0 | 1;
}

type Matrix = number[];

function multiply(a: Matrix, b: Matrix): Matrix {
  const out = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      for (let k = 0; k < 3; k++) out[r * 3 + c]! += a[r * 3 + k]! * b[k * 3 + c]!;
    }
  }
  return out;
}

/**
 * The row-major 3x3 matrix mapping output (row, col, 1) to input coordinates, centred on the
 * image; null when the parameters describe the identity.
 *
 * @example
 * affineMatrix({ tx: 1 }, 3, 3); // [1, 0, 1, 0, 1, 0, 0, 0, 1]: out[r] = in[r + 1]
 */
export function affineMatrix(p: AffineParams, height: number, width: number): Matrix | null {
  const steps: Matrix[] = [];
  const theta = ((p.theta ?? 0) * Math.PI) / 180;
  const shear = ((p.shear ?? 0) * Math.PI) / 180;
  const [tx, ty, zx, zy] = [p.tx ?? 0, p.ty ?? 0, p.zx ?? 1, p.zy ?? 1];

  if (theta !== 0) {
    steps.push([Math.cos(theta), -Math.sin(theta), 0, Math.sin(theta), Math.cos(theta), 0,
      0, 0, 1]);
  }
  if (tx !== 0 || ty !== 0) steps.push([1, 0, tx, 0, 1, ty, 0, 0, 1]);
  if (shear !== 0) steps.push([1, -Math.sin(shear), 0, 0, Math.cos(shear), 0, 0, 0, 1]);
  if (zx !== 1 || zy !== 1) steps.push([zx, 0, 0, 0, zy, 0, 0, 0, 1]);
  if (steps.length === 0) return null;

  // Move the origin to the centre, transform, move it back.
  const [or, oc] = [height / 2 - 0.5, width / 2 - 0.5];
  const toCentre = [1, 0, or, 0, 1, oc, 0, 0, 1];
  const fromCentre = [1, 0, -or, 0, 1, -oc, 0, 0, 1];
  return [toCentre, ...steps, fromCentre].reduce(multiply);
}

/** Rounds coordinates within 1e-6 of an integer, so that 90° turns and whole shifts are exact. */
function snap(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - r) < 1e-6 ? r : v;
}

/**
 * Warps an HWC float image by `matrix` (see {@link affineMatrix}) into `out`.
 *
 * @example
 * warpAffine(src, 28, 28, 1, affineMatrix({ theta: 15 }, 28, 28)!, {}, new Float32Array(784));
 */
export function warpAffine(src: ArrayLike<number>, height: number, width: number,
  channels: number, matrix: Matrix, options: SamplingOptions, out: Float32Array): Float32Array {
  const mode = options.fillMode ?? 'nearest';
  const cval = options.cval ?? 0;
  const bilinear = (options.order ?? 1) === 1;
  const pixel = (r: number, c: number, ch: number): number => {
    if (mode === 'constant' && (r < 0 || r >= height || c < 0 || c >= width)) return cval;
    const rr = sourceIndex(r, height, mode);
    const cc = sourceIndex(c, width, mode);
    return src[(rr * width + cc) * channels + ch]!;
  };

  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const y = snap(matrix[0]! * r + matrix[1]! * c + matrix[2]!);
      const x = snap(matrix[3]! * r + matrix[4]! * c + matrix[5]!);
      const at = (r * width + c) * channels;
      // 'constant' reads cval for any source outside the image, without blending at the edge.
      if (mode === 'constant' && (y < 0 || y > height - 1 || x < 0 || x > width - 1)) {
        out.fill(cval, at, at + channels);
        continue;
      }
      if (!bilinear) {
        const [ry, rx] = [Math.round(y), Math.round(x)];
        for (let ch = 0; ch < channels; ch++) out[at + ch] = pixel(ry, rx, ch);
        continue;
      }
      const y0 = Math.floor(y), x0 = Math.floor(x);
      const fy = y - y0, fx = x - x0;
      for (let ch = 0; ch < channels; ch++) {
        const top = pixel(y0, x0, ch) * (1 - fx) + (fx === 0 ? 0 : pixel(y0, x0 + 1, ch) * fx);
        const bottom = fy === 0 ? 0
          : pixel(y0 + 1, x0, ch) * (1 - fx) + (fx === 0 ? 0 : pixel(y0 + 1, x0 + 1, ch) * fx);
        out[at + ch] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return out;
}

/**
 * A transformed copy of one image [height, width, channels], like Keras'
 * `apply_affine_transform` (angles in degrees).
 *
 * @example
 * applyAffineTransform(image, { ty: 1 }, { fillMode: 'constant', cval: 0 }); // shift left by 1
 */
export function applyAffineTransform(x: Tensor, params: AffineParams,
  options: SamplingOptions = {}): Tensor {
  if (x.rank !== 3) {
    throw new ShapeError(`applyAffineTransform: expected one image [height, width, channels], ` +
      `got [${x.shape.join(', ')}]`);
  }
  const [height, width, channels] = x.shape as [number, number, number];
  const out = new Tensor(x.shape, 'float32');
  const matrix = affineMatrix(params, height, width);
  if (matrix === null) out.data.set(x.data);
  else warpAffine(x.data, height, width, channels, matrix, options, out.data as Float32Array);
  return out;
}
