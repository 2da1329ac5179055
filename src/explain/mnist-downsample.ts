/**
 * Turns a drawing into a digit the way MNIST digits were made: crop to the ink, shrink so the
 * longer side is 20 pixels (keeping the aspect ratio, averaging the area each pixel covers,
 * which anti-aliases), then place it in a 28x28 field so that its centre of mass sits at the
 * centre. Plain TypeScript, so the page and the tests run the same code.
 *
 * @example
 * const digit = toMnist(ink, 280, 280); // Float32Array(784), 0 = paper, 1 = ink
 */
import { ShapeError } from '../errors.js';

export const MNIST_SIZE = 28;
/** The box the digit is scaled into before centring. */
export const MNIST_BOX = 20;
/** Where the centre of mass goes, with pixel centres at i + 0.5. */
export const MNIST_CENTRE = 14.5;
/** Ink below this counts as paper when finding the digit's extent. */
const INK_THRESHOLD = 0.05;

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The smallest box holding every pixel with ink, or null for an empty drawing. */
export function inkBox(ink: ArrayLike<number>, width: number, height: number): Box | null {
  let left = width, top = height, right = -1, bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]! <= INK_THRESHOLD) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  return right < 0 ? null : { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/** Resamples `box` of the source to outWidth x outHeight by averaging covered area. */
export function resampleArea(ink: ArrayLike<number>, width: number, box: Box,
  outWidth: number, outHeight: number): Float32Array {
  const out = new Float32Array(outWidth * outHeight);
  const sx = box.width / outWidth, sy = box.height / outHeight;
  for (let oy = 0; oy < outHeight; oy++) {
    const y0 = box.top + oy * sy, y1 = y0 + sy;
    for (let ox = 0; ox < outWidth; ox++) {
      const x0 = box.left + ox * sx, x1 = x0 + sx;
      let total = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const wx = Math.min(x + 1, x1) - Math.max(x, x0);
          total += ink[y * width + x]! * wx * wy;
        }
      }
      out[oy * outWidth + ox] = total / (sx * sy);
    }
  }
  return out;
}

/** Centre of mass (x, y) of an image, in pixel units with pixel centres at i + 0.5. */
export function centreOfMass(img: ArrayLike<number>, width: number, height: number): [number, number] {
  let mass = 0, mx = 0, my = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = img[y * width + x]!;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return mass === 0 ? [width / 2, height / 2] : [mx / mass, my / mass];
}

/**
 * A drawing (ink in [0, 1], row-major, width x height) as a 28x28 MNIST-style digit, or null
 * when nothing is drawn.
 */
export function toMnist(ink: ArrayLike<number>, width: number, height: number): Float32Array | null {
  if (ink.length !== width * height) {
    throw new ShapeError(`toMnist: ${ink.length} values do not make a ${width}x${height} image`);
  }
  const box = inkBox(ink, width, height);
  if (box === null) return null;

  const scale = MNIST_BOX / Math.max(box.width, box.height);
  const w = Math.max(1, Math.round(box.width * scale));
  const h = Math.max(1, Math.round(box.height * scale));
  const small = resampleArea(ink, width, box, w, h);

  // MNIST puts the centre of mass on pixel 14 (counting from 0), i.e. at 14.5 with pixel
  // centres at i + 0.5.
  const [cx, cy] = centreOfMass(small, w, h);
  const dx = Math.round(MNIST_CENTRE - cx), dy = Math.round(MNIST_CENTRE - cy);
  const out = new Float32Array(MNIST_SIZE * MNIST_SIZE);
  for (let y = 0; y < h; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= MNIST_SIZE) continue;
    for (let x = 0; x < w; x++) {
      const tx = x + dx;
      if (tx >= 0 && tx < MNIST_SIZE) out[ty * MNIST_SIZE + tx] = Math.min(1, small[y * w + x]!);
    }
  }
  return out;
}
