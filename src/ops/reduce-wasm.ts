/**
 * The WebAssembly fast paths of the reductions, scans and matrix products: when they apply
 * (kernels loaded and enabled, operands and result in the arena, a layout the kernels take,
 * enough elements) and the calls themselves. Each `try…` function returns false when it did
 * nothing, and the caller then runs the JS kernels (src/ops/reduce.ts, src/ops/linalg.ts).
 *
 * Layouts: the kernels see a C-contiguous array as a rows×cols block. Reducing every axis is
 * one `<op>(p, n)` call; reducing the leading axes is `<op>_first` (rows = product of the
 * reduced axes, cols = product of the kept ones); reducing the trailing axes is `<op>_last`.
 * Size-1 axes may sit anywhere (they do not move memory). Everything else (strided views,
 * middle axes, bool input, JS-backed storage, small sizes) stays on the JS kernels.
 *
 * The size thresholds below were measured with `node --import tsx scripts/reduce-thresholds.ts`
 * (JS vs WASM side by side at 16…4096 elements); see docs/design.md, "Reductions: JS or WASM".
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { Storage, arenaF64, scratchBlock } from '../memory.ts';
import { activeKernels, bytePointer, type WasmKernels } from '../kernels/wasm.ts';
import { pairwiseHalf, rowsTree, rowsTreeSlots } from '../kernels/js-reduce.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import { STAGE_CHUNK, reserveScratch, stageIn } from '../dispatch.ts';

/** Kernel families with their own size threshold. */
export type WasmReduceFamily = 'sum' | 'extreme' | 'nanmean' | 'var' | 'arg' | 'scan' | 'bool' | 'matmul' | 'dot';

/**
 * Smallest input size (elements; for `matmul` the product m·k·n) from which each family runs
 * on WASM. Mutable so the threshold script can set them to 0; not part of the public API.
 */
export const WASM_REDUCE_THRESHOLDS: Record<WasmReduceFamily, number> = {
  sum: 16,
  extreme: 64,
  nanmean: 16,
  var: 16,
  arg: 16,
  scan: 16,
  bool: 16,
  matmul: 128,
  dot: 16,
};

/**
 * How many kernel calls each family made (counted on every successful dispatch). Read by
 * tests to check that the WASM path is really taken; not part of the public API.
 */
export const wasmReduceCalls: Record<WasmReduceFamily, number> = {
  sum: 0, extreme: 0, nanmean: 0, var: 0, arg: 0, scan: 0, bool: 0, matmul: 0, dot: 0,
};

/** A C-contiguous array seen as a rows×cols block, reduced whole, over rows or over columns. */
export interface BlockLayout {
  /** `'whole'`: every element to one value; `'first'`: out[c] over the rows; `'last'`: out[r] over the columns. */
  readonly kind: 'whole' | 'first' | 'last';
  readonly rows: number;
  readonly cols: number;
}

/**
 * The block layout of a reduction of a C-contiguous array of `shape` over the axes flagged
 * in `reduced`, or null when the reduced axes are neither leading nor trailing (size-1 axes
 * ignored).
 * @param shape the array's shape
 * @param reduced one flag an axis
 * @returns the layout or null
 * @example
 * blockLayout([4, 5, 6], [true, false, false]); // { kind: 'first', rows: 4, cols: 30 }
 * blockLayout([4, 5, 6], [false, true, true]);  // { kind: 'last', rows: 4, cols: 30 }
 */
export function blockLayout(shape: readonly number[], reduced: readonly boolean[]): BlockLayout | null {
  let reducedSize = 1;
  let keptSize = 1;
  let seenReduced = false;
  let seenKept = false;
  let leading = true; // reduced axes (so far) all come before kept ones
  let trailing = true; // kept axes (so far) all come before reduced ones
  for (let k = 0; k < shape.length; k++) {
    const d = shape[k]!;
    if (reduced[k]) reducedSize *= d;
    else keptSize *= d;
    if (d === 1) continue;
    if (reduced[k]) {
      if (seenKept) leading = false;
      seenReduced = true;
    } else {
      if (seenReduced) trailing = false;
      seenKept = true;
    }
  }
  if (!seenKept) return { kind: 'whole', rows: 1, cols: reducedSize * keptSize };
  if (leading) return { kind: 'first', rows: reducedSize, cols: keptSize };
  if (trailing) return { kind: 'last', rows: keptSize, cols: reducedSize };
  return null;
}

/** The kernels when `a` is float64 (or `dtype`), C-contiguous, in the arena and big enough. */
function kernelsFor(a: NdArray, family: WasmReduceFamily, size: number, dtype = 'float64'): WasmKernels | null {
  const k = activeKernels();
  if (k === null || a.dtype !== dtype || !a.storage.inArena || !a.isContiguous) return null;
  if (size < WASM_REDUCE_THRESHOLDS[family] || size === 0) return null;
  return k;
}

/** Reductions that have a WASM kernel. */
export type WasmReduceName =
  | 'sum' | 'prod' | 'mean' | 'min' | 'max' | 'std' | 'var' | 'any' | 'all'
  | 'nansum' | 'nanmean' | 'nanmin' | 'nanmax';

/** Reductions whose kernels (`<op>(p, n)`, `_last`, `_first`) fold in any order or in rows. */
type PlainKernel = 'prod' | 'min' | 'max' | 'any' | 'all' | 'nanmin' | 'nanmax';

const FAMILY: Record<WasmReduceName, WasmReduceFamily> = {
  sum: 'sum', prod: 'sum', mean: 'sum', nansum: 'sum',
  min: 'extreme', max: 'extreme', nanmin: 'extreme', nanmax: 'extreme', any: 'extreme', all: 'extreme',
  nanmean: 'nanmean', var: 'var', std: 'var',
};

/** How partial results of a staged whole reduction combine (chunks in order). */
const COMBINE: Record<PlainKernel, (x: number, y: number) => number> = {
  prod: (x, y) => x * y,
  min: Math.min, // NaN propagates; min(0, -0) is -0, as the kernels
  max: Math.max,
  nanmin: (x, y) => (x !== x ? y : y !== y ? x : Math.min(x, y)),
  nanmax: (x, y) => (x !== x ? y : y !== y ? x : Math.max(x, y)),
  any: (x, y) => (x !== 0 || y !== 0 ? 1 : 0),
  all: (x, y) => (x !== 0 && y !== 0 ? 1 : 0),
};

/**
 * @internal Reductions staged through scratch (JS-backed input or result) by call, for tests.
 */
export const stagedReduceCalls = { reduce: 0, arg: 0, matmul: 0, scan: 0 };

/** Where a reduction's results go: a float64 block (or, for one output, nothing yet). */
interface ReduceTarget {
  /** The result array, C-contiguous (null: the caller returns a scalar). */
  readonly result: NdArray | null;
  readonly scalarOut: Float64Array;
}

/** Scratch slots a reduction uses (src/memory.ts `scratchBlock`; calls never nest). */
const SLOT_INPUT = 0;
const SLOT_RESULT = 1;
const SLOT_ROWS = 2;

/** A contiguous float64 input of a WASM reduction: in the arena, or read through scratch chunks. */
interface Source {
  readonly k: WasmKernels;
  readonly a: NdArray;
  /** Byte pointer of element 0 in the arena, or -1 (JS-backed: staged by chunks). */
  readonly p: number;
}

/**
 * Byte pointer of elements [off, off + len) of the source for a kernel: in place, or copied
 * into the input scratch block (len ≤ STAGE_CHUNK).
 */
function chunkPointer(src: Source, off: number, len: number): number {
  return src.p >= 0 ? src.p + off * 8 : stageIn(src.a, off, len, SLOT_INPUT, true);
}

/**
 * A pairwise sum kernel over elements [off, off + n) of the source: one call in the arena;
 * staged, split at the pairwise halving points down to chunks, so the bits do not change.
 */
function pairwiseOver(src: Source, off: number, n: number, kernel: (p: number, n: number) => number): number {
  if (src.p >= 0 || n <= STAGE_CHUNK) return kernel(chunkPointer(src, off, n), n);
  const half = pairwiseHalf(n);
  return pairwiseOver(src, off, half, kernel) + pairwiseOver(src, off + half, n - half, kernel);
}

/** Non-NaN count of elements [off, off + n) (exact, any chunking). */
function countOver(src: Source, off: number, n: number): number {
  if (src.p >= 0) return src.k.count_nonnan(src.p + off * 8, n);
  let count = 0;
  for (let o = 0; o < n; o += STAGE_CHUNK) {
    const len = Math.min(STAGE_CHUNK, n - o);
    count += src.k.count_nonnan(chunkPointer(src, off + o, len), len);
  }
  return count;
}

/**
 * Value of reduction `name` over elements [off, off + n) of the source (n ≥ 1): the same
 * formulas as the JS engine in src/ops/reduce.ts (`0 +` a pairwise sum, then the division).
 */
function wholeValue(name: WasmReduceName, src: Source, off: number, n: number, ddof: number): number {
  const { k } = src;
  switch (name) {
    case 'sum':
    case 'nansum':
      return 0 + pairwiseOver(src, off, n, name === 'sum' ? k.sum : k.nansum);
    case 'mean':
      return (0 + pairwiseOver(src, off, n, k.sum)) / n;
    case 'nanmean':
      return (0 + pairwiseOver(src, off, n, k.nansum)) / countOver(src, off, n);
    case 'var':
    case 'std': {
      const center = (0 + pairwiseOver(src, off, n, k.sum)) / n;
      const v = (0 + pairwiseOver(src, off, n, (p, len) => k.sq_dev(p, len, center))) / (n - ddof);
      return name === 'std' ? Math.sqrt(v) : v;
    }
    default: {
      const kernel = k[name];
      if (src.p >= 0) return kernel(src.p + off * 8, n);
      let acc = NaN;
      for (let o = 0; o < n; o += STAGE_CHUNK) {
        const len = Math.min(STAGE_CHUNK, n - o);
        const v = kernel(chunkPointer(src, off + o, len), len);
        acc = o === 0 ? v : COMBINE[name](acc, v);
      }
      return acc;
    }
  }
}

/**
 * Runs reduction `name` of `a` on WASM when it applies, writing into `result` (float64 or,
 * for any/all, bool) or, when `result` is null, into `target.scalarOut[0]`. A JS-backed
 * input (past the arena's soft limit) is staged through scratch chunks and a JS-backed
 * result computed in scratch and copied out, with the same bits as in the arena: the
 * pairwise sums split where the kernels would, the rows tree is the JS engine's
 * ({@link rowsTree}). Not staged (JS engine): prod over leading axes of a JS-backed input
 * (blocks of rows would round differently from the in-order product).
 * @param name the reduction
 * @param a the input
 * @param reduced one flag an axis
 * @param count number of elements folded into each output
 * @param ddof delta degrees of freedom (var/std)
 * @param target the result array or the scalar slot
 * @returns true when the kernels did the work
 * @example
 * if (!tryWasmReduce('sum', a, [true], a.size, 0, { result: null, scalarOut })) runJs();
 */
export function tryWasmReduce(
  name: WasmReduceName, a: NdArray, reduced: readonly boolean[], count: number, ddof: number, target: ReduceTarget,
): boolean {
  const isVar = name === 'var' || name === 'std';
  if (isVar && !(count - ddof > 0)) return false; // the JS path gives NaN there
  const { result } = target;
  if (a.dtype === 'bool') return tryBoolReduce(name, a, reduced, target);
  const k = activeKernels();
  if (k === null || a.dtype !== 'float64' || !a.isContiguous || a.size === 0 || a.size < WASM_REDUCE_THRESHOLDS[FAMILY[name]]) return false;
  if (result !== null && !result.isContiguous) return false;
  const layout = blockLayout(a.shape, reduced);
  if (layout === null) return false;
  const { kind, rows, cols } = layout;
  const staged = !a.storage.inArena;
  const sumLike = !(name in COMBINE);
  if (staged && kind === 'first' && name === 'prod') return false; // blocks would round differently
  // prod is in order along a line (NumPy's sequential multiply): chunks of a staged line would
  // combine out of order, so a JS-backed input's whole/trailing prod runs on the JS kernels
  if (staged && kind !== 'first' && name === 'prod') return false;

  // Every scratch block before the first view is fetched (a new block may grow the memory).
  const outputs = kind === 'whole' ? 1 : kind === 'first' ? cols : rows;
  const direct = result !== null && result.storage.inArena && result.dtype === 'float64';
  const outPtr = kind === 'whole' || direct ? -1 : scratchBlock(SLOT_RESULT, outputs * 8);
  const rowsLayout = kind === 'first' && sumLike ? firstLayout(name, rows, cols, direct, staged) : null;
  // Scratch rows: the rows tree's (sum-like), or one block's partial row (staged min/max/…).
  const rowsBytes = rowsLayout?.bytes ?? (kind === 'first' && staged ? Math.min(cols, STAGE_CHUNK) * 8 : 0);
  const rowsPtr = rowsBytes === 0 ? 0 : scratchBlock(SLOT_ROWS, rowsBytes);
  if ((staged && !reserveScratch(1)) || (outPtr < 0 && kind !== 'whole' && !direct) || rowsPtr < 0) return false;
  const src: Source = { k, a, p: bytePointer(a) };

  if (kind === 'whole') {
    const value = wholeValue(name, src, 0, cols, ddof);
    if (result === null) target.scalarOut[0] = value;
    else if (result.dtype === 'bool') result.u8()[result.start] = value !== 0 ? 1 : 0;
    else result.f64()[result.start] = value;
  } else {
    const out = direct ? bytePointer(result!) : outPtr;
    if (kind === 'last') reduceLast(name, src, rows, cols, ddof, out);
    else if (sumLike) reduceFirstPairwise(name, src, rows, cols, ddof, out, rowsPtr, rowsLayout!);
    else if (!staged) k[`${name as PlainKernel}_first`](src.p, rows, cols, out);
    else stagedFirst(src, rows, cols, rowsPtr, out, k[`${name as PlainKernel}_first`], (into, from, n, c0) => {
      const f = arenaF64();
      const combine = COMBINE[name as PlainKernel];
      for (let c = 0; c < n; c++) f[into + c0 + c] = combine(f[into + c0 + c]!, f[from + c]!);
    });
    if (name === 'std' && kind === 'last') {
      const f = arenaF64();
      for (let i = out / 8, end = i + outputs; i < end; i++) f[i] = Math.sqrt(f[i]!);
    }
    if (!direct) copyResult(out, result!, outputs);
  }
  if (staged || (result !== null && !result.storage.inArena)) stagedReduceCalls.reduce++;
  wasmReduceCalls[FAMILY[name]]++;
  return true;
}

/** Reduces each of `rows` rows of `cols` elements into out[r] (byte pointer `out`). */
function reduceLast(name: WasmReduceName, src: Source, rows: number, cols: number, ddof: number, out: number): void {
  const { k } = src;
  const rowsPerChunk = Math.floor(STAGE_CHUNK / cols);
  if (src.p >= 0 || rowsPerChunk > 0) {
    // Whole rows at a time: in place, or as many rows as a chunk holds.
    const step = src.p >= 0 ? rows : rowsPerChunk;
    for (let r = 0; r < rows; r += step) {
      const nr = Math.min(step, rows - r);
      const p = chunkPointer(src, r * cols, nr * cols);
      const o = out + r * 8;
      if (name === 'var' || name === 'std') k.variance_last(p, nr, cols, ddof, o);
      else k[`${name}_last`](p, nr, cols, o);
    }
    return;
  }
  // Rows longer than a chunk: each row as a whole reduction.
  for (let r = 0; r < rows; r++) {
    const v = wholeValue(name === 'std' ? 'var' : name, src, r * cols, cols, ddof);
    arenaF64()[out / 8 + r] = v;
  }
}

/** Scratch rows of a leading-axis sum-like reduction: the accumulators and the extras. */
interface FirstLayout {
  /** Accumulator rows of the rows tree in scratch (slot 0 is the result itself when direct). */
  readonly tempRows: number;
  /** Whether slot 0 is the result (float64 in the arena). */
  readonly direct: boolean;
  /** A centre (var/std) or count (nanmean) row. */
  readonly extraRows: number;
  /** Elements of the strip row used when staging (a chunk of one row, or counts). */
  readonly stripElements: number;
  /** Total scratch bytes. */
  readonly bytes: number;
}

function firstLayout(name: WasmReduceName, rows: number, cols: number, direct: boolean, staged: boolean): FirstLayout {
  const tempRows = rowsTreeSlots(rows) - (direct ? 1 : 0);
  const extraRows = name === 'var' || name === 'std' || name === 'nanmean' ? 1 : 0;
  const stripElements = staged ? Math.min(cols, STAGE_CHUNK) : 0;
  return { tempRows, direct, extraRows, stripElements, bytes: ((tempRows + extraRows) * cols + stripElements) * 8 };
}

/**
 * Sum-like reduction over the rows of a rows×cols block (leading axes reduced), into
 * out[c]: the JS engine's blocked-pairwise {@link rowsTree}, leaves on `<op>_first`
 * kernels (in place, a chunk of rows staged, or row by row in strips for wide rows), the
 * accumulators in scratch at `rowsPtr` (slot 0 in the result itself when it is a float64
 * arena array); then the op's finishing division, in place.
 */
function reduceFirstPairwise(
  name: WasmReduceName, src: Source, rows: number, cols: number, ddof: number, out: number, rowsPtr: number, layout: FirstLayout,
): void {
  const { k } = src;
  const bytes = cols * 8;
  const slot = (i: number): number => (layout.direct ? (i === 0 ? out : rowsPtr + (i - 1) * bytes) : rowsPtr + i * bytes);
  const extra = rowsPtr + layout.tempRows * bytes; // centre (var/std) or count (nanmean) row
  const strip = extra + layout.extraRows * bytes; // one staged strip's terms or counts
  const combine = (into: number, from: number): void => k.add_vv(slot(into), slot(from), slot(into), cols);
  const runTree = (leafKernel: (p: number, n: number, width: number, c0: number, to: number) => void): void => {
    rowsTree(0, rows, 0, (lo, n, i) => {
      const to = slot(i);
      if (src.p >= 0 || n * cols <= STAGE_CHUNK) {
        leafKernel(chunkPointer(src, lo * cols, n * cols), n, cols, 0, to);
        return;
      }
      // Wide rows: +0, then each row's terms (0 + term) added in order, a strip at a time.
      k.fill_f64(to, cols, 0);
      for (let r = lo; r < lo + n; r++) {
        for (let c0 = 0; c0 < cols; c0 += STAGE_CHUNK) {
          const w = Math.min(STAGE_CHUNK, cols - c0);
          leafKernel(chunkPointer(src, r * cols + c0, w), 1, w, c0, strip);
          k.add_vv(to + c0 * 8, strip, to + c0 * 8, w);
        }
      }
    }, combine);
  };
  const acc = slot(0) / 8;
  const o = out / 8;
  if (name === 'var' || name === 'std') {
    runTree((p, n, w, _c0, to) => k.sum_first(p, n, w, to));
    k.div_vs(slot(0), rows, extra, cols); // the centres
    runTree((p, n, w, c0, to) => k.sq_dev_first(p, n, w, extra + c0 * 8, to));
    const view = arenaF64();
    const divisor = rows - ddof;
    for (let c = 0; c < cols; c++) {
      const v = view[acc + c]! / divisor;
      view[o + c] = name === 'std' ? Math.sqrt(v) : v;
    }
    return;
  }
  if (name === 'nanmean') {
    // Counts are exact in any order: one pass over the rows (chunked when staged).
    if (src.p >= 0) {
      k.count_first(src.p, rows, cols, extra);
    } else {
      k.fill_f64(extra, cols, 0);
      forEachRowBlock(src, rows, cols, (p, _r, nr, c0, w) => {
        k.count_first(p, nr, w, strip);
        k.add_vv(extra + c0 * 8, strip, extra + c0 * 8, w);
      });
    }
  }
  runTree((p, n, w, _c0, to) => (name === 'nansum' || name === 'nanmean' ? k.nansum_first : k.sum_first)(p, n, w, to));
  if (name === 'mean') k.div_vs(slot(0), rows, out, cols);
  else if (name === 'nanmean') k.div_vv(slot(0), extra, out, cols);
  else if (slot(0) !== out) k.copy_f64(slot(0), out, cols);
}

/**
 * Walks a JS-backed rows×cols block for a leading-axis reduction: blocks of whole rows
 * (narrow rows) or strips of one row (wide rows), each copied into the input chunk;
 * `visit(p, r, nr, c0, w)` gets the chunk's pointer, its first row and row count, its first
 * column and width. Blocks come in row order.
 */
function forEachRowBlock(src: Source, rows: number, cols: number, visit: (p: number, r: number, nr: number, c0: number, w: number) => void): void {
  const rowsPerChunk = Math.max(1, Math.floor(STAGE_CHUNK / cols));
  for (let r = 0; r < rows; r += rowsPerChunk) {
    const nr = Math.min(rowsPerChunk, rows - r);
    for (let c0 = 0; c0 < cols; c0 += STAGE_CHUNK) {
      const w = Math.min(STAGE_CHUNK, cols - c0);
      visit(chunkPointer(src, r * cols + c0, nr === 1 ? w : nr * cols), r, nr, c0, w);
    }
  }
}

/**
 * A leading-axis reduction of a JS-backed block through scratch: the `_first` kernel
 * reduces each block of {@link forEachRowBlock} into a partial row at `partial` (the first
 * block straight into `out`), and `combine` folds the partial (float64 index `from`, `n`
 * elements) into the result (float64 index `into + c0`).
 */
function stagedFirst(
  src: Source, rows: number, cols: number, partial: number, out: number,
  kernel: (p: number, rows: number, cols: number, out: number) => void,
  combine: (into: number, from: number, n: number, c0: number) => void,
): void {
  forEachRowBlock(src, rows, cols, (p, r, nr, c0, w) => {
    if (r === 0) {
      kernel(p, nr, w, out + c0 * 8);
      return;
    }
    kernel(p, nr, w, partial);
    combine(out / 8, partial / 8, w, c0);
  });
}

/** Copies `n` float64 results at scratch byte pointer `from` into `result` (float64 or bool). */
function copyResult(from: number, result: NdArray, n: number): void {
  const f = arenaF64();
  const at = from / 8;
  if (result.dtype === 'bool') {
    const bytes = result.u8();
    for (let i = 0; i < n; i++) bytes[result.start + i] = f[at + i] !== 0 ? 1 : 0;
  } else {
    result.f64().set(f.subarray(at, at + n), result.start);
  }
}

/** sum/any/all/mean over a whole contiguous bool array: one `count_true` call. */
function tryBoolReduce(name: WasmReduceName, a: NdArray, reduced: readonly boolean[], target: ReduceTarget): boolean {
  if (name !== 'sum' && name !== 'any' && name !== 'all' && name !== 'mean') return false;
  const k = kernelsFor(a, 'bool', a.size, 'bool');
  if (k === null || blockLayout(a.shape, reduced)?.kind !== 'whole') return false;
  const n = a.size;
  const trues = k.count_true(bytePointer(a), n) >>> 0;
  const value = name === 'sum' ? trues : name === 'mean' ? trues / n : name === 'any' ? (trues > 0 ? 1 : 0) : trues === n ? 1 : 0;
  const { result } = target;
  if (result === null) target.scalarOut[0] = value;
  else if (result.dtype === 'bool') result.u8()[result.start] = value;
  else result.f64()[result.start] = value;
  wasmReduceCalls.bool++;
  return true;
}

/**
 * argmin/argmax on WASM: over a whole contiguous array (`axis` null) or along one axis
 * (into `result`): the last axis (`argm…_last`, one row a result) or the leading axis
 * (`argm…_first` with a scratch row of running extremes), size-1 axes aside. A JS-backed
 * input is staged through scratch chunks (whole array, last axis, blocks of rows for the
 * leading axis), a JS-backed result computed in scratch and copied out.
 * @param isMax argmax rather than argmin
 * @param a the input (non-empty)
 * @param axis null for the flattened array, else the normalised axis
 * @param result the index array (null for the flattened case)
 * @returns the flat index (flattened case), true (done along the axis), or null (take the JS path)
 * @example
 * const i = tryWasmArgReduce(true, a, null, null); // number | true | null
 */
export function tryWasmArgReduce(isMax: boolean, a: NdArray, axis: number | null, result: NdArray | null): number | true | null {
  const k = activeKernels();
  if (k === null || a.dtype !== 'float64' || !a.isContiguous || a.size === 0 || a.size < WASM_REDUCE_THRESHOLDS.arg) return null;
  const staged = !a.storage.inArena;
  if (axis === null) {
    if (staged && !reserveScratch(1)) return null;
    wasmReduceCalls.arg++;
    if (staged) stagedReduceCalls.arg++;
    return argExtremeOver(k, { k, a, p: bytePointer(a) }, 0, a.size, isMax);
  }
  if (result === null || !result.isContiguous) return null;
  const layout = blockLayout(a.shape, a.shape.map((_, d) => d === axis));
  if (layout === null) return null;
  const { rows, cols } = layout;
  const outputs = layout.kind === 'first' ? cols : rows;
  // Scratch before any pointer is used (a new block may grow the memory).
  const direct = result.storage.inArena;
  const out = direct ? bytePointer(result) : scratchBlock(SLOT_RESULT, outputs * 8);
  // Running extremes (cols); staged: also a block's indices and extremes (a chunk each).
  const running = layout.kind === 'first' ? scratchBlock(SLOT_ROWS, (cols + (staged ? 2 * Math.min(cols, STAGE_CHUNK) : 0)) * 8) : 0;
  if (out < 0 || running < 0 || (staged && !reserveScratch(1))) return null;
  const src: Source = { k, a, p: bytePointer(a) };
  if (layout.kind === 'first') {
    const first = isMax ? k.argmax_first : k.argmin_first;
    if (!staged) {
      first(src.p, rows, cols, out, running);
    } else {
      // Per block of rows: its indices (+ the block's first row) and extremes; a block's
      // extreme replaces the running one where strictly better, or NaN over a number.
      const blockIdx = running + cols * 8;
      const blockExt = blockIdx + Math.min(cols, STAGE_CHUNK) * 8;
      forEachRowBlock(src, rows, cols, (p, r, nr, c0, w) => {
        first(p, nr, w, blockIdx, blockExt);
        const f = arenaF64();
        const [bi, be, ri, oi] = [blockIdx / 8, blockExt / 8, running / 8 + c0, out / 8 + c0];
        for (let c = 0; c < w; c++) {
          const v = f[be + c]!;
          const m = f[ri + c]!;
          if (r === 0 || (m === m && ((isMax ? v > m : v < m) || v !== v))) {
            f[ri + c] = v;
            f[oi + c] = f[bi + c]! + r;
          }
        }
      });
    }
  } else {
    // 'whole' (every other axis has size 1) is one row of the same indices
    const last = isMax ? k.argmax_last : k.argmin_last;
    const rowsPerChunk = staged ? Math.floor(STAGE_CHUNK / cols) : rows;
    if (rowsPerChunk > 0) {
      for (let r = 0; r < rows; r += rowsPerChunk) {
        const nr = Math.min(rowsPerChunk, rows - r);
        last(chunkPointer(src, r * cols, nr * cols), nr, cols, out + r * 8);
      }
    } else {
      for (let r = 0; r < rows; r++) arenaF64()[out / 8 + r] = argExtremeOver(k, src, r * cols, cols, isMax) - r * cols;
    }
  }
  if (!direct) copyResult(out, result, outputs);
  if (staged || !direct) stagedReduceCalls.arg++;
  wasmReduceCalls.arg++;
  return true;
}

/**
 * Flat index of the first extreme (or first NaN) of elements [off, off + n) of the source:
 * one kernel call in the arena; staged, chunk by chunk (the first NaN ends the scan, a later
 * chunk wins only with a strictly better value, so ties keep the first index).
 */
function argExtremeOver(k: WasmKernels, src: Source, off: number, n: number, isMax: boolean): number {
  const kernel = isMax ? k.argmax : k.argmin;
  if (src.p >= 0) return off + kernel(src.p + off * 8, n);
  const data = src.a.f64(); // JS-backed: never detached
  let best = -1;
  let bestValue = NaN;
  for (let o = off; o < off + n; o += STAGE_CHUNK) {
    const len = Math.min(STAGE_CHUNK, off + n - o);
    const i = o + kernel(chunkPointer(src, o, len), len);
    const v = data[src.a.start + i]!;
    if (v !== v) return i;
    if (best < 0 || (isMax ? v > bestValue : v < bestValue)) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}

/**
 * cumsum/cumprod on WASM of a contiguous array, flattened (`axis` null) or along an axis:
 * the scan axis of length n between `outer` and `inner` elements becomes `_last` calls
 * (inner = 1), one `_first` call (outer = 1), or one `_first` call per outer block.
 * @param isSum cumsum rather than cumprod
 * @param a the input
 * @param axis null (flattened) or the normalised axis
 * @param result the output, same size as `a`, C order
 * @returns true when the kernels did the work
 * @example
 * if (!tryWasmCumulative(true, a, null, result)) runJs();
 */
export function tryWasmCumulative(isSum: boolean, a: NdArray, axis: number | null, result: NdArray): boolean {
  const k = activeKernels();
  if (k === null || a.dtype !== 'float64' || !a.isContiguous || a.size === 0 || a.size < WASM_REDUCE_THRESHOLDS.scan) return false;
  // A JS-backed input or result is staged whole through scratch (blocks before any view).
  const p = a.storage.inArena ? bytePointer(a) : scratchBlock(0, a.size * 8);
  const out = result.storage.inArena ? bytePointer(result) : scratchBlock(1, a.size * 8);
  if (p < 0 || out < 0) return false;
  if (!a.storage.inArena) arenaF64().set(a.f64().subarray(a.start, a.start + a.size), p / 8);
  if (axis === null) {
    (isSum ? k.cumsum : k.cumprod)(p, out, a.size);
  } else {
    const n = a.shape[axis]!;
    let inner = 1;
    for (let d = axis + 1; d < a.ndim; d++) inner *= a.shape[d]!;
    const outer = a.size / (n * inner);
    if (inner === 1) {
      (isSum ? k.cumsum_last : k.cumprod_last)(p, outer, n, out);
    } else {
      const first = isSum ? k.cumsum_first : k.cumprod_first;
      const blockBytes = n * inner * 8;
      for (let o = 0; o < outer; o++) first(p + o * blockBytes, n, inner, out + o * blockBytes);
    }
  }
  if (!result.storage.inArena) copyResult(out, result, a.size);
  if (!a.storage.inArena || !result.storage.inArena) stagedReduceCalls.scan++;
  wasmReduceCalls.scan++;
  return true;
}

/**
 * Matrix products on WASM: vector·vector (`dot`), matrix×matrix and vector×matrix
 * (`matmul`, a vector being a 1×k matrix; B packed into an arena scratch block), matrix×vector
 * (`matvec`, one `dot` a row in one call). Contiguous float64 operands in the arena are read
 * in place; any other operand (JS-backed, strided, bool) is copied whole into scratch, and a
 * JS-backed result computed in scratch and copied out. `result` (null for vector·vector)
 * must be C-contiguous.
 * @param a left operand, 1-D or 2-D
 * @param b right operand, 1-D or 2-D, aligned with `a`
 * @param result the output array, or null for vector·vector
 * @returns the dot product (vector·vector), true (written into `result`), or null (JS path)
 * @example
 * const r = tryWasmMatmul(a, b, result); // null: run the JS gemm
 */
export function tryWasmMatmul(a: NdArray, b: NdArray, result: NdArray | null): number | true | null {
  const kk = a.shape[a.ndim - 1]!;
  const m = a.ndim === 2 ? a.shape[0]! : 1;
  const n = b.ndim === 2 ? b.shape[1]! : 1;
  const vectorDot = a.ndim === 1 && b.ndim === 1;
  const family: WasmReduceFamily = vectorDot ? 'dot' : 'matmul';
  const k = activeKernels();
  if (k === null || m * kk * n < WASM_REDUCE_THRESHOLDS[family] || m * kk * n === 0) return null;
  if (!vectorDot && (result === null || !result.isContiguous)) return null;
  // Operands that are JS-backed, strided or bool, and a JS-backed result, are staged whole
  // through scratch (matmul reads each element many times: the copies are O(n²) beside
  // O(n³) work). Every block before any view.
  const inPlace = (x: NdArray): boolean => x.dtype === 'float64' && x.isContiguous && x.storage.inArena;
  const staged = !inPlace(a) || !inPlace(b) || (result !== null && !result.storage.inArena);
  const pa = inPlace(a) ? bytePointer(a) : scratchBlock(0, a.size * 8);
  const pb = inPlace(b) ? bytePointer(b) : scratchBlock(1, b.size * 8);
  const pc = result === null ? 0 : result.storage.inArena ? bytePointer(result) : scratchBlock(2, result.size * 8);
  const scratchLength = vectorDot || b.ndim === 1 ? 0 : k.matmul_scratch(m, kk, n);
  let packed: Storage | null = scratchLength > 0 && !staged ? new Storage('float64', scratchLength) : null;
  if (packed !== null && !packed.inArena) {
    packed.free();
    packed = null;
  }
  const packedPtr = packed !== null ? packed.ptr : scratchLength > 0 ? scratchBlock(3, scratchLength * 8) : 0;
  try {
    if (pa < 0 || pb < 0 || pc < 0 || packedPtr < 0) return null;
    for (const [x, p] of [[a, pa], [b, pb]] as const) {
      if (inPlace(x)) continue;
      const values = x.dtype === 'float64' && x.isContiguous ? x.f64().subarray(x.start, x.start + x.size) : gatherFloat64(x);
      arenaF64().set(values, p / 8);
    }
    if (staged) stagedReduceCalls.matmul++;
    if (vectorDot) {
      wasmReduceCalls.dot++;
      return k.dot(pa, pb, kk);
    }
    if (b.ndim === 1) k.matvec(pa, pb, pc, m, kk);
    else k.matmul(pa, pb, pc, m, kk, n, packedPtr);
    if (!result!.storage.inArena) copyResult(pc, result!, result!.size);
    wasmReduceCalls.matmul++;
    return true;
  } finally {
    packed?.free();
  }
}
