"""NumPy's answers for selection and order statistics (issue 14), written to
test/fixtures/selection.json for test/selection.test.ts:

    python3 scripts/selection-fixtures.py

Numbers that JSON cannot hold are strings: "nan", "inf", "-inf", "-0".
Cases: quantile/nanquantile of 1-D arrays for every method and a grid of q (odd and even
sizes, 1 and 2 elements, ties, +-inf, -0, NaN); median/nanmedian/quantile over axes of 2-D
and 3-D arrays with keepdims; partition values at kth; stable sort/argsort of tricky lines.
"""
import json
import math
import os
import warnings

import numpy as np

warnings.simplefilter('ignore')

METHODS = ['inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf',
           'hazen', 'weibull', 'linear', 'median_unbiased', 'normal_unbiased',
           'lower', 'higher', 'midpoint', 'nearest']
QS = [0.0, 0.001, 0.1, 0.125, 0.25, 0.3, 1 / 3, 0.4, 0.5, 0.6, 2 / 3, 0.7, 0.75, 0.875, 0.9, 0.999, 1.0]


def enc(x):
    if isinstance(x, (list, tuple)):
        return [enc(v) for v in x]
    if isinstance(x, np.ndarray):
        return enc(x.tolist())
    x = float(x)
    if math.isnan(x):
        return 'nan'
    if math.isinf(x):
        return 'inf' if x > 0 else '-inf'
    if x == 0 and math.copysign(1, x) < 0:
        return '-0'
    return x


rng = np.random.default_rng(14)
LINES = [
    [7.0],
    [2.0, -1.0],
    [3.0, 1.0, 2.0],
    [4.0, 1.0, 3.0, 2.0],
    [5.0, 1.0, 4.0, 2.0, 3.0],
    [1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0],
    [-0.0, 0.0, -0.0, 1.0],
    [-0.0, -0.0],
    [-np.inf, 1.0, 2.0, np.inf],
    [np.inf, np.inf],
    [-np.inf, -np.inf, 5.0],
    [1e308, 1e308, -1e308],
    list(np.round(rng.standard_normal(9), 3)),
    list(np.round(rng.standard_normal(10), 3)),
    list(np.round(rng.standard_normal(17) * 100, 1)),
    list(rng.integers(0, 4, 23).astype(float)),
]
NAN_LINES = [
    [np.nan],
    [np.nan, np.nan, np.nan],
    [np.nan, 3.0, 1.0],
    [2.0, np.nan, 1.0, np.nan, 4.0, 3.0],
    [np.nan, -0.0, 0.0],
    [np.inf, np.nan, -np.inf, 0.0],
    list(np.where(rng.random(15) < 0.3, np.nan, np.round(rng.standard_normal(15), 2))),
]

quantile_cases = []
for line in LINES + NAN_LINES:
    a = np.array(line)
    for method in METHODS:
        quantile_cases.append({
            'a': enc(a), 'method': method, 'q': QS,
            'quantile': enc(np.quantile(a, QS, method=method)),
            'nanquantile': enc(np.nanquantile(a, QS, method=method)),
        })

median_cases = []
for line in LINES + NAN_LINES:
    a = np.array(line)
    median_cases.append({'a': enc(a), 'median': enc(np.median(a)), 'nanmedian': enc(np.nanmedian(a))})

M2 = np.round(rng.standard_normal((4, 5)), 2)
M2[1, 2] = np.nan
M2[3, 0] = -0.0
M3 = np.round(rng.standard_normal((2, 3, 4)), 2)
M3[0, 1, 1] = np.nan
M3[1, 2, 3] = np.inf
axis_cases = []
for arr in (M2, M3):
    axes = [None, 0, 1, -1, (0, 1)] + ([(0, 2), (1, 2), (0, 1, 2)] if arr.ndim == 3 else [])
    for axis in axes:
        for keepdims in (False, True):
            case = {'a': enc(arr), 'axis': list(axis) if isinstance(axis, tuple) else axis, 'keepdims': keepdims}
            case['median'] = enc(np.asarray(np.median(arr, axis=axis, keepdims=keepdims)))
            case['nanmedian'] = enc(np.asarray(np.nanmedian(arr, axis=axis, keepdims=keepdims)))
            case['quantile'] = enc(np.asarray(np.quantile(arr, [0.2, 0.5], axis=axis, keepdims=keepdims)))
            case['nanquantile'] = enc(np.asarray(np.nanquantile(arr, [0.2, 0.5], axis=axis, keepdims=keepdims)))
            case['nanpercentile_nearest'] = enc(np.asarray(np.nanpercentile(arr, 30, axis=axis, keepdims=keepdims, method='nearest')))
            case['shape'] = list(np.asarray(np.median(arr, axis=axis, keepdims=keepdims)).shape)
            axis_cases.append(case)

partition_cases = []
for line in LINES + NAN_LINES + [list(rng.integers(0, 5, 40).astype(float)), list(np.round(rng.standard_normal(101), 2))]:
    a = np.array(line)
    n = len(a)
    kths = sorted({0, n - 1, n // 2, (n - 1) // 3})
    for kth in kths + [kths]:
        p = np.partition(a, kth)
        ks = kth if isinstance(kth, list) else [kth]
        partition_cases.append({'a': enc(a), 'kth': kth, 'at': enc([p[k] for k in ks])})

sort_cases = []
for line in LINES + NAN_LINES + [[0.0, -0.0, 0.0, -0.0, -1.0, np.nan, -np.nan, 1.0]]:
    a = np.array(line)
    sort_cases.append({'a': enc(a), 'sort': enc(np.sort(a, kind='stable')), 'argsort': enc(np.argsort(a, kind='stable'))})

out = {
    'numpy': np.__version__,
    'quantile': quantile_cases,
    'median': median_cases,
    'axes': axis_cases,
    'partition': partition_cases,
    'sort': sort_cases,
}
path = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'selection.json')
with open(path, 'w') as f:
    json.dump(out, f, separators=(',', ':'))
    f.write('\n')
print(f'wrote {path}: {len(quantile_cases)} quantile, {len(median_cases)} median, {len(axis_cases)} axis, '
      f'{len(partition_cases)} partition, {len(sort_cases)} sort cases')
