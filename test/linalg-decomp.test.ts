/**
 * nd.linalg orthogonal decompositions: qr, svd, eigh, eigvalsh, lstsq, pinv, matrixRank (and
 * the internal singularValues that norm uses). NumPy's values come from
 * test/fixtures/linalg-decomp.json (scripts/linalg-decomp-fixtures.py); factors whose signs
 * are free (U, V, eigenvectors) are checked by reconstruction and orthogonality within
 * c·n·ε·‖A‖. Everything runs with the WASM kernels on and off; a property test compares the
 * two paths and checks the identities on random matrices.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { nd, NdArray } from '../src/index.ts';
import { ArgumentError, LinAlgError, NdvecError } from '../src/errors.ts';
import { singularValues } from '../src/linalg/svd.ts';

const EPS = 2.220446049250313e-16;
type M = number[][];

interface Fixtures {
  svd: { name: string; a: M; s: number[]; rank: number; pinv: M }[];
  qr: { name: string; a: M; q: M; r: M; rComplete: M; cond: number }[];
  eigh: { name: string; a: M; wL: number[]; wU: number[] }[];
  lstsq: { name: string; a: M; b: number[] | M; x: number[] | M; residuals: number[]; rank: number; s: number[]; rcond?: number }[];
  matrixRank: { name: string; a: M; options: Record<string, unknown>; rank: number }[];
  pinv: { name: string; a: M; options: Record<string, unknown>; pinv: M }[];
  batched: { a: number[][][][]; s: number[][][]; pinv: number[][][][]; rank: number[][]; sym: number[][][][]; w: number[][][]; r: number[][][][] };
}
const FX = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'linalg-decomp.json'), 'utf8')) as Fixtures;

// ---- plain-matrix helpers ------------------------------------------------------------------

function mul(a: M, b: M): M {
  const n = b[0]?.length ?? 0;
  return a.map((row) => Array.from({ length: n }, (_, j) => row.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
}
function transpose(a: M, cols = a[0]?.length ?? 0): M {
  return Array.from({ length: cols }, (_, j) => a.map((row) => row[j]!));
}
function eye(n: number): M {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}
function maxAbs(a: number[] | M): number {
  return Math.max(0, ...(a as (number | number[])[]).flat().map((x) => Math.abs(x)));
}
function maxDiff(a: number[] | M, b: number[] | M): number {
  const x = (a as (number | number[])[]).flat(), y = (b as (number | number[])[]).flat();
  assert.equal(x.length, y.length, 'same number of entries');
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i]! - y[i]!));
  return d;
}
function close(actual: number[] | M, expected: number[] | M, tol: number, what: string): void {
  const d = maxDiff(actual, expected);
  assert.ok(d <= tol, `${what}: max difference ${d} > tolerance ${tol}`);
}
const arr = (x: NdArray): M => x.toArray() as M;
const vec = (x: NdArray): number[] => x.toArray() as number[];

/** Checks a = U·diag(S)·Vh, U and Vh orthonormal, S descending and ≥ 0. */
function checkSvd(a: M, U: M, S: number[], Vh: M, tolFactor = 20): void {
  const m = a.length, n = a[0]?.length ?? 0, k = Math.min(m, n);
  const scale = Math.max(maxAbs(a), Number.MIN_VALUE);
  const us = U.map((row) => row.map((x, j) => (j < k ? x * S[j]! : 0)));
  const vhk = Vh.length > k ? Vh : Vh;
  const usTrim = us.map((row) => row.slice(0, vhk.length));
  close(mul(usTrim, vhk), a, tolFactor * Math.max(m, n) * EPS * scale * Math.max(1, Math.sqrt(k)), 'U·S·Vh = A');
  close(mul(transpose(U, U[0]?.length ?? 0), U), eye(U[0]?.length ?? 0), tolFactor * Math.max(m, n) * EPS, 'UᵀU = I');
  close(mul(Vh, transpose(Vh, n)), eye(Vh.length), tolFactor * Math.max(m, n) * EPS, 'Vh·Vhᵀ = I');
  for (let i = 1; i < S.length; i++) assert.ok(S[i]! <= S[i - 1]!, 'S descending');
  for (const s of S) assert.ok(s >= 0, 'S ≥ 0');
}

/** Runs `body` under describe blocks with the WASM kernels on and off. */
function bothPaths(name: string, body: () => void): void {
  for (const wasm of [true, false]) {
    describe(`${name} (wasm ${wasm ? 'on' : 'off'})`, () => {
      before(() => nd.config({ wasm }));
      after(() => nd.config({ wasm: true }));
      body();
    });
  }
}

// ---- svd ---------------------------------------------------------------------------------

bothPaths('svd: NumPy singular values and reconstruction', () => {
  for (const c of FX.svd) {
    test(c.name, () => {
      const a = nd.array(c.a);
      const m = c.a.length, n = c.a[0]!.length, k = Math.min(m, n);
      const s0 = c.s[0] ?? 0;
      const tol = 10 * Math.max(m, n) * EPS * s0;
      const s = nd.linalg.svd(a, { computeUv: false }) as NdArray;
      assert.deepEqual(s.shape, [k]);
      close(vec(s), c.s, tol, 'S (computeUv false)');
      close(vec(singularValues(a)), c.s, tol, 'singularValues');
      const [U, S, Vh] = nd.linalg.svd(a) as NdArray[];
      assert.deepEqual([U!.shape, S!.shape, Vh!.shape], [[m, m], [k], [n, n]]);
      close(vec(S!), c.s, tol, 'S (full)');
      checkSvd(c.a, arr(U!), vec(S!), arr(Vh!));
      const [u, s2, vh] = nd.linalg.svd(c.a, { fullMatrices: false }) as NdArray[];
      assert.deepEqual([u!.shape, s2!.shape, vh!.shape], [[m, k], [k], [k, n]]);
      checkSvd(c.a, arr(u!), vec(s2!), arr(vh!));
    });
  }
  test('1×1 and negative 1×1', () => {
    const [U, S, Vh] = nd.linalg.svd([[-3]]) as NdArray[];
    assert.deepEqual(vec(S!), [3]);
    assert.equal(arr(U!)[0]![0]! * arr(Vh!)[0]![0]!, -1);
  });
  test('empty matrices: NumPy shapes, identity factors', () => {
    const cases: [number[], boolean, number[][]][] = [
      [[0, 3], true, [[0, 0], [0], [3, 3]]],
      [[0, 3], false, [[0, 0], [0], [0, 3]]],
      [[3, 0], true, [[3, 3], [0], [0, 0]]],
      [[3, 0], false, [[3, 0], [0], [0, 0]]],
      [[0, 0], true, [[0, 0], [0], [0, 0]]],
      [[2, 0, 2], true, [[2, 0, 0], [2, 0], [2, 2, 2]]],
    ];
    for (const [shape, full, shapes] of cases) {
      const r = nd.linalg.svd(nd.zeros(shape), { fullMatrices: full }) as NdArray[];
      assert.deepEqual(r.map((x) => x.shape), shapes, `svd of ${JSON.stringify(shape)} full ${full}`);
    }
    const [, , vh] = nd.linalg.svd(nd.zeros([0, 3])) as NdArray[];
    assert.deepEqual(arr(vh!), eye(3));
    const [u] = nd.linalg.svd(nd.zeros([3, 0])) as NdArray[];
    assert.deepEqual(arr(u!), eye(3));
    assert.deepEqual((nd.linalg.svd(nd.zeros([2, 0, 2]), { computeUv: false }) as NdArray).shape, [2, 0]);
  });
  test('batched stacks: singular values per matrix', () => {
    const a = nd.array(FX.batched.a);
    const s = nd.linalg.svd(a, { computeUv: false }) as NdArray;
    assert.deepEqual(s.shape, [2, 3, 3]);
    close((s.toArray() as M[]).flat(2) as unknown as number[], FX.batched.s.flat(2) as unknown as number[], 1e-13, 'batched S');
    const [U, S, Vh] = nd.linalg.svd(a, { fullMatrices: false }) as NdArray[];
    assert.deepEqual([U!.shape, S!.shape, Vh!.shape], [[2, 3, 4, 3], [2, 3, 3], [2, 3, 3, 3]]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        checkSvd(FX.batched.a[i]![j]!, (U!.toArray() as M[][])[i]![j]!, (S!.toArray() as M)[i]![j]! as unknown as number[], (Vh!.toArray() as M[][])[i]![j]!);
      }
    }
  });
  test('a stack of 20×18 matrices (the Gram-started path) gives every matrix its own factors', () => {
    const stack = nd.rng(3).standardNormal([2, 20, 18]);
    const [U, S, Vh] = nd.linalg.svd(stack) as NdArray[];
    for (let b = 0; b < 2; b++) {
      const one = stack.slice(b);
      const [u1, s1, vh1] = nd.linalg.svd(one) as NdArray[];
      assert.deepEqual([U!.slice(b).toArray(), S!.slice(b).toArray(), Vh!.slice(b).toArray()], [u1!.toArray(), s1!.toArray(), vh1!.toArray()]);
      checkSvd(arr(one), arr(u1!), vec(s1!), arr(vh1!));
    }
  });
  test('strided, transposed and reversed views give the contiguous results', () => {
    const base = nd.array(FX.svd.find((c) => c.name === 'random 9x17')!.a);
    const views = [base.T, base.slice('::2', '1::3'), base.slice('::-1', '::-2'), base.T.slice('::-1')];
    for (const v of views) {
      const copy = v.copy();
      const [U, S, Vh] = nd.linalg.svd(v) as NdArray[];
      close(vec(S!), vec((nd.linalg.svd(copy) as NdArray[])[1]!), 0, 'same S as the copy');
      const values = vec(nd.linalg.svd(v, { computeUv: false }) as NdArray);
      close(values, vec(nd.linalg.svd(copy, { computeUv: false }) as NdArray), 0, 'same values-only S as the copy');
      // Values alone come from Golub–Kahan, with vectors from Jacobi: equal to O(nε‖A‖).
      close(values, vec(S!), 20 * 17 * EPS * values[0]!, 'values-only S = S');
      checkSvd(arr(copy), arr(U!), vec(S!), arr(Vh!));
    }
  });
  test('bool and nested-list inputs', () => {
    close(vec(nd.linalg.svd(nd.array([[true, false], [true, true]]), { computeUv: false }) as NdArray), [1.618033988749895, 0.6180339887498948], 1e-15, 'bool');
    close(vec(nd.linalg.svd([[3, 0], [0, 4]], { computeUv: false }) as NdArray), [4, 3], 0, 'nested');
  });
  test('hermitian: from eigh, S = |w| descending, U·S·Vh = A (NumPy values)', () => {
    const a = [[2, 1, 0], [1, -3, 1], [0, 1, 0]];
    const [U, S, Vh] = nd.linalg.svd(a, { hermitian: true }) as NdArray[];
    close(vec(S!), [3.4708955162910167, 2.210184129883372, 0.2607113864076453], 1e-14, 'S as NumPy');
    close(vec(nd.linalg.svd(a, { hermitian: true, computeUv: false }) as NdArray), vec(S!), 0, 'values only');
    checkSvd(a, arr(U!), vec(S!), arr(Vh!));
    const [, S2] = nd.linalg.svd([[1, 1], [1, 1]], { hermitian: true }) as NdArray[];
    close(vec(S2!), [2, 0], 1e-15, 'S of a singular matrix');
    assert.deepEqual((nd.linalg.svd(nd.zeros([2, 3, 3]), { hermitian: true }) as NdArray[]).map((x) => x.shape), [[2, 3, 3], [2, 3], [2, 3, 3]]);
    assert.throws(() => nd.linalg.svd([[1, 2, 3]], { hermitian: true }), LinAlgError);
  });
  test('NaN: LinAlgError (NumPy: SVD did not converge); ±Inf: NaN singular values, finite factors', () => {
    assert.throws(() => nd.linalg.svd([[1, 2], [3, NaN]]), (e: unknown) => e instanceof LinAlgError && /SVD did not converge/.test((e as Error).message));
    assert.throws(() => nd.linalg.svd([[1, 2], [3, NaN]], { computeUv: false }), LinAlgError);
    assert.throws(() => singularValues(nd.array([[NaN]])), LinAlgError);
    const [U, S, Vh] = nd.linalg.svd([[1, 2], [3, Infinity]]) as NdArray[];
    assert.deepEqual(vec(S!), [NaN, NaN]);
    assert.ok((arr(U!).flat().concat(arr(Vh!).flat())).every(Number.isFinite));
    assert.deepEqual(vec(nd.linalg.svd([[-Infinity, 0], [0, 1]], { computeUv: false }) as NdArray), [NaN, NaN]);
  });
  test('extreme magnitudes: no overflow or underflow in the squares', () => {
    for (const scale of [1e300, 1e-300, 1e-310]) {
      const s = vec(nd.linalg.svd([[3 * scale, 0], [0, 4 * scale]], { computeUv: false }) as NdArray);
      close(s, [4 * scale, 3 * scale], 4 * EPS * 4 * scale + 4 * Number.MIN_VALUE, `scale ${scale}`);
    }
  });
});

// ---- qr ----------------------------------------------------------------------------------

bothPaths('qr: NumPy Q and R (LAPACK signs), reconstruction', () => {
  for (const c of FX.qr) {
    test(c.name, () => {
      const m = c.a.length, n = c.a[0]!.length, k = Math.min(m, n);
      const scale = maxAbs(c.a);
      const tol = 50 * Math.max(m, n) * EPS;
      const [q, r] = nd.linalg.qr(c.a) as NdArray[];
      assert.deepEqual([q!.shape, r!.shape], [[m, k], [k, n]]);
      // Q's and R's entries move by ε·κ(A) under rounding (both sides).
      close(arr(q!), c.q, tol * c.cond, 'Q as NumPy');
      close(arr(r!), c.r, tol * c.cond * scale, 'R as NumPy');
      const [qc, rc] = nd.linalg.qr(c.a, 'complete') as NdArray[];
      assert.deepEqual([qc!.shape, rc!.shape], [[m, m], [m, n]]);
      close(arr(rc!), c.rComplete, tol * c.cond * scale, 'complete R as NumPy');
      close(mul(arr(qc!), arr(rc!)), c.a, tol * scale, 'Q·R = A (complete)');
      close(mul(transpose(arr(qc!)), arr(qc!)), eye(m), tol, 'QᵀQ = I (complete)');
      const rOnly = nd.linalg.qr(c.a, 'r') as NdArray;
      assert.deepEqual(arr(rOnly), arr(r!));
    });
  }
  test('rank-deficient, Hilbert and nearly singular matrices: Q·R = A, Q orthonormal, R upper', () => {
    for (const c of FX.svd) {
      const m = c.a.length, n = c.a[0]!.length;
      for (const mode of ['reduced', 'complete'] as const) {
        const [q, r] = nd.linalg.qr(c.a, mode) as NdArray[];
        const tol = 50 * Math.max(m, n) * EPS;
        close(mul(arr(q!), arr(r!)), c.a, tol * maxAbs(c.a), `${c.name} ${mode}: Q·R = A`);
        close(mul(transpose(arr(q!), q!.shape[1]), arr(q!)), eye(q!.shape[1]!), tol, `${c.name} ${mode}: QᵀQ = I`);
        arr(r!).forEach((row, i) => row.forEach((x, j) => j < i && assert.equal(x, 0)));
      }
    }
  });
  test('empty matrices: NumPy shapes', () => {
    const cases: [number[], string, number[][]][] = [
      [[0, 3], 'reduced', [[0, 0], [0, 3]]],
      [[0, 3], 'complete', [[0, 0], [0, 3]]],
      [[3, 0], 'reduced', [[3, 0], [0, 0]]],
      [[3, 0], 'complete', [[3, 3], [3, 0]]],
      [[0, 0], 'complete', [[0, 0], [0, 0]]],
    ];
    for (const [shape, mode, shapes] of cases) {
      const r = nd.linalg.qr(nd.zeros(shape), mode as 'reduced') as NdArray[];
      assert.deepEqual(r.map((x) => x.shape), shapes, `qr of ${JSON.stringify(shape)} ${mode}`);
    }
    assert.deepEqual(arr((nd.linalg.qr(nd.zeros([3, 0]), 'complete') as NdArray[])[0]!), eye(3));
    assert.deepEqual((nd.linalg.qr(nd.zeros([3, 0]), 'r') as NdArray).shape, [0, 0]);
  });
  test('batched stack: R per matrix as NumPy', () => {
    const [q, r] = nd.linalg.qr(FX.batched.a) as NdArray[];
    assert.deepEqual([q!.shape, r!.shape], [[2, 3, 4, 3], [2, 3, 3, 3]]);
    close((r!.toArray() as M[][]).flat(3) as unknown as number[], FX.batched.r.flat(3) as unknown as number[], 1e-13, 'R');
  });
  test('transposed and strided views', () => {
    const base = nd.array(FX.qr[5]!.a);
    for (const v of [base.T, base.slice('::-1', '::2')]) {
      const [q, r] = nd.linalg.qr(v) as NdArray[];
      const [q2, r2] = nd.linalg.qr(v.copy()) as NdArray[];
      assert.deepEqual([arr(q!), arr(r!)], [arr(q2!), arr(r2!)]);
    }
  });
  test('NaN and Inf propagate as NumPy (first reflector from a finite column stays finite)', () => {
    const [q, r] = nd.linalg.qr([[1, 2], [3, NaN]]) as NdArray[];
    close(arr(q!), [[-0.31622776601683794, -0.9486832980505138], [-0.9486832980505138, 0.31622776601683794]], 1e-15, 'Q');
    const R = arr(r!);
    close([R[0]![0]!], [-3.1622776601683795], 1e-15, 'R00');
    assert.ok(Number.isNaN(R[0]![1]!) && Number.isNaN(R[1]![1]!) && R[1]![0] === 0);
  });
});

// ---- eigh --------------------------------------------------------------------------------

bothPaths('eigh / eigvalsh: NumPy eigenvalues, A·v = w·v', () => {
  for (const c of FX.eigh) {
    test(c.name, () => {
      const n = c.a.length;
      for (const uplo of ['L', 'U'] as const) {
        const expected = uplo === 'L' ? c.wL : c.wU;
        const sym = c.a.map((row, i) => row.map((_, j) => (uplo === 'L' ? c.a[Math.max(i, j)]![Math.min(i, j)]! : c.a[Math.min(i, j)]![Math.max(i, j)]!)));
        const norm = Math.max(...expected.map(Math.abs));
        const tol = 10 * n * EPS * norm;
        close(vec(nd.linalg.eigvalsh(c.a, uplo)), expected, tol, `eigvalsh ${uplo}`);
        const [w, v] = nd.linalg.eigh(c.a, uplo);
        close(vec(w), expected, tol, `eigh w ${uplo}`);
        const V = arr(v);
        const AV = mul(sym, V);
        const VW = V.map((row) => row.map((x, j) => x * vec(w)[j]!));
        close(AV, VW, 2 * tol + 10 * n * EPS * maxAbs(sym), `A·v = w·v ${uplo}`);
        close(mul(transpose(V), V), eye(n), 10 * n * EPS, `vᵀv = I ${uplo}`);
      }
    });
  }
  test('default UPLO is L', () => {
    assert.deepEqual(vec(nd.linalg.eigvalsh([[1, 100], [0, 1]])), [1, 1]);
    assert.deepEqual(vec(nd.linalg.eigh([[1, 100], [0, 1]])[0]), [1, 1]);
  });
  test('empty, 1×1 and batched', () => {
    const [w, v] = nd.linalg.eigh(nd.zeros([0, 0]));
    assert.deepEqual([w.shape, v.shape], [[0], [0, 0]]);
    assert.deepEqual(nd.linalg.eigvalsh(nd.zeros([3, 0, 0])).shape, [3, 0]);
    const [w1, v1] = nd.linalg.eigh([[-2]]);
    assert.deepEqual([vec(w1), arr(v1)], [[-2], [[1]]]);
    const ws = nd.linalg.eigvalsh(FX.batched.sym);
    assert.deepEqual(ws.shape, [2, 3, 3]);
    close((ws.toArray() as M[]).flat(2) as unknown as number[], FX.batched.w.flat(2) as unknown as number[], 1e-13, 'batched w');
  });
  test('transposed view of a non-symmetric array reads the other triangle', () => {
    const a = nd.array([[1, 5], [2, 3]]);
    assert.deepEqual(vec(nd.linalg.eigvalsh(a.T)), vec(nd.linalg.eigvalsh(a, 'U')));
  });
  test('non-finite entries in the read triangle: LinAlgError; in the other: ignored', () => {
    assert.throws(() => nd.linalg.eigh([[1, 0], [NaN, 1]]), (e: unknown) => e instanceof LinAlgError && /Eigenvalues did not converge/.test((e as Error).message));
    assert.throws(() => nd.linalg.eigvalsh([[Infinity, 0], [0, 1]]), LinAlgError);
    assert.deepEqual(vec(nd.linalg.eigvalsh([[2, NaN], [0, 1]])), [1, 2]);
  });
  test('non-square and 1-D inputs: LinAlgError', () => {
    assert.throws(() => nd.linalg.eigh(nd.zeros([2, 3])), LinAlgError);
    assert.throws(() => nd.linalg.eigvalsh([1, 2]), LinAlgError);
  });
});

// ---- lstsq, pinv, matrixRank -------------------------------------------------------------

bothPaths('lstsq: x, residuals, rank and s as NumPy', () => {
  for (const c of FX.lstsq) {
    test(c.name, () => {
      const [x, res, rank, s] = nd.linalg.lstsq(c.a, c.b, c.rcond === undefined ? undefined : { rcond: c.rcond });
      assert.equal(rank, c.rank);
      assert.deepEqual(x.shape, Array.isArray(c.x[0]) ? [c.x.length, (c.x[0] as number[]).length] : [c.x.length]);
      assert.deepEqual(res.shape, [c.residuals.length]);
      const s0 = c.s[0] ?? 0;
      close(vec(s), c.s, 10 * EPS * Math.max(c.a.length, c.a[0]?.length ?? 0) * s0, 's');
      // x's error grows with the condition of the kept part: ε·κ·‖x‖.
      const kept = c.s.filter((v) => v > (c.rcond ?? EPS * Math.max(c.a.length, c.a[0]!.length)) * s0);
      const kappa = kept.length > 0 ? s0 / kept[kept.length - 1]! : 1;
      close(x.toArray() as M, c.x as M, 100 * EPS * kappa * Math.max(1, maxAbs(c.x as M)), 'x');
      close(vec(res), c.residuals, 1e-10 * Math.max(1, ...c.residuals), 'residuals');
    });
  }
  test('empty a (NumPy shapes and values)', () => {
    const [x, res, rank, s] = nd.linalg.lstsq(nd.zeros([0, 3]), nd.zeros([0]));
    assert.deepEqual([vec(x), res.shape, rank, s.shape], [[0, 0, 0], [0], 0, [0]]);
    const [x2, res2, rank2] = nd.linalg.lstsq(nd.zeros([3, 0]), [1, 2, 2]);
    assert.deepEqual([x2.shape, vec(res2), rank2], [[0], [9], 0]);
  });
  test('NaN in b propagates; NaN or Inf in a raises as NumPy', () => {
    const [x] = nd.linalg.lstsq([[1, 0], [0, 1]], [NaN, 1]);
    assert.ok(vec(x).every(Number.isNaN));
    for (const bad of [NaN, Infinity, -Infinity]) {
      assert.throws(() => nd.linalg.lstsq([[1, 2], [3, bad]], [1, 1]), (e: unknown) => e instanceof LinAlgError && /SVD did not converge in Linear Least Squares/.test((e as Error).message));
    }
  });
  test('shape errors: LinAlgError as NumPy', () => {
    assert.throws(() => nd.linalg.lstsq(nd.zeros([3, 2]), nd.zeros([2])), /Incompatible dimensions/);
    assert.throws(() => nd.linalg.lstsq(nd.zeros([3]), nd.zeros([3])), LinAlgError);
    assert.throws(() => nd.linalg.lstsq(nd.zeros([2, 3, 2]), nd.zeros([3])), LinAlgError);
    assert.throws(() => nd.linalg.lstsq(nd.zeros([3, 2]), nd.zeros([3, 1, 1])), LinAlgError);
  });
  test('strided views give the contiguous answer', () => {
    const a = nd.array(FX.lstsq[2]!.a).T.T.slice('::-1');
    const b = nd.array(FX.lstsq[2]!.b).slice('::-1');
    const r1 = nd.linalg.lstsq(a, b), r2 = nd.linalg.lstsq(a.copy(), b.copy());
    close(r1[0].toArray() as M, r2[0].toArray() as M, 0, 'x');
  });
});

bothPaths('pinv and matrixRank as NumPy', () => {
  test('pinv of every svd fixture', () => {
    for (const c of FX.svd) {
      const p = nd.linalg.pinv(c.a);
      const s = c.s;
      const kept = s.filter((v) => v > 1e-15 * s[0]!);
      const kappa = kept.length > 0 ? s[0]! / kept[kept.length - 1]! : 1;
      close(arr(p), c.pinv, Math.max(1e-14, 1e3 * EPS * kappa * kappa) * Math.max(1, maxAbs(c.pinv)), `pinv ${c.name}`);
    }
  });
  test('matrixRank of every svd fixture', () => {
    for (const c of FX.svd) assert.equal(nd.linalg.matrixRank(c.a), c.rank, c.name);
  });
  for (const c of FX.pinv) {
    test(`pinv ${c.name}`, () => {
      close(arr(nd.linalg.pinv(c.a, c.options)), c.pinv, 1e-7 * Math.max(1, maxAbs(c.pinv)), 'pinv');
    });
  }
  for (const c of FX.matrixRank) {
    test(`matrixRank ${c.name}`, () => assert.equal(nd.linalg.matrixRank(c.a, c.options), c.rank));
  }
  test('batched pinv and matrixRank', () => {
    const p = nd.linalg.pinv(FX.batched.a);
    assert.deepEqual(p.shape, [2, 3, 3, 4]);
    close((p.toArray() as M[][]).flat(3) as unknown as number[], FX.batched.pinv.flat(3) as unknown as number[], 1e-12, 'pinv');
    const r = nd.linalg.matrixRank(FX.batched.a) as NdArray;
    assert.deepEqual(r.toArray(), FX.batched.rank);
  });
  test('vectors, numbers and empties', () => {
    assert.equal(nd.linalg.matrixRank([0, 0, 0]), 0);
    assert.equal(nd.linalg.matrixRank([0, 1e-300]), 1);
    assert.equal(nd.linalg.matrixRank(5), 1);
    assert.equal(nd.linalg.matrixRank(nd.zeros([0, 3])), 0);
    assert.deepEqual(nd.linalg.pinv(nd.zeros([0, 3])).shape, [3, 0]);
    assert.deepEqual(nd.linalg.pinv(nd.zeros([2, 3, 0])).shape, [2, 0, 3]);
  });
  test('Inf entries: rank 0 and a zero pseudo-inverse (NumPy); NaN raises', () => {
    assert.equal(nd.linalg.matrixRank([[1, 2], [3, Infinity]]), 0);
    assert.deepEqual(arr(nd.linalg.pinv([[1, 2], [3, Infinity]])), [[0, 0], [0, 0]]);
    assert.throws(() => nd.linalg.pinv([[1, NaN], [3, 4]]), LinAlgError);
    assert.throws(() => nd.linalg.matrixRank([[1, NaN], [3, 4]]), LinAlgError);
  });
  test('rcond/rtol and tol/rtol together: ArgumentError', () => {
    assert.throws(() => nd.linalg.pinv([[1]], { rcond: 1e-3, rtol: 1e-3 }), ArgumentError);
    assert.throws(() => nd.linalg.matrixRank([[1]], { tol: 1e-3, rtol: 1e-3 }), ArgumentError);
  });
});

// ---- arguments ---------------------------------------------------------------------------

describe('arguments', () => {
  test('modes and options are checked by name', () => {
    assert.throws(() => nd.linalg.qr([[1]], 'economic' as never), (e: unknown) => e instanceof ArgumentError && /'reduced', 'complete', 'r', 'raw'/.test((e as Error).message));
    assert.throws(() => nd.linalg.svd([[1]], { full_matrices: false } as never), ArgumentError);
    assert.throws(() => nd.linalg.svd([[1]], { computeUv: 0 } as never), ArgumentError);
    assert.throws(() => nd.linalg.eigh([[1]], 'lower' as never), ArgumentError);
    assert.deepEqual(vec(nd.linalg.eigvalsh([[1, 5], [0, 1]], 'u')), vec(nd.linalg.eigvalsh([[1, 5], [0, 1]], 'U'))); // NumPy upper-cases UPLO
    assert.throws(() => nd.linalg.lstsq([[1]], [1], { rcond: '1' } as never), ArgumentError);
    assert.throws(() => (nd.linalg.svd as (...a: unknown[]) => unknown)([[1]], {}, 1), ArgumentError);
  });
  test('fewer than 2 dimensions: LinAlgError with NumPy wording', () => {
    for (const f of [() => nd.linalg.qr([1, 2]), () => nd.linalg.svd([1, 2]), () => nd.linalg.pinv(3)]) {
      assert.throws(f, (e: unknown) => e instanceof LinAlgError && /1-dimensional array given|0-dimensional array given/.test((e as Error).message));
    }
  });
  test('inputs are left intact', () => {
    const a = nd.array([[4, 1], [1, 3], [2, 2]]);
    const before = a.toArray();
    nd.linalg.qr(a);
    nd.linalg.svd(a);
    nd.linalg.lstsq(a, [1, 2, 3]);
    nd.linalg.pinv(a);
    nd.linalg.eigh(a.slice(':2'));
    assert.deepEqual(a.toArray(), before);
  });
  test('disposed input: a named error', () => {
    const a = nd.array([[1]]);
    a.dispose();
    assert.throws(() => nd.linalg.svd(a), NdvecError);
  });
  test('inside nd.fuse: the fuser refuses by name', () => {
    const f = nd.fuse((x: NdArray) => (nd.linalg.svd(x, { computeUv: false }) as NdArray).sum());
    assert.throws(() => f(nd.array([[1, 2], [3, 4]])), (e: unknown) => e instanceof NdvecError && /linalg\.svd/.test((e as Error).message));
  });
});

// ---- properties --------------------------------------------------------------------------

describe('properties (fast-check, seed 42)', () => {
  const matrixArb = fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }))
    .chain(([m, n]) => fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }));
  test('svd, qr: identities hold, WASM and JS agree', () => {
    fc.assert(
      fc.property(matrixArb, (a) => {
        const sW = vec(nd.linalg.svd(a, { computeUv: false }) as NdArray);
        const [U, S, Vh] = nd.linalg.svd(a) as NdArray[];
        checkSvd(a, arr(U!), vec(S!), arr(Vh!));
        const [q, r] = nd.linalg.qr(a) as NdArray[];
        close(mul(arr(q!), arr(r!)), a, 100 * 9 * EPS * Math.max(1, maxAbs(a)), 'Q·R = A');
        nd.config({ wasm: false });
        try {
          const sJ = vec(nd.linalg.svd(a, { computeUv: false }) as NdArray);
          close(sJ, sW, 20 * 9 * EPS * (sW[0] ?? 0), 'S WASM vs JS');
          const [qJ] = nd.linalg.qr(a) as NdArray[];
          close(arr(qJ!), arr(q!), 1e-10, 'Q WASM vs JS');
        } finally {
          nd.config({ wasm: true });
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });
  test('svd of 16–40 columns (Gram-preconditioned Jacobi), full rank or not: identities hold, WASM and JS agree', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 40 }),
        fc.integer({ min: 16, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (m, n, r, seed) => {
          // A rank-r product of two random factors (r ≥ min(m, n): full rank).
          const g = nd.rng(seed);
          const a = arr((g.standardNormal([m, r]) as NdArray).dot(g.standardNormal([r, n])) as NdArray);
          const [U, S, Vh] = nd.linalg.svd(a) as NdArray[];
          checkSvd(a, arr(U!), vec(S!), arr(Vh!));
          const values = vec(nd.linalg.svd(a, { computeUv: false }) as NdArray);
          close(values, vec(S!), 20 * 40 * EPS * values[0]!, 'S = values-only S');
          nd.config({ wasm: false });
          try {
            close(vec((nd.linalg.svd(a) as NdArray[])[1]!), vec(S!), 20 * 40 * EPS * values[0]!, 'S WASM vs JS');
          } finally {
            nd.config({ wasm: true });
          }
        },
      ),
      { seed: 42, numRuns: 15 },
    );
  });
  test('eigh: A·v = w·v on random symmetric matrices; eigenvalues match the SVD of A in magnitude', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) => fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((d) => {
          const b = Array.from({ length: n }, (_, i) => d.slice(i * n, i * n + n));
          return b.map((row, i) => row.map((x, j) => x + b[j]![i]!));
        })),
        (a) => {
          const n = a.length;
          const [w, v] = nd.linalg.eigh(a);
          const W = vec(w), V = arr(v);
          const tol = 50 * n * EPS * Math.max(1, maxAbs(a));
          close(mul(a, V), V.map((row) => row.map((x, j) => x * W[j]!)), tol, 'A·v = w·v');
          const mags = W.map(Math.abs).sort((x, y) => y - x);
          close(mags, vec(nd.linalg.svd(a, { computeUv: false }) as NdArray), tol, '|w| = S');
          close(vec(nd.linalg.eigvalsh(a)), W, tol, 'eigvalsh = eigh w');
          nd.config({ wasm: false });
          try {
            close(vec(nd.linalg.eigh(a)[0]), W, tol, 'w WASM vs JS');
            close(vec(nd.linalg.eigvalsh(a)), W, tol, 'eigvalsh WASM vs JS');
          } finally {
            nd.config({ wasm: true });
          }
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });
});
