/**
 * nd.rng against NumPy on random call sequences (test/fixtures/random-sequences.json, written by
 * scripts/random-sequences.py): each case is one generator and up to 10 calls of any method
 * with adversarial arguments (empty and 0-d shapes, bounds near 2^32 and 2^53, ±0, ±Inf, NaN,
 * bad probabilities, views to shuffle, seeds past 2^64). Every call must give NumPy's bits, or
 * a named error where NumPy raised, and the stream must go on as NumPy's does afterwards. The
 * first cases are the calls where ndvec once differed (the review of issue 13). WASM samplers
 * on and off; populations and probabilities alternate between NdArrays and plain arrays.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describeWasmOff } from './helpers.ts';
import { NdvecError } from '../src/errors.ts';
import { activeKernels } from '../src/kernels/wasm.ts';
import { NdArray } from '../src/ndarray.ts';
import { nd } from '../src/index.ts';
import type { Generator } from '../src/random/generator.ts';

type Encoded = number | boolean | null | string | { f: string } | Encoded[];
interface Expected {
  error?: string;
  shape?: number[];
  scalar?: boolean;
  bits?: string[];
  head?: string[];
  sha256?: string;
}
interface Case {
  seed: number | { big: string } | (number | { big: string })[];
  calls: Encoded[][];
  results: Expected[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/random-sequences.json', import.meta.url), 'utf8')) as {
  numpy: string;
  reviewCases: number;
  cases: Case[];
};

const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 };

/** JSON values back to numbers ({"f": "nan"} and the like). */
function decode(v: Encoded): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v !== null && typeof v === 'object') return SPECIAL[v.f];
  return v;
}

function seedOf(s: Case['seed']): number | bigint | (number | bigint)[] {
  if (Array.isArray(s)) return s.map((x) => seedOf(x) as number | bigint);
  return typeof s === 'object' ? BigInt(s.big) : s;
}

const size = (s: unknown): number | number[] | undefined => (s === null ? undefined : (s as number | number[]));

function viewOf(base: NdArray, view: unknown): NdArray {
  if (view === null) return base;
  if (view === 'T') return base.transpose();
  return base.slice(view === 'step2' ? '::2' : '::-1');
}

/**
 * Runs one call with ndvec's names. `plain`: pass populations and probabilities as JS arrays
 * instead of NdArrays. Shuffle returns the base array it shuffled through a view.
 */
function run(g: Generator, call: unknown[], plain: boolean): unknown {
  const [name, ...a] = call;
  const data = (x: unknown): NdArray | number[] => (plain ? (x as number[]) : nd.array(x as number[]));
  switch (name) {
    case 'random':
      return g.random(size(a[0]));
    case 'uniform':
      return g.uniform(a[0] as number, a[1] as number, size(a[2]));
    case 'integers':
      return g.integers(a[0] as number, a[1] as number | null, size(a[2]), { endpoint: a[3] as boolean });
    case 'standardNormal':
      return g.standardNormal(size(a[0]));
    case 'normal':
      return g.normal(a[0] as number, a[1] as number, size(a[2]));
    case 'exponential':
      return g.exponential(a[0] as number, size(a[1]));
    case 'choice': {
      const pop = typeof a[0] === 'number' ? a[0] : data(a[0]);
      return g.choice(pop, size(a[1]), { replace: a[2] as boolean, p: a[3] === null ? undefined : data(a[3]) });
    }
    case 'shuffle': {
      const base = nd.array(a[0] as number[]);
      g.shuffle(viewOf(base, a[1]));
      return base;
    }
    case 'permutation':
      return g.permutation(typeof a[0] === 'number' ? a[0] : data(a[0]));
    default:
      throw new Error(`unknown call ${String(name)}`);
  }
}

function bitsOf(values: Float64Array): string[] {
  const u = new BigUint64Array(values.buffer, values.byteOffset, values.length);
  return Array.from(u, (x) => x.toString(16).padStart(16, '0'));
}

function check(result: unknown, expected: Expected, where: string): void {
  let shape: number[];
  let values: Float64Array;
  const scalar = !(result instanceof NdArray);
  if (scalar) {
    assert.equal(typeof result, 'number', `${where}: a number or an NdArray`);
    shape = [];
    values = Float64Array.of(result as number);
  } else {
    shape = [...result.shape];
    const flat = result.flatten().astype('float64');
    values = flat.f64().slice(flat.start, flat.start + flat.size);
  }
  assert.deepEqual(shape, expected.shape, `${where}: shape`);
  assert.equal(scalar, expected.scalar, `${where}: number vs array`);
  if (expected.bits !== undefined) {
    assert.deepEqual(bitsOf(values), expected.bits, `${where}: values`);
  } else {
    assert.deepEqual(bitsOf(values.subarray(0, expected.head!.length)), expected.head, `${where}: first values`);
    const digest = createHash('sha256').update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength)).digest('hex');
    assert.equal(digest, expected.sha256, `${where}: sha256 of all values`);
  }
}

function runCase(c: Case, index: number): void {
  const g = nd.rng(seedOf(c.seed));
  c.calls.forEach((encoded, i) => {
    const call = decode(encoded) as unknown[];
    const expected = c.results[i]!;
    const where = `case ${index} (seed ${JSON.stringify(c.seed)}) call ${i} ${JSON.stringify(encoded).slice(0, 120)}`;
    const plain = (index + i) % 2 === 1;
    if (expected.error !== undefined) {
      assert.throws(() => run(g, call, plain), (e: unknown) => e instanceof NdvecError, `${where}: NumPy raised ${expected.error}`);
    } else {
      check(run(g, call, plain), expected, where);
    }
  });
}

function runAll(label: string): void {
  const review = fixture.cases.slice(0, fixture.reviewCases);
  review.forEach((c, k) => {
    test(`${label}: review case ${k}: ${c.calls.map((call) => call[0]).join(', ')}`, () => runCase(c, k));
  });
  const CHUNK = 50;
  for (let start = fixture.reviewCases; start < fixture.cases.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, fixture.cases.length);
    test(`${label}: random sequences ${start}–${end - 1}`, () => {
      for (let k = start; k < end; k++) runCase(fixture.cases[k]!, k);
    });
  }
}

describe(`nd.rng = NumPy ${fixture.numpy} on ${fixture.cases.length} random call sequences (WASM samplers)`, () => {
  test('the WASM kernels are loaded', () => assert.notEqual(activeKernels(), null));
  runAll('wasm');
});

describeWasmOff('nd.rng = NumPy on random call sequences (JS samplers)', () => {
  runAll('js');
});

describe('the fixture holds what the sequences claim to cover', () => {
  const calls = fixture.cases.flatMap((c) => c.calls.map((call, i) => ({ call: decode(call) as unknown[], result: c.results[i]! })));
  const count = (pred: (call: unknown[], r: Expected) => boolean): number => calls.filter(({ call, result }) => pred(call, result)).length;
  test('every method, with results and with errors', () => {
    for (const name of ['random', 'uniform', 'integers', 'standardNormal', 'normal', 'exponential', 'choice', 'shuffle', 'permutation']) {
      assert.ok(count((c, r) => c[0] === name && r.error === undefined) >= 20, `${name}: results`);
    }
    for (const name of ['uniform', 'integers', 'normal', 'exponential', 'choice']) {
      assert.ok(count((c, r) => c[0] === name && r.error !== undefined) >= 5, `${name}: errors`);
    }
  });
  test('the branches: tail shuffle, weighted without replacement, 64-bit ranges, scalars', () => {
    // choice without replacement from more than 10000 taking more than 1/50: NumPy's tail shuffle
    assert.ok(count((c, r) => c[0] === 'choice' && typeof c[1] === 'number' && c[1] > 10000 && c[3] === false && r.error === undefined && (r.shape ?? []).reduce((x, y) => x * y, 1) > Math.floor((c[1] as number) / 50)) >= 3);
    assert.ok(count((c, r) => c[0] === 'choice' && c[3] === false && c[4] !== null && r.error === undefined && (r.shape ?? [0]).every((d) => d > 1)) >= 5);
    assert.ok(count((c, r) => c[0] === 'integers' && r.error === undefined && c[2] !== null && Math.abs((c[2] as number) - (c[1] as number)) > 2 ** 32) >= 20);
    assert.ok(count((c, r) => r.scalar === true) >= 100);
  });
});
