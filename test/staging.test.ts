/**
 * Staging: ops on JS-backed arrays (past the arena's soft limit) run the WASM kernels on
 * scratch copies (src/ops/elementwise.ts `runStaged`). With the soft limit at 0 every new
 * array is JS-backed; each staged family must equal `nd.config({ wasm: false })` exactly
 * (transcendental within 4 ulp) for sizes 0..4099 and across chunk boundaries, in the
 * layouts: contiguous, number / one-element operand, mixed arena and JS-backed operands,
 * broadcast rows (the JS path), `out` in the arena or aliasing an input. Counters show the
 * staging ran; scratch stays out of `liveBytes`.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray } from '../src/index.ts';
import { OPS, type AnyBinaryName, type AnyUnaryName } from '../src/kernels/table.ts';
import { binary, unary } from '../src/ops/elementwise.ts';
import { STAGE_CHUNK, stagedCalls, type StageFamily } from '../src/dispatch.ts';
import { compress, countTrue, select, setWhere } from '../src/ops/mask.ts';
import { SCRATCH_CAP } from '../src/memory.ts';
import { assertSameArrays, onJsAndWasm } from './helpers.ts';

const RUNS = { numRuns: 15 };
const TRANSCENDENTAL = new Set(['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tanh', 'sinh', 'cosh']);
const SPECIALS = [NaN, Infinity, -Infinity, 0, -0, 5e-324, 1e308, -1e308, 1, -1, 0.5, -2.5, 710, -745];
const value = fc.oneof(fc.constantFrom(...SPECIALS), fc.double(), fc.double({ min: -10, max: 10, noNaN: true }));
const valuesOf = (n: number) => fc.array(value, { minLength: n, maxLength: n });
const sized = fc.integer({ min: 0, max: 4099 }).chain((n) => fc.tuple(valuesOf(n), valuesOf(n)));

const defaultLimit = nd.config().arenaSoftLimit;
after(() => nd.config({ arenaSoftLimit: defaultLimit, wasm: true }));

const binaryRows = OPS.filter((r) => r.wasm !== undefined && r.arity === 2);
const unaryRows = OPS.filter((r) => r.wasm !== undefined && r.arity === 1);

/** Runs `f` with every new array JS-backed (soft limit 0), restoring the limit after. */
function jsBacked<T>(f: () => T): T {
  nd.config({ arenaSoftLimit: 0 });
  try {
    return f();
  } finally {
    nd.config({ arenaSoftLimit: defaultLimit });
  }
}

/** `f` on the JS loops and on WASM, both with JS-backed results. */
function both<T>(f: () => T): [js: T, wasm: T] {
  return jsBacked(() => onJsAndWasm(f));
}

/** An array of `values`, JS-backed or in the arena; bool (values > 0) for logical rows. */
function make(values: readonly number[], where: 'js' | 'arena', bool = false): NdArray {
  const build = (): NdArray => {
    const a = nd.array(Float64Array.from(values));
    return bool ? a.gt(0) : a;
  };
  const a = where === 'js' ? jsBacked(build) : build();
  assert.equal(a.storage.inArena, where === 'arena' && a.size > 0);
  return a;
}

/** JS-loop result against the staged one. */
function assertSame(js: NdArray, staged: NdArray, ulps: number, what: string): void {
  assertSameArrays(js, staged, ulps, what);
}

function totalStaged(): number {
  return Object.values(stagedCalls).reduce((s, x) => s + x, 0);
}

const LAYOUTS = [['js', 'js'], ['js', 'arena'], ['arena', 'js']] as const;

describe('staged = JS loops', () => {
  test('binary rows, contiguous, JS-backed / mixed operands, sizes 0..4099', () => {
    fc.assert(
      fc.property(sized, ([xs, ys]) => {
        for (const r of binaryRows) {
          const bool = r.kind === 'logical';
          for (const [wx, wy] of LAYOUTS) {
            const x = make(xs, wx, bool);
            const y = make(ys, wy, bool);
            assertSame(...both(() => binary(r.name as AnyBinaryName, x, y)), 0, `${r.name} ${wx}/${wy} [${xs.length}]`);
          }
        }
      }),
      RUNS,
    );
  });

  test('binary rows, a number or a one-element operand; broadcast rows', () => {
    fc.assert(
      fc.property(sized, value, ([xs, ys], s) => {
        for (const r of binaryRows) {
          const bool = r.kind === 'logical';
          const x = make(xs, 'js', bool);
          const one = make([s], 'js', bool);
          const num = bool ? (s > 0 ? 1 : 0) : s;
          assertSame(...both(() => binary(r.name as AnyBinaryName, x, num)), 0, `${r.name} array op number`);
          assertSame(...both(() => binary(r.name as AnyBinaryName, x, one)), 0, `${r.name} array op [1]`);
          assertSame(...both(() => binary(r.name as AnyBinaryName, one, x)), 0, `${r.name} [1] op array`);
          const cols = Math.max(1, Math.min(7, xs.length));
          const rows = Math.floor(xs.length / cols);
          const m = make(xs.slice(0, rows * cols), 'js', bool).reshape([rows, cols]);
          const row = make(ys.slice(0, cols).concat(Array(cols).fill(1)).slice(0, cols), 'arena', bool);
          assertSame(...both(() => binary(r.name as AnyBinaryName, m, row)), 0, `${r.name} [${rows},${cols}] op [${cols}]`);
        }
      }),
      RUNS,
    );
  });

  test('unary rows (transcendental within 4 ulp) and conversions, JS-backed input, sizes 0..4099', () => {
    fc.assert(
      fc.property(sized, ([xs]) => {
        for (const r of unaryRows) {
          const x = make(xs, 'js', r.kind === 'logical' || r.from === 'u8');
          assertSame(...both(() => unary(r.name as AnyUnaryName, x)), TRANSCENDENTAL.has(r.name) ? 4 : 0, `${r.name} [${xs.length}]`);
        }
        const x = make(xs, 'arena');
        assertSame(...both(() => unary('exp', x)), 4, 'exp arena → JS-backed');
        assertSame(...both(() => unary('copy', make(xs, 'js', true))), 0, 'copy bool');
      }),
      RUNS,
    );
  });

  test('masks: count, compress, select (vv/vs/sv/ss), setWhere, mixed layouts, sizes 0..4099', () => {
    fc.assert(
      fc.property(sized, value, ([xs, ys], s) => {
        const n = xs.length;
        for (const [wa, wm] of LAYOUTS) {
          const a = make(xs, wa);
          const b = make(ys, wm);
          const m = jsBacked(() => (wm === 'js' ? a.gt(b) : nd.array(xs).gt(nd.array(ys))));
          const mm = wm === 'js' ? m : a.copy().gt(b); // arena mask when wm is arena
          for (const mask of [m, mm]) {
            const what = `${wa}/${wm}/${mask.storage.inArena ? 'arena' : 'js'} mask [${n}]`;
            const [c1, c2] = both(() => countTrue(mask));
            assert.equal(c2, c1, `count ${what}`);
            assertSame(...both(() => compress(a, mask)), 0, `compress ${what}`);
            assertSame(...both(() => select(mask, a, b)), 0, `select vv ${what}`);
            assertSame(...both(() => select(mask, a, s)), 0, `select vs ${what}`);
            assertSame(...both(() => select(mask, s, b)), 0, `select sv ${what}`);
            assertSame(...both(() => select(mask, s, -s)), 0, `select ss ${what}`);
            const fill = (v: NdArray | number) => () => {
              const t = jsBacked(() => a.copy());
              setWhere(t, mask, v);
              return t;
            };
            assertSame(...both(fill(b)), 0, `setWhere array ${what}`);
            assertSame(...both(fill(s)), 0, `setWhere number ${what}`);
          }
        }
      }),
      RUNS,
    );
  });
});

/** Values around the chunk size: every chunk boundary case, with specials spread through. */
function chunked(n: number, seed: number): number[] {
  return Array.from({ length: n }, (_, i) => (i % 97 === 0 ? SPECIALS[(i / 97) % SPECIALS.length]! : Math.sin(i * seed) * 5));
}

describe('across chunk boundaries (against plain loops)', () => {
  for (const n of [STAGE_CHUNK - 1, STAGE_CHUNK, STAGE_CHUNK + 1, 2 * STAGE_CHUNK + 5]) {
    test(`n = ${n}`, () => {
      const xs = chunked(n, 0.37);
      const ys = chunked(n, 1.13);
      const x = make(xs, 'js');
      const y = make(ys, 'arena');
      const start = { ...stagedCalls };
      jsBacked(() => {
        assert.deepEqual(Array.from(x.add(y).toFloat64Array()), xs.map((v, i) => v + ys[i]!));
        assert.deepEqual(x.gt(0).toArray(), xs.map((v) => v > 0));
        assert.deepEqual(Array.from(x.abs().toFloat64Array()), xs.map(Math.abs));
        const mask = x.gt(y);
        assert.equal(mask.count(), xs.filter((v, i) => v > ys[i]!).length);
        assert.deepEqual(Array.from(x.where(mask).toFloat64Array()), xs.filter((v, i) => v > ys[i]!));
        assert.deepEqual(Array.from(nd.where(mask, x, 0).toFloat64Array()), xs.map((v, i) => (v > ys[i]! ? v : 0)));
        const t = x.copy();
        t.setWhere(mask, y);
        assert.deepEqual(Array.from(t.toFloat64Array()), xs.map((v, i) => (v > ys[i]! ? ys[i]! : v)));
        const e = x.exp().toFloat64Array();
        for (let i = 0; i < n; i += 331) {
          const want = Math.exp(xs[i]!);
          assert.ok(Object.is(e[i], want) || Math.abs(e[i]! - want) <= 4 * Number.EPSILON * Math.abs(want), `exp[${i}]`);
        }
      });
      for (const f of ['binary', 'compare', 'unarySimple', 'count', 'compress', 'select', 'setWhere', 'unaryTranscendental'] as StageFamily[]) {
        assert.ok(stagedCalls[f] > start[f]!, `${f} was not staged`);
      }
    });
  }
});

describe('aliasing, out, counters, scratch accounting', () => {
  test('written-out values and the counter: JS-backed [NaN, -0, Inf, 1, -2]', () => {
    const before = { ...stagedCalls };
    jsBacked(() => {
      const a = nd.array([NaN, -0, Infinity, 1, -2]);
      assert.equal(a.storage.inArena, false);
      assert.deepEqual(a.gt(0).toArray(), [false, false, true, true, false]);
      assert.deepEqual(a.isnan().toArray(), [true, false, false, false, false]);
      assert.deepEqual(Array.from(a.neg().toFloat64Array()), [NaN, 0, -Infinity, -1, 2]);
      assert.ok(Object.is(a.neg().get(1), 0));
      assert.deepEqual(Array.from(a.mul(2).toFloat64Array()), [NaN, -0, Infinity, 2, -4]);
      assert.deepEqual(Array.from(a.where(a.lt(1)).toFloat64Array()), [-0, -2]);
      assert.equal(a.ne(0).count(), 4);
    });
    assert.equal(stagedCalls.compare, before.compare + 3);
    assert.equal(stagedCalls.predicate, before.predicate + 1);
    assert.equal(stagedCalls.unarySimple, before.unarySimple + 2);
    assert.equal(stagedCalls.binary, before.binary + 1);
    assert.equal(stagedCalls.compress, before.compress + 1);
    assert.equal(stagedCalls.count, before.count + 2); // compress counts its mask first
  });

  test('wasm: false never stages', () => {
    const before = totalStaged();
    jsBacked(() => {
      nd.config({ wasm: false });
      try {
        const a = nd.array([1, -2, 3]);
        a.gt(0).count();
        a.exp();
      } finally {
        nd.config({ wasm: true });
      }
    });
    assert.equal(totalStaged(), before);
  });

  test('out aliasing a JS-backed input (binary, unary, select, setWhere), out in the arena', () => {
    const xs = chunked(STAGE_CHUNK + 3, 0.71);
    const ys = chunked(STAGE_CHUNK + 3, 0.29);
    jsBacked(() => {
      const a = nd.array(xs);
      const b = nd.array(ys);
      binary('sub', a, b, a);
      assert.deepEqual(Array.from(a.toFloat64Array()), xs.map((v, i) => v - ys[i]!));
      const c = nd.array(xs);
      binary('div', b, c, c);
      assert.deepEqual(Array.from(c.toFloat64Array()), xs.map((v, i) => ys[i]! / v));
      const d = nd.array(xs);
      unary('abs', d, d);
      assert.deepEqual(Array.from(d.toFloat64Array()), xs.map(Math.abs));
      const e = nd.array(xs);
      select(e.gt(0), e, b, e);
      assert.deepEqual(Array.from(e.toFloat64Array()), xs.map((v, i) => (v > 0 ? v : ys[i]!)));
    });
    const out = nd.zeros([xs.length]);
    assert.equal(out.storage.inArena, true);
    const [x, y] = jsBacked(() => [nd.array(xs), nd.array(ys)]);
    binary('maximum', x!, y!, out);
    assert.deepEqual(Array.from(out.toFloat64Array()), xs.map((v, i) => (v > ys[i]! || v !== v ? v : ys[i]!)));
    out.dispose();
  });

  test('scratch is reported in scratchBytes, outside liveBytes, within the cap', () => {
    const a = jsBacked(() => nd.array(chunked(3 * STAGE_CHUNK, 0.5)));
    const live = nd.info().liveBytes;
    const r = jsBacked(() => a.exp());
    const info = nd.info();
    assert.equal(r.storage.inArena, false);
    assert.equal(info.liveBytes, live);
    assert.ok(info.scratchBytes >= 2 * STAGE_CHUNK * 8 && info.scratchBytes <= SCRATCH_CAP, `scratch ${info.scratchBytes}`);
  });
});
