/**
 * What the orthogonal decompositions (qr.ts, svd.ts, eigh.ts, lstsq.ts) share: taking an
 * input (an NdArray or plain data) at the public edge, the stack of matrices it holds, the
 * workspace block their kernels run on, and the choice between the WASM kernels
 * (wasm/assembly/decomp.ts) and their JS reference (src/kernels/js-decomp.ts).
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, isNdArray } from '../array-factory.ts';
import { withInput, type ArrayInput } from '../create.ts';
import { LinAlgError, formatShape } from '../errors.ts';
import { activeKernels } from '../kernels/wasm.ts';
import {
  combineRows,
  gramRows,
  houseApply,
  houseApplyRight,
  rotateRows,
  svdJacobiSweep,
  tridiagAccumulate,
  tridiagRank2,
  tridiagSimilarity,
} from '../kernels/js-decomp.ts';
import { NOT_TRACED, traceNdCall, tracing } from '../fuse/index.ts';

/** An array argument of an `nd.linalg` function: an NdArray or plain data `nd.array` takes. */
export type MatrixInput = NdArray | ArrayInput;

/**
 * Throws the fuser's named error when a fused function's stand-in reaches `nd.linalg.<name>`
 * (the decompositions cannot be fused).
 * @param name the public name (`linalg.svd`)
 * @param args the call's arguments
 */
export function refuseTracing(name: string, args: ArrayLike<unknown>): void {
  // With a stand-in among the arguments traceNdCall throws (no plan node exists for these);
  // otherwise it answers NOT_TRACED and the call runs eagerly.
  if (tracing.depth !== 0 && traceNdCall(name, name, args) !== NOT_TRACED) {
    throw new LinAlgError(`nd.${name} cannot run inside a fused function`);
  }
}

export { withInput };

/**
 * Checks that `a` holds matrices (at least 2-D), as NumPy's `_assert_stacked_2d`.
 * @param a the array
 * @throws LinAlgError otherwise
 */
export function assertStacked2d(a: NdArray): void {
  if (a.ndim < 2) {
    throw new LinAlgError(`${a.ndim}-dimensional array given. Array must be at least two-dimensional`, a.shape);
  }
}

/**
 * Checks that the matrices of `a` are square, as NumPy's `_assert_stacked_square`.
 * @param a the array (at least 2-D)
 * @throws LinAlgError otherwise
 */
export function assertStackedSquare(a: NdArray): void {
  if (a.shape[a.ndim - 1] !== a.shape[a.ndim - 2]) {
    throw new LinAlgError(`Last 2 dimensions of the array must be square, got shape ${formatShape(a.shape)}`, a.shape);
  }
}

/** The hot loops, on element indices into {@link Workspace.buf}. */
export interface DecompKernels {
  /** See houseApply in src/kernels/js-decomp.ts. */
  houseApply(v: number, len: number, tau: number, x: number, count: number, stride: number): void;
  /** See svdJacobiSweep. */
  svdSweep(w: number, n: number, m: number, v: number, nv: number, tol: number, norms: number): number;
  /** See houseApplyRight. */
  houseApplyRight(v: number, count: number, tau: number, x: number, len: number, stride: number, y: number): void;
  /** See gramRows. */
  gramRows(w: number, n: number, m: number, g: number): void;
  /** See combineRows. */
  combineRows(c: number, n: number, w: number, m: number, out: number): void;
  /** See rotateRows. */
  rotateRows(x: number, y: number, len: number, c: number, s: number): void;
  /** See tridiagSimilarity. */
  tridiagSimilarity(w: number, n: number, i: number, d: number, e: number): void;
  /** See tridiagRank2. */
  tridiagRank2(w: number, n: number, i: number, d: number, e: number): void;
  /** See tridiagAccumulate. */
  tridiagAccumulate(w: number, n: number, i: number, d: number): void;
}

/**
 * A float64 block the decompositions work in: in the arena when it can be (the WASM kernels
 * then run on it in place), else a JS array and the JS kernels. Allocate every result
 * BEFORE the workspace's `buf` is taken: an allocation may grow the memory and detach it.
 */
export class Workspace {
  private readonly block: NdArray;
  /** The data: for an arena block the whole memory, else the block's own array. */
  readonly buf: Float64Array;
  /** Index of the block's first element in {@link buf}. */
  readonly base: number;
  /** The kernels for this block (WASM when loaded, switched on and the block is in the arena). */
  readonly kernels: DecompKernels;

  /** @param size float64 elements to hold */
  constructor(size: number) {
    this.block = emptyArray([Math.max(1, size)]);
    this.buf = this.block.f64();
    this.base = this.block.start;
    const k = activeKernels();
    const buf = this.buf;
    if (k !== null && this.block.storage.inArena) {
      this.kernels = {
        houseApply: (v, len, tau, x, count, stride) => k.house_apply(v * 8, len, tau, x * 8, count, stride * 8),
        svdSweep: (w, n, m, v, nv, tol, norms) => k.svd_jacobi_sweep(w * 8, n, m, v * 8, nv, tol, norms * 8),
        rotateRows: (x, y, len, c, s) => k.rotate_rows(x * 8, y * 8, len, c, s),
        gramRows: (w, n, m, g) => k.gram_rows(w * 8, n, m, g * 8),
        combineRows: (c, n, w, m, out) => k.combine_rows(c * 8, n, w * 8, m, out * 8),
        houseApplyRight: (v, count, tau, x, len, stride, y) => k.house_apply_right(v * 8, count, tau, x * 8, len, stride * 8, y * 8),
        tridiagSimilarity: (w, n, i, d, e) => k.tridiag_similarity(w * 8, n, i, d * 8, e * 8),
        tridiagRank2: (w, n, i, d, e) => k.tridiag_rank2(w * 8, n, i, d * 8, e * 8),
        tridiagAccumulate: (w, n, i, d) => k.tridiag_accumulate(w * 8, n, i, d * 8),
      };
    } else {
      this.kernels = {
        houseApply: (v, len, tau, x, count, stride) => houseApply(buf, v, len, tau, x, count, stride),
        svdSweep: (w, n, m, v, nv, tol, norms) => svdJacobiSweep(buf, w, n, m, v, nv, tol, norms),
        rotateRows: (x, y, len, c, s) => rotateRows(buf, x, y, len, c, s),
        gramRows: (w, n, m, g) => gramRows(buf, w, n, m, g),
        combineRows: (c, n, w, m, out) => combineRows(buf, c, n, w, m, out),
        houseApplyRight: (v, count, tau, x, len, stride, y) => houseApplyRight(buf, v, count, tau, x, len, stride, y),
        tridiagSimilarity: (w, n, i, d, e) => tridiagSimilarity(buf, w, n, i, d, e),
        tridiagRank2: (w, n, i, d, e) => tridiagRank2(buf, w, n, i, d, e),
        tridiagAccumulate: (w, n, i, d) => tridiagAccumulate(buf, w, n, i, d),
      };
    }
  }

  /** Frees the block. */
  dispose(): void {
    this.block.dispose();
  }
}

/**
 * Allocates the result arrays of a call (all before any workspace view is taken), disposing
 * them all when a later one fails.
 * @param shapes the results' shapes
 * @returns the arrays
 */
export function allocateResults(shapes: readonly (readonly number[])[]): NdArray[] {
  const out: NdArray[] = [];
  try {
    for (const s of shapes) out.push(emptyArray(s));
  } catch (e) {
    for (const r of out) r.dispose();
    throw e;
  }
  return out;
}

/**
 * 2^k near the reciprocal of `maxAbs` (exact scaling: no rounding), |k| ≤ 1000 so that the
 * factor and its reciprocal are representable (subnormal inputs end near 2⁻⁷⁴ after
 * scaling: their squares still do not underflow); 1 for 0 or non-finite.
 */
export function powerOfTwoScale(maxAbs: number): number {
  if (!(maxAbs > 0) || !Number.isFinite(maxAbs)) return 1;
  const e = Math.max(-1000, Math.min(1000, Math.round(Math.log2(maxAbs))));
  return Math.pow(2, -e);
}

/** Number of matrices in a stack of `shape` (the product of all but the last two axes). */
export function batchCount(shape: readonly number[]): number {
  let b = 1;
  for (let i = 0; i < shape.length - 2; i++) b *= shape[i]!;
  return b;
}
