/**
 * Runtime controls: `nd.config`, `nd.info` and `nd.scope`.
 * @module
 */
import { settings } from './config.ts';
import { closeScope, memoryStats, openScope, setArenaSoftLimit, arenaSoftLimit, type Storage } from './memory.ts';
import { NdArray } from './ndarray.ts';
import { NdvecError } from './errors.ts';
import { wasmStatus } from './kernels/wasm.ts';

/** Options of `nd.config`. */
export interface ConfigOptions {
  /** `false` forces the JS kernels; `true` (default) uses WASM where it loaded. */
  wasm?: boolean;
  /** Live arena bytes past which new arrays go to GC-managed JS buffers (default 256 MiB). */
  arenaSoftLimit?: number;
}

/**
 * Changes runtime settings and returns the settings now in force.
 * @param options the settings to change
 * @returns the current settings
 * @example
 * nd.config({ wasm: false }); // JS kernels only
 * nd.config({ wasm: true });  // back to the default
 */
export function config(options: ConfigOptions = {}): Required<ConfigOptions> {
  if (options.wasm !== undefined) settings.wasm = options.wasm;
  if (options.arenaSoftLimit !== undefined) setArenaSoftLimit(options.arenaSoftLimit);
  return { wasm: settings.wasm, arenaSoftLimit: arenaSoftLimit() };
}

/** What `nd.info()` reports. */
export interface Info {
  /** Kernels run as WebAssembly (module loaded and not switched off). */
  wasm: boolean;
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
 * nd.info(); // { wasm: true, simd: true, arenaBytes: 16777216, liveBytes: 0, liveArrays: 0, scratchBytes: 0 }
 */
export function info(): Info {
  return { wasm: wasmStatus.loaded && settings.wasm, simd: wasmStatus.simd, ...memoryStats() };
}

function collectStorages(value: unknown, keep: Set<Storage>, seen: Set<unknown>): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (value instanceof NdArray) {
    keep.add(value.storage);
    return;
  }
  const items = Array.isArray(value)
    ? value
    : value instanceof Map
      ? [...value.keys(), ...value.values()]
      : value instanceof Set
        ? [...value]
        : Object.values(value);
  for (const item of items) collectStorages(item, keep, seen);
}

/**
 * Runs `fn` and frees every array it allocated except those in its return value (an array,
 * or arrays inside a returned array, object's own enumerable properties, Map (keys and
 * values) or Set). Also frees them when `fn` throws.
 * @param fn synchronous work
 * @returns what `fn` returns
 * @throws NdvecError when `fn` returns a Promise (an async function): scopes are synchronous
 * @example
 * const s = nd.scope(() => x.mul(2).add(1).sum()); // the temporaries are freed
 */
export function scope<T>(fn: () => T): T {
  openScope();
  let result: T;
  try {
    result = fn();
  } catch (e) {
    closeScope(new Set());
    throw e;
  }
  if (isThenable(result)) {
    // The arrays the async work allocated before its first await are freed here, and arrays
    // allocated after it would be attributed to whatever scope is open then: refuse clearly.
    closeScope(new Set());
    result.then(undefined, () => undefined); // the refused promise must not crash the process
    throw new NdvecError(
      'nd.scope(fn): fn returned a Promise; scopes are synchronous. Call dispose() on what an async function allocates, or keep its synchronous parts in nd.scope',
    );
  }
  const keep = new Set<Storage>();
  collectStorages(result, keep, new Set());
  closeScope(keep);
  return result;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
