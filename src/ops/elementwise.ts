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
import type { NdArray, Operand } from '../ndarray.ts';
import { emptyArray, isNdArray, newArray } from '../array-factory.ts';
import { DTypeError } from '../errors.ts';
import { type DType } from '../memory.ts';
import { broadcastShapes, broadcastStrides, sameShape, shapeSize } from '../shape.ts';
import { forEachRow, jsLoops, runBinary, runUnary, type BinaryLoops, type Data, type UnaryLoops } from '../kernels/js.ts';
import { opRow, type AnyBinaryName, type AnyUnaryName, type OpRow } from '../kernels/table.ts';
import { onKernelsChange } from '../kernels/wasm.ts';
import { settings } from '../config.ts';
import { copyStrided } from './copy.ts';
import { type StageFamily, WASM_MIN, assertOperand, checkOut, dataOf, disposeTemporary, fullLayout, overlapsHarmfully, ptrOf, runStaged, scalarValue, wasmExport } from '../dispatch.ts';

type LoopName = keyof typeof jsLoops;

/** Bool-by-bool arithmetic that NumPy maps to a logical op (the others compute as float64). */
const boolArithmetic: Partial<Record<AnyBinaryName, LoopName>> = { add: 'or', maximum: 'or', mul: 'and', minimum: 'and' };

/** The four forms of a binary WASM kernel family (see src/kernels/wasm.ts). */
interface BinaryWasm {
  vv(a: number, b: number, out: number, n: number): void;
  vs(a: number, s: number, out: number, n: number): void;
  sv(s: number, b: number, out: number, n: number): void;
  rows(a: number, aRow: number, b: number, bRow: number, out: number, outRow: number, rows: number, cols: number): void;
}

/** What a binary op runs for one combination of operand dtypes (cached, see {@link binaryPlan}). */
interface BinaryPlan {
  /** dtype the loops read (operands of another dtype are converted first) */
  readonly input: DType;
  /** dtype of the result */
  readonly output: DType;
  readonly js: BinaryLoops<Data, Data>;
  /** the WASM family, or null */
  readonly wasm: BinaryWasm | null;
  /** results below this many elements run the JS loops (see docs/design.md) */
  readonly minWasm: number;
  /** the family deciding staging of JS-backed operands */
  readonly stage: StageFamily;
}

/** Plans by op name, indexed by dtypes: a bool (0/3) + b float64 / bool / number (0/1/2). */
const binaryPlans = new Map<string, (BinaryPlan | undefined)[]>();

function makeBinaryPlan(row: OpRow, aDType: DType, bDType: DType | 'number'): BinaryPlan {
  const { loops, input, output } = planBinary(row, aDType, bDType);
  const family = opRow(loops as AnyBinaryName).wasm;
  const vv = wasmExport<BinaryWasm['vv']>(family && `${family}_vv`);
  const wasm: BinaryWasm | null = vv === null ? null : {
    vv,
    vs: wasmExport<BinaryWasm['vs']>(`${family}_vs`)!,
    sv: wasmExport<BinaryWasm['sv']>(`${family}_sv`)!,
    rows: wasmExport<BinaryWasm['rows']>(`${family}_rows`)!,
  };
  const kind = opRow(loops as AnyBinaryName).kind;
  return {
    input, output,
    js: jsLoops[loops] as BinaryLoops<Data, Data>,
    wasm,
    minWasm: kind === 'compare' ? WASM_MIN.compare : WASM_MIN.binary,
    stage: kind === 'compare' ? 'compare' : input === 'bool' ? 'logical' : 'binary',
  };
}

/**
 * The plan of binary `name` on these dtypes; throws DTypeError for combinations the op
 * refuses (never cached).
 */
function binaryPlan(name: AnyBinaryName, aDType: DType, bDType: DType | 'number'): BinaryPlan {
  let plans = binaryPlans.get(name);
  if (plans === undefined) binaryPlans.set(name, (plans = [undefined, undefined, undefined, undefined, undefined, undefined]));
  const i = (aDType === 'bool' ? 3 : 0) + (bDType === 'number' ? 2 : bDType === 'bool' ? 1 : 0);
  let plan = plans[i];
  if (plan === undefined) plans[i] = plan = makeBinaryPlan(opRow(name), aDType, bDType);
  return plan;
}

/**
 * Runs a binary op as WASM when the layout allows: `result` contiguous in the arena and
 * each input the same layout (`_vv`), a single value (`_vs` / `_sv`), or broadcast with its
 * inner axis contiguous or stretched (`_rows`, or a `_vs` / `_sv` call per row).
 * @returns false when it did not run (the JS loops must)
 */
function wasmBinary(plan: BinaryPlan, x: NdArray | number, y: NdArray | number, result: NdArray): boolean {
  const k = plan.wasm;
  const n = result.size;
  if (k === null || !settings.wasm || n < plan.minWasm || !result.isContiguous) return false;
  const shape = result.shape;
  const bool = plan.input === 'bool';
  const xFull = typeof x !== 'number' && fullLayout(x, shape);
  const yFull = typeof y !== 'number' && fullLayout(y, shape);
  const arena = result.storage.inArena;
  if (xFull && yFull) {
    if (arena && x.storage.inArena && y.storage.inArena) k.vv(ptrOf(x), ptrOf(y), ptrOf(result), n);
    else return runStaged(plan.stage, n, [x, y], result, (p, len) => k.vv(p[0]!, p[1]!, p[2]!, len));
    return true;
  }
  if (xFull) {
    const s = scalarValue(y);
    if (s !== null) {
      const v = bool ? +(s !== 0) : s;
      if (arena && x.storage.inArena) k.vs(ptrOf(x), v, ptrOf(result), n);
      else return runStaged(plan.stage, n, [x], result, (p, len) => k.vs(p[0]!, v, p[1]!, len));
      return true;
    }
  } else if (yFull) {
    const s = scalarValue(x);
    if (s !== null) {
      const v = bool ? +(s !== 0) : s;
      if (arena && y.storage.inArena) k.sv(v, ptrOf(y), ptrOf(result), n);
      else return runStaged(plan.stage, n, [y], result, (p, len) => k.sv(v, p[0]!, p[1]!, len));
      return true;
    }
  }
  return arena && typeof x !== 'number' && typeof y !== 'number' && wasmRows(k, x, y, result);
}

/**
 * Broadcast with both inputs in the arena and the inner axis contiguous (stride 1) or
 * stretched (stride 0) in each: `_rows` over the outer axes, or `_vs` / `_sv` per row
 * when one input's inner axis is stretched (column broadcast).
 */
function wasmRows(k: BinaryWasm, x: NdArray, y: NdArray, result: NdArray): boolean {
  const shape = result.shape;
  const nd = shape.length;
  const cols = shape[nd - 1]!;
  if (nd < 2 || cols < 2 || !x.storage.inArena || !y.storage.inArena) return false;
  const xs = broadcastStrides(x.shape, x.strides, shape);
  const ys = broadcastStrides(y.shape, y.strides, shape);
  const xi = xs[nd - 1]!;
  const yi = ys[nd - 1]!;
  if ((xi !== 1 && xi !== 0) || (yi !== 1 && yi !== 0) || xi + yi === 0) return false;
  const xb = x.storage.dtype === 'float64' ? 8 : 1;
  const ob = result.storage.dtype === 'float64' ? 8 : 1;
  const outer = nd - 1;
  const outerShape = shape.slice(0, outer);
  const starts = [x.start, y.start, result.start];
  const strides = [xs.slice(0, outer), ys.slice(0, outer), result.strides.slice(0, outer)];
  if (xi === 1 && yi === 1) {
    // forEachRow merges the outer axes: one call for the usual [m, n] + [n].
    forEachRow(outerShape, strides, starts, (px, sx, py, sy, po, so, _p3, _s3, rows) => {
      k.rows(px * xb, sx, py * xb, sy, po * ob, so, rows, cols);
    });
    return true;
  }
  // One input's inner axis is stretched (column broadcast): a `_vs` / `_sv` call per row.
  const scalars = xi === 0 ? x : y;
  const data = scalars.dtype === 'bool' ? scalars.u8() : scalars.f64();
  const bool = scalars.dtype === 'bool';
  forEachRow(outerShape, strides, starts, (px, sx, py, sy, po, so, _p3, _s3, rows) => {
    for (let r = 0; r < rows; r++) {
      const pr = (po + r * so) * ob;
      if (xi === 1) {
        const v = data[py + r * sy]!;
        k.vs((px + r * sx) * xb, bool ? +(v !== 0) : v, pr, cols);
      } else {
        const v = data[px + r * sx]!;
        k.sv(bool ? +(v !== 0) : v, (py + r * sy) * xb, pr, cols);
      }
    }
  });
  return true;
}

/**
 * @internal A number operand, or an array converted to the loops' input dtype and copied
 * when writing `out` would clobber it before it is read.
 * @param x the operand
 * @param input the dtype the loops read
 * @param out the array written, if given
 * @param shape the broadcast shape
 */
function prepareInput(x: NdArray, input: DType, out: NdArray | undefined, shape: readonly number[]): NdArray {
  if (x.dtype !== input) return unary(input === 'float64' ? 'toFloat' : 'toBool', x);
  if (out !== undefined && overlapsHarmfully(x, broadcastStrides(x.shape, x.strides, shape), out, shape)) return unary('copy', x);
  return x;
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
 * Scalar exponents for which `pow` is a cheaper unary op with the same bits, as in NumPy's
 * own power loop: np.power(x, 2) is np.square(x), np.power(x, 0.5) is np.sqrt(x) (so -0 → -0
 * and -Infinity → NaN), np.power(x, -1) is 1/x, np.power(x, 1) a copy. Other small integers
 * (3, 4, -2) and -0.5 are NOT: NumPy computes them with pow, whose result x*x*x misses by an
 * ulp in 26% of cases (docs/design.md, "pow"); they run the pow kernel. NumPy takes this
 * path when the exponent's stride is 0: a number or a one-element array here.
 */
const POW_BY_UNARY = new Map<number, AnyUnaryName>([[2, 'square'], [0.5, 'sqrt'], [-1, 'reciprocal'], [1, 'toFloat']]);

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
  a.assertLive();
  if (name === 'pow') {
    // A number, or one value broadcast to a's shape (NumPy's loop sees a zero stride either way).
    const single = typeof b === 'number' || (isNdArray(b) && b.size === 1 && b.shape.length <= a.shape.length);
    if (single && typeof b !== 'number') assertOperand(b, name);
    const cheap = single ? POW_BY_UNARY.get(scalarValue(b)!) : undefined;
    if (cheap !== undefined) {
      if (out !== undefined) checkOut(name, out, a.shape, 'float64');
      return unary(cheap, a, out);
    }
  }
  let plan: BinaryPlan;
  let shape: readonly number[];
  if (typeof b === 'number') {
    plan = binaryPlan(name, a.dtype, 'number');
    shape = a.shape;
  } else {
    assertOperand(b, name);
    plan = binaryPlan(name, a.dtype, b.dtype);
    shape = b.shape === a.shape || sameShape(a.shape, b.shape) ? a.shape : broadcastShapes(a.shape, b.shape);
  }
  if (out !== undefined) checkOut(name, out, shape, plan.output);
  // Allocations: dtype conversions, copies of inputs `out` would clobber, the result.
  const x = prepareInput(a, plan.input, out, shape);
  const y = typeof b === 'number' ? b : prepareInput(b, plan.input, out, shape);
  const result = out ?? emptyArray(shape, plan.output);
  // No allocation from here on: views stay valid.
  if (result.size > 0 && !wasmBinary(plan, x, y, result)) {
    const [xd, xi, xs] = dataOf(x, plan.input, shape, 0);
    const [yd, yi, ys] = dataOf(y, plan.input, shape, 1);
    const od = plan.output === 'bool' ? result.u8() : result.f64();
    runBinary(plan.js, shape, xd, xi, xs, yd, yi, ys, od, result.start, result.strides);
  }
  if (x !== a) x.dispose();
  if (y !== b) disposeTemporary(y, b);
  return result;
}

/** What a unary op runs on one input dtype (cached, see {@link unaryPlan}). */
interface UnaryPlan {
  readonly input: DType;
  readonly output: DType;
  readonly js: UnaryLoops<Data, Data>;
  readonly wasm: ((a: number, out: number, n: number) => void) | null;
  readonly minWasm: number;
  readonly stage: StageFamily;
}

/** Unary plans by op name: [float64 input, bool input]. */
const unaryPlans = new Map<string, (UnaryPlan | undefined)[]>();

// Plans hold kernel functions: a module that loads after import (browser main thread) must
// replace the JS-only plans made before it.
onKernelsChange(() => {
  binaryPlans.clear();
  unaryPlans.clear();
});

/** Unary kernels that are polynomial approximations (slower per element than the rest). */
const TRANSCENDENTAL = new Set(['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tanh', 'sinh', 'cosh']);

function unaryPlan(name: AnyUnaryName, dtype: DType): UnaryPlan {
  let plans = unaryPlans.get(name);
  if (plans === undefined) unaryPlans.set(name, (plans = [undefined, undefined]));
  const i = dtype === 'bool' ? 1 : 0;
  let plan = plans[i];
  if (plan === undefined) {
    const { loops, input, output } = planUnary(opRow(name), dtype);
    const kernel = loops === 'copyBool' ? 'copy_u8' : opRow(loops as AnyUnaryName).wasm;
    plans[i] = plan = {
      input, output,
      js: jsLoops[loops] as UnaryLoops<Data, Data>,
      wasm: wasmExport<UnaryPlan['wasm']>(kernel),
      minWasm: TRANSCENDENTAL.has(loops) ? WASM_MIN.unaryTranscendental : WASM_MIN.unarySimple,
      stage: stageFamily(loops),
    };
  }
  return plan;
}

/** The staging family of unary loops. */
function stageFamily(loops: LoopName): StageFamily {
  if (TRANSCENDENTAL.has(loops)) return 'unaryTranscendental';
  if (loops === 'copy' || loops === 'copyBool' || loops === 'toBool' || loops === 'toFloat') return 'convert';
  return opRow(loops as AnyUnaryName).kind === 'predicate' ? 'predicate' : 'unarySimple';
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
  a.assertLive();
  const plan = unaryPlan(name, a.dtype);
  const shape = a.shape;
  if (out !== undefined) checkOut(name, out, shape, plan.output);
  let x = a;
  if (x.dtype !== plan.input) x = unary('toFloat', x);
  else if (out !== undefined && overlapsHarmfully(x, x.strides, out, shape)) x = unary('copy', x);
  const result = out ?? emptyArray(shape, plan.output);
  const n = result.size;
  if (n > 0) {
    const k = plan.wasm;
    const usable = k !== null && settings.wasm && n >= plan.minWasm && fullLayout(x, shape) && fullLayout(result, shape);
    if (usable && x.storage.inArena && result.storage.inArena) k(ptrOf(x), ptrOf(result), n);
    else if ((name === 'copy' || name === 'toFloat') && !usable && copyStrided(x, result)) {
      // a view copied by the strided WASM kernel (src/ops/copy.ts)
    } else if (!usable || !runStaged(plan.stage, n, [x], result, (p, len) => k(p[0]!, p[1]!, len))) {
      const xd = plan.input === 'bool' ? x.u8() : x.f64();
      const od = plan.output === 'bool' ? result.u8() : result.f64();
      runUnary(plan.js, shape, xd, x.start, x.strides, od, result.start, result.strides);
    }
  }
  if (x !== a) x.dispose();
  return result;
}

/** A bound as the one-pass clip kernels take it: a number (a missing bound is ∓Infinity, exactly), an arena array of the full shape, or null (neither). */
function clipBound(bound: Operand | null, missing: number, target: NdArray, shape: readonly number[]): number | NdArray | null {
  if (bound === null) return missing;
  const value = scalarValue(bound);
  if (value !== null) return value;
  if (!isNdArray(bound) || !bound.storage.inArena || !fullLayout(bound, shape) || overlapsHarmfully(bound, bound.strides, target, shape)) return null;
  return bound;
}

/** `clip_vss(a, lo, hi, out, n, held)` (wasm/assembly/arith.ts): held 1 keeps the value on a ±0 tie. */
type ClipVss = (a: number, lo: number, hi: number, out: number, n: number, held: number) => void;

/**
 * clip in one WASM pass when `x` and `target` lie in the arena with the full shape and each bound is a number or such an
 * array (both numbers: `clip_vss`; both arrays: `clip_vvv`). Returns false, having written nothing, otherwise.
 */
function clipInOnePass(x: NdArray, lo: Operand | null, hi: Operand | null, target: NdArray, shape: readonly number[]): boolean {
  if (!settings.wasm || target.size === 0 || x.dtype !== 'float64') return false;
  if (!x.storage.inArena || !target.storage.inArena || !fullLayout(x, shape) || !fullLayout(target, shape)) return false;
  if (overlapsHarmfully(x, x.strides, target, shape)) return false;
  const lower = clipBound(lo, -Infinity, target, shape);
  const upper = clipBound(hi, Infinity, target, shape);
  if (typeof lower === 'number' && typeof upper === 'number') {
    const k = wasmExport<ClipVss>('clip_vss');
    if (k === null) return false;
    k(ptrOf(x), lower, upper, ptrOf(target), target.size, 0);
    return true;
  }
  if (isNdArray(lower) && isNdArray(upper)) {
    const k = wasmExport<(a: number, lo: number, hi: number, out: number, n: number) => void>('clip_vvv');
    if (k === null) return false;
    k(ptrOf(x), ptrOf(lower), ptrOf(upper), ptrOf(target), target.size);
    return true;
  }
  return false;
}

/**
 * clip with both bounds one (non-NaN) value each, NumPy's stride-0 loop: a tie keeps the value
 * held (`m = x < lo ? lo : x; m > hi ? hi : m`), so clip(-0, -Infinity, 0) is -0 and clip(-5, 0,
 * -0) is +0, where array bounds and a single bound (maximum / minimum) give the bound. WASM
 * (`clip_vss` with `held` 1, wasm/assembly/arith.ts) in the arena or staged, else a JS loop.
 * @param x the values, already of the result's shape (a broadcast view is fine)
 * @param lo lower bound
 * @param hi upper bound
 * @param target the result, written in full; may share `x`'s memory
 * @returns `target`
 */
function clipScalarBounds(x: NdArray, lo: number, hi: number, target: NdArray): NdArray {
  const shape = target.shape;
  const n = target.size;
  if (n === 0) return target;
  const k = wasmExport<ClipVss>('clip_vss');
  if (k !== null && settings.wasm && fullLayout(x, shape) && fullLayout(target, shape) && !overlapsHarmfully(x, x.strides, target, shape)) {
    if (x.storage.inArena && target.storage.inArena) {
      k(ptrOf(x), lo, hi, ptrOf(target), n, 1);
      return target;
    }
    if (runStaged('unarySimple', n, [x], target, (p, len) => k(p[0]!, lo, hi, p[1]!, len, 1))) return target;
  }
  const src = overlapsHarmfully(x, x.strides, target, shape) ? unary('copy', x) : x;
  const xd = src.f64();
  const od = target.f64();
  forEachRow(shape, [src.strides, target.strides], [src.start, target.start], (px, sx, po, so, _p2, _s2, _p3, _s3, len) => {
    for (let i = 0; i < len; i++, px += sx, po += so) {
      const v = xd[px]!;
      const m = v < lo ? lo : v;
      od[po] = m > hi ? hi : m;
    }
  });
  if (src !== x) src.dispose();
  return target;
}

/**
 * True when NumPy's clip would see a one-element bound with its own stride rather than
 * broadcast (stride 0), so the general loop's rule holds (the bound wins a ±0 tie): a result
 * of one element where every operand is 0-d or of the result's shape (NumPy's trivial loop)
 * and a bound is an array of the result's shape. Checked on NumPy 2.4.6 for every mix of
 * shapes (), (1,), (1, 1), (1, 1, 1), numbers, and values of shape (3,), (1, 3), (3, 1), (2, 3).
 */
function boundsKeepStride(a: NdArray, lo: Operand | null, hi: Operand | null, shape: readonly number[]): boolean {
  if (shapeSize(shape) !== 1 || shape.length === 0) return false;
  const trivial = [a, lo, hi].every((o) => !isNdArray(o) || o.ndim === 0 || o.ndim === shape.length);
  const full = (b: Operand | null): boolean => isNdArray(b) && b.ndim === shape.length;
  return trivial && (full(lo) || full(hi));
}

/**
 * Limits values to [lo, hi], broadcasting `a`, `lo` and `hi` together: `minimum(maximum(a,
 * lo), hi)`, so NaN propagates and lo > hi gives hi, as NumPy. A null bound is no bound (both
 * null: a copy). On a tie of ±0 the sign follows NumPy's loops: with both bounds single values
 * the value held is kept (clip(-0, -Infinity, 0) is -0), otherwise the bound wins.
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
  for (const bound of [lo, hi]) if (isNdArray(bound)) shapes.push(bound.shape);
  const shape = broadcastShapes(...shapes);
  if (out !== undefined) checkOut('clip', out, shape, 'float64');
  const x = a.dtype === 'bool' ? unary('toFloat', a) : a;
  // `out` is written by the first pass and read by the second: bounds sharing its storage are copied.
  const own = (bound: Operand | null): Operand | null =>
    isNdArray(bound) && (bound.dtype === 'bool' || (out !== undefined && bound.storage === out.storage))
      ? unary('toFloat', bound)
      : bound;
  const lower = own(lo);
  const upper = own(hi);
  const target = out ?? emptyArray(shape, 'float64');
  const xFull = sameShape(x.shape, shape)
    ? x
    : newArray(x.storage, shape, broadcastStrides(x.shape, x.strides, shape), x.offset, false, true);
  let result: NdArray;
  const lv = lower === null ? null : scalarValue(lower);
  const hv = upper === null ? null : scalarValue(upper);
  if (lower === null && upper === null) result = unary('copy', xFull, target);
  else if (lv !== null && hv !== null && lv === lv && hv === hv && !boundsKeepStride(a, lo, hi, shape)) result = clipScalarBounds(xFull, lv, hv, target);
  else if (clipInOnePass(x, lower, upper, target, shape)) result = target;
  else {
    const first = lower === null ? xFull : binary('maximum', xFull, lower, target);
    result = upper === null ? first : binary('minimum', first, upper, target);
  }
  disposeTemporary(x, a);
  disposeTemporary(lower, lo);
  disposeTemporary(upper, hi);
  return result;
}
