/**
 * 2-D convolution (cross-correlation, as Keras computes it) over channels-last images.
 *
 * x [batch, height, width, inChannels] · filter [kh, kw, inChannels, outChannels]
 *   -> [batch, outHeight, outWidth, outChannels]
 *
 * 'valid' uses only positions where the window fits; 'same' pads with zeros so that
 * outHeight = ceil(height / stride), putting the smaller half of the padding on top/left, as
 * TensorFlow does.
 *
 * @example
 * conv2d(image, filter, { strides: 1, padding: 'valid' });
 */
import { ShapeError } from '../errors.js';
import type { Conv2DGeometry } from '../kernels/backend.js';
import { backend } from '../kernels/registry.js';
import { needsGrad, record } from '../tensor/autograd.js';
import { convLength, formatShape, pair, samePadBefore, type Padding } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';

export interface Conv2DOptions {
  strides?: number | [number, number];
  padding?: Padding;
  dilationRate?: number | [number, number];
}

/**
 * Checks shapes and works out the full geometry of a convolution.
 *
 * @example
 * conv2dGeometry([1, 9, 9, 1], [3, 3, 1, 3]).outHeight; // 7
 */
export function conv2dGeometry(xShape: readonly number[], wShape: readonly number[],
  options: Conv2DOptions = {}, where = 'conv2d'): Conv2DGeometry {
  if (xShape.length !== 4) {
    throw new ShapeError(`${where}: expected input of rank 4 [batch, height, width, channels], ` +
      `got ${formatShape(xShape)}`);
  }
  if (wShape.length !== 4 || wShape[2] !== xShape[3]) {
    throw new ShapeError(`${where}: filter ${formatShape(wShape)} must be ` +
      `[kh, kw, ${xShape[3]}, filters] for input ${formatShape(xShape)}`);
  }
  const [sh, sw] = pair(options.strides ?? 1, `${where} strides`);
  const [dh, dw] = pair(options.dilationRate ?? 1, `${where} dilationRate`);
  const padding = options.padding ?? 'valid';
  const [batch, inHeight, inWidth, inChannels] = xShape as [number, number, number, number];
  const [kh, kw, , outChannels] = wShape as [number, number, number, number];
  const outHeight = convLength(inHeight, kh, sh, padding, dh);
  const outWidth = convLength(inWidth, kw, sw, padding, dw);
  if (outHeight <= 0 || outWidth <= 0) {
    throw new ShapeError(`${where}: a ${kh}x${kw} window (dilation ${dh}x${dw}) does not fit ` +
      `in a ${inHeight}x${inWidth} input with padding '${padding}'`);
  }
  return {
    batch, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels,
    kernelHeight: kh, kernelWidth: kw, strideHeight: sh, strideWidth: sw,
    dilationHeight: dh, dilationWidth: dw,
    padTop: padding === 'same' ? samePadBefore(inHeight, kh, sh, dh) : 0,
    padLeft: padding === 'same' ? samePadBefore(inWidth, kw, sw, dw) : 0,
  };
}

/**
 * 2-D cross-correlation of NHWC images with an HWIO filter; differentiable in both.
 *
 * @example
 * conv2d(zeros([1, 9, 9, 1]), zeros([3, 3, 1, 3])).shape; // [1, 7, 7, 3]
 */
export function conv2d(x: Tensor, filter: Tensor, options: Conv2DOptions = {}): Tensor {
  const g = conv2dGeometry(x.shape, filter.shape, options);
  const y = new Tensor([g.batch, g.outHeight, g.outWidth, g.outChannels]);
  backend().conv2d(x.f32, filter.f32, y.f32, g);

  return record(y, 'conv2d', [x, filter], (dy) => {
    // The first layer's input (the images) needs no gradient: skip the costliest half.
    let dx: Tensor | null = null;
    if (needsGrad(x)) {
      dx = new Tensor(x.shape);
      backend().conv2dBackpropInput(dy.f32, filter.f32, dx.f32, g);
    }
    let dw: Tensor | null = null;
    if (needsGrad(filter)) {
      dw = new Tensor(filter.shape);
      backend().conv2dBackpropFilter(x.f32, dy.f32, dw.f32, g);
    }
    return [dx, dw];
  });
}
