/**
 * Runtime controls: `nd.config`, `nd.info` and `nd.scope`.
 * @module
 */
import { leakTracking, settings } from './config.ts';
import { Storage, closeScope, memoryStats, openScope, setArenaSoftLimit, arenaSoftLimit } from './memory.ts';
import type { NdArray } from './ndarray.ts';
import { isNdArray } from './array-factory.ts';
import { ArgumentError, NdvecError } from './errors.ts';
import { checkArity, checkBoolean, checkInteger, checkOptions, describe } from './args.ts';
import { wasmStatus, type WasmReason } from './kernels/wasm.ts';

/** Options of `nd.config`. */
export interface ConfigOptions {
  /** `false` forces the JS kernels; `true` (default) uses WASM where it loaded. */
  wasm?: boolean;
  /** Live arena bytes past which new arrays go to GC-managed JS buffers (by default adaptive: follows the machine and the frees, see docs/memory.md; a value set here is fixed). */
  arenaSoftLimit?: number;
  /**
   * `true` records every array allocated from now on with the op and the call site that made
   * it, for `nd.leaks()` (each `true` starts a fresh record); `false` (default) stops.
   * Costs a stack capture per allocation while on.
   */
  trackLeaks?: boolean;
}

/**
 * Changes runtime settings and returns the settings now in force. Every option is checked
 * before any is applied: a bad one changes nothing.
 * @param options the settings to change: `wasm` (true or false), `arenaSoftLimit` (a
 *   non-negative integer number of bytes), `trackLeaks` (true or false: see `nd.leaks`)
 * @returns the current settings
 * @throws ArgumentError for an unknown key, a value of the wrong type or range, or an extra argument
 * @example
 * nd.config({ wasm: false }); // JS kernels only
 * nd.config({ wasm: true });  // back to the default
 */
export function config(options: ConfigOptions = {}): Required<ConfigOptions> {
  checkArity('config', arguments, 1);
  const o = checkOptions('config', options, ['wasm', 'arenaSoftLimit', 'trackLeaks']);
  const wasm = o.wasm === undefined ? undefined : checkBoolean('config', 'wasm', o.wasm, true);
  const trackLeaks = o.trackLeaks === undefined ? undefined : checkBoolean('config', 'trackLeaks', o.trackLeaks, true);
  const limit = o.arenaSoftLimit;
  if (limit !== undefined) {
    if (typeof limit !== 'number' || !Number.isSafeInteger(limit)) {
      throw new ArgumentError('config', 'arenaSoftLimit', `arenaSoftLimit must be an integer number of bytes, got ${describe(limit)}`);
    }
    checkInteger('config', 'arenaSoftLimit', limit, { min: 0 });
  }
  if (wasm !== undefined) settings.wasm = wasm;
  if (limit !== undefined) setArenaSoftLimit(limit);
  if (trackLeaks !== undefined) {
    if (leakTracking.set === null) throw new NdvecError('nd.config({ trackLeaks }): leak tracking is not loaded (import nd from ndvec)');
    leakTracking.set(trackLeaks);
  }
  return { wasm: settings.wasm, arenaSoftLimit: arenaSoftLimit(), trackLeaks: leakTracking.on };
}

/** What `nd.info()` reports. */
export interface Info {
  /** Kernels run as WebAssembly (module loaded and not switched off). */
  wasm: boolean;
  /**
   * Why the kernels do not run as WebAssembly, null when they do: `'no WebAssembly'`,
   * `'no WebAssembly SIMD'`, `'blocked by CSP'` (add `'wasm-unsafe-eval'` to `script-src`),
   * `'not ready yet'` (browser main thread before `await nd.ready()`),
   * `'switched off by config'` or `'load failed: <message>'`. A load failure is reported
   * before the config switch.
   */
  wasmReason: WasmReason | null;
  /** The WASM module was built with SIMD and validated here. */
  simd: boolean;
  /** Size of the WASM memory in bytes. */
  arenaBytes: number;
  /** Bytes held by live arrays in the arena. */
  liveBytes: number;
  /** Number of live blocks (arrays and their views count once) in the arena. */
  liveArrays: number;
  /** Arena bytes reserved as scratch for running WASM kernels on JS-backed arrays (not in liveBytes). */
  scratchBytes: number;
}

/**
 * Reports whether WASM kernels run and how much memory live arrays hold.
 * @returns the figures
 * @example
 * nd.info(); // { wasm: true, wasmReason: null, simd: true, arenaBytes: 16777216, liveBytes: 0, liveArrays: 0, scratchBytes: 0 }
 */
export function info(): Info {
  checkArity('info', arguments, 0);
  const wasmReason = wasmStatus.reason !== '' ? wasmStatus.reason : settings.wasm ? null : 'switched off by config';
  return { wasm: wasmStatus.loaded && settings.wasm, wasmReason, simd: wasmStatus.simd, ...memoryStats() };
}

/** Most objects {@link storagesIn} visits; past it the walk is incomplete (see `scope`). */
const WALK_BUDGET = 250_000;

/** Pushes the values inside `item` (one level) that may hold arrays; records NdArrays in `keep`. */
function visitForStorages(item: object, keep: Set<Storage>, pending: unknown[]): void {
  if (isNdArray(item)) {
    const storage = item.storage;
    if (storage instanceof Storage) keep.add(storage);
    return;
  }
  // Data, never containers: skipping them keeps `return new Float64Array(1e7)` cheap.
  if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer) return;
  if (typeof SharedArrayBuffer === 'function' && item instanceof SharedArrayBuffer) return;
  if (item instanceof Map) {
    Map.prototype.forEach.call(item, (v: unknown, k: unknown) => pending.push(k, v));
  } else if (item instanceof Set) {
    Set.prototype.forEach.call(item, (v: unknown) => pending.push(v));
  }
  // Own enumerable properties (array elements included; holes are not visited).
  const values = Object.values(item);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && typeof v === 'object') pending.push(v);
  }
}

/**
 * The storages of the NdArrays reachable from `value`, or `'all'` when some part of it could
 * not be read (a getter or Proxy trap threw) or it holds more than {@link WALK_BUDGET}
 * objects: then the scope must not free anything it cannot prove unreachable. Iterative
 * (no recursion: a 100k-node linked list is fine), each object visited once, typed arrays
 * and ArrayBuffers never entered. Never throws.
 */
function storagesIn(value: unknown): Set<Storage> | 'all' {
  const keep = new Set<Storage>();
  if (value === null || typeof value !== 'object') return keep;
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop() as object;
    if (seen.has(item)) continue;
    if (seen.size === WALK_BUDGET) return 'all';
    seen.add(item);
    try {
      visitForStorages(item, keep, pending);
    } catch {
      return 'all';
    }
  }
  return keep;
}

/**
 * Runs `fn` and frees every array it allocated except those in its return value (an array,
 * or arrays inside a returned array, object's own enumerable properties, Map (keys and
 * values) or Set, at any depth). Also frees them when `fn` throws. The scope is closed
 * whatever happens.
 *
 * The returned value is walked without recursion, each object once; typed arrays and
 * ArrayBuffers are not entered (returning a `Float64Array(1e7)` costs nothing), functions
 * and closures are not looked into (arrays they capture are freed). When part of the value
 * cannot be read — a getter or a Proxy trap throws — or it holds more than 250,000
 * objects, the scope frees nothing it allocated (they move to the enclosing scope, or are
 * left to the garbage collector), since it cannot tell which arrays are reachable.
 * @param fn synchronous work
 * @returns what `fn` returns
 * @throws NdvecError when `fn` returns a Promise (an async function): scopes are synchronous
 * @example
 * const s = nd.scope(() => x.mul(2).add(1).sum()); // the temporaries are freed
 */
export function scope<T>(fn: () => T): T {
  checkArity('scope', arguments, 1, 1);
  if (typeof fn !== 'function') throw new ArgumentError('scope', 'fn', `fn must be a function, got ${describe(fn)}`);
  openScope();
  let keep: ReadonlySet<Storage> | 'all' = NOTHING_KEPT;
  try {
    const result = fn();
    if (isThenable(result)) {
      // The arrays the async work allocated before its first await are freed here, and arrays
      // allocated after it would be attributed to whatever scope is open then: refuse clearly.
      try {
        result.then(undefined, () => undefined); // the refused promise must not crash the process
      } catch {
        // a thenable whose then() throws: nothing to silence
      }
      throw new NdvecError(
        'nd.scope(fn): fn returned a Promise; scopes are synchronous. Call dispose() on what an async function allocates, or keep its synchronous parts in nd.scope',
      );
    }
    keep = storagesIn(result);
    return result;
  } finally {
    closeScope(keep);
  }
}

const NOTHING_KEPT: ReadonlySet<Storage> = new Set();

/** True for a value with a callable `then`; false (never throws) when reading `then` throws. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  try {
    return typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}
