/**
 * Bulk sampling on the WebAssembly kernels (wasm/assembly/random.ts): the JS generator's
 * state is loaded into the module, the kernel fills, the state is read back, so a stream
 * continues the same whichever side drew. A Float64Array that is a view of the arena is
 * filled in place; any other is filled through a scratch block in chunks.
 *
 * Measured (scripts/random-timing.ts): PCG64 on JS numbers costs about 35–50 ns a draw, on
 * i64 WASM about 2.3 ns; that is why every fill of {@link WASM_MIN} elements or more comes
 * here when the kernels are loaded.
 * @module
 */
import { activeKernels, type WasmKernels } from '../kernels/wasm.ts';
import { arenaF64, arenaMemory, scratchBlock } from '../memory.ts';
import type { PCG64 } from './pcg64.ts';

/**
 * Fills shorter than this run on the JS generator: the state round trip costs ~0.75 µs, a JS
 * draw ~35–45 ns, so WASM wins from about 20 uniforms or 12 normals (measured with the
 * samplers on a preallocated arena array).
 */
export const WASM_MIN = 20;

/** Elements a scratch chunk holds when the destination is not in the arena. */
const CHUNK = 65536;

function loadState(k: WasmKernels, bg: PCG64): void {
  k.pcg64_set(bg.s0, bg.s1, bg.s2, bg.s3, bg.i0, bg.i1, bg.i2, bg.i3, bg.hasUint32 ? 1 : 0, bg.uinteger);
}

function readState(k: WasmKernels, bg: PCG64): void {
  bg.s0 = k.pcg64_get(0) >>> 0;
  bg.s1 = k.pcg64_get(1) >>> 0;
  bg.s2 = k.pcg64_get(2) >>> 0;
  bg.s3 = k.pcg64_get(3) >>> 0;
  bg.hasUint32 = k.pcg64_get(8) !== 0;
  bg.uinteger = k.pcg64_get(9) >>> 0;
}

/**
 * A kernel run over `m` elements at byte pointer `ptr`. It may finish rare elements on the
 * JS side: `syncOut` before drawing in JS, `syncIn` after.
 */
export type KernelFill = (k: WasmKernels, ptr: number, m: number, sync: StateSync) => void;

/** Hands the stream between the module and the JS generator in the middle of a fill. */
export interface StateSync {
  /** Module → JS generator (before drawing in JS). */
  toJs(): void;
  /** JS generator → module (after drawing in JS). */
  toWasm(): void;
}

/**
 * Runs `fill` on `out[start, start + n)` with the generator's state in the module.
 * @returns false when the kernels are not available (the caller takes the JS path)
 */
export function fillOnWasm(bg: PCG64, out: Float64Array, start: number, n: number, fill: KernelFill): boolean {
  const k = activeKernels();
  if (k === null || n < WASM_MIN) return false;
  const sync: StateSync = { toJs: () => readState(k, bg), toWasm: () => loadState(k, bg) };
  const memory = arenaMemory();
  if (memory !== null && out.buffer === memory.buffer) {
    loadState(k, bg);
    fill(k, out.byteOffset + start * 8, n, sync);
    readState(k, bg);
    return true;
  }
  const ptr = scratchBlock(0, Math.min(n, CHUNK) * 8);
  if (ptr < 0) return false;
  loadState(k, bg);
  for (let done = 0; done < n; done += CHUNK) {
    const m = Math.min(CHUNK, n - done);
    fill(k, ptr, m, sync);
    out.set(arenaF64().subarray(ptr / 8, ptr / 8 + m), start + done);
  }
  readState(k, bg);
  return true;
}

/**
 * Writes one element the JS side computed into the module's memory.
 * @param ptr byte pointer of the element
 * @param value the value
 */
export function storeElement(ptr: number, value: number): void {
  arenaF64()[ptr / 8] = value;
}
