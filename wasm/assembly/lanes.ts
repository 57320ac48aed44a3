/**
 * Lane helpers shared by the kernel families: moving between float64 lane masks (two
 * 64-bit lanes a vector) and byte masks (one byte an element, 0 or 1).
 */

/** Byte stride of one float64. */
export const F64: usize = 8;

/**
 * Packs eight float64 lane masks (all-ones / all-zeros per 64-bit lane, 16 elements in
 * order) into 16 bytes of 0/1. Each narrowing halves the lane width; a mask lane stays
 * -1 or 0 through saturating narrows, so the last step sees one i16 per element.
 */
@inline export function packMasks16(
  m0: v128, m1: v128, m2: v128, m3: v128, m4: v128, m5: v128, m6: v128, m7: v128,
): v128 {
  const e0to3 = i16x8.narrow_i32x4_s(m0, m1);
  const e4to7 = i16x8.narrow_i32x4_s(m2, m3);
  const e8to11 = i16x8.narrow_i32x4_s(m4, m5);
  const e12to15 = i16x8.narrow_i32x4_s(m6, m7);
  const e0to7 = i8x16.narrow_i16x8_s(e0to3, e4to7);
  const e8to15 = i8x16.narrow_i16x8_s(e8to11, e12to15);
  return v128.and(i8x16.narrow_i16x8_s(e0to7, e8to15), i8x16.splat(1));
}

/** All-ones bytes where the byte is nonzero (a bool mask byte as a lane mask). */
@inline export function byteTruth(bytes: v128): v128 {
  return i8x16.ne(bytes, i8x16.splat(0));
}

/** Lane masks of elements 0-3 of 16 byte masks (all-ones / zero bytes): low i32 quarter. */
@inline export function widenQuarter0(truth: v128): v128 {
  return i32x4.extend_low_i16x8_s(i16x8.extend_low_i8x16_s(truth));
}
/** Lane masks of elements 4-7 as i32 lanes. */
@inline export function widenQuarter1(truth: v128): v128 {
  return i32x4.extend_high_i16x8_s(i16x8.extend_low_i8x16_s(truth));
}
/** Lane masks of elements 8-11 as i32 lanes. */
@inline export function widenQuarter2(truth: v128): v128 {
  return i32x4.extend_low_i16x8_s(i16x8.extend_high_i8x16_s(truth));
}
/** Lane masks of elements 12-15 as i32 lanes. */
@inline export function widenQuarter3(truth: v128): v128 {
  return i32x4.extend_high_i16x8_s(i16x8.extend_high_i8x16_s(truth));
}
/** float64 lane mask of the first two of four i32 lane masks. */
@inline export function lowPair(quarter: v128): v128 {
  return i64x2.extend_low_i32x4_s(quarter);
}
/** float64 lane mask of the last two of four i32 lane masks. */
@inline export function highPair(quarter: v128): v128 {
  return i64x2.extend_high_i32x4_s(quarter);
}
