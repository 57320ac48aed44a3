/**
 * Searching, selection, set and histogram functions against NumPy over random and named cases
 * (test/fixtures/fuzz-search.json.gz, written by scripts/fuzz-search.py): partition,
 * argpartition, searchsorted, unique, nonzero, argwhere, countNonzero, histogram,
 * histogramBinEdges, bincount, digitize, interp and trapezoid, over operands rebuilt as views
 * (test/fixture-views.ts) with values heavy in ties, NaN, ±0 and ±Inf. Each case must give
 * NumPy's shape, dtype (NumPy's int64 indices and counts are ndvec's float64) and values bit for
 * bit (-0 and NaN included), or a named ndvec error where NumPy raises, on the JS kernels and
 * on WASM; every fourth case hands the nd.* form its operand as nested JS arrays. Tolerances,
 * each with its reason:
 * - partition/argpartition: the order inside the parts is ndvec's own (NumPy's introselect is
 *   not specified either), so the test checks the partition property on every line (a
 *   permutation of the line; nothing before a kth position greater than it, nothing after
 *   less, NaN greatest) and the kth values against NumPy's, where -0 and 0 count as one value
 *   (ties: which zero lands at kth is the selection order's choice).
 * - unique: -0 and 0 count as one value. NumPy keeps the first of each run of its sort, and
 *   which zero its (unstable, SIMD) sort puts first is not specified; ndvec keeps the first of
 *   its own sort.
 * - histogram with weights and explicit edges: within 64·eps·sum|w| absolute. NumPy sums the
 *   weights in the order of its unstable argsort (ties in any order), ndvec in a stable one.
 * - the edges of histogram/histogramBinEdges from the data's range: -0 and 0 count as one. The
 *   range is the data's min and max, and which of tied -0 and 0 NumPy's max returns depends on
 *   its loop (the last one in a short array); ndvec's `max` keeps another.
 * - histogram with density and trapezoid: within 4 ulp (a division order / pairwise sum may
 *   round differently from NumPy's); trapezoid also within 32·eps·sum|y|·max|spacing|
 *   absolute (under cancellation, a view's sum order is NumPy's iterator's, not ndvec's).
 *   Every other result exact.
 * Deliberate differences (`deliberate()`): an empty kth list (NumPy's TypeError comes from
 * `[]` being a float64 array; ndvec partitions nothing); interp with `period` when the
 * reduced xp holds repeats or NaN (NumPy's unstable argsort decides the order; documented on
 * interp); digitize with bins that NumPy's monotonicity check passes only because a NaN
 * compares false, yet are not sorted (NumPy's binary search starts from the previous key's
 * answer, so on unsorted bins its results depend on the keys' order).
 *
 * `FUZZ_SEARCH_FIXTURE=/tmp/x.json node --import tsx --test test/fuzz-search.test.ts` runs
 * another fixture (the throwaway loop: `python3 scripts/fuzz-search.py SEED COUNT /tmp/x.json`).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { nd, NdArray, NdvecError } from '../src/index.ts';
import { onJsAndWasm, ulpsSpecialsExact } from './helpers.ts';
import { build, decode, pack, type Enc, type Packed, type Recipe } from './fixture-views.ts';

interface Case {
  fn: string;
  a: Recipe;
  args: unknown[];
  result?: Packed;
  results?: Packed[];
  error?: string;
  label?: string;
  todo?: boolean;
}

const path = process.env.FUZZ_SEARCH_FIXTURE;
const raw = path === undefined ? gunzipSync(readFileSync(new URL('./fixtures/fuzz-search.json.gz', import.meta.url))) : readFileSync(path);
const FIXTURE = JSON.parse(raw.toString('utf8')) as { numpy: string; cases: Case[] };

const num = (x: unknown): number => Number(decode(x));
const isRecipe = (x: unknown): x is Recipe => typeof x === 'object' && x !== null && 'base' in x;

type Out = NdArray | number | NdArray[] | { hist: NdArray; binEdges: NdArray };

/** Calls the ndvec function a case names (the method form on even `k` where there is one). */
function call(c: Case, a0: NdArray, k: number): Out {
  const m = k % 2 === 0;
  const args = c.args;
  // every fourth case hands the nd.* form its operand as nested JS arrays
  const a = (k % 4 === 3 && a0.size > 0 && a0.ndim > 0 ? a0.toArray() : a0) as NdArray;
  switch (c.fn) {
    case 'partition':
    case 'argpartition': {
      const [kth, axis] = args as [number | number[], number | null];
      return m ? a0[c.fn](kth, axis) : nd[c.fn](a, kth, axis);
    }
    case 'searchsorted': {
      const [v0, side] = args as [unknown, 'left' | 'right' | null];
      const v = isRecipe(v0) ? build(v0) : num(v0);
      const opts = side === null ? undefined : { side };
      return m ? a0.searchsorted(v as NdArray, opts) : nd.searchsorted(a, v as NdArray, opts);
    }
    case 'unique':
      return m ? a0.unique() : nd.unique(a);
    case 'nonzero':
      return m ? a0.nonzero() : nd.nonzero(a);
    case 'argwhere':
      return m ? a0.argwhere() : nd.argwhere(a);
    case 'countNonzero': {
      const [axis, keepdims] = args as [number | number[] | null, boolean];
      return nd.countNonzero(a, axis, { keepdims });
    }
    case 'histogram':
    case 'histogramBinEdges': {
      const [bins0, o] = args as [number | string | Enc[], Record<string, unknown>];
      const bins = typeof bins0 === 'number' || typeof bins0 === 'string' ? bins0 : bins0.map(num);
      const opts: Record<string, unknown> = {};
      if (o.range !== undefined) opts.range = (o.range as Enc[]).map(num);
      if (o.density !== undefined) opts.density = o.density;
      if (o.weights !== undefined) opts.weights = build(o.weights as Recipe);
      const f = nd[c.fn] as (a: NdArray, b: unknown, o: unknown) => Out;
      return f(a, bins, opts);
    }
    case 'bincount': {
      const o = args[0] as Record<string, unknown>;
      const opts: Record<string, unknown> = {};
      if (o.weights !== undefined) opts.weights = build(o.weights as Recipe);
      if (o.minlength !== undefined) opts.minlength = o.minlength;
      return nd.bincount(a, opts);
    }
    case 'digitize': {
      const [bins, right] = args as [Enc[], boolean];
      return nd.digitize(a, bins.map(num), { right });
    }
    case 'interp': {
      const [xp, fp, o] = args as [Enc[], Enc[], Record<string, Enc>];
      const opts: Record<string, number> = {};
      for (const [key, v] of Object.entries(o)) opts[key] = num(v);
      return nd.interp(a, xp.map(num), fp.map(num), opts);
    }
    case 'trapezoid': {
      const [x, o] = args as [Recipe | null, Record<string, number>];
      return nd.trapezoid(a, x === null ? null : build(x), o);
    }
  }
  throw new Error(`unknown fn ${c.fn}`);
}

/** Cases whose difference from NumPy is deliberate (see the header): not compared. */
function deliberate(c: Case): boolean {
  if ((c.fn === 'partition' || c.fn === 'argpartition') && Array.isArray(c.args[0]) && c.args[0].length === 0) return true;
  if (c.fn === 'interp' && (c.args[2] as { period?: number }).period !== undefined) {
    const p = Math.abs((c.args[2] as { period: number }).period);
    const r = (c.args[0] as Enc[]).map((v) => ((num(v) % p) + p) % p);
    return r.some((v, i) => Number.isNaN(v) || r.indexOf(v) !== i);
  }
  if (c.fn === 'digitize') {
    // bins NumPy takes as monotonic (comparisons with NaN are false) that are not sorted with
    // NaN last: its binary search narrows from the previous key's answer, ndvec's does not
    const b = (c.args[0] as Enc[]).map(num);
    const up = b.every((v, i) => i === 0 || !less(v, b[i - 1]!));
    const down = b.every((v, i) => i === 0 || !less(b[i - 1]!, v));
    return !up && !down;
  }
  return false;
}

const sumAbs = (xs: Enc[]): number => xs.reduce((acc: number, v) => (Number.isFinite(num(v)) ? acc + Math.abs(num(v)) : acc), 0);

/** Absolute tolerance of a weighted histogram with explicit edges or of trapezoid (see the header), else 0. */
function absTolerance(c: Case): number {
  if (c.fn === 'trapezoid') {
    const [x, o] = c.args as [Recipe | null, { dx?: number }];
    const d = x !== null ? 2 * Math.max(0, ...x.base.map((v) => Math.abs(num(v))).filter(Number.isFinite)) : Math.abs(o.dx ?? 1);
    return 32 * Number.EPSILON * sumAbs(c.a.base) * d;
  }
  if (c.fn !== 'histogram' || !Array.isArray(c.args[0])) return 0;
  const w = (c.args[1] as { weights?: Recipe }).weights;
  if (w === undefined) return 0;
  return 64 * Number.EPSILON * sumAbs(w.base);
}

/** The tolerance of a case in ulp (see the header). */
const ulps = (c: Case): number =>
  c.fn === 'trapezoid' || (c.fn === 'histogram' && (c.args[1] as { density?: boolean }).density === true) ? 4 : 0;

function same(got: Packed, want: Packed, tol: number, what: string, abs = 0, zeros = false): void {
  assert.deepEqual(got.shape, want.shape, `${what}: shape`);
  assert.equal(got.dtype, want.dtype, `${what}: dtype`);
  for (let i = 0; i < want.flat.length; i++) {
    const g = got.flat[i]!;
    const w = want.flat[i]!;
    if (zeros && g === 0 && w === '-0') continue;
    if (zeros && g === '-0' && w === 0) continue;
    if (abs > 0 && Number.isFinite(num(w)) && Math.abs(num(g) - num(w)) <= abs) continue;
    if (typeof w === 'boolean' || tol === 0) {
      assert.ok(Object.is(decode(g), decode(w)), `${what}: [${i}] ${String(g)} vs NumPy ${String(w)}`);
    } else {
      const d = ulpsSpecialsExact(num(g), num(w));
      assert.ok(d <= tol, `${what}: [${i}] ${String(g)} vs NumPy ${String(w)} (${d} ulp)`);
    }
  }
}

/** NaN greatest, -0 = 0: the order partition keeps. */
const less = (x: number, y: number): boolean => x < y || (x === x && y !== y);
const eqv = (x: number, y: number): boolean => x === y || (x !== x && y !== y);

/** The lines along the partition axis of a packed array (C order) as arrays of flat indices. */
function lines(shape: number[], axis: number): number[][] {
  const n = shape[axis]!;
  const inner = shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const outer = shape.slice(0, axis).reduce((p, d) => p * d, 1);
  const out: number[][] = [];
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const line: number[] = [];
      for (let j = 0; j < n; j++) line.push((o * n + j) * inner + i);
      out.push(line);
    }
  }
  return out;
}

/** Checks a partition (or the values an argpartition picks) against NumPy's partition. */
function checkPartition(c: Case, a: NdArray, got: NdArray, what: string): void {
  const want = c.result!;
  assert.deepEqual([...got.shape], want.shape, `${what}: shape`);
  assert.equal(got.dtype, c.fn === 'argpartition' ? 'float64' : want.dtype, `${what}: dtype`);
  const [kth0, axis0] = c.args as [number | number[], number | null];
  const src = axis0 === null ? pack(a.ravel()) : pack(a);
  const shape = want.shape;
  if (shape.length === 0) return;
  const axis = axis0 === null ? 0 : axis0 < 0 ? axis0 + shape.length : axis0;
  const n = shape[axis]!;
  const kths = (Array.isArray(kth0) ? kth0 : [kth0]).map((k) => (k < 0 ? k + n : k));
  const g = pack(got).flat.map(num);
  const w = want.flat.map(num);
  const s = src.flat.map(num);
  for (const line of lines(shape, axis)) {
    let vals: number[];
    if (c.fn === 'argpartition') {
      const idx = line.map((p) => g[p]!);
      assert.deepEqual([...idx].sort((x, y) => x - y), line.map((_, j) => j), `${what}: not a permutation`);
      vals = idx.map((j) => s[line[j]!]!);
    } else {
      vals = line.map((p) => g[p]!);
      const sorted = (xs: number[]): number[] => [...xs].sort((x, y) => (less(x, y) ? -1 : less(y, x) ? 1 : 0));
      const orig = sorted(line.map((p) => s[p]!));
      const mine = sorted(vals);
      for (let j = 0; j < n; j++) assert.ok(eqv(orig[j]!, mine[j]!), `${what}: not a permutation of the line`);
    }
    for (const k of kths) {
      const wk = c.fn === 'argpartition' ? s[line[w[line[k]!]!]!]! : w[line[k]!]!;
      assert.ok(eqv(vals[k]!, wk), `${what}: kth ${k} value ${vals[k]} vs NumPy ${wk}`);
      for (let j = 0; j < k; j++) assert.ok(!less(vals[k]!, vals[j]!), `${what}: [${j}] ${vals[j]} before kth ${k} ${vals[k]}`);
      for (let j = k + 1; j < n; j++) assert.ok(!less(vals[j]!, vals[k]!), `${what}: [${j}] ${vals[j]} after kth ${k} ${vals[k]}`);
    }
  }
}

function check(c: Case, k: number): void {
  for (const [i, out] of onJsAndWasm(() => {
    const a = build(c.a);
    try {
      const r = call(c, a, k);
      if ((c.fn === 'partition' || c.fn === 'argpartition') && c.error === undefined) {
        checkPartition(c, a, r as NdArray, `${c.fn} ${JSON.stringify(c.args)}`);
        return { ok: true as const };
      }
      if (Array.isArray(r)) return { results: r.map(pack) };
      if (typeof r === 'object' && !(r instanceof NdArray)) return { results: [pack(r.hist), pack(r.binEdges)] };
      return { result: pack(r) };
    } catch (e) {
      if (e instanceof assert.AssertionError) throw e;
      if (e instanceof NdvecError) return { error: e.name, message: e.message };
      throw e;
    }
  }).entries()) {
    const what = `${c.label ?? c.fn} ${JSON.stringify(c.args).slice(0, 200)} ${c.a.view} ${JSON.stringify(c.a.shape)} (${i === 0 ? 'JS' : 'WASM'})`;
    if (c.error !== undefined) {
      assert.ok('error' in out, `${what}: NumPy raises ${c.error}, ndvec gives ${JSON.stringify(out).slice(0, 300)}`);
      continue;
    }
    assert.ok(!('error' in out), `${what}: ndvec throws ${'error' in out ? `${out.error}: ${out.message}` : ''}`);
    if ('ok' in out) continue;
    if (c.results !== undefined) {
      assert.ok('results' in out && out.results !== undefined && out.results.length === c.results.length, `${what}: ${c.results.length} results`);
      c.results.forEach((w, j) => same(out.results![j]!, w, ulps(c), `${what} result ${j}`, j === 0 ? absTolerance(c) : 0, j === 1 && !Array.isArray(c.args[0])));
    } else {
      assert.ok('result' in out, `${what}: one result`);
      same(out.result!, c.result!, ulps(c), what, absTolerance(c), c.fn === 'unique' || (c.fn === 'histogramBinEdges' && !Array.isArray(c.args[0])));
    }
  }
}

describe(`searching, selection, sets and histograms against NumPy ${FIXTURE.numpy}`, () => {
  const fns = [...new Set(FIXTURE.cases.filter((x) => x.label === undefined).map((x) => x.fn))];
  for (const fn of fns) {
    test(fn, () => {
      const failures: string[] = [];
      FIXTURE.cases.forEach((c, k) => {
        if (c.fn !== fn || c.label !== undefined || deliberate(c)) return;
        try {
          check(c, k);
        } catch (e) {
          failures.push((e as Error).message.split('\n')[0]!);
        }
      });
      assert.deepEqual(failures, []);
    });
  }
  // a `todo` case is a difference found and reported but not fixed in this fuzz's files
  for (const c of FIXTURE.cases.filter((x) => x.label !== undefined)) test(c.label!, { todo: c.todo === true }, () => check(c, 1));
});
