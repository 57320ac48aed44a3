/**
 * Loading the WebAssembly kernels (build/ndvec.wasm, embedded as base64 by
 * scripts/build-wasm.mjs) once, at import, never with top-level await (it breaks esbuild's
 * es2020/iife/cjs output, Vite's default worker format, `require(esm)` and messages posted to
 * a Worker while it loads): synchronously in Node, Deno, Bun and Web Workers, so the kernels
 * are ready when the import returns; asynchronously on a browser main thread, where the ops
 * run on the JS kernels until {@link ready} resolves. Without WebAssembly, without SIMD,
 * under a Content-Security-Policy that forbids compiling it, or when anything goes wrong,
 * {@link wasmKernels} is null, `wasmStatus.reason` says why and ndvec runs on its JS kernels.
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
import { checkArity } from '../args.ts';
import { RESERVED_BYTES, arenaMemory, type Storage } from '../memory.ts';
import { wasmBase64, type WasmExports } from './wasm-bytes.generated.ts';

/** The kernel functions of the module (its exports minus memory and internals). */
export type WasmKernels = Omit<WasmExports, 'heapBase'>;

/** Names of binary kernel families (the `_vv/_vs/_sv/_rows` forms exist for each). */
export type BinaryKernelFamily =
  | 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum'
  | 'gt' | 'ge' | 'lt' | 'le' | 'eq' | 'ne' | 'and' | 'or' | 'xor';

/** Form of a binary kernel: array-array, array-scalar, scalar-array, broadcast rows. */
export type BinaryKernelForm = 'vv' | 'vs' | 'sv' | 'rows';

/**
 * Why the WASM kernels are not running (`nd.info().wasmReason`; null there when they run):
 * - `'no WebAssembly'`: the platform has no `WebAssembly` object;
 * - `'no WebAssembly SIMD'`: it has WebAssembly without the SIMD proposal;
 * - `'blocked by CSP'`: the page's Content-Security-Policy forbids compiling WebAssembly
 *   (add `'wasm-unsafe-eval'` to `script-src`);
 * - `'not ready yet'`: on a browser main thread the module compiles asynchronously after
 *   import; `await nd.ready()` waits for it;
 * - `'switched off by config'`: `nd.config({ wasm: false })`;
 * - `'load failed: …'`: anything else, with the error's message.
 */
export type WasmReason =
  | 'no WebAssembly'
  | 'no WebAssembly SIMD'
  | 'blocked by CSP'
  | 'not ready yet'
  | 'switched off by config'
  | `load failed: ${string}`;

/**
 * Whether the WASM kernels loaded (`loaded`), the host validated SIMD (`simd`), and if not,
 * why (`reason`, '' once loaded).
 */
export const wasmStatus: { loaded: boolean; simd: boolean; reason: WasmReason | '' } = {
  loaded: false,
  simd: false,
  reason: 'not ready yet',
};

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

/**
 * @internal How the module compiles here: `'async'` on a browser main thread (a `document`
 * and no Node.js: browsers refuse or discourage synchronous compiles there), `'sync'`
 * everywhere else (Node, Deno, Bun, Web Workers), so the kernels are ready when the import
 * returns.
 * @param scope the global object to look at (globalThis; tests pass fakes)
 * @returns the compile mode
 */
export function compileMode(scope: object = globalThis): 'sync' | 'async' {
  const g = scope as { document?: unknown; process?: { versions?: { node?: unknown } } };
  const node = typeof g.process === 'object' && g.process !== null && typeof g.process.versions?.node === 'string';
  return typeof g.document === 'object' && g.document !== null && !node ? 'async' : 'sync';
}

/**
 * @internal The {@link WasmReason} of an error thrown while compiling or instantiating:
 * Chromium and Firefox name the Content-Security-Policy (or `unsafe-eval`) when a policy
 * blocked it, Safari says "Refused to create a WebAssembly object".
 * @param error what was thrown
 * @returns the reason
 */
export function reasonOf(error: unknown): WasmReason {
  const message = error instanceof Error ? error.message : String(error);
  if (/content.security.policy|unsafe-eval|\bCSP\b|refused to (compile|create)/i.test(message)) return 'blocked by CSP';
  return `load failed: ${message}`;
}

/** What the module needs before compiling, or why it cannot load here. */
function loadInputs(): { bytes: Uint8Array<ArrayBuffer>; imports: WebAssembly.Imports; memory: WebAssembly.Memory } | WasmReason {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.Instance !== 'function') return 'no WebAssembly';
  const memory = arenaMemory();
  if (memory === null) return 'load failed: no arena memory';
  if (!WebAssembly.validate(SIMD_PROBE)) return 'no WebAssembly SIMD';
  const abort = (message: number, file: number, line: number, column: number): never => {
    throw new Error(`ndvec wasm abort: ${readString(memory, message)} at ${readString(memory, file)}:${line}:${column}`);
  };
  return { bytes: decodeBase64(wasmBase64), imports: { env: { memory, abort } }, memory };
}

/** The kernels of an instance, or why they cannot be used. */
function kernelsOf(instance: WebAssembly.Instance): WasmKernels | WasmReason {
  const exports = instance.exports as unknown as WasmExports;
  const heapBase = exports.heapBase() >>> 0;
  if (heapBase > RESERVED_BYTES) return `load failed: static data ends at byte ${heapBase}, past RESERVED_BYTES ${RESERVED_BYTES}`;
  return exports;
}

/**
 * The kernels, or null when the module did not load (yet) (see module docs for the call
 * conventions). A live binding: on a browser main thread it turns from null to the kernels
 * when the asynchronous compile finishes. Prefer {@link activeKernels}, which also honours
 * `nd.config({ wasm: false })`.
 */
export let wasmKernels: WasmKernels | null = null;

/** Settles when the latest load settled (see {@link ready}). */
let loading: Promise<boolean> = Promise.resolve(false);

/** Called when {@link wasmKernels} changes after import (see {@link onKernelsChange}). */
const changeListeners: (() => void)[] = [];

function settle(result: WasmKernels | WasmReason): boolean {
  const kernels = typeof result === 'string' ? null : result;
  wasmKernels = kernels;
  wasmStatus.loaded = kernels !== null;
  wasmStatus.simd = kernels !== null;
  wasmStatus.reason = typeof result === 'string' ? result : '';
  for (const listener of changeListeners) listener();
  return kernels !== null;
}

/**
 * @internal Registers `listener`, called whenever {@link wasmKernels} changes after import
 * (the asynchronous load on a browser main thread finished): caches of kernel functions must
 * be dropped then, or ops planned before would stay on the JS kernels.
 * @param listener what to call
 */
export function onKernelsChange(listener: () => void): void {
  changeListeners.push(listener);
}

/**
 * @internal Puts `kernels` in place of the loaded ones and tells the listeners (cached plans
 * are dropped): `nd.profile` swaps in wrappers that count WASM runs, and swaps back.
 * @param kernels the kernels to use from now on
 */
export function replaceKernels(kernels: WasmKernels): void {
  wasmKernels = kernels;
  for (const listener of changeListeners) listener();
}

/** Compiles and instantiates synchronously (Node, Deno, Bun, Web Workers). */
function loadSync(): boolean {
  try {
    const inputs = loadInputs();
    if (typeof inputs === 'string') return settle(inputs);
    return settle(kernelsOf(new WebAssembly.Instance(new WebAssembly.Module(inputs.bytes), inputs.imports)));
  } catch (e) {
    return settle(reasonOf(e));
  }
}

/**
 * @internal Compiles and instantiates asynchronously, as on a browser main thread; the ops
 * run on the JS kernels meanwhile (`wasmStatus.reason` is `'not ready yet'`). Never rejects.
 * Tests call it after {@link unloadKernels} to run that path in Node.
 * @returns a promise of whether the kernels loaded
 */
export function loadKernelsAsync(): Promise<boolean> {
  let inputs: ReturnType<typeof loadInputs>;
  try {
    inputs = loadInputs();
  } catch (e) {
    return (loading = Promise.resolve(settle(reasonOf(e))));
  }
  if (typeof inputs === 'string') return (loading = Promise.resolve(settle(inputs)));
  return (loading = WebAssembly.instantiate(inputs.bytes, inputs.imports).then(
    ({ instance }) => settle(kernelsOf(instance)),
    (e: unknown) => settle(reasonOf(e)),
  ));
}

/**
 * @internal Forgets the loaded module, as if it had not compiled yet (tests of the browser
 * main-thread path: ops run on the JS kernels until {@link loadKernelsAsync} settles).
 */
export function unloadKernels(): void {
  settle('not ready yet');
}

if (compileMode() === 'sync') loading = Promise.resolve(loadSync());
else void loadKernelsAsync();

/**
 * Waits until the WASM kernels finished loading. Importing ndvec never waits: in Node, Deno,
 * Bun and Web Workers the kernels compile synchronously during the import, so this promise is
 * already resolved; on a browser main thread they compile in the background while every op
 * runs on the JS kernels (same results; transcendentals within 2 ulp), and this promise
 * resolves when they are ready. It also resolves, never rejects, when WASM cannot load (no
 * WebAssembly or SIMD, blocked by a Content-Security-Policy): `nd.info().wasmReason` says why.
 * @returns a promise of whether the WASM kernels loaded
 * @throws ArgumentError when given an argument (it takes none)
 * @example
 * import { nd } from 'ndvec';
 * await nd.ready();     // on a browser main thread: WASM from here on, where it can load
 * nd.info().wasm;       // true, or false with nd.info().wasmReason saying why
 */
export function ready(): Promise<boolean> {
  if (arguments.length !== 0) checkArity('ready', arguments, 0);
  return loading;
}

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
