/**
 * How an affine warp fills pixels whose source lies outside the image, with Keras' names:
 *
 * - 'constant': kkkk|abcd|kkkk, k = cval
 * - 'nearest':  aaaa|abcd|dddd
 * - 'reflect':  dcba|abcd|dcba (the edge pixel is repeated)
 * - 'wrap':     abcd|abcd|abcd
 *
 * @example
 * sourceIndex(-1, 4, 'reflect'); // 0
 */
import { ValueError } from '../../errors.js';

export type FillMode = 'constant' | 'nearest' | 'reflect' | 'wrap';

export const FILL_MODES: readonly FillMode[] = ['constant', 'nearest', 'reflect', 'wrap'];

/**
 * Throws unless `mode` is a fill mode.
 *
 * @example
 * checkFillMode('mirror', 'ImageDataGenerator'); // throws, listing the four modes
 */
export function checkFillMode(mode: string, where: string): FillMode {
  if (!(FILL_MODES as readonly string[]).includes(mode)) {
    throw new ValueError(`${where}: fillMode '${mode}' is not one of ${FILL_MODES.join(', ')}`);
  }
  return mode as FillMode;
}

/**
 * The index inside 0..n-1 that pixel index `i` (possibly outside) reads from. 'constant' is
 * handled by the caller (it reads cval), so here it clamps like 'nearest'.
 *
 * @example
 * sourceIndex(5, 4, 'wrap'); // 1
 */
export function sourceIndex(i: number, n: number, mode: FillMode): number {
  if (i >= 0 && i < n) return i;
  if (mode === 'wrap') return ((i % n) + n) % n;
  if (mode === 'reflect') {
    const period = 2 * n;
    const m = ((i % period) + period) % period;
    return m < n ? m : period - 1 - m;
  }
  return i < 0 ? 0 : n - 1;
}
