/**
 * Staging of the reduction, argmin/argmax, cumulative and matmul families: with JS-backed
 * inputs or results (past the arena's soft limit) they run the WASM kernels through scratch
 * (src/ops/reduce-wasm.ts). Each staged result must equal the JS kernels' (`wasm: false`)
 * bit for bit (prod of a whole array within a few ulp: its partial products differ), at
 * sizes around the SIMD width, the pairwise block (128), the staging chunk (16,384) and on
 * rows wider than a chunk; counters show the staging ran; scratch stays out of `liveBytes`.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { nd, NdArray } from '../src/index.ts';
import { STAGE_CHUNK } from '../src/dispatch.ts';
import { stagedReduceCalls } from '../src/ops/reduce-wasm.ts';
import { reduce } from '../src/ops/reduce.ts';

const defaultLimit = nd.config().arenaSoftLimit;
after(() => nd.config({ arenaSoftLimit: defaultLimit, wasm: true }));

/** Deterministic values with NaN, ±0, ±Inf and a wide range sprinkled in (none when `clean`). */
function valuesOf(n: number, seed: number, clean = false): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 32;
    out[i] = !clean && u < 0.003 ? [NaN, 0, -0, Infinity, -Infinity][s % 5]! : (u - 0.45) * 10 ** ((s >>> 7) % 5);
  }
  return out;
}

/** `data` as an array of `shape`, JS-backed or in the arena. */
function make(data: Float64Array, shape: number[], jsBacked: boolean): NdArray {
  if (!jsBacked) return nd.array(data).reshape(shape);
  nd.config({ arenaSoftLimit: 0 });
  try {
    const a = nd.array(data).reshape(shape);
    assert.equal(a.storage.inArena, false);
    return a;
  } finally {
    nd.config({ arenaSoftLimit: defaultLimit });
  }
}

const flat = (r: unknown): number[] => (r instanceof NdArray ? [...r.toFloat64Array()] : [Number(r)]);

/** Bit-equal (NaN equals NaN, -0 is not 0), or within `ulps` for finite nonzero values. */
function assertSame(got: number[], want: number[], ulps: number, what: string): void {
  assert.equal(got.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    if (Object.is(g, w)) continue;
    const ok = ulps > 0 && Number.isFinite(w) && w !== 0 && Math.abs(g - w) <= ulps * Number.EPSILON * Math.abs(w);
    assert.ok(ok, `${what}[${i}]: staged ${g}, JS ${w}`);
  }
}

type Op = [string, (a: NdArray) => unknown, number];
const REDUCTIONS = ['sum', 'mean', 'var', 'std', 'nansum', 'nanmean', 'min', 'max', 'nanmin', 'nanmax', 'any', 'all', 'prod'] as const;

/** The ops applied to an array of `shape` (2-D: also along each axis). */
function opsFor(ndim: number): Op[] {
  const ops: Op[] = [];
  for (const name of REDUCTIONS) {
    const ulps = name === 'prod' ? 64 : 0;
    ops.push([`${name}()`, (a) => reduce(name, a, null), ulps]);
    if (ndim === 2) {
      ops.push([`${name}(0)`, (a) => reduce(name, a, 0), ulps]);
      ops.push([`${name}(1)`, (a) => reduce(name, a, 1), ulps]);
    }
  }
  ops.push(['std(ddof 1)', (a) => a.std(null, { ddof: 1 }), 0]);
  ops.push(['argmax()', (a) => a.argmax(), 0], ['argmin()', (a) => a.argmin(), 0]);
  ops.push(['cumsum()', (a) => a.cumsum(), 0], ['cumprod()', (a) => a.cumprod(), 0]);
  if (ndim === 2) {
    ops.push(['argmax(1)', (a) => a.argmax(1), 0], ['argmin(0)', (a) => a.argmin(0), 0]);
    ops.push(['cumsum(0)', (a) => a.cumsum(0), 0], ['cumprod(1)', (a) => a.cumprod(1), 0]);
  }
  return ops;
}

/** JS kernels on an arena array against WASM on a JS-backed input and on JS-backed results. */
function compare(data: Float64Array, shape: number[], ops: Op[]): void {
  const arena = make(data, shape, false);
  const js = make(data, shape, true);
  for (const [what, f, ulps] of ops) {
    nd.config({ wasm: false });
    let want: number[];
    try {
      want = flat(f(arena));
    } finally {
      nd.config({ wasm: true });
    }
    assertSame(flat(f(js)), want, ulps, `${what} of JS-backed ${shape.join('×')}`);
    nd.config({ arenaSoftLimit: 0 });
    try {
      assertSame(flat(f(arena)), want, ulps, `${what} into a JS-backed result ${shape.join('×')}`);
    } finally {
      nd.config({ arenaSoftLimit: defaultLimit });
    }
  }
  arena.dispose();
}

describe('staged reductions = JS kernels', () => {
  test('1-D sizes around the SIMD width, the pairwise block and the chunk', () => {
    const sizes = [16, 17, 63, 64, 65, 127, 128, 129, 1000, STAGE_CHUNK - 1, STAGE_CHUNK, STAGE_CHUNK + 1, 3 * STAGE_CHUNK + 5, 100_003];
    const ops = opsFor(1);
    sizes.forEach((n, i) => compare(valuesOf(n, 11 + i), [n], ops));
  });
  test('2-D: narrow, square, tall (rows tree deeper than 128), rows wider than a chunk', () => {
    const shapes = [[4, 33], [129, 17], [300, 300], [2000, 3], [3, STAGE_CHUNK + 7], [130, STAGE_CHUNK + 3]];
    const ops = opsFor(2);
    shapes.forEach((shape, i) => compare(valuesOf(shape[0]! * shape[1]!, 101 + i, i === 5), shape, ops));
  });
  test('ties and zeros across blocks of rows (min/max pick -0/+0 the IEEE way, arg ops the first index)', () => {
    const n = 300 * 300;
    const d = Float64Array.from({ length: n }, (_, i) => [0, -0, 1, -1, 1, 0][(i * 7 + (i >> 9)) % 6]!);
    for (let i = 0; i < n; i += 9973) d[i] = NaN;
    const ops: Op[] = (['min', 'max', 'nanmin', 'nanmax', 'any', 'all'] as const).map((name): Op => [`${name}(0)`, (a) => reduce(name, a, 0), 0]);
    ops.push(['argmin(0)', (a) => a.argmin(0), 0], ['argmax(0)', (a) => a.argmax(0), 0]);
    compare(d, [300, 300], ops);
  });
  test('the staged paths ran', () => {
    const before = { ...stagedReduceCalls };
    const a = make(valuesOf(5000, 3), [50, 100], true);
    a.sum(0);
    a.var(1);
    a.argmax();
    a.argmax(1);
    a.cumsum();
    a.dot(a.T);
    a.max(0);
    a.any(0);
    a.argmin(0);
    assert.ok(stagedReduceCalls.reduce >= before.reduce + 4);
    assert.ok(stagedReduceCalls.arg >= before.arg + 3);
    assert.ok(stagedReduceCalls.scan >= before.scan + 1);
    assert.ok(stagedReduceCalls.matmul >= before.matmul + 1);
  });
});

describe('staged matmul = JS gemm', () => {
  test('2-D×2-D, 2-D×1-D, 1-D×2-D, 1-D·1-D with JS-backed operands and results', () => {
    for (const [m, k, n] of [[1, 1, 1], [3, 5, 7], [17, 33, 9], [64, 64, 64], [130, 70, 45]] as const) {
      const A = valuesOf(m * k, m, true);
      const B = valuesOf(k * n, n, true);
      type Args = readonly [NdArray, NdArray, NdArray, NdArray];
      const cases: [string, (x: Args) => unknown][] = [
        ['mm', ([a, b]) => a.dot(b)],
        ['mv', ([a, , , w]) => a.dot(w)],
        ['vm', ([, b, v]) => v.dot(b)],
        ['vv', ([, , v]) => v.dot(v)],
        ['mm strided', ([a, b]) => b.T.dot(a.T)],
      ];
      for (const [what, f] of cases) {
        const args = (js: boolean): Args => [make(A, [m, k], js), make(B, [k, n], js), make(A.subarray(0, k), [k], js), make(B.subarray(0, k), [k], js)];
        nd.config({ wasm: false });
        let want: number[];
        try {
          want = flat(f(args(false)));
        } finally {
          nd.config({ wasm: true });
        }
        // Vector · vector (dot) adds in a different order on WASM: within n·ε relative.
        const ulps = what === 'vv' || what === 'mv' ? 4 * k : 0;
        assertSame(flat(f(args(true))), want, ulps, `${what} ${m}×${k}×${n} JS-backed operands`);
        const arenaArgs = args(false);
        nd.config({ arenaSoftLimit: 0 });
        try {
          assertSame(flat(f(arenaArgs)), want, ulps, `${what} ${m}×${k}×${n} JS-backed result`);
        } finally {
          nd.config({ arenaSoftLimit: defaultLimit });
        }
      }
    }
  });
});

test('scratch is not counted in liveBytes, and an undisposed loop past the limit keeps staging', () => {
  const a = nd.array(valuesOf(40_000, 9, true)).reshape([200, 200]);
  const base = nd.info().liveBytes;
  nd.config({ arenaSoftLimit: base });
  try {
    const before = stagedReduceCalls.matmul;
    let last: NdArray | null = null;
    for (let i = 0; i < 20; i++) last = a.dot(a) as NdArray;
    assert.equal(stagedReduceCalls.matmul - before, 20);
    assert.equal(last!.storage.inArena, false);
    assert.equal(nd.info().liveBytes, base);
  } finally {
    nd.config({ arenaSoftLimit: defaultLimit });
  }
});
