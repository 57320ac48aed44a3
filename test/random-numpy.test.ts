/**
 * nd.rng: NumPy's default_rng streams bit for bit. Expected values come from
 * test/fixtures/random-numpy.json, written once by scripts/random-fixtures.py with NumPy
 * (every method, seeds 0, 1, 42, 2^32, 2^53 − 1, arrays and bigints, empty and 0-d shapes,
 * scalar draws, calls interleaved on one generator; long runs through the ziggurats' rare
 * paths compared by SHA-256 of their bytes). Each case runs on the WASM samplers, on the JS
 * samplers, and into a destination outside the arena (the chunked scratch path).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { settings } from '../src/config.ts';
import { describeWasmOff } from './helpers.ts';
import { ArgumentError, NdvecError, ReadOnlyError, ShapeError } from '../src/errors.ts';
import { activeKernels } from '../src/kernels/wasm.ts';
import { NdArray } from '../src/ndarray.ts';
import { nd, FuseError } from '../src/index.ts';
import { fillExponential, fillNormal, fillUniform } from '../src/random/distributions.ts';
import { rng, type Generator } from '../src/random/generator.ts';
import { PCG64 } from '../src/random/pcg64.ts';
import { generateState, seedPool, seedWords } from '../src/random/seed-sequence.ts';
import { fusedMultiplyAdd, log1pGlibc } from '../src/random/log1p.ts';

type Call = [string, ...unknown[]];
interface Expected {
  shape: number[];
  scalar: boolean;
  bits?: string[];
  head?: string[];
  sha256?: string;
}
interface Case {
  seed: number | number[] | { bigint: string };
  calls: Call[];
  results: Expected[];
}
interface Log1pFixture {
  tails: { seed: number; n: number; sha256: string };
  wide: { seed: number; low: number; high: number; n: number; sha256: string };
  cases: [string, string][];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/random-numpy.json', import.meta.url), 'utf8')) as {
  numpy: string;
  cases: Case[];
  log1p: Log1pFixture;
};

function seedOf(seed: Case['seed']): number | bigint | number[] {
  return typeof seed === 'object' && !Array.isArray(seed) ? BigInt(seed.bigint) : seed;
}

const size = (s: unknown): number[] | undefined => (s === null ? undefined : (s as number[]));

/** Runs one fixture call with ndvec's names; returns what it gives (shuffle: the shuffled array). */
function run(g: Generator, call: Call): unknown {
  const [name, ...a] = call;
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
      const pop = typeof a[0] === 'number' ? a[0] : nd.array(a[0] as number[]);
      // NumPy's defaults (replace, no p) are tested by passing no options at all
      if (a[2] === true && a[3] === null) return g.choice(pop, size(a[1]));
      return g.choice(pop, size(a[1]), { replace: a[2] as boolean, p: a[3] as number[] | null });
    }
    case 'shuffle': {
      const arr = nd.array(a[0] as number[]);
      g.shuffle(arr);
      return arr;
    }
    case 'permutation':
      return g.permutation(typeof a[0] === 'number' ? a[0] : nd.array(a[0] as number[]));
    default:
      throw new Error(`unknown call ${name}`);
  }
}

/** The float64 bits of every value, C order. */
function bitsOf(values: Float64Array): string[] {
  const u = new BigUint64Array(values.buffer, values.byteOffset, values.length);
  return Array.from(u, (x) => x.toString(16).padStart(16, '0'));
}

function sha256Of(values: Float64Array): string {
  return createHash('sha256').update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength)).digest('hex');
}

function valuesOf(result: unknown): { shape: number[]; scalar: boolean; values: Float64Array } {
  if (typeof result === 'number') return { shape: [], scalar: true, values: Float64Array.of(result) };
  assert.ok(result instanceof NdArray, `expected an NdArray or a number, got ${String(result)}`);
  const flat = (result as NdArray).flatten().astype('float64');
  const values = flat.size === 0 ? new Float64Array(0) : flat.f64().slice(flat.start, flat.start + flat.size);
  return { shape: [...(result as NdArray).shape], scalar: false, values };
}

function check(result: unknown, expected: Expected, where: string): void {
  const got = valuesOf(result);
  assert.deepEqual(got.shape, expected.shape, `${where}: shape`);
  assert.equal(got.scalar, expected.scalar, `${where}: scalar`);
  if (expected.bits !== undefined) {
    assert.deepEqual(bitsOf(got.values), expected.bits, `${where}: values`);
  } else {
    assert.deepEqual(bitsOf(got.values.subarray(0, expected.head!.length)), expected.head, `${where}: first values`);
    assert.equal(sha256Of(got.values), expected.sha256, `${where}: sha256 of all values`);
  }
}

function runCases(label: string): void {
  for (const c of fixture.cases) {
    test(`${label}: seed ${JSON.stringify(c.seed)} (${c.calls.length} calls)`, () => {
      const g = rng(seedOf(c.seed));
      c.calls.forEach((call, i) => check(run(g, call), c.results[i]!, `call ${i} ${JSON.stringify(call).slice(0, 80)}`));
    });
  }
}

describe(`nd.rng matches NumPy ${fixture.numpy} bit for bit (WASM samplers)`, () => {
  test('the WASM kernels are loaded (else this block would test the JS path twice)', () => {
    assert.notEqual(activeKernels(), null);
  });
  runCases('wasm');
});

describeWasmOff('nd.rng matches NumPy bit for bit (JS samplers)', () => {
  runCases('js');
});

describe('samplers: arena, plain Float64Array (scratch chunks) and JS give the same stream', () => {
  const make = (): PCG64 => new PCG64(generateState(seedPool(seedWords('test', 5)), 8));
  const fills: [string, (bg: PCG64, out: Float64Array, start: number, n: number) => void][] = [
    ['uniform', (bg, out, s, n) => fillUniform(bg, out, s, n, -1, 3)],
    ['standard normal', (bg, out, s, n) => fillNormal(bg, out, s, n, true)],
    ['normal', (bg, out, s, n) => fillNormal(bg, out, s, n, false, 2, 0.5)],
    ['exponential', (bg, out, s, n) => fillExponential(bg, out, s, n, 3)],
  ];
  for (const [name, fill] of fills) {
    for (const n of [0, 1, 19, 20, 21, 63, 64, 65, 65536 + 17, 200001]) {
      test(`${name}, ${n} values then 3 more`, () => {
        const results: Float64Array[] = [];
        for (const mode of ['wasm', 'js'] as const) {
          const saved = settings.wasm;
          settings.wasm = mode === 'wasm';
          try {
            const bg = make();
            const out = new Float64Array(n + 5);
            fill(bg, out, 1, n);
            fill(bg, out, n + 1, 3);
            results.push(out);
          } finally {
            settings.wasm = saved;
          }
        }
        assert.deepEqual(bitsOf(results[0]!), bitsOf(results[1]!));
        assert.equal(results[0]![0], 0);
        assert.equal(results[0]![n + 4], 0);
      });
    }
  }
});

/** A double from C's %a / Python's float.hex() form. */
function fromHex(h: string): number {
  const m = /^(-?)0x([01])\.([0-9a-f]*)p([+-]\d+)$/.exec(h);
  if (m === null) {
    if (h === 'inf' || h === '-inf') return h[0] === '-' ? -Infinity : Infinity;
    throw new Error(`not a hex double: ${h}`);
  }
  const mantissa = Number.parseInt(m[2]! + (m[3] || '0'), 16) / 16 ** (m[3]!.length || 1);
  const v = mantissa * 2 ** Number(m[4]);
  return m[1] === '-' ? -v : v;
}

describe("log1p rounds as the C library's (the ziggurat tails' values depend on it)", () => {
  const { log1p } = fixture;
  test('hard cases, where fdlibm/V8 Math.log1p rounds one ulp off, and special values', () => {
    let v8Differs = 0;
    for (const [xh, yh] of log1p.cases) {
      const x = fromHex(xh);
      const y = fromHex(yh);
      assert.ok(Object.is(log1pGlibc(x), y), `log1p(${xh}) = ${log1pGlibc(x)}, C library ${y}`);
      if (!Object.is(Math.log1p(x), y)) v8Differs++;
    }
    // the fixture really holds cases Math.log1p gets wrong (else this test could not fail on it)
    assert.ok(v8Differs >= 30, `only ${v8Differs} cases where Math.log1p differs`);
  });

  test(`the tails' inputs: -u for ${log1p.tails.n} uniforms of default_rng(0)`, () => {
    const u = rng(log1p.tails.seed).random(log1p.tails.n) as NdArray;
    const out = new Float64Array(u.size);
    const data = u.f64();
    for (let i = 0; i < out.length; i++) out[i] = log1pGlibc(-data[u.start + i]!);
    assert.equal(sha256Of(out), log1p.tails.sha256);
  });

  test(`a wide range: uniform(${log1p.wide.low}, ${log1p.wide.high}) of default_rng(1)`, () => {
    const x = rng(log1p.wide.seed).uniform(log1p.wide.low, log1p.wide.high, log1p.wide.n) as NdArray;
    const out = new Float64Array(x.size);
    const data = x.f64();
    for (let i = 0; i < out.length; i++) out[i] = log1pGlibc(data[x.start + i]!);
    assert.equal(sha256Of(out), log1p.wide.sha256);
  });

  test('fusedMultiplyAdd rounds once (NumPy: np.float64 arithmetic cannot show it; values from exact rationals)', () => {
    // 1 + 2^-52 squared minus (1 + 2^-51): exactly 2^-104, lost entirely without fusion
    const a = 1 + 2 ** -52;
    assert.equal(fusedMultiplyAdd(a, a, -(1 + 2 ** -51)), 2 ** -104);
    assert.equal(a * a - (1 + 2 ** -51), 0);
    // 0.1·10 − 1 = 2^-54 · 1.0000000000000000555… (exact product of the doubles)
    assert.equal(fusedMultiplyAdd(0.1, 10, -1), 5.551115123125783e-17);
    assert.equal(fusedMultiplyAdd(3, 5, 7), 22);
    assert.equal(fusedMultiplyAdd(-2, 0.5, 1), 0);
  });
});

describe('nd.rng: streams and shapes', () => {
  test('successive calls continue one stream: random(3) then random(2) equals random(5)', () => {
    const a = rng(9);
    const first = [...(a.random(3) as NdArray).toArray() as number[], ...(a.random(2) as NdArray).toArray() as number[]];
    assert.deepEqual(first, (rng(9).random(5) as NdArray).toArray());
  });

  test('a uint32 left over by integers() is used by the next 32-bit draw, not dropped by random()', () => {
    // NumPy: g.integers(0, 10); g.random(); g.integers(0, 10) uses the buffered high half.
    const g = rng(3);
    const first = g.integers(0, 10);
    const mid = g.random();
    const second = g.integers(0, 10);
    assert.deepEqual([first, mid, second], [8, 0.2368105065960997, 0]);
  });

  test('the same seed as a number, a bigint and a one-element array gives the same stream', () => {
    const x = rng(12345).random(4) as NdArray;
    assert.deepEqual((rng(12345n).random(4) as NdArray).toArray(), x.toArray());
    assert.deepEqual((rng([12345]).random(4) as NdArray).toArray(), x.toArray());
  });

  test('no seed: fresh entropy each time, replayable through generator.entropy', () => {
    const g = rng();
    const h = rng();
    assert.equal(typeof g.entropy, 'bigint');
    assert.notEqual(g.entropy, h.entropy);
    const values = (g.random(3) as NdArray).toArray();
    assert.deepEqual((rng(g.entropy).random(3) as NdArray).toArray(), values);
    assert.equal(typeof rng(null).random(), 'number');
  });

  test('results are fresh writable float64 arrays', () => {
    const a = rng(1).standardNormal([2, 3]) as NdArray;
    assert.equal(a.dtype, 'float64');
    assert.equal(a.writeable, true);
    assert.deepEqual(a.shape, [2, 3]);
  });

  test('choice of a bool array keeps bools; scalar choice of a 2-d array is a row', () => {
    const b = rng(1).choice(nd.array([true, false, true]), 4) as NdArray;
    assert.equal(b.dtype, 'bool');
    assert.equal(typeof rng(1).choice(nd.array([true, false])), 'boolean');
    const row = rng(1).choice(nd.array([[1, 2], [3, 4]])) as NdArray;
    assert.deepEqual(row.shape, [2]);
  });

  test('NaN loc or scale gives NaN and still draws, as NumPy (CONS_NON_NEGATIVE lets NaN pass)', () => {
    // np.random.default_rng(5): normal(nan, 1, 2), then random() == 0.515325561042142
    for (const draw of [(g: Generator) => g.normal(NaN, 1, 2), (g: Generator) => g.normal(0, NaN, 2), (g: Generator) => g.exponential(NaN, 2)]) {
      const g = rng(5);
      assert.deepEqual((draw(g) as NdArray).toArray(), [NaN, NaN]);
    }
    const g = rng(5);
    g.normal(NaN, 1, 2);
    assert.equal(g.random(), 0.515325561042142);
  });

  test('choice of rows with p and no replacement; permutation of bools; scalar uniform (NumPy values)', () => {
    // default_rng(5).choice(np.array([[1,2],[3,4],[5,6]]), 2, replace=False, p=np.array([.5,.25,.25]))
    const p = nd.array([0.5, 0.25, 0.25]);
    const rows = rng(5).choice(nd.array([[1, 2], [3, 4], [5, 6]]), 2, { replace: false, p }) as NdArray;
    assert.deepEqual(rows.toArray(), [[5, 6], [1, 2]]);
    assert.deepEqual(p.toArray(), [0.5, 0.25, 0.25]);
    const bools = rng(5).permutation(nd.array([true, false, false, true, true]));
    assert.equal(bools.dtype, 'bool');
    assert.deepEqual(bools.toArray(), [true, true, false, false, true]);
    assert.equal(rng(5).uniform(1, 2), 1.8050029237453802);
  });

  test('shuffle works on views (strided rows) and plain arrays, like NumPy', () => {
    // NumPy: base = np.arange(12.).reshape(3, 4); np.random.default_rng(9).shuffle(base[:, ::2])
    const base = nd.arange(12).reshape([3, 4]);
    rng(9).shuffle(base.slice(null, [null, null, 2]));
    assert.deepEqual(base.toArray(), [[8, 1, 10, 3], [0, 5, 2, 7], [4, 9, 6, 11]]);
    // p = [1, 2, 3, 4, 5]; np.random.default_rng(9).shuffle(p)
    const plain = [1, 2, 3, 4, 5];
    rng(9).shuffle(plain);
    assert.deepEqual(plain, [5, 4, 1, 3, 2]);
  });
});

describe('nd.rng: invalid arguments throw named errors and leave arrays intact', () => {
  const g = (): Generator => rng(0);
  const cases: [string, () => unknown, abstract new (...args: never[]) => NdvecError, RegExp][] = [
    ['negative seed', () => rng(-1), ArgumentError, /non-negative integer/],
    ['fractional seed', () => rng(1.5), ArgumentError, /got number 1.5/],
    ['NaN seed', () => rng(NaN), ArgumentError, /got number NaN/],
    ['Infinity seed', () => rng(Infinity), ArgumentError, /seed/],
    ['seed past 2^53 as a number', () => rng(2 ** 60), ArgumentError, /bigint/],
    ['negative bigint seed', () => rng(-3n), ArgumentError, /non-negative/],
    ['negative entry in a seed array', () => rng([1, -2]), ArgumentError, /seed\[1\]/],
    ['nested seed array', () => rng([[1]] as unknown as number[]), ArgumentError, /seed\[0\]/],
    ['string seed', () => rng('1' as unknown as number), ArgumentError, /string '1'/],
    ['extra argument to rng', () => (rng as (...a: unknown[]) => unknown)(1, 2), ArgumentError, /at most 1/],
    ['bad shape', () => g().random([2, -1]), ShapeError, /random/],
    ['fractional shape', () => g().standardNormal(1.5), ShapeError, /standardNormal/],
    ['extra argument to random', () => (g().random as (...a: unknown[]) => unknown)(3, 4), ArgumentError, /at most 1/],
    ['uniform low > high', () => g().uniform(2, 1, 3), ArgumentError, /high must be ≥ low/],
    ['uniform infinite range', () => g().uniform(-Infinity, 0, 3), ArgumentError, /finite/],
    ['uniform NaN', () => g().uniform(NaN, 1, 3), ArgumentError, /finite/],
    ['integers low >= high', () => g().integers(5, 5, 3), ArgumentError, /low >= high/],
    ['integers low > high with endpoint', () => g().integers(6, 5, 3, { endpoint: true }), ArgumentError, /low > high/],
    ['integers fractional bound', () => g().integers(0.5, 5), ArgumentError, /integer/],
    ['integers bound past 2^53', () => g().integers(0, 2 ** 54), ArgumentError, /2\^53/],
    ['integers n = 0', () => g().integers(0), ArgumentError, /low >= high/],
    ['integers unknown option', () => g().integers(0, 5, 3, { endPoint: true } as never), ArgumentError, /unknown option 'endPoint'/],
    ['integers endpoint not boolean', () => g().integers(0, 5, 3, { endpoint: 1 } as never), ArgumentError, /endpoint/],
    ['normal negative scale', () => g().normal(0, -1, 3), ArgumentError, /scale must be ≥ 0, got -1/],
    ['normal scale -0 (NumPy: scale < 0)', () => g().normal(0, -0, 3), ArgumentError, /got -0/],
    ['exponential negative scale', () => g().exponential(-2, 3), ArgumentError, /scale/],
    ['exponential string scale', () => g().exponential('1' as never, 3), ArgumentError, /scale/],
    ['choice p not summing to 1', () => g().choice(3, 2, { p: [0.2, 0.2, 0.2] }), ArgumentError, /sum to 1, got 0.6/],
    ['choice p with NaN', () => g().choice(2, 2, { p: [NaN, 1] }), ArgumentError, /NaN/],
    ['choice negative p', () => g().choice(2, 2, { p: [-0.5, 1.5] }), ArgumentError, /non-negative/],
    ['choice p of the wrong size', () => g().choice(3, 2, { p: [0.5, 0.5] }), ArgumentError, /same size/],
    ['choice too many without replacement', () => g().choice(3, 4, { replace: false }), ArgumentError, /larger sample/],
    ['choice too few non-zero p', () => g().choice(3, 2, { replace: false, p: [1, 0, 0] }), ArgumentError, /fewer non-zero/],
    ['choice from nothing', () => g().choice(0, 1), ArgumentError, /empty/],
    ['choice negative a', () => g().choice(-2, 1), ArgumentError, /non-negative/],
    ['choice 0-d a', () => g().choice(nd.array(3), 1), ArgumentError, /0-d/],
    ['choice unknown option', () => g().choice(3, 1, { shuffle: false } as never), ArgumentError, /unknown option 'shuffle'/],
    ['shuffle 0-d', () => g().shuffle(nd.array(3)), ArgumentError, /0-d/],
    ['shuffle a number', () => g().shuffle(3 as never), ArgumentError, /NdArray or an array/],
    ['shuffle read-only view', () => g().shuffle(nd.arange(3).broadcastTo([2, 3])), ReadOnlyError, /./],
    ['permutation fractional', () => g().permutation(2.5), ArgumentError, /integer or an array, got number 2.5/],
    ['permutation ragged nested rows', () => g().permutation([[1, 2], [3]]), ArgumentError, /ragged/],
    ['permutation extra argument', () => (g().permutation as (...a: unknown[]) => unknown)(3, 0), ArgumentError, /at most 1/],
  ];
  for (const [name, fn, type, message] of cases) {
    test(name, () => {
      assert.throws(fn, (e: unknown) => e instanceof type && message.test((e as Error).message));
    });
  }

  test('a failed call does not move the stream', () => {
    const a = rng(7);
    assert.throws(() => a.choice(3, 2, { p: [0.2, 0.2, 0.2] }), ArgumentError);
    assert.throws(() => a.normal(0, -1, 2), ArgumentError);
    assert.deepEqual((a.random(2) as NdArray).toArray(), (rng(7).random(2) as NdArray).toArray());
  });

  test('shuffle of a read-only view leaves its base intact', () => {
    const base = nd.arange(3);
    assert.throws(() => rng(0).shuffle(base.broadcastTo([2, 3])), ReadOnlyError);
    assert.deepEqual(base.toArray(), [0, 1, 2]);
  });
});

describe('nd.random / nd.randn are nd.rng(seed).random / .standardNormal', () => {
  for (const shape of [[], [0], [1], [7], [3, 5], [1001], [40, 50]]) {
    test(`shape [${shape}]`, () => {
      for (const seed of [0, 1, 2 ** 40]) {
        assert.deepEqual(nd.random(shape, { seed }).toArray(), nd.rng(seed).random(shape).toArray());
        assert.deepEqual(nd.random(shape, seed).toArray(), nd.rng(seed).random(shape).toArray());
        assert.deepEqual(nd.randn(shape, { seed }).toArray(), nd.rng(seed).standardNormal(shape).toArray());
        assert.deepEqual(nd.randn(shape, seed).toArray(), nd.rng(seed).standardNormal(shape).toArray());
      }
    });
  }
});

describe('inside nd.fuse: a stand-in reaching nd.rng or a Generator method is a FuseError', () => {
  const cases: [string, (x: NdArray) => unknown][] = [
    ['nd.rng(x)', (x) => nd.rng(x as never)],
    ['random(x)', (x) => nd.rng(1).random(x as never)],
    ['uniform(x, 1)', (x) => nd.rng(1).uniform(x.sum() as never, 1)],
    ['integers(0, x)', (x) => nd.rng(1).integers(0, x as never)],
    ['standardNormal(x)', (x) => nd.rng(1).standardNormal(x as never)],
    ['normal(x.mean(), 1, 3)', (x) => nd.rng(1).normal(x.mean() as never, 1, 3)],
    ['exponential(x)', (x) => nd.rng(1).exponential(x as never)],
    ['choice(x)', (x) => nd.rng(1).choice(x, 2)],
    ['choice(3, 2, { p: x })', (x) => nd.rng(1).choice(3, 2, { p: x })],
    ['shuffle(x)', (x) => nd.rng(1).shuffle(x)],
    ['permutation(x)', (x) => nd.rng(1).permutation(x)],
  ];
  for (const [name, f] of cases) {
    test(name, () => {
      assert.throws(() => nd.fuse((x: NdArray) => (f(x), x.add(1)))(nd.arange(3)), FuseError);
    });
  }
});
