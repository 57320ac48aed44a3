/**
 * The argument contract of the NdArray methods and the nd.* functions (issue 8, "Silent wrong
 * answers" and "The rule"): extra arguments, unknown option keys and wrong types throw named
 * errors; NumPy's positional forms (out, ddof, rtol/atol, side, reshape(3, 2), round(decimals))
 * work. Expected values: NumPy 2.4.6 (python3), written out.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nd, NdArray, ArgumentError, DTypeError, IndexError, ShapeError, NdvecError } from '../src/index.ts';

/** Element-wise equality with NaN equal and -0 distinct from 0. */
function assertSame(actual: unknown, expected: unknown, label = ''): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${label}: expected an array`);
    assert.equal(actual.length, expected.length, label);
    expected.forEach((e, i) => assertSame((actual as unknown[])[i], e, `${label}[${i}]`));
    return;
  }
  assert.ok(Object.is(actual, expected), `${label}: got ${String(actual)}${Object.is(actual, -0) ? ' (-0)' : ''}, expected ${String(expected)}${Object.is(expected, -0) ? ' (-0)' : ''}`);
}

function throwsArg(fn: () => unknown, message: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof ArgumentError && message.test(e.message));
}

// ---- round(decimals): np.round(xs, d) ------------------------------------------------------------

const ROUND_XS = [2.675, 0.5, 1.5, 2.5, -0.5, -2.5, 1234.5, 1.005, 0.125, 0.375, -1.235, 1e-9, 123456.789, 1e300, -0, NaN, Infinity, -Infinity, 0.285, 1.45, 2.345, 5.015, 1.0000000000000002e+16, 4.5e-7, -0.04, 0.049999999999999996];
const ROUND_EXPECTED: [number, number[]][] = [
  [0, [3, 0, 2, 2, -0, -2, 1234, 1, 0, 0, -1, 0, 123457, 1e+300, -0, NaN, Infinity, -Infinity, 0, 1, 2, 5, 1.0000000000000002e+16, 0, -0, 0]],
  [1, [2.7, 0.5, 1.5, 2.5, -0.5, -2.5, 1234.5, 1, 0.1, 0.4, -1.2, 0, 123456.8, 1e+300, -0, NaN, Infinity, -Infinity, 0.3, 1.4, 2.3, 5, 1.0000000000000002e+16, 0, -0, 0]],
  [2, [2.68, 0.5, 1.5, 2.5, -0.5, -2.5, 1234.5, 1, 0.12, 0.38, -1.24, 0, 123456.79, 1e+300, -0, NaN, Infinity, -Infinity, 0.28, 1.45, 2.35, 5.01, 1.0000000000000002e+16, 0, -0.04, 0.05]],
  [3, [2.675, 0.5, 1.5, 2.5, -0.5, -2.5, 1234.5, 1.005, 0.125, 0.375, -1.235, 0, 123456.789, 1e+300, -0, NaN, Infinity, -Infinity, 0.285, 1.45, 2.345, 5.015, 1.0000000000000002e+16, 0, -0.04, 0.05]],
  [-1, [0, 0, 0, 0, -0, -0, 1230, 0, 0, 0, -0, 0, 123460, 1e+300, -0, NaN, Infinity, -Infinity, 0, 0, 0, 10, 1e+16, 0, -0, 0]],
  [-2, [0, 0, 0, 0, -0, -0, 1200, 0, 0, 0, -0, 0, 123500, 1e+300, -0, NaN, Infinity, -Infinity, 0, 0, 0, 0, 1e+16, 0, -0, 0]],
  [5, [2.675, 0.5, 1.5, 2.5, -0.5, -2.5, 1234.5, 1.005, 0.125, 0.375, -1.235, 0, 123456.789, 1.0000000000000002e+300, -0, NaN, Infinity, -Infinity, 0.285, 1.45, 2.345, 5.015, 1.0000000000000002e+16, 0, -0.04, 0.05]],
  [10, [2.675, 0.5, 1.5, 2.5, -0.5, -2.5, 1234.5, 1.005, 0.125, 0.375, -1.235, 1e-09, 123456.789, Infinity, -0, NaN, Infinity, -Infinity, 0.285, 1.45, 2.345, 5.015, 1.0000000000000002e+16, 4.5e-07, -0.04, 0.05]],
  [22, [2.675, 0.5, 1.5, 2.5, -0.5, -2.5, 1234.5, 1.005, 0.125, 0.375, -1.235, 1e-09, 123456.789, Infinity, -0, NaN, Infinity, -Infinity, 0.285, 1.45, 2.345, 5.015, 1.0000000000000002e+16, 4.5e-07, -0.04, 0.049999999999999996]],
  [23, [2.675, 0.5, 1.5, 2.5, -0.5, -2.5, 1234.5, 1.005, 0.125, 0.375, -1.235, 1e-09, 123456.789, Infinity, -0, NaN, Infinity, -Infinity, 0.285, 1.45, 2.345, 5.015, 1.0000000000000002e+16, 4.5e-07, -0.04, 0.049999999999999996]],
  [-3, [0, 0, 0, 0, -0, -0, 1000, 0, 0, 0, -0, 0, 123000, 1e+300, -0, NaN, Infinity, -Infinity, 0, 0, 0, 0, 1e+16, 0, -0, 0]],
];

describe('round(decimals): NumPy algorithm and results', () => {
  for (const [d, expected] of ROUND_EXPECTED) {
    test(`round(${d})`, () => {
      assertSame(nd.array(ROUND_XS).round(d).toArray(), expected, `method d=${d}`);
      assertSame(nd.round(nd.array(ROUND_XS), d).toArray(), expected, `nd.round d=${d}`);
      // a reversed (negative-stride) view, and positional out
      const rev = nd.array([...ROUND_XS].reverse()).flip();
      const out = nd.zeros([ROUND_XS.length]);
      assert.equal(rev.round(d, out), out);
      assertSame(out.toArray(), expected, `view + out d=${d}`);
    });
  }
  test('np.round(2.675, 2) == 2.68, np.round(0.5) == 0, np.round(1234.5, -1) == 1230', () => {
    assertSame(nd.array([2.675]).round(2).toArray(), [2.68]);
    assertSame(nd.array([0.5]).round().toArray(), [0]);
    assertSame(nd.array([1234.5]).round(-1).toArray(), [1230]);
  });
  test('huge decimals overflow as NumPy: round(1.5, 400) NaN, round(1.5, -400) NaN, round(1e308, 1) inf, round(123, -308) 0', () => {
    assertSame([nd.array([1.5]).round(400).getNumber(0), nd.array([1.5]).round(-400).getNumber(0), nd.array([1e308]).round(1).getNumber(0), nd.array([123]).round(-308).getNumber(0)], [NaN, NaN, Infinity, 0]);
  });
  test('sizes around the SIMD width, size 0 and 1, bool input, { out } and nd.round(a, d, out)', () => {
    for (const n of [0, 1, 2, 3, 5, 17]) {
      const xs = Array.from({ length: n }, (_, i) => i + 0.26); // no ties: Math.round agrees
      assertSame(nd.array(xs).round(1).toArray(), xs.map((x) => Math.round(x * 10) / 10));
    }
    assertSame(nd.array([true, false]).round(2).toArray(), [1, 0]);
    const out = nd.zeros([2]);
    assert.equal(nd.round(nd.array([1.25, 1.35]), 1, out), out);
    assertSame(out.toArray(), [1.2, 1.4]);
    nd.array([2.5, 3.5]).round({ out }); // the old options-only form stays
    assertSame(out.toArray(), [2, 4]);
  });
  test('bad decimals throw ArgumentError, nothing written', () => {
    const out = nd.zeros([1]);
    throwsArg(() => nd.array([1]).round('2' as never, out), /round: decimals must be an integer, got string '2'/);
    throwsArg(() => nd.array([1]).round(1.5), /round: decimals must be an integer, got number 1\.5/);
    throwsArg(() => nd.array([1]).round(1, { outt: out } as never), /round: unknown option 'outt'/);
    assertSame(out.toArray(), [0]);
  });
});

// ---- extra positional arguments -------------------------------------------------------------------

/** Method name -> the most arguments it takes (fixed-arity methods only). */
const METHOD_MAX: Record<string, number> = {
  ravel: 0, flatten: 0, copy: 0, toArray: 0, toFloat64Array: 0, toString: 0, count: 0, nonzero: 0, argwhere: 0, unique: 0,
  squeeze: 1, expandDims: 1, broadcastTo: 1, astype: 1, toNdarray: 1, where: 1, fill: 1, dot: 1, sort: 1, argsort: 1,
  flip: 1, cumsum: 1, cumprod: 1,
  setWhere: 2, diff: 2, repeat: 2, searchsorted: 2, arrayEqual: 2, round: 2, median: 2, ptp: 2, average: 2, argmin: 2, argmax: 2,
  clip: 3, quantile: 3, percentile: 3, isclose: 4, allclose: 4,
};
for (const n of ['add', 'sub', 'mul', 'div', 'pow', 'mod', 'maximum', 'minimum', 'atan2', 'hypot', 'gt', 'ge', 'lt', 'le', 'eq', 'ne', 'and', 'or', 'xor']) METHOD_MAX[n] = 2;
for (const n of ['neg', 'abs', 'sqrt', 'cbrt', 'square', 'reciprocal', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'floor', 'ceil', 'trunc', 'sign', 'isnan', 'isfinite', 'isinf', 'not']) METHOD_MAX[n] = 1;
for (const n of ['sum', 'prod', 'mean', 'min', 'max', 'std', 'var', 'any', 'all', 'nansum', 'nanmean', 'nanmin', 'nanmax']) METHOD_MAX[n] = 2;

describe('an argument beyond the last one throws ArgumentError (methods and nd.*)', () => {
  for (const [name, max] of Object.entries(METHOD_MAX)) {
    test(`a.${name} with ${max + 1} arguments; nd.${name} with ${max + 2}`, () => {
      const a = nd.array([1, 2, 3]);
      const extra = [...new Array<unknown>(max).fill(undefined), 7];
      const method = (a as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
      throwsArg(() => method.apply(a, extra), new RegExp(`^${name}: takes at most ${max} arguments?, got ${max + 1} \\(argument ${max + 1} is number 7\\)`));
      const fn = (nd as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>)[name];
      if (name in { toArray: 1, toFloat64Array: 1, toString: 1, astype: 1, toNdarray: 1, where: 1, isclose: 1, allclose: 1 } || fn === undefined) return;
      throwsArg(() => fn(a, ...extra), new RegExp(`^${name}: takes at most ${max + 1} arguments?, got ${max + 2}`));
    });
  }
  test('the ones named in the issue: nd.add(a, 1, out, 1), a.sum(0, {}, 1), nd.isclose(a, b, 1, 1, true, 1)', () => {
    const a = nd.array([1, 2]);
    throwsArg(() => (nd.add as (...args: unknown[]) => unknown)(a, 1, nd.zeros([2]), 1), /^add: takes at most 3 arguments, got 4/);
    throwsArg(() => (a.sum as (...args: unknown[]) => unknown).call(a, 0, {}, 1), /^sum: takes at most 2 arguments, got 3/);
    throwsArg(() => (nd.isclose as (...args: unknown[]) => unknown)(a, a, 1, 1, true, 1), /^isclose: takes at most 5 arguments, got 6/);
    throwsArg(() => (nd.where as (...args: unknown[]) => unknown)(a.gt(1), 1, 0, undefined, 1), /^where: takes at most 4 arguments, got 5/);
    throwsArg(() => (nd.add as (...args: unknown[]) => unknown)(a), /^add: takes at least 2 arguments, got 1/);
    throwsArg(() => (nd.compress as (...args: unknown[]) => unknown)(a, a.gt(1), 1), /^compress: takes at most 2 arguments, got 3/);
    throwsArg(() => (nd.matmul as (...args: unknown[]) => unknown)(a), /^matmul: takes at least 2 arguments, got 1/);
    assert.equal(nd.compress.name, 'compress');
    throwsArg(() => (a.astype as (...args: unknown[]) => unknown).call(a), /^astype: takes at least 1 argument, got 0/);
  });
  test('explicit undefined within the count means omitted', () => {
    const a = nd.array([[1, 2], [3, 4]]);
    assert.equal(a.sum(undefined, undefined), 10);
    assert.deepEqual(a.add(1, undefined).toArray(), [[2, 3], [4, 5]]);
    assert.deepEqual(nd.sqrt(nd.array([4]), undefined).toArray(), [2]);
    assert.deepEqual(a.add(1, { out: undefined }).toArray(), [[2, 3], [4, 5]]);
    const out = Object.assign(Object.create(null) as { out?: NdArray }, { out: nd.zeros([2, 2]) });
    assert.equal(a.add(1, out), out.out);
  });
});

// ---- unknown option keys and wrong types -------------------------------------------------------------

describe('unknown option keys and wrong types throw named errors that name function, parameter and value', () => {
  const a = nd.array([[1, 2, 3], [4, 5, 6]]);
  const cases: [string, () => unknown, new (...args: never[]) => Error, RegExp][] = [
    ['keepdim typo', () => a.sum(0, { keepdim: true } as never), ArgumentError, /^sum: unknown option 'keepdim' \(options: keepdims, out\)/],
    ['std option typo', () => a.std(0, { ddof: 1, dof: 1 } as never), ArgumentError, /^std: unknown option 'dof' \(options: keepdims, out, ddof\)/],
    ['out typo', () => a.add(1, { outt: a } as never), ArgumentError, /^add: unknown option 'outt' \(options: out\)/],
    ['median out (not supported)', () => a.median(0, { out: nd.zeros([3]) } as never), ArgumentError, /^median: unknown option 'out'/],
    ['argmax out a string', () => a.argmax(0, { out: 'x' } as never), ArgumentError, /^argmax: out must be an NdArray, got string 'x'/],
    ['isclose option typo', () => nd.isclose(a, a, { rtol: 1, tol: 1 } as never), ArgumentError, /^isclose: unknown option 'tol'/],
    ['searchsorted option typo', () => nd.array([1, 2]).searchsorted(1, { sid: 'left' } as never), ArgumentError, /^searchsorted: unknown option 'sid'/],
    ['arrayEqual option typo', () => a.arrayEqual(a, { equal_nan: true } as never), ArgumentError, /^arrayEqual: unknown option 'equal_nan'/],
    ['average option typo', () => a.average(0, { weight: a } as never), ArgumentError, /^average: unknown option 'weight'/],
    ['options a string', () => a.mean(0, 'keepdims' as never), ArgumentError, /^mean: options must be an object with keys keepdims, out, got string 'keepdims'/],
    ['keepdims "yes"', () => a.sum(0, { keepdims: 'yes' } as never), ArgumentError, /^sum: keepdims must be true or false, got string 'yes'/],
    ['string axis', () => a.sum('0' as never), ArgumentError, /^sum: axis must be an integer, an array of integers or null, got string '0'/],
    ['true as an axis', () => a.mean(true as never), ArgumentError, /^mean: axis must be an integer, an array of integers or null, got boolean true/],
    ['axis list holding a string', () => a.max([0, '1'] as never), ArgumentError, /^max: axis must be an integer or an array of integers, got an array holding string '1'/],
    ['argmin axis list', () => a.argmin([0] as never), ArgumentError, /^argmin: axis must be an integer or null, got array of length 1/],
    ['cumsum float axis', () => a.cumsum(0.5), ArgumentError, /^cumsum: axis must be an integer or null, got number 0\.5/],
    ['sort string axis', () => a.sort('0' as never), ArgumentError, /^sort: axis must be an integer or null, got string '0'/],
    ['flip string axis', () => a.flip('0' as never), ArgumentError, /^flip: axis must be/],
    ['squeeze true', () => a.squeeze(true as never), ArgumentError, /^squeeze: axis must be/],
    ['expandDims "0"', () => a.expandDims('0' as never), ArgumentError, /^expandDims: axis must be an integer, got string '0'/],
    ['transpose "1"', () => a.transpose('1' as never, 0), ArgumentError, /^transpose: axes must be an integer, got string '1'/],
    ['diff n 1.5', () => a.diff(1.5), ArgumentError, /^diff: n must be an integer, got number 1\.5/],
    ['diff n -1', () => a.diff(-1), ArgumentError, /^diff: n must be ≥ 0, got -1/],
    ['ddof a string', () => a.var(0, { ddof: '1' } as never), ArgumentError, /^var: ddof must be a finite number, got string '1'/],
    ['operand a string', () => a.add('1' as never), ArgumentError, /^add: the other operand must be an NdArray or a number, got string '1'/],
    ['operand an array literal', () => a.mul([1, 2, 3] as never), ArgumentError, /^mul: the other operand must be an NdArray or a number, got array of length 3/],
    ['out a plain array', () => a.add(1, { out: [1, 2] } as never), ArgumentError, /^add: out must be an NdArray, got array of length 2/],
    ['out beside an unknown key', () => a.add(1, { out: nd.zeros([2, 3]), where: true } as never), ArgumentError, /^add: unknown option 'where' \(options: out\)/],
    ['options a Map', () => a.sqrt(new Map() as never), ArgumentError, /^sqrt: options must be an object with keys out, got object \[object Map\]/],
    ['reduction out a Float64Array', () => a.sum(0, { out: new Float64Array(3) } as never), ArgumentError, /^sum: out must be an NdArray, got Float64Array of length 3/],
    ['float index in get', () => a.get(0.5, 0), ArgumentError, /^get: index 0 must be an integer, got number 0\.5/],
    ['string index in get', () => a.get('1' as never, 0), ArgumentError, /^get: index 0 must be an integer, got string '1'/],
    ['float index in set', () => a.set(0, 1.5, 9), ArgumentError, /^set: index 1 must be an integer, got number 1\.5/],
    ['arrayEqual with plain data', () => a.arrayEqual([1, 2] as never), ArgumentError, /^arrayEqual: b must be an NdArray, got array of length 2/],
    ['dot with plain data', () => a.dot([1, 2, 3] as never), ArgumentError, /^dot: other must be an NdArray, got array of length 3/],
    ['isclose operand a string', () => nd.isclose(a, 'x' as never), ArgumentError, /^isclose: b must be an NdArray or a number, got string 'x'/],
    ['isclose rtol a string', () => a.isclose(a, '1e-3' as never), ArgumentError, /^isclose: rtol must be a number/],
    ['isclose equalNan 1', () => a.isclose(a, 1e-5, 1e-8, 1 as never), ArgumentError, /^isclose: equalNan must be true or false, got number 1/],
    ['searchsorted side middle', () => nd.array([1, 2]).searchsorted(1, 'middle' as never), ArgumentError, /^searchsorted: side must be one of 'left', 'right', got string 'middle'/],
    ['searchsorted v a string', () => nd.array([1, 2]).searchsorted('1' as never), ArgumentError, /^searchsorted: v must be a number, an NdArray or an array of numbers, got string '1'/],
    ['toNdarray factory a string', () => a.toNdarray('ndarray' as never), ArgumentError, /^toNdarray: factory must be/],
    ['slice spec holding a bigint', () => a.slice([1n, 2] as never), IndexError, /^invalid slice spec \[bigint 1n,2\]: bounds must be integers or null/],
    ['null shape in reshape', () => a.reshape(null as never), ShapeError, /^reshape: shape must be a non-negative integer or an array of them, got null/],
    ['string size in reshape', () => a.reshape(3, '2' as never), ShapeError, /^reshape: invalid shape \[3,string '2'\]/],
    ['null shape in broadcastTo', () => a.broadcastTo(null as never), ShapeError, /^broadcastTo: shape must be a non-negative integer or an array of them, got null/],
    ['astype int32', () => a.astype('int32' as never), DTypeError, /^astype: dtype must be 'float64' or 'bool' \(the dtypes ndvec has\), got string 'int32'/],
    ['astype float32', () => a.astype('float32' as never), DTypeError, /got string 'float32'/],
  ];
  for (const [name, fn, cls, message] of cases) {
    test(name, () => {
      const before = a.toArray();
      assert.throws(fn, (e: unknown) => e instanceof cls && e instanceof NdvecError && message.test((e as Error).message));
      assert.deepEqual(a.toArray(), before);
    });
  }
  test('an out-of-range index is still IndexError', () => {
    assert.throws(() => a.get(2, 0), IndexError);
  });
});

// ---- NumPy's positional forms ----------------------------------------------------------------------

describe('NumPy positional arguments do what NumPy does', () => {
  test('positional out: a.add(b, out), nd.add(a, 1, out), a.sqrt(out), nd.sqrt(a, out), clip, nd.where', () => {
    const a = nd.array([1, 4, 9]);
    const out = nd.zeros([3]);
    assert.equal(a.add(a, out), out);
    assert.deepEqual(out.toArray(), [2, 8, 18]);
    assert.equal(nd.add(a, 1, out), out);
    assert.deepEqual(out.toArray(), [2, 5, 10]);
    assert.equal(nd.sub(10, a, out), out);
    assert.deepEqual(out.toArray(), [9, 6, 1]);
    assert.equal(a.sqrt(out), out);
    assert.deepEqual(out.toArray(), [1, 2, 3]);
    assert.equal(nd.sqrt(a, out), out);
    assert.deepEqual(out.toArray(), [1, 2, 3]);
    assert.equal(a.clip(2, 5, out), out);
    assert.deepEqual(out.toArray(), [2, 4, 5]);
    assert.equal(nd.where(a.gt(2), a, 0, out), out);
    assert.deepEqual(out.toArray(), [0, 4, 9]);
    const mask = nd.zeros([3]).astype('bool');
    assert.equal(a.gt(2, mask), mask);
    assert.deepEqual(mask.toArray(), [false, true, true]);
  });
  test('reductions: a.sum(0, out), a.sum(0, { out }), nd.mean(a, null, out0d), a.std(0, { ddof: 1, out }), a.argmax(1, out)', () => {
    const a = nd.array([[1, 2, 3], [4, 5, 9]]);
    const out = nd.zeros([3]);
    assert.equal(a.sum(0, out), out);
    assert.deepEqual(out.toArray(), [5, 7, 12]);
    assert.equal(a.max(0, { out }), out);
    assert.deepEqual(out.toArray(), [4, 5, 9]);
    assert.equal(a.std(0, { ddof: 1, out }), out);
    assert.deepEqual(out.toArray(), [2.1213203435596424, 2.1213203435596424, 4.242640687119285]);
    const out0 = nd.zeros([]);
    assert.equal(nd.mean(a, null, out0), out0);
    assert.equal(out0.toArray(), 4);
    const idx = nd.zeros([2]);
    assert.equal(a.argmax(1, idx), idx);
    assert.deepEqual(idx.toArray(), [2, 2]);
    assert.throws(() => a.sum(0, nd.zeros([2])), ShapeError);
  });
  test('a.std(0, 1) / a.var(1, 1): a number in the options slot is ddof', () => {
    const a = nd.array([[1, 2, 3], [4, 5, 9]]);
    // np.std(a, 0, ddof=1), np.var(a, 1, ddof=1), np.std([1, 2, 3, 4.5], ddof=1)
    assert.deepEqual(a.std(0, 1).toArray(), [2.1213203435596424, 2.1213203435596424, 4.242640687119285]);
    assert.deepEqual(a.var(1, 1).toArray(), [1, 7]);
    assert.deepEqual(nd.var(a, 1, 1).toArray(), [1, 7]);
    assert.equal(nd.std([1, 2, 3, 4.5], null, 1), 1.4930394055974097);
    assert.equal(nd.array([1, 2, 3, 4.5]).std(null, { ddof: 1 }), 1.4930394055974097);
    throwsArg(() => a.std(0, NaN), /^std: ddof must be a finite number, got number NaN/);
  });
  test('a.isclose(b, 1e-3) and nd.isclose(a, b, rtol, atol, equalNan)', () => {
    const a = nd.array([1, 1.001, 1.1]);
    const b = nd.array([1, 1, 1]);
    // np.isclose([1, 1.001, 1.1], [1, 1, 1], 1e-3)
    assert.deepEqual(a.isclose(b, 1e-3).toArray(), [true, true, false]);
    assert.deepEqual(a.isclose(b).toArray(), [true, false, false]);
    assert.equal(a.allclose(b, 0.2), true);
    assert.equal(nd.allclose(a, b, 0.05), false);
    // np.isclose([1, 1.001, nan], [1, 1, nan], 0, 0.01, True)
    assert.deepEqual(nd.isclose(nd.array([1, 1.001, NaN]), nd.array([1, 1, NaN]), 0, 0.01, true).toArray(), [true, true, true]);
    assert.deepEqual(nd.isclose(nd.array([1, 1.001, NaN]), nd.array([1, 1, NaN]), 0, 0.01).toArray(), [true, true, false]);
  });
  test('isclose with infinite tolerances as NumPy 2: (|x-y| <= atol + rtol|y| and y finite) or x == y', () => {
    // [x, y, np.isclose(x, y, atol=inf), same with equal_nan=True, np.isclose(x, y, rtol=inf), np.isclose(x, y)]
    const rows: [number, number, boolean, boolean, boolean, boolean][] = [
      [Infinity, 5, true, true, true, false],
      [5, Infinity, false, false, false, false],
      [Infinity, Infinity, true, true, true, true],
      [Infinity, -Infinity, false, false, false, false],
      [-Infinity, 5, true, true, true, false],
      [NaN, 5, false, false, false, false],
      [5, NaN, false, false, false, false],
      [NaN, NaN, false, true, false, false],
      [Infinity, NaN, false, false, false, false],
      [1e308, -1e308, true, true, true, false],
      [0, 0, true, true, true, true],
    ];
    const x = nd.array(rows.map((r) => r[0]));
    const y = nd.array(rows.map((r) => r[1]));
    assert.deepEqual(x.isclose(y, { atol: Infinity }).toArray(), rows.map((r) => r[2]));
    assert.deepEqual(x.isclose(y, { atol: Infinity, equalNan: true }).toArray(), rows.map((r) => r[3]));
    assert.deepEqual(x.isclose(y, Infinity).toArray(), rows.map((r) => r[4]));
    assert.deepEqual(x.isclose(y).toArray(), rows.map((r) => r[5]));
    assert.equal(nd.allclose(Infinity, 5, { atol: Infinity }), true);
  });
  test("a.searchsorted(2, 'right')", () => {
    const a = nd.array([1, 2, 2, 3]);
    assert.equal(a.searchsorted(2, 'right'), 3); // np.searchsorted([1, 2, 2, 3], 2, 'right')
    assert.equal(a.searchsorted(2, 'left'), 1);
    assert.equal(nd.searchsorted(a, 2, 'right'), 3);
    assert.deepEqual(a.searchsorted(nd.array([2, 4]), 'right').toArray(), [3, 4]);
  });
  test('reshape(3, 2) as well as reshape([3, 2]); transpose([1, 0]) as well as transpose(1, 0)', () => {
    const a = nd.arange(6);
    assert.deepEqual(a.reshape(3, 2).shape, [3, 2]);
    assert.deepEqual(a.reshape(-1, 3).shape, [2, 3]);
    assert.deepEqual(a.reshape([3, 2]).shape, [3, 2]);
    assert.deepEqual(a.reshape(6).shape, [6]);
    assert.deepEqual(nd.reshape(a, 2, 3).toArray(), [[0, 1, 2], [3, 4, 5]]);
    assert.deepEqual(nd.reshape([1, 2, 3, 4], [2, 2]).toArray(), [[1, 2], [3, 4]]);
    const m = a.reshape(2, 3);
    assert.deepEqual(m.transpose([1, 0]).shape, [3, 2]);
    assert.deepEqual(nd.transpose(m, [1, 0]).shape, [3, 2]);
    assert.deepEqual(nd.transpose(m, 1, 0).shape, [3, 2]);
    throwsArg(() => a.reshape(), /^reshape: takes a shape/);
  });
});

// ---- values NumPy users expect -----------------------------------------------------------------------

describe('set, getNumber/getBool, reduction result kinds', () => {
  test('set(i, NaN) on a bool array stores true (NumPy: bool(nan) is True); 0 and -0 store false', () => {
    const b = nd.array([false, false, true, true]);
    b.set(0, NaN).set(1, 0.5).set(2, -0).set(3, 0);
    assert.deepEqual(b.toArray(), [true, true, false, false]);
    assert.deepEqual(nd.zeros([1]).astype('bool').fill(NaN).toArray(), [true]); // same as fill
  });
  test('getNumber and getBool read without casts and refuse the other dtype', () => {
    const a = nd.array([[1.5, 2], [3, -0]]);
    assert.equal(a.getNumber(1, 0), 3);
    assert.ok(Object.is(a.getNumber(1, -1), -0));
    assert.equal(a.gt(2).getBool(1, 0), true);
    assert.throws(() => a.getBool(0, 0), (e: unknown) => e instanceof DTypeError && /getBool: the array is float64; use getNumber/.test((e as Error).message));
    assert.throws(() => a.gt(1).getNumber(0, 0), (e: unknown) => e instanceof DTypeError && /getNumber: the array is bool; use getBool/.test((e as Error).message));
    assert.throws(() => a.getNumber(0), IndexError);
    throwsArg(() => a.getNumber(0, 0.5), /^getNumber: index 1 must be an integer, got number 0\.5/);
  });
  test('no axis: a number (boolean for any/all); an axis named: an array, 0-d when it covers every axis', () => {
    const v = nd.array([1, 2, 3]);
    assert.equal(v.sum(), 6);
    assert.equal(v.sum(null), 6);
    const s0 = v.sum(0);
    assert.ok(s0 instanceof NdArray);
    assert.deepEqual([s0.shape, s0.toArray()], [[], 6]);
    assert.deepEqual(v.sum(null, { keepdims: true }).toArray(), [6]);
    assert.deepEqual(v.argmax(0).toArray(), 2);
    assert.deepEqual(v.median(0).toArray(), 2);
    assert.deepEqual(v.any(0).toArray(), true);
    assert.equal(v.any(), true);
    assert.deepEqual(nd.sum(nd.array([[1, 2], [3, 4]]), [0, 1]).toArray(), 10);
    const b = nd.array([true, false]);
    assert.equal(b.max(), 1); // typed number: 0/1 for bool arrays
    assert.equal(b.min(), 0);
    assert.equal(b.max(0).dtype, 'bool');
  });
  test('nd.add(2, a), nd.sub(2, a) and nd.sum([1, 2, 3]) free the array they make from plain data', () => {
    const a = nd.array([1, 2, 3]);
    const base = nd.info().liveBytes;
    for (let i = 0; i < 3; i++) {
      const r = nd.sub(2, a);
      assert.deepEqual(r.toArray(), [1, 0, -1]);
      r.dispose();
      nd.add(2, a).dispose();
      assert.equal(nd.sum([1, 2, 3]), 6);
      nd.sqrt([4, 9]).dispose();
    }
    assert.equal(nd.info().liveBytes, base);
  });
});
