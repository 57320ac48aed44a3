/**
 * Scalar helpers of the `floorDivide` and `copysign` table rows, NumPy's float64
 * `floor_divide` (C `npy_floor_divide` / `npy_divmod`) and `copysign` step for step.
 * @module
 */

const signScratch = new Float64Array(1);
const signWords = new Uint32Array(signScratch.buffer);
/** Index of the 32-bit word holding a float64's sign bit (1 on little-endian hosts). */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * True when the sign bit of `y` is set: negative numbers, -0, and NaNs with the sign bit
 * (NumPy's `signbit`).
 * @param y value
 * @returns whether the sign bit is set
 * @example
 * signBit(-0); // true
 */
export function signBit(y: number): boolean {
  if (y < 0) return true;
  if (y > 0) return false;
  signScratch[0] = y; // 0, -0 or NaN: the bit decides
  return signWords[HIGH_WORD]! >>> 31 === 1;
}

/**
 * `|x|` with the sign bit of `y`, as C `copysign` and NumPy's `np.copysign`: copysign(1, -0)
 * is -1, copysign(1, -NaN) is -1, copysign(NaN, -1) is a NaN.
 * @param x magnitude
 * @param y sign source
 * @returns x with y's sign
 * @example
 * copysignNumpy(3, -0); // -3
 */
export function copysignNumpy(x: number, y: number): number {
  const m = Math.abs(x);
  return signBit(y) ? -m : m;
}

/**
 * Floor of x / y as NumPy's float64 `floor_divide` (`npy_floor_divide`): y = 0 gives x / y
 * (±Infinity, or NaN for 0/0 and NaN/0); otherwise `npy_divmod`: the quotient of
 * `x - fmod(x, y)` by y, stepped down when the remainder's sign differs from y's, floored
 * and rounded to the nearest integer, with a zero quotient taking the sign of x / y. So
 * floorDivide(1, 0.1) is 9 (while floor(1 / 0.1) is 10: 0.1 is a little above 1/10), floorDivide(Infinity, 2)
 * is NaN (fmod(Infinity, 2) is NaN) and floorDivide(-1, Infinity) is -1.
 * @param x dividend
 * @param y divisor
 * @returns the floored quotient
 * @example
 * floorDivideNumpy(7, -2); // -4
 */
export function floorDivideNumpy(x: number, y: number): number {
  if (y === 0) return x / y;
  const mod = x % y; // C fmod
  let div = (x - mod) / y;
  // A NaN remainder counts as nonzero, as in C; its comparisons are then false.
  if (mod !== 0 && y < 0 !== mod < 0) div -= 1;
  if (div !== 0) {
    let floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
    return floordiv;
  }
  const q = x / y;
  return q < 0 || (q === 0 && 1 / q < 0) ? -0 : 0;
}
