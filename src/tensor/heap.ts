/**
 * The heap every tensor lives in: one WebAssembly.Memory, shared between threads where the
 * platform allows it, so that WebAssembly kernels on worker threads read and write tensor
 * data in place, with no copies.
 *
 * Blocks are recycled by exact (rounded) size: a training step asks for the same sizes every
 * time, so after the first step it is served entirely from the free lists.
 */

const PAGE_BYTES = 65536;
/** Alignment of every block: a cache line, which also suits 128-bit SIMD loads. */
export const BLOCK_ALIGN = 64;
/** Bytes kept at the bottom of memory for the kernels' own static data and stack. */
export const RESERVED_BYTES = 1 << 20;

export interface HeapStats {
  /** Bytes in blocks handed out and not yet released. */
  liveBytes: number;
  /** Bytes held in free lists, ready for reuse. */
  freeBytes: number;
  /** Size of the WebAssembly memory. */
  memoryBytes: number;
  liveBlocks: number;
}

/** A block of the heap; `live` turns false once it is released. */
export interface Block {
  readonly offset: number;
  readonly bytes: number;
  live: boolean;
}

export class Heap {
  readonly memory: WebAssembly.Memory;
  readonly shared: boolean;
  /** Bumped when the memory's buffer is replaced by a detaching grow (non-shared memory). */
  generation = 0;
  private top = RESERVED_BYTES;
  private readonly freeLists = new Map<number, number[]>();
  private liveBytes = 0;
  private liveBlocks = 0;
  private freeBytes = 0;
  private buffer: ArrayBufferLike;

  constructor(memory?: WebAssembly.Memory) {
    this.memory = memory ?? createMemory();
    this.buffer = this.memory.buffer;
    this.shared = typeof SharedArrayBuffer !== 'undefined' &&
      this.memory.buffer instanceof SharedArrayBuffer;
  }

  /** Allocates `bytes` (rounded up to {@link BLOCK_ALIGN}). The content is not cleared. */
  alloc(bytes: number): Block {
    const size = Math.max(BLOCK_ALIGN, Math.ceil(bytes / BLOCK_ALIGN) * BLOCK_ALIGN);
    const list = this.freeLists.get(size);
    let offset: number;
    if (list !== undefined && list.length > 0) {
      offset = list.pop()!;
      this.freeBytes -= size;
    } else {
      offset = this.top;
      this.ensure(offset + size);
      this.top += size;
    }
    this.liveBytes += size;
    this.liveBlocks++;
    return { offset, bytes: size, live: true };
  }

  /** Returns a block to its free list. Releasing twice is a no-op. */
  release(block: Block): void {
    if (!block.live) return;
    block.live = false;
    let list = this.freeLists.get(block.bytes);
    if (list === undefined) {
      list = [];
      this.freeLists.set(block.bytes, list);
    }
    list.push(block.offset);
    this.liveBytes -= block.bytes;
    this.liveBlocks--;
    this.freeBytes += block.bytes;
  }

  /** The memory's current buffer; views made on it stay valid until {@link generation} moves. */
  get currentBuffer(): ArrayBufferLike {
    if (this.buffer !== this.memory.buffer) this.buffer = this.memory.buffer;
    return this.buffer;
  }

  stats(): HeapStats {
    return {
      liveBytes: this.liveBytes,
      freeBytes: this.freeBytes,
      memoryBytes: this.memory.buffer.byteLength,
      liveBlocks: this.liveBlocks,
    };
  }

  private ensure(end: number): void {
    const have = this.memory.buffer.byteLength;
    if (end <= have) return;
    // Grow geometrically so that a growing model does not grow the memory on every step.
    const want = Math.max(end, Math.min(have * 2, have + (512 << 20)));
    const pages = Math.ceil((want - have) / PAGE_BYTES);
    try {
      this.memory.grow(pages);
    } catch (cause) {
      throw new RangeError(
        `tensor heap: cannot grow WebAssembly memory from ${have} to ${want} bytes ` +
        `(${(this.liveBytes / 2 ** 20).toFixed(1)} MiB live in tensors)`, { cause });
    }
    if (!this.shared) this.generation++;
    this.buffer = this.memory.buffer;
  }
}

function createMemory(): WebAssembly.Memory {
  const initial = Math.ceil((RESERVED_BYTES + (32 << 20)) / PAGE_BYTES);
  const canShare = typeof SharedArrayBuffer !== 'undefined';
  // 65536 pages is the 4 GiB limit of 32-bit WebAssembly; some browsers refuse to reserve it.
  for (const maximum of [65536, 32768, 16384]) {
    try {
      return new WebAssembly.Memory({ initial, maximum, shared: canShare });
    } catch {
      // try a smaller reservation next
    }
  }
  return new WebAssembly.Memory({ initial, maximum: 16384 });
}

let globalHeap: Heap | null = null;

/** The process-wide heap, created on first use. */
export function heap(): Heap {
  if (globalHeap === null) globalHeap = new Heap();
  return globalHeap;
}
