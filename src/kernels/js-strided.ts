/**
 * Strided walking for the JS reduction, sort and matmul kernels: an odometer over any set of
 * axes (two pointers stepping together, e.g. input and output), a C-order gather of any view
 * into a plain `Float64Array`, and axis ordering/coalescing so that inner loops run over the
 * longest, tightest run of memory.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { contiguousStrides } from '../shape.ts';

/** One loop of a strided walk: its length and the steps of the two pointers it moves. */
export interface LoopAxis {
  /** Number of iterations. */
  n: number;
  /** Step of the first pointer (usually the input), in elements. */
  s: number;
  /** Step of the second pointer (usually the output), in elements. */
  t: number;
}

/**
 * Calls `visit(p, q)` at every position of the loops `axes` (outermost first), where `p`
 * and `q` start at `p0`/`q0` and move by each axis' `s`/`t`. No loops: one visit. A loop
 * of length 0: no visit.
 * @param axes the loops, outermost first
 * @param p0 start of the first pointer
 * @param q0 start of the second pointer
 * @param visit called once per position
 */
export function walkAxes(axes: readonly LoopAxis[], p0: number, q0: number, visit: (p: number, q: number) => void): void {
  const nd = axes.length;
  for (let k = 0; k < nd; k++) if (axes[k]!.n === 0) return;
  const index = new Array<number>(nd).fill(0);
  let p = p0;
  let q = q0;
  for (;;) {
    visit(p, q);
    let k = nd - 1;
    for (; k >= 0; k--) {
      const ax = axes[k]!;
      p += ax.s;
      q += ax.t;
      if (++index[k]! < ax.n) break;
      p -= ax.s * ax.n;
      q -= ax.t * ax.n;
      index[k] = 0;
    }
    if (k < 0) return;
  }
}

/**
 * Orders loops for memory locality and merges neighbours that form one run: drops
 * length-1 loops, sorts by decreasing |input step| (input step 0, a broadcast axis, goes
 * outermost), then fuses an outer loop into the inner one when both pointers continue
 * seamlessly. Returns at least one loop (a length-1 loop when all were dropped).
 * @param axes the loops, in any order
 * @returns the loops, outermost first, innermost (tightest) last
 */
export function orderAndCoalesce(axes: readonly LoopAxis[]): LoopAxis[] {
  const kept = axes.filter((ax) => ax.n !== 1).map((ax) => ({ ...ax }));
  if (kept.some((ax) => ax.n === 0)) return [{ n: 0, s: 0, t: 0 }];
  const key = (ax: LoopAxis): number => (ax.s === 0 ? Infinity : Math.abs(ax.s));
  kept.sort((x, y) => key(y) - key(x));
  const out: LoopAxis[] = [];
  for (const ax of kept) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.s === ax.n * ax.s && prev.t === ax.n * ax.t) {
      // `prev` is outer and steps exactly over one run of `ax`: replace both with one loop.
      out[out.length - 1] = { n: prev.n * ax.n, s: ax.s, t: ax.t };
    } else {
      out.push(ax);
    }
  }
  return out.length === 0 ? [{ n: 1, s: 0, t: 0 }] : out;
}

/**
 * The elements of any view, in C order, as a new plain `Float64Array` (bools as 0/1).
 * Allocates no arena memory, so views fetched before it stay valid.
 * @param a the array (any strides, float64 or bool)
 * @returns a contiguous copy
 */
export function gatherFloat64(a: NdArray): Float64Array {
  const out = new Float64Array(a.size);
  const src: Float64Array | Uint8Array = a.dtype === 'bool' ? a.u8() : a.f64();
  const nd = a.ndim;
  if (nd === 0) {
    out[0] = src[a.start]!;
    return out;
  }
  const inner = a.shape[nd - 1]!;
  const innerStride = a.strides[nd - 1]!;
  const outer: LoopAxis[] = [];
  for (let k = 0; k < nd - 1; k++) outer.push({ n: a.shape[k]!, s: a.strides[k]!, t: inner * stepOf(a.shape, k) });
  walkAxes(outer, a.start, 0, (p, q) => {
    for (let j = 0; j < inner; j++, p += innerStride) out[q + j] = src[p]!;
  });
  return out;
}

/** Number of elements in one step of axis `k` of a C-contiguous array of `shape`, excluding the last axis. */
function stepOf(shape: readonly number[], k: number): number {
  let step = 1;
  for (let i = k + 1; i < shape.length - 1; i++) step *= shape[i]!;
  return step;
}

/**
 * Loops over every axis but `axis` (C order) for work along that axis: the first pointer
 * steps by the input `strides`, the second by the C-contiguous strides of the full `shape`
 * (an output of the input's shape).
 * @param shape the array's shape
 * @param strides the input's strides
 * @param axis the axis each visit works along
 * @returns the loops, outermost first
 */
export function loopsAround(shape: readonly number[], strides: readonly number[], axis: number): LoopAxis[] {
  const outStrides = contiguousStrides(shape);
  const loops: LoopAxis[] = [];
  for (let k = 0; k < shape.length; k++) {
    if (k !== axis) loops.push({ n: shape[k]!, s: strides[k]!, t: outStrides[k]! });
  }
  return loops;
}
