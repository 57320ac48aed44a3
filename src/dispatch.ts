/**
 * Dispatch machinery shared by every op family: operand and `out` checks, overlap tests,
 * the data and pointers kernels read (`dataOf`, `ptrOf`), whether WASM can run
 * (`wasmReady`, `WASM_MIN`), and staging of JS-backed arrays through WASM scratch blocks
 * (`reserveScratch`, `stageIn`, `stageOut`, `runStaged`). The layer between the kernels and
 * the ops: it imports kernels and memory, never an op.
 * @module
 */
import type { NdArray, Operand } from './ndarray.ts';
import { isNdArray } from './array-factory.ts';
import { ArgumentError, DTypeError, ShapeError, formatShape } from './errors.ts';
import { describe } from './args.ts';
import { arenaF64, arenaU8, scratchBlock, type DType } from './memory.ts';
import { broadcastStrides, sameShape } from './shape.ts';
import { type Data } from './kernels/js.ts';
import { activeKernels, onKernelsChange, wasmKernels } from './kernels/wasm.ts';
import { settings } from './config.ts';

/** Number operands, read by the kernels as one element (one slot per operand) with stride 0. */
const scalarF64 = new Float64Array(4);
const scalarU8 = new Uint8Array(4);

/**
 * @internal Throws unless `b` is a live NdArray or a number.
 * @param b the operand
 * @param name the op, for the message
 */
export function assertOperand(b: unknown, name: string): asserts b is Operand {
  if (isNdArray(b)) {
    b.assertLive();
    return;
  }
  if (typeof b !== 'number') {
    throw new ArgumentError(name, 'other', `the other operand must be an NdArray or a number, got ${describe(b)}`);
  }
}

/**
 * @internal Checks `out` against the result's shape and dtype, before anything is written.
 * @param name the op, for the message
 * @param out the array to write into
 * @param shape the result's shape
 * @param dtype the result's dtype
 * @throws ShapeError / DTypeError naming the shapes / dtypes; ReadOnlyError when `out` is read-only
 */
export function checkOut(name: string, out: NdArray, shape: readonly number[], dtype: DType): void {
  if (!(isNdArray(out))) throw new DTypeError(`${name}: out must be an NdArray`, typeof out);
  out.assertLive();
  out.assertWritable(name);
  if (!sameShape(out.shape, shape)) {
    throw new ShapeError(
      `${name}: out has shape ${formatShape(out.shape)} but the result has shape ${formatShape(shape)}`,
      [out.shape, shape],
    );
  }
  if (out.dtype !== dtype) {
    throw new DTypeError(`${name}: out has dtype ${out.dtype} but the result is ${dtype}`, out.dtype);
  }
}

/** Lowest and highest storage index a view touches. */
function span(a: NdArray): [number, number] {
  let lo = a.start;
  let hi = a.start;
  for (let d = 0; d < a.shape.length; d++) {
    const step = (a.shape[d]! - 1) * a.strides[d]!;
    if (step < 0) lo += step;
    else hi += step;
  }
  return [lo, hi];
}

/**
 * @internal True when writing `out` element by element could change elements of `input` not yet read:
 * same storage, overlapping spans, and not the identical layout (where each element is read
 * just before the same element is written).
 * @param input the input, read with `inStrides` over `shape`
 * @param out the output
 * @param shape the shape walked
 * @returns whether `input` must be copied first
 */
export function overlapsHarmfully(input: NdArray, inStrides: readonly number[], out: NdArray, shape: readonly number[]): boolean {
  if (input.storage !== out.storage || input.size === 0 || out.size === 0) return false;
  let identical = input.start === out.start;
  for (let d = 0; d < shape.length && identical; d++) identical = shape[d]! <= 1 || inStrides[d] === out.strides[d];
  if (identical) return false;
  const [lo1, hi1] = span(input);
  const [lo2, hi2] = span(out);
  return lo1 <= hi2 && lo2 <= hi1;
}

/**
 * @internal Data view, start index and strides over `shape` of an operand (a number reads as
 * a one-element array with stride 0). Call after the op's last allocation.
 * @param x the operand
 * @param dtype the operand's dtype (for a number: which scalar buffer)
 * @param shape the shape walked
 * @param slot distinct for each number operand of one op (0–3)
 * @returns the view, the index of element [0,…,0], the strides
 */
export function dataOf(x: NdArray | number, dtype: DType, shape: readonly number[], slot: number): [Data, number, readonly number[]] {
  if (typeof x === 'number') {
    const zeros = new Array<number>(shape.length).fill(0);
    if (dtype === 'bool') {
      scalarU8[slot] = x !== 0 ? 1 : 0;
      return [scalarU8, slot, zeros];
    }
    scalarF64[slot] = x;
    return [scalarF64, slot, zeros];
  }
  return [dtype === 'bool' ? x.u8() : x.f64(), x.start, broadcastStrides(x.shape, x.strides, shape)];
}

/** WASM kernels by export name, called with byte pointers, counts and scalars. */
type KernelTable = Record<string, ((...args: number[]) => unknown) | undefined>;

/**
 * @internal The WASM kernels as a name → function table, or null when WASM is off or did
 * not load.
 */
export function kernelTable(): KernelTable | null {
  return activeKernels() as unknown as KernelTable | null;
}

/**
 * @internal True when `a` lies in the arena, C-contiguous, with exactly `shape`.
 * @param a the array
 * @param shape the shape it must have
 */
export function wasmReady(a: NdArray, shape: readonly number[]): boolean {
  return a.storage.inArena && a.isContiguous && (a.shape === shape || sameShape(a.shape, shape));
}

/**
 * @internal The single value of a number or a one-element array (0/1 for bool), or null.
 * @param x the operand
 */
export function scalarValue(x: NdArray | number): number | null {
  if (typeof x === 'number') return x;
  if (x.size !== 1) return null;
  return x.dtype === 'bool' ? x.u8()[x.start]! : x.f64()[x.start]!;
}

/** @internal Byte pointer of element [0,…,0] of an arena array (see src/kernels/wasm.ts). */
export function ptrOf(a: NdArray): number {
  return a.storage.dtype === 'float64' ? a.start * 8 : a.start;
}

/**
 * @internal A WASM kernel of the loaded module by export name (whether or not WASM is
 * switched on now), or null.
 * @param name the export
 */
export function wasmExport<F>(name: string | undefined): F | null {
  if (wasmKernels === null || name === undefined) return null;
  return ((wasmKernels as unknown as Record<string, F | undefined>)[name] ?? null);
}

/**
 * @internal Smallest result size at which each kernel family runs as WASM rather than as JS
 * loops. All 0: WASM ties or wins from one element up (`node --import tsx
 * scripts/elementwise-thresholds.ts`; docs/design.md, "Element-wise: JS or WASM").
 */
export const WASM_MIN = {
  binary: 0,
  compare: 0,
  unarySimple: 0,
  unaryTranscendental: 0,
  compress: 0,
  select: 0,
};

/**
 * Op families for staging JS-backed arrays through scratch blocks (see {@link runStaged}).
 */
export type StageFamily =
  | 'binary' | 'logical' | 'compare' | 'predicate' | 'unarySimple' | 'unaryTranscendental' | 'convert'
  | 'select' | 'compress' | 'count' | 'setWhere';

/**
 * @internal Smallest size at which an op of each family with a JS-backed operand or result
 * runs as WASM on scratch copies rather than on the JS loops; Infinity: never. All 0:
 * staged WASM won for every family at 1K, 100K and 1M (`node --import tsx
 * scripts/staging-thresholds.ts`; docs/design.md, "Staging JS-backed arrays through WASM").
 */
export const STAGE_MIN: Record<StageFamily, number> = {
  binary: 0,
  logical: 0,
  compare: 0,
  predicate: 0,
  unarySimple: 0,
  unaryTranscendental: 0,
  convert: 0,
  select: 0,
  compress: 0,
  count: 0,
  setWhere: 0,
};

/** @internal Elements staged per chunk: blocks of 8 × this many bytes, which stay in cache. */
export const STAGE_CHUNK = 16384;

/** @internal Staged WASM calls by family (one per op call), for tests. */
export const stagedCalls: Record<StageFamily, number> = {
  binary: 0, logical: 0, compare: 0, predicate: 0, unarySimple: 0, unaryTranscendental: 0, convert: 0,
  select: 0, compress: 0, count: 0, setWhere: 0,
};

/**
 * @internal Reserves `slots` scratch blocks of a chunk each (may grow the memory: call
 * after the op's last allocation, before fetching views).
 * @returns false when the scratch cap or the memory does not allow it
 */
export function reserveScratch(slots: number): boolean {
  for (let s = 0; s < slots; s++) if (scratchBlock(s, STAGE_CHUNK * 8) < 0) return false;
  return true;
}

/**
 * @internal Byte pointer of elements [off, off + len) of contiguous `a` for a kernel: its
 * own in the arena, else scratch block `slot` with the elements copied in (when `copy`).
 */
export function stageIn(a: NdArray, off: number, len: number, slot: number, copy: boolean): number {
  const f64 = a.storage.dtype === 'float64';
  if (a.storage.inArena) return (a.start + off) * (f64 ? 8 : 1);
  const ptr = scratchBlock(slot, STAGE_CHUNK * 8);
  if (copy) {
    const from = a.start + off;
    if (f64) arenaF64().set(a.f64().subarray(from, from + len), ptr / 8);
    else arenaU8().set(a.u8().subarray(from, from + len), ptr);
  }
  return ptr;
}

/**
 * @internal Copies `len` elements a kernel wrote at byte pointer `ptr` (a scratch block)
 * into elements [off, off + len) of contiguous `a`; nothing when `a` is in the arena.
 */
export function stageOut(a: NdArray, off: number, len: number, ptr: number): void {
  if (a.storage.inArena) return;
  const to = a.start + off;
  if (a.storage.dtype === 'float64') a.f64().set(arenaF64().subarray(ptr / 8, ptr / 8 + len), to);
  else a.u8().set(arenaU8().subarray(ptr, ptr + len), to);
}

/** Pointers handed to a staged call (reused: calls never nest). */
const stagedPtrs: number[] = [];

/**
 * @internal Runs a WASM kernel on contiguous arrays of which some are JS-backed: in chunks
 * of {@link STAGE_CHUNK} elements, each JS-backed input is copied into a scratch block, the
 * kernel runs on arena/scratch pointers, and a JS-backed output is copied out. An output
 * sharing storage and start with an input (in place) uses that input's pointer. Call after
 * the op's last allocation. Counted in {@link stagedCalls}.
 * @param family the op's family (its {@link STAGE_MIN} decides)
 * @param n elements of every array
 * @param inputs arrays read, each contiguous with `n` elements
 * @param output array written (contiguous, `n` elements), or null
 * @param call the kernel on `ptrs` (inputs, then output) for `len` elements
 * @returns false when it did not run (size below the family's minimum, no scratch)
 */
export function runStaged(
  family: StageFamily, n: number, inputs: readonly NdArray[], output: NdArray | null,
  call: (ptrs: readonly number[], len: number) => void,
): boolean {
  const m = inputs.length;
  if (n < STAGE_MIN[family] || !reserveScratch(m + 1)) return false;
  stagedCalls[family]++;
  let shared = -1;
  if (output !== null) {
    for (let i = 0; i < m && shared < 0; i++) {
      if (inputs[i]!.storage === output.storage && inputs[i]!.start === output.start) shared = i;
    }
  }
  const ptrs = stagedPtrs;
  ptrs.length = m + (output === null ? 0 : 1);
  for (let off = 0; off < n; off += STAGE_CHUNK) {
    const len = Math.min(STAGE_CHUNK, n - off);
    for (let i = 0; i < m; i++) ptrs[i] = stageIn(inputs[i]!, off, len, i, true);
    if (output === null) {
      call(ptrs, len);
      continue;
    }
    const po = shared >= 0 ? ptrs[shared]! : stageIn(output, off, len, m, false);
    ptrs[m] = po;
    call(ptrs, len);
    stageOut(output, off, len, po);
  }
  return true;
}

/** @internal True when `a` is C-contiguous with exactly `shape` (in the arena or not). */
export function fullLayout(a: NdArray, shape: readonly number[]): boolean {
  return a.isContiguous && (a.shape === shape || sameShape(a.shape, shape));
}

/**
 * @internal Frees `used` when it is a temporary made from `given` (a conversion or a copy).
 * @param used what the op read
 * @param given what the caller passed
 */
export function disposeTemporary(used: NdArray | number | null, given: NdArray | number | null): void {
  if (used !== given && isNdArray(used)) used.dispose();
}
