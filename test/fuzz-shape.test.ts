/**
 * Shape manipulation, views and creation against NumPy over random and named cases
 * (test/fixtures/fuzz-shape.json.gz, written by scripts/fuzz-shape.py): reshape (with -1,
 * from views), ravel, flatten, copy, T, transpose, swapaxes, moveaxis, squeeze, expandDims,
 * broadcastTo, concat (axis, axis null), stack, hstack, vstack, columnStack, flip, roll, tile,
 * repeat, slice, get/set, pad, diagonal, trace, diag, tril, triu, meshgrid, split, arraySplit,
 * dstack, atleast1d/2d/3d, arange, linspace, logspace, geomspace, eye, identity, full, zeros,
 * ones, the *Like forms and nd.array on ragged data. Operands are rebuilt from recipes as views
 * (transposed, axes swapped, reversed, flipped, strided, broadcast, offset) over shapes of 0–4
 * axes of sizes 0, 1, 2, 3, 5, 17 (a few long axes), with parameters in and out of range; every
 * fourth case hands nd.* its operand as nested JS arrays. Each case must give NumPy's shape,
 * dtype and values bit for bit (-0 and NaN included; logspace and geomspace within 1 ulp: pow,
 * log10) or the named error standing for NumPy's exception, on the JS kernels and on WASM; a
 * view NumPy returns must share ndvec's memory exactly when NumPy's does, with NumPy's
 * writeability, and a write into its last element must land where NumPy's lands in the input.
 * The deliberate, documented differences are listed in `deliberate()`.
 *
 * `FUZZ_SHAPE_FIXTURE=/tmp/x.json node --import tsx --test test/fuzz-shape.test.ts` runs
 * another fixture (the throwaway loop: `python3 scripts/fuzz-shape.py SEED COUNT /tmp/x.json`).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { nd, NdArray } from '../src/index.ts';
import { onJsAndWasm, ulpsSpecialsExact } from './helpers.ts';
import { build, decode, encode, pack, type Enc, type Packed, type Recipe } from './fixture-views.ts';

interface Case {
  fn: string;
  a?: Recipe;
  arrays?: Recipe[];
  args: unknown[];
  result?: Packed;
  results?: Packed[];
  error?: string;
  message?: string;
  shares?: boolean | null;
  sharesEach?: (boolean | null)[];
  writeable?: boolean;
  after?: Packed;
  label?: string;
}

const path = process.env.FUZZ_SHAPE_FIXTURE;
const raw = path === undefined ? gunzipSync(readFileSync(new URL('./fixtures/fuzz-shape.json.gz', import.meta.url))) : readFileSync(path);
const FIXTURE = JSON.parse(raw.toString('utf8')) as { numpy: string; cases: Case[] };





/** The C-order index of flat position `k` in `shape`. */
function unravel(k: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = k % shape[d]!;
    k = Math.floor(k / shape[d]!);
  }
  return idx;
}

type Outcome = { result: Packed; results?: Packed[]; sharesEach?: (boolean | null)[]; shares?: boolean; writeable?: boolean; after?: Packed } | { error: string; message: string };

/** Calls the ndvec function a case names (method form on even `k`, the nd.* function on odd). */
function call(c: Case, a: NdArray, k: number): NdArray | number | boolean | NdArray[] {
  const args = c.args;
  const m = k % 2 === 0;
  const f = nd as unknown as Record<string, (...xs: unknown[]) => NdArray>;
  const method = a as unknown as Record<string, (...xs: unknown[]) => NdArray>;
  switch (c.fn) {
    case 'T':
      return a.T;
    case 'reshape':
    case 'transpose':
      // NumPy's spread form (`a.reshape(2, 3)`, `nd.transpose(a, 1, 0)`) on every fourth case
      if (k % 4 === 2 && Array.isArray(args[0]) && args[0].length > 0) return method[c.fn]!(...(args[0] as number[]));
      if (k % 4 === 1 && Array.isArray(args[0]) && args[0].length > 0) return f[c.fn]!(a, ...(args[0] as number[]));
      return m ? method[c.fn]!(...args) : f[c.fn]!(plain(c, a, k), ...args);
    case 'get':
      return a.get(...(args as number[]));
    case 'set':
      a.set(...(args.slice(0, -1) as number[]), decode(args[args.length - 1]) as number);
      return a;
    case 'moveaxis':
    case 'split':
    case 'arraySplit':
    case 'atleast1d':
    case 'atleast2d':
    case 'atleast3d':
    case 'tile':
    case 'pad':
    case 'diag':
    case 'tril':
    case 'triu':
    case 'zerosLike':
    case 'onesLike':
    case 'fullLike':
      return f[c.fn]!(plain(c, a, k), ...args);
    default:
      return m ? method[c.fn]!(...args) : f[c.fn]!(plain(c, a, k), ...args);
  }
}

/** Functions whose nd.* form also takes plain nested data (views of it own their memory). */
const TAKES_PLAIN = new Set(['split', 'arraySplit', 'atleast1d', 'atleast2d', 'atleast3d', 'moveaxis', 'swapaxes', 'reshape', 'ravel', 'flatten', 'copy', 'transpose', 'squeeze', 'expandDims', 'broadcastTo', 'roll', 'repeat', 'diagonal', 'trace', 'tile', 'pad', 'diag', 'tril', 'triu', 'zerosLike', 'onesLike', 'fullLike']);

/** Every fourth case hands a contiguous float64 operand to nd.* as nested JS arrays (NumPy's array_like). */
function plain(c: Case, a: NdArray, k: number): NdArray | unknown {
  return k % 4 === 3 && c.a!.view === 'c' && c.a!.dtype === 'float64' && a.ndim > 0 && a.size > 0 && TAKES_PLAIN.has(c.fn) ? a.toArray() : a;
}

function run(c: Case, k: number): Outcome {
  const made: NdArray[] = [];
  try {
    let r: NdArray | number | boolean | NdArray[];
    let a: NdArray | undefined;
    try {
      if (c.a !== undefined) {
        a = build(c.a);
        made.push(a);
        r = call(c, a, k);
      } else if (c.arrays !== undefined) {
        const xs = c.arrays.map(build);
        made.push(...xs);
        // every fourth case passes contiguous float64 entries as nested JS arrays (not empty ones: [] is shape [0])
        const entries = xs.map((x, i) => (k % 4 === 3 && c.arrays![i]!.view === 'c' && x.dtype === 'float64' && x.size > 0 ? x.toArray() : x));
        const f = nd as unknown as Record<string, (...xs: unknown[]) => NdArray | NdArray[]>;
        r = c.fn === 'meshgrid' ? f.meshgrid!(...entries, ...c.args) : f[c.fn]!(entries, ...c.args);
      } else {
        const f = nd as unknown as Record<string, (...xs: unknown[]) => NdArray>;
        const deep = (x: unknown): unknown => (Array.isArray(x) ? x.map(deep) : decode(x));
        r = f[c.fn]!(...c.args.map(deep));
      }
    } catch (e) {
      if (e instanceof assert.AssertionError) throw e;
      return { error: (e as Error).constructor.name, message: (e as Error).message };
    }
    if (Array.isArray(r)) {
      const out: Outcome = { result: { shape: [], dtype: '', flat: [] }, results: r.map(pack) };
      if (a !== undefined && c.sharesEach !== undefined && plain(c, a, k) === a) out.sharesEach = r.map((p, i) => (c.sharesEach![i] === null ? null : p.storage === a.storage));
      return out;
    }
    const out: Outcome = { result: pack(r) };
    if (r instanceof NdArray && a !== undefined && c.shares !== undefined && c.shares !== null && plain(c, a, k) === a) {
      out.shares = r.storage === a.storage;
      out.writeable = r.writeable;
      if (c.after !== undefined && out.shares && r.writeable) {
        r.set(...unravel(r.size - 1, r.shape), 999.5);
        out.after = pack(a);
      }
    }
    return out;
  } finally {
    for (const x of made) x.dispose();
  }
}

/** The ndvec error class names that stand for NumPy's exception. */
function wanted(c: Case): string[] {
  const msg = c.message ?? '';
  // arange's bad arguments (non-finite start/stop, step 0 or NaN): NumPy's ValueError or
  // ZeroDivisionError, ndvec's ArgumentError; too many elements: ndvec's ShapeError
  if (c.fn === 'arange') return /Maximum allowed size/.test(msg) ? ['ShapeError', 'ArgumentError'] : ['ArgumentError'];
  // a negative count is refused before the counts are matched to the axis (NumPy the other way round)
  if ((c.fn === 'repeat' || c.fn === 'tile') && c.error === 'ValueError' && hasNegative(c.args[0])) return ['ArgumentError', 'ShapeError'];
  if (c.error === 'AxisError') return ['AxisError'];
  // split/arraySplit read `a.shape[axis]` first: NumPy's IndexError for a bad axis, ndvec's AxisError (NumPy's AxisError is an IndexError too)
  if (c.error === 'IndexError') return /tuple index out of range/.test(msg) ? ['IndexError', 'AxisError'] : ['IndexError'];
  // split(a, 0): NumPy's ZeroDivisionError, ndvec's ArgumentError (as arraySplit's "sections must be larger than 0")
  if (c.error === 'ZeroDivisionError') return ['ArgumentError'];
  if (c.fn === 'geomspace' && c.error === 'ValueError') return ['ArgumentError'];
  if (c.error === 'TypeError') return ['ArgumentError', 'DTypeError'];
  if (c.error === 'ValueError') {
    const w = ['ShapeError', 'BroadcastError'];
    if (/axis|axes/i.test(msg)) w.push('AxisError');
    if (/negative|Number of samples|must be|can't contain|yields no value/i.test(msg)) w.push('ArgumentError');
    if (/slice step/.test(msg)) w.push('IndexError');
    return w;
  }
  return [`(NumPy raised ${c.error})`];
}

const hasNegative = (x: unknown, except?: number): boolean =>
  (Array.isArray(x) ? x : [x]).some((v) => typeof v === 'number' && v < 0 && v !== except);

/**
 * The deliberate, documented differences: where ndvec refuses on purpose what NumPy accepts
 * by accident, or refuses with a different named error. Returns the ndvec errors required.
 */
function deliberate(c: Case): string[] | null {
  // NumPy takes any negative entry as the unknown size (`reshape(2, -2)`); ndvec only -1, as documented
  if (c.fn === 'reshape' && hasNegative(c.args[0], -1)) return c.error === undefined ? ['ShapeError'] : null;
  // NumPy's tile and repeat of an empty array skip their negative-count check; ndvec checks counts always
  if (c.fn === 'tile' && hasNegative(c.args[0])) return ['ArgumentError'];
  if (c.fn === 'repeat' && hasNegative(c.args[0]) && c.error !== 'AxisError') return ['ArgumentError', 'ShapeError'];
  // both refuse pad widths [] of a 0-d array: NumPy's TypeError (an empty float list), ndvec's BroadcastError
  if (c.fn === 'pad' && c.error === 'TypeError' && /pad_width/.test(c.message ?? '')) return ['BroadcastError'];
  // pad's reflectType 'odd' on a bool array: NumPy computes 2·edge − value in bools, ndvec refuses (pad's JSDoc)
  if (c.fn === 'pad' && c.a?.dtype === 'bool' && /odd/.test(JSON.stringify(c.args))) return ['ArgumentError'];
  // arange: NumPy takes an infinite step (`arange(0, 1, inf)` is [0]); ndvec refuses it (arange's JSDoc)
  if (c.fn === 'arange' && c.args.length === 3 && /Infinity/.test(String(c.args[2]))) return ['ArgumentError'];
  // tril/triu of a 0-d array: NumPy's TypeError from tri() missing N, ndvec's ShapeError naming the 0-d input
  if ((c.fn === 'tril' || c.fn === 'triu') && c.a?.shape.length === 0) return ['ShapeError'];
  return null;
}

/** geomspace adds log10 before pow: 1 ulp, the largest distance seen over ~400 random geomspace cases (10 seeds of 4000). */
const ULP_GEOMSPACE = Number(process.env.FUZZ_SHAPE_GEOM_ULP ?? 1);

/**
 * logspace is `pow(base, linspace(...))`: its values within 1 ulp of NumPy's, pow's documented
 * accuracy (test/pow.test.ts); geomspace within `ULP_GEOMSPACE` (log10 and pow).
 */
function assertWithinUlp(got: Packed, want: Packed, where: string, ulps: number): void {
  assert.deepEqual(got.shape, want.shape, `${where}: shape`);
  got.flat.forEach((v, i) => {
    const d = ulpsSpecialsExact(decode(v) as number, decode(want.flat[i]) as number);
    assert.ok(d <= ulps, `${where}: element ${i} is ${String(v)}, NumPy ${String(want.flat[i])} (${d} ulp)`);
  });
}

function describeCase(c: Case, k: number): string {
  const short = (r: Recipe): unknown => ({ ...r, base: r.base.length > 12 ? `${r.base.length} values` : r.base });
  return c.label ?? `case ${k}: ${JSON.stringify({ fn: c.fn, a: c.a && short(c.a), arrays: c.arrays?.map(short), args: c.args })}`;
}

function check(c: Case, k: number): void {
  const label = describeCase(c, k);
  for (const [i, got] of onJsAndWasm(() => run(c, k)).entries()) {
    const where = `${label} [${i === 0 ? 'JS' : 'WASM'}]`;
    const own = deliberate(c);
    if (own !== null) {
      assert.ok('error' in got && own.includes(got.error), `${where}: ndvec should throw ${own.join(' or ')} (a documented difference), got ${JSON.stringify(got).slice(0, 200)}`);
      continue;
    }
    if (c.error !== undefined) {
      assert.ok('error' in got, `${where}: NumPy raised ${c.error} (${c.message}), ndvec returned ${JSON.stringify(got).slice(0, 300)}`);
      assert.ok(wanted(c).includes(got.error), `${where}: NumPy raised ${c.error} (${c.message}), ndvec ${got.error}: ${got.message}`);
      continue;
    }
    assert.ok(!('error' in got), `${where}: NumPy returned ${JSON.stringify(c.result ?? c.results).slice(0, 200)}, ndvec threw ${'error' in got ? `${got.error}: ${got.message}` : ''}`);
    if (c.results !== undefined) {
      assert.deepEqual(got.results, c.results, where);
      if (got.sharesEach !== undefined) assert.deepEqual(got.sharesEach, c.sharesEach, `${where}: which pieces share memory with the input`);
      continue;
    }
    if (c.fn === 'logspace' || c.fn === 'geomspace') assertWithinUlp(got.result, c.result!, where, c.fn === 'logspace' ? 1 : ULP_GEOMSPACE);
    else assert.deepEqual(got.result, c.result, where);
    if (c.shares !== undefined && c.shares !== null && got.shares !== undefined) {
      assert.equal(got.shares, c.shares, `${where}: shares memory with its input (NumPy ${c.shares})`);
      if (c.shares) assert.equal(got.writeable, c.writeable, `${where}: writeable (NumPy ${c.writeable})`);
      if (c.after !== undefined) assert.deepEqual(got.after, c.after, `${where}: the input after writing 999.5 into the view's last element`);
    }
  }
}

describe(`shape manipulation and creation against NumPy ${FIXTURE.numpy}: random cases (scripts/fuzz-shape.py)`, () => {
  const random = FIXTURE.cases.filter((c) => c.label === undefined);
  const fns = [...new Set(random.map((c) => c.fn))].sort();
  for (const fn of fns) {
    test(fn, () => {
      const failures: string[] = [];
      random.forEach((c, k) => {
        if (c.fn !== fn) return;
        try {
          check(c, k);
        } catch (e) {
          if (!(e instanceof assert.AssertionError)) throw e;
          failures.push(e.message.split('\n')[0]!);
        }
      });
      if (process.env.FUZZ_SHAPE_VERBOSE !== undefined) for (const f of failures) console.log(`FAIL ${fn}: ${f}`);
      assert.equal(failures.length, 0, `${failures.length} ${fn} cases differ from NumPy, first: ${failures.slice(0, 3).join('\n')}`);
    });
  }
});

describe('shape manipulation and creation: named cases (bugs the fuzz found)', () => {
  for (const c of FIXTURE.cases.filter((x) => x.label !== undefined)) test(c.label!, () => check(c, 1));
});
