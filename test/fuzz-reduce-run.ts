/**
 * Replays one case of scripts/fuzz-reduce.py on ndvec and compares it with NumPy's recorded
 * answer (used by test/fuzz-reduce.test.ts and by throwaway fuzz loops).
 */
import { nd, NdArray, NdvecError, AxisError } from '../src/index.ts';

/** One case as scripts/fuzz-reduce.py writes it. */
export interface FuzzCase {
  id: number | string;
  fn: string;
  dtype: 'float64' | 'bool';
  shape: number[];
  data: (string | boolean)[];
  view: [string, unknown][];
  args: {
    axis?: number | number[] | null;
    keepdims?: boolean;
    ddof?: number;
    q?: number | number[];
    method?: string;
    n?: number;
    weights?: { shape: number[]; values: string[] };
  };
  error?: string;
  message?: string;
  rshape?: number[];
  rkind?: 'bool' | 'number';
  result?: (string | boolean)[];
}

/** A float64 from Python's repr. */
export function dec(s: string): number {
  if (s === 'nan') return NaN;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

/** Reductions whose scalar result over a bool array is a number 0/1 in ndvec (a bool in NumPy). */
const BOOL_AS_NUMBER = new Set(['min', 'max', 'nanmin', 'nanmax', 'quantile', 'percentile', 'nanquantile', 'nanpercentile']);

/**
 * Where ±0 tie, NumPy's min/max keep whichever zero its SIMD lanes meet last (np.min of
 * [-0, 0, 0] is 0, of 17 zeros with -0 last also 0, with 8 -0 last: -0), and its partition picks
 * either; ndvec's min/max follow IEEE minimum/maximum (-0 < +0, order-free, JS = WASM) and its
 * selection either zero. The sign of a zero result is not compared for these.
 */
const ZERO_TIES = new Set(['min', 'max', 'nanmin', 'nanmax', 'ptp', 'quantile', 'percentile', 'nanquantile', 'nanpercentile', 'median', 'nanmedian']);

const ORDER_STATS = new Set(['quantile', 'percentile', 'nanquantile', 'nanpercentile', 'median', 'nanmedian']);

/**
 * Why ndvec deliberately (or knowingly) answers a case otherwise than NumPy, or null:
 * - 'empty-quantile': NumPy raises IndexError/ValueError for quantiles of empty slices;
 *   ndvec gives NaN (docs/guide.md, "quantile/percentile of an empty slice give NaN").
 */
export function knownDeviation(c: FuzzCase): string | null {
  if (ORDER_STATS.has(c.fn)) {
    if (c.error === 'IndexError' || c.error === 'ValueError') return 'empty-quantile';
  }
  return null;
}

/** Operations whose summation order legitimately differs from NumPy's (pairwise blocks vs NumPy's). */
export const INEXACT = new Set(['sum', 'mean', 'nansum', 'nanmean', 'var', 'std', 'nanvar', 'nanstd', 'average']);

/** Values of an inexact op accepted by {@link absoluteBound} rather than in ulps (cancellation). */
export let cancelled = 0;

/**
 * An absolute error bound for a sum-like op whose order differs from NumPy's: a recursive or
 * pairwise sum errs by at most about n·ε·Σ|x| (Higham), so with cancellation (1e308 − 1e308,
 * or many normals summing near 0) the result's ulps say nothing. Σ|x| of the finite inputs
 * (times the largest weight, 3, for average), or for var/std the largest square times n.
 */
function absoluteBound(c: FuzzCase): number {
  if (c.dtype === 'bool') return 0;
  let sum = 0, max = 0;
  for (const s of c.data as string[]) {
    const x = Math.abs(dec(s));
    if (Number.isFinite(x)) {
      sum += x;
      if (x > max) max = x;
    }
  }
  const n = c.data.length;
  const scale = c.fn.endsWith('var') || c.fn.endsWith('std') ? 4 * max * max * n : c.fn === 'average' ? 3 * sum : sum;
  return 4 * n * Number.EPSILON * scale;
}

function withinBound(fn: string, a: number, e: number, bound: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(e)) return false; // an infinite bound (Σ|x| overflows) accepts any finite pair
  return fn.endsWith('std') ? Math.abs(a * a - e * e) <= bound : Math.abs(a - e) <= bound;
}

/** Distance in units in the last place of `e` (0 when bit-identical, Infinity when not comparable). */
export function ulps(a: number, e: number): number {
  if (Object.is(a, e)) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(e) || e === 0 || a === 0) return Infinity;
  const exp = Math.floor(Math.log2(Math.abs(e)));
  const ulp = Math.max(2 ** (exp - 52), 5e-324);
  return Math.abs(a - e) / ulp;
}

function build(c: FuzzCase, made: NdArray[]): NdArray {
  const flat = c.dtype === 'bool' ? (c.data as boolean[]) : (c.data as string[]).map(dec);
  let a: NdArray;
  if (c.shape.length === 0) a = nd.array(flat[0] as number);
  else a = nd.array(flat as number[]).reshape(c.shape);
  made.push(a);
  if (c.dtype === 'bool' && a.dtype !== 'bool') made.push(a = a.astype('bool'));
  for (const [kind, arg] of c.view) {
    made.push(a = kind === 'slice' ? a.slice(...(arg as string[])) : a.transpose(arg as number[]));
  }
  return a;
}

type Any = Record<string, (...args: unknown[]) => unknown>;

function call(c: FuzzCase, a: NdArray, made: NdArray[]): unknown {
  const { fn, args } = c;
  const axis = args.axis === undefined ? null : args.axis;
  const o: Record<string, unknown> = {};
  if (args.keepdims !== undefined) o.keepdims = args.keepdims;
  const m = a as unknown as Any;
  switch (fn) {
    case 'countNonzero':
      return nd.countNonzero(a, axis, o);
    case 'var': case 'std': case 'nanvar': case 'nanstd':
      return m[fn].call(a, axis, { ...o, ddof: args.ddof });
    case 'average': {
      if (args.weights) {
        const w = nd.array(args.weights.values.map(dec)).reshape(args.weights.shape);
        made.push(w);
        return m.average.call(a, axis, { ...o, weights: w });
      }
      return m.average.call(a, axis, o);
    }
    case 'cumsum': case 'cumprod': case 'nancumsum': case 'nancumprod':
      return m[fn].call(a, axis);
    case 'quantile': case 'percentile': case 'nanquantile': case 'nanpercentile':
      return m[fn].call(a, args.q, axis, { ...o, method: args.method });
    case 'diff':
      return a.diff(args.n, args.axis as number);
    default:
      return m[fn].call(a, axis, o);
  }
}

/** The outcome of one case: ok, or why not; `maxUlps` over the finite values compared. */
export interface Outcome {
  ok: boolean;
  why?: string;
  maxUlps: number;
  values?: (number | boolean)[];
}

/**
 * Runs `c` on ndvec (the current WASM setting) and compares with NumPy's answer.
 * @param c the case
 * @param tol ulps allowed for {@link INEXACT} operations (others: bit-exact)
 */
export function runCase(c: FuzzCase, tol: number): Outcome {
  const made: NdArray[] = [];
  let r: unknown;
  try {
    const a = build(c, made);
    try {
      r = call(c, a, made);
    } catch (e) {
      if (c.error === undefined) return { ok: false, why: `threw ${(e as Error).constructor.name}: ${(e as Error).message}`, maxUlps: 0 };
      if (!(e instanceof NdvecError)) return { ok: false, why: `threw unnamed ${(e as Error).constructor.name}: ${(e as Error).message} (NumPy ${c.error})`, maxUlps: 0 };
      if (c.error === 'AxisError' && !(e instanceof AxisError)) return { ok: false, why: `threw ${(e as Error).constructor.name} (NumPy AxisError)`, maxUlps: 0 };
      // a repeated axis: NumPy's ValueError, ndvec's AxisError (shape.ts normalizeAxes), left as it is
      const repeated = /duplicate value|repeated axis/.test(c.message ?? '');
      if (c.error !== 'AxisError' && e instanceof AxisError && !repeated) return { ok: false, why: `threw AxisError: ${e.message} (NumPy ${c.error}: ${c.message})`, maxUlps: 0 };
      return { ok: true, maxUlps: 0 };
    }
    if (c.error !== undefined) return { ok: false, why: `returned, NumPy raised ${c.error}: ${c.message}`, maxUlps: 0 };
    let shape: number[];
    let kind: string;
    let values: (number | boolean)[];
    if (r instanceof NdArray) {
      shape = [...r.shape];
      kind = r.dtype === 'bool' ? 'bool' : 'number';
      values = (r.size === 0 ? [] : (r.ravel().toArray() as (number | boolean)[]));
      if (!made.includes(r)) r.dispose();
    } else {
      shape = [];
      kind = typeof r === 'boolean' ? 'bool' : 'number';
      values = [r as number | boolean];
    }
    if (JSON.stringify(shape) !== JSON.stringify(c.rshape)) return { ok: false, why: `shape [${shape}] vs NumPy [${c.rshape}]`, maxUlps: 0, values };
    if (kind === 'number' && c.rkind === 'bool' && shape.length === 0 && !(r instanceof NdArray) && BOOL_AS_NUMBER.has(c.fn)) {
      // guide: min/max (and quantiles) of a bool array over all axes are the numbers 0/1 (NumPy: a bool)
      values = values.map((x) => x === 1);
      kind = 'bool';
    }
    if (kind !== c.rkind) return { ok: false, why: `kind ${kind} vs NumPy ${c.rkind}`, maxUlps: 0, values };
    let maxU = 0;
    const exp = c.result as (string | boolean)[];
    const bound = INEXACT.has(c.fn) ? absoluteBound(c) : 0;
    for (let i = 0; i < exp.length; i++) {
      const e = typeof exp[i] === 'boolean' ? exp[i] : dec(exp[i] as string);
      const v = values[i];
      if (typeof e === 'boolean') {
        if (v !== e) return { ok: false, why: `[${i}] ${String(v)} vs NumPy ${e}`, maxUlps: 0, values };
        continue;
      }
      const u = ulps(v as number, e as number);
      if (u === 0) continue;
      if (v === 0 && e === 0 && ZERO_TIES.has(c.fn)) continue;
      if (u > tol && Number.isFinite(u) && withinBound(c.fn, v as number, e as number, bound)) {
        cancelled++;
        continue;
      }
      if (!INEXACT.has(c.fn) || u > tol) return { ok: false, why: `[${i}] ${String(v)} vs NumPy ${exp[i]} (${u} ulp)`, maxUlps: u, values };
      maxU = Math.max(maxU, u);
    }
    return { ok: true, maxUlps: maxU, values };
  } finally {
    for (const m of made.reverse()) if (!m.isDisposed) m.dispose();
  }
}

/** Runs every case with WASM on and off; both must match NumPy and each other. */
export function runBoth(c: FuzzCase, tol: number): Outcome {
  nd.config({ wasm: true });
  const on = runCase(c, tol);
  nd.config({ wasm: false });
  let off: Outcome;
  try {
    off = runCase(c, tol);
  } finally {
    nd.config({ wasm: true });
  }
  if (!on.ok) return { ...on, why: `wasm on: ${on.why}` };
  if (!off.ok) return { ...off, why: `wasm off: ${off.why}` };
  const same = on.values === undefined || off.values === undefined ||
    (on.values.length === off.values.length && on.values.every((v, i) => Object.is(v, off.values![i])));
  if (!same) return { ok: false, why: `wasm on/off differ: ${String(on.values)} vs ${String(off.values)}`, maxUlps: Math.max(on.maxUlps, off.maxUlps) };
  return { ok: true, maxUlps: Math.max(on.maxUlps, off.maxUlps) };
}
