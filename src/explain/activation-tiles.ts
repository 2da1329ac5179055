/**
 * Cuts one layer's output into pictures: a channels-last map [height, width, channels]
 * becomes one tile per channel, a vector [units] one tile of rows of 16. Each tile is
 * stretched to [0, 1] on its own (its minimum black, its maximum white) so that weak channels
 * stay visible; a constant tile is all black. Plain TypeScript, for the page and the CLI.
 *
 * @example
 * const { tiles, height, width } = activationTiles([26, 26, 32], output);
 * tiles.length; // 32, each 26*26 values in [0, 1]
 */
import { ShapeError } from '../errors.js';

/** One layer's output for one sample, without the batch axis. */
export interface LayerActivation {
  readonly name: string;
  /** The layer's class, e.g. 'Conv2D'. */
  readonly className?: string;
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

export interface ActivationTiles {
  readonly height: number;
  readonly width: number;
  readonly tiles: Float32Array[];
}

/** Values per row when a vector is drawn as a tile. */
export const VECTOR_ROW = 16;

/** Splits an activation of one sample (no batch axis) into contrast-stretched tiles. */
export function activationTiles(shape: readonly number[], data: ArrayLike<number>): ActivationTiles {
  const size = shape.reduce((a, b) => a * b, 1);
  if (data.length !== size) {
    throw new ShapeError(`activationTiles: shape [${shape.join(', ')}] needs ${size} values, got ${data.length}`);
  }
  if (shape.length === 3) return channelTiles(shape as [number, number, number], data);
  if (shape.length === 2) return channelTiles([shape[0]!, shape[1]!, 1], data);
  if (shape.length === 1) {
    const width = Math.min(VECTOR_ROW, size), height = Math.ceil(size / width);
    const tile = new Float32Array(width * height);
    for (let i = 0; i < size; i++) tile[i] = data[i]!;
    return { height, width, tiles: [stretch(tile, size)] };
  }
  throw new ShapeError(`activationTiles: expected [units], [height, width] or ` +
    `[height, width, channels], got [${shape.join(', ')}]`);
}

function channelTiles([height, width, channels]: [number, number, number],
  data: ArrayLike<number>): ActivationTiles {
  const tiles: Float32Array[] = [];
  for (let c = 0; c < channels; c++) {
    const tile = new Float32Array(height * width);
    for (let p = 0; p < height * width; p++) tile[p] = data[p * channels + c]!;
    tiles.push(stretch(tile, tile.length));
  }
  return { height, width, tiles };
}

/** Maps the first `count` values to [0, 1] in place by their own min and max. */
function stretch(tile: Float32Array, count: number): Float32Array {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < count; i++) {
    min = Math.min(min, tile[i]!);
    max = Math.max(max, tile[i]!);
  }
  const range = max - min;
  for (let i = 0; i < count; i++) tile[i] = range > 0 && Number.isFinite(range) ? (tile[i]! - min) / range : 0;
  return tile;
}
