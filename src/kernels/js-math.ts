/**
 * Scalar helpers the table's JS expressions call where a bare operator does not match NumPy.
 * Small and monomorphic, so V8 inlines them into the generated loops.
 * @module
 */

/**
 * Remainder with the sign of the divisor, as NumPy's `mod`/`remainder` on floats
 * (C `npy_divmod`): mod(-3, 2) = 1, mod(3, -2) = -1, mod(x, 0) = NaN, mod(-3, Infinity) =
 * Infinity, and a zero result takes the divisor's sign.
 * @param x dividend
 * @param y divisor
 * @returns x mod y
 * @example
 * modFloor(-3, 2); // 1
 */
export function modFloor(x: number, y: number): number {
  const m = x % y;
  if (m === 0) return y < 0 ? -0 : 0;
  return y < 0 !== m < 0 ? m + y : m;
}

// pow has its own file: one algorithm shared, operation for operation, with the WASM kernel.
export { powNumpy } from './js-pow.ts';
// floorDivide and copysign (NumPy's npy_divmod and signbit) have theirs too.
export { copysignNumpy, floorDivideNumpy } from './js-floor-divide.ts';

/**
 * Rounds to the nearest integer, halves to even (NumPy `round`, IEEE roundTiesToEven):
 * 0.5 → 0, 1.5 → 2, 2.5 → 2, -0.5 → -0.
 * @param x value
 * @returns the rounded value
 * @example
 * roundHalfEven(2.5); // 2
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x); // ties toward +Infinity
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
