/**
 * Element-wise ops: broadcasting binary ops, comparisons, logical ops, unary ops and `clip`,
 * each optionally written into an `out` array. Every op is a row of src/kernels/table.ts;
 * this file decides dtypes (NumPy's rules for bool arrays), validates shapes and `out`,
 * handles `out` overlapping an input, allocates, and runs the kernel.
 *
 * Dtype rules (NumPy's, where they make sense for float64 + bool):
 * - arithmetic on two bool arrays: `add`/`maximum` are logical or, `mul`/`minimum` logical
 *   and (results bool); `sub` and `neg` of bools throw DTypeError; other ops compute on 0/1
 *   as float64. A bool array with a float64 array or a number is 0/1 float64.
 * - comparisons take bools as 0/1 and give bool; predicates on bools give false/true as on 0/1.
 * - logical ops need bool arrays (a number operand counts as its truth value).
 * @module
 */
import { NdArray, type Operand } from '../ndarray.ts';
import { DTypeError, ShapeError, formatShape } from '../errors.ts';
import type { DType } from '../memory.ts';
import { broadcastShapes, broadcastStrides, sameShape } from '../shape.ts';
import { jsLoops, runBinary, runUnary, type BinaryLoops, type Data, type UnaryLoops } from '../kernels/js.ts';
import { opRow, type AnyBinaryName, type AnyUnaryName, type OpRow } from '../kernels/table.ts';
import { activeKernels, bytePointer } from '../kernels/wasm.ts';

type LoopName = keyof typeof jsLoops;

/** Number operands, read by the kernels as one element (one slot per operand) with stride 0. */
const scalarF64 = new Float64Array(4);
const scalarU8 = new Uint8Array(4);

/** Bool-by-bool arithmetic that NumPy maps to a logical op (the others compute as float64). */
const boolArithmetic: Partial<Record<AnyBinaryName, LoopName>> = { add: 'or', maximum: 'or', mul: 'and', minimum: 'and' };

/**
 * @internal Throws unless `b` is a live NdArray or a number.
 * @param b the operand
 * @param name the op, for the message
 */
export function assertOperand(b: unknown, name: string): asserts b is Operand {
  if (b instanceof NdArray) {
    b.assertLive();
    return;
  }
  if (typeof b !== 'number') {
    throw new DTypeError(`${name}: the other operand must be an NdArray or a number, got ${typeof b}`, typeof b);
  }
}

/**
 * @internal Checks `out` against the result's shape and dtype, before anything is written.
 * @param name the op, for the message
 * @param out the array to write into
 * @param shape the result's shape
 * @param dtype the result's dtype
 * @throws ShapeError / DTypeError naming the shapes / dtypes
 */
export function checkOut(name: string, out: NdArray, shape: readonly number[], dtype: DType): void {
  if (!(out instanceof NdArray)) throw new DTypeError(`${name}: out must be an NdArray`, typeof out);
  out.assertLive();
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

/** @internal True when `a` lies in the arena, C-contiguous, with exactly `shape`. */
export function wasmReady(a: NdArray, shape: readonly number[]): boolean {
  return a.storage.inArena && a.isContiguous && sameShape(a.shape, shape);
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

/**
 * Runs a binary op as one WASM call when the layout allows: `result` contiguous in the arena
 * and each input either the same (`_vv`) or a single value (`_vs` / `_sv`).
 * @returns false when it did not run (the JS loops must)
 */
function wasmBinary(family: string | undefined, x: NdArray | number, y: NdArray | number, result: NdArray, bool: boolean): boolean {
  const k = kernelTable();
  if (k === null || family === undefined || !wasmReady(result, result.shape)) return false;
  const shape = result.shape;
  const n = result.size;
  const asScalar = (v: number): number => (bool ? (v !== 0 ? 1 : 0) : v);
  const xFull = x instanceof NdArray && wasmReady(x, shape);
  const yFull = y instanceof NdArray && wasmReady(y, shape);
  if (xFull && yFull) {
    k[`${family}_vv`]!(bytePointer(x), bytePointer(y), bytePointer(result), n);
    return true;
  }
  const ys = yFull ? null : scalarValue(y);
  if (xFull && ys !== null) {
    k[`${family}_vs`]!(bytePointer(x), asScalar(ys), bytePointer(result), n);
    return true;
  }
  const xs = xFull ? null : scalarValue(x);
  if (yFull && xs !== null) {
    k[`${family}_sv`]!(asScalar(xs), bytePointer(y), bytePointer(result), n);
    return true;
  }
  return false;
}

/**
 * @internal Frees `used` when it is a temporary made from `given` (a conversion or a copy).
 * @param used what the op read
 * @param given what the caller passed
 */
export function disposeTemporary(used: NdArray | number | null, given: NdArray | number | null): void {
  if (used !== given && used instanceof NdArray) used.dispose();
}

/** Which loops to run for `name` on these dtypes, the input dtype and the result dtype. */
function planBinary(row: OpRow, aDType: DType, bDType: DType | 'number'): { loops: LoopName; input: DType; output: DType } {
  const name = row.name as AnyBinaryName;
  if (row.kind === 'logical') {
    for (const d of [aDType, bDType]) {
      if (d === 'float64') throw new DTypeError(`${name}: logical ops need bool arrays, got ${d}`, d);
    }
    return { loops: name, input: 'bool', output: 'bool' };
  }
  if (row.kind === 'binary' && aDType === 'bool' && bDType === 'bool') {
    if (name === 'sub') {
      throw new DTypeError('sub: subtracting bool arrays is not supported (NumPy neither); use xor', 'bool');
    }
    const logical = boolArithmetic[name];
    if (logical !== undefined) return { loops: logical, input: 'bool', output: 'bool' };
  }
  return { loops: name, input: 'float64', output: row.kind === 'compare' ? 'bool' : 'float64' };
}

/**
 * Broadcasting binary op (arithmetic, comparison or logical), optionally into `out`.
 * @param name the op (a row of src/kernels/table.ts)
 * @param a left operand
 * @param b right operand: an array (broadcast against `a`) or a number
 * @param out optional array to write into: its shape must be the broadcast shape and its
 *   dtype the result's; it may be `a` or `b` (in place)
 * @returns the result (`out` when given)
 * @throws BroadcastError, ShapeError, DTypeError before anything is written
 * @example
 * binary('add', nd.array([1, 2]), 10).toArray(); // [11, 12]
 */
export function binary(name: AnyBinaryName, a: NdArray, b: Operand, out?: NdArray): NdArray {
  const row = opRow(name);
  a.assertLive();
  assertOperand(b, name);
  const plan = planBinary(row, a.dtype, typeof b === 'number' ? 'number' : b.dtype);
  const shape = typeof b === 'number' ? a.shape : broadcastShapes(a.shape, b.shape);
  if (out !== undefined) checkOut(name, out, shape, plan.output);
  // Allocations: dtype conversions, copies of inputs `out` would clobber, the result.
  const prepare = (x: NdArray | number): NdArray | number => {
    if (typeof x === 'number') return x;
    if (x.dtype !== plan.input) return unary(plan.input === 'float64' ? 'toFloat' : 'toBool', x);
    if (out !== undefined && overlapsHarmfully(x, broadcastStrides(x.shape, x.strides, shape), out, shape)) {
      return unary('copy', x);
    }
    return x;
  };
  const x = prepare(a);
  const y = prepare(b);
  const result = out ?? NdArray.empty(shape, plan.output);
  if (result.size === 0) {
    disposeTemporary(x, a);
    disposeTemporary(y, b);
    return result;
  }
  // No allocation from here on: views stay valid.
  if (wasmBinary(opRow(plan.loops as AnyBinaryName).wasm, x, y, result, plan.input === 'bool')) {
    disposeTemporary(x, a);
    disposeTemporary(y, b);
    return result;
  }
  const [xd, xi, xs] = dataOf(x, plan.input, shape, 0);
  const [yd, yi, ys] = dataOf(y, plan.input, shape, 1);
  const od = plan.output === 'bool' ? result.u8() : result.f64();
  const loops = jsLoops[plan.loops] as BinaryLoops<Data, Data>;
  runBinary(loops, shape, xd, xi, xs, yd, yi, ys, od, result.start, result.strides);
  disposeTemporary(x, a);
  disposeTemporary(y, b);
  return result;
}

/** Which loops run unary `name` on an array of dtype `dtype`, and what dtype they need. */
function planUnary(row: OpRow, dtype: DType): { loops: LoopName; input: DType; output: DType } {
  switch (row.name) {
    case 'copy':
      return { loops: dtype === 'bool' ? 'copyBool' : 'copy', input: dtype, output: dtype };
    case 'toBool':
      return dtype === 'bool' ? { loops: 'copyBool', input: 'bool', output: 'bool' } : { loops: 'toBool', input: 'float64', output: 'bool' };
    case 'toFloat':
      return dtype === 'bool' ? { loops: 'toFloat', input: 'bool', output: 'float64' } : { loops: 'copy', input: 'float64', output: 'float64' };
    case 'not':
      if (dtype !== 'bool') throw new DTypeError(`not: logical ops need bool arrays, got ${dtype}`, dtype);
      return { loops: 'not', input: 'bool', output: 'bool' };
    case 'neg':
      if (dtype === 'bool') throw new DTypeError('neg: negating a bool array is not supported (NumPy neither); use not', dtype);
  }
  return { loops: row.name as LoopName, input: 'float64', output: row.kind === 'predicate' ? 'bool' : 'float64' };
}

/**
 * Unary op, optionally into `out`.
 * @param name the op (a row of src/kernels/table.ts, or `copy` / `toBool` / `toFloat` / `not`)
 * @param a the input (float64; a bool input computes on 0/1, except `neg`, which throws)
 * @param out optional array to write into: same shape as `a`, the result's dtype; may be `a`
 * @returns the result (`out` when given)
 * @throws ShapeError, DTypeError before anything is written
 * @example
 * unary('sqrt', nd.array([4, 9])).toArray(); // [2, 3]
 */
export function unary(name: AnyUnaryName, a: NdArray, out?: NdArray): NdArray {
  const row = opRow(name);
  a.assertLive();
  const plan = planUnary(row, a.dtype);
  if (out !== undefined) checkOut(name, out, a.shape, plan.output);
  let x = a;
  if (x.dtype !== plan.input) x = unary('toFloat', x);
  else if (out !== undefined && overlapsHarmfully(x, x.strides, out, x.shape)) x = unary('copy', x);
  const result = out ?? NdArray.empty(a.shape, plan.output);
  if (result.size === 0) return result;
  const k = kernelTable();
  const kernel = plan.loops === 'copyBool' ? 'copy_u8' : opRow(plan.loops as AnyUnaryName).wasm;
  if (k !== null && kernel !== undefined && wasmReady(x, a.shape) && wasmReady(result, a.shape)) {
    k[kernel]!(bytePointer(x), bytePointer(result), result.size);
    disposeTemporary(x, a);
    return result;
  }
  const xd = plan.input === 'bool' ? x.u8() : x.f64();
  const od = plan.output === 'bool' ? result.u8() : result.f64();
  const loops = jsLoops[plan.loops] as UnaryLoops<Data, Data>;
  runUnary(loops, a.shape, xd, x.start, x.strides, od, result.start, result.strides);
  disposeTemporary(x, a);
  return result;
}

/**
 * Limits values to [lo, hi], broadcasting `a`, `lo` and `hi` together: `minimum(maximum(a,
 * lo), hi)`, so NaN propagates and lo > hi gives hi, as NumPy. A null bound is no bound (both
 * null: a copy).
 * @param a the values (a bool array counts as 0/1)
 * @param lo lower bound: array, number or null
 * @param hi upper bound: array, number or null
 * @param out optional float64 array of the broadcast shape to write into; may be `a`
 * @returns the clipped values (`out` when given)
 * @throws BroadcastError, ShapeError, DTypeError before anything is written
 * @example
 * clip(nd.array([-1, 0.5, 2]), 0, 1).toArray(); // [0, 0.5, 1]
 */
export function clip(a: NdArray, lo: Operand | null, hi: Operand | null, out?: NdArray): NdArray {
  a.assertLive();
  if (lo !== null) assertOperand(lo, 'clip');
  if (hi !== null) assertOperand(hi, 'clip');
  const shapes = [a.shape];
  for (const bound of [lo, hi]) if (bound instanceof NdArray) shapes.push(bound.shape);
  const shape = broadcastShapes(...shapes);
  if (out !== undefined) checkOut('clip', out, shape, 'float64');
  const x = a.dtype === 'bool' ? unary('toFloat', a) : a;
  // `out` is written by the first pass and read by the second: bounds sharing its storage are copied.
  const own = (bound: Operand | null): Operand | null =>
    bound instanceof NdArray && (bound.dtype === 'bool' || (out !== undefined && bound.storage === out.storage))
      ? unary('toFloat', bound)
      : bound;
  const lower = own(lo);
  const upper = own(hi);
  const target = out ?? NdArray.empty(shape, 'float64');
  const xFull = sameShape(x.shape, shape)
    ? x
    : new NdArray(x.storage, shape, broadcastStrides(x.shape, x.strides, shape), x.offset);
  let result: NdArray;
  if (lower === null && upper === null) result = unary('copy', xFull, target);
  else {
    const first = lower === null ? xFull : binary('maximum', xFull, lower, target);
    result = upper === null ? first : binary('minimum', first, upper, target);
  }
  disposeTemporary(x, a);
  disposeTemporary(lower, lo);
  disposeTemporary(upper, hi);
  return result;
}
