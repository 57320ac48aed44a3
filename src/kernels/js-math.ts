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

/**
 * `x ** y` with C `pow`'s special cases, as NumPy: 1 ** y is 1 for every y (NaN too), and
 * (-1) ** ±Infinity is 1, where JS gives NaN.
 * @param x base
 * @param y exponent
 * @returns x to the power y
 * @example
 * powNumpy(1, NaN); // 1
 */
export function powNumpy(x: number, y: number): number {
  const r = x ** y;
  if (r === r) return r;
  return x === 1 || (x === -1 && (y === Infinity || y === -Infinity)) ? 1 : r;
}

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
