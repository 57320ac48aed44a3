/**
 * The argument contract of the creation functions and nd.config (issue 8): NumPy's positional
 * arguments work (endpoint, seed, k, dtype), cheap NumPy options work (low/high, loc/scale),
 * and everything else — extra arguments, unknown option keys, wrong types, dtypes ndvec does
 * not have — throws a named error that names the function and the parameter. Expected values
 * come from NumPy 2.4 (python3 -c "import numpy as np; ..."), written out.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nd, NdArray, ArgumentError, DTypeError, NdvecError, ShapeError } from '../src/index.ts';

/** dtype, shape and nested values of an array, for one deepEqual. */
function summary(a: NdArray): { dtype: string; shape: readonly number[]; values: unknown } {
  return { dtype: a.dtype, shape: a.shape, values: a.toArray() };
}

describe('NumPy positional and keyword arguments that used to be ignored', () => {
  // [name, call, dtype, shape, values (NumPy)]
  const CASES: [string, () => NdArray, string, number[], unknown][] = [
    // np.linspace(0, 1, 5, False)
    ['linspace positional endpoint false', () => nd.linspace(0, 1, 5, false), 'float64', [5], [0, 0.2, 0.4, 0.6000000000000001, 0.8]],
    ['linspace { endpoint: false }', () => nd.linspace(0, 1, 5, { endpoint: false }), 'float64', [5], [0, 0.2, 0.4, 0.6000000000000001, 0.8]],
    ['linspace positional endpoint true', () => nd.linspace(0, 1, 3, true), 'float64', [3], [0, 0.5, 1]],
    // np.linspace(2, 3, 3, endpoint=False)
    ['linspace 2..3 without endpoint', () => nd.linspace(2, 3, 3, false), 'float64', [3], [2, 2.3333333333333335, 2.6666666666666665]],
    // np.logspace(0, 2, 3, False, 2)
    ['logspace positional endpoint and base', () => nd.logspace(0, 2, 3, false, 2), 'float64', [3], [1, 1.5874010519681994, 2.5198420997897464]],
    ['logspace positional base', () => nd.logspace(0, 2, 3, true, 2), 'float64', [3], [1, 2, 4]],
    ['logspace { endpoint, base }', () => nd.logspace(0, 2, 3, { endpoint: false, base: 2 }), 'float64', [3], [1, 1.5874010519681994, 2.5198420997897464]],
    // np.eye(3, 4, 1), np.eye(3, 4, -1), np.eye(4, 3, -2), np.eye(3, k=5), np.eye(2, 3, -3)
    ['eye(3, 4, 1)', () => nd.eye(3, 4, 1), 'float64', [3, 4], [[0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]],
    ['eye(3, 4, -1)', () => nd.eye(3, 4, -1), 'float64', [3, 4], [[0, 0, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0]]],
    ['eye(4, 3, -2)', () => nd.eye(4, 3, -2), 'float64', [4, 3], [[0, 0, 0], [0, 0, 0], [1, 0, 0], [0, 1, 0]]],
    ['eye(3, null, 5): k past the edge', () => nd.eye(3, null, 5), 'float64', [3, 3], [[0, 0, 0], [0, 0, 0], [0, 0, 0]]],
    ['eye(2, 3, -3)', () => nd.eye(2, 3, -3), 'float64', [2, 3], [[0, 0, 0], [0, 0, 0]]],
    ['eye(1, 1, 0)', () => nd.eye(1, 1, 0), 'float64', [1, 1], [[1]]],
    // np.eye(3, k=1), np.eye(3, 4, k=-1, dtype=bool): NumPy's keywords as a trailing options object
    ['eye(3, { k: 1 })', () => nd.eye(3, { k: 1 }), 'float64', [3, 3], [[0, 1, 0], [0, 0, 1], [0, 0, 0]]],
    ['eye(3, 4, { k: -1, dtype: bool })', () => nd.eye(3, 4, { k: -1, dtype: 'bool' }), 'bool', [3, 4], [[false, false, false, false], [true, false, false, false], [false, true, false, false]]],
    // np.arange(3, dtype=bool) is an error in NumPy 2 for length > 2; np.arange(2, dtype=bool) is [False, True]
    ['arange(2, { dtype: bool })', () => nd.arange(2, { dtype: 'bool' } as never), 'bool', [2], [false, true]],
    ['arange(0, 3, { dtype: float64 })', () => nd.arange(0, 3, { dtype: 'float64' } as never), 'float64', [3], [0, 1, 2]],
    ['eye(0, 2, 1)', () => nd.eye(0, 2, 1), 'float64', [0, 2], []],
    // np.eye(3, dtype=bool)
    ['eye(3, null, 0, bool)', () => nd.eye(3, null, 0, 'bool'), 'bool', [3, 3], [[true, false, false], [false, true, false], [false, false, true]]],
    // np.array([1, 0, nan, -0.0], dtype=bool)
    ['array(x, bool)', () => nd.array([1, 0, NaN, -0], 'bool'), 'bool', [4], [true, false, true, false]],
    ['array(x, { dtype: bool })', () => nd.array([1, 0], { dtype: 'bool' }), 'bool', [2], [true, false]],
    ['array(bools, float64)', () => nd.array([true, false], 'float64'), 'float64', [2], [1, 0]],
    ['array(NdArray, bool)', () => nd.array(nd.array([[0, 2], [3, 0]]).T, 'bool'), 'bool', [2, 2], [[false, true], [true, false]]],
    ['array(x, float64) keeps float64', () => nd.array([1.5], 'float64'), 'float64', [1], [1.5]],
    // np.zeros(2, bool), np.ones(2, bool), np.full(2, 5, bool), np.full(2, True, float)
    ['zeros(2, bool)', () => nd.zeros(2, 'bool'), 'bool', [2], [false, false]],
    ['zeros([2], float64)', () => nd.zeros([2], 'float64'), 'float64', [2], [0, 0]],
    ['ones(2, bool)', () => nd.ones(2, 'bool'), 'bool', [2], [true, true]],
    ['ones([1, 2], { dtype })', () => nd.ones([1, 2], { dtype: 'bool' }), 'bool', [1, 2], [[true, true]]],
    ['full(2, 5, bool)', () => nd.full(2, 5, 'bool'), 'bool', [2], [true, true]],
    ['full(2, NaN, bool): NaN is true', () => nd.full(2, NaN, 'bool'), 'bool', [2], [true, true]],
    ['full(2, true, float64)', () => nd.full(2, true, 'float64'), 'float64', [2], [1, 1]],
    // np.zeros_like(np.ones(2), dtype=bool), np.full_like(np.array([True, False]), 3, dtype=float)
    ['zerosLike(x, bool)', () => nd.zerosLike(nd.ones(2), 'bool'), 'bool', [2], [false, false]],
    ['onesLike(bools, float64)', () => nd.onesLike(nd.array([true]), 'float64'), 'float64', [1], [1]],
    ['fullLike(bools, 3, float64)', () => nd.fullLike(nd.array([true, false]), 3, 'float64'), 'float64', [2], [3, 3]],
    // np.arange(5, None, 2): an omitted stop makes the first argument the stop
    ['arange(5, undefined, 2)', () => nd.arange(5, undefined, 2), 'float64', [3], [0, 2, 4]],
    // np.arange(0, 5, 1, float), np.arange(2, dtype=bool)
    ['arange(0, 5, 1, float64)', () => nd.arange(0, 5, 1, 'float64'), 'float64', [5], [0, 1, 2, 3, 4]],
    ['arange(2, undefined, 1, { dtype: bool })', () => nd.arange(2, undefined, 1, { dtype: 'bool' }), 'bool', [2], [false, true]],
  ];
  for (const [name, run, dtype, shape, values] of CASES) {
    test(name, () => assert.deepEqual(summary(run()), { dtype, shape, values }));
  }

  test('linspace num defaults to 50 (np.linspace(0, 1))', () => {
    const a = nd.linspace(0, 1);
    assert.equal(a.size, 50);
    assert.deepEqual((a.toArray() as number[]).slice(0, 3), [0, 0.02040816326530612, 0.04081632653061224]);
    assert.equal(a.get(49), 1);
  });

  test('random(shape, seed): the second positional argument is the seed', () => {
    const positional = nd.random(5, 42).toArray();
    assert.deepEqual(positional, nd.random(5, { seed: 42 }).toArray());
    assert.notDeepEqual(positional, nd.random(5, 43).toArray());
    assert.deepEqual(nd.randn(5, 7).toArray(), nd.randn(5, { seed: 7 }).toArray());
    assert.notDeepEqual(nd.randn(5, 7).toArray(), nd.randn(5, 8).toArray());
  });

  test('random { low, high } is uniform(low, high): random · (high − low) + low', () => {
    const base = nd.random(1000, { seed: 3 }).toArray() as number[];
    const got = nd.random(1000, { seed: 3, low: 5, high: 6 }).toArray() as number[];
    got.forEach((v, i) => {
      assert.equal(v, base[i]! * 1 + 5);
      assert.ok(v >= 5 && v < 6, `${v} outside [5, 6)`);
    });
    const wide = nd.random(1000, { seed: 3, low: -2, high: 8 }).toArray() as number[];
    wide.forEach((v, i) => assert.equal(v, base[i]! * 10 - 2));
    // defaults are exactly the plain stream
    assert.deepEqual(nd.random(4, { seed: 3, low: 0, high: 1 }).toArray(), base.slice(0, 4));
    // low > high throws, as NumPy's uniform (ValueError: high - low < 0)
    assert.throws(() => nd.random(100, { seed: 3, low: 1, high: 0 }), ArgumentError);
  });

  test('randn { loc, scale } (and mean/std) is normal(loc, scale): loc + scale · z', () => {
    const z = nd.randn(1001, { seed: 1 }).toArray() as number[];
    const got = nd.randn(1001, { seed: 1, loc: 5, scale: 2 }).toArray() as number[];
    got.forEach((v, i) => assert.equal(v, 5 + 2 * z[i]!));
    assert.deepEqual(nd.randn(1001, { seed: 1, mean: 5, std: 2 }).toArray(), got);
    const big = nd.randn(100_000, { seed: 1, mean: 5, std: 2 });
    assert.ok(Math.abs((big.mean() as number) - 5) < 0.05, `mean ${big.mean()}`);
    assert.ok(Math.abs((big.std() as number) - 2) < 0.05, `std ${big.std()}`);
    // scale 0 gives loc everywhere
    assert.deepEqual(nd.randn(3, { seed: 1, loc: -1, scale: 0 }).toArray(), [-1, -1, -1]);
  });
});

describe('bad arguments throw named errors naming the function and parameter', () => {
  const big = 2 ** 53;
  // [description, call, error class, message pattern]
  const CASES: [string, () => unknown, new (...a: never[]) => Error, RegExp][] = [
    // a number in the dtype slot: NumPy's other shape habit
    ['zeros(2, 3)', () => nd.zeros(2, 3 as never), ArgumentError, /^zeros: dtype must be .*got number 3; for a 2-D array pass the shape as an array: zeros\(\[2, 3\]\)/],
    ['ones(2, 3)', () => nd.ones(2, 3 as never), ArgumentError, /^ones: .*ones\(\[2, 3\]\)/],
    ['zeros([2], 3)', () => nd.zeros([2], 3 as never), ArgumentError, /^zeros: dtype must be .*got number 3$/],
    // dtypes ndvec does not have
    ['zeros([2], float32)', () => nd.zeros([2], 'float32' as never), DTypeError, /^zeros: dtype must be 'float64' or 'bool' \(the dtypes ndvec has\), got string 'float32'/],
    ['array([1, 2], int32)', () => nd.array([1, 2], 'int32' as never), DTypeError, /^array: dtype must be 'float64' or 'bool'.*'int32'/],
    ['array(x, { dtype: int8 })', () => nd.array([1], { dtype: 'int8' as never }), DTypeError, /^array: .*'int8'/],
    ['full(2, 1, float32)', () => nd.full(2, 1, 'float32' as never), DTypeError, /^full: .*'float32'/],
    ['eye(2, 2, 0, int32)', () => nd.eye(2, 2, 0, 'int32' as never), DTypeError, /^eye: .*'int32'/],
    ['zerosLike(x, float32)', () => nd.zerosLike(nd.ones(2), 'float32' as never), DTypeError, /^zerosLike: .*'float32'/],
    // extra arguments
    ['array extra', () => (nd.array as (...a: unknown[]) => unknown)([1], 'float64', 1), ArgumentError, /^array: takes at most 2 arguments, got 3/],
    ['zeros extra', () => (nd.zeros as (...a: unknown[]) => unknown)([1], 'bool', 1), ArgumentError, /^zeros: takes at most 2/],
    ['full extra', () => (nd.full as (...a: unknown[]) => unknown)([1], 1, 'bool', 1), ArgumentError, /^full: takes at most 3/],
    ['linspace extra', () => (nd.linspace as (...a: unknown[]) => unknown)(0, 1, 5, false, 1), ArgumentError, /^linspace: takes at most 4/],
    ['logspace extra after options', () => (nd.logspace as (...a: unknown[]) => unknown)(0, 1, 5, {}, 2), ArgumentError, /^logspace: takes at most 4/],
    ['arange extra', () => (nd.arange as (...a: unknown[]) => unknown)(0, 1, 1, 'float64', 1), ArgumentError, /^arange: takes at most 4/],
    ['arange(0, 5, 1, int32)', () => nd.arange(0, 5, 1, 'int32' as never), DTypeError, /^arange: dtype must be 'float64' or 'bool'.*'int32'/],
    ['eye extra', () => (nd.eye as (...a: unknown[]) => unknown)(2, 2, 0, 'bool', 1), ArgumentError, /^eye: takes at most 4/],
    ['random extra', () => (nd.random as (...a: unknown[]) => unknown)(2, 1, 1), ArgumentError, /^random: takes at most 2/],
    ['randn extra', () => (nd.randn as (...a: unknown[]) => unknown)(2, 1, 1), ArgumentError, /^randn: takes at most 2/],
    ['zerosLike extra', () => (nd.zerosLike as (...a: unknown[]) => unknown)([1], 'bool', 1), ArgumentError, /^zerosLike: takes at most 2/],
    ['fullLike missing value', () => (nd.fullLike as (...a: unknown[]) => unknown)([1]), ArgumentError, /^fullLike: takes at least 2/],
    ['fromNdarray extra', () => (nd.fromNdarray as (...a: unknown[]) => unknown)({ data: [1], shape: [1], stride: [1], offset: 0 }, 1), ArgumentError, /^fromNdarray: takes at most 1/],
    // unknown option keys
    ['linspace { endpiont }', () => nd.linspace(0, 1, 3, { endpiont: false } as never), ArgumentError, /^linspace: unknown option 'endpiont' \(options: endpoint\)/],
    ['logspace { bas }', () => nd.logspace(0, 1, 3, { bas: 2 } as never), ArgumentError, /^logspace: unknown option 'bas'/],
    ['random { sead }', () => nd.random(3, { sead: 1 } as never), ArgumentError, /^random: unknown option 'sead' \(options: seed, low, high\)/],
    ['randn { sigma }', () => nd.randn(3, { sigma: 1 } as never), ArgumentError, /^randn: unknown option 'sigma'/],
    ['random { mean } is not uniform', () => nd.random(3, { mean: 1 } as never), ArgumentError, /^random: unknown option 'mean'/],
    ['zeros { dtype, order }', () => nd.zeros(2, { dtype: 'bool', order: 'C' } as never), ArgumentError, /^zeros: unknown option 'order'/],
    // wrong types and values
    ['zeros(null)', () => nd.zeros(null as never), ShapeError, /^zeros: shape must be .*got null/],
    ['zeros("3")', () => nd.zeros('3' as never), ShapeError, /^zeros: shape must be .*got string '3'/],
    ['zeros(true)', () => nd.zeros(true as never), ShapeError, /^zeros: shape must be .*got boolean true/],
    ['zeros([NaN])', () => nd.zeros([NaN]), ShapeError, /^zeros: invalid shape \[NaN\]/],
    ['ones([2, 1.5])', () => nd.ones([2, 1.5]), ShapeError, /^ones: invalid shape \[2,1.5\]/],
    ['full(-1, 0)', () => nd.full(-1, 0), ShapeError, /^full: invalid shape \[-1\]/],
    ['full([2], "x")', () => nd.full([2], 'x' as never), DTypeError, /^full: fill value must be a number or boolean, got "x"/],
    ['random(null)', () => nd.random(null as never), ShapeError, /^random: shape/],
    ['randn([2, "a"])', () => nd.randn([2, 'a'] as never), ShapeError, /^randn: invalid shape/],
    ['linspace num 2.5', () => nd.linspace(0, 1, 2.5), ArgumentError, /^linspace: num must be an integer, got number 2.5/],
    ['linspace num -1', () => nd.linspace(0, 1, -1), ArgumentError, /^linspace: num must be ≥ 0, got -1/],
    ['linspace num NaN', () => nd.linspace(0, 1, NaN), ArgumentError, /^linspace: num must be an integer, got number NaN/],
    ['linspace start string', () => nd.linspace('0' as never, 1, 3), ArgumentError, /^linspace: start must be a number, got string '0'/],
    ['linspace endpoint "false"', () => nd.linspace(0, 1, 3, 'false' as never), ArgumentError, /^linspace: endpoint must be true, false or an options object \{ endpoint \}, got string 'false'/],
    ['linspace endpoint 0', () => nd.linspace(0, 1, 3, 0 as never), ArgumentError, /^linspace: endpoint must be/],
    ['linspace { endpoint: 1 }', () => nd.linspace(0, 1, 3, { endpoint: 1 } as never), ArgumentError, /^linspace: endpoint must be true or false, got number 1/],
    ['logspace base "2"', () => nd.logspace(0, 1, 3, true, '2' as never), ArgumentError, /^logspace: base must be a number, got string '2'/],
    ['arange("5")', () => nd.arange('5' as never), ArgumentError, /^arange: stop must be a finite number, got string '5'/],
    ['arange(0, null)', () => nd.arange(0, null as never), ArgumentError, /^arange: stop must be a finite number, got null/],
    ['arange(0, 1, 0)', () => nd.arange(0, 1, 0), ArgumentError, /^arange: step must not be zero/],
    ['arange(0, Infinity)', () => nd.arange(0, Infinity), ArgumentError, /^arange: stop must be a finite number, got number Infinity/],
    ['arange(0, 1, true)', () => nd.arange(0, 1, true as never), ArgumentError, /^arange: step must be a finite number, got boolean true/],
    ['eye(2.5)', () => nd.eye(2.5), ArgumentError, /^eye: n must be an integer, got number 2.5/],
    ['eye(-1)', () => nd.eye(-1), ArgumentError, /^eye: n must be ≥ 0, got -1/],
    ['eye(2, "3")', () => nd.eye(2, '3' as never), ArgumentError, /^eye: m must be an integer, got string '3'/],
    ['eye(2, 2, 0.5)', () => nd.eye(2, 2, 0.5), ArgumentError, /^eye: k must be an integer, got number 0.5/],
    ['eye(2, 2, null)', () => nd.eye(2, 2, null as never), ArgumentError, /^eye: k must be an integer, got null/],
    ['eye k twice', () => nd.eye(3, null, 1, { k: 1 }), ArgumentError, /^eye: k given twice: as argument and as option/],
    ['eye { m }', () => nd.eye(2, { m: 3 } as never), ArgumentError, /^eye: unknown option 'm' \(options: k, dtype\)/],
    ['eye { k: 1.5 }', () => nd.eye(2, { k: 1.5 }), ArgumentError, /^eye: k must be an integer, got number 1.5/],
    ['eye { dtype: {} }', () => nd.eye(2, { dtype: {} } as never), DTypeError, /^eye: dtype must be 'float64' or 'bool'/],
    ['arange { junk }', () => nd.arange(0, 3, { junk: 1 } as never), ArgumentError, /^arange: unknown option 'junk' \(options: dtype\)/],
    ['arange options not last', () => nd.arange(0, {} as never, 1), ArgumentError, /^arange: stop must be a finite number, got object/],
    ['random(3, 1.5)', () => nd.random(3, 1.5), ArgumentError, /^random: seed must be an integer, got number 1.5/],
    ['random(3, -1)', () => nd.random(3, -1), ArgumentError, /^random: seed must be ≥ 0 and ≤ 9007199254740991, got -1/],
    ['random(3, 2^53)', () => nd.random(3, big), ArgumentError, /^random: seed must be an integer, got number 9007199254740992/],
    ['random(3, "42")', () => nd.random(3, '42' as never), ArgumentError, /^random: seed must be an integer or an options object \{ seed, low, high \}, got string '42'/],
    ['random(3, true)', () => nd.random(3, true as never), ArgumentError, /^random: seed must be/],
    ['random(3, null)', () => nd.random(3, null as never), ArgumentError, /^random: seed must be/],
    ['random { low: NaN }', () => nd.random(3, { low: NaN }), ArgumentError, /^random: low must be a finite number, got number NaN/],
    ['random { high: "1" }', () => nd.random(3, { high: '1' } as never), ArgumentError, /^random: high must be a finite number/],
    ['random range overflows', () => nd.random(3, { low: -1.7e308, high: 1.7e308 }), ArgumentError, /^random: high - low must be finite/],
    ['random { low: 1, high: 0 }', () => nd.random(3, { low: 1, high: 0 }), ArgumentError, /^random: high must be ≥ low, got low 1 and high 0$/],
    ['random { low: 0, high: -0 }', () => nd.random(3, { low: 0, high: -0 }), ArgumentError, /^random: high must be ≥ low, got low 0 and high -0$/],
    ['randn { scale: -1 }', () => nd.randn(3, { scale: -1 }), ArgumentError, /^randn: scale must be ≥ 0, got -1/],
    ['randn { std: Infinity }', () => nd.randn(3, { std: Infinity }), ArgumentError, /^randn: scale must be a finite number/],
    ['randn { loc, mean }', () => nd.randn(3, { loc: 1, mean: 1 }), ArgumentError, /^randn: mean is another name for loc: give one of them, got both/],
    ['randn { loc: null }', () => nd.randn(3, { loc: null } as never), ArgumentError, /^randn: loc must be a finite number, got null/],
    ['randn { std: null }', () => nd.randn(3, { std: null } as never), ArgumentError, /^randn: scale must be a finite number, got null/],
    ['randn { seed: "1" }', () => nd.randn(3, { seed: '1' } as never), ArgumentError, /^randn: seed must be an integer, got string '1'/],
    ['array(x, null)', () => nd.array([1], null as never), DTypeError, /^array: dtype must be .*got null/],
    ['zeros options not plain', () => nd.zeros(2, new Map() as never), ArgumentError, /^zeros: options must be an object/],
  ];
  for (const [name, run, cls, message] of CASES) {
    test(name, () =>
      assert.throws(run, (e: unknown) => {
        assert.ok(e instanceof cls, `expected ${cls.name}, got ${String(e)}`);
        assert.ok(e instanceof NdvecError);
        assert.match((e as Error).message, message);
        return true;
      }),
    );
  }

  test('an ArgumentError carries func and param', () => {
    try {
      nd.linspace(0, 1, 3, { endpoint: 'no' } as never);
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof ArgumentError);
      assert.equal(e.func, 'linspace');
      assert.equal(e.param, 'endpoint');
    }
  });

  test('a failed creation leaves no array behind', () => {
    const before = nd.info().liveBytes;
    for (const run of [() => nd.array([1, 2], 'int32' as never), () => nd.zerosLike([1, 2], 'float32' as never), () => nd.eye(2, 2, 0.5)]) {
      assert.throws(run, NdvecError);
    }
    assert.equal(nd.info().liveBytes, before);
  });
});

describe('nd.config checks its options', () => {
  const CASES: [string, unknown[], RegExp][] = [
    ["wasm: 'false'", [{ wasm: 'false' }], /^config: wasm must be true or false, got string 'false'/],
    ['wasm: 0', [{ wasm: 0 }], /^config: wasm must be true or false, got number 0/],
    ['wasm: null', [{ wasm: null }], /^config: wasm must be true or false, got null/],
    ['arenaSoftLimit: -1', [{ arenaSoftLimit: -1 }], /^config: arenaSoftLimit must be ≥ 0/],
    ['arenaSoftLimit: 1.5', [{ arenaSoftLimit: 1.5 }], /^config: arenaSoftLimit must be an integer number of bytes, got number 1.5/],
    ['arenaSoftLimit: NaN', [{ arenaSoftLimit: NaN }], /^config: arenaSoftLimit must be an integer number of bytes, got number NaN/],
    ["arenaSoftLimit: '1e6'", [{ arenaSoftLimit: '1e6' }], /^config: arenaSoftLimit must be an integer number of bytes, got string '1e6'/],
    ['unknown key', [{ wasm: true, simd: false }], /^config: unknown option 'simd' \(options: wasm, arenaSoftLimit/],
    ['a boolean instead of options', [false], /^config: options must be an object/],
    ['extra argument', [{}, {}], /^config: takes at most 1 argument, got 2/],
  ];
  for (const [name, args, message] of CASES) {
    test(name, () => {
      const before = nd.config();
      assert.throws(() => (nd.config as (...a: unknown[]) => unknown)(...args), (e: unknown) => e instanceof ArgumentError && message.test(e.message));
      assert.deepEqual(nd.config(), before, 'settings unchanged after the error');
    });
  }

  test('a bad key leaves the good ones unapplied (all checked first)', () => {
    const before = nd.config();
    assert.throws(() => nd.config({ wasm: !before.wasm, arenaSoftLimit: -5 }), ArgumentError);
    assert.deepEqual(nd.config(), before);
  });

  test('valid settings apply and are reported', () => {
    const before = nd.config();
    try {
      assert.deepEqual(nd.config({ wasm: false, arenaSoftLimit: 1024 }), { wasm: false, arenaSoftLimit: 1024, trackLeaks: false });
      assert.deepEqual(nd.config({ wasm: true }), { wasm: true, arenaSoftLimit: 1024, trackLeaks: false });
      assert.deepEqual(nd.config({ arenaSoftLimit: 0 }).arenaSoftLimit, 0);
    } finally {
      nd.config(before);
    }
    assert.deepEqual(nd.config(), before);
  });
});

describe('joining functions check their arguments', () => {
  // [name, call, shape, values (NumPy)]
  const CASES: [string, () => NdArray, number[], unknown][] = [
    // np.concatenate([np.ones((2, 2)), np.zeros(1)], axis=None)
    ['concat axis null flattens', () => nd.concat([nd.ones([2, 2]), nd.zeros(1)], null), [5], [1, 1, 1, 1, 0]],
    // np.concatenate([a.T, [[5, 6]]], axis=None): C order of each, a view included
    ['concat axis null of a transposed view', () => nd.concat([nd.array([[1, 2], [3, 4]]).T, nd.array([[5, 6]])], null), [6], [1, 3, 2, 4, 5, 6]],
    // np.concatenate([[1, 2], [3]])
    ['concat of plain data', () => nd.concat([[1, 2], [3]]), [3], [1, 2, 3]],
    // np.stack([[1, 2], [3, 4]], axis=-1)
    ['stack of plain data, axis -1', () => nd.stack([[1, 2], [3, 4]], -1), [2, 2], [[1, 3], [2, 4]]],
    // np.vstack([[1, 2], np.array([[3, 4]])])
    ['vstack mixing data and arrays', () => nd.vstack([[1, 2], nd.array([[3, 4]])]), [2, 2], [[1, 2], [3, 4]]],
    ['hstack of plain data', () => nd.hstack([[1], [2, 3]]), [3], [1, 2, 3]],
    ['columnStack of plain data', () => nd.columnStack([[1, 2], [3, 4]]), [2, 2], [[1, 3], [2, 4]]],
  ];
  for (const [name, run, shape, values] of CASES) {
    test(name, () => assert.deepEqual({ shape: run().shape, values: run().toArray() }, { shape, values }));
  }

  const ERRORS: [string, () => unknown, RegExp][] = [
    ['concat of one array (not a list)', () => nd.concat(nd.ones(2) as never), /^concat: arrays must be a JS array of arrays, got NdArray float64 \[2\]/],
    ['concat axis string', () => nd.concat([nd.ones(2), nd.ones(2)], '0' as never), /^concat: axis must be an integer or null, got string '0'/],
    ['concat axis 0.5', () => nd.concat([nd.ones(2), nd.ones(2)], 0.5), /^concat: axis must be an integer or null, got number 0.5/],
    ['concat extra argument', () => (nd.concat as (...a: unknown[]) => unknown)([nd.ones(2)], 0, 1), /^concat: takes at most 2 arguments, got 3/],
    ['concat undefined entry', () => nd.concat([nd.ones(2), undefined] as never), /^concat: arrays\[1\] must be an array, got undefined/],
    ['stack axis true', () => nd.stack([nd.ones(2)], true as never), /^stack: axis must be an integer, got boolean true/],
    ['stack axis null', () => nd.stack([nd.ones(2)], null as never), /^stack: axis must be an integer, got null/],
    ['hstack null', () => nd.hstack(null as never), /^hstack: arrays must be a JS array of arrays, got null/],
    ['vstack extra argument', () => (nd.vstack as (...a: unknown[]) => unknown)([nd.ones(2)], 0), /^vstack: takes at most 1 argument, got 2/],
    ['columnStack string', () => nd.columnStack('ab' as never), /^columnStack: arrays must be a JS array/],
  ];
  for (const [name, run, message] of ERRORS) {
    test(name, () => assert.throws(run, (e: unknown) => e instanceof ArgumentError && message.test(e.message)));
  }

  test('temporaries made from plain data are freed, also when the join throws', () => {
    const before = nd.info().liveBytes;
    nd.concat([[1, 2], [3]]).dispose();
    const square = nd.ones([2, 2]);
    nd.concat([square.T, [5]], null).dispose();
    square.dispose();
    assert.throws(() => nd.concat([[1, 2], [[3]]]), NdvecError); // ndim mismatch after conversion
    assert.throws(() => nd.stack([[1, 2], [3]]), ShapeError);
    assert.equal(nd.info().liveBytes, before);
  });
});

describe('runtime functions check their arguments', () => {
  const CASES: [string, () => unknown, RegExp][] = [
    ['info(1)', () => (nd.info as (...a: unknown[]) => unknown)(1), /^info: takes at most 0 arguments, got 1/],
    ['ready(1)', () => (nd.ready as (...a: unknown[]) => unknown)(1), /^ready: takes at most 0 arguments, got 1/],
    ['scope()', () => (nd.scope as (...a: unknown[]) => unknown)(), /^scope: takes at least 1 argument, got 0/],
    ['scope(1)', () => nd.scope(1 as never), /^scope: fn must be a function, got number 1/],
    ['scope(fn, 1)', () => (nd.scope as (...a: unknown[]) => unknown)(() => 1, 1), /^scope: takes at most 1 argument, got 2/],
  ];
  for (const [name, run, message] of CASES) {
    test(name, () => assert.throws(run, (e: unknown) => e instanceof ArgumentError && message.test(e.message)));
  }
  test('a refused scope opens nothing: later arrays are not freed by it', () => {
    assert.throws(() => nd.scope(null as never), ArgumentError);
    const a = nd.ones(3);
    assert.equal(a.sum(), 3);
  });
});

describe('shape arguments are checked by their length before anything is copied', () => {
  // np.zeros([1] * 65): ValueError: maximum supported dimension for an ndarray is currently 64, found 65
  const CASES: [string, () => unknown, RegExp][] = [
    ['zeros of a sparse 2^27-entry array (used to abort the process: heap out of memory)', () => nd.zeros(new Array(2 ** 27)), /^zeros: shape has 134217728 entries; arrays have at most 64 dimensions/],
    ['random of a 2^30-entry array', () => nd.random(new Array(2 ** 30), 1), /^random: shape has 1073741824 entries/],
    ['zeros with 65 dimensions (NumPy: at most 64)', () => nd.zeros(new Array(65).fill(1)), /^zeros: shape has 65 entries; arrays have at most 64 dimensions/],
    ['a hole in a shape', () => nd.ones([1, , 2] as number[]), /^ones: invalid shape \[1,undefined,2\]: entries must be non-negative integers, got undefined/],
    ['fromNdarray with a sparse shape', () => nd.fromNdarray({ data: [1], shape: new Array(2 ** 27), stride: [], offset: 0 }), /^fromNdarray: shape has 134217728 entries/],
    ['broadcastTo a sparse shape', () => nd.zeros(2).broadcastTo(new Array(2 ** 27)), /^broadcastTo: shape has 134217728 entries/],
  ];
  for (const [name, run, message] of CASES) {
    test(name, () => assert.throws(run, (e: unknown) => e instanceof ShapeError && message.test(e.message)));
  }
  test('64 dimensions are fine', () => {
    assert.equal(nd.ones(new Array(64).fill(1)).ndim, 64);
  });
});

describe('toNpz refuses objects it cannot read (found by the junk test)', () => {
  for (const [name, value] of [
    ['a Map (used to give an empty archive)', new Map([['a', nd.ones(2)]])],
    ['a Date (used to give an empty archive)', new Date(0)],
    ['null', null],
  ] as const) {
    test(name, () =>
      assert.throws(() => nd.toNpz(value as never), (e: unknown) => e instanceof ArgumentError && /^toNpz: arrays must be an object of NdArrays by name/.test(e.message)),
    );
  }
  test('a plain object still works', () => {
    const bytes = nd.toNpz({ a: nd.arange(3) });
    assert.deepEqual(nd.fromNpz(bytes).a!.toArray(), [0, 1, 2]);
  });
});
