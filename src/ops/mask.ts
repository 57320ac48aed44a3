/**
 * Boolean masks: `a.where(mask)` (compress), `nd.where(cond, x, y)` (select),
 * `a.setWhere(mask, value)` and `mask.count()`. The loops are branchless (see
 * scripts/gen-js-kernels.ts): random masks make branches mispredict.
 * @module
 */
import type { NdArray, Operand } from '../ndarray.ts';
import { emptyArray, isNdArray, newArray } from '../array-factory.ts';
import { DTypeError, ShapeError, formatShape } from '../errors.ts';
import { Storage, type DType } from '../memory.ts';
import { broadcastShapes, broadcastStrides, sameShape } from '../shape.ts';
import { forEachRow, maskLoops, type Data, type MaskLoops } from '../kernels/js.ts';
import { unary } from './elementwise.ts';
import { STAGE_CHUNK, STAGE_MIN, WASM_MIN, assertOperand, checkOut, dataOf, disposeTemporary, fullLayout, kernelTable, overlapsHarmfully, ptrOf, reserveScratch, runStaged, scalarValue, stageIn, stageOut, stagedCalls } from '../dispatch.ts';

function loopsOf(dtype: DType): MaskLoops<Data> {
  return (dtype === 'bool' ? maskLoops.u8 : maskLoops.f64) as MaskLoops<Data>;
}

function assertMask(name: string, mask: unknown): asserts mask is NdArray {
  if (!(isNdArray(mask))) throw new DTypeError(`${name}: mask must be a bool NdArray, got ${typeof mask}`, typeof mask);
  mask.assertLive();
  if (mask.dtype !== 'bool') throw new DTypeError(`${name}: mask must be a bool array, got ${mask.dtype}`, mask.dtype);
}

/**
 * Number of true elements of a bool array, or of nonzero elements (NaN included) of a
 * float64 array. Any layout.
 * @param a the array
 * @returns the count
 * @example
 * countTrue(nd.array([1, -2, 3]).gt(0)); // 2
 */
export function countTrue(a: NdArray): number {
  a.assertLive();
  if (a.size === 0) return 0;
  const k = kernelTable();
  if (k !== null && a.dtype === 'bool' && fullLayout(a, a.shape)) {
    if (a.storage.inArena) return (k.count_true!(ptrOf(a), a.size) as number) >>> 0;
    let total = 0;
    if (runStaged('count', a.size, [a], null, (p, len) => { total += (k.count_true!(p[0]!, len) as number) >>> 0; })) return total;
  }
  const loops = loopsOf(a.dtype);
  const data = a.dtype === 'bool' ? a.u8() : a.f64();
  // Contiguous: one call, without the walk's closure and bookkeeping (see docs/design.md).
  if (a.isContiguous) return loops.countTrue(data, a.start, 1, a.size);
  let count = 0;
  forEachRow(a.shape, [a.strides], [a.start], (p, s, _p1, _s1, _p2, _s2, _p3, _s3, n) => {
    count += loops.countTrue(data, p, s, n);
  });
  return count;
}

/**
 * `a.where(mask)`: a new 1-D array of the elements of `a` where `mask` is true, in C order
 * (NumPy `a[mask]`). Counts first, allocates exactly, then copies without branches.
 * @param a the values (float64 or bool, any layout)
 * @param mask a bool array of exactly `a`'s shape
 * @returns the selected elements
 * @throws DTypeError when `mask` is not bool; ShapeError when the shapes differ
 * @example
 * const a = nd.array([-1, 2, -3, 4]);
 * compress(a, a.gt(0)).toArray(); // [2, 4]
 */
export function compress(a: NdArray, mask: NdArray): NdArray {
  a.assertLive();
  assertMask('where', mask);
  if (!sameShape(a.shape, mask.shape)) {
    throw new ShapeError(
      `where: mask shape ${formatShape(mask.shape)} does not match array shape ${formatShape(a.shape)}`,
      [mask.shape, a.shape],
    );
  }
  const count = countTrue(mask);
  // One spare element: the branchless loop writes each element before deciding to keep it.
  const result = newArray(new Storage(a.dtype, count + 1), [count], [1], 0, true);
  if (count === 0) return result;
  const kernels = kernelTable();
  if (kernels !== null && a.size >= WASM_MIN.compress && a.dtype === 'float64' && fullLayout(a, a.shape) && fullLayout(mask, a.shape)) {
    if (a.storage.inArena && mask.storage.inArena && result.storage.inArena) {
      kernels.compress!(ptrOf(a), ptrOf(mask), ptrOf(result), a.size, count);
      return result;
    }
    if (stagedCompress(kernels, a, mask, result)) return result;
  }
  const loops = loopsOf(a.dtype);
  const x = a.dtype === 'bool' ? a.u8() : a.f64();
  const m = mask.u8();
  const o = a.dtype === 'bool' ? result.u8() : result.f64();
  if (a.isContiguous && mask.isContiguous) {
    loops.compressContig(x, a.start, m, mask.start, o, result.start, a.size);
    return result;
  }
  let k = result.start;
  forEachRow(a.shape, [a.strides, mask.strides], [a.start, mask.start], (px, sx, pm, sm, _p2, _s2, _p3, _s3, n) => {
    k = sx === 1 && sm === 1 ? loops.compressContig(x, px, m, pm, o, k, n) : loops.compressStrided(x, px, sx, m, pm, sm, o, k, n);
  });
  return result;
}

/**
 * Compress with a JS-backed operand or result, chunk by chunk through scratch blocks: the
 * chunk's count from `count_true`, then `compress` into the result (or a scratch block
 * copied out). Call after the op's last allocation.
 */
function stagedCompress(k: NonNullable<ReturnType<typeof kernelTable>>, a: NdArray, mask: NdArray, result: NdArray): boolean {
  const n = a.size;
  if (n < STAGE_MIN.compress || !reserveScratch(3)) return false;
  stagedCalls.compress++;
  let kept = 0;
  for (let off = 0; off < n; off += STAGE_CHUNK) {
    const len = Math.min(STAGE_CHUNK, n - off);
    const pm = stageIn(mask, off, len, 1, true);
    const count = (k.count_true!(pm, len) as number) >>> 0;
    if (count === 0) continue;
    const px = stageIn(a, off, len, 0, true);
    const po = stageIn(result, kept, count, 2, false);
    k.compress!(px, pm, po, len, count);
    stageOut(result, kept, count, po);
    kept += count;
  }
  return true;
}

/**
 * `nd.where` as WASM (float64, contiguous, x/y full or one value): one call in the arena,
 * else staged through scratch blocks.
 */
function wasmSelect(c: NdArray, x: Operand, y: Operand, result: NdArray): boolean {
  const k = kernelTable();
  const shape = result.shape;
  const n = result.size;
  if (k === null || n < WASM_MIN.select || result.dtype !== 'float64' || !fullLayout(result, shape) || !fullLayout(c, shape)) return false;
  const xFull = typeof x !== 'number' && fullLayout(x, shape);
  const yFull = typeof y !== 'number' && fullLayout(y, shape);
  const xs = xFull ? null : scalarValue(x);
  const ys = yFull ? null : scalarValue(y);
  const inputs: NdArray[] = [c];
  if (xFull) inputs.push(x);
  if (yFull) inputs.push(y);
  else if (ys === null) return false;
  if (!xFull && xs === null) return false;
  if (inputs.every((v) => v.storage.inArena) && result.storage.inArena) {
    selectCall(k, [...inputs.map(ptrOf), ptrOf(result)], xs, ys, n);
    return true;
  }
  return runStaged('select', n, inputs, result, (p, len) => selectCall(k, p, xs, ys, len));
}

/** The `select_*` kernel for pointers (cond, x if an array, y if an array, out) and the number operands. */
function selectCall(k: NonNullable<ReturnType<typeof kernelTable>>, p: readonly number[], xs: number | null, ys: number | null, n: number): void {
  if (xs === null && ys === null) k.select_vv!(p[0]!, p[1]!, p[2]!, p[3]!, n);
  else if (xs === null) k.select_vs!(p[0]!, p[1]!, ys!, p[2]!, n);
  else if (ys === null) k.select_sv!(p[0]!, xs, p[1]!, p[2]!, n);
  else k.select_ss!(p[0]!, xs, ys, p[1]!, n);
}

/** The shape `cond`, `x` and `y` broadcast to (no work when the arrays share one shape). */
function selectShape(cond: NdArray, x: Operand, y: Operand): readonly number[] {
  const shape = cond.shape;
  const xSame = typeof x === 'number' || x.shape === shape || sameShape(x.shape, shape);
  const ySame = typeof y === 'number' || y.shape === shape || sameShape(y.shape, shape);
  if (xSame && ySame) return shape;
  const shapes = [shape];
  if (typeof x !== 'number') shapes.push(x.shape);
  if (typeof y !== 'number') shapes.push(y.shape);
  return broadcastShapes(...shapes);
}

/**
 * An operand of `select` / `setWhere` in the dtype `want` (bools become 0/1 float64), copied
 * when writing `out` would clobber it before it is read.
 */
function ownOperand<T extends Operand>(v: T, want: DType, out: NdArray | undefined, shape: readonly number[]): T | NdArray {
  if (typeof v === 'number') return v;
  if (v.dtype !== want) return unary('toFloat', v);
  if (out !== undefined && overlapsHarmfully(v, broadcastStrides(v.shape, v.strides, shape), out, shape)) return unary('copy', v);
  return v;
}

/**
 * `nd.where(cond, x, y)`: `x` where `cond` is true, else `y`, broadcasting all three. The
 * result is bool when `x` and `y` are both bool arrays, else float64 (bools as 0/1).
 * @param cond a bool array
 * @param x values where true: array or number
 * @param y values where false: array or number
 * @param out optional array of the broadcast shape and the result's dtype to write into
 * @returns the selected values (`out` when given)
 * @throws DTypeError, BroadcastError, ShapeError before anything is written
 * @example
 * const a = nd.array([-1, 2]);
 * select(a.gt(0), a, 0).toArray(); // [0, 2]
 */
export function select(cond: NdArray, x: Operand, y: Operand, out?: NdArray): NdArray {
  assertMask('where', cond);
  assertOperand(x, 'where');
  assertOperand(y, 'where');
  const dtype: DType = typeof x !== 'number' && typeof y !== 'number' && x.dtype === 'bool' && y.dtype === 'bool' ? 'bool' : 'float64';
  const shape = selectShape(cond, x, y);
  if (out !== undefined) checkOut('where', out, shape, dtype);
  const c = ownOperand(cond, 'bool', out, shape);
  const xs = ownOperand(x, dtype, out, shape);
  const ys = ownOperand(y, dtype, out, shape);
  const result = out ?? emptyArray(shape, dtype);
  if (result.size > 0 && !wasmSelect(c, xs, ys, result)) {
    const loops = loopsOf(dtype);
    const [cd, ci, cs] = dataOf(c, 'bool', shape, 0);
    const [xd, xi, xst] = dataOf(xs, dtype, shape, 1);
    const [yd, yi, yst] = dataOf(ys, dtype, shape, 2);
    const od = dtype === 'bool' ? result.u8() : result.f64();
    const cm = cd as Uint8Array;
    forEachRow(shape, [cs, xst, yst, result.strides], [ci, xi, yi, result.start], (pc, sc, px, sx, py, sy, po, so, n) => {
      if (sc === 1 && sx === 1 && sy === 1 && so === 1) loops.selectContig(cm, pc, xd, px, yd, py, od, po, n);
      else loops.selectStrided(cm, pc, sc, xd, px, sx, yd, py, sy, od, po, so, n);
    });
  }
  disposeTemporary(c, cond);
  disposeTemporary(xs, x);
  disposeTemporary(ys, y);
  return result;
}

/**
 * `setWhere` as WASM (float64, contiguous, value full or one number): one call in the arena,
 * else staged through scratch blocks (`a` copied in and back out).
 */
function wasmSetWhere(a: NdArray, m: NdArray, v: Operand): boolean {
  const k = kernelTable();
  if (k === null || a.dtype !== 'float64' || !fullLayout(a, a.shape) || !fullLayout(m, a.shape)) return false;
  const n = a.size;
  if (isNdArray(v)) {
    if (!fullLayout(v, a.shape)) return false;
    if (a.storage.inArena && m.storage.inArena && v.storage.inArena) k.set_where!(ptrOf(a), ptrOf(m), ptrOf(v), n);
    else return runStaged('setWhere', n, [a, m, v], a, (p, len) => k.set_where!(p[0]!, p[1]!, p[2]!, len));
  } else if (typeof v === 'number') {
    if (a.storage.inArena && m.storage.inArena) k.set_where_scalar!(ptrOf(a), ptrOf(m), v, n);
    else return runStaged('setWhere', n, [a, m], a, (p, len) => k.set_where_scalar!(p[0]!, p[1]!, v, len));
  } else return false;
  return true;
}

/**
 * In place: `a[mask] = value` — sets the elements of `a` where `mask` is true to `value`
 * (NumPy `copyto(a, value, where=mask)`). Everything is validated before anything is written.
 * @param a the array to change (any layout)
 * @param mask a bool array broadcastable to `a`'s shape
 * @param value a number, or an array broadcastable to `a`'s shape (a bool array into a
 *   float64 array counts as 0/1; a float64 array into a bool array throws DTypeError)
 * @throws DTypeError, BroadcastError; ReadOnlyError when `a` is read-only
 * @example
 * const a = nd.array([-1, 2]);
 * setWhere(a, a.lt(0), 0); // a is [0, 2]
 */
export function setWhere(a: NdArray, mask: NdArray, value: Operand): void {
  a.assertLive();
  a.assertWritable('setWhere');
  assertMask('setWhere', mask);
  assertOperand(value, 'setWhere');
  const shape = a.shape;
  broadcastStrides(mask.shape, mask.strides, shape); // throws BroadcastError
  if (isNdArray(value)) {
    broadcastStrides(value.shape, value.strides, shape); // throws BroadcastError
    if (a.dtype === 'bool' && value.dtype !== 'bool') {
      throw new DTypeError(`setWhere: cannot store ${value.dtype} values in a bool array`, value.dtype);
    }
  }
  const m = ownOperand(mask, 'bool', a, shape);
  const v = ownOperand(value, a.dtype, a, shape);
  if (a.size === 0) return;
  if (!wasmSetWhere(a, m, v)) {
    const loops = loopsOf(a.dtype);
    const [md, mi, ms] = dataOf(m, 'bool', shape, 0);
    const [vd, vi, vs] = dataOf(v, a.dtype, shape, 1);
    const ad = a.dtype === 'bool' ? a.u8() : a.f64();
    const mm = md as Uint8Array;
    forEachRow(shape, [a.strides, ms, vs], [a.start, mi, vi], (pa, sa, pm, sm, pv, sv, _p3, _s3, n) => {
      loops.setWhereStrided(ad, pa, sa, mm, pm, sm, vd, pv, sv, n);
    });
  }
  disposeTemporary(m, mask);
  disposeTemporary(v, value);
}
