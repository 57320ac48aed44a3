#!/usr/bin/env python3
"""Writes test/fixtures/numpy-conformance.json: inputs and NumPy's results for the semantics
test/numpy-conformance.test.ts checks (rounding, ranges, eye, var/std, nan-reductions,
isclose, searchsorted, quantiles, element-wise special values, ...).

Numbers are stored as strings (Python's repr: shortest round-trip, so JS's Number() reads the
same double back; 'nan', 'inf', '-inf', '-0.0' for the specials). Regenerate with
`python3 scripts/numpy-fixtures.py` (NumPy 2.x); the project does not need Python to test.
"""
import json, math, os
import numpy as np

def enc(x):
    if isinstance(x, (list, tuple)): return [enc(v) for v in x]
    if isinstance(x, np.ndarray): return enc(x.tolist())
    if isinstance(x, (bool, np.bool_)): return bool(x)
    x = float(x)
    if math.isnan(x): return 'nan'
    if math.isinf(x): return 'inf' if x > 0 else '-inf'
    return repr(x)

cases = []
def case(kind, **kw):
    cases.append({'kind': kind, **{k: (enc(v) if k in ('x', 'y', 'expected', 'q', 'v') else v) for k, v in kw.items()}})

# --- round(decimals): NumPy's algorithm (scale, rint half to even, unscale)
xs = [2.675, 0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 0.375, 1234.5, 1.005, 123.456, -123.456, 1e-300,
      1e300, 5e-324, float('nan'), float('inf'), float('-inf'), -0.0, 0.0, 0.285, 1.0e16 + 2, 7.45e-1, 0.049999999999999996]
for d in [-3, -1, 0, 1, 2, 3, 5, 10]:
    case('round', x=xs, decimals=d, expected=np.round(np.array(xs), d))

# --- arange: element i is start + i * delta, delta = (start + step) - start
for args in [(1, 2, 0.1), (0, 1, 0.1), (-1, 1, 0.3), (0, 10, 3), (10, 0, -1.5), (0.1, 0.5, 0.1),
             (1e16, 1e16 + 10, 3), (0, 5.5), (3,), (2.5,), (1, 1.3, 0.1), (0.3, 2.9, 0.7), (-5, 5, 1e-1)]:
    case('arange', args=list(args), expected=np.arange(*args, dtype=np.float64))

# --- linspace with and without the endpoint
for args in [(0, 1, 5, True), (0, 1, 5, False), (2, 3, 1, True), (2, 3, 1, False), (0, 1, 0, True),
             (-7.3, 11.9, 13, True), (-7.3, 11.9, 13, False), (1e-3, 1e3, 7, True), (5, 5, 3, True)]:
    s, e, n, ep = args
    case('linspace', args=[s, e, n, ep], expected=np.linspace(s, e, n, endpoint=ep))

# --- eye(n, m, k)
for n, m, k in [(3, 3, 0), (3, 4, 1), (3, 4, -1), (4, 3, 2), (2, 5, 4), (3, 3, 5), (3, 3, -3), (0, 2, 0)]:
    case('eye', args=[n, m, k], expected=np.eye(n, m, k))

# --- var / std with ddof and axes (2-D data with a large mean and a small spread)
rng = np.random.default_rng(7)
base = (1e9 + rng.integers(0, 7, size=(5, 9)) * 1e-3)
for axis in [None, 0, 1, -1]:
    for ddof in [0, 1, 2]:
        for fn in ['var', 'std']:
            case(fn, x=base, shape=list(base.shape), axis=axis, ddof=ddof, expected=getattr(np, fn)(base, axis=axis, ddof=ddof))
n = 1_000_000
big = 1e9 + (np.arange(n) % 7) * 1e-3
case('var-formula', formula='1e9 + (i % 7) * 1e-3', n=n, expected=[big.var()])
case('std-formula', formula='1e9 + (i % 7) * 1e-3', n=n, expected=[big.std()])

# --- nan-reductions as accurate as sum (pairwise)
full = np.full(10**7, 0.1)
case('sum-full', n=10**7, value='0.1', expected=[full.sum()])
withnan = np.array([[1.5, np.nan, 2.25, 1e16], [np.nan, np.nan, np.nan, 1.0], [0.1, 0.2, 0.3, -1e16]])
for axis in [None, 0, 1]:
    for fn in ['nansum', 'nanmean', 'nanmin', 'nanmax']:
        with np.errstate(all='ignore'):
            import warnings
            warnings.simplefilter('ignore')
            case(fn, x=withnan, shape=list(withnan.shape), axis=axis, expected=np.atleast_1d(getattr(np, fn)(withnan, axis=axis)))

# --- isclose (rtol, atol, equal_nan), infinities included
a = [1.0, 1.0 + 1e-9, 1e10, np.inf, np.inf, -np.inf, np.nan, 0.0, 1e-8, 5.0, np.inf]
b = [1.0, 1.0, 1.00001e10, np.inf, -np.inf, -np.inf, np.nan, 1e-9, 0.0, np.inf, 5.0]
for rtol, atol, eqn in [(1e-5, 1e-8, False), (1e-3, 0.0, False), (0.0, 0.0, True), (1e-5, np.inf, False), (np.inf, 0.0, False)]:
    case('isclose', x=a, y=b, rtol=enc(rtol), atol=enc(atol), equalNan=eqn, expected=np.isclose(a, b, rtol=rtol, atol=atol, equal_nan=eqn))

# --- searchsorted left / right, with repeats, NaN and infinities (NaN sorts last)
srt = [-np.inf, -1.0, 0.0, 0.0, 0.0, 2.5, 7.0, np.inf, np.nan]
vals = [-np.inf, -2.0, 0.0, 1.0, 2.5, 7.0, 100.0, np.inf, np.nan, -0.0]
for side in ['left', 'right']:
    case('searchsorted', x=srt, v=vals, side=side, expected=np.searchsorted(srt, vals, side=side).astype(float))

# --- quantile / percentile / median (linear method)
qd = np.array([[3.0, -1.0, 7.5, 2.0, 2.0], [10.0, 0.0, -4.0, 8.0, 1.0]])
for axis in [None, 0, 1]:
    case('quantile', x=qd, shape=list(qd.shape), q=[0.0, 0.1, 0.25, 0.5, 0.9, 1.0], axis=axis, expected=np.atleast_1d(np.quantile(qd, [0.0, 0.1, 0.25, 0.5, 0.9, 1.0], axis=axis)))
    case('median', x=qd, shape=list(qd.shape), axis=axis, expected=np.atleast_1d(np.median(qd, axis=axis)))

# --- element-wise special values
sp = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, np.inf, -np.inf, np.nan, 1e308, -1e308, 5e-324, 3.0, -7.0]
with np.errstate(all='ignore'):
    for fn in ['mod', 'maximum', 'minimum', 'arctan2', 'hypot', 'power']:
        X = np.array(sp)[:, None] * np.ones(len(sp))
        Y = np.array(sp)[None, :] * np.ones((len(sp), 1))
        case('binary', op=fn, x=X.ravel(), y=Y.ravel(), expected=getattr(np, fn)(X, Y).ravel())
    for fn in ['sign', 'floor', 'ceil', 'trunc', 'rint', 'abs', 'sqrt', 'cbrt', 'reciprocal', 'square']:
        case('unary', op=fn, x=sp, expected=getattr(np, fn)(np.array(sp)))
    case('clip', x=sp, lo=enc(-1.5), hi=enc(2.0), expected=np.clip(np.array(sp), -1.5, 2.0))

# --- cumulative and differences
cd = np.array([[1.0, np.nan, 3.0], [0.5, -2.0, np.inf]])
for axis in [0, 1]:
    case('cumsum', x=cd, shape=list(cd.shape), axis=axis, expected=np.cumsum(cd, axis=axis))
    case('cumprod', x=cd, shape=list(cd.shape), axis=axis, expected=np.cumprod(cd, axis=axis))
    case('diff', x=cd, shape=list(cd.shape), axis=axis, expected=np.diff(cd, axis=axis))

out = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'numpy-conformance.json')
with open(out, 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': cases}, f, separators=(',', ':'))
print(f'wrote {len(cases)} cases to {os.path.relpath(out)}')
