/**
 * The workspace the LU and Cholesky functions run in: one float64 block holding the matrix
 * being factored, the right-hand sides, the pivots and the packing scratch of the WASM
 * kernels (wasm/assembly/linalg.ts), or the JS reference kernels (src/kernels/js-linalg.ts)
 * when WASM is off or the block is JS-backed. Both give the same bits. Also: the dense
 * (C-order) data of an input stack and the batch offsets of broadcast stacks.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray } from '../array-factory.ts';
import { activeKernels, type WasmKernels } from '../kernels/wasm.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import { choleskyFactor, luFactor, luInverse, luSolve } from '../kernels/js-linalg.ts';
import { contiguousStrides } from '../shape.ts';

/** Float64 data of an array in C order: `data[start + i]` is its flat element i. */
export interface Dense {
  data: Float64Array;
  start: number;
}

/**
 * The array's elements in C order: its own view when it is contiguous float64 (fetch it
 * after every allocation of the call: an allocation may grow the memory), else a copy.
 * @param a the array
 * @returns the data and the index of element 0
 */
export function denseOf(a: NdArray): Dense {
  if (a.dtype === 'float64' && a.isContiguous) return { data: a.f64(), start: a.start };
  return { data: gatherFloat64(a), start: 0 };
}

/**
 * For each matrix of a stack of batch shape `out` (C order), the flat index of the first
 * element of the matching matrix of an input of batch shape `own`, broadcast against `out`
 * (own's axes aligned right, size-1 axes repeated), matrices of `matrixSize` elements.
 * @param out the broadcast batch shape
 * @param own the input's batch shape
 * @param matrixSize elements per matrix of the input
 * @returns one offset per matrix of `out`
 */
export function batchOffsets(out: readonly number[], own: readonly number[], matrixSize: number): number[] {
  let count = 1;
  for (const d of out) count *= d;
  const ownStrides = contiguousStrides(own);
  const lead = out.length - own.length;
  const offsets = new Array<number>(count);
  const idx = new Array<number>(out.length).fill(0);
  for (let q = 0; q < count; q++) {
    let off = 0;
    for (let k = 0; k < own.length; k++) if (own[k] !== 1) off += idx[lead + k]! * ownStrides[k]!;
    offsets[q] = off * matrixSize;
    for (let k = out.length - 1; k >= 0; k--) {
      if (++idx[k]! < out[k]!) break;
      idx[k] = 0;
    }
  }
  return offsets;
}

/**
 * One block for factoring order-n matrices and solving for k right-hand sides. Allocate
 * every result before making it, and take views (`buf`, input data) after: an allocation
 * may grow the memory and detach them.
 */
export class LuWorkspace {
  private readonly block: NdArray;
  /** The data: the whole memory for an arena block, else the block's own array. */
  readonly buf: Float64Array;
  /** Index in {@link buf} of the n×n matrix. */
  readonly a: number;
  /** Index in {@link buf} of the n×k right-hand sides. */
  readonly b: number;
  /** The pivots (int32 row indices, as applied in order). */
  readonly piv: Int32Array;
  /** Index in {@link piv} of the first pivot. */
  readonly pivOff: number;
  private readonly kernels: WasmKernels | null;
  private readonly scratch: number;

  /**
   * @param n the order of the matrices
   * @param k the number of right-hand sides (0: factor only)
   */
  constructor(
    readonly n: number,
    readonly k: number,
  ) {
    const wasm = activeKernels();
    const scratch = wasm === null ? 0 : wasm.linalg_scratch(Math.max(n, k, 1));
    const pivSlots = Math.ceil(n / 2);
    this.block = emptyArray([n * n + n * k + pivSlots + scratch + 1]);
    this.buf = this.block.f64();
    this.a = this.block.start;
    this.b = this.a + n * n;
    const pivStart = this.b + n * k;
    this.kernels = wasm !== null && this.block.storage.inArena ? wasm : null;
    if (this.kernels !== null) {
      this.piv = new Int32Array(this.buf.buffer);
      this.pivOff = pivStart * 2;
      this.scratch = (pivStart + pivSlots) * 8;
    } else {
      this.piv = new Int32Array(Math.max(1, n));
      this.pivOff = 0;
      this.scratch = 0;
    }
  }

  /**
   * LU-factors the matrix at {@link a} in place.
   * @returns 0, or 1 + the first step with an exactly zero pivot
   */
  factor(): number {
    if (this.kernels !== null) return this.kernels.lu_factor(this.a * 8, this.n, this.pivOff * 4, this.scratch);
    return luFactor(this.buf, this.a, this.n, this.piv, this.pivOff);
  }

  /** Solves for the right-hand sides at {@link b} in place, after {@link factor}. */
  solve(): void {
    if (this.kernels !== null) this.kernels.lu_solve(this.a * 8, this.n, this.pivOff * 4, this.b * 8, this.k, this.scratch);
    else luSolve(this.buf, this.a, this.n, this.piv, this.pivOff, this.b, this.k);
  }

  /** Writes the inverse of the factored matrix into the n×n block at {@link b} (k must be n), after {@link factor}. */
  invert(): void {
    if (this.kernels !== null) this.kernels.lu_inverse(this.a * 8, this.n, this.pivOff * 4, this.b * 8, this.scratch);
    else luInverse(this.buf, this.a, this.n, this.piv, this.pivOff, this.b);
  }

  /**
   * Cholesky-factors the matrix at {@link a} in place (lower).
   * @returns 0, or 1 + the first column whose pivot is not positive
   */
  cholesky(): number {
    if (this.kernels !== null) return this.kernels.cholesky_factor(this.a * 8, this.n, this.scratch);
    return choleskyFactor(this.buf, this.a, this.n);
  }

  /** Frees the block. */
  dispose(): void {
    this.block.dispose();
  }
}
