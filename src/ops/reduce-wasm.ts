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
import { NdArray } from '../ndarray.ts';
import { Storage } from '../memory.ts';
import { activeKernels, bytePointer, type WasmKernels } from '../kernels/wasm.ts';

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

/**
 * Elements one `sum` kernel call adds (8 interleaved lanes, so ≈ 512 additions a lane);
 * longer runs are split in halves and the halves added, like NumPy's pairwise sum, so
 * 1e6 × 0.1 stays within 1e-8 of 1e5 (one call over all of it is off by ~1e-7).
 */
const SUM_BLOCK = 4096;

/**
 * Pairwise sum of n contiguous float64 at byte pointer p using the `sum` kernel on blocks.
 * @param k the kernels
 * @param p byte pointer
 * @param n element count
 * @returns the sum
 */
function blockedSum(k: WasmKernels, p: number, n: number): number {
  if (n <= SUM_BLOCK) return k.sum(p, n);
  let half = n >>> 1;
  half -= half % 8;
  return blockedSum(k, p, half) + blockedSum(k, p + half * 8, n - half);
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

type PlainKernel = 'sum' | 'prod' | 'min' | 'max' | 'any' | 'all' | 'nansum' | 'nanmin' | 'nanmax' | 'mean';

const FAMILY: Record<WasmReduceName, WasmReduceFamily> = {
  sum: 'sum', prod: 'sum', mean: 'sum', nansum: 'sum',
  min: 'extreme', max: 'extreme', nanmin: 'extreme', nanmax: 'extreme', any: 'extreme', all: 'extreme',
  nanmean: 'nanmean', var: 'var', std: 'var',
};

/** Where a reduction's results go: a float64 block (or, for one output, nothing yet). */
interface ReduceTarget {
  /** The result array (null: the caller returns a scalar). */
  readonly result: NdArray | null;
  readonly scalarOut: Float64Array;
}

/**
 * Runs reduction `name` of `a` on WASM when it applies, writing into `result` (float64 or,
 * for any/all, bool) or, when `result` is null, into `target.scalarOut[0]`.
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
  const family = a.dtype === 'bool' ? 'bool' : FAMILY[name];
  const isVar = name === 'var' || name === 'std';
  if (isVar && !(count - ddof > 0)) return false; // the JS path gives NaN there
  const { result } = target;
  if (result !== null && !result.storage.inArena) return false;
  if (a.dtype === 'bool') return tryBoolReduce(name, a, reduced, target);
  const k = kernelsFor(a, family, a.size);
  if (k === null) return false;
  const layout = blockLayout(a.shape, reduced);
  if (layout === null) return false;
  const { kind, rows, cols } = layout;
  const boolOut = result !== null && result.dtype === 'bool';
  const needsScratch = kind === 'first' && (name === 'nanmean' || isVar);
  // Every allocation before the first pointer use: a float64 block for bool results, a scratch row.
  const staging = boolOut && kind !== 'whole' ? new Storage('float64', result.size) : null;
  const scratch = needsScratch ? new Storage('float64', cols) : null;
  try {
    if ((staging !== null && !staging.inArena) || (scratch !== null && !scratch.inArena)) return false;
    const p = bytePointer(a);
    if (kind === 'whole') {
      const v = isVar ? k.variance(p, cols, ddof)
        : name === 'nanmean' ? k.nanmean(p, cols)
        : name === 'sum' ? blockedSum(k, p, cols)
        : name === 'mean' ? blockedSum(k, p, cols) / cols
        : k[name as PlainKernel](p, cols);
      const value = name === 'std' ? Math.sqrt(v) : v;
      if (result === null) target.scalarOut[0] = value;
      else if (boolOut) result.u8()[result.start] = value !== 0 ? 1 : 0;
      else result.f64()[result.start] = value;
    } else {
      const out = staging !== null ? staging.ptr : bytePointer(result!);
      if (isVar) {
        if (kind === 'first') k.variance_first(p, rows, cols, ddof, out, scratch!.ptr);
        else k.variance_last(p, rows, cols, ddof, out);
      } else if ((name === 'sum' || name === 'mean') && kind === 'last' && cols > SUM_BLOCK) {
        const data = result!.f64(); // long rows: pairwise per row (no allocation follows)
        for (let r = 0; r < rows; r++) {
          const v = blockedSum(k, p + r * cols * 8, cols);
          data[result!.start + r] = name === 'mean' ? v / cols : v;
        }
      } else if (name === 'nanmean' && kind === 'first') {
        k.nanmean_first(p, rows, cols, out, scratch!.ptr);
      } else {
        // nanmean_first (scratch row) is handled above; every other axis kernel is (p, rows, cols, out).
        const axisKernel = k[`${name as PlainKernel | 'nanmean'}_${kind}`] as (p: number, rows: number, cols: number, out: number) => void;
        axisKernel(p, rows, cols, out);
      }
      const n = kind === 'first' ? cols : rows;
      if (name === 'std') {
        const data = result!.f64();
        for (let i = result!.start, end = i + n; i < end; i++) data[i] = Math.sqrt(data[i]!);
      }
      if (staging !== null) k.to_bool(staging.ptr, bytePointer(result!), n);
    }
    wasmReduceCalls[family]++;
    return true;
  } finally {
    staging?.free();
    scratch?.free();
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
 * (`argm…_first` with a scratch row of running extremes), size-1 axes aside.
 * @param isMax argmax rather than argmin
 * @param a the input (non-empty)
 * @param axis null for the flattened array, else the normalised axis
 * @param result the index array (null for the flattened case)
 * @returns the flat index (flattened case), true (done along the axis), or null (take the JS path)
 * @example
 * const i = tryWasmArgReduce(true, a, null, null); // number | true | null
 */
export function tryWasmArgReduce(isMax: boolean, a: NdArray, axis: number | null, result: NdArray | null): number | true | null {
  const k = kernelsFor(a, 'arg', a.size);
  if (k === null) return null;
  if (axis === null) {
    wasmReduceCalls.arg++;
    const p = bytePointer(a);
    return isMax ? k.argmax(p, a.size) : k.argmin(p, a.size);
  }
  if (result === null || !result.storage.inArena) return null;
  const reduced = a.shape.map((_, d) => d === axis);
  const layout = blockLayout(a.shape, reduced);
  if (layout === null) return null;
  const { rows, cols } = layout;
  if (layout.kind !== 'first') {
    // 'whole' (every other axis has size 1) is one row of the same indices
    (isMax ? k.argmax_last : k.argmin_last)(bytePointer(a), rows, cols, bytePointer(result));
  } else {
    const scratch = new Storage('float64', cols); // allocated before any pointer is read
    try {
      if (!scratch.inArena) return null;
      (isMax ? k.argmax_first : k.argmin_first)(bytePointer(a), rows, cols, bytePointer(result), scratch.ptr);
    } finally {
      scratch.free();
    }
  }
  wasmReduceCalls.arg++;
  return true;
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
  const k = kernelsFor(a, 'scan', a.size);
  if (k === null || !result.storage.inArena) return false;
  const p = bytePointer(a);
  const out = bytePointer(result);
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
  wasmReduceCalls.scan++;
  return true;
}

/**
 * Matrix products on WASM: vector·vector (`dot`), matrix×matrix and vector×matrix
 * (`matmul`, a vector being a 1×k matrix; B packed into an arena scratch block), matrix×vector
 * (`matvec`, one `dot` a row in one call). Operands must be contiguous float64 in the arena;
 * `result` (null for vector·vector) a fresh arena array.
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
  const k = kernelsFor(a, family, m * kk * n);
  if (k === null || kernelsFor(b, family, m * kk * n) === null) return null;
  if (vectorDot) {
    wasmReduceCalls.dot++;
    return k.dot(bytePointer(a), bytePointer(b), kk);
  }
  if (result === null || !result.storage.inArena) return null;
  if (b.ndim === 1) {
    k.matvec(bytePointer(a), bytePointer(b), bytePointer(result), m, kk);
  } else {
    // The packed-B scratch is allocated before any pointer is read (allocating may move views).
    const scratchLength = k.matmul_scratch(m, kk, n);
    const scratch = scratchLength > 0 ? new Storage('float64', scratchLength) : null;
    try {
      if (scratch !== null && !scratch.inArena) return null;
      k.matmul(bytePointer(a), bytePointer(b), bytePointer(result), m, kk, n, scratch === null ? 0 : scratch.ptr);
    } finally {
      scratch?.free();
    }
  }
  wasmReduceCalls.matmul++;
  return true;
}
