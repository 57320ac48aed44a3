/**
 * Strided copies of float64 data: one call copies a rows×cols block between any two layouts,
 * `copy_2d_f64(src, s0, s1, dst, d0, d1, rows, cols)`: dst[r·d0 + c·d1] = src[r·s0 + c·s1]
 * (strides in elements, negative allowed; pointers are byte offsets of element [0, 0]).
 * The callers (src/ops/copy.ts) merge axes first, so a C-order walk of any view is a loop of
 * these blocks. Four shapes of the work have their own loops:
 * - both rows contiguous (s1 = d1 = 1): one memory.copy a row (slices, concat pieces);
 * - a contiguous destination row read with step 2: pairs of loads shuffled into one vector;
 * - a transpose (s0 = 1, d1 = 1): 32×32 tiles in bands of 64 source rows, each 2×2
 *   sub-block transposed in registers from two column loads, so reads and writes stay in a
 *   few cache lines and pages;
 * - anything else: a plain strided loop.
 * The blocks must not overlap. No static data.
 *
 * Tried for the 1000² transpose (2026-12-03, lab A/B of the kernel alone in one process,
 * medians): square super-blocks of 128 or 256 with 32-tiles inside, bands of 64 destination
 * rows instead of source rows, bands of 32 or 128, 16-tiles: all within ±10 % of these bands
 * (330–410 µs, noise on this shared machine), so kept. The kernel alone moves 290–1280 µs
 * with the machine's load; NumPy's `m.T.copy()` 720–990 µs over the same minutes.
 */
import { F64 } from './lanes';

const TILE: isize = 32;
const BAND: isize = 64;

/** dst row = src row read with step 2 (d1 = 1), shuffling pairs of loads. */
@inline function gatherStep2(src: usize, dst: usize, cols: isize): void {
  let c: isize = 0;
  for (; c + 4 <= cols; c += 4) {
    const q = src + <usize>(c * 2 * F64);
    const a = v128.load(q);
    const b = v128.load(q, 16);
    const e = v128.load(q, 32);
    const f = v128.load(q, 48);
    v128.store(dst + <usize>(c * F64), i8x16.shuffle(a, b, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23));
    v128.store(dst + <usize>(c * F64), i8x16.shuffle(e, f, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23), 16);
  }
  for (; c < cols; c++) store<f64>(dst + <usize>(c * F64), load<f64>(src + <usize>(c * 2 * F64)));
}

/** dst[r·d0 + c] = src[r + c·s1] for r in [r0, r1), c in [c0, c1): one tile of a transpose. */
@inline function transposeTile(src: usize, s1: isize, dst: usize, d0: isize, r0: isize, r1: isize, c0: isize, c1: isize): void {
  let r = r0;
  for (; r + 2 <= r1; r += 2) {
    let c = c0;
    const o0 = dst + <usize>(r * d0 * F64);
    const o1 = o0 + <usize>(d0 * F64);
    for (; c + 2 <= c1; c += 2) {
      const x = v128.load(src + <usize>((r + c * s1) * F64)); // (r, c), (r+1, c)
      const y = v128.load(src + <usize>((r + (c + 1) * s1) * F64)); // (r, c+1), (r+1, c+1)
      v128.store(o0 + <usize>(c * F64), i8x16.shuffle(x, y, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23));
      v128.store(o1 + <usize>(c * F64), i8x16.shuffle(x, y, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31));
    }
    for (; c < c1; c++) {
      const q = src + <usize>((r + c * s1) * F64);
      store<f64>(o0 + <usize>(c * F64), load<f64>(q));
      store<f64>(o1 + <usize>(c * F64), load<f64>(q, 8));
    }
  }
  for (; r < r1; r++) {
    const o = dst + <usize>(r * d0 * F64);
    for (let c = c0; c < c1; c++) store<f64>(o + <usize>(c * F64), load<f64>(src + <usize>((r + c * s1) * F64)));
  }
}

/**
 * dst[r·d0 + c·d1] = src[r·s0 + c·s1] for r < rows, c < cols (element strides, any sign).
 * @param src byte offset of the source's element [0, 0]
 * @param dst byte offset of the destination's element [0, 0]
 */
export function copy_2d_f64(src: usize, s0: isize, s1: isize, dst: usize, d0: isize, d1: isize, rows: isize, cols: isize): void {
  if (rows <= 0 || cols <= 0) return;
  if (s1 == 1 && d1 == 1) {
    for (let r: isize = 0; r < rows; r++) memory.copy(dst + <usize>(r * d0 * F64), src + <usize>(r * s0 * F64), <usize>(cols * F64));
    return;
  }
  if (s0 == 1 && d1 == 1 && rows > 1) {
    // Bands of BAND source rows (columns of the result) keep the pages in use few enough for
    // the TLB; within a band, tiles walk the source rows left to right.
    for (let b0: isize = 0; b0 < cols; b0 += BAND) {
      const b1 = min<isize>(cols, b0 + BAND);
      for (let r0: isize = 0; r0 < rows; r0 += TILE) {
        const r1 = min<isize>(rows, r0 + TILE);
        for (let c0 = b0; c0 < b1; c0 += TILE) transposeTile(src, s1, dst, d0, r0, r1, c0, min<isize>(b1, c0 + TILE));
      }
    }
    return;
  }
  for (let r: isize = 0; r < rows; r++) {
    const p = src + <usize>(r * s0 * F64);
    const q = dst + <usize>(r * d0 * F64);
    if (s1 == 2 && d1 == 1) {
      gatherStep2(p, q, cols);
      continue;
    }
    let c: isize = 0;
    for (; c + 2 <= cols; c += 2) {
      const x = load<f64>(p + <usize>(c * s1 * F64));
      const y = load<f64>(p + <usize>((c + 1) * s1 * F64));
      store<f64>(q + <usize>(c * d1 * F64), x);
      store<f64>(q + <usize>((c + 1) * d1 * F64), y);
    }
    if (c < cols) store<f64>(q + <usize>(c * d1 * F64), load<f64>(p + <usize>(c * s1 * F64)));
  }
}
