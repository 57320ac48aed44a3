/**
 * Reductions, argmin/argmax and cumulative ops against NumPy values written out, edge cases,
 * and a property test against a nested-array reference.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray } from '../src/index.ts';
import { AxisError, DisposedError, ShapeError } from '../src/errors.ts';
import { reduce, argReduce, cumulative, type ReduceName } from '../src/ops/reduce.ts';
import type { AxisArg } from '../src/ndarray.ts';

type ReduceCase = [ReduceName, AxisArg, unknown];
type ArgCase = ['argmin' | 'argmax' | 'cumsum' | 'cumprod', number | null, unknown];

/** Compares nested numbers: NaN equals NaN, else |a - e| <= tol(e) (exact when tol is 0). */
function assertClose(actual: unknown, expected: unknown, rtol = 1e-12, path = ''): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: expected an array, got ${String(actual)}`);
    assert.equal(actual.length, expected.length, `${path}: length`);
    expected.forEach((e, i) => assertClose((actual as unknown[])[i], e, rtol, `${path}[${i}]`));
    return;
  }
  if (typeof expected === 'boolean') {
    assert.equal(actual, expected, path);
    return;
  }
  const a = actual as number;
  const e = expected as number;
  assert.equal(typeof a, 'number', `${path}: expected a number, got ${String(actual)}`);
  if (Number.isNaN(e) || !Number.isFinite(e) || rtol === 0) {
    assert.ok(Object.is(a, e) || (a === e && rtol !== 0), `${path}: got ${a}, expected ${e}`);
    return;
  }
  assert.ok(Math.abs(a - e) <= rtol * Math.max(1, Math.abs(e)), `${path}: got ${a}, expected ${e}`);
}

/** A result as plain JS: numbers/booleans, or nested arrays. */
function plain(r: NdArray | number | boolean): unknown {
  return r instanceof NdArray ? r.toArray() : r;
}

/** Exact results: min/max/any/all and the nan-variants of min/max. */
const EXACT = new Set<string>(['min', 'max', 'nanmin', 'nanmax', 'any', 'all']);

// Expected values: NumPy 2.4 (python3 -c "np.<name>(a, axis=...)"), pasted.
const A2_DATA = [[1.5, -2, 3], [4, 0, -6.25]];
const A3_DATA = [
  [[-2.5, 1, -1, 2.5], [0.5, -1.5, 2, 0], [-2, 1.5, -0.5, -2.5]],
  [[1, -1, 2.5, 0.5], [-1.5, 2, 0, -2], [1.5, -0.5, -2.5, 1]],
];

const A2_EXPECTED: ReduceCase[] = [
  ['sum', null, 0.25],
  ['sum', 0, [5.5, -2, -3.25]],
  ['sum', 1, [2.5, -2.25]],
  ['sum', -1, [2.5, -2.25]],
  ['sum', [0, 1], 0.25],
  ['sum', [-1, -2], 0.25],
  ['prod', null, 0],
  ['prod', 0, [6, -0, -18.75]],
  ['prod', 1, [-9, -0]],
  ['prod', -1, [-9, -0]],
  ['prod', [0, 1], 0],
  ['prod', [-1, -2], 0],
  ['mean', null, 0.041666666666666664],
  ['mean', 0, [2.75, -1, -1.625]],
  ['mean', 1, [0.8333333333333334, -0.75]],
  ['mean', -1, [0.8333333333333334, -0.75]],
  ['mean', [0, 1], 0.041666666666666664],
  ['mean', [-1, -2], 0.041666666666666664],
  ['min', null, -6.25],
  ['min', 0, [1.5, -2, -6.25]],
  ['min', 1, [-2, -6.25]],
  ['min', -1, [-2, -6.25]],
  ['min', [0, 1], -6.25],
  ['min', [-1, -2], -6.25],
  ['max', null, 4],
  ['max', 0, [4, 0, 3]],
  ['max', 1, [3, 4]],
  ['max', -1, [3, 4]],
  ['max', [0, 1], 4],
  ['max', [-1, -2], 4],
  ['std', null, 3.4230123997568125],
  ['std', 0, [1.25, 1, 4.625]],
  ['std', 1, [2.0949675149960894, 4.218016911614588]],
  ['std', -1, [2.0949675149960894, 4.218016911614588]],
  ['std', [0, 1], 3.4230123997568125],
  ['std', [-1, -2], 3.4230123997568125],
  ['var', null, 11.717013888888891],
  ['var', 0, [1.5625, 1, 21.390625]],
  ['var', 1, [4.388888888888889, 17.791666666666668]],
  ['var', -1, [4.388888888888889, 17.791666666666668]],
  ['var', [0, 1], 11.717013888888891],
  ['var', [-1, -2], 11.717013888888891],
  ['any', null, true],
  ['any', 0, [true, true, true]],
  ['any', 1, [true, true]],
  ['any', -1, [true, true]],
  ['any', [0, 1], true],
  ['any', [-1, -2], true],
  ['all', null, false],
  ['all', 0, [true, false, true]],
  ['all', 1, [true, false]],
  ['all', -1, [true, false]],
  ['all', [0, 1], false],
  ['all', [-1, -2], false],
  ['nansum', null, 0.25],
  ['nansum', 0, [5.5, -2, -3.25]],
  ['nansum', 1, [2.5, -2.25]],
  ['nansum', -1, [2.5, -2.25]],
  ['nansum', [0, 1], 0.25],
  ['nansum', [-1, -2], 0.25],
  ['nanmean', null, 0.041666666666666664],
  ['nanmean', 0, [2.75, -1, -1.625]],
  ['nanmean', 1, [0.8333333333333334, -0.75]],
  ['nanmean', -1, [0.8333333333333334, -0.75]],
  ['nanmean', [0, 1], 0.041666666666666664],
  ['nanmean', [-1, -2], 0.041666666666666664],
  ['nanmin', null, -6.25],
  ['nanmin', 0, [1.5, -2, -6.25]],
  ['nanmin', 1, [-2, -6.25]],
  ['nanmin', -1, [-2, -6.25]],
  ['nanmin', [0, 1], -6.25],
  ['nanmin', [-1, -2], -6.25],
  ['nanmax', null, 4],
  ['nanmax', 0, [4, 0, 3]],
  ['nanmax', 1, [3, 4]],
  ['nanmax', -1, [3, 4]],
  ['nanmax', [0, 1], 4],
  ['nanmax', [-1, -2], 4],
];
const A3_EXPECTED: ReduceCase[] = [
  ['sum', null, -1.5],
  ['sum', 0, [[-1.5, 0, 1.5, 3], [-1, 0.5, 2, -2], [-0.5, 1, -3, -1.5]]],
  ['sum', 1, [[-4, 1, 0.5, 0], [1, 0.5, 0, -0.5]]],
  ['sum', 2, [[0, 1, -3.5], [3, -1.5, -0.5]]],
  ['sum', -1, [[0, 1, -3.5], [3, -1.5, -0.5]]],
  ['sum', [0, 1], [-3, 1.5, 0.5, -0.5]],
  ['sum', [0, 2], [3, -0.5, -4]],
  ['sum', [1, 2], [-2.5, 1]],
  ['sum', [0, 1, 2], -1.5],
  ['sum', [-1, 0], [3, -0.5, -4]],
  ['prod', null, -0],
  ['prod', 0, [[-2.5, -1, -2.5, 1.25], [-0.75, -3, 0, -0], [-3, -0.75, 1.25, -2.5]]],
  ['prod', 1, [[2.5, -2.25, 1, -0], [-2.25, 1, -0, -1]]],
  ['prod', 2, [[6.25, -0, -3.75], [-1.25, 0, 1.875]]],
  ['prod', -1, [[6.25, -0, -3.75], [-1.25, 0, 1.875]]],
  ['prod', [0, 1], [-5.625, -2.25, -0, 0]],
  ['prod', [0, 2], [-7.8125, -0, -7.03125]],
  ['prod', [1, 2], [0, -0]],
  ['prod', [0, 1, 2], -0],
  ['prod', [-1, 0], [-7.8125, -0, -7.03125]],
  ['mean', null, -0.0625],
  ['mean', 0, [[-0.75, 0, 0.75, 1.5], [-0.5, 0.25, 1, -1], [-0.25, 0.5, -1.5, -0.75]]],
  ['mean', 1, [[-1.3333333333333333, 0.3333333333333333, 0.16666666666666666, 0], [0.3333333333333333, 0.16666666666666666, 0, -0.16666666666666666]]],
  ['mean', 2, [[0, 0.25, -0.875], [0.75, -0.375, -0.125]]],
  ['mean', -1, [[0, 0.25, -0.875], [0.75, -0.375, -0.125]]],
  ['mean', [0, 1], [-0.5, 0.25, 0.08333333333333333, -0.08333333333333333]],
  ['mean', [0, 2], [0.375, -0.0625, -0.5]],
  ['mean', [1, 2], [-0.20833333333333334, 0.08333333333333333]],
  ['mean', [0, 1, 2], -0.0625],
  ['mean', [-1, 0], [0.375, -0.0625, -0.5]],
  ['min', null, -2.5],
  ['min', 0, [[-2.5, -1, -1, 0.5], [-1.5, -1.5, 0, -2], [-2, -0.5, -2.5, -2.5]]],
  ['min', 1, [[-2.5, -1.5, -1, -2.5], [-1.5, -1, -2.5, -2]]],
  ['min', 2, [[-2.5, -1.5, -2.5], [-1, -2, -2.5]]],
  ['min', -1, [[-2.5, -1.5, -2.5], [-1, -2, -2.5]]],
  ['min', [0, 1], [-2.5, -1.5, -2.5, -2.5]],
  ['min', [0, 2], [-2.5, -2, -2.5]],
  ['min', [1, 2], [-2.5, -2.5]],
  ['min', [0, 1, 2], -2.5],
  ['min', [-1, 0], [-2.5, -2, -2.5]],
  ['max', null, 2.5],
  ['max', 0, [[1, 1, 2.5, 2.5], [0.5, 2, 2, 0], [1.5, 1.5, -0.5, 1]]],
  ['max', 1, [[0.5, 1.5, 2, 2.5], [1.5, 2, 2.5, 1]]],
  ['max', 2, [[2.5, 2, 1.5], [2.5, 2, 1.5]]],
  ['max', -1, [[2.5, 2, 1.5], [2.5, 2, 1.5]]],
  ['max', [0, 1], [1.5, 2, 2.5, 2.5]],
  ['max', [0, 2], [2.5, 2, 1.5]],
  ['max', [1, 2], [2.5, 2.5]],
  ['max', [0, 1, 2], 2.5],
  ['max', [-1, 0], [2.5, 2, 1.5]],
  ['std', null, 1.6092991486979666],
  ['std', 0, [[1.75, 1, 1.75, 1], [1, 1.75, 1, 1], [1.75, 1, 1, 1.75]]],
  ['std', 1, [[1.3123346456686351, 1.3123346456686351, 1.3123346456686351, 2.041241452319315], [1.3123346456686351, 1.3123346456686351, 2.041241452319315, 1.3123346456686351]]],
  ['std', 2, [[1.9039432764659772, 1.25, 1.5562374497485916], [1.25, 1.5562374497485916, 1.5562374497485916]]],
  ['std', -1, [[1.9039432764659772, 1.25, 1.5562374497485916], [1.25, 1.5562374497485916, 1.5562374497485916]]],
  ['std', [0, 1], [1.5545631755148024, 1.3149778198382918, 1.717960677340692, 1.717960677340692]],
  ['std', [0, 2], [1.653594569415369, 1.4456291882775472, 1.6007810593582121]],
  ['std', [1, 2], [1.664060462309655, 1.5388487760516156]],
  ['std', [0, 1, 2], 1.6092991486979666],
  ['std', [-1, 0], [1.653594569415369, 1.4456291882775472, 1.6007810593582121]],
  ['var', null, 2.58984375],
  ['var', 0, [[3.0625, 1, 3.0625, 1], [1, 3.0625, 1, 1], [3.0625, 1, 1, 3.0625]]],
  ['var', 1, [[1.7222222222222223, 1.7222222222222223, 1.7222222222222223, 4.166666666666667], [1.7222222222222223, 1.7222222222222223, 4.166666666666667, 1.7222222222222223]]],
  ['var', 2, [[3.625, 1.5625, 2.421875], [1.5625, 2.421875, 2.421875]]],
  ['var', -1, [[3.625, 1.5625, 2.421875], [1.5625, 2.421875, 2.421875]]],
  ['var', [0, 1], [2.4166666666666665, 1.7291666666666667, 2.951388888888889, 2.951388888888889]],
  ['var', [0, 2], [2.734375, 2.08984375, 2.5625]],
  ['var', [1, 2], [2.7690972222222228, 2.368055555555556]],
  ['var', [0, 1, 2], 2.58984375],
  ['var', [-1, 0], [2.734375, 2.08984375, 2.5625]],
  ['any', null, true],
  ['any', 0, [[true, true, true, true], [true, true, true, true], [true, true, true, true]]],
  ['any', 1, [[true, true, true, true], [true, true, true, true]]],
  ['any', 2, [[true, true, true], [true, true, true]]],
  ['any', -1, [[true, true, true], [true, true, true]]],
  ['any', [0, 1], [true, true, true, true]],
  ['any', [0, 2], [true, true, true]],
  ['any', [1, 2], [true, true]],
  ['any', [0, 1, 2], true],
  ['any', [-1, 0], [true, true, true]],
  ['all', null, false],
  ['all', 0, [[true, true, true, true], [true, true, false, false], [true, true, true, true]]],
  ['all', 1, [[true, true, true, false], [true, true, false, true]]],
  ['all', 2, [[true, false, true], [true, false, true]]],
  ['all', -1, [[true, false, true], [true, false, true]]],
  ['all', [0, 1], [true, true, false, false]],
  ['all', [0, 2], [true, false, true]],
  ['all', [1, 2], [false, false]],
  ['all', [0, 1, 2], false],
  ['all', [-1, 0], [true, false, true]],
  ['nansum', null, -1.5],
  ['nansum', 0, [[-1.5, 0, 1.5, 3], [-1, 0.5, 2, -2], [-0.5, 1, -3, -1.5]]],
  ['nansum', 1, [[-4, 1, 0.5, 0], [1, 0.5, 0, -0.5]]],
  ['nansum', 2, [[0, 1, -3.5], [3, -1.5, -0.5]]],
  ['nansum', -1, [[0, 1, -3.5], [3, -1.5, -0.5]]],
  ['nansum', [0, 1], [-3, 1.5, 0.5, -0.5]],
  ['nansum', [0, 2], [3, -0.5, -4]],
  ['nansum', [1, 2], [-2.5, 1]],
  ['nansum', [0, 1, 2], -1.5],
  ['nansum', [-1, 0], [3, -0.5, -4]],
  ['nanmean', null, -0.0625],
  ['nanmean', 0, [[-0.75, 0, 0.75, 1.5], [-0.5, 0.25, 1, -1], [-0.25, 0.5, -1.5, -0.75]]],
  ['nanmean', 1, [[-1.3333333333333333, 0.3333333333333333, 0.16666666666666666, 0], [0.3333333333333333, 0.16666666666666666, 0, -0.16666666666666666]]],
  ['nanmean', 2, [[0, 0.25, -0.875], [0.75, -0.375, -0.125]]],
  ['nanmean', -1, [[0, 0.25, -0.875], [0.75, -0.375, -0.125]]],
  ['nanmean', [0, 1], [-0.5, 0.25, 0.08333333333333333, -0.08333333333333333]],
  ['nanmean', [0, 2], [0.375, -0.0625, -0.5]],
  ['nanmean', [1, 2], [-0.20833333333333334, 0.08333333333333333]],
  ['nanmean', [0, 1, 2], -0.0625],
  ['nanmean', [-1, 0], [0.375, -0.0625, -0.5]],
  ['nanmin', null, -2.5],
  ['nanmin', 0, [[-2.5, -1, -1, 0.5], [-1.5, -1.5, 0, -2], [-2, -0.5, -2.5, -2.5]]],
  ['nanmin', 1, [[-2.5, -1.5, -1, -2.5], [-1.5, -1, -2.5, -2]]],
  ['nanmin', 2, [[-2.5, -1.5, -2.5], [-1, -2, -2.5]]],
  ['nanmin', -1, [[-2.5, -1.5, -2.5], [-1, -2, -2.5]]],
  ['nanmin', [0, 1], [-2.5, -1.5, -2.5, -2.5]],
  ['nanmin', [0, 2], [-2.5, -2, -2.5]],
  ['nanmin', [1, 2], [-2.5, -2.5]],
  ['nanmin', [0, 1, 2], -2.5],
  ['nanmin', [-1, 0], [-2.5, -2, -2.5]],
  ['nanmax', null, 2.5],
  ['nanmax', 0, [[1, 1, 2.5, 2.5], [0.5, 2, 2, 0], [1.5, 1.5, -0.5, 1]]],
  ['nanmax', 1, [[0.5, 1.5, 2, 2.5], [1.5, 2, 2.5, 1]]],
  ['nanmax', 2, [[2.5, 2, 1.5], [2.5, 2, 1.5]]],
  ['nanmax', -1, [[2.5, 2, 1.5], [2.5, 2, 1.5]]],
  ['nanmax', [0, 1], [1.5, 2, 2.5, 2.5]],
  ['nanmax', [0, 2], [2.5, 2, 1.5]],
  ['nanmax', [1, 2], [2.5, 2.5]],
  ['nanmax', [0, 1, 2], 2.5],
  ['nanmax', [-1, 0], [2.5, 2, 1.5]],
];
const A2_ARG: ArgCase[] = [
  ['argmin', null, 5],
  ['argmin', 0, [0, 0, 1]],
  ['argmin', 1, [1, 2]],
  ['argmin', -1, [1, 2]],
  ['argmax', null, 3],
  ['argmax', 0, [1, 1, 0]],
  ['argmax', 1, [2, 0]],
  ['argmax', -1, [2, 0]],
  ['cumsum', null, [1.5, -0.5, 2.5, 6.5, 6.5, 0.25]],
  ['cumsum', 0, [[1.5, -2, 3], [5.5, -2, -3.25]]],
  ['cumsum', 1, [[1.5, -0.5, 2.5], [4, 4, -2.25]]],
  ['cumsum', -1, [[1.5, -0.5, 2.5], [4, 4, -2.25]]],
  ['cumprod', null, [1.5, -3, -9, -36, -0, 0]],
  ['cumprod', 0, [[1.5, -2, 3], [6, -0, -18.75]]],
  ['cumprod', 1, [[1.5, -3, -9], [4, 0, -0]]],
  ['cumprod', -1, [[1.5, -3, -9], [4, 0, -0]]],
];
const A3_ARG: ArgCase[] = [
  ['argmin', null, 0],
  ['argmin', 0, [[0, 1, 0, 1], [1, 0, 1, 1], [0, 1, 1, 0]]],
  ['argmin', 1, [[0, 1, 0, 2], [1, 0, 2, 1]]],
  ['argmin', 2, [[0, 1, 3], [1, 3, 2]]],
  ['argmin', -2, [[0, 1, 0, 2], [1, 0, 2, 1]]],
  ['argmax', null, 3],
  ['argmax', 0, [[1, 0, 1, 0], [0, 1, 0, 0], [1, 0, 0, 1]]],
  ['argmax', 1, [[1, 2, 1, 0], [2, 1, 0, 2]]],
  ['argmax', 2, [[3, 2, 1], [2, 1, 0]]],
  ['argmax', -2, [[1, 2, 1, 0], [2, 1, 0, 2]]],
  ['cumsum', null, [-2.5, -1.5, -2.5, 0, 0.5, -1, 1, 1, -1, 0.5, 0, -2.5, -1.5, -2.5, 0, 0.5, -1, 1, 1, -1, 0.5, 0, -2.5, -1.5]],
  ['cumsum', 0, [[[-2.5, 1, -1, 2.5], [0.5, -1.5, 2, 0], [-2, 1.5, -0.5, -2.5]], [[-1.5, 0, 1.5, 3], [-1, 0.5, 2, -2], [-0.5, 1, -3, -1.5]]]],
  ['cumsum', 1, [[[-2.5, 1, -1, 2.5], [-2, -0.5, 1, 2.5], [-4, 1, 0.5, 0]], [[1, -1, 2.5, 0.5], [-0.5, 1, 2.5, -1.5], [1, 0.5, 0, -0.5]]]],
  ['cumsum', 2, [[[-2.5, -1.5, -2.5, 0], [0.5, -1, 1, 1], [-2, -0.5, -1, -3.5]], [[1, 0, 2.5, 3], [-1.5, 0.5, 0.5, -1.5], [1.5, 1, -1.5, -0.5]]]],
  ['cumsum', -2, [[[-2.5, 1, -1, 2.5], [-2, -0.5, 1, 2.5], [-4, 1, 0.5, 0]], [[1, -1, 2.5, 0.5], [-0.5, 1, 2.5, -1.5], [1, 0.5, 0, -0.5]]]],
  ['cumprod', null, [-2.5, -2.5, 2.5, 6.25, 3.125, -4.6875, -9.375, -0, 0, 0, -0, 0, 0, -0, -0, -0, 0, 0, 0, -0, -0, 0, -0, -0]],
  ['cumprod', 0, [[[-2.5, 1, -1, 2.5], [0.5, -1.5, 2, 0], [-2, 1.5, -0.5, -2.5]], [[-2.5, -1, -2.5, 1.25], [-0.75, -3, 0, -0], [-3, -0.75, 1.25, -2.5]]]],
  ['cumprod', 1, [[[-2.5, 1, -1, 2.5], [-1.25, -1.5, -2, 0], [2.5, -2.25, 1, -0]], [[1, -1, 2.5, 0.5], [-1.5, -2, 0, -1], [-2.25, 1, -0, -1]]]],
  ['cumprod', 2, [[[-2.5, -2.5, 2.5, 6.25], [0.5, -0.75, -1.5, -0], [-2, -3, 1.5, -3.75]], [[1, -1, -2.5, -1.25], [-1.5, -3, -0, 0], [1.5, -0.75, 1.875, 1.875]]]],
  ['cumprod', -2, [[[-2.5, 1, -1, 2.5], [-1.25, -1.5, -2, 0], [2.5, -2.25, 1, -0]], [[1, -1, 2.5, 0.5], [-1.5, -2, 0, -1], [-2.25, 1, -0, -1]]]],
];

const REDUCE_NAMES: ReduceName[] = [
  'sum', 'prod', 'mean', 'min', 'max', 'std', 'var', 'any', 'all', 'nansum', 'nanmean', 'nanmin', 'nanmax',
];

describe('reduce: every reduction and axis on a 2x3 and a 2x3x4 array (NumPy values)', () => {
  for (const [label, data, cases] of [
    ['2x3', A2_DATA, A2_EXPECTED],
    ['2x3x4', A3_DATA, A3_EXPECTED],
  ] as const) {
    for (const [name, axis, expected] of cases) {
      test(`${label} ${name} axis=${JSON.stringify(axis)}`, () => {
        const a = nd.array(data);
        assertClose(plain(reduce(name, a, axis)), expected, EXACT.has(name) ? 0 : 1e-12);
      });
    }
  }
  test('the table covers every reduction', () => {
    assert.deepEqual([...new Set(A3_EXPECTED.map((c) => c[0]))].sort(), [...REDUCE_NAMES].sort());
  });
  test('methods and nd functions reach the same reductions', () => {
    const a = nd.array(A2_DATA);
    assert.deepEqual(plain(a.sum(0)), plain(reduce('sum', a, 0)));
    assert.equal(a.std(), reduce('std', a, null));
    assert.equal(nd.nanmax(a), 4);
    assert.deepEqual(plain(nd.any(a, 1)), [true, true]);
    assert.deepEqual(plain(a.all(1)), [true, false]);
  });
});

describe('argmin/argmax/cumsum/cumprod on 2x3 and 2x3x4 (NumPy values)', () => {
  for (const [label, data, cases] of [
    ['2x3', A2_DATA, A2_ARG],
    ['2x3x4', A3_DATA, A3_ARG],
  ] as const) {
    for (const [name, axis, expected] of cases) {
      test(`${label} ${name} axis=${String(axis)}`, () => {
        const a = nd.array(data);
        const got = name === 'cumsum' || name === 'cumprod' ? cumulative(name, a, axis) : argReduce(name, a, axis);
        // Exact, signs of zeros included: the order of operations is NumPy's.
        assert.deepStrictEqual(plain(got), expected);
      });
    }
  }
});

describe('keepdims, negative axes, axis lists', () => {
  const cases: [AxisArg, number[]][] = [
    [null, [1, 1, 1]],
    [0, [1, 3, 4]],
    [-1, [2, 3, 1]],
    [[0, 2], [1, 3, 1]],
    [[-1, -3], [1, 3, 1]],
    [[], [2, 3, 4]],
  ];
  for (const [axis, shape] of cases) {
    test(`sum keepdims axis=${JSON.stringify(axis)} -> [${shape}]`, () => {
      const r = reduce('sum', nd.array(A3_DATA), axis, { keepdims: true }) as NdArray;
      assert.deepEqual(r.shape, shape);
      const flat = reduce('sum', nd.array(A3_DATA), axis) as NdArray | number;
      const values = r.toFloat64Array();
      if (typeof flat === 'number') assert.deepEqual([...values], [flat]);
      else assert.deepEqual([...values], [...flat.toFloat64Array()]);
    });
  }
  test('any keepdims gives a bool array; max of a bool array is a bool', () => {
    const r = reduce('any', nd.array(A2_DATA), 1, { keepdims: true }) as NdArray;
    assert.equal(r.dtype, 'bool');
    assert.deepEqual(r.toArray(), [[true], [true]]);
    const b = nd.array([[true, false], [false, false]]);
    assert.equal(b.max(), 1); // a scalar max of bools is 0/1 (typed number; NumPy: np.True_)
    assert.deepEqual(plain(b.min(0)), [false, false]);
    assert.deepEqual(plain(b.max(1)), [true, false]);
    assert.equal(b.sum(), 1);
    assert.equal(b.mean(), 0.25);
    assert.deepEqual(plain(b.any(0)), [true, false]);
    assert.equal(b.argmax(), 0);
    assert.deepEqual(plain(b.cumsum()), [1, 1, 1, 1]);
  });
  test('axis [] reduces nothing (a copy through the reducer)', () => {
    assert.deepEqual(plain(reduce('max', nd.array([[1, 2]]), [])), [[1, 2]]);
    assert.deepEqual(plain(reduce('var', nd.array([[1, 2]]), [])), [[0, 0]]);
  });
  test('a 0-d array reduces to its value', () => {
    const a = nd.array(5);
    assert.equal(reduce('sum', a, null), 5);
    assert.equal(reduce('min', a, []), 5);
    assert.equal(reduce('std', a, null), 0);
  });
});

describe('axis errors leave nothing half-done', () => {
  const bad: [AxisArg, RegExp][] = [
    [2, /axis 2 is out of bounds for array of dimension 2/],
    [-3, /axis -3 is out of bounds for array of dimension 2/],
    [[0, 0], /repeated axis/],
    [[1, -1], /repeated axis/],
    [0.5, /out of bounds/],
  ];
  for (const [axis, message] of bad) {
    for (const name of ['sum', 'min', 'std', 'any'] as const) {
      test(`${name} axis=${JSON.stringify(axis)}`, () => {
        assert.throws(() => reduce(name, nd.array(A2_DATA), axis), (e: unknown) => e instanceof AxisError && message.test(e.message));
      });
    }
  }
  test('argmin/cumsum/sort-style single axes', () => {
    assert.throws(() => argReduce('argmin', nd.array(A2_DATA), 2), AxisError);
    assert.throws(() => cumulative('cumsum', nd.array(A2_DATA), -3), AxisError);
  });
});

describe('empty arrays', () => {
  // [shape, axis, name, expected value or 'throws'] — NumPy 2.4.
  const cases: [number[], number | null, ReduceName, unknown][] = [
    [[0], null, 'sum', 0], [[0], null, 'prod', 1], [[0], null, 'mean', NaN], [[0], null, 'var', NaN],
    [[0], null, 'std', NaN], [[0], null, 'any', false], [[0], null, 'all', true], [[0], null, 'nansum', 0],
    [[0], null, 'nanmean', NaN], [[0], 0, 'sum', 0], [[0], null, 'min', 'throws'], [[0], 0, 'max', 'throws'],
    [[0], null, 'nanmin', 'throws'], [[0], 0, 'nanmax', 'throws'],
    [[2, 0], null, 'sum', 0], [[2, 0], 0, 'sum', []], [[2, 0], 1, 'sum', [0, 0]], [[2, 0], 1, 'prod', [1, 1]],
    [[2, 0], 1, 'mean', [NaN, NaN]], [[2, 0], 1, 'var', [NaN, NaN]], [[2, 0], 1, 'any', [false, false]],
    [[2, 0], 1, 'all', [true, true]], [[2, 0], 0, 'min', []], [[2, 0], 1, 'min', 'throws'],
    [[2, 0], null, 'max', 'throws'], [[2, 0], 0, 'any', []],
    [[0, 3], null, 'mean', NaN], [[0, 3], 0, 'sum', [0, 0, 0]], [[0, 3], 0, 'mean', [NaN, NaN, NaN]],
    [[0, 3], 0, 'nanmean', [NaN, NaN, NaN]], [[0, 3], 0, 'std', [NaN, NaN, NaN]], [[0, 3], 0, 'all', [true, true, true]],
    [[0, 3], 1, 'sum', []], [[0, 3], 1, 'max', []], [[0, 3], 0, 'max', 'throws'], [[0, 3], 0, 'nanmin', 'throws'],
  ];
  for (const [shape, axis, name, expected] of cases) {
    test(`${name} of zeros([${shape}]) axis=${String(axis)}`, () => {
      const a = nd.zeros(shape);
      if (expected === 'throws') {
        assert.throws(
          () => reduce(name, a, axis),
          (e: unknown) => e instanceof ShapeError && e.message === `zero-size array to reduction operation ${name} which has no identity`,
        );
      } else {
        assertClose(plain(reduce(name, a, axis)), expected);
      }
    });
  }
  test('keepdims on empty reductions keeps the shape', () => {
    assert.deepEqual((reduce('sum', nd.zeros([0, 3]), 0, { keepdims: true }) as NdArray).shape, [1, 3]);
    assert.deepEqual((reduce('max', nd.zeros([0, 3]), 1, { keepdims: true }) as NdArray).shape, [0, 1]);
  });
  test('argmin/argmax of empty sequences throw; empty outputs do not', () => {
    assert.throws(() => argReduce('argmin', nd.zeros([0]), null), /attempt to get argmin of an empty sequence/);
    assert.throws(() => argReduce('argmax', nd.zeros([0, 3]), 0), ShapeError);
    assert.deepEqual(plain(argReduce('argmax', nd.zeros([0, 3]), 1)), []);
    assert.deepEqual(plain(cumulative('cumsum', nd.zeros([0, 3]), 0)), []);
    assert.deepEqual(cumulative('cumsum', nd.zeros([2, 0]), null).shape, [0]);
  });
});

describe('NaN, ±Infinity, -0', () => {
  const cases: [number[], ReduceName, number | boolean][] = [
    [[1, NaN, 3], 'sum', NaN], [[1, NaN, 3], 'min', NaN], [[1, NaN, 3], 'max', NaN], [[NaN, 1], 'max', NaN],
    [[1, 2, NaN], 'min', NaN], [[1, NaN, 3], 'mean', NaN], [[1, NaN, 3], 'std', NaN],
    [[1, NaN, 3], 'nansum', 4], [[1, NaN, 3], 'nanmean', 2], [[1, NaN, 3], 'nanmin', 1], [[NaN, 1, 3], 'nanmax', 3],
    [[NaN, NaN], 'nanmin', NaN], [[NaN, NaN], 'nanmax', NaN], [[NaN, NaN], 'nanmean', NaN], [[NaN, NaN], 'nansum', 0],
    [[NaN, 0], 'any', true], [[NaN, 1], 'all', true], [[NaN, 0], 'all', false], [[0, -0], 'any', false],
    [[Infinity, -Infinity], 'sum', NaN], [[Infinity, -Infinity], 'min', -Infinity], [[Infinity, -Infinity], 'max', Infinity],
    [[Infinity, 1], 'sum', Infinity], [[Infinity, 1], 'std', NaN], [[Infinity, 0], 'prod', NaN],
    [[-Infinity, -Infinity], 'nanmin', -Infinity], [[-Infinity, NaN], 'nanmax', -Infinity],
    [[-0], 'sum', 0], [[-0], 'prod', -0], [[-0, -0], 'max', -0], [[1e308, 1e308], 'sum', Infinity], [[1e308, 1e308], 'mean', Infinity],
    [[1e9 + 1, 1e9 + 2, 1e9 + 3], 'var', 2 / 3],
  ];
  for (const [values, name, expected] of cases) {
    test(`${name}([${values}]) = ${String(expected)}`, () => {
      const got = reduce(name, nd.array(values), null);
      if (typeof expected === 'boolean') assert.equal(got, expected);
      else assert.ok(Object.is(got, expected) || (expected !== 0 && Math.abs((got as number) - expected) < 1e-9), `got ${String(got)}`);
    });
  }
  test('NaN per output: nan-variants along an axis (NumPy values)', () => {
    const x = nd.array([[1, NaN, 3], [NaN, NaN, NaN]]);
    assert.deepEqual(plain(x.nanmean(1)), [2, NaN]);
    assert.deepEqual(plain(x.nanmin(1)), [1, NaN]);
    assert.deepEqual(plain(x.nansum(1)), [4, 0]);
    assert.deepEqual(plain(x.nanmax(0)), [1, NaN, 3]);
    assert.deepEqual(plain(x.max(0)), [NaN, NaN, NaN]);
    assert.deepEqual(plain(x.min(1)), [NaN, NaN]);
    assert.deepEqual(plain(x.argmax(1)), [1, 0]);
    assert.equal(x.argmin(), 1);
  });
  test('argmin/argmax: the first extreme, and the first NaN', () => {
    assert.equal(argReduce('argmin', nd.array([3, 1, 1, 2]), null), 1);
    assert.equal(argReduce('argmax', nd.array([3, 1, 3, 2]), null), 0);
    assert.equal(argReduce('argmax', nd.array([3, NaN, 9, NaN]), null), 1);
    assert.equal(argReduce('argmin', nd.array([-Infinity, NaN]), null), 1);
    assert.equal(argReduce('argmin', nd.array([-0, 0]), null), 0);
    assert.equal(argReduce('argmax', nd.array([NaN]), null), 0);
    assert.deepEqual(plain(argReduce('argmax', nd.array([[1, 5], [7, 2]]), null, { keepdims: true })), [[2]]);
    assert.deepEqual(plain(argReduce('argmin', nd.array([[1, 5], [7, 2]]), 0, { keepdims: true })), [[0, 1]]);
  });
  test('cumsum/cumprod propagate NaN from where it appears', () => {
    assert.deepEqual(plain(cumulative('cumsum', nd.array([1, NaN, 2]), null)), [1, NaN, NaN]);
    assert.deepEqual(plain(cumulative('cumprod', nd.array([2, Infinity, 0]), 0)), [2, Infinity, NaN]);
  });
  test('std/var: ddof; the divisor is max(n - ddof, 0), as NumPy: 0/0 is NaN, a positive sum over 0 is Infinity', () => {
    assert.equal(nd.array([0, 1, 2, 3, 4, 5, 6]).var(null, { ddof: 1 }), 4.666666666666667);
    assert.equal(nd.array([1, 3]).std(null, { ddof: 1 }), Math.SQRT2);
    assert.ok(Number.isNaN(nd.array([1]).var(null, { ddof: 1 }) as number));
    assert.equal(nd.array([1, 2]).std(null, { ddof: 2 }), Infinity); // np.std([1., 2.], ddof=2) is inf
    assert.equal(nd.array([1, 2]).var(null, { ddof: 5 }), Infinity);
    assertClose(plain(nd.array(A2_DATA).var(0, { ddof: 1 })), [3.125, 2, 42.78125]);
  });
});

describe('sizes around the unroll widths: 1, 2, 3, 5, 7, 8, 9, 17, 128, 129, 1000', () => {
  for (const n of [1, 2, 3, 5, 7, 8, 9, 17, 128, 129, 1000]) {
    test(`n=${n}`, () => {
      // x = 1..n with the largest in the middle and the smallest at the end.
      const values = Array.from({ length: n }, (_, i) => i + 1);
      values[values.length - 1] = -1;
      const a = nd.array(values);
      const sum = (n * (n - 1)) / 2 - 1;
      assert.equal(a.sum(), sum);
      assert.equal(a.mean(), sum / n);
      assert.equal(a.min(), n === 1 ? -1 : -1);
      assert.equal(a.max(), n === 1 ? -1 : n - 1);
      assert.equal(a.argmin(), n - 1);
      assert.equal(a.argmax(), n === 1 ? 0 : n - 2);
      assert.equal(a.nansum(), sum);
      assert.equal(a.all(), true);
      assertClose(a.prod(), n === 1 ? -1 : -factorial(n - 1), 1e-13);
      const cs = a.cumsum().toFloat64Array();
      assert.equal(cs[n - 1], sum);
      // The same along the last axis of a (3, n) array and axis 0 of its transpose.
      const m = nd.array([values, values.map((v) => 2 * v), values.map((v) => -v)]);
      assertClose(plain(m.sum(1)), [sum, 2 * sum, -sum]);
      assertClose(plain(m.T.sum(0)), [sum, 2 * sum, -sum]);
      assert.deepEqual(plain(m.max(1)), [Math.max(...values), 2 * Math.max(...values), 1]);
      assertClose(plain(m.std(1)), [std(values), 2 * std(values), std(values)]);
    });
  }
  test('pairwise summation is accurate: 1e6 copies of 0.1', () => {
    const a = nd.full([1_000_000], 0.1);
    // Naive left-to-right summation is off by ~1.3e-6 here; pairwise by < 1e-8.
    assert.ok(Math.abs((a.sum() as number) - 100000) < 1e-8, String(a.sum()));
  });
});

function factorial(n: number): number {
  let r = 1;
  for (let i = 2; i <= n; i++) r *= i;
  return r;
}

function std(values: number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

describe('non-contiguous inputs: transposed, sliced, negative steps, broadcast', () => {
  const a3 = () => nd.array(A3_DATA);
  test('transpose: sum over each axis matches the permuted table values', () => {
    const t = a3().transpose(2, 0, 1); // shape [4, 2, 3]
    assertClose(plain(t.sum(0)), A3_EXPECTED.find((c) => c[0] === 'sum' && c[1] === 2)![2]);
    assertClose(plain(t.min([0, 2])), A3_EXPECTED.find((c) => c[0] === 'min' && JSON.stringify(c[1]) === '[1,2]')![2]);
    assertClose(plain(t.std([1, 2])), A3_EXPECTED.find((c) => c[0] === 'std' && JSON.stringify(c[1]) === '[0,1]')![2]);
    assertClose(plain(t.argmax(0)), A3_ARG.find((c) => c[0] === 'argmax' && c[1] === 2)![2]);
  });
  test('slices with steps and negative steps', () => {
    const a = nd.array([[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11], [12, 13, 14, 15, 16, 17]]);
    const v = a.slice('::2', '::-2'); // [[5, 3, 1], [17, 15, 13]]
    assert.deepEqual(plain(v.sum(0)), [22, 18, 14]);
    assert.deepEqual(plain(v.sum(1)), [9, 45]);
    assert.equal(v.sum(), 54);
    assert.deepEqual(plain(v.argmin(1)), [2, 2]);
    assert.equal(v.argmax(), 3);
    assert.deepEqual(plain(v.cumsum()), [5, 8, 9, 26, 41, 54]);
    assert.deepEqual(plain(v.cumsum(0)), [[5, 3, 1], [22, 18, 14]]);
    assert.deepEqual(plain(v.cumprod(1)), [[5, 15, 15], [17, 255, 3315]]);
    assert.deepEqual(plain(v.max(0, { keepdims: true })), [[17, 15, 13]]);
    assert.deepEqual(plain(a.slice(null, '1:4').T.mean(1)), [7, 8, 9]);
  });
  test('broadcast (stride 0) inputs', () => {
    const b = nd.array([1, 2, 3]).broadcastTo([4, 3]);
    assert.deepEqual(plain(b.sum(0)), [4, 8, 12]);
    assert.deepEqual(plain(b.sum(1)), [6, 6, 6, 6]);
    assert.deepEqual(plain(b.var(0)), [0, 0, 0]);
    assert.deepEqual(plain(b.cumsum(0)), [[1, 2, 3], [2, 4, 6], [3, 6, 9], [4, 8, 12]]);
    assert.deepEqual(plain(b.argmax(0)), [0, 0, 0]);
  });
  test('row-accumulate order: axis 0 of a C-contiguous 2-D array equals the column sums', () => {
    const n = 37;
    const rows = Array.from({ length: 5 }, (_, i) => Array.from({ length: n }, (_, j) => i * n + j));
    const a = nd.array(rows);
    const expected = Array.from({ length: n }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0));
    assert.deepEqual(plain(a.sum(0)), expected);
    assert.deepEqual(plain(a.max(0)), rows[4]);
    assert.deepEqual(plain(a.T.sum(1)), expected);
  });
});

// ---- property test: every reduction (and cumsum, argmin/argmax) against a nested-array reference ----

/** Multi-indices of a shape, C order. */
function indices(shape: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of shape) {
    const next: number[][] = [];
    for (const idx of out) for (let i = 0; i < n; i++) next.push([...idx, i]);
    out = next;
  }
  return out;
}

function at(nested: unknown, idx: readonly number[]): number {
  let cur = nested;
  for (const i of idx) cur = (cur as unknown[])[i];
  return cur as number;
}

/** Reference reduction: groups the elements by their kept indices and folds each group. */
function referenceReduce(name: ReduceName, nested: unknown, shape: number[], axes: number[], ddof: number): { values: (number | boolean)[]; counts: number[]; scale: number[] } {
  const keptShape = shape.filter((_, k) => !axes.includes(k));
  const groups = indices(keptShape).map(() => [] as number[]);
  const stride = keptShape.map((_, i) => keptShape.slice(i + 1).reduce((p, d) => p * d, 1));
  for (const idx of indices(shape)) {
    const kept = idx.filter((_, k) => !axes.includes(k));
    groups[kept.reduce((p, i, k) => p + i * stride[k]!, 0)]!.push(at(nested, idx));
  }
  const values = groups.map((g) => fold(name, g, ddof));
  return { values, counts: groups.map((g) => g.length), scale: groups.map((g) => g.reduce((m, v) => (Number.isNaN(v) ? m : Math.max(m, Math.abs(v))), 0)) };
}

function fold(name: ReduceName, g: number[], ddof: number): number | boolean {
  const finite = g.filter((v) => !Number.isNaN(v));
  const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
  switch (name) {
    case 'sum': return sum(g);
    case 'nansum': return sum(finite);
    case 'prod': return g.reduce((p, v) => p * v, 1);
    case 'mean': return sum(g) / g.length;
    case 'nanmean': return sum(finite) / finite.length;
    case 'min': return g.some(Number.isNaN) ? NaN : Math.min(...g);
    case 'max': return g.some(Number.isNaN) ? NaN : Math.max(...g);
    case 'nanmin': return finite.length === 0 ? NaN : Math.min(...finite);
    case 'nanmax': return finite.length === 0 ? NaN : Math.max(...finite);
    case 'any': return g.some((v) => v !== 0);
    case 'all': return g.every((v) => v !== 0);
    case 'var':
    case 'std': {
      const mean = sum(g) / g.length;
      const v = g.length - ddof > 0 ? sum(g.map((x) => (x - mean) ** 2)) / (g.length - ddof) : NaN;
      return name === 'std' ? Math.sqrt(v) : v;
    }
  }
}

/** A random view: a C array of `shape` (dims 0-4), transposed and/or sliced. */
const viewArb = fc
  .array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 })
  .chain((shape) => {
    const size = shape.reduce((p, d) => p * d, 1);
    return fc.record({
      shape: fc.constant(shape),
      data: fc.array(
        fc.oneof({ weight: 12, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(NaN, 0, -0) }),
        { minLength: size, maxLength: size },
      ),
      perm: fc.shuffledSubarray(shape.map((_, i) => i), { minLength: shape.length, maxLength: shape.length }),
      reverse: fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }),
      axes: fc.oneof(fc.constant(null), fc.subarray(shape.map((_, i) => i)).chain((ax) => fc.shuffledSubarray(ax, { minLength: ax.length, maxLength: ax.length }).map((xs) => xs.map((x) => (x % 2 === 0 ? x : x - shape.length))))),
      keepdims: fc.boolean(),
      ddof: fc.constantFrom(0, 1),
    });
  });

function makeView(shape: number[], data: number[], perm: number[], reverse: boolean[]): NdArray {
  let a = nd.array(Float64Array.from(data)).reshape(shape);
  if (shape.length > 0) a = a.slice(...reverse.map((r) => (r ? '::-1' : ':'))).transpose(...perm);
  return a;
}

describe('property: reductions match a nested-array reference on random views', () => {
  for (const name of REDUCE_NAMES) {
    test(name, () => {
      fc.assert(
        fc.property(viewArb, ({ shape, data, perm, reverse, axes, keepdims, ddof }) => {
          const a = makeView(shape, data, perm, reverse);
          const ndim = a.ndim;
          const norm = axes === null ? a.shape.map((_, i) => i) : axes.map((x) => (x < 0 ? x + ndim : x));
          const count = norm.reduce((p, k) => p * a.shape[k]!, 1);
          if (count === 0 && ['min', 'max', 'nanmin', 'nanmax'].includes(name)) {
            assert.throws(() => reduce(name, a, axes), ShapeError);
            return;
          }
          const got = reduce(name, a, axes, { keepdims, ddof });
          const ref = referenceReduce(name, a.toArray(), [...a.shape], norm, ddof);
          const flat: (number | boolean)[] = got instanceof NdArray ? (got.dtype === 'bool' ? (got.reshape([-1]).toArray() as boolean[]) : [...got.toFloat64Array()]) : [got];
          if (got instanceof NdArray) {
            const expectShape = a.shape.flatMap((d, k) => (norm.includes(k) ? (keepdims ? [1] : []) : [d]));
            assert.deepEqual(got.shape, expectShape);
          } else {
            assert.ok(!keepdims && norm.length === ndim);
          }
          assert.equal(flat.length, ref.values.length);
          flat.forEach((v, i) => {
            const e = ref.values[i]!;
            if (typeof e === 'boolean' || EXACT.has(name)) {
              assert.ok(Object.is(v, e) || (v === e && e === 0), `${name}[${i}]: got ${String(v)}, expected ${String(e)}`);
              return;
            }
            const n = Math.max(ref.counts[i]!, 1);
            const s = ref.scale[i]!;
            const tol = name === 'prod' ? n * 4 * Number.EPSILON * Math.abs(e) : name === 'var' ? n * 8 * Number.EPSILON * s * s : name === 'std' ? Math.sqrt(n * 8 * Number.EPSILON) * s : n * 2 * Number.EPSILON * s * (name.endsWith('mean') ? 1 : n);
            assert.ok(Object.is(v, e) || Math.abs((v as number) - e) <= tol, `${name}[${i}]: got ${String(v)}, expected ${e} (tol ${tol})`);
          });
        }),
        { numRuns: 150 },
      );
    });
  }
  test('cumsum, cumprod, argmin, argmax', () => {
    fc.assert(
      fc.property(viewArb, fc.nat(), ({ shape, data, perm, reverse }, pick) => {
        const a = makeView(shape, data, perm, reverse);
        const nested = a.toArray();
        const axis = a.ndim === 0 || pick % (a.ndim + 1) === a.ndim ? null : (pick % (a.ndim + 1));
        const all = indices(a.shape);
        const lineOf = (idx: number[]) => (axis === null ? all : all.filter((j) => j.every((v, k) => k === axis || v === idx[k])));
        // cumsum: each output is the sum of its line up to it (sequential order: exact).
        const cs = cumulative('cumsum', a, axis).toFloat64Array();
        all.forEach((idx, flatIdx) => {
          const line = lineOf(idx);
          const upto = axis === null ? line.slice(0, flatIdx + 1) : line.filter((j) => j[axis]! <= idx[axis]!);
          const e = upto.reduce((s, j) => s + at(nested, j), 0);
          assert.ok(Object.is(cs[flatIdx], e) || cs[flatIdx] === e, `cumsum at ${idx}: ${cs[flatIdx]} vs ${e}`);
        });
        if (a.size === 0) return;
        for (const name of ['argmin', 'argmax'] as const) {
          if (axis !== null && a.shape[axis] === 0) continue;
          const got = argReduce(name, a, axis);
          const firstExtreme = (vals: number[]): number => {
            const nan = vals.findIndex(Number.isNaN);
            if (nan >= 0) return nan;
            const m = name === 'argmin' ? Math.min(...vals) : Math.max(...vals);
            return vals.findIndex((v) => v === m);
          };
          if (axis === null) {
            assert.equal(got, firstExtreme(all.map((j) => at(nested, j))));
          } else {
            const outIdx = all.filter((j) => j[axis] === 0);
            const flatGot = [...(got as NdArray).toFloat64Array()];
            assert.deepEqual(flatGot, outIdx.map((idx) => firstExtreme(lineOf(idx).map((j) => at(nested, j)))));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('disposed inputs', () => {
  test('every op throws DisposedError and allocates nothing', () => {
    const a = nd.array([[1, 2], [3, 4]]);
    a.dispose();
    const before = nd.info().liveArrays;
    assert.throws(() => reduce('sum', a, 0), DisposedError);
    assert.throws(() => reduce('mean', a, null), DisposedError);
    assert.throws(() => argReduce('argmax', a, 1), DisposedError);
    assert.throws(() => cumulative('cumsum', a, 0), DisposedError);
    assert.equal(nd.info().liveArrays, before);
  });
});
