/**
 * nd.linalg.qr(a, 'raw') → [h, tau] against NumPy 2.4 (test/fixtures/linalg-qr-raw.json from
 * scripts/linalg-qr-raw-fixtures.py): shapes (…, N, M) and (…, K); R's entries (on and above
 * h's transposed diagonal) within 64·ε·max|a|; the reflectors' vectors and scales within
 * 64·ε·cond(a) (their forward error grows with the conditioning; signs are LAPACK's, as
 * NumPy's, so no sign freedom is allowed); square, wide, tall, batched, empty, zero columns,
 * already-triangular (tau 0), tiny (dlarfg's rescaling), subnormal and huge inputs, WASM on
 * and off, views and nested input. Independent checks: Q built from h and tau reproduces a
 * and is orthogonal; R from 'raw' is bit for bit R from mode 'r'; NaN propagates as NumPy's.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { nd, type NdArray } from '../src/index.ts';
import { ArgumentError, LinAlgError } from '../src/errors.ts';
import { FuseError } from '../src/fuse/index.ts';

interface Flat { shape: number[]; data: number[] }
interface Case { name: string; a: Flat; h: Flat; tau: Flat; cond: number | null; noiseFrom: number | null }
const FIXTURE = JSON.parse(readFileSync(new URL('./fixtures/linalg-qr-raw.json', import.meta.url), 'utf8')) as { cases: Case[] };
const EPS = 2.220446049250313e-16;

const build = (f: Flat): NdArray => (f.data.length === 0 ? nd.zeros(f.shape) : nd.array(f.data).reshape(f.shape));
const values = (a: NdArray): number[] => (a.size === 0 ? [] : (a.flatten().toArray() as number[]));

function raw(a: unknown): [NdArray, NdArray] {
  const r = nd.linalg.qr(a as NdArray, 'raw');
  assert.ok(Array.isArray(r) && r.length === 2);
  return r as [NdArray, NdArray];
}

/** Compares one case's [h, tau] with NumPy's; returns nothing, asserts. */
function checkCase(c: Case, h: NdArray, tau: NdArray, label: string): void {
  assert.deepEqual(h.shape, c.h.shape, `${label}: h shape`);
  assert.deepEqual(tau.shape, c.tau.shape, `${label}: tau shape`);
  const [n, m] = c.h.shape.slice(-2) as [number, number];
  const k = Math.min(m, n);
  const scale = Math.max(...c.a.data.map(Math.abs), Number.MIN_VALUE);
  const rTol = 64 * EPS * scale;
  const vTol = 64 * EPS * Math.max(1, c.cond ?? 1);
  const hv = values(h);
  hv.forEach((got, idx) => {
    const want = c.h.data[idx]!;
    const e = idx % (n * m);
    const j = Math.floor(e / m), i = e % m; // h[j][i] = factored[i][j]
    if (i <= j) {
      assert.ok(Math.abs(got - want) <= rTol, `${label}: R[${i}][${j}] ${got} vs NumPy ${want} (±${rTol})`);
    } else if (c.noiseFrom === null || j < c.noiseFrom) {
      assert.ok(Math.abs(got - want) <= vTol, `${label}: v${j}[${i}] ${got} vs NumPy ${want} (±${vTol})`);
    }
  });
  values(tau).forEach((got, idx) => {
    const want = c.tau.data[idx]!;
    if (c.noiseFrom !== null && idx % k >= c.noiseFrom) return;
    assert.ok(Math.abs(got - want) <= vTol, `${label}: tau[${idx}] ${got} vs NumPy ${want} (±${vTol})`);
    if (want === 0) assert.equal(got, 0, `${label}: tau[${idx}] is exactly 0 where NumPy's is (H = I)`);
  });
}

/** Q (M×M, row-major) of one matrix from its raw factors: H₀·H₁·…·H_{K−1} applied to I. */
function qFromRaw(h: number[], tau: number[], m: number, n: number): number[][] {
  const k = Math.min(m, n);
  const q = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i === j ? 1 : 0)));
  for (let j = k - 1; j >= 0; j--) {
    const v = Array.from({ length: m }, (_, i) => (i < j ? 0 : i === j ? 1 : h[j * m + i]!));
    for (let col = 0; col < m; col++) {
      let s = 0;
      for (let i = j; i < m; i++) s += v[i]! * q[i]![col]!;
      s *= tau[j]!;
      for (let i = j; i < m; i++) q[i]![col]! -= s * v[i]!;
    }
  }
  return q;
}

describe('linalg.qr mode raw against NumPy 2.4', () => {
  test(`${FIXTURE.cases.length} cases, WASM on and off (the f64x2 kernel and its JS reference sum in different orders: each is checked against NumPy)`, () => {
    assert.ok(FIXTURE.cases.length >= 35);
    for (const c of FIXTURE.cases) {
      const a = build(c.a);
      for (const wasm of [true, false]) {
        nd.config({ wasm });
        try {
          const [h, tau] = raw(a);
          checkCase(c, h, tau, `${c.name} wasm=${wasm}`);
          h.dispose();
          tau.dispose();
        } finally {
          nd.config({ wasm: true });
        }
      }
      a.dispose();
    }
  });

  test('transposed views and plain nested input give the same results', () => {
    for (const c of FIXTURE.cases) {
      if (c.a.shape.length !== 2 || c.a.data.length === 0) continue;
      const a = build(c.a);
      const [h0, t0] = raw(a);
      const t = a.T.copy().T;
      for (const x of [t, a.toArray()]) {
        const [h, tau] = raw(x);
        assert.ok(values(h).every((v, i) => Object.is(v, values(h0)[i])) && values(tau).every((v, i) => Object.is(v, values(t0)[i])), c.name);
        h.dispose();
        tau.dispose();
      }
      for (const r of [a, t, h0, t0]) r.dispose();
    }
  });

  test('Q built from h and tau reproduces a and is orthogonal; R is bit for bit mode r', () => {
    for (const c of FIXTURE.cases) {
      if (c.a.data.length === 0) continue;
      const [m, n] = c.a.shape.slice(-2) as [number, number];
      const k = Math.min(m, n);
      const a = build(c.a);
      const [h, tau] = raw(a);
      const r = nd.linalg.qr(a, 'r') as NdArray;
      const hv = values(h), tv = values(tau), rv = values(r), av = values(a);
      const batches = av.length / (m * n);
      const scale = Math.max(...av.map(Math.abs));
      for (let b = 0; b < batches; b++) {
        const hb = hv.slice(b * m * n, (b + 1) * m * n);
        const q = qFromRaw(hb, tv.slice(b * k, (b + 1) * k), m, n);
        for (let i = 0; i < k; i++) {
          for (let j = 0; j < n; j++) {
            assert.ok(Object.is(rv[b * k * n + i * n + j], j >= i ? hb[j * m + i] : 0), `${c.name}: R[${i}][${j}] differs from mode 'r'`);
          }
        }
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let p = 0; p < Math.min(j + 1, m); p++) s += q[i]![p]! * hb[j * m + p]!;
            assert.ok(Math.abs(s - av[b * m * n + i * n + j]!) <= 1e3 * EPS * scale * Math.max(m, n), `${c.name}: (QR)[${i}][${j}] ${s} vs a ${av[b * m * n + i * n + j]}`);
          }
          for (let j = 0; j < m; j++) {
            let s = 0;
            for (let p = 0; p < m; p++) s += q[p]![i]! * q[p]![j]!;
            assert.ok(Math.abs(s - (i === j ? 1 : 0)) <= 1e3 * EPS * m, `${c.name}: QᵀQ[${i}][${j}] = ${s}`);
          }
        }
      }
      for (const x of [a, h, tau, r]) x.dispose();
    }
  });

  test('property: R of raw is bit for bit R of mode r, for random shapes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 1e6 }), (m, n, seed) => {
        const data = Array.from({ length: m * n }, (_, i) => Math.sin(seed + i * 1.7) * 10);
        const a = nd.array(data).reshape([m, n]);
        const [h, tau] = raw(a);
        const r = nd.linalg.qr(a, 'r') as NdArray;
        const k = Math.min(m, n);
        const hv = values(h), rv = values(r);
        let ok = h.shape[0] === n && h.shape[1] === m && tau.shape[0] === k;
        for (let i = 0; i < k && ok; i++) for (let j = i; j < n; j++) ok &&= Object.is(rv[i * n + j], hv[j * m + i]);
        for (const x of [a, h, tau, r]) x.dispose();
        return ok;
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  test('NaN propagates as NumPy (h all NaN, tau [NaN, 0] for [[NaN, 1], [2, 3]])', () => {
    const [h, tau] = raw([[NaN, 1], [2, 3]]);
    assert.ok(values(h).every(Number.isNaN));
    assert.ok(Number.isNaN(values(tau)[0]!) && values(tau)[1] === 0);
    h.dispose();
    tau.dispose();
  });

  test('errors: 1-D input, an unknown mode, extra arguments, tracing', () => {
    assert.throws(() => nd.linalg.qr([1, 2, 3], 'raw'), LinAlgError);
    assert.throws(() => nd.linalg.qr([[1, 2], [3, 4]], 'RAW' as 'raw'), (e: unknown) => e instanceof ArgumentError && /'RAW'/.test((e as Error).message));
    assert.throws(() => (nd.linalg.qr as (...x: unknown[]) => unknown)([[1, 2], [3, 4]], 'raw', {}), ArgumentError);
    const f = nd.fuse((x) => (nd.linalg.qr(x, 'raw') as [NdArray, NdArray])[0] as never);
    assert.throws(() => f(nd.array([[1, 2], [3, 4]])), FuseError);
  });
});
