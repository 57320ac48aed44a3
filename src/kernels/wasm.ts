/**
 * Loading the WebAssembly kernels (build/ndvec.wasm, embedded as base64 by
 * scripts/build-wasm.mjs) once, at import, with top-level await. Without WebAssembly, without
 * SIMD, or when anything goes wrong, {@link wasmKernels} is null, `wasmStatus.loaded` is
 * false and ndvec runs on its JS kernels.
 *
 * ## Calling a kernel (for the dispatch in src/ops/*)
 *
 * Kernels work in place on the arena: they take BYTE pointers into the memory plus element
 * counts (and row strides in elements), never copy, never allocate. For an NdArray `a` whose
 * `a.storage.inArena` is true, the byte pointer of element [0,…,0] is
 * `a.start * 8` (float64) or `a.start` (bool): `a.f64()` / `a.u8()` IS the whole memory, so
 * `a.start` indexes it ({@link bytePointer}). JS-backed storages (past the soft limit) have
 * no pointer: use the JS kernels. Allocate every result first, then call; a kernel call
 * never grows the memory, so views fetched after it stay valid.
 *
 *     const k = activeKernels();           // null: take the JS path
 *     if (k !== null && a.storage.inArena && b.storage.inArena && out.storage.inArena) {
 *       k.add_vv(bytePointer(a), bytePointer(b), bytePointer(out), out.size);
 *     }
 *
 * Kernel families and their exports (a table row's `wasm` field names the family):
 * - binary float64 `add sub mul div maximum minimum`, comparisons `gt ge lt le eq ne` (out is
 *   a bool mask) and logical `and or xor` (bool inputs): `<f>_vv(a, b, out, n)`,
 *   `<f>_vs(a, s, out, n)`, `<f>_sv(s, b, out, n)` and
 *   `<f>_rows(a, aRow, b, bRow, out, outRow, rows, cols)` for the broadcast case whose inner
 *   axis is contiguous in every operand: row r of x starts `r * xRow` elements after x, and
 *   a row stride 0 broadcasts one row. A size-1 inner axis (column broadcast) is a `_vs`
 *   call per row. {@link binaryKernel} picks the form by name.
 * - unary float64 `unary_<op>(a, out, n)`: neg abs sqrt floor ceil trunc round square
 *   reciprocal (here), exp expm1 log log1p log2 log10 sin cos tanh (transcendental.ts).
 * - predicates `isnan isfinite isinf (a, out, n)`, `not(a, out, n)`, conversions
 *   `to_bool`, `to_float`, `copy_f64`, `copy_u8`, `fill_f64(out, n, v)`, `fill_u8`.
 * - masks: `count_true(m, n)`, `compress(x, m, out, n, count)` (count from count_true; out
 *   holds exactly count), `select_vv/_vs/_sv/_ss(c, x, y, out, n)`,
 *   `set_where(a, m, v, n)`, `set_where_scalar(a, m, s, n)`.
 * - reductions `sum prod min max nansum nanmin nanmax any all mean nanmean` as `<r>(p, n)`,
 *   `<r>_last(p, rows, cols, out)` and `<r>_first(p, rows, cols, out)` (nanmean_first and
 *   variance_first take a scratch row of cols float64), `variance(p, n, ddof)`,
 *   `argmin/argmax(p, n)` and `_last`, scans `cumsum/cumprod(p, out, n)`, `_last`, `_first`.
 * - `matmul(a, b, c, m, k, n)` (c must not overlap a or b), `dot(a, b, n)`.
 * Every kernel except matmul is correct with out equal to an input of the same dtype.
 * @module
 */
import { settings } from '../config.ts';
import { RESERVED_BYTES, arenaMemory, type Storage } from '../memory.ts';
import { wasmBase64, type WasmExports } from './wasm-bytes.generated.ts';

/** The kernel functions of the module (its exports minus memory and internals). */
export type WasmKernels = Omit<WasmExports, 'heapBase'>;

/** Names of binary kernel families (the `_vv/_vs/_sv/_rows` forms exist for each). */
export type BinaryKernelFamily =
  | 'add' | 'sub' | 'mul' | 'div' | 'maximum' | 'minimum'
  | 'gt' | 'ge' | 'lt' | 'le' | 'eq' | 'ne' | 'and' | 'or' | 'xor';

/** Form of a binary kernel: array-array, array-scalar, scalar-array, broadcast rows. */
export type BinaryKernelForm = 'vv' | 'vs' | 'sv' | 'rows';

/** Whether the WASM kernels loaded (`loaded`) and the host validated SIMD (`simd`). */
export const wasmStatus = { loaded: false, simd: false, reason: '' };

/** A minimal module using one SIMD instruction: validates only where SIMD is supported. */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads an AssemblyScript string (UTF-16, byte length stored 4 bytes before it). */
function readString(memory: WebAssembly.Memory, ptr: number): string {
  if (ptr === 0) return '';
  const bytes = new Uint32Array(memory.buffer, ptr - 4, 1)[0]!;
  return String.fromCharCode(...new Uint16Array(memory.buffer, ptr, bytes >>> 1));
}

async function load(): Promise<WasmKernels | null> {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    wasmStatus.reason = 'no WebAssembly';
    return null;
  }
  const memory = arenaMemory();
  if (memory === null) {
    wasmStatus.reason = 'no arena memory';
    return null;
  }
  if (!WebAssembly.validate(SIMD_PROBE)) {
    wasmStatus.reason = 'no WebAssembly SIMD';
    return null;
  }
  const abort = (message: number, file: number, line: number, column: number): never => {
    throw new Error(`ndvec wasm abort: ${readString(memory, message)} at ${readString(memory, file)}:${line}:${column}`);
  };
  const { instance } = await WebAssembly.instantiate(decodeBase64(wasmBase64), { env: { memory, abort } });
  const exports = instance.exports as unknown as WasmExports;
  const heapBase = exports.heapBase() >>> 0;
  if (heapBase > RESERVED_BYTES) {
    wasmStatus.reason = `static data ends at byte ${heapBase}, past RESERVED_BYTES ${RESERVED_BYTES}`;
    return null;
  }
  return exports;
}

async function loadOrNull(): Promise<WasmKernels | null> {
  try {
    return await load();
  } catch (e) {
    wasmStatus.reason = e instanceof Error ? e.message : String(e);
    return null;
  }
}

/**
 * The kernels, or null when the module did not load (see module docs for the call
 * conventions). Prefer {@link activeKernels}, which also honours `nd.config({ wasm: false })`.
 */
export const wasmKernels: WasmKernels | null = await loadOrNull();
wasmStatus.loaded = wasmKernels !== null;
wasmStatus.simd = wasmKernels !== null;

/**
 * The kernels when they loaded and `nd.config({ wasm })` allows them, else null.
 * @returns the kernels or null
 * @example
 * const k = activeKernels();
 * if (k !== null) k.add_vs(bytePointer(a), 1, bytePointer(out), out.size);
 */
export function activeKernels(): WasmKernels | null {
  return settings.wasm ? wasmKernels : null;
}

/**
 * Byte pointer of element `start` of an arena storage: `start` is an index into the view
 * `storage.f64()` / `storage.u8()` returns, which for arena storages is the whole memory.
 * @param view an array (anything with its storage and the index of element [0,…,0])
 * @returns the byte offset in the memory, or -1 for a JS-backed storage (no WASM access)
 * @example
 * bytePointer(a); // a.start * 8 for a float64 array in the arena
 */
export function bytePointer(view: { readonly storage: Storage; readonly start: number }): number {
  const { storage } = view;
  if (!storage.inArena) return -1;
  return storage.dtype === 'float64' ? view.start * 8 : view.start;
}

/**
 * The binary kernel of a family in a form, e.g. `binaryKernel(k, 'add', 'vs')` is
 * `k.add_vs`. The `_sv` form of an op computes `s op b[i]`.
 * @param kernels the loaded kernels
 * @param family the op family (a table row's `wasm` field)
 * @param form which operand is a scalar, or the broadcast-rows form
 * @returns the kernel function
 * @example
 * binaryKernel(k, 'sub', 'sv')(5, bytePointer(b), bytePointer(out), out.size); // 5 - b
 */
export function binaryKernel<F extends BinaryKernelFamily, M extends BinaryKernelForm>(
  kernels: WasmKernels,
  family: F,
  form: M,
): WasmKernels[`${F}_${M}`] {
  return kernels[`${family}_${form}`];
}
