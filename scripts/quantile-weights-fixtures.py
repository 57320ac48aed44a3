#!/usr/bin/env python3
"""NumPy 2's answers for weighted quantiles (`weights=` with method 'inverted_cdf') of
quantile, percentile, nanquantile and nanpercentile, written to
test/fixtures/quantile-weights.json for test/quantile-weights.test.ts (which must not need
Python).

    python3 scripts/quantile-weights-fixtures.py

Each case: data `a` (shape, flat C-order values), `weights` (shape, flat values), `q`, `axis`,
`keepdims`, and NumPy's result (shape, flat values). NaN/±Inf are written as the strings
"NaN", "Infinity", "-Infinity". NumPy 2.4's nanquantile raises IndexError for N-D data with
1-D weights along an axis (it indexes the unbroadcast weights per slice); for those cases the
expected value is NumPy's answer with the weights broadcast to the data's shape, which is what
the documented semantics give and what ndvec returns.
"""
import json
import math
import os

import numpy as np

rng = np.random.default_rng(20261203)


def enc(x):
    x = float(x)
    if math.isnan(x):
        return 'NaN'
    if math.isinf(x):
        return 'Infinity' if x > 0 else '-Infinity'
    return x


def arr(x):
    x = np.asarray(x, dtype=float)
    return {'shape': list(x.shape), 'data': [enc(v) for v in x.ravel()]}


cases = []


def add(name, func, a, w, q, axis=None, keepdims=False, broadcast_for_nan=False):
    a = np.asarray(a, dtype=float)
    w = np.asarray(w, dtype=float)
    f = getattr(np, func)
    wq = w
    if broadcast_for_nan:
        # NumPy's nanquantile bug: give it the weights at the data's shape instead.
        ax = (axis,) if isinstance(axis, int) else tuple(axis)
        ax = tuple(k % a.ndim for k in ax)
        wt = w.transpose(np.argsort(ax))
        wt = wt.reshape(tuple(s if k in ax else 1 for k, s in enumerate(a.shape)))
        wq = np.broadcast_to(wt, a.shape)
    r = f(a, q, axis=axis, keepdims=keepdims, method='inverted_cdf', weights=wq)
    cases.append({
        'name': name, 'func': func, 'a': arr(a), 'weights': arr(w),
        'q': q if np.ndim(q) == 0 else list(q), 'axis': axis if not isinstance(axis, tuple) else list(axis),
        'keepdims': keepdims, 'expected': arr(r),
    })


qs = [0, 0.1, 0.25, 0.3, 0.5, 0.6, 0.75, 0.9, 1]
# 1-D: ties, zero weights (leading, inner, trailing), equal weights at exact CDF boundaries.
add('1-D equal weights', 'quantile', [4, 1, 3, 2], [1, 1, 1, 1], qs)
add('1-D ties', 'quantile', [2, 1, 2, 3, 1, 2], [1, 2, 3, 1, 1, 2], qs)
add('1-D leading zero weights', 'quantile', [1, 2, 3, 4, 5], [0, 0, 1, 2, 1], qs)
add('1-D inner and trailing zero weights', 'quantile', [1, 2, 3, 4, 5], [1, 0, 2, 0, 0], qs)
add('1-D one positive weight', 'quantile', [5, 1, 3], [0, 0, 2], qs)
add('1-D size 1', 'quantile', [7], [3], qs)
add('1-D -0 and inf values', 'quantile', [-0.0, np.inf, -np.inf, 0, 1], [1, 2, 1, 1, 3], qs)
add('1-D fractional weights', 'quantile', rng.standard_normal(11), rng.random(11), qs)
add('1-D scalar q', 'quantile', rng.standard_normal(9), rng.integers(0, 4, 9), 0.37)
add('1-D with NaN', 'quantile', [1, np.nan, 3, 2], [1, 1, 1, 1], [0.2, 0.8])
add('percentile 1-D', 'percentile', [3, 1, 4, 1, 5, 9, 2, 6], [1, 2, 3, 4, 5, 6, 7, 8], [0, 12.5, 50, 87.5, 100])
add('nanquantile 1-D', 'nanquantile', [1, np.nan, 3, 2, np.nan], [1, 5, 2, 1, 7], qs)
add('nanpercentile 1-D', 'nanpercentile', [np.nan, 4, 1, 3], [9, 1, 1, 2], [10, 50, 90])
add('nanquantile all NaN', 'nanquantile', [np.nan, np.nan], [1, 1], [0.5])
# N-D, full-shape weights.
a34 = rng.integers(0, 5, (3, 4)).astype(float)
w34 = rng.integers(0, 4, (3, 4)).astype(float) + (np.arange(12).reshape(3, 4) % 3 == 0)
add('2-D full weights, all axes', 'quantile', a34, w34, [0.2, 0.5, 0.9])
add('2-D full weights, axis 0', 'quantile', a34, w34, [0.2, 0.5, 0.9], axis=0)
add('2-D full weights, axis 1 keepdims', 'quantile', a34, w34, 0.5, axis=1, keepdims=True)
add('2-D full weights, axis -1', 'percentile', a34, w34, [25, 75], axis=-1)
add('2-D full weights, all axes keepdims', 'quantile', a34, w34, 0.5, keepdims=True)
# N-D, weights along the named axis / axes.
a234 = rng.standard_normal((2, 3, 4))
add('3-D 1-D weights axis 1', 'quantile', a234, [1, 2, 3], [0.1, 0.5, 0.9], axis=1)
add('3-D 1-D weights axis -1', 'quantile', a234, [0, 1, 2, 1], [0, 0.5, 1], axis=-1)
add('3-D 2-D weights axes (0, 2)', 'quantile', a234, np.arange(1.0, 9).reshape(2, 4), [0.3, 0.7], axis=(0, 2))
add('3-D 2-D weights axes (2, 0)', 'quantile', a234, np.arange(1.0, 9).reshape(4, 2), [0.3, 0.7], axis=(2, 0))
add('3-D 2-D weights axes (2, 0) keepdims', 'percentile', a234, np.arange(1.0, 9).reshape(4, 2), 50, axis=(2, 0), keepdims=True)
add('3-D full weights axes (0, 1)', 'quantile', a234, rng.random((2, 3, 4)), 0.5, axis=(0, 1))
# NaN in N-D data.
an = a234.copy()
an[0, 1, 2] = np.nan
an[1, :, 3] = np.nan
add('3-D NaN, quantile axis 1', 'quantile', an, [1, 2, 3], [0.25, 0.75], axis=1)
add('3-D NaN, nanquantile full weights axis 2', 'nanquantile', an, rng.random((2, 3, 4)) + 0.1, [0.25, 0.75], axis=2)
add('3-D NaN, nanquantile 1-D weights axis 1', 'nanquantile', an, [1, 2, 3], [0.25, 0.75], axis=1, broadcast_for_nan=True)
add('3-D NaN, nanpercentile 2-D weights axes (0, 1)', 'nanpercentile', an, np.arange(1.0, 7).reshape(2, 3), [25, 75], axis=(0, 1), broadcast_for_nan=True)
# Odd sizes, many values.
a = rng.integers(-3, 4, (5, 37)).astype(float)
add('2-D 5x37 integer data, 1-D weights axis 1', 'quantile', a, rng.integers(0, 3, 37) + 0.5, np.linspace(0, 1, 11), axis=1)
add('2-D 5x37 integer data, 1-D weights axis 0', 'quantile', a, [1, 0, 2, 0.5, 3], np.linspace(0, 1, 11), axis=0)

out = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'quantile-weights.json')
with open(out, 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': cases}, f, indent=None, separators=(',', ':'))
    f.write('\n')
print(f'wrote {len(cases)} cases to {os.path.normpath(out)}')
