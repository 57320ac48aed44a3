/**
 * Strided float64 copies on the WASM kernel of wasm/assembly/copy.ts: any view into any
 * layout of the same shape (slices with steps, negative steps, transposes, concat pieces).
 * Axes are merged first (size-1 axes dropped, neighbours whose strides chain in both arrays
 * joined), so most copies are one kernel call over a rows×cols block; deeper layouts loop
 * over their outer axes here.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { settings } from '../config.ts';
import { wasmExport } from '../dispatch.ts';

type Copy2d = (src: number, s0: number, s1: number, dst: number, d0: number, d1: number, rows: number, cols: number) => void;

/**
 * The axes of a walk over `shape` with source strides `s` and destination strides `d`,
 * merged: [sizes, source strides, destination strides], outermost first, no size-1 axis.
 */
export function mergeAxes(shape: readonly number[], s: readonly number[], d: readonly number[]): [number[], number[], number[]] {
  const n: number[] = [];
  const ss: number[] = [];
  const ds: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    const size = shape[i]!;
    if (size === 1) continue;
    const last = n.length - 1;
    if (last >= 0 && ss[last] === s[i]! * size && ds[last] === d[i]! * size) {
      n[last]! *= size;
      ss[last] = s[i]!;
      ds[last] = d[i]!;
    } else {
      n.push(size);
      ss.push(s[i]!);
      ds.push(d[i]!);
    }
  }
  return [n, ss, ds];
}

/**
 * Copies float64 `src` into `dst` (same shape, any strides, not overlapping) with the WASM
 * copy kernel when both lie in the arena and WASM is on. Returns false, having written
 * nothing, otherwise (the caller's JS loop runs).
 * @param src the array to read
 * @param dst the array to write
 * @returns whether the copy was done
 */
export function copyStrided(src: NdArray, dst: NdArray): boolean {
  if (!settings.wasm || src.dtype !== 'float64' || dst.dtype !== 'float64') return false;
  if (!src.storage.inArena || !dst.storage.inArena) return false;
  const k = wasmExport<Copy2d>('copy_2d_f64');
  if (k === null) return false;
  if (src.size === 0) return true;
  const [n, s, d] = mergeAxes(src.shape, src.strides, dst.strides);
  while (n.length < 2) {
    n.unshift(1);
    s.unshift(0);
    d.unshift(0);
  }
  const outer = n.length - 2;
  const [rows, cols, s0, s1, d0, d1] = [n[outer]!, n[outer + 1]!, s[outer]!, s[outer + 1]!, d[outer]!, d[outer + 1]!];
  let p = src.start;
  let q = dst.start;
  if (outer === 0) {
    k(p * 8, s0, s1, q * 8, d0, d1, rows, cols);
    return true;
  }
  const index = new Array<number>(outer).fill(0);
  for (;;) {
    k(p * 8, s0, s1, q * 8, d0, d1, rows, cols);
    let ax = outer - 1;
    for (; ax >= 0; ax--) {
      p += s[ax]!;
      q += d[ax]!;
      if (++index[ax]! < n[ax]!) break;
      p -= s[ax]! * n[ax]!;
      q -= d[ax]! * n[ax]!;
      index[ax] = 0;
    }
    if (ax < 0) return true;
  }
}
