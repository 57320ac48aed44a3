/**
 * What `nd.profile` and `nd.config({ trackLeaks: true })` record, and how: while either is
 * on, every public NdArray method, `nd.*` function and Generator method is replaced by a
 * wrapper that times the outermost call (nested public calls made by ndvec itself count once,
 * for the outermost), an allocation hook in src/memory.ts notes each new Storage with the op
 * and the user's call site, and (while profiling) the WASM kernels are swapped for copies that
 * count their runs. When both are off, the originals are back in place: the ops pay nothing
 * but the allocation hook's null check.
 * @module
 */
import { Storage, arenaMemory, setAllocationHook } from '../memory.ts';
import { NdArray } from '../ndarray.ts';
import { Generator } from '../random/generator.ts';
import { stagedCalls } from '../dispatch.ts';
import { replaceKernels, wasmKernels, type WasmKernels } from '../kernels/wasm.ts';
import { OPS } from '../kernels/table.ts';
import { settings } from '../config.ts';

/**
 * How an op's calls ran: a fused expression (a function `nd.fuse` made during the profile),
 * WASM kernels on arena data, WASM on staged copies of JS-backed data, or JS only.
 */
export type ProfilePath = 'fused' | 'wasm' | 'staged' | 'js';

/** Per-op totals of one profile. */
export interface OpStats {
  calls: number;
  /** milliseconds */
  time: number;
  bytes: number;
  arrays: number;
  fused: number;
  wasm: number;
  staged: number;
  js: number;
}

/** One Storage allocated while recording. */
export interface AllocationRecord {
  readonly op: string;
  /** the captured stack, formatted into `path:line` only when reported (see {@link siteOf}) */
  readonly stack: { stack?: string } | null;
  site: string | null;
  readonly bytes: number;
  readonly ref: WeakRef<Storage>;
  /** made by an element-wise op (a table row) */
  readonly elementwise: boolean;
  /** in JS memory although the arena exists (past the soft limit) */
  readonly jsBacked: boolean;
  /** times an element-wise call that allocated read it as an operand */
  consumed: number;
}

/** The state of one running profile. */
export class Session {
  readonly stats = new Map<string, OpStats>();
  readonly records: AllocationRecord[] = [];
  readonly byStorage = new WeakMap<Storage, AllocationRecord>();
  readonly wasmActive = settings.wasm && wasmKernels !== null;
  constructor(readonly timeline: boolean) {}
}

/** Live check: not freed, not collected. */
export function isAlive(r: AllocationRecord): boolean {
  const s = r.ref.deref();
  return s !== undefined && !s.isFreed;
}

/** Element-wise op names (the kernel table's rows, as methods and nd.* functions). */
const ELEMENTWISE = new Set<string>(OPS.map((r) => r.name));

/** Prototype members that are not public API (marked @internal in src/ndarray.ts). */
const INTERNAL_METHODS = new Set(['constructor', 'assertWritable', 'assertLive', 'f64', 'u8', 'flatIndex']);
/** nd.* functions not wrapped: the runtime controls (a profile or scope wrapped would swallow its contents). */
const UNWRAPPED_FUNCTIONS = new Set(['profile', 'leaks', 'scope', 'config', 'info', 'ready']);

let session: Session | null = null;
/** Records of `trackLeaks`, or null when it is off. */
let tracked: AllocationRecord[] | null = null;
let trackedSincePrune = 0;

/** Depth of public calls in progress (only the outermost, depth 0 → 1, is accounted). */
let depth = 0;
let currentOp = '';
/** The outermost wrapper running: stack captures start at its caller. */
let currentWrapper: ((...args: unknown[]) => unknown) | null = null;
/** The stack captured at the first allocation of the outermost call in progress (shared by its arrays). */
let callStack: { stack?: string } | null = null;
/** Arrays allocated by the outermost call in progress. */
let callArrays = 0;
let callBytes = 0;
/** WASM kernel runs, counted by the swapped-in kernels. */
let wasmRuns = 0;

/** Originals of what was wrapped: [owner, key, original]. */
let installed: [Record<string, unknown>, string, unknown][] | null = null;
let originalKernels: WasmKernels | null = null;
let countingKernels: WasmKernels | null = null;
let namespace: Record<string, unknown> | null = null;

/** @internal Registers the `nd` namespace whose functions are wrapped (src/nd.ts, once). */
export function setProfiledNamespace(ns: object): void {
  namespace = ns as Record<string, unknown>;
}

/** @internal The running profile, or null. */
export function currentSession(): Session | null {
  return session;
}

function stagedTotal(): number {
  let n = 0;
  for (const k in stagedCalls) n += stagedCalls[k as keyof typeof stagedCalls];
  return n;
}

const now: () => number = typeof performance === 'object' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/** `path:line` from one stack line (`    at f (file:///x/y.ts:3:9)` or `    at /x/y.ts:3:9`). */
function locationOf(line: string | undefined): string {
  if (line === undefined) return 'unknown';
  const m = /\(?((?:file:\/\/)?[^\s()]+:\d+):\d+\)?\s*$/.exec(line.trim());
  if (m === null) return 'unknown';
  let loc = m[1]!;
  if (loc.startsWith('file://')) {
    try {
      loc = decodeURIComponent(loc.slice('file://'.length));
    } catch {
      loc = loc.slice('file://'.length);
    }
  }
  return loc;
}

const captureStackTrace = (Error as { captureStackTrace?: (target: object, fn: unknown) => void }).captureStackTrace;

/**
 * The stack at the user's call (the caller of the outermost wrapper), captured but not yet
 * formatted: V8 formats `stack` on first read, which (with source maps) costs far more than
 * the capture, so only the arrays reported as alive pay for it.
 */
function captureStack(): { stack?: string } | null {
  const wrapper = currentWrapper;
  if (wrapper === null) return null;
  if (typeof captureStackTrace === 'function') {
    const holder: { stack?: string } = {};
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 1;
    try {
      captureStackTrace(holder, wrapper);
    } finally {
      Error.stackTraceLimit = limit;
    }
    return holder;
  }
  return new Error();
}

/** `path:line` of the user's call that made the record's array, or `'unknown'`. */
export function siteOf(r: AllocationRecord): string {
  if (r.site !== null) return r.site;
  let site = 'unknown';
  const lines = (r.stack?.stack ?? '').split('\n');
  if (typeof captureStackTrace === 'function') site = locationOf(lines[1]);
  else {
    // Engines without captureStackTrace: the frame after the last wrapper frame.
    let last = -1;
    for (let i = 0; i < lines.length; i++) if (lines[i]!.includes('ndvecProfiled')) last = i;
    if (last >= 0) site = locationOf(lines[last + 1]);
  }
  r.site = site;
  return site;
}

function onAllocate(storage: Storage): void {
  const bytes = storage.length * (storage.dtype === 'float64' ? 8 : 1);
  const op = depth > 0 ? currentOp : '(outside a public call)';
  callArrays++;
  callBytes += bytes;
  const record: AllocationRecord = {
    op,
    stack: depth > 0 ? (callStack ??= captureStack()) : captureStack(),
    site: null,
    bytes,
    ref: new WeakRef(storage),
    elementwise: ELEMENTWISE.has(op),
    jsBacked: !storage.inArena && storage.length > 0 && arenaMemory() !== null,
    consumed: 0,
  };
  if (session !== null) {
    session.records.push(record);
    session.byStorage.set(storage, record);
    if (depth === 0) {
      // made outside any public call (no call to count): the row shows arrays and bytes only
      const st = statsOf(session, op);
      st.arrays++;
      st.bytes += bytes;
    }
  }
  if (tracked !== null) {
    tracked.push(record);
    if (++trackedSincePrune >= 4096) pruneTracked();
  }
}

function pruneTracked(): void {
  trackedSincePrune = 0;
  if (tracked !== null) tracked = tracked.filter(isAlive);
}

function statsOf(s: Session, op: string): OpStats {
  let st = s.stats.get(op);
  if (st === undefined) s.stats.set(op, (st = { calls: 0, time: 0, bytes: 0, arrays: 0, fused: 0, wasm: 0, staged: 0, js: 0 }));
  return st;
}

/** Marks temporaries: operands of an allocating element-wise call that an element-wise call made. */
function noteOperands(s: Session, self: unknown, args: unknown[]): void {
  const mark = (x: unknown): void => {
    if (x instanceof NdArray) {
      const r = s.byStorage.get(x.storage);
      if (r !== undefined && r.elementwise) r.consumed++;
    }
  };
  mark(self);
  for (let i = 0; i < args.length && i < 2; i++) mark(args[i]);
}

function finishCall(name: string, t0: number, t1: number, staged: number, wasm: number, self: unknown, args: unknown[]): void {
  const s = session;
  if (s === null) return;
  const path: ProfilePath = name === FUSED ? 'fused' : staged > 0 ? 'staged' : wasm > 0 ? 'wasm' : 'js';
  const st = statsOf(s, name);
  st.calls++;
  st.time += t1 - t0;
  st.arrays += callArrays;
  st.bytes += callBytes;
  st[path]++;
  if (callArrays > 0 && ELEMENTWISE.has(name)) noteOperands(s, self, args);
  if (s.timeline && typeof performance === 'object' && typeof performance.measure === 'function') {
    performance.measure(`ndvec:${name}`, { start: t0, end: t1 });
  }
}

/** A wrapper of `original` accounting its outermost calls under `name`. */
function wrap(name: string, original: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  const wrapper = function ndvecProfiled(this: unknown, ...args: unknown[]): unknown {
    if (depth > 0) return original.apply(this, args);
    depth = 1;
    currentOp = name;
    currentWrapper = wrapper;
    callArrays = 0;
    callBytes = 0;
    callStack = null;
    const staged0 = stagedTotal();
    const wasm0 = wasmRuns;
    const t0 = now();
    try {
      const result = original.apply(this, args);
      return name === 'fuse' && typeof result === 'function' ? wrapFused(result as (...a: unknown[]) => unknown) : result;
    } finally {
      const t1 = now();
      depth = 0;
      currentWrapper = null;
      callStack = null;
      finishCall(name, t0, t1, stagedTotal() - staged0, wasmRuns - wasm0, this, args);
    }
  };
  Object.defineProperty(wrapper, 'name', { value: (original as { name?: string }).name ?? name });
  Object.defineProperty(wrapper, 'length', { value: original.length });
  return wrapper;
}

/** The row name of the calls of fused functions. */
const FUSED = 'fused';

/**
 * A fused function made by `nd.fuse` during a profile, counted as the op `fused`; its other
 * properties (`explain`, `cacheSize`) read through to the original. It stays a wrapper after
 * the profile (a depth check and a null check a call).
 */
function wrapFused(f: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  const w = wrap(FUSED, f);
  for (const key of Reflect.ownKeys(f)) {
    if (key === 'length' || key === 'name' || key === 'prototype') continue;
    const d = Object.getOwnPropertyDescriptor(f, key)!;
    Object.defineProperty(w, key, { configurable: true, enumerable: d.enumerable, get: () => (f as unknown as Record<PropertyKey, unknown>)[key] });
  }
  return w;
}

function wrapAll(owner: Record<string, unknown>, keys: readonly string[], label: (k: string) => string, out: [Record<string, unknown>, string, unknown][]): void {
  for (const key of keys) {
    const d = Object.getOwnPropertyDescriptor(owner, key);
    if (d === undefined || typeof d.value !== 'function' || !d.writable) continue;
    out.push([owner, key, d.value]);
    owner[key] = wrap(label(key), d.value as (...args: unknown[]) => unknown);
  }
}

function install(): void {
  if (installed !== null) return;
  const list: [Record<string, unknown>, string, unknown][] = [];
  const proto = NdArray.prototype as unknown as Record<string, unknown>;
  wrapAll(proto, Object.getOwnPropertyNames(proto).filter((k) => !INTERNAL_METHODS.has(k)), (k) => k, list);
  const gen = Generator.prototype as unknown as Record<string, unknown>;
  wrapAll(gen, Object.getOwnPropertyNames(gen).filter((k) => k !== 'constructor'), (k) => `rng.${k}`, list);
  if (namespace !== null) wrapAll(namespace, Object.keys(namespace).filter((k) => !UNWRAPPED_FUNCTIONS.has(k)), (k) => k, list);
  // nd.linalg's functions, as rows `linalg.<name>`.
  const linalg = namespace?.linalg;
  if (typeof linalg === 'object' && linalg !== null) wrapAll(linalg as Record<string, unknown>, Object.keys(linalg), (k) => `linalg.${k}`, list);
  installed = list;
  depth = 0;
  currentWrapper = null;
  setAllocationHook(onAllocate);
}

function uninstall(): void {
  if (installed === null) return;
  for (const [owner, key, original] of installed) owner[key] = original;
  installed = null;
  setAllocationHook(null);
}

/** Counts the WASM kernels' runs: the same functions behind a counter. */
function swapInCountingKernels(): void {
  const k = wasmKernels;
  if (k === null) return;
  const counting: Record<string, unknown> = {};
  for (const key of Object.keys(k)) {
    const f = (k as unknown as Record<string, unknown>)[key];
    counting[key] = typeof f === 'function'
      ? (...args: unknown[]): unknown => {
          wasmRuns++;
          return (f as (...a: unknown[]) => unknown)(...args);
        }
      : f;
  }
  originalKernels = k;
  countingKernels = counting as unknown as WasmKernels;
  replaceKernels(countingKernels);
}

function swapBackKernels(): void {
  // A module that finished loading meanwhile replaced them: keep that one.
  if (originalKernels !== null && wasmKernels === countingKernels) replaceKernels(originalKernels);
  originalKernels = null;
  countingKernels = null;
}

/** @internal Starts recording for a profile (the caller checked none runs). */
export function startSession(timeline: boolean): Session {
  const s = new Session(timeline);
  session = s;
  swapInCountingKernels();
  install();
  return s;
}

/** @internal Stops the profile; wrappers stay while leak tracking needs them. */
export function stopSession(): void {
  session = null;
  swapBackKernels();
  if (tracked === null) uninstall();
}

/** @internal Turns leak tracking on (a fresh record) or off. */
export function setTracking(on: boolean): void {
  tracked = on ? [] : null;
  trackedSincePrune = 0;
  if (on) install();
  else if (session === null) uninstall();
}

/** @internal The live records of leak tracking, or null when it is off. */
export function trackedAlive(): AllocationRecord[] | null {
  if (tracked === null) return null;
  pruneTracked();
  return tracked;
}
