/**
 * One random augmentation drawn for one image, with Keras' parameter names (angles in degrees,
 * shifts in pixels).
 *
 * @example
 * const p: TransformParams = { theta: 12, tx: -3, ty: 0, shear: 0, zx: 1, zy: 1,
 *   flipHorizontal: true, flipVertical: false, channelShiftIntensity: 0, brightness: 1 };
 */
import type { AffineParams } from './affine-transform.js';

export interface TransformParams extends AffineParams {
  flipHorizontal?: boolean;
  flipVertical?: boolean;
  /** Added to every channel value, then clipped to the image's own min..max. */
  channelShiftIntensity?: number;
  /** Brightness factor; 1 leaves the image as it is. */
  brightness?: number;
}
