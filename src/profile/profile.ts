/**
 * `nd.profile(fn)`: per-op calls, time, allocations and kernel path of everything ndvec did
 * while `fn` ran, with the arrays still alive at the end (grouped by op and call site) and
 * hints computed from the rows; `nd.leaks()` for leak tracking in a running program
 * (`nd.config({ trackLeaks: true })`). The recording itself lives in ./recorder.ts.
 * @module
 */
import { isThenable } from '../runtime.ts';
import { ArgumentError, NdvecError } from '../errors.ts';
import { checkArity, checkBoolean, checkChoice, checkOptions, describe } from '../args.ts';
import { leakTracking } from '../config.ts';
import { arenaSoftLimit } from '../memory.ts';
import { OPS } from '../kernels/table.ts';
import {
  currentSession,
  isAlive,
  siteOf,
  setTracking,
  startSession,
  stopSession,
  trackedAlive,
  type AllocationRecord,
  type ProfilePath,
  type Session,
} from './recorder.ts';

export type { ProfilePath } from './recorder.ts';

/** Orders of {@link Profile.rows}: total time, number of calls, bytes allocated (each descending). */
export type ProfileSortKey = 'tottime' | 'calls' | 'bytes';
const SORT_KEYS: readonly ProfileSortKey[] = ['tottime', 'calls', 'bytes'];

/** Options of `nd.profile`. */
export interface ProfileOptions {
  /** Row order (default `'tottime'`). */
  sortBy?: ProfileSortKey;
  /** Also emit a User Timing measure `ndvec:<op>` per call (DevTools / perf_hooks timeline). */
  timeline?: boolean;
}

/** One op of a profile: every outermost public call of that name. */
export interface ProfileRow {
  /** The method or `nd.*` function name (`rng.<method>` for Generator methods). */
  op: string;
  /** Calls (public calls made by ndvec inside another public call count for the outer one). */
  calls: number;
  /** Total milliseconds inside the calls. */
  tottime: number;
  /** `tottime / calls` in milliseconds (0 without calls). */
  percall: number;
  /** Data bytes of the arrays the calls allocated (elements × 8 for float64, × 1 for bool). */
  bytes: number;
  /** Arrays (storages; views allocate none) the calls allocated. */
  arrays: number;
  /** How many of them are still alive at the end (not disposed, not freed by a scope, not collected). */
  alive: number;
  /** The path of the calls: `'fused'`, `'wasm'`, `'staged'`, `'js'`, or several joined by `+` when calls differ. */
  path: string;
  /** Calls by path. */
  paths: Record<ProfilePath, number>;
}

/** Arrays still alive at the end, made by one op at one call site. */
export interface LeakGroup {
  /** The op that allocated them. */
  op: string;
  /** `file:line` of the call outside ndvec, or `'unknown'`. */
  site: string;
  /** How many. */
  arrays: number;
  /** Their data bytes. */
  bytes: number;
}

/** What a hint is about. */
export type ProfileHintKind = 'fuse' | 'js' | 'softLimit' | 'smallCalls';

/** Advice computed from the rows, each with the figure that triggered it. */
export interface ProfileHint {
  /** What the hint is about. */
  kind: ProfileHintKind;
  /** The op concerned, or null for a hint about several. */
  op: string | null;
  /** The advice, with the figure behind it. */
  message: string;
}

/** What `profile.toJSON()` returns. */
export interface ProfileJSON {
  /** Milliseconds from start to end of the profile. */
  wallTime: number;
  /** Milliseconds inside ndvec's public calls. */
  opTime: number;
  /** The row order. */
  sortBy: ProfileSortKey;
  /** One row per op. */
  rows: ProfileRow[];
  /** Arrays alive at the end, by op and call site. */
  leaks: LeakGroup[];
  /** Advice computed from the rows. */
  hints: ProfileHint[];
}

/** Ops that have WASM kernels for some layouts: a JS path for them is worth a hint. */
const KERNEL_OPS = new Set<string>([
  ...OPS.map((r) => r.name),
  'where', 'compress', 'setWhere', 'count', 'clip', 'sum', 'prod', 'mean', 'min', 'max', 'std', 'var', 'any', 'all',
  'nansum', 'nanmean', 'nanmin', 'nanmax', 'argmin', 'argmax',
]);

/** Hints fire past these figures. */
const JS_SHARE = 0.1;
const SMALL_CALLS = 1000;
const SMALL_BYTES = 1024;

/** `12.3ms`, `45.6us`, `789ns`, `1.23s`. */
export function formatTime(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)}s`;
  if (ms >= 1) return `${ms.toFixed(1)}ms`;
  if (ms >= 0.001) return `${(ms * 1000).toFixed(1)}us`;
  return `${Math.round(ms * 1e6)}ns`;
}

/** `512 B`, `8.2 kB`, `24.0 MB`, `1.5 GB` (powers of 1000). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** `/a/b/pipeline.ts:12` → `pipeline.ts:12`. */
function shortSite(site: string): string {
  const m = /([^/\\]+):(\d+)$/.exec(site);
  return m === null ? site : `${m[1]}:${m[2]}`;
}

/** Groups live records by op and site, most bytes first. */
function groupLeaks(records: readonly AllocationRecord[]): LeakGroup[] {
  const groups = new Map<string, LeakGroup>();
  for (const r of records) {
    if (!isAlive(r)) continue;
    const site = siteOf(r);
    const key = `${r.op}\u0000${site}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { op: r.op, site, arrays: 1, bytes: r.bytes });
    else {
      g.arrays++;
      g.bytes += r.bytes;
    }
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes || b.arrays - a.arrays || (a.op + a.site < b.op + b.site ? -1 : 1));
}

function compareRows(key: ProfileSortKey): (a: ProfileRow, b: ProfileRow) => number {
  const field = key === 'tottime' ? 'tottime' : key === 'calls' ? 'calls' : 'bytes';
  return (a, b) => b[field] - a[field] || b.tottime - a.tottime || (a.op < b.op ? -1 : a.op > b.op ? 1 : 0);
}

function rowsOf(s: Session, sortBy: ProfileSortKey): ProfileRow[] {
  const alive = new Map<string, number>();
  for (const r of s.records) if (isAlive(r)) alive.set(r.op, (alive.get(r.op) ?? 0) + 1);
  const rows: ProfileRow[] = [];
  for (const [op, st] of s.stats) {
    const paths = { fused: st.fused, wasm: st.wasm, staged: st.staged, js: st.js };
    const path = (['fused', 'wasm', 'staged', 'js'] as const).filter((p) => paths[p] > 0).join('+');
    rows.push({
      op, calls: st.calls, tottime: st.time, percall: st.calls === 0 ? 0 : st.time / st.calls,
      bytes: st.bytes, arrays: st.arrays, alive: alive.get(op) ?? 0, path, paths,
    });
  }
  return rows.sort(compareRows(sortBy));
}

function hintsOf(s: Session, rows: readonly ProfileRow[], fuseAvailable: boolean): ProfileHint[] {
  const hints: ProfileHint[] = [];
  const temps = s.records.filter((r) => r.elementwise && r.consumed > 0);
  if (temps.length > 0) {
    const ops = [...new Set(temps.map((r) => r.op))].sort();
    const bytes = temps.reduce((n, r) => n + r.bytes, 0);
    hints.push({
      kind: 'fuse', op: ops.length === 1 ? ops[0]! : null,
      message: `${temps.length} temporaries (${formatBytes(bytes)}) made by ${ops.join('/')} were operands of further element-wise ops: ${fuseAvailable ? 'nd.fuse' : 'a fused expression'} would skip them, or reuse one buffer with { out }`,
    });
  }
  const opTime = rows.reduce((n, r) => n + r.tottime, 0);
  if (s.wasmActive) {
    for (const r of rows) {
      if (r.paths.js === 0 || r.bytes === 0 || !KERNEL_OPS.has(r.op) || r.tottime < JS_SHARE * opTime) continue;
      hints.push({
        kind: 'js', op: r.op,
        message: `${r.op}: ${r.paths.js} of ${r.calls} calls ran JS loops (no WASM kernel for this op or layout): ${Math.round((100 * r.tottime) / opTime)} % of the op time`,
      });
    }
  }
  const jsBacked = s.records.filter((r) => r.jsBacked);
  if (jsBacked.length > 0) {
    const bytes = jsBacked.reduce((n, r) => n + r.bytes, 0);
    hints.push({
      kind: 'softLimit', op: null,
      message: `${jsBacked.length} arrays (${formatBytes(bytes)}) went to JS buffers past the arena's soft limit (${formatBytes(arenaSoftLimit())} live): ops on them run staged or as JS loops; dispose them or use nd.scope`,
    });
  }
  for (const r of rows) {
    if (r.calls < SMALL_CALLS || r.op === 'dispose' || (r.arrays > 0 && r.bytes / r.arrays > SMALL_BYTES)) continue;
    const each = r.arrays === 0 ? 'allocating nothing' : `of ${formatBytes(Math.round(r.bytes / r.arrays))} results`;
    hints.push({
      kind: 'smallCalls', op: r.op,
      message: `${r.op}: ${r.calls} calls ${each}, ${formatTime(r.percall)} each: one call on a larger (stacked or reshaped) array would do the same work with less overhead`,
    });
  }
  return hints;
}

/**
 * The result of `nd.profile`: rows per op, arrays still alive at the end, and hints.
 * Times are milliseconds (`performance.now()`).
 */
export class Profile {
  /** One row per op, in {@link sortBy} order. */
  readonly rows: ProfileRow[];
  /** Arrays made during the profile and still alive at its end, by op and call site. */
  readonly leaks: LeakGroup[];
  /** Advice computed from the rows. */
  readonly hints: ProfileHint[];
  /** Milliseconds from start to end of the profile. */
  readonly wallTime: number;
  /** Milliseconds inside ndvec's public calls (the sum of the rows' `tottime`). */
  readonly opTime: number;
  /** The row order. */
  readonly sortBy: ProfileSortKey;

  /** @internal Use `nd.profile`. */
  constructor(s: Session, wallTime: number, sortBy: ProfileSortKey, fuseAvailable: boolean) {
    this.sortBy = sortBy;
    this.rows = rowsOf(s, sortBy);
    this.leaks = groupLeaks(s.records);
    this.hints = hintsOf(s, this.rows, fuseAvailable);
    this.wallTime = wallTime;
    this.opTime = this.rows.reduce((n, r) => n + r.tottime, 0);
  }

  /**
   * A table with cProfile's columns (ncalls, tottime, percall) plus bytes, arrays, alive and
   * path, then the arrays alive at the end and the hints.
   * @returns the text
   * @example
   * console.log(nd.profile(() => a.mul(a).add(1)).toString());
   */
  toString(): string {
    const calls = this.rows.reduce((n, r) => n + r.calls, 0);
    const head = ['ncalls', 'tottime', 'percall', 'bytes', 'arrays', 'alive', 'path', 'op'];
    const body = this.rows.map((r) => [
      String(r.calls), formatTime(r.tottime), formatTime(r.percall), formatBytes(r.bytes), String(r.arrays), String(r.alive), r.path || '-', r.op,
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
    const line = (cells: string[]): string =>
      cells.map((c, i) => (i >= cells.length - 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
    const out = [
      `${calls} ndvec calls in ${formatTime(this.opTime)} (wall ${formatTime(this.wallTime)}), ordered by ${this.sortBy}`,
      '',
      line(head),
      ...body.map(line),
    ];
    if (this.leaks.length > 0) {
      const arrays = this.leaks.reduce((n, g) => n + g.arrays, 0);
      const bytes = this.leaks.reduce((n, g) => n + g.bytes, 0);
      out.push('', `live at end: ${arrays} arrays, ${formatBytes(bytes)}`);
      for (const g of this.leaks) out.push(`  ${g.arrays} × ${g.op} at ${shortSite(g.site)} (${formatBytes(g.bytes)})`);
    }
    if (this.hints.length > 0) {
      out.push('', 'hints:');
      for (const h of this.hints) out.push(`  ${h.message}`);
    }
    return out.join('\n');
  }

  /**
   * The data: times, rows, leaks and hints (plain objects, JSON-safe).
   * @returns the data
   */
  toJSON(): ProfileJSON {
    return {
      wallTime: this.wallTime,
      opTime: this.opTime,
      sortBy: this.sortBy,
      rows: this.rows.map((r) => ({ ...r, paths: { ...r.paths } })),
      leaks: this.leaks.map((g) => ({ ...g })),
      hints: this.hints.map((h) => ({ ...h })),
    };
  }
}

/** Set by src/nd.ts: whether `nd.fuse` exists (the hint names it then). */
let fuseCheck: () => boolean = () => false;

/** @internal Tells the hints how to know whether `nd.fuse` exists. */
export function setFuseCheck(check: () => boolean): void {
  fuseCheck = check;
}

const clock: () => number = typeof performance === 'object' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/**
 * Runs `fn` and reports what ndvec did meanwhile: per op (method, `nd.*` function or
 * `rng.<method>`) the calls, total and per-call time, bytes and arrays allocated, how many
 * are still alive at the end and the path taken (WASM kernels, WASM on staged copies of
 * JS-backed arrays, or JS); the arrays alive at the end by op and user call site; and hints.
 * Public calls ndvec makes inside another count once, for the outermost.
 *
 * An async `fn` (returning a Promise) gives a Promise of the Profile, which counts everything
 * ndvec does from the start until the promise settles, other tasks' calls included. While a
 * profile runs the public methods are wrapped (about 0.3 µs a call, plus a stack capture per
 * allocation); they are restored at the end, also when `fn` throws (the error is rethrown).
 * Functions taken off `nd` before the profile started (`const { add } = nd`) are not seen.
 * @param fn the work to profile (sync or async)
 * @param options `sortBy` ('tottime' | 'calls' | 'bytes'), `timeline` (emit User Timing
 *   measures `ndvec:<op>`)
 * @returns the Profile, or a Promise of it when `fn` returned one
 * @throws ArgumentError for a non-function or bad options; NdvecError when a profile is
 *   already running (profiles do not nest)
 * @example
 * const prof = nd.profile(() => x.mul(x).add(x.mul(2)).add(1));
 * console.log(prof.toString());
 * prof.rows[0]; // { op: 'mul', calls: 2, tottime: 0.01, ..., path: 'wasm' }
 */
export function profile(fn: () => PromiseLike<unknown>, options?: ProfileOptions): Promise<Profile>;
export function profile(fn: () => unknown, options?: ProfileOptions): Profile;
export function profile(fn: () => unknown, options?: ProfileOptions): Profile | Promise<Profile> {
  checkArity('profile', arguments, 2, 1);
  if (typeof fn !== 'function') throw new ArgumentError('profile', 'fn', `fn must be a function, got ${describe(fn)}`);
  const o = checkOptions('profile', options, ['sortBy', 'timeline']);
  const sortBy = o.sortBy === undefined ? 'tottime' : checkChoice('profile', 'sortBy', o.sortBy, SORT_KEYS);
  const timeline = checkBoolean('profile', 'timeline', o.timeline, false);
  if (currentSession() !== null) {
    throw new NdvecError('nd.profile: a profile is already running; profiles do not nest (profile the outer work once, or run the two one after the other)');
  }
  const session = startSession(timeline);
  const t0 = clock();
  const finish = (): Profile => {
    const wall = clock() - t0;
    stopSession();
    return new Profile(session, wall, sortBy, fuseCheck());
  };
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    stopSession();
    throw e;
  }
  if (!isThenable(result)) return finish();
  return new Promise<Profile>((resolve, reject) => {
    try {
      result.then(
        () => resolve(finish()),
        (e: unknown) => {
          stopSession();
          reject(e);
        },
      );
    } catch (e) {
      stopSession();
      reject(e);
    }
  });
}

/**
 * The arrays recorded since `nd.config({ trackLeaks: true })` that are still alive (not
 * disposed, not freed by a scope, not yet garbage-collected), grouped by the op that made
 * them and the call site outside ndvec, most bytes first. Each `nd.config({ trackLeaks:
 * true })` starts a fresh record, which makes a test helper: turn it on before a test, and
 * expect `nd.leaks()` to be `[]` after it.
 * @returns the groups (empty when nothing is left alive)
 * @throws NdvecError when leak tracking is off
 * @example
 * nd.config({ trackLeaks: true });
 * const t = nd.ones(3).mul(2); // never disposed
 * nd.leaks(); // [{ op: 'mul', site: '/app/main.ts:2', arrays: 1, bytes: 24 }, { op: 'ones', … }]
 */
export function leaks(): LeakGroup[] {
  checkArity('leaks', arguments, 0);
  const records = trackedAlive();
  if (records === null) throw new NdvecError('nd.leaks(): leak tracking is off; turn it on with nd.config({ trackLeaks: true })');
  return groupLeaks(records);
}

leakTracking.set = (on: boolean): void => {
  setTracking(on);
  leakTracking.on = on;
};
