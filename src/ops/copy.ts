/**
 * Strided float64 copies on the WASM kernel of wasm/assembly/copy.ts: any view into any
 * layout of the same shape (slices with steps, negative steps, transposes, concat pieces).
 * Axes are merged first (size-1 axes dropped, neighbours whose strides chain in both arrays
 * joined), so most copies are one kernel call over a rows×cols block; deeper layouts loop
 * over their outer axes here. Joins whose pieces are whole contiguous blocks
 * ({@link joinBlocks}) are one allocation and one memory.copy a piece.
 *
 * At 1K elements the JS around the kernel is the cost (the kernel: ~85 ns for a step-2
 * gather of 500, ~200 ns for a 32×32 transpose, ~60 ns to memcpy 1000). Measured (medians
 * of alternating processes, `node --import tsx`, 2026-12-03; the same code bundled by
 * esbuild without keepNames in brackets):
 * - 1-D and 2-D views merge their axes in place ({@link copyUpTo2d}): mergeAxes' six arrays,
 *   the unshifts and a destructured array cost ~100 ns of a ~180 ns `copyStrided`.
 * - joins: `nd.concat([a, b])` of 1K went through two views + `copyInto` (`subarray` +
 *   `set`) + per-piece shape checks: 500 → 280 ns [430 → 260]; `nd.stack` 920 → 300 ns
 *   [880 → 295]. At 1M concat is the two memcpys (496 µs beside 486 µs for two raw kernel
 *   calls into a block made beforehand; the 16 MB block comes back from the free list in
 *   1 µs, no page faults, no zeroing) and NumPy's `np.copyto` pair takes the same (455 µs):
 *   32 MB of traffic past the cache.
 * - with the slice-spec reading (src/shape.ts) and `a.T` built by loops:
 *   `a.slice('::2').copy()` 1035 → 330 ns [580 → 290], `m.T.copy()` 32×32 770 → 420 ns
 *   [760 → 420]; NumPy 530 and 740 ns.
 * Not done: caching the kernel export between calls (tests and the profiler swap the kernels).
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, isNdArray } from '../array-factory.ts';
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
  const shape = src.shape;
  if (shape.length <= 2) {
    copyUpTo2d(k, src, dst);
    return true;
  }
  const [n, s, d] = mergeAxes(shape, src.strides, dst.strides);
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

/**
 * The kernel call for a non-empty copy of at most 2 axes, with the axes merged as
 * {@link mergeAxes} merges them but without its arrays (slices and transposes of 1-D and
 * 2-D arrays are the common copies, and at 1K elements the arrays cost as much as the copy).
 * @internal Exported for the tests (which pass a recording `k`).
 * @param k the kernel (or a stand-in that records its arguments)
 * @param src the array to read (1-D or 2-D, not empty)
 * @param dst the array to write, of the same shape
 */
export function copyUpTo2d(k: Copy2d, src: NdArray, dst: NdArray): void {
  const shape = src.shape;
  let rows = 1;
  let s0 = 0;
  let d0 = 0;
  let cols = 1;
  let s1 = 0;
  let d1 = 0;
  if (shape.length === 1) {
    cols = shape[0]!;
    if (cols !== 1) {
      s1 = src.strides[0]!;
      d1 = dst.strides[0]!;
    }
  } else {
    const n0 = shape[0]!;
    const n1 = shape[1]!;
    if (n1 !== 1) {
      cols = n1;
      s1 = src.strides[1]!;
      d1 = dst.strides[1]!;
    }
    if (n0 !== 1) {
      if (cols === 1) {
        cols = n0;
        s1 = src.strides[0]!;
        d1 = dst.strides[0]!;
      } else if (src.strides[0] === s1 * cols && dst.strides[0] === d1 * cols) {
        cols *= n0;
      } else {
        rows = n0;
        s0 = src.strides[0]!;
        d0 = dst.strides[0]!;
      }
    }
  }
  k(src.start * 8, s0, s1, dst.start * 8, d0, d1, rows, cols);
}

/** A live C-contiguous float64 NdArray in the arena: one block of memory. */
function isBlock(x: unknown): x is NdArray {
  return isNdArray(x) && x.dtype === 'float64' && x.isContiguous && x.storage.inArena && !x.isDisposed;
}

/** How {@link joinBlocks} lays the pieces out: concat along axis 0, stack along a new axis 0, or the flattened pieces end to end. */
export type BlockJoin = 'concat' | 'stack' | 'flat';

/**
 * The join whose pieces are whole blocks: `concat` along axis 0, `stack` along a new axis 0,
 * or `concat` with axis null (`flat`) of live C-contiguous float64 arrays in the arena, WASM
 * on. One allocation, then one memory.copy an input (no views, no per-piece checks: at 1K
 * elements those cost more than the copies). Returns null, having allocated nothing, when
 * anything differs (bool, views with gaps, JS-backed or disposed inputs, shapes that do not
 * fit, no WASM): the general join then runs with its checks and messages.
 * @param arrays the entries as the caller got them (a JS array)
 * @param mode the layout
 * @returns the joined array, or null
 */
export function joinBlocks(arrays: readonly unknown[], mode: BlockJoin): NdArray | null {
  const count = arrays.length;
  if (count === 0 || !settings.wasm) return null;
  const k = wasmExport<Copy2d>('copy_2d_f64');
  if (k === null) return null;
  const first = arrays[0];
  if (!isBlock(first)) return null;
  const ndim = first.ndim;
  if (mode === 'concat' && ndim === 0) return null;
  const inner = mode === 'stack' ? 0 : 1;
  let lead = 0;
  for (let i = 0; i < count; i++) {
    const x = arrays[i];
    if (!isBlock(x)) return null;
    if (mode === 'flat') {
      lead += x.size;
      continue;
    }
    if (x.ndim !== ndim) return null;
    for (let d = inner; d < ndim; d++) if (x.shape[d] !== first.shape[d]) return null;
    lead += mode === 'stack' ? 1 : x.shape[0]!;
  }
  const shape: number[] = [lead];
  if (mode !== 'flat') for (let d = inner; d < ndim; d++) shape.push(first.shape[d]!);
  const out = emptyArray(shape);
  let q = out.start;
  for (let i = 0; i < count; i++) {
    const x = arrays[i] as NdArray;
    const n = x.size;
    // Past the arena's soft limit the result is JS-backed: TypedArray.set copies then.
    if (out.storage.inArena) k(x.start * 8, 0, 1, q * 8, 0, 1, 1, n);
    else out.f64().set(x.f64().subarray(x.start, x.start + n), q);
    q += n;
  }
  return out;
}
