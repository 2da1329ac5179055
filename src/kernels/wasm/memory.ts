/**
 * Where the kernels find their operands. Arrays that view the tensor heap are passed by byte
 * offset; anything else is copied into a heap buffer first (a slow path that only direct
 * callers of the backend hit). Scratch buffers (im2col chunks, packed panels) are cached by
 * name and reused, so a training step allocates nothing once its sizes have been seen.
 */
import { heap, RESERVED_BYTES, type Block } from '../../tensor/heap.js';

/** A word near the top of the kernels' reserved region, used to recognize heap buffers. */
const PROBE = RESERVED_BYTES - 64;
const heapBuffers = new WeakSet<ArrayBufferLike>();

/**
 * True when `buffer` is (a past view of) the heap's memory. A shared memory hands out a new
 * buffer object at each growth, so identity is confirmed once by writing through `buffer` and
 * reading through the current one.
 */
function isHeapBuffer(buffer: ArrayBufferLike): boolean {
  if (heapBuffers.has(buffer)) return true;
  const current = heap().memory.buffer;
  if (buffer === current) {
    heapBuffers.add(buffer);
    return true;
  }
  if (!heap().shared || buffer.byteLength < RESERVED_BYTES) return false;
  const mine = new Int32Array(buffer, PROBE, 1), theirs = new Int32Array(current, PROBE, 1);
  const saved = mine[0]!;
  const same = [0x5eed1234, 0x0badf00d].every((v) => {
    mine[0] = v;
    return theirs[0] === v;
  });
  mine[0] = saved;
  if (same) heapBuffers.add(buffer);
  return same;
}

type Numeric = Float32Array | Int32Array;

/** A float32 view of the heap at a byte offset (made fresh: the buffer may have grown). */
export function heapF32(offset: number, length: number): Float32Array {
  return new Float32Array(heap().currentBuffer, offset, length);
}

export function heapI32(offset: number, length: number): Int32Array {
  return new Int32Array(heap().currentBuffer, offset, length);
}

/**
 * Collects the pointers of one kernel call. `input` and `output` return byte offsets; arrays
 * outside the heap are staged in temporary blocks, copied back by {@link done}.
 */
export class Operands {
  private temps: Block[] = [];
  private copyBack: Array<[Numeric, Block]> = [];

  input(a: Numeric): number {
    if (isHeapBuffer(a.buffer)) return a.byteOffset;
    const block = this.stage(a);
    viewLike(a, block).set(a);
    return block.offset;
  }

  output(a: Numeric): number {
    if (isHeapBuffer(a.buffer)) return a.byteOffset;
    const block = this.stage(a);
    this.copyBack.push([a, block]);
    return block.offset;
  }

  done(): void {
    for (const [a, block] of this.copyBack) a.set(viewLike(a, block));
    for (const block of this.temps) heap().release(block);
    this.temps = [];
    this.copyBack = [];
  }

  private stage(a: Numeric): Block {
    const block = heap().alloc(Math.max(4, a.byteLength));
    this.temps.push(block);
    return block;
  }
}

function viewLike(a: Numeric, block: Block): Numeric {
  return a instanceof Float32Array
    ? heapF32(block.offset, a.length) : heapI32(block.offset, a.length);
}

/** True when every array views the heap, so the kernel needs no staging. */
export function allInHeap(...arrays: Numeric[]): boolean {
  return arrays.every((a) => isHeapBuffer(a.buffer));
}

const scratchBlocks = new Map<string, Block>();

/** A reusable heap buffer of at least `bytes`, named by its use (e.g. 'im2col:1'). */
export function scratch(name: string, bytes: number): number {
  let block = scratchBlocks.get(name);
  if (block === undefined || block.bytes < bytes) {
    if (block !== undefined) heap().release(block);
    block = heap().alloc(Math.max(64, bytes));
    scratchBlocks.set(name, block);
  }
  return block.offset;
}

/** Writes integers (a geometry) into a small scratch block and returns its offset. */
export function intBlock(name: string, values: readonly number[]): number {
  const offset = scratch(name, values.length * 4);
  heapI32(offset, values.length).set(values);
  return offset;
}
