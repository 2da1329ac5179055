/**
 * 2-D max and average pooling over channels-last images. With 'same' padding the windows at
 * the right and bottom edges may hang over the input; only positions inside count (for the
 * average too), which is how Keras pools.
 *
 * @example
 * maxPool2d(x, { poolSize: 2 });               // strides default to poolSize
 * avgPool2d(x, { poolSize: 3, strides: 1, padding: 'same' });
 */
import { ShapeError } from '../errors.js';
import type { Pool2DGeometry } from '../kernels/backend.js';
import { backend } from '../kernels/registry.js';
import { record } from '../tensor/autograd.js';
import { convLength, formatShape, pair, samePadBefore, type Padding } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';

export interface Pool2DOptions {
  poolSize?: number | [number, number];
  /** Default: poolSize. */
  strides?: number | [number, number] | null;
  padding?: Padding;
}

/**
 * Checks the input rank and works out the window geometry of 2-D pooling.
 *
 * @example
 * pool2dGeometry([1, 7, 7, 3], { poolSize: 2, padding: 'same' }, 'maxPool2d').outHeight; // 4
 */
export function pool2dGeometry(shape: readonly number[], options: Pool2DOptions,
  where: string): Pool2DGeometry {
  if (shape.length !== 4) {
    throw new ShapeError(`${where}: expected input of rank 4 [batch, height, width, channels], ` +
      `got ${formatShape(shape)}`);
  }
  const [ph, pw] = pair(options.poolSize ?? 2, `${where} poolSize`);
  const [sh, sw] = pair(options.strides ?? [ph, pw], `${where} strides`);
  const padding = options.padding ?? 'valid';
  const [batch, inHeight, inWidth, channels] = shape as [number, number, number, number];
  const outHeight = convLength(inHeight, ph, sh, padding);
  const outWidth = convLength(inWidth, pw, sw, padding);
  if (outHeight <= 0 || outWidth <= 0) {
    throw new ShapeError(`${where}: a ${ph}x${pw} window does not fit in a ` +
      `${inHeight}x${inWidth} input with padding '${padding}'`);
  }
  return {
    batch, inHeight, inWidth, channels, outHeight, outWidth,
    poolHeight: ph, poolWidth: pw, strideHeight: sh, strideWidth: sw,
    padTop: padding === 'same' ? samePadBefore(inHeight, ph, sh) : 0,
    padLeft: padding === 'same' ? samePadBefore(inWidth, pw, sw) : 0,
  };
}

/**
 * The maximum of each window; the gradient goes to the first maximum of each window.
 *
 * @example
 * maxPool2d(zeros([1, 7, 7, 3]), { poolSize: 2, padding: 'same' }).shape; // [1, 4, 4, 3]
 */
export function maxPool2d(x: Tensor, options: Pool2DOptions = {}): Tensor {
  const g = pool2dGeometry(x.shape, options, 'maxPool2d');
  const y = new Tensor([g.batch, g.outHeight, g.outWidth, g.channels]);
  const winners = new Tensor(y.shape, 'int32');
  backend().maxPool2d(x.f32, y.f32, winners.data as Int32Array, g);
  return record(y, 'maxPool2d', [x], (dy) => {
    const dx = new Tensor(x.shape);
    backend().maxPool2dBackprop(dy.f32, winners.data as Int32Array, dx.f32);
    return [dx];
  });
}

/**
 * The mean of each window, over the positions inside the input only.
 *
 * @example
 * avgPool2d(ones([1, 4, 4, 1]), { poolSize: 2 }).shape; // [1, 2, 2, 1]
 */
export function avgPool2d(x: Tensor, options: Pool2DOptions = {}): Tensor {
  const g = pool2dGeometry(x.shape, options, 'avgPool2d');
  const y = new Tensor([g.batch, g.outHeight, g.outWidth, g.channels]);
  backend().avgPool2d(x.f32, y.f32, g);
  return record(y, 'avgPool2d', [x], (dy) => {
    const dx = new Tensor(x.shape);
    backend().avgPool2dBackprop(dy.f32, dx.f32, g);
    return [dx];
  });
}
