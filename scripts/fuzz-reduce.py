#!/usr/bin/env python3
"""Differential fuzz of ndvec's reductions and statistics against NumPy.

Draws random cases (a base array of 0-4 dims with sizes from {0, 1, 2, 3, 5, 17, 33, 257},
values from pools of normals, small integers, heavy specials (NaN, +-Inf, -0, 1e308,
subnormals) or bools; a view built from slices and a transpose; a function with its axis,
keepdims, ddof, q, method, n) and records NumPy's answer: the result's shape, kind
(bool or number) and values as repr strings (exact float64), or the exception class.
test/fuzz-reduce.test.ts replays each case with WASM on and off.

    python3 scripts/fuzz-reduce.py [count] [seed] [out]   # defaults: 1600 42 test/fixtures/fuzz-reduce.json.gz
"""
import gzip
import json
import sys
import warnings

import numpy as np

SIZES = [0, 1, 2, 3, 5, 17, 33, 257]
SPECIALS = [np.nan, np.inf, -np.inf, -0.0, 0.0, 1e308, -1e308, 5e-324, -5e-324, 2.2250738585072014e-308,
            1.0, -1.0, 0.5, 3.0, 1e-300, 1e300]
METHODS = ['inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf',
           'hazen', 'weibull', 'linear', 'median_unbiased', 'normal_unbiased',
           'lower', 'higher', 'midpoint', 'nearest']

# name -> (kind of arguments, NumPy callable)
FUNCS = {
    'sum': 'red', 'prod': 'red', 'mean': 'red', 'min': 'red', 'max': 'red', 'any': 'red', 'all': 'red',
    'nansum': 'red', 'nanmean': 'red', 'nanmin': 'red', 'nanmax': 'red', 'nanprod': 'red',
    'countNonzero': 'red', 'ptp': 'red', 'median': 'red', 'nanmedian': 'red', 'average': 'avg',
    'var': 'var', 'std': 'var', 'nanvar': 'var', 'nanstd': 'var',
    'argmin': 'arg', 'argmax': 'arg', 'nanargmin': 'arg', 'nanargmax': 'arg',
    'cumsum': 'cum', 'cumprod': 'cum', 'nancumsum': 'cum', 'nancumprod': 'cum',
    'quantile': 'q', 'percentile': 'q', 'nanquantile': 'q', 'nanpercentile': 'q',
    'diff': 'diff',
}
NP = {'countNonzero': np.count_nonzero}


def enc(x):
    """A float64 as the shortest repr that round-trips ('nan', 'inf', '-inf', '-0.0' spelled out)."""
    return repr(float(x))


def draw_shape(rng):
    nd = int(rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4]))
    while True:
        shape = [int(rng.choice(SIZES, p=[0.08, 0.14, 0.16, 0.16, 0.16, 0.14, 0.1, 0.06])) for _ in range(nd)]
        if int(np.prod(shape)) <= 2200:
            return shape


def draw_values(rng, n, pool):
    if pool == 'normal':
        return rng.standard_normal(n) * float(rng.choice([1, 1e-3, 1e6]))
    if pool == 'int':
        return rng.integers(-4, 5, n).astype(np.float64)
    if pool == 'special':
        return rng.choice(np.array(SPECIALS), n)
    if pool == 'mixed':
        v = rng.standard_normal(n)
        k = rng.random(n) < 0.15
        v[k] = rng.choice(np.array(SPECIALS), int(k.sum()))
        return v
    if pool == 'nanrows':  # many NaN so that whole slices are NaN
        v = rng.integers(-3, 4, n).astype(np.float64)
        v[rng.random(n) < 0.7] = np.nan
        return v
    if pool == 'big':
        return rng.choice(np.array([1e308, -1e308, 1.7e308, 8e307, 1.0, -0.0]), n)
    raise ValueError(pool)


def draw_view(rng, shape):
    """A list of view steps: ['slice', specs] and/or ['transpose', perm]."""
    steps = []
    if shape and rng.random() < 0.4:
        specs = [str(rng.choice([':', ':', '::-1', '::2', '1:', '::-2', '1::2', ':-1'])) for _ in shape]
        steps.append(['slice', specs])
    if len(shape) >= 2 and rng.random() < 0.35:
        steps.append(['transpose', [int(i) for i in rng.permutation(len(shape))]])
    return steps


def apply_view(a, steps):
    for kind, arg in steps:
        if kind == 'slice':
            idx = []
            for s in arg:
                parts = s.split(':')
                vals = [int(p) if p else None for p in parts]
                idx.append(slice(*vals))
            a = a[tuple(idx)]
        else:
            a = a.transpose(arg)
    return a


def draw_axis(rng, ndim, single=False):
    r = rng.random()
    if r < 0.25 or ndim == 0:
        if ndim == 0 and rng.random() < 0.15:
            return int(rng.choice([0, -1]))  # AxisError
        return None
    if r < 0.03 + 0.25:
        return int(rng.choice([ndim, -ndim - 1]))  # out of range
    if single or r < 0.75:
        ax = int(rng.integers(0, ndim))
        return ax - ndim if rng.random() < 0.4 else ax
    k = int(rng.integers(1, ndim + 1))
    axes = [int(x) for x in rng.choice(ndim, k, replace=False)]
    axes = [x - ndim if rng.random() < 0.3 else x for x in axes]
    if rng.random() < 0.04:
        axes.append(axes[0])  # duplicate
    return axes


def np_axis(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def run(name, a, args):
    kind = FUNCS[name]
    f = NP.get(name) or getattr(np, name)
    ax = np_axis(args.get('axis'))
    kw = {}
    if 'keepdims' in args:
        kw['keepdims'] = args['keepdims']
    if kind in ('red', 'arg', 'avg'):
        if kind == 'avg' and 'weights' in args:
            kw['weights'] = np.array(args['weights']['values'], dtype=np.float64).reshape(args['weights']['shape'])
        return f(a, axis=ax, **kw)
    if kind == 'var':
        return f(a, axis=ax, ddof=args['ddof'], **kw)
    if kind == 'cum':
        return f(a, axis=ax)
    if kind == 'q':
        q = np.array(args['q']) if isinstance(args['q'], list) else args['q']
        return f(a, q, axis=ax, method=args['method'], **kw)
    if kind == 'diff':
        return np.diff(a, n=args['n'], axis=args['axis'])
    raise ValueError(kind)


def draw_case(rng, i):
    name = list(FUNCS)[i % len(FUNCS)] if rng.random() < 0.5 else str(rng.choice(list(FUNCS)))
    kind = FUNCS[name]
    shape = draw_shape(rng)
    n = int(np.prod(shape))
    dtype = 'bool' if rng.random() < 0.1 else 'float64'
    if dtype == 'bool':
        base = rng.random(n) < float(rng.choice([0.1, 0.5, 0.9]))
        data = [bool(x) for x in base]
        base = base.reshape(shape)
    else:
        pool = str(rng.choice(['normal', 'normal', 'int', 'special', 'mixed', 'mixed', 'nanrows', 'big']))
        base = draw_values(rng, n, pool).reshape(shape)
        data = [enc(x) for x in base.ravel()]
    view = draw_view(rng, shape)
    a = apply_view(base, view)
    args = {}
    single = kind in ('arg', 'cum', 'diff')
    if kind == 'diff':
        args['n'] = int(rng.choice([0, 1, 1, 1, 2, 3]))
        args['axis'] = (int(rng.integers(-a.ndim, a.ndim)) if a.ndim else 0) if rng.random() < 0.95 else a.ndim
    else:
        args['axis'] = draw_axis(rng, a.ndim, single)
    if kind in ('red', 'arg', 'var', 'q', 'avg') and rng.random() < 0.4:
        args['keepdims'] = bool(rng.random() < 0.7)
    if kind == 'var':
        args['ddof'] = int(rng.choice([0, 0, 1, 1, 2, 5]))
    if kind == 'q':
        pct = name.endswith('percentile')
        scale = 100 if pct else 1
        if rng.random() < 0.6:
            args['q'] = float(rng.choice([0, 0.5, 1, 0.25, 0.75, 0.1, 0.9, 0.333, 0.01])) * scale
        else:
            args['q'] = [float(x) * scale for x in rng.choice([0, 0.5, 1, 0.25, 0.75, 0.1, 0.9, 0.333], int(rng.integers(0, 4)))]
        args['method'] = str(rng.choice(METHODS))
    if kind == 'avg' and rng.random() < 0.5 and dtype == 'float64':
        ax = args['axis']
        if isinstance(ax, int) and -a.ndim <= ax < a.ndim and rng.random() < 0.5:
            wshape = [a.shape[ax]]
        else:
            wshape = list(a.shape)
        w = rng.integers(0, 4, int(np.prod(wshape))).astype(np.float64)
        args['weights'] = {'shape': wshape, 'values': [enc(x) for x in w]}
    case = {'id': i, 'fn': name, 'dtype': dtype, 'shape': shape, 'data': data, 'view': view, 'args': args}
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            r = run(name, a, args)
        except Exception as e:  # noqa: BLE001
            cls = 'AxisError' if isinstance(e, np.exceptions.AxisError) else type(e).__name__
            case['error'] = cls
            case['message'] = str(e)[:120]
            return case
    r = np.asarray(r)
    case['rshape'] = list(r.shape)
    case['rkind'] = 'bool' if r.dtype == np.bool_ else 'number'
    case['result'] = [bool(x) for x in r.ravel()] if r.dtype == np.bool_ else [enc(x) for x in r.astype(np.float64).ravel()]
    return case


def named_cases():
    """Hand-written cases: one per bug found (and a few edges the random draw rarely makes)."""
    out = []

    def add(label, fn, data, shape, args, view=None, dtype='float64'):
        base = np.array(data, dtype=np.bool_ if dtype == 'bool' else np.float64).reshape(shape)
        c = {'id': f'named:{label}', 'fn': fn, 'dtype': dtype, 'shape': list(shape),
             'data': [bool(x) for x in base.ravel()] if dtype == 'bool' else [enc(x) for x in base.ravel()],
             'view': view or [], 'args': args}
        a = apply_view(base, c['view'])
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            try:
                r = np.asarray(run(fn, a, args))
                c['rshape'] = list(r.shape)
                c['rkind'] = 'bool' if r.dtype == np.bool_ else 'number'
                c['result'] = [bool(x) for x in r.ravel()] if r.dtype == np.bool_ else [enc(x) for x in r.astype(np.float64).ravel()]
            except Exception as e:  # noqa: BLE001
                c['error'] = 'AxisError' if isinstance(e, np.exceptions.AxisError) else type(e).__name__
                c['message'] = str(e)[:120]
        out.append(c)

    add('sum-neg-zero', 'sum', [-0.0, -0.0], [2], {'axis': None})
    add('sum-empty', 'sum', [], [0], {'axis': None})
    add('prod-empty', 'prod', [], [0], {'axis': None})
    add('mean-empty', 'mean', [], [0], {'axis': None})
    add('min-empty', 'min', [], [0], {'axis': None})
    add('argmin-first-nan', 'argmin', [1, np.nan, 0, np.nan], [4], {'axis': None})
    add('var-inf', 'var', [np.inf, 1.0, 2.0], [3], {'axis': None, 'ddof': 0})
    add('sum-overflow', 'sum', [1e308, 1e308], [2], {'axis': None})
    add('nanargmin-all-nan-row', 'nanargmin', [np.nan, np.nan, 1, 2], [2, 2], {'axis': 1})
    add('median-empty-axis', 'median', [], [0, 3], {'axis': 0})
    add('cumsum-bool', 'cumsum', [True, True, False], [3], {'axis': None}, dtype='bool')
    # bugs found by this fuzz (ndvec before the fix in parentheses)
    big = [0.0] + [1e300] * 599
    add('prod-in-order', 'prod', [0.0, 1e300, 1e300, 1e300, 1e300], [5], {'axis': None})  # (NaN: 4 partial products)
    add('prod-in-order-wasm', 'prod', big, [600], {'axis': None})  # (NaN: WASM lanes)
    add('prod-in-order-rows', 'prod', big + big, [2, 600], {'axis': -1})  # (NaN: WASM prod_last)
    add('prod-underflow-order', 'prod', [1e-200, 1e-200, 1e200, 1e200, 1, 1, 1, 1], [8], {'axis': None})  # (1: NumPy 0)
    add('nanprod-transposed', 'nanprod', [1e300, 1e300, 0, np.nan], [2, 2], {'axis': None}, view=[['transpose', [1, 0]]])  # (0: NumPy NaN)
    add('var-ddof-past-n', 'var', [1, 2, 3], [3], {'axis': None, 'ddof': 5})  # (NaN: NumPy inf)
    add('std-ddof-past-n-axis', 'std', [1, 2, 3, 4, 4, 4], [2, 3], {'axis': 1, 'ddof': 3})  # ([NaN, NaN]: NumPy [inf, nan])
    add('nanstd-bool-ddof', 'nanstd', [True, False, True], [3], {'axis': 0, 'ddof': 4}, dtype='bool')  # (NaN: NumPy inf)
    add('scalar-sum-axis-minus1', 'sum', [5.0], [], {'axis': -1})  # (AxisError)
    add('scalar-argmax-axis-0', 'argmax', [5.0], [], {'axis': 0, 'keepdims': True})  # (AxisError)
    add('scalar-cumsum-axis-0', 'cumsum', [5.0], [], {'axis': 0})  # (AxisError; NumPy [5])
    add('scalar-nanvar-axis-0', 'nanvar', [5.0], [], {'axis': 0, 'ddof': 0})  # (AxisError)
    add('scalar-countnonzero-axis-0', 'countNonzero', [5.0], [], {'axis': 0})  # (AxisError)
    add('scalar-nanargmin-axis-m1', 'nanargmin', [np.nan], [], {'axis': -1})  # (AxisError; NumPy ValueError all-NaN)
    add('scalar-mean-axis-0', 'mean', [5.0], [], {'axis': 0})  # AxisError in both
    add('scalar-sum-axis-list', 'sum', [5.0], [], {'axis': [0]})  # AxisError in both
    add('nanmedian-odd-masked', 'nanmedian', [1.7e308, 1, 1.7e308, -0.0, 5, -0.0], [2, 3], {'axis': 1})  # ([1.7e308, -0]: NumPy [inf, 0])
    add('nanmedian-odd-1d', 'nanmedian', [1.7e308, 1, 1.7e308], [3], {'axis': 0})  # 1.7e308 in both
    add('diff-n0-bad-axis', 'diff', [1, 2, 3], [3], {'n': 0, 'axis': 3})  # (AxisError: NumPy returns a)
    add('average-empty-result', 'average', [], [2, 0], {'axis': 0})  # ([] : NumPy ZeroDivisionError)
    add('average-empty-result-weighted', 'average', [], [2, 0], {'axis': 0, 'weights': {'shape': [2, 0], 'values': []}})  # [] in both
    add('bool-quantile-lower', 'quantile', [True, False, True, False, False, True], [2, 3], {'axis': 1, 'q': [0.5], 'method': 'lower'}, dtype='bool')  # (float64: NumPy bool)
    add('bool-quantile-axis-0d', 'nanpercentile', [True, False, True], [3], {'axis': 0, 'q': 90, 'method': 'nearest'}, dtype='bool')  # (float64 0-d: NumPy bool)
    add('bool-quantile-linear', 'quantile', [True, False, True], [3], {'axis': None, 'q': 0.5, 'method': 'linear'}, dtype='bool')  # (1: NumPy TypeError)
    add('nanquantile-empty-is-nanmean', 'nanquantile', [], [0, 3], {'axis': 1, 'q': [0.25, 0.5], 'method': 'linear'})  # (shape [2, 0]: NumPy [0])
    add('nanpercentile-empty-bool', 'nanpercentile', [], [2, 0], {'axis': None, 'q': [50], 'method': 'hazen'}, dtype='bool')  # (DTypeError: NumPy nan)
    add('ptp-bool-bad-axis', 'ptp', [True, False], [2], {'axis': 1}, dtype='bool')  # (DTypeError: NumPy AxisError)
    h = 1e308
    add('sum-view-one-run', 'sum', [-h, -h, -h, -h, h, 1, 1, 1, 1, h, h, -h], [3, 4], {'axis': None}, view=[['slice', ['::-1', '::2']]])  # (NaN: NumPy inf)
    add('mean-view-one-run', 'mean', [-h, 1, 1, 1, h, h, 1, -h, 1, 1, 1, h], [3, 4], {'axis': None}, view=[['slice', ['::-1', '::2']]])  # (0: NumPy 1/6)
    add('diff-n0-scalar', 'diff', [4.0], [], {'n': 0, 'axis': -1})  # (ShapeError: NumPy returns a)
    return out


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1600
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
    path = sys.argv[3] if len(sys.argv) > 3 else 'test/fixtures/fuzz-reduce.json.gz'
    rng = np.random.default_rng(seed)
    cases = [draw_case(rng, i) for i in range(count)] + named_cases()
    doc = {'numpy': np.__version__, 'seed': seed, 'cases': cases}
    text = json.dumps(doc, separators=(',', ':'))
    if path.endswith('.gz'):
        with gzip.open(path, 'wt', encoding='utf8') as fh:
            fh.write(text)
    else:
        with open(path, 'w', encoding='utf8') as fh:
            fh.write(text)
    print(f'{len(cases)} cases, numpy {np.__version__} -> {path}')


if __name__ == '__main__':
    main()
