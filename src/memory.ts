/**
 * Where array data lives: one `WebAssembly.Memory` (the arena) shared with the WASM kernels,
 * managed by a size-class allocator in JS. Blocks are reached through a {@link Storage}
 * handle whose typed-array views are rebuilt whenever `memory.grow` detached the old buffer,
 * so no caller ever holds a stale view across an allocation.
 *
 * Safety without `dispose()`: V8 does not count WASM memory, so a loop that drops results
 * would grow the arena before any GC runs. Past a soft limit of live arena bytes, new blocks
 * are plain JS `ArrayBuffer`s instead: V8 sees their size, collects garbage, and the
 * `FinalizationRegistry` returns the dropped arena blocks, after which allocation goes back
 * to the arena.
 *
 * The default limit adapts (see {@link arenaLimitInForce}): a base that follows the machine
 * (an eighth of {@link arenaCap}, 64–512 MiB), raised by what the program frees explicitly
 * (`dispose`, `nd.scope`: bytes freed over the last two epochs of `base` allocated bytes),
 * lowered again by what the registry reclaims (dropped arrays), never past the cap (¾ of the
 * WASM memory maximum, at most a quarter of the machine's memory). Past it, a free block of
 * the right size class is still reused (no new memory); only then does an array go to a JS
 * buffer. A limit set with `nd.config({ arenaSoftLimit })` is fixed and strict instead.
 * @module
 */
import { DisposedError, invariant } from './errors.ts';

/** Element types: 8-byte floats, and bools stored one byte an element. */
export type DType = 'float64' | 'bool';

const PAGE_BYTES = 65536;
/** Bytes at the bottom of the memory kept for the WASM module's static data and scratch. */
export const RESERVED_BYTES = PAGE_BYTES;
const ALIGN = 16;
const INITIAL_PAGES = 256; // 16 MiB
/** Maxima tried in turn: 4 GiB of address space (wasm32's limit), reserved, not committed; less where the engine refuses. */
const MAXIMUM_PAGES_TRIED = [65536, 32768, 16384, 8192];
const MiB = 1024 * 1024;

function makeMemory(): [WebAssembly.Memory | null, number] {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.Memory !== 'function') return [null, 0];
  for (const maximum of MAXIMUM_PAGES_TRIED) {
    try {
      return [new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum }), maximum];
    } catch {
      // a smaller reservation may succeed
    }
  }
  return [null, 0];
}

/**
 * Bytes of memory of the machine (the process's cgroup limit when lower), 0 when unknown:
 * `os.totalmem()` and `process.constrainedMemory()` in Node (through `getBuiltinModule`, so
 * browsers never see a `node:` import), `navigator.deviceMemory` (GiB) in Chromium browsers.
 */
function machineMemory(): number {
  const g = globalThis as {
    process?: { getBuiltinModule?: (id: string) => unknown; constrainedMemory?: () => number | undefined };
    navigator?: { deviceMemory?: unknown };
  };
  try {
    const os = g.process?.getBuiltinModule?.('node:os') as { totalmem?: () => number } | undefined;
    let total = os?.totalmem?.() ?? 0;
    const constrained = g.process?.constrainedMemory?.() ?? 0;
    if (constrained > 0 && (total === 0 || constrained < total)) total = constrained;
    if (Number.isFinite(total) && total > 0) return total;
  } catch {
    // no Node APIs: try the browser's hint
  }
  const device = g.navigator?.deviceMemory;
  return typeof device === 'number' && device > 0 ? device * 1024 * MiB : 0;
}

/**
 * Machine memory assumed when it cannot be known (Firefox, Safari, Node before 20.16): 8 GiB,
 * which gives a cap of 2 GiB and the base of 256 MiB the fixed limit had before.
 */
const UNKNOWN_MACHINE_BYTES = 8192 * MiB;

/**
 * Rounds a byte count up to its size class: 16-byte steps below 256 bytes, then four classes
 * per power of two (2^k, 1.25·2^k, 1.5·2^k, 1.75·2^k), so at most 25 % is wasted.
 * @param bytes requested size
 * @returns the block size that will be used
 */
export function sizeClass(bytes: number): number {
  if (bytes <= 256) return bytes <= ALIGN ? ALIGN : (bytes + ALIGN - 1) & ~(ALIGN - 1);
  // 2^k ≤ bytes: clz32 for sizes below 2 GiB (Math.log2 is ~10× slower), log2 above.
  const pow = bytes < 0x80000000 ? 1 << (31 - Math.clz32(bytes)) : 2 ** Math.floor(Math.log2(bytes));
  const quarter = pow / 4;
  return Math.ceil(bytes / quarter) * quarter;
}

/**
 * What the finalizer of a registration group frees: the arena blocks of its storages, by
 * slot; a slot's pointer becomes -1 when its storage was freed explicitly.
 */
interface GroupHeld {
  readonly ptrs: number[];
  readonly bytes: number[];
  /** Slots not freed explicitly (joined minus `free()`d). */
  live: number;
}

/**
 * The object a registration group registers: every storage of the group holds it, so it
 * becomes unreachable only once all of them are.
 */
class GroupToken {
  constructor(readonly held: GroupHeld) {}
}

/** Blocks up to this size share registrations, up to {@link GROUP_SLOTS} / {@link GROUP_BYTES} a group. */
const GROUP_MAX_BLOCK = 16384;
const GROUP_SLOTS = 32;
/** Bound on what one live array can keep from being reclaimed: its group's blocks. */
const GROUP_BYTES = 65536;

/** The arena: the memory, its allocator, and the live-byte accounting. */
class Arena {
  readonly memory: WebAssembly.Memory | null;
  /** Most pages the memory may grow to (what the engine granted). */
  readonly maximumPages: number;
  /** Most live bytes the adaptive limit allows: ¾ of the maximum, at most a quarter of the machine. */
  readonly cap: number;
  /** The adaptive limit before any credit: an eighth of the cap, 64–512 MiB. */
  baseLimit: number;
  private f64View = new Float64Array(0);
  private u8View = new Uint8Array(0);
  top = RESERVED_BYTES;
  private readonly freeLists = new Map<number, number[]>();
  liveBytes = 0;
  liveBlocks = 0;
  /** Bytes on the free lists. */
  freeBytes = 0;
  /** A limit set by `nd.config({ arenaSoftLimit })` (strict), or -1: the adaptive limit. */
  fixedLimit = -1;
  /** Bytes allocated (arena or JS-backed) in the current epoch; an epoch ends every `baseLimit` bytes. */
  private epochAllocated = 0;
  /** Bytes freed explicitly (dispose, nd.scope) in the current and the previous epoch. */
  private freedNow = 0;
  private freedBefore = 0;

  constructor() {
    [this.memory, this.maximumPages] = makeMemory();
    const maxBytes = this.maximumPages * PAGE_BYTES;
    const machine = machineMemory() || UNKNOWN_MACHINE_BYTES;
    this.cap = Math.min(maxBytes * 0.75, machine / 4);
    this.baseLimit = Math.min(512 * MiB, Math.max(64 * MiB, Math.floor(this.cap / 8 / MiB) * MiB));
  }

  /** Live bytes past which a block needing new memory is refused (see module docs). */
  limit(): number {
    if (this.fixedLimit >= 0) return this.fixedLimit;
    return Math.min(this.cap, this.baseLimit + this.freedNow + this.freedBefore);
  }

  /** Counts an allocation (arena or JS-backed) towards the epoch. */
  noteAllocation(bytes: number): void {
    this.epochAllocated += bytes;
    if (this.epochAllocated >= this.baseLimit) {
      this.epochAllocated = 0;
      this.freedBefore = this.freedNow;
      this.freedNow = 0;
    }
  }

  /** Counts an explicit free (dispose, nd.scope; arena or JS-backed): evidence the program frees. */
  noteExplicitFree(bytes: number): void {
    this.freedNow += bytes;
  }

  /** Forgets the explicit-free credit and starts a new epoch. */
  resetCredit(): void {
    this.epochAllocated = 0;
    this.freedNow = 0;
    this.freedBefore = 0;
  }

  /** Counts blocks the registry reclaimed (arrays dropped without dispose): the credit shrinks. */
  noteReclaimed(bytes: number): void {
    const fromNow = Math.min(this.freedNow, bytes);
    this.freedNow -= fromNow;
    this.freedBefore = Math.max(0, this.freedBefore - (bytes - fromNow));
  }

  // Growing the memory detaches the old buffer, and a view of a detached buffer has length
  // 0: checking the length is cheaper than comparing `memory.buffer` (an API getter).

  /** The whole memory as float64; rebuilt when the memory grew. */
  f64(): Float64Array {
    if (this.f64View.length === 0) this.refresh();
    return this.f64View;
  }

  /** The whole memory as bytes; rebuilt when the memory grew. */
  u8(): Uint8Array {
    if (this.u8View.length === 0) this.refresh();
    return this.u8View;
  }

  private refresh(): void {
    const buffer = this.memory!.buffer;
    this.f64View = new Float64Array(buffer);
    this.u8View = new Uint8Array(buffer);
  }

  /**
   * Returns a block pointer, or -1 when the arena should not (soft limit) or cannot grow.
   * Past the adaptive limit a free block of the size class is still handed out (no new memory).
   */
  allocate(bytes: number): number {
    if (this.memory === null) return -1;
    let ptr: number;
    if (this.liveBytes + bytes <= this.limit()) ptr = this.carve(bytes);
    else if (this.fixedLimit < 0) ptr = this.reuse(bytes);
    else return -1;
    if (ptr >= 0) {
      this.liveBytes += bytes;
      this.liveBlocks++;
    }
    return ptr;
  }

  /** A free block of exactly `bytes` (a size class), or -1. */
  private reuse(bytes: number): number {
    const list = this.freeLists.get(bytes);
    if (list === undefined || list.length === 0) return -1;
    this.freeBytes -= bytes;
    return list.pop()!;
  }

  /** A block of `bytes` (a size class) from the free lists or the top, growing the memory; -1 when it cannot grow. */
  carve(bytes: number): number {
    if (this.memory === null) return -1;
    let ptr = this.reuse(bytes);
    if (ptr < 0) {
      const end = this.top + bytes;
      const have = this.memory.buffer.byteLength;
      if (end > have) {
        const needPages = Math.ceil((end - have) / PAGE_BYTES);
        const roomPages = this.maximumPages - have / PAGE_BYTES;
        // Near the maximum, growing by less than needed would hand out a block past the end.
        if (needPages > roomPages) return -1;
        const growPages = Math.min(Math.max(needPages, Math.ceil(have / PAGE_BYTES / 2)), roomPages);
        try {
          this.memory.grow(growPages);
        } catch {
          try {
            this.memory.grow(needPages);
          } catch {
            return -1;
          }
        }
      }
      ptr = this.top;
      this.top = end;
    }
    return ptr;
  }

  release(ptr: number, bytes: number): void {
    this.recycle(ptr, bytes);
    this.liveBytes -= bytes;
    this.liveBlocks--;
  }

  /** Puts a block on its free list (no live-byte accounting). */
  recycle(ptr: number, bytes: number): void {
    let list = this.freeLists.get(bytes);
    if (list === undefined) this.freeLists.set(bytes, (list = []));
    list.push(ptr);
    this.freeBytes += bytes;
  }
}

const arena = new Arena();

/** Returns the blocks of a group whose storages were all collected without `free()`. */
function releaseGroup(held: GroupHeld): void {
  let reclaimed = 0;
  for (let i = 0; i < held.ptrs.length; i++) {
    const ptr = held.ptrs[i]!;
    if (ptr >= 0) {
      arena.release(ptr, held.bytes[i]!);
      reclaimed += held.bytes[i]!;
    }
  }
  arena.noteReclaimed(reclaimed);
}

const registry = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry<GroupHeld>(releaseGroup) : null;

/**
 * `FinalizationRegistry.register` costs about as much as a whole small op (and `unregister`
 * as much again), so storages of small blocks allocated one after another share one
 * registration: a group token they all hold, registered once. The group's blocks return to
 * the arena when every storage of the group was collected (or freed explicitly, which
 * returns its block at once and marks its slot). Large blocks get a group of their own.
 * A live array keeps at most its group's blocks (≤ GROUP_BYTES) from coming back.
 */
let openToken: GroupToken | null = null;
let openBytes = 0;
let closePending = false;

/**
 * Forgets the open group at the end of the current job (a microtask), so a group that does
 * not fill up is not pinned by this module: its blocks can come back once its storages die.
 */
function closeOpenGroup(): void {
  openToken = null;
  closePending = false;
}

/** Puts a new arena block in a registration group (its slot is the last); returns the group's token. */
function joinGroup(ptr: number, bytes: number): GroupToken {
  if (bytes > GROUP_MAX_BLOCK) {
    const token = new GroupToken({ ptrs: [ptr], bytes: [bytes], live: 1 });
    registry?.register(token, token.held);
    return token;
  }
  let token = openToken;
  if (token !== null && token.held.live === 0 && (token.held.ptrs.length === GROUP_SLOTS || openBytes + bytes > GROUP_BYTES)) {
    // A full open group whose every block was freed explicitly (a dispose-as-you-go loop)
    // starts over under the same registration: its old storages are all freed, so none
    // touches its slot again. Saves a registration a group, and the held lists of dead
    // groups that pile up until a finalization task runs (never, in a synchronous loop):
    // in a loop of emptyArray([500]).dispose() the heap grew 1.5 MB a scavenge (2.7 ms
    // each), now flat (0.1 ms); 1K ops 2–7 % faster (A/B over 8 processes, 2026-12-03).
    token.held.ptrs.length = 0;
    token.held.bytes.length = 0;
    openBytes = 0;
  } else if (token === null || token.held.ptrs.length === GROUP_SLOTS || openBytes + bytes > GROUP_BYTES) {
    token = openToken = new GroupToken({ ptrs: [], bytes: [], live: 0 });
    openBytes = 0;
    registry?.register(token, token.held);
    if (!closePending && typeof queueMicrotask === 'function') {
      closePending = true;
      queueMicrotask(closeOpenGroup);
    }
  }
  token.held.ptrs.push(ptr);
  token.held.bytes.push(bytes);
  token.held.live++;
  openBytes += bytes;
  return token;
}

/** The value of every {@link Storage.cloneGuard}; its description is the DataCloneError's message. */
const CLONE_GUARD = Symbol(
  'an ndvec NdArray: its data lives in this thread\'s WebAssembly memory. Send a.toTransferable() and rebuild it with nd.array(received)',
);

/** Storages allocated inside each open `nd.scope`, innermost last. */
const scopeStack: Storage[][] = [];

/**
 * Called with every new Storage while `nd.profile` runs or `trackLeaks` is on (src/profile);
 * null otherwise, so an allocation pays one null check.
 */
let allocationHook: ((storage: Storage) => void) | null = null;

/** @internal Sets (or, with null, removes) the hook called with every new Storage (src/profile). */
export function setAllocationHook(hook: ((storage: Storage) => void) | null): void {
  allocationHook = hook;
}

/**
 * A block of array data: in the arena (`ptr >= 0`) or, past the soft limit or without
 * WebAssembly, in a JS typed array. Views of one array share one Storage.
 *
 * Read data through {@link Storage.f64} / {@link Storage.u8} plus {@link Storage.base}, and
 * fetch the view only after the last allocation of an operation: growing the memory
 * replaces the views.
 */
export class Storage {
  /** Byte offset in the arena, or -1 for a JS-backed block. */
  readonly ptr: number;
  /** Allocated bytes (the size class), 0 for JS-backed blocks. */
  readonly bytes: number;
  /** Element index of element 0 within the views {@link f64} / {@link u8} return. */
  readonly base: number;
  private readonly js: Float64Array | Uint8Array | null;
  /** The registration group of an arena block (kept alive by this storage), else null. */
  private readonly group: GroupToken | null;
  /** This block's slot in its group. */
  private readonly slot: number;
  private freed = false;
  /**
   * Makes `structuredClone(a)` and `postMessage(a)` throw a DataCloneError (a symbol value
   * cannot be cloned) instead of delivering this handle without the data: see
   * `a.toTransferable()`. An own enumerable property, so the clone algorithm meets it.
   */
  readonly cloneGuard: symbol = CLONE_GUARD;

  /**
   * @param dtype element type
   * @param length number of elements
   */
  constructor(
    readonly dtype: DType,
    readonly length: number,
  ) {
    const itemBytes = dtype === 'float64' ? 8 : 1;
    const want = length * itemBytes;
    const bytes = want === 0 ? 0 : sizeClass(want);
    const ptr = bytes === 0 ? -1 : arena.allocate(bytes);
    arena.noteAllocation(want);
    this.ptr = ptr;
    if (ptr >= 0) {
      this.bytes = bytes;
      this.base = ptr / itemBytes;
      this.js = null;
      const group = joinGroup(ptr, bytes);
      this.group = group;
      this.slot = group.held.ptrs.length - 1;
    } else {
      this.bytes = 0;
      this.base = 0;
      this.js = dtype === 'float64' ? new Float64Array(length) : new Uint8Array(length);
      this.group = null;
      this.slot = 0;
    }
    const scope = scopeStack[scopeStack.length - 1];
    if (scope !== undefined) scope.push(this);
    if (allocationHook !== null) allocationHook(this);
  }

  /** True when the data lives in the arena, where the WASM kernels can reach it. */
  get inArena(): boolean {
    return this.ptr >= 0;
  }

  /** True after {@link free}. */
  get isFreed(): boolean {
    return this.freed;
  }

  /** The float64 view holding this block (the whole arena, or the block's own array). */
  f64(): Float64Array {
    if (this.freed) throw new DisposedError();
    invariant(this.dtype === 'float64', 'f64() on a bool storage');
    return this.ptr >= 0 ? arena.f64() : (this.js as Float64Array);
  }

  /** The byte view holding this block (the whole arena, or the block's own array). */
  u8(): Uint8Array {
    if (this.freed) throw new DisposedError();
    invariant(this.dtype === 'bool', 'u8() on a float64 storage');
    return this.ptr >= 0 ? arena.u8() : (this.js as Uint8Array);
  }

  /** Zeroes the block's elements. */
  fill0(): this {
    const view = this.dtype === 'float64' ? this.f64() : this.u8();
    view.fill(0, this.base, this.base + this.length);
    return this;
  }

  /** Returns the block to the arena now. Idempotent. Later access throws DisposedError. */
  free(): void {
    if (this.freed) return;
    this.freed = true;
    if (this.group !== null) {
      this.group.held.ptrs[this.slot] = -1;
      this.group.held.live--;
      arena.release(this.ptr, this.bytes);
      arena.noteExplicitFree(this.bytes);
    } else {
      arena.noteExplicitFree(this.length * (this.dtype === 'float64' ? 8 : 1));
    }
  }
}

/** The arena's `WebAssembly.Memory`, or null where WebAssembly is missing. */
export function arenaMemory(): WebAssembly.Memory | null {
  return arena.memory;
}

/**
 * Scratch blocks: arena space the ops use to run WASM kernels on JS-backed arrays (copy in,
 * run, copy out; see src/ops/elementwise.ts, "staging"). Outside the soft limit and
 * `liveBytes`, reused across calls, grow-only per slot, at most {@link SCRATCH_CAP} bytes.
 */
const scratchPtrs: number[] = [];
const scratchSizes: number[] = [];
let scratchTotal = 0;
/** Most bytes all scratch blocks together may hold. */
export const SCRATCH_CAP = 64 * 1024 * 1024;

/**
 * Byte pointer (16-aligned) of scratch block `slot`, holding at least `bytes`; -1 when the
 * cap or the memory does not allow it. May grow the memory: reserve every block an op needs
 * before fetching views. The block's contents are whatever the last user left.
 * @param slot which block (0, 1, 2, …): blocks of distinct slots never overlap
 * @param bytes the size needed
 * @returns the pointer, or -1
 */
export function scratchBlock(slot: number, bytes: number): number {
  const have = scratchSizes[slot] ?? 0;
  if (bytes <= have) return scratchPtrs[slot]!;
  const size = sizeClass(bytes);
  if (scratchTotal - have + size > SCRATCH_CAP) return -1;
  const ptr = arena.carve(size);
  if (ptr < 0) return -1;
  if (have > 0) arena.recycle(scratchPtrs[slot]!, have);
  scratchPtrs[slot] = ptr;
  scratchSizes[slot] = size;
  scratchTotal += size - have;
  return ptr;
}

/** The whole memory as float64 (for copying into and out of scratch blocks). */
export function arenaF64(): Float64Array {
  return arena.f64();
}

/** The whole memory as bytes (for copying into and out of scratch blocks). */
export function arenaU8(): Uint8Array {
  return arena.u8();
}

/** Memory figures for `nd.info()`; `scratchBytes` is the staging scratch, not counted in `liveBytes`. */
export function memoryStats(): { arenaBytes: number; liveBytes: number; liveArrays: number; scratchBytes: number } {
  return {
    arenaBytes: arena.memory?.buffer.byteLength ?? 0,
    liveBytes: arena.liveBytes,
    liveArrays: arena.liveBlocks,
    scratchBytes: scratchTotal,
  };
}

/** @internal Bytes between the arena's top and the end of its memory (tests use it to force a grow). */
export function arenaRoom(): number {
  return arena.memory === null ? 0 : arena.memory.buffer.byteLength - arena.top;
}

/**
 * Sets a fixed, strict live-byte soft limit of the arena; the default value (what
 * {@link arenaSoftLimit} reports before any change) restores the adaptive limit (see module docs).
 */
export function setArenaSoftLimit(bytes: number): void {
  arena.fixedLimit = bytes === arena.baseLimit ? -1 : bytes;
}

/** The soft limit setting: the fixed limit, or the adaptive limit's base when none is set. */
export function arenaSoftLimit(): number {
  return arena.fixedLimit >= 0 ? arena.fixedLimit : arena.baseLimit;
}

/**
 * @internal The live-byte limit in force now, past which an array needing new arena memory
 * goes to a JS buffer: the fixed limit, or base + explicit-free credit, at most the cap.
 */
export function arenaLimitInForce(): number {
  return arena.limit();
}

/** @internal Most live bytes the adaptive limit ever allows (¾ of the WASM memory maximum, ≤ ¼ of the machine's memory). */
export function arenaCap(): number {
  return arena.cap;
}

/**
 * @internal Sets the adaptive limit's base (tests use it to reach the limit with small
 * arrays) and forgets the credit; returns the previous base.
 */
export function setArenaBaseLimit(bytes: number): number {
  const before = arena.baseLimit;
  arena.baseLimit = bytes;
  arena.resetCredit();
  return before;
}

/** @internal Bytes on the arena's free lists (blocks reusable without new memory). */
export function arenaFreeBytes(): number {
  return arena.freeBytes;
}

/** Opens a scope: storages allocated until {@link closeScope} are recorded. */
export function openScope(): void {
  scopeStack.push([]);
}

/**
 * Closes the innermost scope, freeing every storage it allocated except those in `keep`
 * (`'all'`: free none). Kept storages move to the enclosing scope, if any.
 */
export function closeScope(keep: ReadonlySet<Storage> | 'all'): void {
  const list = scopeStack.pop();
  invariant(list !== undefined, 'closeScope without openScope');
  const outer = scopeStack[scopeStack.length - 1];
  for (const s of list) {
    if (keep === 'all' || keep.has(s)) outer?.push(s);
    else s.free();
  }
}
