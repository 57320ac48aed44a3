/**
 * THE table of element-wise operations. One row per op: its name, kind, the JS expression
 * (over `x`, and `y` for binary ops) from which scripts/gen-js-kernels generates the JS
 * loops, the WASM kernel name (when a WASM kernel exists) and the doc line. The NdArray
 * methods, `nd.*` functions, JS loops, WASM dispatch and table-driven tests all come from it.
 *
 * Adding an op: one row here, the name in the matching type union below, `npm run
 * build:kernels`, one row in test/elementwise.test.ts.
 * @module
 */

/** Binary float64 → float64 ops. */
export type BinaryOpName =
  | 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'mod' | 'maximum' | 'minimum' | 'atan2' | 'hypot'
  | 'floorDivide' | 'copysign';
/** Binary float64 → bool comparisons. */
export type CompareOpName = 'gt' | 'ge' | 'lt' | 'le' | 'eq' | 'ne';
/** Binary bool → bool logical ops. */
export type LogicalOpName = 'and' | 'or' | 'xor';
/** Unary float64 → float64 ops. */
export type UnaryOpName =
  | 'neg' | 'abs' | 'sqrt' | 'cbrt' | 'square' | 'reciprocal' | 'exp' | 'expm1' | 'log'
  | 'log1p' | 'log2' | 'log10' | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan' | 'sinh'
  | 'cosh' | 'tanh' | 'floor' | 'ceil' | 'trunc' | 'round' | 'sign';
/** Unary float64 → bool predicates. */
export type PredicateOpName = 'isnan' | 'isfinite' | 'isinf';
/** Unary ops on any dtype used internally: copy (same dtype), dtype conversions, logical not. */
export type SpecialUnaryName = 'copy' | 'toBool' | 'toFloat' | 'not';

/** Every name accepted by `binary()`. */
export type AnyBinaryName = BinaryOpName | CompareOpName | LogicalOpName;
/** Every name accepted by `unary()`. */
export type AnyUnaryName = UnaryOpName | PredicateOpName | SpecialUnaryName;
/** Every op name in the table. */
export type OpName = AnyBinaryName | AnyUnaryName;

/**
 * What an op takes and gives, which decides the element types of its loops:
 * - `binary`: float64, float64 → float64
 * - `compare`: float64, float64 → bool
 * - `logical`: bool, bool → bool (arity 2), or bool → bool (`not`)
 * - `unary`: float64 → float64
 * - `predicate`: float64 → bool
 * - `convert`: the dtypes named by `from` / `to` (`copy` exists for both dtypes)
 */
export type OpKind = 'binary' | 'compare' | 'logical' | 'unary' | 'predicate' | 'convert';

/** Element type of a loop operand: float64 (`f64`) or bool stored as a byte (`u8`). */
export type LoopDType = 'f64' | 'u8';

/** One row of the op table. */
export interface OpRow {
  /** The op's name: the NdArray method and `nd` function (internal for `convert`). */
  readonly name: OpName;
  /** What the op takes and gives (see {@link OpKind}). */
  readonly kind: OpKind;
  /** Number of operands. */
  readonly arity: 1 | 2;
  /**
   * The JS expression of one element, over `x` (and `y`). Comparisons, predicates and logical
   * ops give a boolean; the generator stores it as 0/1. It may call the helpers exported by
   * src/kernels/js-math.ts.
   */
  readonly expr: string;
  /**
   * The WASM kernel, when one exists. Binary rows name the family: the module exports
   * `<wasm>_vv`, `_vs`, `_sv` and `_rows`. Unary rows name the kernel `(a, out, n)` itself.
   * (`copy` names the float64 kernel; bool arrays use `copy_u8`.)
   */
  readonly wasm?: string;
  /** True when `reduce` may fold the op over an axis. */
  readonly reducible: boolean;
  /** The value `x op identity === x` (used to start a reduction). Required when reducible. */
  readonly identity?: number;
  /** For `convert` rows: element types in and out; `'same'` means either, unchanged. */
  readonly from?: LoopDType | 'same';
  /** See {@link from}. */
  readonly to?: LoopDType | 'same';
  /** One line for the docs. */
  readonly doc: string;
}

function row(
  name: OpName,
  kind: OpKind,
  expr: string,
  doc: string,
  extra: Partial<Omit<OpRow, 'name' | 'kind' | 'expr' | 'doc'>> = {},
): OpRow {
  const arity = extra.arity ?? (kind === 'binary' || kind === 'compare' || kind === 'logical' ? 2 : 1);
  return { name, kind, arity, expr, doc, reducible: false, ...extra };
}

/** Every element-wise op, in the order of the docs. */
export const OPS: readonly OpRow[] = [
  // ---- binary float64 ------------------------------------------------------------------
  row('add', 'binary', 'x + y', 'Sum, element-wise.', { wasm: 'add', reducible: true, identity: 0 }),
  row('sub', 'binary', 'x - y', 'Difference, element-wise.', { wasm: 'sub' }),
  row('mul', 'binary', 'x * y', 'Product, element-wise.', { wasm: 'mul', reducible: true, identity: 1 }),
  row('div', 'binary', 'x / y', 'Quotient (IEEE: x/0 is ±Infinity, 0/0 is NaN).', { wasm: 'div' }),
  row('pow', 'binary', 'powNumpy(x, y)', 'x to the power y (C pow: 1**NaN and (-1)**±Infinity are 1).', { wasm: 'pow' }),
  row('mod', 'binary', 'modFloor(x, y)', 'Remainder with the sign of the divisor (NumPy mod); mod(x, 0) is NaN.'),
  row('maximum', 'binary', '(x > y || x !== x) ? x : y', 'Larger of the two; NaN propagates.', { wasm: 'maximum',
    reducible: true,
    identity: -Infinity,
  }),
  row('minimum', 'binary', '(x < y || x !== x) ? x : y', 'Smaller of the two; NaN propagates.', { wasm: 'minimum',
    reducible: true,
    identity: Infinity,
  }),
  row('atan2', 'binary', 'Math.atan2(x, y)', 'atan(x / y) in the right quadrant: the angle of the point (y, x), as NumPy arctan2.'),
  row('hypot', 'binary', 'Math.hypot(x, y)', 'sqrt(x² + y²) without overflow.'),
  row('floorDivide', 'binary', 'floorDivideNumpy(x, y)', 'Floor of x / y as NumPy floor_divide (npy_divmod: floorDivide(1, 0.1) is 9; x / 0 is ±Infinity or NaN; Infinity / y is NaN).'),
  row('copysign', 'binary', 'copysignNumpy(x, y)', '|x| with the sign bit of y (copysign(1, -0) is -1; NaN signs count).', { wasm: 'copysign' }),
  // ---- comparisons ---------------------------------------------------------------------
  row('gt', 'compare', 'x > y', 'x > y, as a bool array.', { wasm: 'gt' }),
  row('ge', 'compare', 'x >= y', 'x >= y, as a bool array.', { wasm: 'ge' }),
  row('lt', 'compare', 'x < y', 'x < y, as a bool array.', { wasm: 'lt' }),
  row('le', 'compare', 'x <= y', 'x <= y, as a bool array.', { wasm: 'le' }),
  row('eq', 'compare', 'x === y', 'x == y, as a bool array (NaN equals nothing).', { wasm: 'eq' }),
  row('ne', 'compare', 'x !== y', 'x != y, as a bool array (NaN differs from everything).', { wasm: 'ne' }),
  // ---- logical -------------------------------------------------------------------------
  row('and', 'logical', '(x & y) !== 0', 'Logical and of bool arrays.', { wasm: 'and', reducible: true, identity: 1 }),
  row('or', 'logical', '(x | y) !== 0', 'Logical or of bool arrays.', { wasm: 'or', reducible: true, identity: 0 }),
  row('xor', 'logical', 'x !== y', 'Logical exclusive or of bool arrays.', { wasm: 'xor', reducible: true, identity: 0 }),
  row('not', 'logical', 'x === 0', 'Logical not of a bool array.', { arity: 1, wasm: 'not' }),
  // ---- unary float64 -------------------------------------------------------------------
  row('neg', 'unary', '-x', 'Negation.', { wasm: 'unary_neg' }),
  row('abs', 'unary', 'Math.abs(x)', 'Absolute value.', { wasm: 'unary_abs' }),
  row('sqrt', 'unary', 'Math.sqrt(x)', 'Square root (NaN below 0).', { wasm: 'unary_sqrt' }),
  row('cbrt', 'unary', 'Math.cbrt(x)', 'Cube root.'),
  row('square', 'unary', 'x * x', 'x².', { wasm: 'unary_square' }),
  row('reciprocal', 'unary', '1 / x', '1 / x.', { wasm: 'unary_reciprocal' }),
  row('exp', 'unary', 'Math.exp(x)', 'e to the x.', { wasm: 'unary_exp' }),
  row('expm1', 'unary', 'Math.expm1(x)', 'exp(x) - 1, exact near 0.', { wasm: 'unary_expm1' }),
  row('log', 'unary', 'Math.log(x)', 'Natural logarithm.', { wasm: 'unary_log' }),
  row('log1p', 'unary', 'Math.log1p(x)', 'log(1 + x), exact near 0.', { wasm: 'unary_log1p' }),
  row('log2', 'unary', 'Math.log2(x)', 'Base-2 logarithm.', { wasm: 'unary_log2' }),
  row('log10', 'unary', 'Math.log10(x)', 'Base-10 logarithm.', { wasm: 'unary_log10' }),
  row('sin', 'unary', 'Math.sin(x)', 'Sine (radians).', { wasm: 'unary_sin' }),
  row('cos', 'unary', 'Math.cos(x)', 'Cosine (radians).', { wasm: 'unary_cos' }),
  row('tan', 'unary', 'Math.tan(x)', 'Tangent (radians).'),
  row('asin', 'unary', 'Math.asin(x)', 'Inverse sine.'),
  row('acos', 'unary', 'Math.acos(x)', 'Inverse cosine.'),
  row('atan', 'unary', 'Math.atan(x)', 'Inverse tangent.'),
  row('sinh', 'unary', 'Math.sinh(x)', 'Hyperbolic sine.', { wasm: 'unary_sinh' }),
  row('cosh', 'unary', 'Math.cosh(x)', 'Hyperbolic cosine.', { wasm: 'unary_cosh' }),
  row('tanh', 'unary', 'Math.tanh(x)', 'Hyperbolic tangent.', { wasm: 'unary_tanh' }),
  row('floor', 'unary', 'Math.floor(x)', 'Largest integer ≤ x.', { wasm: 'unary_floor' }),
  row('ceil', 'unary', 'Math.ceil(x)', 'Smallest integer ≥ x.', { wasm: 'unary_ceil' }),
  row('trunc', 'unary', 'Math.trunc(x)', 'Integer part (rounds toward 0).', { wasm: 'unary_trunc' }),
  row('round', 'unary', 'roundHalfEven(x)', 'Nearest integer, halves to even (NumPy: 0.5 → 0, 2.5 → 2).', { wasm: 'unary_round' }),
  row('sign', 'unary', 'x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x', '1, -1 or 0 (sign(-0) is 0, sign(NaN) is NaN).'),
  // ---- predicates ----------------------------------------------------------------------
  row('isnan', 'predicate', 'x !== x', 'True where NaN.', { wasm: 'isnan' }),
  row('isfinite', 'predicate', 'x - x === 0', 'True where neither NaN nor ±Infinity.', { wasm: 'isfinite' }),
  row('isinf', 'predicate', 'x === Infinity || x === -Infinity', 'True where ±Infinity.', { wasm: 'isinf' }),
  // ---- conversions (internal) ----------------------------------------------------------
  row('copy', 'convert', 'x', 'Contiguous copy, same dtype.', { from: 'same', to: 'same', wasm: 'copy_f64' }),
  row('toBool', 'convert', 'x !== 0', 'float64 → bool: nonzero (and NaN) is true.', { from: 'f64', to: 'u8', wasm: 'to_bool' }),
  row('toFloat', 'convert', 'x', 'bool → float64: 0 or 1.', { from: 'u8', to: 'f64', wasm: 'to_float' }),
];

const byName = new Map<string, OpRow>(OPS.map((r) => [r.name, r]));

/**
 * The table row of an op.
 * @param name the op's name
 * @returns its row
 * @throws Error when no row has that name (an internal bug: names are typed)
 */
export function opRow(name: OpName): OpRow {
  const r = byName.get(name);
  if (r === undefined) throw new Error(`ndvec: no element-wise op named '${name}' in src/kernels/table.ts`);
  return r;
}

/**
 * Element types of a row's loops: input(s) and output. `copy` answers for float64; its bool
 * twin is generated alongside.
 * @param r a table row
 * @returns the input and output element types
 */
export function loopDTypes(r: OpRow): { input: LoopDType; output: LoopDType } {
  switch (r.kind) {
    case 'binary':
    case 'unary':
      return { input: 'f64', output: 'f64' };
    case 'compare':
    case 'predicate':
      return { input: 'f64', output: 'u8' };
    case 'logical':
      return { input: 'u8', output: 'u8' };
    case 'convert': {
      const input = r.from === 'u8' ? 'u8' : 'f64';
      const output = r.to === 'u8' ? 'u8' : r.to === 'same' ? input : 'f64';
      return { input, output };
    }
  }
}

/**
 * Checks a table for mistakes: a repeated name, a reducible op without identity (or an
 * identity on an op that is not reducible), an expression using an operand its arity lacks,
 * an arity that does not fit the kind, a `convert` row without dtypes, and — when the WASM
 * module's exports are given — a `wasm` kernel name the module does not export.
 * @param rows the table (default: {@link OPS})
 * @param wasmExports names the WASM module exports, to check `wasm` fields against
 * @returns one message per problem, each naming the row; empty when the table is sound
 * @example
 * checkTable(); // []
 */
export function checkTable(rows: readonly OpRow[] = OPS, wasmExports?: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const at = `row '${r.name}'`;
    if (seen.has(r.name)) problems.push(`${at}: duplicate name`);
    seen.add(r.name);
    if (r.reducible && (r.identity === undefined || Number.isNaN(r.identity))) {
      problems.push(`${at}: reducible but has no identity`);
    }
    if (!r.reducible && r.identity !== undefined) problems.push(`${at}: has an identity but is not reducible`);
    if (r.reducible && r.arity !== 2) problems.push(`${at}: reducible ops must be binary`);
    const usesY = /\by\b/.test(r.expr);
    if (!/\bx\b/.test(r.expr)) problems.push(`${at}: expression '${r.expr}' does not use x`);
    if (r.arity === 1 && usesY) problems.push(`${at}: unary expression '${r.expr}' uses y`);
    const binaryKinds: OpKind[] = ['binary', 'compare'];
    const unaryKinds: OpKind[] = ['unary', 'predicate', 'convert'];
    if (binaryKinds.includes(r.kind) && r.arity !== 2) problems.push(`${at}: kind ${r.kind} needs arity 2`);
    if (unaryKinds.includes(r.kind) && r.arity !== 1) problems.push(`${at}: kind ${r.kind} needs arity 1`);
    if (r.kind === 'convert' && (r.from === undefined || r.to === undefined)) {
      problems.push(`${at}: convert rows need 'from' and 'to'`);
    }
    if (r.doc.trim() === '') problems.push(`${at}: empty doc line`);
    if (wasmExports !== undefined && r.wasm !== undefined) {
      const kernel = r.arity === 2 ? `${r.wasm}_vv` : r.wasm;
      if (!wasmExports.has(kernel)) problems.push(`${at}: WASM kernel '${kernel}' is not exported by the module`);
    }
  }
  return problems;
}
