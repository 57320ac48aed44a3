/**
 * The JS kernels: walks any shape and strides (views, transposes, broadcasts) as rows and
 * runs the generated, per-op row loops of src/kernels/js-loops.generated.ts on each row.
 * They handle every layout, serve as the reference in tests, and are the path for layouts
 * and sizes the WASM kernels do not take.
 *
 * The walk merges axes that are contiguous with each other for every operand (so a
 * C-contiguous 3-D array is one row) and drops size-1 axes; the innermost remaining axis is
 * the row. A row whose operands all step by 1 runs the `contig` loop, a row where one input
 * steps by 0 runs the `scalarRight` / `scalarLeft` loop with that element as a number, any
 * other row the `strided` loop.
 * @module
 */
import { jsLoops, maskLoops } from './js-loops.generated.ts';
import { isCContiguous, shapeSize } from '../shape.ts';

export { jsLoops, maskLoops };

/** A typed array an op reads or writes: float64 values or bool bytes. */
export type Data = Float64Array | Uint8Array;

/** The loops of one binary op (see scripts/gen-js-kernels.ts). Indices are in elements. */
export interface BinaryLoops<I extends Data, O extends Data> {
  /** All three operands contiguous from `xi`, `yi`, `oi`. */
  contig(x: I, xi: number, y: I, yi: number, o: O, oi: number, n: number): void;
  /** Right operand one number. */
  scalarRight(x: I, xi: number, y: number, o: O, oi: number, n: number): void;
  /** Left operand one number. */
  scalarLeft(x: number, y: I, yi: number, o: O, oi: number, n: number): void;
  /** Any strides (0 included). */
  strided(x: I, xi: number, xs: number, y: I, yi: number, ys: number, o: O, oi: number, os: number, n: number): void;
}

/** The loops of one unary op. */
export interface UnaryLoops<I extends Data, O extends Data> {
  /** Input and output contiguous. */
  contig(x: I, xi: number, o: O, oi: number, n: number): void;
  /** Any strides. */
  strided(x: I, xi: number, xs: number, o: O, oi: number, os: number, n: number): void;
}

/** The mask loops of one element type `D` (see scripts/gen-js-kernels.ts). */
export interface MaskLoops<D extends Data> {
  /** Number of nonzero elements of a strided row. */
  countTrue(x: D, xi: number, xs: number, n: number): number;
  /**
   * Writes the row's elements where the mask is true to `o` from `k`; returns the next k.
   * Writes one element past the last kept one: `o` needs one spare element.
   */
  compressContig(x: D, xi: number, m: Uint8Array, mi: number, o: D, k: number, n: number): number;
  /** Strided {@link compressContig}. */
  compressStrided(x: D, xi: number, xs: number, m: Uint8Array, mi: number, ms: number, o: D, k: number, n: number): number;
  /** `o = c ? x : y` over a contiguous row. */
  selectContig(c: Uint8Array, ci: number, x: D, xi: number, y: D, yi: number, o: D, oi: number, n: number): void;
  /** Strided {@link selectContig}. */
  selectStrided(
    c: Uint8Array, ci: number, cs: number, x: D, xi: number, xs: number,
    y: D, yi: number, ys: number, o: D, oi: number, os: number, n: number,
  ): void;
  /** `a = m ? v : a` over a strided row. */
  setWhereStrided(a: D, ai: number, as: number, m: Uint8Array, mi: number, ms: number, v: D, vi: number, vs: number, n: number): void;
}

/**
 * Called once per row by {@link forEachRow}: the start index and stride of up to four
 * operands (unused ones are 0), and the row length.
 */
export type RowFn = (
  p0: number, s0: number, p1: number, s1: number,
  p2: number, s2: number, p3: number, s3: number, n: number,
) => void;

/**
 * Walks `shape` row by row for up to four operands laid out by `strides` from `starts`,
 * after merging axes contiguous for every operand and dropping size-1 axes. Does nothing
 * for an empty shape; calls `row` once with n = 1 for a 0-d shape.
 * @param shape the common (broadcast) shape
 * @param strides each operand's strides for `shape` (0 on broadcast axes)
 * @param starts each operand's index of element [0, …, 0]
 * @param row the row loop
 * @example
 * forEachRow([2, 3], [[3, 1], [1, 2]], [0, 0], (p0, s0, p1, s1, _p2, _s2, _p3, _s3, n) => {});
 */
export function forEachRow(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  starts: readonly number[],
  row: RowFn,
): void {
  const k = strides.length;
  const dims: number[] = [];
  const st: number[][] = [[], [], [], []];
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d]!;
    if (n === 0) return;
    if (n === 1) continue;
    const last = dims.length - 1;
    let merge = last >= 0;
    for (let j = 0; j < k && merge; j++) merge = st[j]![last] === strides[j]![d]! * n;
    if (merge) {
      dims[last] = dims[last]! * n;
      for (let j = 0; j < k; j++) st[j]![last] = strides[j]![d]!;
    } else {
      dims.push(n);
      for (let j = 0; j < 4; j++) st[j]!.push(j < k ? strides[j]![d]! : 0);
    }
  }
  let p0 = starts[0] ?? 0;
  let p1 = starts[1] ?? 0;
  let p2 = starts[2] ?? 0;
  let p3 = starts[3] ?? 0;
  const nd = dims.length;
  if (nd === 0) {
    row(p0, 0, p1, 0, p2, 0, p3, 0, 1);
    return;
  }
  const [a0, a1, a2, a3] = st as [number[], number[], number[], number[]];
  const inner = dims[nd - 1]!;
  const i0 = a0[nd - 1]!, i1 = a1[nd - 1]!, i2 = a2[nd - 1]!, i3 = a3[nd - 1]!;
  let rows = 1;
  for (let d = 0; d < nd - 1; d++) rows *= dims[d]!;
  const idx = new Array<number>(nd).fill(0);
  for (let r = 0; r < rows; r++) {
    row(p0, i0, p1, i1, p2, i2, p3, i3, inner);
    for (let d = nd - 2; d >= 0; d--) {
      p0 += a0[d]!;
      p1 += a1[d]!;
      p2 += a2[d]!;
      p3 += a3[d]!;
      if (++idx[d]! < dims[d]!) break;
      idx[d] = 0;
      const n = dims[d]!;
      p0 -= a0[d]! * n;
      p1 -= a1[d]! * n;
      p2 -= a2[d]! * n;
      p3 -= a3[d]! * n;
    }
  }
}

function allZero(strides: readonly number[]): boolean {
  for (let i = 0; i < strides.length; i++) if (strides[i] !== 0) return false;
  return true;
}

/**
 * Runs a binary op's loops over any layout: `o = x op y` element by element.
 * @param loops the op's loops (`jsLoops.add`, …)
 * @param shape the broadcast shape (of `o`)
 * @param x left data, `xStart`, and its strides for `shape` (0 on broadcast axes)
 * @param y right data, `yStart`, strides
 * @param o output data, `oStart`, strides
 * @example
 * runBinary(jsLoops.add, [3], x, 0, [1], y, 0, [0], o, 0, [1]); // o = x + y[0]
 */
export function runBinary<I extends Data, O extends Data>(
  loops: BinaryLoops<I, O>,
  shape: readonly number[],
  x: I, xStart: number, xStrides: readonly number[],
  y: I, yStart: number, yStrides: readonly number[],
  o: O, oStart: number, oStrides: readonly number[],
): void {
  // Fast paths without the walk's bookkeeping: the common whole-array cases.
  if (isCContiguous(shape, oStrides) && shape.length > 0) {
    const xc = isCContiguous(shape, xStrides);
    const yc = isCContiguous(shape, yStrides);
    if (xc && yc) return loops.contig(x, xStart, y, yStart, o, oStart, shapeSize(shape));
    if (xc && allZero(yStrides)) return loops.scalarRight(x, xStart, y[yStart]!, o, oStart, shapeSize(shape));
    if (yc && allZero(xStrides)) return loops.scalarLeft(x[xStart]!, y, yStart, o, oStart, shapeSize(shape));
  }
  forEachRow(shape, [xStrides, yStrides, oStrides], [xStart, yStart, oStart], (px, sx, py, sy, po, so, _p3, _s3, n) => {
    if (so === 1 && sx === 1 && sy === 1) loops.contig(x, px, y, py, o, po, n);
    else if (so === 1 && sx === 1 && sy === 0) loops.scalarRight(x, px, y[py]!, o, po, n);
    else if (so === 1 && sx === 0 && sy === 1) loops.scalarLeft(x[px]!, y, py, o, po, n);
    else loops.strided(x, px, sx, y, py, sy, o, po, so, n);
  });
}

/**
 * Runs a unary op's loops over any layout: `o = op(x)` element by element.
 * @param loops the op's loops (`jsLoops.exp`, …)
 * @param shape the shape of `o`
 * @param x input data, `xStart`, and its strides for `shape`
 * @param o output data, `oStart`, strides
 * @example
 * runUnary(jsLoops.neg, [2, 2], x, 0, [1, 2], o, 0, [2, 1]); // o = -(x transposed)
 */
export function runUnary<I extends Data, O extends Data>(
  loops: UnaryLoops<I, O>,
  shape: readonly number[],
  x: I, xStart: number, xStrides: readonly number[],
  o: O, oStart: number, oStrides: readonly number[],
): void {
  if (isCContiguous(shape, xStrides) && isCContiguous(shape, oStrides)) {
    return loops.contig(x, xStart, o, oStart, shapeSize(shape));
  }
  forEachRow(shape, [xStrides, oStrides], [xStart, oStart], (px, sx, po, so, _p2, _s2, _p3, _s3, n) => {
    if (sx === 1 && so === 1) loops.contig(x, px, o, po, n);
    else loops.strided(x, px, sx, o, po, so, n);
  });
}
