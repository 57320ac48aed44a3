/**
 * Differential fuzz of the element-wise layer against NumPy (test/fixtures/fuzz-elementwise.json.gz,
 * from scripts/fuzz-elementwise.py): every binary, comparison, logical, unary and predicate op,
 * round(decimals), clip, nd.where, a.where(mask), setWhere, count, any/all and isclose, on random
 * broadcasting shapes (sizes 0, 1, 2, 3, 5, 17 and a few past 256), views (transposed, reversed,
 * stepped, offset), values heavy in NaN/±Infinity/±0/subnormals/huge integers, bool operands and
 * `out` (fresh, a view, or an input: aliasing). Each case is checked with WASM on and off:
 * result bits, dtype and shape (NaN as NaN: its sign is not kept by JS), the state of every
 * array after the call (nothing written outside `out`, inputs intact), or the named error.
 * Transcendentals (and pow, atan2, hypot, cbrt) are allowed 4 ulp against NumPy with specials
 * (NaN, ±Infinity, ±0) exact; everything else is bit for bit.
 *
 * Cases named `bug:` in the fixture reproduce mismatches this fuzz found (see the script).
 * FUZZ_FIXTURE=/path/to/file.json runs another fixture (the throwaway loop).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { nd, NdArray } from '../src/index.ts';
import { ulpsSpecialsExact } from './helpers.ts';

interface ViewSpec { base: number; perm: number[] | null; specs: string[]; broadcast?: number[] }
type OperandSpec = ViewSpec | { num: string } | null;
interface Base { shape: number[]; dtype: 'float64' | 'bool'; values: (string | number)[] }
interface Expect {
  error?: string;
  numpy?: string;
  dtype?: 'float64' | 'bool';
  shape?: number[];
  values?: (string | number)[];
  scalar?: boolean | number;
  bases?: (string | number)[][];
}
interface Case {
  id: string;
  op: string;
  args: OperandSpec[];
  out?: ViewSpec;
  decimals?: number;
  fn?: boolean;
  axis?: number;
  options?: { rtol?: number; atol?: number; equalNan?: boolean };
  bases: Base[];
  expect: Expect;
}

const path = process.env.FUZZ_FIXTURE ?? new URL('./fixtures/fuzz-elementwise.json.gz', import.meta.url);
const raw = readFileSync(path);
const text = String(path).endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
const FIXTURE = JSON.parse(text) as { numpy: string; cases: Case[] };

const APPROX = new Set(['atan2', 'hypot', 'cbrt', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tan',
  'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'pow']);
const ULPS = 4;

const bits = new DataView(new ArrayBuffer(8));
function fromHex(h: string): number {
  bits.setBigUint64(0, BigInt('0x' + h));
  return bits.getFloat64(0);
}

function makeBase(b: Base): NdArray {
  if (b.dtype === 'bool') {
    // nd.array([]) is float64: go through a float array (0/1) for every size
    const f = nd.array(Float64Array.from(b.values as number[])).reshape(b.shape);
    try {
      return f.astype('bool');
    } finally {
      f.dispose();
    }
  }
  return nd.array(Float64Array.from(b.values as string[], fromHex)).reshape(b.shape);
}

function makeView(bases: NdArray[], s: ViewSpec): NdArray {
  let v = bases[s.base]!;
  if (s.perm !== null) v = v.transpose(s.perm);
  if (s.specs.length > 0) v = v.slice(...s.specs);
  if (s.broadcast !== undefined) v = v.broadcastTo(s.broadcast); // read-only
  return v;
}

function operand(bases: NdArray[], s: OperandSpec): NdArray | number | null {
  if (s === null) return null;
  if ('num' in s) return fromHex(s.num);
  return makeView(bases, s);
}

type Method = (...args: unknown[]) => unknown;

function run(c: Case, bases: NdArray[]): unknown {
  const args = c.args.map((s) => operand(bases, s));
  const out = c.out === undefined ? undefined : makeView(bases, c.out);
  const a = args[0] as NdArray;
  const m = (name: string): Method => (a as unknown as Record<string, Method>)[name]!.bind(a);
  const opts = out === undefined ? [] : [{ out }];
  if (c.fn === true && !['compress', 'where3', 'isclose', 'allclose', 'arrayEqual', 'any', 'all'].includes(c.op)) {
    const f = (nd as unknown as Record<string, Method>)[c.op]!;
    if (c.op === 'round') return f(a, c.decimals, ...opts);
    return f(...args, ...opts);
  }
  switch (c.op) {
    case 'round': return a.round(c.decimals, ...(opts as [{ out: NdArray }]));
    case 'clip': return a.clip(args[1] as NdArray | number | null, args[2] as NdArray | number | null, ...(opts as [{ out: NdArray }]));
    case 'where3': return nd.where(a, args[1] as NdArray | number, args[2] as NdArray | number, ...(opts as [{ out: NdArray }]));
    case 'compress': return a.where(args[1] as NdArray);
    case 'setWhere': return a.setWhere(args[1] as NdArray, args[2] as NdArray | number);
    case 'count': return a.count();
    case 'any': case 'all': return c.axis === undefined ? m(c.op)() : m(c.op)(c.axis);
    case 'isclose': return a.isclose(args[1] as NdArray | number, c.options ?? {});
    case 'allclose': return a.allclose(args[1] as NdArray | number, c.options ?? {});
    case 'arrayEqual': return c.options === undefined ? a.arrayEqual(args[1] as NdArray) : a.arrayEqual(args[1] as NdArray, c.options);
    default: return m(c.op)(...args.slice(1), ...opts);
  }
}

/** Difference of two values: 0 when equal (NaN equals NaN), in ulps for approximate ops, else Infinity. */
function distance(op: string, got: number, want: number): number {
  if (Number.isNaN(want)) return Number.isNaN(got) ? 0 : Infinity;
  if (Object.is(got, want)) return 0;
  return APPROX.has(op) ? ulpsSpecialsExact(got, want) : Infinity;
}

/** A value as text, -0 included. */
const fmt = (v: unknown): string => (Object.is(v, -0) ? '-0' : String(v));

function decode(values: (string | number)[], dtype: 'float64' | 'bool' | undefined): (number | boolean)[] {
  return values.map((v) => (typeof v === 'string' ? fromHex(v) : dtype === 'bool' ? v === 1 : v));
}

/** The problems of one case (empty when it matches NumPy). */
export function checkCase(c: Case): string[] {
  const problems: string[] = [];
  const bases = c.bases.map(makeBase);
  try {
    let result: unknown;
    let thrown: unknown;
    try {
      result = run(c, bases);
    } catch (e) {
      thrown = e;
    }
    const e = c.expect;
    if (e.error !== undefined) {
      if (thrown === undefined) problems.push(`expected ${e.error} (NumPy ${e.numpy}), got a result`);
      else if ((thrown as Error).name !== e.error) problems.push(`expected ${e.error} (NumPy ${e.numpy}), got ${(thrown as Error).name}: ${(thrown as Error).message}`);
      return problems;
    }
    if (thrown !== undefined) {
      problems.push(`threw ${(thrown as Error).name}: ${(thrown as Error).message}`);
      return problems;
    }
    if (e.scalar !== undefined) {
      if (result !== e.scalar) problems.push(`result ${String(result)}, NumPy ${String(e.scalar)}`);
    } else if (e.values !== undefined) {
      const r = result as NdArray;
      if (c.out !== undefined && r !== makeView(bases, c.out) && !(r instanceof NdArray)) problems.push('out not returned');
      if (r.dtype !== e.dtype) problems.push(`dtype ${r.dtype}, NumPy ${e.dtype}`);
      if (r.shape.join() !== e.shape!.join()) problems.push(`shape [${r.shape.join()}], NumPy [${e.shape!.join()}]`);
      else {
        const got = (r.shape.length === 0 ? [r.toArray()] : (r.toArray() as unknown[]).flat(Infinity)) as (number | boolean)[];
        const want = decode(e.values, e.dtype);
        for (let i = 0; i < want.length && problems.length < 4; i++) {
          const g = got[i]!;
          const w = want[i]!;
          const bad = typeof w === 'boolean' ? g !== w : distance(c.op, g as number, w) > ULPS;
          if (bad) problems.push(`[${i}] ${fmt(g)}, NumPy ${fmt(w)}`);
        }
      }
      if (c.out === undefined && r instanceof NdArray) r.dispose();
    }
    // every base afterwards: inputs intact, `out` written, nothing else touched
    e.bases!.forEach((want, k) => {
      const got = bases[k]!.toArray();
      const flat = (bases[k]!.shape.length === 0 ? [got] : (got as unknown[]).flat(Infinity)) as (number | boolean)[];
      const w = decode(want, c.bases[k]!.dtype);
      for (let i = 0; i < w.length && problems.length < 6; i++) {
        const bad = typeof w[i] === 'boolean' ? flat[i] !== w[i] : distance(c.op, flat[i] as number, w[i] as number) > ULPS;
        if (bad) problems.push(`base ${k} [${i}] after: ${fmt(flat[i])}, NumPy ${fmt(w[i])}`);
      }
    });
  } finally {
    for (const b of bases) b.dispose();
  }
  return problems;
}

const MODES = [
  { name: 'WASM on', wasm: true, arenaSoftLimit: undefined },
  { name: 'WASM off', wasm: false, arenaSoftLimit: undefined },
  { name: 'WASM on, JS-backed arrays (staged)', wasm: true, arenaSoftLimit: 0 },
] as const;
const defaultLimit = nd.config().arenaSoftLimit;

for (const mode of MODES) {
  test(`fuzz-elementwise: ${FIXTURE.cases.length} cases match NumPy ${FIXTURE.numpy} (${mode.name})`, () => {
    nd.config({ wasm: mode.wasm, arenaSoftLimit: mode.arenaSoftLimit ?? defaultLimit });
    try {
      const failures: string[] = [];
      const ops = new Set<string>();
      for (const c of FIXTURE.cases) {
        ops.add(c.op);
        const p = checkCase(c);
        if (p.length > 0) failures.push(`${c.id}: ${p.join('; ')}`);
      }
      if (failures.length > 0 && process.env.FUZZ_VERBOSE) console.log(failures.join('\n'));
      assert.deepEqual(failures.slice(0, 30), [], `${failures.length} of ${FIXTURE.cases.length} cases differ from NumPy`);
      assert.ok(ops.size >= 61, `the fixture covers only ${ops.size} ops`);
    } finally {
      nd.config({ wasm: true, arenaSoftLimit: defaultLimit });
    }
  });
}
