/**
 * nd.fuse (issue 11): fused results against the eager ops on random expression trees
 * (fast-check: random ops, broadcasting shapes, NaN/±Inf/-0, sizes 0..5000, strided and
 * transposed inputs), bit for bit for element-wise results and sums; the seed's three cases;
 * trace-time errors; the plan cache; `{ out }`; explain; WASM on and off.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray, NdvecError } from '../src/index.ts';
import { FuseError, fuseStats } from '../src/fuse/index.ts';
import { DTypeError } from '../src/errors.ts';
import { OPS } from '../src/kernels/table.ts';
import { binary, unary } from '../src/ops/elementwise.ts';
import type { AnyBinaryName, AnyUnaryName } from '../src/kernels/table.ts';

type T = NdArray;
type Fn = (...a: T[]) => unknown;
const fuse = (f: Fn) => nd.fuse(f);

/** Same values bit for bit (NaN equals NaN, -0 differs from 0). */
function assertSameBits(actual: unknown, expected: unknown, what: string): void {
  if (actual instanceof NdArray && expected instanceof NdArray) {
    assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
    assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
    const a = actual.toArray() as unknown;
    const e = expected.toArray() as unknown;
    const fa = [a].flat(Infinity) as number[];
    const fe = [e].flat(Infinity) as number[];
    for (let i = 0; i < fe.length; i++) {
      if (!Object.is(fa[i], fe[i])) assert.fail(`${what}: element ${i}: fused ${fa[i]} vs eager ${fe[i]}`);
    }
    return;
  }
  assert.ok(Object.is(actual, expected), `${what}: fused ${String(actual)} vs eager ${String(expected)}`);
}

/**
 * A masked sum (or mean) within the eager tolerance: both are pairwise sums (fused over the
 * terms `selected ? x : 0` in blocks, eager over the compressed values), so each is within
 * about (16 + log2 n)·ε·Σ|x| of the exact sum (design.md, "Accuracy"); NaN and ±Infinity
 * must agree exactly.
 */
function assertSumClose(actual: unknown, expected: unknown, absSum: number, n: number, what: string): void {
  assert.equal(typeof actual, 'number', `${what}: a number`);
  const a = actual as number;
  const e = expected as number;
  if (!Number.isFinite(e) || !Number.isFinite(absSum)) {
    assert.ok(Object.is(a, e), `${what}: fused ${a} vs eager ${e}`);
    return;
  }
  const bound = 2 * (16 + Math.log2(n + 1)) * Number.EPSILON * absSum;
  assert.ok(Math.abs(a - e) <= bound, `${what}: fused ${a} vs eager ${e}, |difference| ${Math.abs(a - e)} > ${bound}`);
}

const SPECIAL = [NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 2, 1e308, -1e-300];

/** A float64 array of `shape` with random values, some of them special. */
function values(shape: number[], seed: number): T {
  const r = nd.rng(seed);
  const a = r.standardNormal(shape).mul(3);
  const flat = a.reshape([-1]);
  for (let i = 0; i < flat.size; i += 7) flat.set(i, SPECIAL[(i / 7 + seed) % SPECIAL.length]!);
  return a;
}

for (const wasm of [true, false]) {
  describe(`nd.fuse (wasm ${wasm ? 'on' : 'off'})`, () => {
    const before = nd.config().wasm;
    nd.config({ wasm });
    after(() => nd.config({ wasm: before }));

    test("the seed's three cases equal eager bit for bit", () => {
      nd.config({ wasm });
      for (const n of [0, 1, 7, 8, 9, 127, 129, 1000, 4095, 4096, 4097, 10000, 70001]) {
        const a = values([n], n);
        const poly = fuse((x) => x.pow(2).add(x.mul(2)).add(1));
        assertSameBits(poly(a), a.pow(2).add(a.mul(2)).add(1), `poly n=${n}`);
        const posSum = fuse((x) => x.where(x.gt(0)).sum());
        const finite = a.where(a.isfinite());
        const kept = finite.where(finite.gt(0));
        assertSumClose(posSum(finite), kept.sum(), kept.abs().sum(), n, `posSum n=${n}`);
        const filter = fuse((x) => x.where(x.gt(0)));
        assertSameBits(filter(a), a.where(a.gt(0)), `filter n=${n}`);
        const sum = fuse((x) => x.mul(x).sum());
        assertSameBits(sum(finite), finite.mul(finite).sum(), `sum n=${n}`);
        const mean = fuse((x) => x.mean());
        if (n > 0) assertSameBits(mean(finite), finite.mean(), `mean n=${n}`);
      }
      const X = values([3, 500], 3);
      const Y = values([500], 4);
      const f = fuse((x, y) => (nd.where(x.gt(y), x.sub(y).exp(), 0) as T).mean(1));
      assertSameBits(f(X, Y), (nd.where(X.gt(Y), X.sub(Y).exp(), 0) as T).mean(1), 'where/exp/mean(1)');
    });

    test('random expression trees over broadcast, strided and transposed inputs equal eager bit for bit', () => {
      nd.config({ wasm });
      const unaries = ['neg', 'abs', 'sqrt', 'square', 'exp', 'log', 'sin', 'cos', 'tanh', 'floor', 'round', 'sign', 'log1p', 'expm1', 'atan', 'reciprocal'] as const;
      const binaries = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'mod', 'pow', 'hypot', 'atan2'] as const;
      type Expr = { op: string; args: Expr[] } | { leaf: number } | { num: number };
      const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
        e: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          fc.integer({ min: 0, max: 1 }).map((leaf) => ({ leaf })),
          fc.constantFrom(2, 0.5, -1, 1, 0, 3, -0, 1.5).map((num) => ({ num })),
          fc.record({ op: fc.constantFrom(...unaries), args: fc.tuple(tie('e')).map((t) => [...t]) }),
          fc.record({ op: fc.constantFrom(...binaries, 'clip', 'where'), args: fc.tuple(tie('e'), tie('e')).map((t) => [...t]) }),
        ),
      })).e;
      const build = (e: Expr, xs: T[], top = true): T | number => {
        if ('leaf' in e) return xs[e.leaf]!;
        if ('num' in e) return e.num;
        const args = e.args.map((a) => build(a, xs, false));
        let [a, b] = args as [T | number, T | number];
        if (typeof a === 'number') a = xs[0]!.mul(0).add(a); // an array operand first, as methods need
        let r: T;
        if (e.op === 'clip') r = a.clip(-1, 2);
        else if (e.op === 'where') r = nd.where(a.gt(typeof b === 'number' ? b : b), a, b) as T;
        else if (args.length === 1) r = (a as unknown as Record<string, () => T>)[e.op]!();
        else r = (a as unknown as Record<string, (b: T | number) => T>)[e.op]!(b);
        return top ? r : r;
      };
      const layouts = fc.constantFrom('contig', 'transposed', 'strided', 'broadcast-row', 'broadcast-col', 'scalar');
      fc.assert(
        fc.property(expr, fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 71 }), layouts, fc.integer({ min: 0, max: 1000 }), (e, r, c, layout, seed) => {
          const x = values([r, c], seed);
          let y: T;
          if (layout === 'transposed') y = values([c, r], seed + 1).T;
          else if (layout === 'strided') y = values([r, 2 * c], seed + 1).slice(null, [null, null, 2]);
          else if (layout === 'broadcast-row') y = values([c], seed + 1);
          else if (layout === 'broadcast-col') y = values([r, 1], seed + 1);
          else if (layout === 'scalar') y = values([1, 1], seed + 1);
          else y = values([r, c], seed + 1);
          const f = fuse((p, q) => build(e, [p, q]) as T);
          const eager = build(e, [x.copy(), y.copy()]);
          if (typeof eager === 'number') return;
          const text = JSON.stringify(e);
          const fs = fuse((p, q) => (build(e, [p, q]) as T).sum());
          // The eager WASM transcendentals (log, tanh, log1p, sinh, cosh, log2, log10, …) redo a
          // whole 256-element block on a careful path when it holds a special value, so an
          // element's bits can depend on its neighbours. A fused plan applies the op to the
          // broadcast operand: the eager reference then runs on the broadcast copy (blocks of
          // 4096 are aligned with the kernels' blocks of 256, so the neighbours are the same).
          const broadcast = eager.shape.length === 2 && eager.shape[0] === r && eager.shape[1] === c && layout !== 'contig';
          const reference = broadcast ? (build(e, [x.copy(), (nd.broadcastTo(y, [r, c]) as T).copy()]) as T) : eager;
          assertSameBits(f(x, y), reference, `expr ${text} layout ${layout} [${r},${c}]`);
          const eagerSum = reference.sum();
          assertSameBits(fs(x, y), eagerSum, `sum of ${text}`);
        }),
        { seed: 42, numRuns: 150 },
      );
    });

    test('arithmetic plans (the generated WebAssembly loop with WASM on) equal eager bit for bit, sizes 0..5000', () => {
      nd.config({ wasm });
      const unaries = ['neg', 'abs', 'sqrt', 'square', 'reciprocal'] as const;
      const binaries = ['add', 'sub', 'mul', 'div'] as const;
      type Expr = { op: string; args: Expr[] } | { leaf: number } | { num: number };
      const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
        e: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          fc.integer({ min: 0, max: 2 }).map((leaf) => ({ leaf })),
          fc.constantFrom(2, 0.5, -1, 1, 0, 3, -0, 1e308, NaN, Infinity).map((num) => ({ num })),
          fc.record({ op: fc.constantFrom(...unaries), args: fc.tuple(tie('e')).map((t) => [...t]) }),
          fc.record({ op: fc.constantFrom(...binaries), args: fc.tuple(tie('e'), tie('e')).map((t) => [...t]) }),
        ),
      })).e;
      // leaf 2 reads a number argument (not a constant of the plan)
      const build = (e: Expr, x: T, y: T, s: number | T): T | number => {
        if ('leaf' in e) return e.leaf === 0 ? x : e.leaf === 1 ? y : x.mul(s);
        if ('num' in e) return e.num;
        let [a, b] = e.args.map((c) => build(c, x, y, s)) as [T | number, T | number];
        if (typeof a === 'number') a = nd.add(x.mul(0), a) as T;
        if (e.args.length === 1) return (a as unknown as Record<string, () => T>)[e.op]!();
        return (a as unknown as Record<string, (b: T | number) => T>)[e.op]!(b);
      };
      const generated0 = fuseStats.generated;
      fc.assert(
        fc.property(expr, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 1000 }), fc.double(), (e, n, seed, s) => {
          const x = values([n], seed);
          const y = values([n], seed + 1);
          const f = nd.fuse((p: T, q: T, r: T) => build(e, p, q, r) as T);
          const eager = build(e, x, y, s);
          if (typeof eager === 'number') return;
          assertSameBits(f(x, y, s as unknown as T), eager, `${JSON.stringify(e)} n=${n} s=${s}`);
          const out = nd.zeros([n]);
          f(x, y, s as unknown as T, { out } as unknown as T);
          assertSameBits(out, eager, `${JSON.stringify(e)} n=${n} into out`);
        }),
        { seed: 42, numRuns: 120 },
      );
      if (wasm) assert.ok(fuseStats.generated > generated0, 'the generated loop ran');
      else assert.equal(fuseStats.generated, generated0, 'no generated loop with WASM off');
    });

    test('sizes 0..5000: masked sum/mean/min/max/count, any/all, prod/std/var and axis reductions equal eager', () => {
      nd.config({ wasm });
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 99 }), (n, seed) => {
          const a = values([n], seed).where(values([n], seed).isfinite());
          const m = a.size;
          // Masked sums and means: [fused, eager value, eager Σ|selected| (per element for a mean)].
          const sel = (v: T, mask: T, mean: boolean): [() => unknown, number] => {
            const kept = v.where(mask);
            return [() => (mean ? kept.mean() : kept.sum()), mean ? kept.abs().sum() / Math.max(kept.size, 1) : kept.abs().sum()];
          };
          const masked: [string, Fn, [() => unknown, number]][] = [
            ['masked sum', (x) => x.where(x.gt(0)).sum(), sel(a, a.gt(0), false)],
            ['masked sum, number on the left', (x) => x.where(nd.lt(0.5, x)).sum(), sel(a, nd.lt(0.5, a), false)],
            ['masked sum of a computed value', (x) => x.mul(3).add(1).where(x.gt(0)).sum(), sel(a.mul(3).add(1), a.gt(0), false)],
            ['masked sum, a mask of two comparisons', (x) => x.where(x.gt(-1).and(x.le(2))).sum(), sel(a, a.gt(-1).and(a.le(2)), false)],
            ['masked sum, a mask also in the value', (x) => x.gt(0).mul(x).where(x.gt(0)).sum(), sel(a.gt(0).mul(a), a.gt(0), false)],
            ['masked mean of exp', (x) => x.exp().where(x.lt(0).or(x.gt(2))).mean(), sel(a.exp(), a.lt(0).or(a.gt(2)), true)],
            ['masked mean', (x) => x.where(x.lt(1)).mean(), sel(a, a.lt(1), true)],
          ];
          for (const [name, f, [eager, absSum]] of masked) {
            let expected: unknown;
            try {
              expected = eager();
            } catch (err) {
              assert.throws(() => fuse(f)(a), (e: unknown) => e instanceof NdvecError && (e as Error).name === (err as Error).name, name);
              continue;
            }
            if (typeof expected === 'number' && Number.isNaN(expected)) assertSameBits(fuse(f)(a), expected, `${name} m=${m}`);
            else assertSumClose(fuse(f)(a), expected, absSum, m, `${name} m=${m}`);
          }
          const cases: [string, Fn, () => unknown][] = [
            ['masked filter of a computed value', (x) => x.abs().where(x.ne(1)), () => a.abs().where(a.ne(1))],
            ['masked filter', (x) => x.where(x.le(0.25)), () => a.where(a.le(0.25))],
            ['masked max', (x) => x.where(x.lt(1)).max(), () => a.where(a.lt(1)).max()],
            ['masked min, nothing selected', (x) => x.where(x.gt(1e300)).min(), () => a.where(a.gt(1e300)).min()],
            ['min', (x) => x.mul(2).min(), () => a.mul(2).min()],
            ['count', (x) => x.gt(0).count(), () => a.gt(0).count()],
            ['any', (x) => x.gt(5).any(), () => a.gt(5).any()],
            ['all', (x) => x.gt(-5).all(), () => a.gt(-5).all()],
            ['prod', (x) => x.div(4).add(1).prod(), () => a.div(4).add(1).prod()],
            ['std', (x) => x.abs().std(), () => a.abs().std()],
            ['var ddof', (x) => x.var(null, { ddof: 1 }), () => a.var(null, { ddof: 1 })],
          ];
          for (const [name, f, eager] of cases) {
            let expected: unknown;
            try {
              expected = eager();
            } catch (err) {
              assert.throws(() => fuse(f)(a), (e: unknown) => e instanceof NdvecError && (e as Error).name === (err as Error).name, name);
              continue;
            }
            assertSameBits(fuse(f)(a), expected, `${name} m=${m}`);
          }
          if (m >= 6 && m % 2 === 0) {
            const b = a.reshape([2, m / 2]);
            assertSameBits(fuse((x) => x.add(1).sum(1))(b), b.add(1).sum(1), 'sum(1)');
            assertSameBits(fuse((x) => x.add(1).sum(0))(b), b.add(1).sum(0), 'sum(0)');
            assertSameBits(fuse((x) => x.max(0, { keepdims: true }))(b), b.max(0, { keepdims: true }), 'max keepdims');
          }
        }),
        { seed: 42, numRuns: 60 },
      );
    });

    test('sums of block-sensitive transcendentals (log of values with a NaN in some blocks) equal eager', () => {
      nd.config({ wasm });
      for (const n of [300, 4097, 5000, 9000, 20011]) {
        const a = nd.rng(n).standardNormal([n]).mul(3).abs().add(0.01);
        for (let i = 5; i < n; i += 1301) a.set(i, NaN);
        const f = fuse((x) => (nd.where(x.log().isnan(), 0, x.log()) as T).sum());
        assertSameBits(f(a), (nd.where(a.log().isnan(), 0, a.log()) as T).sum(), `n=${n}`);
        const g = fuse((x) => nd.where(x.log().isnan(), 0, x.log()) as T);
        assertSameBits(g(a), nd.where(a.log().isnan(), 0, a.log()) as T, `element-wise n=${n}`);
      }
    });

    test('bool values, logical ops, predicates, nd.* forms and number arguments', () => {
      nd.config({ wasm });
      const a = values([40], 1);
      const b = values([40], 2);
      const cases: [string, Fn, unknown][] = [
        ['and/or/not', (x, y) => x.gt(0).and(y.lt(0)).or(x.isnan()).not(), a.gt(0).and(b.lt(0)).or(a.isnan()).not()],
        ['bool + bool', (x, y) => x.gt(0).add(y.gt(0)), a.gt(0).add(b.gt(0))],
        ['bool * float', (x, y) => x.gt(0).mul(y), a.gt(0).mul(b)],
        ['nd.add(2, x)', (x) => nd.add(2, x), nd.add(2, a)],
        ['nd.exp / nd.maximum', (x, y) => nd.maximum(nd.exp(x), y), nd.maximum(nd.exp(a), b)],
        ['isinf xor', (x, y) => x.isinf().xor(y.isfinite()), a.isinf().xor(b.isfinite())],
        ['clip one side', (x) => x.clip(null, 1), a.clip(null, 1)],
        ['pow 3, -2, 2.5, 0.5, -1, 0, 1', (x) => x.pow(3).add(x.pow(-2)).add(x.pow(2.5)).add(x.pow(0.5)).add(x.pow(-1)).add(x.pow(0)).add(x.pow(1)),
          a.pow(3).add(a.pow(-2)).add(a.pow(2.5)).add(a.pow(0.5)).add(a.pow(-1)).add(a.pow(0)).add(a.pow(1))],
        ['pow by array', (x, y) => x.pow(y), a.pow(b)],
        ['returns an input', (x) => x.pow(1), a.pow(1)],
        ['constant result broadcast', (x) => x.pow(0), a.pow(0)],
      ];
      for (const [name, f, expected] of cases) assertSameBits(fuse(f)(...[a, b].slice(0, f.length)), expected, name);
      // a number argument
      const scale = nd.fuse((x: T, s: T) => x.mul(s).add(1));
      assertSameBits(scale(a, 3 as unknown as T), a.mul(3).add(1), 'number argument');
      assertSameBits(scale(a, -0.5 as unknown as T), a.mul(-0.5).add(1), 'number argument, second value');
      const k = 2.5;
      assertSameBits(fuse((x) => x.mul(k))(a), a.mul(k), 'captured constant');
      assert.throws(() => fuse((x, y) => x.sub(y))(a.gt(0), b.gt(0)), DTypeError);
      assert.throws(() => fuse((x) => x.and(x))(a), DTypeError);
    });

    test('every row of the op table is fused bit for bit, or refused at trace time by name', () => {
      nd.config({ wasm });
      // Rows added later (floorDivide, copysign, …) are covered without editing this test.
      for (const [r, c] of [[3, 37], [1, 4100]] as const) {
        const x = values([r, c], 11);
        const y = values([c], 12);
        const bx = x.gt(0);
        const by = y.lt(0.5);
        for (const row of OPS) {
          if (row.kind === 'convert') continue;
          const logical = row.kind === 'logical';
          const [p, q] = logical ? [bx, by] : [x, y];
          const call = (v: T, w: T | number): T => (v as unknown as Record<string, (...a: unknown[]) => T>)[row.name]!(...(row.arity === 2 ? [w] : []));
          const eager = (w: T | number): T => (row.arity === 2 ? binary(row.name as AnyBinaryName, p, w) : unary(row.name as AnyUnaryName, p));
          const operands: (T | number)[] = logical ? [q, 1] : [q, 2.5, -0];
          for (const w of row.arity === 2 ? operands : [0]) {
            const what = `${row.name} [${r},${c}] with ${typeof w === 'number' ? w : 'an array'}`;
            let fused: unknown;
            try {
              fused = fuse((v) => call(v, w instanceof NdArray ? q : w))(p);
            } catch (e) {
              assert.ok(e instanceof FuseError, `${what}: ${String(e)}`);
              assert.equal((e as FuseError).op, row.name, what);
              assert.match((e as Error).message, new RegExp(row.name), what);
              continue;
            }
            if (w instanceof NdArray) fused = fuse((v, u) => call(v, u))(p, q);
            assertSameBits(fused, eager(w), what);
          }
        }
      }
    });

    test('{ out } writes into the given array, also over an input and into a strided view', () => {
      nd.config({ wasm });
      const a = values([5, 6], 9);
      const poly = fuse((x) => x.mul(x).add(x.mul(2)).add(1));
      const expected = a.mul(a).add(a.mul(2)).add(1);
      const out = nd.zeros([5, 6]);
      assert.equal(poly(a, { out } as unknown as T), out);
      assertSameBits(out, expected, 'out');
      const big = nd.zeros([6, 5]);
      poly(a, { out: big.T } as unknown as T);
      assertSameBits(big.T.copy(), expected, 'transposed out');
      const inplace = a.copy();
      poly(inplace, { out: inplace } as unknown as T);
      assertSameBits(inplace, expected, 'out is the input');
      assert.throws(() => poly(a, { out: nd.zeros([3]) } as unknown as T), NdvecError);
      assert.throws(() => poly(a, { out: nd.zeros([5, 6]).gt(0) } as unknown as T), NdvecError);
      assert.throws(() => poly(a, { outt: out } as unknown as T), NdvecError);
      const s = nd.zeros([5]);
      assertSameBits(fuse((x) => x.add(1).sum(1))(a, { out: s } as unknown as T), a.add(1).sum(1), 'reduction out');
      assertSameBits(s, a.add(1).sum(1), 'reduction out values');
    });
  });
}

describe('nd.fuse: tracing', () => {
  const a = nd.array([1, -2, 3]);

  test('unsupported methods, nd functions and JS operators throw a FuseError naming them at trace time', () => {
    const cases: [Fn, string][] = [
      [(x) => x.reshape([3]), 'reshape'],
      [(x) => x.cumsum(), 'cumsum'],
      [(x) => x.sort(), 'sort'],
      [(x) => nd.concat([x, x]), 'concat'],
      [(x) => nd.matmul(x, x), 'matmul'],
      [(x) => (x as unknown as number) + 1, 'operator'],
      [(x) => (x.sum() as unknown as T).add(1), 'add'],
      [(x) => x.where(x.gt(0)).add(1), 'add'],
      [(x) => x.add(a), 'add'],
      [() => 3, 'return'],
      [(x) => x.argmax(), 'argmax'],
    ];
    for (const [f, name] of cases) {
      assert.throws(() => fuse(f)(a), (e: unknown) => {
        assert.ok(e instanceof FuseError, `${name}: ${String(e)}`);
        assert.ok(e instanceof NdvecError);
        if (name !== 'concat') assert.equal((e as FuseError).op, name);
        return true;
      }, name);
    }
    assert.deepEqual(a.toArray(), [1, -2, 3], 'inputs intact');
  });

  test('the plan is cached per signature: dtype, rank, size-1 axes, number arguments', () => {
    const f = nd.fuse((x: T, y: T) => x.add(y));
    const t0 = fuseStats.traces;
    const h0 = fuseStats.hits;
    f(nd.zeros([3]), nd.zeros([3]));
    f(nd.ones([5]), nd.ones([5]));
    assert.equal(fuseStats.traces - t0, 1, 'same signature: one trace');
    assert.equal(fuseStats.hits - h0, 1);
    f(nd.zeros([3]), nd.zeros([1]));
    f(nd.zeros([2, 3]), nd.zeros([3]));
    f(nd.zeros([3]).gt(0), nd.zeros([3]));
    f(nd.zeros([3]), 2 as unknown as T);
    assert.equal(fuseStats.traces - t0, 5, 'each new signature traces once');
    assert.equal(f.cacheSize, 5);
    f(nd.zeros([4]), 7 as unknown as T);
    assert.equal(f.cacheSize, 5, 'a different number is the same signature');
  });

  test('explain prints the optimised plan: CSE, folded pow, mask never stored', () => {
    const poly = nd.fuse((x: T) => x.pow(2).add(x.mul(2)).add(x.pow(2)));
    const text = poly.explain();
    assert.match(text, /mul %0, %0/);
    assert.equal(text.match(/mul %0, %0/g)!.length, 1, 'x.pow(2) computed once');
    assert.doesNotMatch(text, /pow/);
    const posSum = nd.fuse((x: T) => x.where(x.gt(0)).sum());
    posSum(nd.array([1, -1]));
    assert.match(posSum.explain(), /sum\(all axes\) of %0 where %\d \(mask never stored\)/);
  });

  test('bad arguments to nd.fuse and to the fused function are named errors', () => {
    assert.throws(() => nd.fuse(3 as never), NdvecError);
    const f = nd.fuse((x: T) => x.add(1));
    assert.throws(() => (f as unknown as () => unknown)(), NdvecError);
    assert.throws(() => f('a' as unknown as T), NdvecError);
    const d = nd.zeros([2]);
    d.dispose();
    assert.throws(() => f(d), NdvecError);
  });

  test('masked sums and means give the same bits on WASM and on the JS kernels, specials included', () => {
    const before = nd.config().wasm;
    try {
      for (const n of [0, 1, 7, 8, 9, 127, 128, 129, 1000, 4095, 4096, 4097, 9000, 70001]) {
        const a = values([n], n + 1);
        const fs: [string, Fn][] = [
          ['x > 0', (x) => x.where(x.gt(0)).sum()],
          ['0.5 < x', (x) => x.where(nd.lt(0.5, x)).sum()],
          ['x != 1 (NaN kept)', (x) => x.where(x.ne(1)).sum()],
          ['x <= 2 of exp', (x) => x.exp().where(x.le(2)).sum()],
          ['mask of two comparisons', (x) => x.where(x.ge(-1).and(x.lt(3))).sum()],
          ['mean', (x) => x.where(x.isfinite()).mean()],
        ];
        for (const [name, f] of fs) {
          const got = [true, false].map((wasm) => {
            nd.config({ wasm });
            try {
              return fuse(f)(a);
            } catch (e) {
              return (e as Error).name;
            }
          });
          assert.ok(Object.is(got[0], got[1]), `${name} n=${n}: WASM ${String(got[0])} vs JS ${String(got[1])}`);
        }
      }
    } finally {
      nd.config({ wasm: before });
    }
  });

  test('pow by 2 in a plan is x*x: the same bits as eager pow(2) over random doubles', () => {
    const buf = new Float64Array(20000);
    const u = new Uint32Array(buf.buffer);
    let state = 0x9e3779b9;
    for (let i = 0; i < u.length; i++) {
      // xorshift32: the same random bit patterns every run
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      u[i] = state >>> 0;
    }
    const a = nd.array(buf);
    assertSameBits(nd.fuse((x: T) => x.pow(2))(a), a.pow(2), 'pow 2');
  });
});

test('fused clip equals eager clip on ±0 ties: number bounds (held value kept), number arguments, NaN bounds, one bound, array bounds', () => {
  const data = [-0, 0, -5, 5, NaN, -Infinity, Infinity, 0.5, -0, 0, 1, -1, 2, 3, -0, 0, 7];
  const pairs: [number, number][] = [[0, 1], [-Infinity, 0], [0, -0], [-0, 0], [NaN, 1], [0, NaN], [1, -1], [-0, -0]];
  for (const wasm of [true, false]) {
    nd.config({ wasm });
    try {
      for (const len of [1, 3, 17, 5000]) {
        const a = nd.array(Array.from({ length: len }, (_, i) => data[i % data.length]!));
        const zeros = nd.zeros([len]);
        for (const [lo, hi] of pairs) {
          const what = `wasm ${wasm}, n ${len}, clip(${lo}, ${hi})`;
          assertSameBits(fuse((x) => x.clip(lo, hi))(a), a.clip(lo, hi), `${what}, constants`);
          assertSameBits(nd.fuse((x: T, l: T, h: T) => x.clip(l, h))(a, lo as unknown as T, hi as unknown as T), a.clip(lo, hi), `${what}, number arguments`);
          assertSameBits(nd.fuse((x: T, l: T) => x.clip(l, hi))(a, lo as unknown as T), a.clip(lo, hi), `${what}, one number argument`);
          const eagerChain = a.mul(1).clip(lo, hi);
          assertSameBits(fuse((x) => x.mul(1).clip(lo, hi).add(0))(a), eagerChain.add(0), `${what}, inside a chain`);
        }
        assertSameBits(fuse((x) => x.clip(null, 0))(a), a.clip(null, 0), `n ${len}, upper bound only`);
        assertSameBits(fuse((x) => x.clip(-0, null))(a), a.clip(-0, null), `n ${len}, lower bound only`);
        assertSameBits(nd.fuse((x: T, z: T) => x.clip(z, 1))(a, zeros), a.clip(zeros, 1), `n ${len}, array bound`);
      }
    } finally {
      nd.config({ wasm: true });
    }
  }
});
