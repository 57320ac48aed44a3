/**
 * Differential fuzz of the products and linear algebra against NumPy 2.4
 * (test/fixtures/fuzz-linalg.json.gz, written by scripts/fuzz-linalg.py): matmul, dot, outer,
 * kron, cross, diagonal, trace, diag, tril, triu and nd.linalg's det, slogdet, inv, solve,
 * matrixPower, cholesky, qr, svd, eigh, eigvalsh, lstsq, pinv, matrixRank and norm, over views
 * (test/fixture-views.ts), empty matrices and batches, singular and NaN/Inf inputs; WASM on and
 * off. A NumPy LinAlgError must be ndvec's LinAlgError; any other NumPy exception, a named
 * ndvec error (NdvecError). Tolerances are the fixture's per case (see the script's docstring):
 * exact for the products of small integers and the views; 1e-12·cond for the solvers;
 * sign-ambiguous factors by |value| and by reconstruction.
 *
 * Replay a bigger run: `python3 scripts/fuzz-linalg.py 1 3000 /tmp/fl.json` then
 * `FUZZ_LINALG_FIXTURE=/tmp/fl.json node --import tsx --test test/fuzz-linalg.test.ts`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { nd, NdArray, NdvecError, LinAlgError } from '../src/index.ts';
import { build, decode, type Packed, type Recipe } from './fixture-views.ts';

interface Case {
  id: string;
  label?: string;
  fn: string;
  ops: Recipe[];
  params: Record<string, unknown>;
  tol: number | null;
  nonfinite?: boolean;
  expect: { out: Packed[]; cmp?: string[]; recon?: Packed } | { error: string; message: string };
}

const path = process.env.FUZZ_LINALG_FIXTURE;
const raw = path === undefined ? readFileSync(new URL('./fixtures/fuzz-linalg.json.gz', import.meta.url)) : readFileSync(path);
const FIXTURE = JSON.parse((path === undefined || path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as { cases: Case[] };

type Out = NdArray | number;

const ordOf = (o: unknown): unknown => (o === 'inf' ? Infinity : o === '-inf' ? -Infinity : o);

function call(c: Case, ops: NdArray[]): Out[] {
  const p = c.params;
  const [a, b] = ops as [NdArray, NdArray];
  const L = nd.linalg;
  switch (c.fn) {
    case 'matmul':
      return [nd.matmul(a, b)];
    case 'dot':
      return [a.dot(b)];
    case 'outer':
      return [nd.outer(a, b)];
    case 'kron':
      return [nd.kron(a, b)];
    case 'cross':
      return [Object.keys(p).length ? nd.cross(a, b, p) : nd.cross(a, b)];
    case 'diagonal':
      return [p.offset === undefined ? nd.diagonal(a) : nd.diagonal(a, p.offset as number, p.axis1 as number, p.axis2 as number)];
    case 'trace':
      return [p.offset === undefined ? nd.trace(a) : nd.trace(a, p.offset as number, p.axis1 as number, p.axis2 as number)];
    case 'diag':
      return [nd.diag(a, p.k as number)];
    case 'tril':
      return [nd.tril(a, p.k as number)];
    case 'triu':
      return [nd.triu(a, p.k as number)];
    case 'det':
      return [L.det(a)];
    case 'slogdet':
      return L.slogdet(a);
    case 'inv':
      return [L.inv(a)];
    case 'solve':
      return [L.solve(a, b)];
    case 'matrixPower':
      return [L.matrixPower(a, p.n as number)];
    case 'cholesky':
      return [L.cholesky(a, { upper: p.upper as boolean })];
    case 'qr': {
      const r = L.qr(a, p.mode as 'reduced');
      return Array.isArray(r) ? r : [r];
    }
    case 'svd': {
      const r = L.svd(a, { fullMatrices: p.fullMatrices as boolean, computeUv: p.computeUv as boolean, hermitian: p.hermitian === true });
      return Array.isArray(r) ? r : [r];
    }
    case 'eigh':
      return L.eigh(a, p.UPLO as 'L');
    case 'eigvalsh':
      return [L.eigvalsh(a, p.UPLO as 'L')];
    case 'lstsq':
      return L.lstsq(a, b);
    case 'pinv':
      return [p.hermitian === true ? L.pinv(a, { hermitian: true }) : L.pinv(a)];
    case 'matrixRank':
      return [p.hermitian === true ? L.matrixRank(a, { hermitian: true }) : L.matrixRank(a)];
    case 'norm':
      return [L.norm(a, ordOf(p.ord) as number, p.axis as number, { keepdims: p.keepdims as boolean })];
  }
  throw new Error(`unknown fn ${c.fn}`);
}

/** Shape and C-order values of an output. */
function flat(o: Out): { shape: number[]; v: number[] } {
  if (!(o instanceof NdArray)) return { shape: [], v: [Number(o)] };
  const v: number[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const y of x) walk(y);
    else v.push(Number(x));
  };
  walk(o.toArray());
  return { shape: [...o.shape], v };
}

const same = (x: number, y: number): boolean => Object.is(x, y) || (x === 0 && y === 0) || (Number.isNaN(x) && Number.isNaN(y));

/** Mismatch text, or '' when `got` matches `want` under the case's rule. */
function compare(got: { shape: number[]; v: number[] }, want: Packed, tol: number | null, mode: string, what: string): string {
  if (got.shape.join() !== want.shape.join()) return `${what}: shape [${got.shape}] vs NumPy [${want.shape}]`;
  if (mode === 'shape') return '';
  const w = want.flat.map((x) => Number(decode(x)));
  // ill-conditioned (cond > 1e8 or singular): the values, even an exactly zero pivot (slogdet's
  // -inf), follow the rounding of the elimination order; only the shape is NumPy's
  if (tol === null) return '';
  let scale = 1;
  for (const x of w) if (Number.isFinite(x)) scale = Math.max(scale, Math.abs(x));
  for (let i = 0; i < w.length; i++) {
    let g = got.v[i]!, e = w[i]!;
    if (mode === 'abs') (g = Math.abs(g)), (e = Math.abs(e));
    if (tol === 0 ? !same(g, e) : !(same(g, e) || Math.abs(g - e) <= tol * scale)) return `${what}[${i}]: ${got.v[i]} vs NumPy ${w[i]} (tol ${tol})`;
  }
  return '';
}

/** Batched product of flat C-order stacks [..., m, k] × [..., k, n] (S as a diagonal when `s`). */
function reconstruct(c: Case, outs: { shape: number[]; v: number[] }[]): { shape: number[]; v: number[] } {
  if (c.fn === 'eigh') {
    const [w, v] = outs as [{ shape: number[]; v: number[] }, { shape: number[]; v: number[] }];
    const n = w.shape[w.shape.length - 1]!;
    const batch = w.v.length / Math.max(n, 1);
    const r: number[] = [];
    for (let b = 0; b < (n ? batch : 0); b++)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += v.v[b * n * n + i * n + k]! * w.v[b * n + k]! * v.v[b * n * n + j * n + k]!;
          r.push(s);
        }
    return { shape: v.shape, v: r };
  }
  // qr: Q R; svd: U[:, :k] diag(S) Vh[:k, :]
  const Q = outs[0]!, R = c.fn === 'svd' ? outs[2]! : outs[1]!;
  const S = c.fn === 'svd' ? outs[1]! : null;
  const m = Q.shape[Q.shape.length - 2]!, qc = Q.shape[Q.shape.length - 1]!;
  const rr = R.shape[R.shape.length - 2]!, n = R.shape[R.shape.length - 1]!;
  const k = S ? S.shape[S.shape.length - 1]! : Math.min(qc, rr);
  const batchShape = Q.shape.slice(0, -2);
  const batch = batchShape.reduce((x, y) => x * y, 1);
  const r: number[] = [];
  for (let b = 0; b < batch; b++)
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < k; t++) s += Q.v[b * m * qc + i * qc + t]! * (S ? S.v[b * k + t]! : 1) * R.v[b * rr * n + t * n + j]!;
        r.push(s);
      }
  return { shape: [...batchShape, m, n], v: r };
}

/** All mismatches of one case under the current WASM setting. */
function check(c: Case): string {
  const made: NdArray[] = [];
  try {
    const ops = c.ops.map((r) => {
      const x = build(r);
      made.push(x);
      return x;
    });
    let outs: Out[];
    try {
      outs = call(c, ops);
    } catch (e) {
      // non-finite input: ndvec refuses with LinAlgError where LAPACK returns NaN garbage (eigh)
      if (c.nonfinite && e instanceof LinAlgError) return '';
      // singular to rounding (tol null): an exactly zero pivot or a tiny one, by elimination order
      if (c.tol === null && e instanceof LinAlgError) return '';
      if ('out' in c.expect) return `threw ${(e as Error).name}: ${(e as Error).message}`;
      if (c.expect.error === 'LinAlgError' && !(e instanceof LinAlgError)) return `threw ${(e as Error).name} where NumPy raises LinAlgError`;
      if (!(e instanceof NdvecError)) return `threw unnamed ${(e as Error).name}: ${(e as Error).message}`;
      return '';
    }
    for (const o of outs) if (o instanceof NdArray) made.push(o);
    const got = outs.map(flat);
    if (!('out' in c.expect)) {
      // LAPACK gives up on some NaN/Inf matrices (SVD did not converge) and not others
      if (c.nonfinite && c.expect.error === 'LinAlgError' && got.some((g) => g.v.some((x) => !Number.isFinite(x)))) return '';
      if (c.tol === null && c.expect.error === 'LinAlgError' && /singular/i.test(c.expect.message)) return '';
      return `returned where NumPy raises ${c.expect.error}: ${c.expect.message}`;
    }
    const exp = c.expect;
    for (let i = 0; i < outs.length && i < exp.out.length; i++) {
      const dt = outs[i] instanceof NdArray ? (outs[i] as NdArray).dtype : 'float64';
      if (!(c.fn === 'lstsq' && i === 2) && !(c.fn === 'matrixRank' && !(outs[i] instanceof NdArray)) && dt !== exp.out[i]!.dtype) return `out${i}: dtype ${dt} vs NumPy ${exp.out[i]!.dtype}`;
    }
    if (got.length !== exp.out.length) return `${got.length} outputs vs NumPy ${exp.out.length}`;
    for (let i = 0; i < got.length; i++) {
      const mode = exp.cmp?.[i] ?? 'num';
      const bad = compare(got[i]!, exp.out[i]!, c.fn === 'lstsq' && i === 2 ? 0 : c.tol, c.nonfinite ? 'shape' : mode, `out${i}`);
      if (bad) return bad;
    }
    if (exp.recon !== undefined && c.tol !== null && !c.nonfinite && exp.recon.flat.every((x) => typeof x === 'number')) {
      const bad = compare(reconstruct(c, got), exp.recon, 1e-10, 'num', 'reconstruction');
      if (bad) return bad;
    }
    return '';
  } finally {
    for (const x of made) if (!x.isDisposed) x.dispose();
  }
}

test(`fuzz-linalg: ${FIXTURE.cases.length} cases match NumPy, WASM on and off`, () => {
  const bad: string[] = [];
  for (const wasm of [false, true]) {
    nd.config({ wasm });
    try {
      for (const c of FIXTURE.cases) {
        const m = check(c);
        if (m) bad.push(`${wasm ? 'wasm' : 'js'} ${c.id}${c.label ? ` (${c.label})` : ''} ${c.fn}(${c.ops.map((r) => `[${r.shape}]${r.view}`).join(', ')}, ${JSON.stringify(c.params)}): ${m}`);
      }
    } finally {
      nd.config({ wasm: true });
    }
  }
  if (process.env.FUZZ_LINALG_FIXTURE !== undefined) console.log(`${bad.length} mismatches of ${2 * FIXTURE.cases.length}\n${bad.join('\n')}`);
  assert.deepEqual(bad.slice(0, 40), []);
});
