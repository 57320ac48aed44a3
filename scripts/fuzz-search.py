"""Differential fuzz of ndvec's searching, selection, set and histogram functions against NumPy
(test/fuzz-search.test.ts).

Writes test/fixtures/fuzz-search.json.gz: random cases over partition, argpartition,
searchsorted, unique, nonzero, argwhere, countNonzero (axis), histogram (bins as a count or
edges, range, density, weights), histogramBinEdges, bincount (weights, minlength), digitize
(right, increasing and decreasing bins), interp (left, right, period) and trapezoid (x, dx,
axis), then the named cases (one per bug the fuzz found).

Operands are recipes the test rebuilds (test/fixture-views.ts: a base's values and shape, then a
view of it). Shapes have 0-3 axes of sizes 0, 1, 2, 3, 5, 17 and 257; values are heavy in ties,
NaN, -0 and +-Inf; parameters are drawn from valid and invalid ranges. Each case records NumPy's
result (shape, dtype, flat C-order values with '-0', 'NaN', '+-Infinity' spelled as strings;
integer results are spelled float64, ndvec's dtype for indices and counts) or its exception
class.

    python3 scripts/fuzz-search.py [seed] [count] [out]
"""
import gzip
import json
import math
import os
import sys
import warnings

import numpy as np

from fuzz_common import base_shape_of, cli, dec, enc, pack, view_of  # noqa: F401 (shared with the other fuzz generators)

warnings.simplefilter('ignore')

SEED, N, OUT = cli(11, 1400, 'fuzz-search.json.gz')
rng = np.random.default_rng(SEED)
SIZES = [0, 1, 1, 2, 2, 3, 3, 5, 5, 17, 257]


def pick(xs):
    return xs[int(rng.integers(0, len(xs)))]


def rand_shape(maxdim=3, mindim=0, maxsize=600):
    while True:
        nd = int(rng.integers(mindim, maxdim + 1))
        s = [pick(SIZES) for _ in range(nd)]
        if int(np.prod(s)) <= maxsize:
            return s


SPECIAL = [np.nan, -0.0, 0.0, np.inf, -np.inf]


def rand_values(size, kind='f'):
    if kind == 'bool':
        return [bool(b) for b in rng.integers(0, 2, size)]
    if kind == 'int':  # bincount: small non-negative integers, now and then a bad one
        out = [float(rng.integers(0, 8)) for _ in range(size)]
        if size and rng.random() < 0.15:
            out[int(rng.integers(0, size))] = pick([-1.0, 2.5, np.nan, np.inf, -0.0])
        return out
    p_special = pick([0.0, 0.05, 0.2, 0.5])
    ties = pick([2, 4, 10, 1000])
    # near-overflow values (not for trapezoid: which partial sum overflows to +-Inf first is
    # the summation order's, the reductions fuzz's business)
    p_extreme = pick([0.0, 0.0, 0.0, 0.1]) if EXTREME else 0.0
    out = []
    for _ in range(size):
        if rng.random() < p_extreme:
            out.append(pick([1e308, -1e308, 5e-324, -5e-324, 2.0 ** 53 + 2, 1e-300, 1.7976931348623157e308]))
        elif rng.random() < p_special:
            out.append(pick(SPECIAL))
        else:
            out.append(float(rng.integers(-ties, ties + 1)) * pick([1.0, 0.5, 0.25, 1.0 / 3]))
    return out


VIEWS = ['c', 'c', 'c', 'T', 'rev', 'step', 'bc', 'off', 'flip', 'swap']


def make(shape, kind='f', views=VIEWS, values=None):
    """A recipe {base, baseShape, view, dtype, shape} and the numpy view it describes."""
    dtype = 'bool' if kind == 'bool' else 'float64'
    view = pick(list(views)) if len(shape) > 0 else 'c'
    if values is not None:
        view = 'c' if view not in ('c', 'rev', 'step', 'off') or len(shape) != 1 else view
    if view == 'bc' and not any(d != 1 for d in shape):
        view = 'c'
    if view == 'swap' and len(shape) < 2:
        view = 'c'
    base_shape = base_shape_of(view, shape, pick)
    size = int(np.prod(base_shape))
    if values is not None:
        vals = list(values)
        # lay the wanted (sorted) values out so the view reads them in order
        if view == 'rev':
            base = vals[::-1]
        elif view == 'step':
            base = [x for v in vals for x in (v, 12345.0)]
        elif view == 'off':
            base = [-12345.0] + vals
        else:
            base = vals
    else:
        base = rand_values(size, kind)
    b = np.array(base, dtype=bool if dtype == 'bool' else np.float64).reshape(base_shape)
    arr = view_of(b, view, tuple(shape))
    assert list(arr.shape) == list(shape), (arr.shape, shape, view)
    return {'base': [enc(v) for v in b.ravel()], 'baseShape': base_shape, 'view': view, 'dtype': dtype, 'shape': list(shape)}, arr


def error_of(e):
    return type(e).__name__


def rand_axis(ndim, allow_none=True):
    r = rng.random()
    if allow_none and r < 0.15:
        return None
    if r < 0.22:
        return pick([ndim, -ndim - 1, 5])
    if ndim == 0:
        return pick([0, -1])
    return int(rng.integers(-ndim, ndim))


def run(case, f):
    try:
        r = f()
    except Exception as e:  # noqa: BLE001
        case['error'] = error_of(e)
        return case
    if isinstance(r, (tuple, list)):
        case['results'] = [pack(x) for x in r]
    else:
        case['result'] = pack(r)
    return case


def sorted_values(n):
    v = np.array(rand_values(n))
    return list(np.sort(v))


EXTREME = True


def BOOLS():  # noqa: N802  (a bool operand now and then)
    return 'bool' if rng.random() < 0.07 else 'f'


def gen_one(fn):
    global EXTREME
    EXTREME = fn != 'trapezoid'
    c = {'fn': fn}
    if fn in ('partition', 'argpartition'):
        shape = rand_shape(mindim=0)
        rec, a = make(shape, 'bool' if rng.random() < 0.08 else 'f')
        axis = rand_axis(len(shape))
        n = a.size if axis is None else (shape[axis] if len(shape) and -len(shape) <= axis < len(shape) else 3)
        if rng.random() < 0.6:
            kth = int(rng.integers(-n, n)) if n > 0 and rng.random() < 0.9 else pick([n, -n - 1, 0])
        else:
            kth = [int(rng.integers(-n, n)) if n > 0 and rng.random() < 0.93 else n for _ in range(int(rng.integers(0, 4)))]
        c.update(a=rec, args=[kth, axis])
        run(c, lambda: getattr(np, fn)(a, kth, axis=axis))
        if 'error' not in c and fn == 'argpartition':
            pass
        return c
    if fn == 'searchsorted':
        n = pick(SIZES + [40, 100])
        vals = sorted_values(n)
        rec, a = make([n], values=vals)
        side = pick(['left', 'right', 'left', 'right', 'middle']) if rng.random() < 0.95 else None
        if rng.random() < 0.3:
            v = float(pick(vals + SPECIAL + [1.5, -100.0])) if vals else float(pick(SPECIAL))
            vrec = v
            vv = v
        else:
            vrec, vv = make(rand_shape(maxdim=2))
        c.update(a=rec, args=[enc(vrec) if isinstance(vrec, float) else vrec, side])
        if side is None:
            run(c, lambda: np.searchsorted(a, vv))
        else:
            run(c, lambda: np.searchsorted(a, vv, side=side))
        return c
    if fn in ('unique', 'nonzero', 'argwhere'):
        kind = 'bool' if rng.random() < 0.15 else 'f'
        rec, a = make(rand_shape(), kind)
        c.update(a=rec, args=[])
        f = {'unique': np.unique, 'nonzero': np.nonzero, 'argwhere': np.argwhere}[fn]
        run(c, lambda: f(a))
        return c
    if fn == 'countNonzero':
        kind = 'bool' if rng.random() < 0.2 else 'f'
        shape = rand_shape()
        rec, a = make(shape, kind)
        axis = rand_axis(len(shape))
        if rng.random() < 0.2 and len(shape) >= 2:
            axis = [int(x) for x in rng.choice(np.arange(-len(shape), len(shape)), 2, replace=False)]
        keep = bool(rng.random() < 0.3)
        c.update(a=rec, args=[axis, keep])
        run(c, lambda: np.count_nonzero(a, axis=tuple(axis) if isinstance(axis, list) else axis, keepdims=keep))
        return c
    if fn in ('histogram', 'histogramBinEdges'):
        shape = rand_shape(maxsize=300)
        rec, a = make(shape, BOOLS())
        opts = {}
        r = rng.random()
        if r < 0.08:
            bins = pick(['auto', 'fd', 'doane', 'scott', 'stone', 'rice', 'sturges', 'sqrt', 'bogus'])
        elif r < 0.45:
            bins = int(pick([1, 2, 3, 5, 10, 17, 0, -1]))
        else:
            bins = sorted(float(x) for x in rng.integers(-4, 5, int(pick([0, 1, 2, 3, 5]))))
            if rng.random() < 0.1 and len(bins) > 1:
                bins = bins[::-1]
            if rng.random() < 0.1 and bins:
                bins[-1] = pick([np.inf, np.nan])
            bins = [enc(b) for b in bins]
        if rng.random() < 0.4:
            lo = float(rng.integers(-5, 5))
            hi = lo + float(pick([0, 1, 3, 7.5, -1]))
            if rng.random() < 0.1:
                hi = pick([np.inf, np.nan])
            opts['range'] = [enc(lo), enc(hi)]
        if fn == 'histogram' and rng.random() < 0.3:
            opts['density'] = bool(rng.random() < 0.7)
        if rng.random() < 0.3:
            # weights without near-overflow values: NumPy sums them in its unstable argsort's
            # order, and 2**53 + 2 or 1e308 would make that order decide whole bins
            EXTREME = False
            wrec, w = make(shape if rng.random() < 0.9 else [3])
            EXTREME = True
            opts['weights'] = wrec
        else:
            w = None
        c.update(a=rec, args=[bins, opts])
        npb = bins if isinstance(bins, (int, str)) else [float({'NaN': 'nan', 'Infinity': 'inf'}.get(b, b)) if isinstance(b, str) else b for b in bins]
        kw = {}
        if 'range' in opts:
            kw['range'] = tuple(float({'NaN': 'nan', 'Infinity': 'inf', '-Infinity': '-inf', '-0': '-0.0'}.get(x, x)) for x in opts['range'])
        if 'density' in opts:
            kw['density'] = opts['density']
        if w is not None:
            kw['weights'] = w
        f = np.histogram if fn == 'histogram' else np.histogram_bin_edges
        run(c, lambda: f(a, npb, **kw))
        return c
    if fn == 'bincount':
        n = pick(SIZES[:-1] + [64, 100, 257])
        rec, x = make([n] if rng.random() < 0.95 else rand_shape(mindim=2, maxdim=2), 'int')
        opts = {}
        w = None
        if rng.random() < 0.4:
            wrec, w = make([n] if rng.random() < 0.9 else [n + 1])
            opts['weights'] = wrec
        if rng.random() < 0.4:
            opts['minlength'] = int(pick([0, 1, 5, 10, -1]))
        c.update(a=rec, args=[opts])
        kw = {}
        if w is not None:
            kw['weights'] = w
        if 'minlength' in opts:
            kw['minlength'] = opts['minlength']
        # ndvec's arrays are float64: integral values stand for NumPy's int64 array; any other
        # value (2.5, NaN, Inf) stays float64, which NumPy refuses (TypeError)
        xi = x.astype(np.int64) if np.all(np.isfinite(x)) and np.all(x == np.round(x)) else x
        run(c, lambda: np.bincount(xi, **kw))
        return c
    if fn == 'digitize':
        rec, x = make(rand_shape(maxdim=2), BOOLS())
        nb = pick([0, 1, 2, 3, 5, 17, 100])
        bins = sorted_values(nb)
        if rng.random() < 0.4:
            bins = bins[::-1]
        if rng.random() < 0.08 and nb > 2:
            bins[0], bins[1] = bins[1], bins[0]
            bins[1], bins[2] = bins[2], bins[1]
        right = bool(rng.random() < 0.5)
        c.update(a=rec, args=[[enc(b) for b in bins], right])
        run(c, lambda: np.digitize(x, np.array(bins, dtype=np.float64), right=right))
        return c
    if fn == 'interp':
        rec, x = make(rand_shape(maxdim=2), BOOLS())
        n = pick([0, 1, 2, 3, 5, 17])
        xp = sorted_values(n)
        if rng.random() < 0.5:  # mostly distinct, finite xp
            xp = sorted(set(float(v) for v in rng.integers(-8, 9, n) * 0.5))
            n = len(xp)
        fp = rand_values(n)
        if rng.random() < 0.05:
            fp = fp + [1.0]
        opts = {}
        kw = {}
        for k in ('left', 'right'):
            if rng.random() < 0.25:
                opts[k] = enc(pick([-1.0, 99.0, np.nan, np.inf]))
                kw[k] = float({'NaN': 'nan', 'Infinity': 'inf'}.get(opts[k], opts[k])) if isinstance(opts[k], str) else opts[k]
        if rng.random() < 0.2:
            p = pick([2.0, 5.0, -3.0, 0.0, 360.0])
            opts['period'] = p
            kw['period'] = p
        c.update(a=rec, args=[[enc(v) for v in xp], [enc(v) for v in fp], opts])
        run(c, lambda: np.interp(x, np.array(xp, dtype=np.float64), np.array(fp, dtype=np.float64), **kw))
        return c
    if fn == 'trapezoid':
        shape = rand_shape()
        rec, y = make(shape)  # bool y: see the named case
        axis = rand_axis(len(shape), allow_none=False)
        opts = {'axis': axis}
        kw = {'axis': axis}
        xrec = None
        r = rng.random()
        if r < 0.35 and len(shape) and -len(shape) <= axis < len(shape):
            xv = sorted_values(shape[axis]) if rng.random() < 0.5 else list(rng.integers(-3, 4, shape[axis]) * 0.5)
            if rng.random() < 0.1:
                xv = xv + [1.0]
            xrec, xa = make([len(xv)], values=[float(v) for v in xv])
            kw['x'] = xa
        elif r < 0.55:
            opts['dx'] = pick([0.5, 2.0, -1.0, 0.1])
            kw['dx'] = opts['dx']
        c.update(a=rec, args=[xrec, opts])
        run(c, lambda: np.trapezoid(y, **kw))
        return c
    raise ValueError(fn)


FNS = ['partition', 'argpartition', 'searchsorted', 'unique', 'nonzero', 'argwhere', 'countNonzero',
       'histogram', 'histogramBinEdges', 'bincount', 'digitize', 'interp', 'trapezoid']
WEIGHT = {'partition': 2, 'argpartition': 2, 'searchsorted': 2, 'histogram': 2}


def named():
    """One case per bug the fuzz found (label: what went wrong)."""
    out = []

    def case(label, fn, shape, values, args, f, view='c'):
        b = np.array(values, dtype=np.float64).reshape(shape)
        rec = {'base': [enc(v) for v in b.ravel()], 'baseShape': list(shape), 'view': view, 'dtype': 'float64', 'shape': list(shape)}
        c = {'fn': fn, 'a': rec, 'args': args, 'label': label}
        out.append(run(c, lambda: f(b)))

    case('partition of an empty array takes a kth beyond its axis (NumPy checks kth only when there is data)',
         'partition', [2, 0, 17], [], [-3, 0], lambda a: np.partition(a, -3, axis=0))
    case('argpartition of an empty axis takes kth 0', 'argpartition', [0], [], [0, -1], lambda a: np.argpartition(a, 0))
    case('partition of an empty array with several kths past the end', 'partition', [0, 3], [], [[0, 7], 1],
         lambda a: np.partition(a, [0, 7], axis=1))
    case('argpartition of a 0-d array is that of its 1-element ravel (axis -1)', 'argpartition', [], [3.0], [0, -1],
         lambda a: np.argpartition(a, 0, axis=-1))
    case('argpartition of a 0-d array with kth [-1] on axis 0', 'argpartition', [], [-0.0], [[-1], 0],
         lambda a: np.argpartition(a, [-1], axis=0))
    case('argpartition of a 0-d array still checks kth (1 is out of bounds)', 'argpartition', [], [2.0], [1, 0],
         lambda a: np.argpartition(a, 1, axis=0))
    wrec = {'base': [0.0], 'baseShape': [1], 'view': 'c', 'dtype': 'float64', 'shape': [1]}
    case('bincount of an empty x ignores the weights length', 'bincount', [0], [], [{'weights': wrec}],
         lambda a: np.bincount(a.astype(np.int64), weights=[0.0]))
    case('bincount of an empty x with weights and minlength 3', 'bincount', [0], [], [{'weights': wrec, 'minlength': 3}],
         lambda a: np.bincount(a.astype(np.int64), weights=[0.0], minlength=3))
    big = 1.7976931348623157e308
    case('histogram whose autodetected span overflows fails as NumPy (not NaN edges)', 'histogram', [3], [-big, 0.0, big],
         [1, {}], lambda a: np.histogram(a, 1))
    case('histogram with a given range whose span overflows fails when a value minus the first edge overflows',
         'histogram', [2], [0.0, 1e308], [1, {'range': [-1e308, 1e308]}], lambda a: np.histogram(a, 1, range=(-1e308, 1e308)))
    # NumPy adds bools with logical or, y[1:] + y[:-1] (fixed in src/ops/signal.ts)
    yb = np.array([True, True, False])
    c = {'fn': 'trapezoid', 'a': {'base': [True, True, False], 'baseShape': [3], 'view': 'c', 'dtype': 'bool', 'shape': [3]},
         'args': [None, {'axis': -1}], 'label': 'trapezoid of a bool y sums y[1:] + y[:-1] as logical or (NumPy: 1.0, not 1.5)'}
    out.append(run(c, lambda: np.trapezoid(yb)))
    case('histogram with a given range whose span overflows still counts (NaN first edge) when no value overflows', 'histogram', [2], [0.0, 1.0],
         [1, {'range': [-1e308, 1e308]}], lambda a: np.histogram(a, 1, range=(-1e308, 1e308)))
    return out


def main():
    cases = []
    fns = [f for f in FNS for _ in range(WEIGHT.get(f, 1))]
    for i in range(N):
        cases.append(gen_one(fns[i % len(fns)]))
    cases.extend(named())
    data = json.dumps({'numpy': np.__version__, 'seed': SEED, 'cases': cases}, separators=(',', ':'))
    if OUT.endswith('.gz'):
        with gzip.open(OUT, 'wt', encoding='utf8') as f:
            f.write(data)
    else:
        with open(OUT, 'w', encoding='utf8') as f:
            f.write(data)
    print(len(cases), 'cases ->', OUT, len(data), 'bytes')


if __name__ == '__main__':
    main()
