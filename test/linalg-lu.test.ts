/**
 * nd.linalg LU/Cholesky family and norm: NumPy's answers written out
 * (test/fixtures/linalg-lu.json from scripts/linalg-fixtures.py), residuals against NumPy's on
 * random, Hilbert and nearly singular systems, reconstruction checks (P·L·U = A, L·Lᵀ = A,
 * A·inv(A) = I within n·ε·‖A‖ tolerances), WASM and JS kernels giving the same bits, edge
 * cases (empty, 1×1, singular, NaN/±Inf, strided/transposed/bool inputs, stacks), errors.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray, NdvecError } from '../src/index.ts';
import { ArgumentError, LinAlgError, ShapeError } from '../src/errors.ts';
import { choleskyFactor, luFactor, luSolve } from '../src/kernels/js-linalg.ts';
import { onJsAndWasm } from './helpers.ts';
import { FIXTURE, argOf, decode, isArrayArg, type ArrayArg } from './linalg-fixture.ts';

const EPS = 2 ** -52;
type Nested = number | Nested[];

const flat = (x: unknown): number[] => (Array.isArray(x) ? (x as unknown[]).flatMap(flat) : [x as number]);
const plain = (r: unknown): unknown => (r instanceof NdArray ? r.toArray() : Array.isArray(r) ? r.map(plain) : r);
const L = nd.linalg as unknown as Record<string, (...a: unknown[]) => unknown>;

/** Element-wise: specials identical, finite values within `rtol` of the largest |expected| (and of themselves). */
function assertClose(got: unknown, want: unknown, rtol: number, what: string): void {
  const g = flat(got), w = flat(want);
  assert.equal(g.length, w.length, `${what}: size`);
  const scale = Math.max(...w.filter(Number.isFinite).map(Math.abs), 0);
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!, y = g[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      assert.ok(Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y)), `${what}[${i}]: expected ${x}, got ${y}`);
      continue;
    }
    assert.ok(Math.abs(x - y) <= rtol * Math.max(scale, Math.abs(x)) || x === y, `${what}[${i}]: expected ${x}, got ${y} (rtol ${rtol})`);
  }
}

const LU_FNS = new Set(['det', 'slogdet', 'inv', 'solve', 'cholesky', 'matrixPower', 'norm']);

const hasNaN = (a: unknown): boolean => isArrayArg(a) && a.data.includes('nan');

describe('nd.linalg: NumPy answers (fixtures), WASM and JS kernels', () => {
  for (const [i, c] of FIXTURE.cases.entries()) {
    if (!LU_FNS.has(c.fn)) continue;
    const shapes = c.args.map((a) => (isArrayArg(a) ? a.shape : a));
    const label = `${c.fn} #${i}${c.name ? ` ${c.name}` : ''} ${JSON.stringify(shapes)}`;
    test(label, () => {
      const run = (): unknown => L[c.fn]!(...c.args.map(argOf));
      if (c.args.some(hasNaN) && c.fn !== 'norm' && c.fn !== 'cholesky') {
        // LAPACK's NaN handling depends on the BLAS build (OpenBLAS's pivot search skips NaN and
        // then may report a zero pivot); ndvec propagates NaN: the result holds NaN, or a named error.
        for (const wasm of [false, true]) {
          nd.config({ wasm });
          try {
            const r = run();
            assert.ok(flat(plain(r)).some(Number.isNaN), `${label}: NaN input, no NaN in the result`);
          } catch (e) {
            assert.ok(e instanceof NdvecError, `${label}: ${String(e)}`);
          } finally {
            nd.config({ wasm: true });
          }
        }
        return;
      }
      if (c.error !== undefined) {
        for (const wasm of [false, true]) {
          nd.config({ wasm });
          try {
            assert.throws(run, (e: unknown) => e instanceof NdvecError && (c.error !== 'LinAlgError' || e instanceof LinAlgError), `${label}: NumPy raised ${c.error}`);
          } finally {
            nd.config({ wasm: true });
          }
        }
        return;
      }
      const [js, wasm] = onJsAndWasm(run);
      const ord = decode(c.args[1]);
      if (c.fn === 'norm' && (ord === 2 || ord === -2 || ord === 'nuc') && isArrayArg(c.args[0]) && c.args[0].shape.length > 1) {
        // Singular values come from part B's iterative SVD (src/linalg/svd.ts): close, not bit-equal.
        assertClose(plain(js), plain(wasm), 1e-14, `${label}: JS vs WASM`);
      } else {
        // Same algorithm, same operations: the two kernels agree to the bit.
        assert.deepEqual(plain(js), plain(wasm), `${label}: JS and WASM differ`);
      }
      const want = decode(c.expected);
      const a0 = c.args[0] as ArrayArg;
      const n = c.fn === 'norm' ? 1 : Math.max(1, a0.shape.at(-1) ?? 1);
      const cond = c.cond === undefined ? 1 : (decode(c.cond) as number);
      const power = c.fn === 'matrixPower' ? Math.abs(decode(c.args[1]) as number) + 1 : 1;
      const rtol = c.fn === 'norm' ? 1e-14 : 16 * n * EPS * (Number.isFinite(cond) ? Math.max(1, cond) : 1) * power;
      if (c.residual !== undefined) {
        // Ill-conditioned systems: the answers may differ; the residuals must not be worse than NumPy's.
        const a = argOf(c.args[0]) as NdArray, b = argOf(c.args[1]) as NdArray, x = wasm as NdArray;
        const r = (a.dot(x) as NdArray).sub(b).abs().max() as number;
        const numpy = decode(c.residual) as number;
        const scale = (a.abs().max() as number) * (x.abs().max() as number);
        assert.ok(r <= 4 * numpy + 4 * n * EPS * scale, `${label}: residual ${r} vs NumPy's ${numpy}`);
        return;
      }
      if (c.fn === 'slogdet') {
        const [sign, logdet] = (wasm as unknown[]).map(plain);
        const [wantSign, wantLog] = want as unknown[];
        assert.deepEqual(sign, wantSign, `${label}: sign`);
        assertClose(logdet, wantLog, 1e-13 + rtol, label);
        return;
      }
      const got = plain(wasm);
      assert.deepEqual(typeof got === 'number' ? [] : (wasm as NdArray).shape, c.shape, `${label}: shape`);
      assertClose(got, want, rtol, label);
    });
  }
});

/** A random n×n matrix with entries in [-1, 1) from fast-check, as nested rows. */
const matrixArb = (nMin: number, nMax: number) =>
  fc.integer({ min: nMin, max: nMax }).chain((n) => fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((v) => ({ n, v })));

/** max |x| of a flat list. */
const maxAbs = (x: ArrayLike<number>): number => Array.from(x).reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('reconstruction (fast-check, seed 42)', () => {
  test('P·L·U = A from the JS kernel, sizes 1…70 (across the 32-column panels)', () => {
    fc.assert(
      fc.property(matrixArb(1, 70), ({ n, v }) => {
        const lu = Float64Array.from(v);
        const piv = new Int32Array(n);
        luFactor(lu, 0, n, piv);
        // Rebuild L·U, then undo the row swaps in reverse order.
        const r = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let p = 0; p <= Math.min(i, j); p++) s += (p === i ? 1 : lu[i * n + p]!) * lu[p * n + j]!;
            r[i * n + j] = s;
          }
        }
        for (let k = n - 1; k >= 0; k--) {
          const p = piv[k]!;
          for (let j = 0; j < n; j++) [r[k * n + j], r[p * n + j]] = [r[p * n + j]!, r[k * n + j]!];
        }
        const tol = 4 * n * EPS * maxAbs(v) * n;
        for (let i = 0; i < n * n; i++) assert.ok(Math.abs(r[i]! - v[i]!) <= tol, `n=${n} element ${i}: ${r[i]} vs ${v[i]}`);
        // |l_ij| ≤ 1: partial pivoting.
        for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) assert.ok(Math.abs(lu[i * n + j]!) <= 1);
      }),
      { seed: 42, numRuns: 25 },
    );
  });

  test('A·inv(A) = I and A·solve(A, B) = B within n·ε·‖A‖·‖X‖, WASM = JS bits', () => {
    fc.assert(
      fc.property(matrixArb(1, 45), fc.integer({ min: 1, max: 6 }), ({ n, v }, k) => {
        const a = nd.array(v).reshape([n, n]);
        const b = nd.rng(n).standardNormal([n, k]);
        fc.pre(nd.linalg.det(a) !== 0);
        const [jsInv, wasmInv] = onJsAndWasm(() => nd.linalg.inv(a));
        assert.deepEqual(Array.from(jsInv.toFloat64Array()), Array.from(wasmInv.toFloat64Array()));
        const [jsX, wasmX] = onJsAndWasm(() => nd.linalg.solve(a, b));
        assert.deepEqual(Array.from(jsX.toFloat64Array()), Array.from(wasmX.toFloat64Array()));
        const normA = nd.linalg.norm(a, Infinity) as number;
        const e = (a.dot(wasmInv) as NdArray).sub(nd.eye(n)).abs().max() as number;
        assert.ok(e <= 8 * n * EPS * normA * (nd.linalg.norm(wasmInv, Infinity) as number), `n=${n}: |A·inv(A) − I| = ${e}`);
        const r = (a.dot(wasmX) as NdArray).sub(b).abs().max() as number;
        assert.ok(r <= 8 * n * EPS * normA * (wasmX.abs().max() as number) * n, `n=${n}: residual ${r}`);
      }),
      { seed: 42, numRuns: 20 },
    );
  });

  test('L·Lᵀ = A for A = G·Gᵀ + n·I, sizes 1…70; L lower with a positive diagonal; WASM = JS bits', () => {
    fc.assert(
      fc.property(matrixArb(1, 70), ({ n, v }) => {
        const g = nd.array(v).reshape([n, n]);
        const a = (g.dot(g.T) as NdArray).add(nd.eye(n).mul(n));
        const [js, l] = onJsAndWasm(() => nd.linalg.cholesky(a));
        assert.deepEqual(Array.from(js.toFloat64Array()), Array.from(l.toFloat64Array()));
        const e = (l.dot(l.T) as NdArray).sub(a).abs().max() as number;
        assert.ok(e <= 4 * n * EPS * (a.abs().max() as number), `n=${n}: |L·Lᵀ − A| = ${e}`);
        const lv = l.toArray() as number[][];
        for (let i = 0; i < n; i++) {
          assert.ok(lv[i]![i]! > 0);
          for (let j = i + 1; j < n; j++) assert.equal(lv[i]![j], 0);
        }
      }),
      { seed: 42, numRuns: 20 },
    );
  });

  test('integer matrices (exact zero pivots inside and across panels): JS and WASM agree on every result and every error', () => {
    const outcome = (f: () => unknown): unknown => {
      try {
        return plain(f());
      } catch (e) {
        assert.ok(e instanceof LinAlgError, String(e));
        return 'LinAlgError';
      }
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }).chain((n) => fc.array(fc.integer({ min: -2, max: 2 }), { minLength: n * n, maxLength: n * n }).map((v) => ({ n, v }))),
        fc.integer({ min: 0, max: 69 }),
        ({ n, v }, zeroColumn) => {
          // Some matrices get a zero column (a zero pivot at that step, in any panel).
          const data = v.map((x, i) => (zeroColumn < n && i % n === zeroColumn && v[0]! > 0 ? 0 : x));
          const a = nd.array(data).reshape([n, n]);
          const [js, wasm] = onJsAndWasm(() => [outcome(() => nd.linalg.det(a)), outcome(() => nd.linalg.slogdet(a)), outcome(() => nd.linalg.inv(a)), outcome(() => nd.linalg.solve(a, nd.ones([n, 2])))]);
          assert.deepEqual(js, wasm);
          if (zeroColumn < n && v[0]! > 0) {
            assert.equal((js as unknown[])[0], 0);
            assert.equal((js as unknown[])[2], 'LinAlgError');
          }
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });

  test('det = product of the pivots with the swap sign; det(Aᵀ) ≈ det(A); slogdet agrees', () => {
    fc.assert(
      fc.property(matrixArb(1, 12), ({ n, v }) => {
        const a = nd.array(v).reshape([n, n]);
        const d = nd.linalg.det(a) as number;
        const dt = nd.linalg.det(a.T) as number;
        const [sign, logdet] = nd.linalg.slogdet(a) as [number, number];
        const lu = Float64Array.from(v);
        const piv = new Int32Array(n);
        luFactor(lu, 0, n, piv);
        let product = 1;
        for (let i = 0; i < n; i++) product *= lu[i * n + i]! * (piv[i] !== i ? -1 : 1);
        const tol = 64 * n * EPS * Math.abs(product) + 1e-300;
        assert.ok(Math.abs(d - product) <= tol, `det ${d} vs pivots ${product}`);
        assert.ok(Math.abs(sign * Math.exp(logdet) - d) <= tol);
        if (d === 0) return;
        const cond = (nd.linalg.norm(a, 1) as number) * (nd.linalg.norm(nd.linalg.inv(a), 1) as number);
        assert.ok(Math.abs(dt - d) <= 64 * n * EPS * cond * Math.abs(d) + 1e-300, `det(Aᵀ) ${dt} vs det(A) ${d}`);
      }),
      { seed: 42, numRuns: 30 },
    );
  });
});

describe('edge cases', () => {
  test('empty: det 1, slogdet [1, 0], inv and solve of 0×0 and stacks of none', () => {
    for (const wasm of [false, true]) {
      nd.config({ wasm });
      try {
        assert.equal(nd.linalg.det(nd.zeros([0, 0])), 1);
        assert.deepEqual(nd.linalg.slogdet(nd.zeros([0, 0])), [1, 0]);
        assert.deepEqual(nd.linalg.inv(nd.zeros([0, 0])).shape, [0, 0]);
        assert.deepEqual(nd.linalg.inv(nd.zeros([0, 3, 3])).shape, [0, 3, 3]);
        assert.deepEqual((nd.linalg.det(nd.zeros([2, 0, 0])) as NdArray).toArray(), [1, 1]);
        assert.deepEqual(nd.linalg.solve(nd.zeros([0, 0]), nd.zeros([0, 4])).shape, [0, 4]);
        assert.deepEqual(nd.linalg.cholesky(nd.zeros([0, 0])).shape, [0, 0]);
        assert.deepEqual(nd.linalg.matrixPower(nd.zeros([0, 0]), -2).shape, [0, 0]);
      } finally {
        nd.config({ wasm: true });
      }
    }
  });

  test('1×1 and singular matrices: LinAlgError with the shape; det 0; inputs untouched', () => {
    assert.equal(nd.linalg.det([[4]]), 4);
    assert.deepEqual(nd.linalg.inv([[4]]).toArray(), [[0.25]]);
    for (const wasm of [false, true]) {
      nd.config({ wasm });
      try {
        const s = nd.array([[1, 2, 3], [2, 4, 6], [1, 0, 1]]);
        assert.throws(() => nd.linalg.inv(s), (e: unknown) => e instanceof LinAlgError && /Singular matrix/.test(e.message) && e.shape.join() === '3,3');
        assert.throws(() => nd.linalg.solve(s, [1, 2, 3]), LinAlgError);
        assert.throws(() => nd.linalg.matrixPower(s, -1), LinAlgError);
        assert.deepEqual(s.toArray(), [[1, 2, 3], [2, 4, 6], [1, 0, 1]]);
        assert.equal(nd.linalg.det(s), 0);
        assert.deepEqual(nd.linalg.slogdet(s), [0, -Infinity]);
        assert.equal(nd.linalg.det(nd.zeros([3, 3])), 0);
        // One singular matrix in a stack fails the whole call (NumPy too).
        assert.throws(() => nd.linalg.inv(nd.stack([nd.eye(3), s])), LinAlgError);
      } finally {
        nd.config({ wasm: true });
      }
    }
  });

  test('non-square and non-matrix inputs: LinAlgError naming the shape', () => {
    for (const f of ['det', 'slogdet', 'inv', 'cholesky'] as const) {
      assert.throws(() => L[f]!(nd.ones([2, 3])), (e: unknown) => e instanceof LinAlgError && /square/.test(e.message) && e.shape.join() === '2,3', f);
      assert.throws(() => L[f]!(nd.ones([3])), (e: unknown) => e instanceof LinAlgError && /two-dimensional/.test(e.message), f);
    }
    assert.throws(() => nd.linalg.solve(nd.ones([2, 3]), [1, 2]), LinAlgError);
    assert.throws(() => nd.linalg.solve(nd.eye(2), [1, 2, 3]), (e: unknown) => e instanceof ShapeError && /\[3\]/.test(e.message));
    assert.throws(() => nd.linalg.solve(nd.eye(2), 5), ShapeError);
    assert.throws(() => nd.linalg.matrixPower(nd.ones([2, 3]), 2), LinAlgError);
  });

  test('NaN and ±Inf propagate (no error), as NumPy', () => {
    for (const wasm of [false, true]) {
      nd.config({ wasm });
      try {
        assert.ok(Number.isNaN(nd.linalg.det([[NaN, 1], [2, 3]]) as number));
        assert.ok((nd.linalg.solve([[NaN, 1], [1, 1]], [1, 2]).toArray() as number[]).every(Number.isNaN));
        assert.deepEqual(nd.linalg.inv([[Infinity, 0], [0, 1]]).toArray(), [[0, 0], [0, 1]]);
        assert.equal(nd.linalg.det([[1e200, 0], [0, 1e200]]), Infinity);
        assert.deepEqual(nd.linalg.cholesky([[4, 2], [2, NaN]]).toArray(), [[2, 0], [1, NaN]]);
        assert.throws(() => nd.linalg.cholesky([[-1, 0], [0, NaN]]), (e: unknown) => e instanceof LinAlgError && /not positive definite/.test(e.message));
      } finally {
        nd.config({ wasm: true });
      }
    }
  });

  test('strided, transposed, broadcast and bool inputs give what their copies give', () => {
    const a = nd.rng(3).standardNormal([7, 14]).slice(null, '::2');
    const b = nd.rng(4).standardNormal([7, 3]);
    const same = (x: unknown, y: unknown): void => assert.deepEqual(plain(x), plain(y));
    same(nd.linalg.inv(a), nd.linalg.inv(a.copy()));
    same(nd.linalg.inv(a.T), nd.linalg.inv(a.T.copy()));
    same(nd.linalg.solve(a.T, b.slice('::-1')), nd.linalg.solve(a.T.copy(), b.slice('::-1').copy()));
    same(nd.linalg.det(a.T), nd.linalg.det(a.T.copy()));
    same(nd.linalg.det(nd.eye(3).broadcastTo([2, 3, 3])), [1, 1]);
    const g = nd.array([[true, false], [true, true]]);
    same(nd.linalg.inv(g), nd.linalg.inv(g.astype('float64')));
    same(nd.linalg.matrixPower(g, 3), [[1, 0], [3, 1]]);
    const spd = nd.array([[4, 2, 0], [2, 5, 1], [0, 1, 3]]);
    same(nd.linalg.cholesky(spd.T.copy().T), nd.linalg.cholesky(spd));
    same(nd.linalg.cholesky(spd, { upper: true }), nd.linalg.cholesky(spd).T);
  });

  test('stacks: broadcasting of solve, one matrix at a time', () => {
    const a = nd.rng(5).standardNormal([2, 1, 4, 4]);
    const b = nd.rng(6).standardNormal([3, 4, 2]);
    const x = nd.linalg.solve(a, b);
    assert.deepEqual(x.shape, [2, 3, 4, 2]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        const one = nd.linalg.solve(a.slice(i, 0), b.slice(j));
        assert.deepEqual(x.slice(i, j).toArray(), one.toArray());
      }
    }
    const v = nd.linalg.solve(a, [1, 2, 3, 4]);
    assert.deepEqual(v.shape, [2, 1, 4]);
  });

  test('the JS kernels by themselves: a zero pivot is reported and the factorisation goes on; luSolve with k = 0', () => {
    const x = Float64Array.from([0, 1, 2, 0, 3, 4, 0, 5, 6]); // column 0 all zero
    const piv = new Int32Array(3);
    assert.equal(luFactor(x, 0, 3, piv), 1);
    const y = Float64Array.from([2, 1, 1, 2, 5, 7]);
    luFactor(y, 0, 2, piv);
    luSolve(y, 0, 2, piv, 0, 4, 0);
    assert.deepEqual(Array.from(y.subarray(4)), [5, 7]);
    assert.equal(choleskyFactor(Float64Array.from([1, 0, 0, -1]), 0, 2), 2);
  });
});

describe('norm', () => {
  test('the 2-norm and fro do not overflow or underflow where the answer is finite (NumPy gives inf / 0 there)', () => {
    assert.equal(nd.linalg.norm([1e200, 1e200]), Math.SQRT2 * 1e200);
    assert.equal(nd.linalg.norm([[1e200], [1e200]], 'fro'), Math.SQRT2 * 1e200);
    assert.ok(Math.abs((nd.linalg.norm([3e-200, 4e-200]) as number) / 5e-200 - 1) < 4 * EPS);
    assert.deepEqual((nd.linalg.norm([[1e300, 1e300], [3, 4]], null, 1) as NdArray).toArray(), [Math.SQRT2 * 1e300, 5]);
    assert.equal(nd.linalg.norm([Infinity, 1e300]), Infinity);
    assert.ok(Number.isNaN(nd.linalg.norm([NaN, 1e300]) as number));
    assert.ok(Number.isNaN(nd.linalg.norm([NaN, Infinity]) as number));
    assert.equal(nd.linalg.norm([0, 0]), 0);
    assert.equal(nd.linalg.norm([]), 0);
  });

  test('keepdims, axes, nested input, results as numbers or arrays', () => {
    assert.equal(nd.linalg.norm([3, 4]), 5);
    assert.deepEqual((nd.linalg.norm([[3, 4]], null, null, { keepdims: true }) as NdArray).shape, [1, 1]);
    assert.deepEqual((nd.linalg.norm(nd.ones([2, 3, 4]), 1, [0, 2], { keepdims: true }) as NdArray).shape, [1, 3, 1]);
    assert.deepEqual((nd.linalg.norm(nd.ones([2, 3]).T, 1, 0) as NdArray).toArray(), [3, 3]);
  });

  test('errors: an order that does not apply, bad axes, junk', () => {
    assert.throws(() => nd.linalg.norm([1, 2], 'fro'), ArgumentError);
    assert.throws(() => nd.linalg.norm([[1, 2]], 3), ArgumentError);
    assert.throws(() => nd.linalg.norm([[1, 2]], 'f' as never), ArgumentError);
    assert.throws(() => nd.linalg.norm(nd.ones([2, 2, 2]), 1), ShapeError);
    assert.throws(() => nd.linalg.norm([[1, 2]], null, [0, 0]), NdvecError);
    assert.throws(() => nd.linalg.norm([[1, 2]], null, [0, 1, 2]), NdvecError);
    assert.throws(() => nd.linalg.norm([[1, 2]], null, 2), NdvecError);
    assert.throws(() => nd.linalg.norm([1], null, null, { keepdim: true } as never), ArgumentError);
    assert.throws(() => (nd.linalg.norm as (...a: unknown[]) => unknown)([1], null, null, {}, 1), ArgumentError);
    assert.throws(() => nd.linalg.norm([], -Infinity), ShapeError);
    assert.equal(nd.linalg.norm([], Infinity), 0);
  });
});

describe('arguments', () => {
  test('arity, integers and options are checked at the edge', () => {
    assert.throws(() => nd.linalg.matrixPower([[1]], 1.5), ArgumentError);
    assert.throws(() => nd.linalg.matrixPower([[1]], '2' as never), ArgumentError);
    assert.throws(() => (nd.linalg.det as (...a: unknown[]) => unknown)([[1]], 2), ArgumentError);
    assert.throws(() => (nd.linalg.solve as (...a: unknown[]) => unknown)([[1]]), ArgumentError);
    assert.throws(() => nd.linalg.cholesky([[1]], { lower: true } as never), ArgumentError);
    assert.throws(() => nd.linalg.cholesky([[1]], { upper: 1 } as never), ArgumentError);
    assert.throws(() => nd.linalg.det('junk' as never), NdvecError);
  });

  test('inside nd.fuse a stand-in gets the fuser\'s named error', () => {
    for (const f of [(x: NdArray) => nd.linalg.det(x), (x: NdArray) => nd.linalg.norm(x), (x: NdArray) => nd.linalg.inv(x)]) {
      assert.throws(() => nd.fuse(f as (x: NdArray) => NdArray)(nd.eye(2)), NdvecError);
    }
  });
});

test('nd.profile records nd.linalg calls as rows linalg.<name> and puts the functions back', () => {
  const before = nd.linalg.det;
  const r = nd.profile(() => {
    nd.linalg.det([[1, 2], [3, 4]]);
    nd.linalg.inv([[1, 2], [3, 4]]).dispose();
  });
  const ops = r.rows.map((row) => row.op);
  assert.ok(ops.includes('linalg.det') && ops.includes('linalg.inv'), ops.join());
  assert.equal(nd.linalg.det, before);
});

test('past the arena soft limit (JS-backed inputs, results and workspace): the same bits', () => {
  const make = (): NdArray => nd.rng(7).standardNormal([37, 37]);
  const spd = (a: NdArray): NdArray => (a.dot(a.T) as NdArray).add(nd.eye(37).mul(37));
  const run = (): unknown[] => {
    const a = make();
    return [nd.linalg.inv(a), nd.linalg.solve(a, a.slice(null, '0:3')), nd.linalg.det(a), nd.linalg.cholesky(spd(a)), nd.linalg.norm(a, 1)].map(plain);
  };
  const want = run();
  const saved = nd.config({}).arenaSoftLimit;
  nd.config({ arenaSoftLimit: 0 });
  try {
    assert.equal(make().storage.inArena, false);
    assert.deepEqual(run(), want);
  } finally {
    nd.config({ arenaSoftLimit: saved });
  }
});
