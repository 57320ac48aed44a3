/**
 * THE table of element-wise operations. One row per op: its name, kind, the JS expression
 * (over `x`, and `y` for binary ops) from which scripts/gen-js-kernels generates the JS
 * loops, the WASM kernel name (when a WASM kernel exists) and the doc line. The NdArray
 * methods, `nd.*` functions, JS loops, WASM dispatch and table-driven tests all come from it.
 * @module
 */

/** Binary float64 → float64 ops. */
export type BinaryOpName =
  | 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'mod' | 'maximum' | 'minimum' | 'atan2' | 'hypot';
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
