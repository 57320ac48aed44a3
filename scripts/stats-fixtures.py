#!/usr/bin/env python3
"""Writes test/fixtures/stats.json: inputs and NumPy's results for test/nanstats.test.ts and
test/histogram.test.ts (nanvar/nanstd/nanprod/nanargmin/nanargmax/nancumsum/nancumprod,
count_nonzero, histogram, histogram_bin_edges, bincount, digitize).

Numbers are stored as strings (Python's repr: shortest round-trip, so JS's Number() reads the
same double back; 'nan', 'inf', '-inf', '-0.0' for the specials). A case whose NumPy call
raises stores the exception's class name in 'error'. Regenerate with
`python3 scripts/stats-fixtures.py` (NumPy 2.4); the tests do not need Python.
"""
import json, math, os, warnings
import numpy as np

warnings.simplefilter('ignore')

def enc(x):
    if isinstance(x, (list, tuple)): return [enc(v) for v in x]
    if isinstance(x, np.ndarray): return enc(x.tolist())
    if isinstance(x, (bool, np.bool_)): return bool(x)
    x = float(x)
    if math.isnan(x): return 'nan'
    if math.isinf(x): return 'inf' if x > 0 else '-inf'
    return repr(x)

def flat(a):
    a = np.asarray(a, dtype=np.float64)
    return {'x': enc(a.ravel()), 'shape': list(a.shape)}

def result(f):
    try:
        r = f()
    except Exception as e:  # NumPy's error class name
        return {'error': type(e).__name__}
    if isinstance(r, tuple):
        return {'expected': [enc(np.asarray(v, dtype=np.float64).ravel()) for v in r],
                'expectedShape': [list(np.shape(v)) for v in r]}
    return {'expected': enc(np.asarray(r, dtype=np.float64).ravel()), 'expectedShape': list(np.shape(r))}

nan, inf = float('nan'), float('inf')
rng = np.random.default_rng(20261203)

# ---- the nan-functions ------------------------------------------------------------------
big = rng.normal(size=(3, 4, 5))
big[rng.random((3, 4, 5)) < 0.25] = nan
big[1, 2, :] = nan
arrays = {
    'm': [[1, nan, 3, 4.5, -2], [nan, nan, nan, nan, nan], [0.1, 0.2, -0.0, 7, nan], [1e10, 1, -1e10, 3, 2]],
    'dense': [[1.5, -2, 3, 0.25], [4, 5, 6, -7], [0.1, 0.2, 0.3, 0.4]],
    'inf': [inf, 1, nan, -inf, 2, nan],
    'infpos': [nan, inf, 3, inf],
    'one': [nan],
    'five': [5.0],
    'zeros': [[0.0, -0.0, nan], [0.0, 1e-300, -0.0]],
    'big': big,
    'empty': np.zeros((0,)),
    'empty2': np.zeros((2, 0)),
    'odd': rng.normal(size=(7, 9)) * np.where(rng.random((7, 9)) < 0.2, nan, 1),
    'long': np.where(rng.random(1000) < 0.1, nan, rng.normal(loc=3, size=1000)),
}
axes_for = lambda nd: [None] + list(range(-nd, nd)) + ([(0, nd - 1)] if nd >= 2 else []) + ([(0, 1, 2)] if nd == 3 else [])

nan_cases = []
def nan_case(fn, name, call, **kw):
    a = np.asarray(arrays[name], dtype=np.float64)
    nan_cases.append({'fn': fn, 'array': name, **kw, **result(lambda: call(a))})

for name, data in arrays.items():
    nd = np.asarray(data).ndim
    for axis in axes_for(nd):
        ax = list(axis) if isinstance(axis, tuple) else axis
        for keepdims in (False, True):
            for ddof in (0, 1, 2.5):
                nan_case('nanvar', name, lambda a: np.nanvar(a, axis=axis, ddof=ddof, keepdims=keepdims), axis=ax, ddof=ddof, keepdims=keepdims)
                nan_case('nanstd', name, lambda a: np.nanstd(a, axis=axis, ddof=ddof, keepdims=keepdims), axis=ax, ddof=ddof, keepdims=keepdims)
            nan_case('nanprod', name, lambda a: np.nanprod(a, axis=axis, keepdims=keepdims), axis=ax, keepdims=keepdims)
            nan_case('countNonzero', name, lambda a: np.count_nonzero(a, axis=axis, keepdims=keepdims), axis=ax, keepdims=keepdims)
            if not isinstance(axis, tuple):
                nan_case('nanargmin', name, lambda a: np.nanargmin(a, axis=axis, keepdims=keepdims), axis=ax, keepdims=keepdims)
                nan_case('nanargmax', name, lambda a: np.nanargmax(a, axis=axis, keepdims=keepdims), axis=ax, keepdims=keepdims)
        if not isinstance(axis, tuple):
            nan_case('nancumsum', name, lambda a: np.nancumsum(a, axis=axis), axis=ax)
            nan_case('nancumprod', name, lambda a: np.nancumprod(a, axis=axis), axis=ax)

# transposed views: NumPy's nanvar copies in the input's memory order (order 'K')
wide = rng.normal(size=(100, 40))
wide[rng.random((100, 40)) < 0.15] = nan
arrays['wide'] = wide
for name in ('wide', 'odd', 'big'):
    t = np.asarray(arrays[name], dtype=np.float64).T
    for axis in [None] + list(range(t.ndim)):
        for fn, f in (('nanvar', np.nanvar), ('nanstd', np.nanstd)):
            nan_cases.append({'fn': fn, 'array': name, 'view': 'T', 'axis': axis, 'ddof': 1, 'keepdims': False,
                              **result(lambda: f(t, axis=axis, ddof=1))})

# ---- histogram, histogram_bin_edges ------------------------------------------------------
normal = rng.normal(size=1000)
data = {
    'normal': normal,
    'uniform': rng.uniform(-3.3, 7.1, size=997),
    'grid': np.linspace(-3.3, 7.1, 1001),           # many values exactly on computed edges
    'tenths': np.arange(100) * 0.1,
    'ints': np.array([0, 1, 1, 2, 9, 3, 3, 3, 4], dtype=np.float64),  # ndvec data is float64
    'same': np.array([5.0, 5.0, 5.0]),
    'one': np.array([2.5]),
    'empty': np.zeros(0),
    'nan': np.array([1, nan, 3, 2, 0.5]),
    'inf': np.array([1, inf, 3, -inf, 0.5]),
    'matrix': np.array([[1, 2, 1], [1, 0, 1], [7, 3.5, -0.0]]),
    'skew': rng.exponential(size=400),
    'tiny': np.array([1.0, 1.0 + 2 ** -52, 1.0 + 2 ** -51]),
}
weights_for = {k: rng.uniform(0, 2, size=np.shape(v)) for k, v in data.items()}
hist_cases = []
def hist_case(name, bins, range_=None, density=False, weighted=False):
    a = data[name]
    w = weights_for[name] if weighted else None
    entry = {'data': name, 'bins': enc(bins) if isinstance(bins, list) else bins, 'range': None if range_ is None else enc(list(range_)),
             'density': density, 'weighted': weighted}
    entry['histogram'] = result(lambda: np.histogram(a, bins=bins, range=range_, density=density, weights=w))
    entry['edges'] = result(lambda: np.histogram_bin_edges(a, bins=bins, range=range_, weights=w))
    hist_cases.append(entry)

for name in data:
    for bins in (10, 7, 1, 13, 100):
        hist_case(name, bins)
    for est in ('auto', 'fd', 'doane', 'scott', 'stone', 'rice', 'sturges', 'sqrt'):
        hist_case(name, est)
    hist_case(name, 10, weighted=True)
    hist_case(name, 10, density=True)
    hist_case(name, 7, density=True, weighted=True)
    hist_case(name, [-1.0, 0.0, 0.5, 2.0, 3.0])
    hist_case(name, [-1.0, 0.0, 0.5, 2.0, 3.0], weighted=True)
    hist_case(name, [-1.0, 0.0, 0.5, 2.0, 3.0], density=True)
    hist_case(name, [0.0, 1.0, 1.0, 2.0])
    for r in ((-1, 1), (0, 3.7), (2, 2), (0.5, 0.5000001)):
        hist_case(name, 10, range_=r)
        hist_case(name, 'auto', range_=r)
        hist_case(name, 6, range_=r, weighted=True)
hist_case('normal', 3, range_=(1, -1))
hist_case('normal', 3, range_=(0, inf))
hist_case('normal', 'sturges', weighted=True)
hist_case('normal', [1.0, 0.0])
hist_case('normal', [])
hist_case('normal', [2.0])
hist_case('tiny', 100)

# ---- bincount ----------------------------------------------------------------------------
bincount_cases = []
for x, w, minlength in [
    ([0, 1, 1, 3, 2, 1, 7], None, 0), ([0, 1, 1, 3], [0.5, 1, 2, -1], 0), ([], None, 0), ([], None, 4),
    ([3], None, 2), ([3], [2.5], 6), ([0, 0, 0], [0.1, 0.2, 0.3], 0), (list(rng.integers(0, 50, 300)), list(rng.normal(size=300)), 60),
]:
    bincount_cases.append({'x': enc(x), 'weights': None if w is None else enc(w), 'minlength': minlength,
                           **result(lambda: np.bincount(np.array(x, dtype=np.intp), weights=w, minlength=minlength))})

# ---- digitize ----------------------------------------------------------------------------
digitize_cases = []
xs = [0.2, 6.4, 3.0, 1.6, -1, 10, 11, 0, 4, 2.5, nan, inf, -inf, -0.0]
for bins in ([0, 1, 2.5, 4, 10], [10, 4, 2.5, 1, 0], [1, 1, 2, 2, 3], [3, 3, 2, 1, 1], [5], [], [1, 1, 1],
             [0, 1, nan], [nan, 1], [1, 2, 0]):
    for right in (False, True):
        digitize_cases.append({'x': enc(xs), 'bins': enc(bins), 'right': right,
                               **result(lambda: np.digitize(np.array(xs), np.array(bins, dtype=np.float64), right=right))})

out = {'numpy': np.__version__, 'arrays': {k: flat(v) for k, v in arrays.items()}, 'nan': nan_cases,
       'data': {k: flat(v) for k, v in data.items()}, 'weights': {k: flat(v) for k, v in weights_for.items()},
       'histogram': hist_cases, 'bincount': bincount_cases, 'digitize': digitize_cases}
path = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'stats.json')
with open(path, 'w') as f:
    json.dump(out, f, separators=(',', ':'))
print(f'{path}: {len(nan_cases)} nan-function, {len(hist_cases)} histogram, {len(bincount_cases)} bincount, {len(digitize_cases)} digitize cases')
