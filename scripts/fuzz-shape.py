"""Differential fuzz of ndvec's shape manipulation, views and creation functions against NumPy
(test/fuzz-shape.test.ts).

Writes test/fixtures/fuzz-shape.json.gz: random cases over reshape (with -1, from views), ravel,
flatten, copy, T, transpose, swapaxes, moveaxis, squeeze, expandDims, broadcastTo, concat (axis,
axis null), stack, hstack, vstack, columnStack, flip, roll, tile, repeat, slice, get/set, pad,
diagonal, trace, diag, tril, triu, meshgrid, split, arraySplit, dstack, atleast1d/2d/3d, arange,
linspace, logspace, geomspace, eye, identity, full, zeros, ones, the *Like forms and nd.array on ragged data,
then the named cases (one per bug the fuzz found).

Operands are recipes the test rebuilds: a base array's values and shape, then a view of it
('c' as is, 'T' transposed, 'swap' axes 0 and 1 swapped, 'rev' reversed on axis 0, 'flip'
reversed on every axis, 'step' every other element of the last axis, 'bc' broadcast from a
size-1 axis, 'off' contiguous from the second row: an offset).
Shapes have 0-4 axes of sizes 0, 1, 2, 3, 5 and 17; parameters are drawn from valid and invalid
ranges (axes out of range or repeated, bad reshape sizes, mismatched joins). Each case records
NumPy's result (shape, dtype, flat C-order values with '-0', 'NaN', '+-Infinity' spelled as
strings) or its exception class and message, and for the one-input ops whether the result
shares the input's memory, whether it is writeable, and the input's values after writing
999.5 into the result's last element (the write-through check of views).

    python3 scripts/fuzz-shape.py [seed] [count] [out]
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

SEED, N, OUT = cli(7, 1600, 'fuzz-shape.json.gz')
rng = np.random.default_rng(SEED)
SIZES = [0, 1, 1, 2, 2, 3, 3, 5, 17]
SENTINEL = 999.5


def enc_deep(x):
    if isinstance(x, list):
        return [enc_deep(v) for v in x]
    return enc(x) if isinstance(x, float) else x


def pick(xs):
    return xs[int(rng.integers(0, len(xs)))]


def rand_shape(maxdim=4, mindim=0, maxsize=400):
    if maxsize >= 400 and maxdim >= 1 and rng.random() < 0.03:
        # a few long axes: the WASM copy kernel's blocks and the joins' block copies
        nd = int(rng.integers(max(mindim, 1), min(maxdim, 3) + 1))
        s = [int(rng.integers(40, 700))] + [pick([1, 2, 3]) for _ in range(nd - 1)]
        rng.shuffle(s)
        return [int(d) for d in s]
    while True:
        nd = int(rng.integers(mindim, maxdim + 1))
        s = [pick(SIZES) for _ in range(nd)]
        if int(np.prod(s)) <= maxsize:
            return s


def rand_values(size, dtype='float64'):
    if dtype == 'bool':
        return [bool(b) for b in rng.integers(0, 2, size)]
    pool = [np.nan, -0.0, np.inf, -np.inf]
    out = []
    for i in range(size):
        out.append(pool[int(rng.integers(0, len(pool)))] if rng.random() < 0.06 else float(i + 1) + 0.25 * float(rng.integers(0, 4)))
    return out


VIEWS = ['c', 'c', 'c', 'T', 'rev', 'step', 'bc', 'off', 'flip', 'swap']


def make(shape, dtype=None, views=VIEWS):
    """A recipe {base, baseShape, view, dtype, shape} and the numpy view it describes."""
    if dtype is None:
        dtype = 'bool' if rng.random() < 0.08 else 'float64'
    kinds = list(views) if len(shape) > 0 else ['c']
    view = pick(kinds)
    if view == 'bc' and not any(d != 1 for d in shape):
        view = 'c'
    if view == 'off' and len(shape) == 0:
        view = 'c'
    if view == 'swap' and len(shape) < 2:
        view = 'c'
    base_shape = base_shape_of(view, shape, pick)
    size = int(np.prod(base_shape)) if base_shape else 1
    flat = rand_values(size, dtype)
    base = np.array(flat, dtype=np.float64 if dtype == 'float64' else bool).reshape(base_shape)
    arr = view_of(base, view, shape)
    assert list(arr.shape) == list(shape), (arr.shape, shape, view)
    recipe = {'base': [enc(v) for v in base.ravel()], 'baseShape': base_shape, 'view': view, 'dtype': dtype, 'shape': list(shape)}
    return recipe, arr


def fresh(recipe):
    """The numpy array a recipe describes, over a fresh base (for writes)."""
    base = np.array([dec(v) for v in recipe['base']], dtype=np.float64 if recipe['dtype'] == 'float64' else bool).reshape(recipe['baseShape'])
    return view_of(base, recipe['view'], tuple(recipe['shape']))


def error_of(e):
    return {'error': type(e).__name__, 'message': str(e).split('\n')[0][:200]}


def rand_axis(ndim, bad=0.15, allow_none=False):
    if allow_none and rng.random() < 0.2:
        return None
    if rng.random() < bad or ndim == 0:
        return int(pick([ndim, -ndim - 1, ndim + 2, -ndim - 3]))
    return int(rng.integers(-ndim, ndim))


def rand_axes(ndim, bad=0.15):
    k = int(rng.integers(0, ndim + 1)) if ndim > 0 else 0
    axes = [int(x) for x in rng.permutation(ndim)[:k]]
    axes = [ax - ndim if rng.random() < 0.3 else ax for ax in axes]
    if rng.random() < bad:
        r = rng.random()
        if r < 0.5 and axes:
            axes.append(axes[0] - ndim if axes[0] >= 0 else axes[0] + ndim)  # repeated, spelled differently
        else:
            axes.append(ndim + 1)
    return axes


# ---- one-input ops: the recipe, the ndvec call description, the numpy function ----------------


def factorizations(size, ndim):
    """A random shape of `ndim` entries with product `size`."""
    if size == 0:
        s = [pick([0, 1, 2, 3]) for _ in range(ndim)]
        if ndim:
            s[int(rng.integers(0, ndim))] = 0
        return s
    dims = []
    rest = size
    for _ in range(ndim - 1):
        divs = [d for d in range(1, rest + 1) if rest % d == 0]
        d = pick(divs)
        dims.append(d)
        rest //= d
    dims.append(rest)
    if ndim == 0:
        return [] if size == 1 else [size]
    rng.shuffle(dims)
    return [int(d) for d in dims]


def gen_reshape(a, arr):
    size = arr.size
    shape = factorizations(size, int(rng.integers(0, 5)))
    r = rng.random()
    if r < 0.35 and shape:
        shape[int(rng.integers(0, len(shape)))] = -1
    elif r < 0.45:
        shape = shape + [pick([2, 3, 4])]  # usually a bad size
    elif r < 0.5 and len(shape) >= 2:
        shape[0] = -1
        shape[1] = -1
    elif r < 0.53:
        shape = shape + [-2]
    arg = shape if rng.random() < 0.8 or len(shape) != 1 else shape[0]
    return {'args': [arg]}, lambda x: x.reshape(arg)


def gen_transpose(a, arr):
    nd = arr.ndim
    r = rng.random()
    if r < 0.2:
        return {'args': []}, lambda x: x.transpose()
    axes = [int(v) for v in rng.permutation(nd)]
    axes = [ax - nd if rng.random() < 0.3 else ax for ax in axes]
    if r > 0.85:
        if axes and rng.random() < 0.5:
            axes[-1] = axes[0]
        elif rng.random() < 0.5:
            axes = axes + [0]
        else:
            axes = axes[:-1] + [nd + 1] if axes else [0]
    return {'args': [axes]}, lambda x: x.transpose(axes)


def gen_swapaxes(a, arr):
    nd = arr.ndim
    a1, a2 = rand_axis(nd, 0.1), rand_axis(nd, 0.1)
    return {'args': [a1, a2]}, lambda x: x.swapaxes(a1, a2)


def gen_moveaxis(a, arr):
    nd = arr.ndim
    if rng.random() < 0.4:
        s, d = rand_axis(nd, 0.1), rand_axis(nd, 0.1)
        return {'args': [s, d]}, lambda x: np.moveaxis(x, s, d)
    k = int(rng.integers(0, nd + 1)) if nd else 0
    src = [int(v) for v in rng.permutation(nd)[:k]]
    dst = [int(v) for v in rng.permutation(nd)[:k]]
    src = [v - nd if rng.random() < 0.3 else v for v in src]
    dst = [v - nd if rng.random() < 0.3 else v for v in dst]
    r = rng.random()
    if r < 0.08 and src:
        src.append(src[0])
        dst.append((dst[0] + 1) % max(nd, 1))
    elif r < 0.14:
        dst = dst + [0]
    elif r < 0.18:
        src = src + [nd + 1]
        dst = dst + [0]
    return {'args': [src, dst]}, lambda x: np.moveaxis(x, src, dst)


def gen_split(fn):
    def g(a, arr):
        nd = arr.ndim
        ax = rand_axis(max(nd, 1), 0.1) if nd else 0
        n = arr.shape[ax] if -nd <= ax < nd else 3
        if rng.random() < 0.5:
            sec = int(pick([1, 2, 3, 5, 17, 0, -1])) if rng.random() < 0.95 else n + 2
            if fn == 'split' and rng.random() < 0.6 and n > 0:
                sec = pick([d for d in range(1, n + 1) if n % d == 0])
            arg = sec
        else:
            arg = [int(pick([0, 1, 2, -1, -3, n, n + 2, n // 2])) for _ in range(int(rng.integers(0, 4)))]
        npf = np.split if fn == 'split' else np.array_split
        args = [arg] if ax == 0 and rng.random() < 0.3 else [arg, ax]
        return {'args': args}, lambda x: npf(x, *args)
    return g


def gen_atleast(k):
    npf = {1: np.atleast_1d, 2: np.atleast_2d, 3: np.atleast_3d}[k]
    return lambda a, arr: ({'args': []}, lambda x: npf(x))


def gen_squeeze(a, arr):
    nd = arr.ndim
    r = rng.random()
    if r < 0.3:
        return {'args': []}, lambda x: x.squeeze()
    if r < 0.45:
        return {'args': [None]}, lambda x: x.squeeze(None)
    ones = [i for i, d in enumerate(arr.shape) if d == 1]
    if r < 0.7 and ones:
        ax = pick(ones)
        ax = ax - nd if rng.random() < 0.4 else ax
        return {'args': [ax]}, lambda x: x.squeeze(ax)
    if r < 0.85:
        axes = [int(v) for v in rng.permutation(ones)[: int(rng.integers(0, len(ones) + 1))]] if ones else []
        if rng.random() < 0.2 and axes:
            axes.append(axes[0] - nd)
        return {'args': [axes]}, lambda x: x.squeeze(tuple(axes))
    ax = rand_axis(nd, 0.4)
    return {'args': [ax]}, lambda x: x.squeeze(ax)


def gen_expand_dims(a, arr):
    nd = arr.ndim
    if rng.random() < 0.25:
        axes = [int(v) for v in rng.permutation(nd + 2)[: int(rng.integers(1, 3))]]
        axes = [ax - (nd + len(axes)) if rng.random() < 0.3 else ax for ax in axes]
        if rng.random() < 0.15:
            axes.append(axes[0])
        return {'args': [axes]}, lambda x: np.expand_dims(x, tuple(axes))
    ax = rand_axis(nd + 1, 0.15)
    return {'args': [ax]}, lambda x: np.expand_dims(x, ax)


def gen_broadcast_to(a, arr):
    shape = list(arr.shape)
    out = []
    for d in shape:
        out.append(pick([d, d, d, 2, 3]) if d == 1 else (d if rng.random() < 0.9 else pick([1, d + 1, 0])))
    lead = [pick([1, 2, 3, 0]) for _ in range(int(rng.integers(0, 3)))]
    out = lead + out
    if rng.random() < 0.03 and out:
        out[0] = -1
    if rng.random() < 0.05 and out:
        out = out[1:]
    if len(out) > 6:
        out = out[-6:]
    return {'args': [out]}, lambda x: np.broadcast_to(x, out)


def gen_flip(a, arr):
    nd = arr.ndim
    r = rng.random()
    if r < 0.25:
        return {'args': []}, lambda x: np.flip(x)
    if r < 0.35:
        return {'args': [None]}, lambda x: np.flip(x, None)
    if r < 0.7:
        ax = rand_axis(nd, 0.15)
        return {'args': [ax]}, lambda x: np.flip(x, ax)
    axes = rand_axes(nd, 0.2)
    return {'args': [axes]}, lambda x: np.flip(x, tuple(axes))


def gen_roll(a, arr):
    nd = arr.ndim
    def sh():
        return int(pick([0, 1, -1, 2, -3, 5, 17, -18, 40, -100, 2**40, -(2**40) - 3]))
    r = rng.random()
    if r < 0.25:
        s = sh()
        return {'args': [s]}, lambda x: np.roll(x, s)
    if r < 0.35:
        s = [sh() for _ in range(int(rng.integers(1, 3)))]
        return {'args': [s, None]}, lambda x: np.roll(x, s, None)
    if r < 0.65:
        s = sh()
        ax = rand_axis(nd, 0.1)
        return {'args': [s, ax]}, lambda x: np.roll(x, s, ax)
    k = int(rng.integers(1, 4))
    axes = [rand_axis(nd, 0.05) for _ in range(k)]
    s = [sh() for _ in range(k if rng.random() < 0.7 else int(rng.integers(1, 4)))]
    if rng.random() < 0.2:
        s = sh()
    return {'args': [s, axes]}, lambda x: np.roll(x, s, tuple(axes))


def gen_tile(a, arr):
    k = int(rng.integers(0, 4))
    reps = [int(pick([0, 1, 2, 3])) for _ in range(k)]
    if rng.random() < 0.05 and reps:
        reps[0] = -1
    arg = reps[0] if k == 1 and rng.random() < 0.5 else reps
    return {'args': [arg], 'fn': 'tile'}, lambda x: np.tile(x, arg)


def gen_repeat(a, arr):
    nd = arr.ndim
    r = rng.random()
    if r < 0.3:
        c = int(pick([0, 1, 2, 3]))
        return {'args': [c]}, lambda x: np.repeat(x, c)
    ax = rand_axis(nd, 0.1, allow_none=True)
    n = arr.size if ax is None else (arr.shape[ax] if -nd <= ax < nd else 1)
    if rng.random() < 0.5:
        counts = [int(pick([0, 1, 2, 3])) for _ in range(n if rng.random() < 0.9 else n + 1)]
        if counts and rng.random() < 0.05:
            counts[0] = -1
    else:
        counts = int(pick([0, 1, 2]))
    return {'args': [counts, ax]}, lambda x: np.repeat(x, counts, ax)


def rand_bound(n):
    return int(pick([0, 1, -1, 2, -2, n, -n, n + 3, -n - 4, n - 1, 100, -100, 2**53 - 1, -(2**53) + 1]))


def rand_spec(n):
    r = rng.random()
    if r < 0.15:
        i = int(rng.integers(-n, n)) if n > 0 and rng.random() < 0.85 else int(pick([n, -n - 1, 5]))
        return i, i
    if r < 0.25:
        return None, slice(None)
    start = rand_bound(n) if rng.random() < 0.6 else None
    stop = rand_bound(n) if rng.random() < 0.6 else None
    step = int(pick([1, 2, 3, -1, -2, -3, 7, -7])) if rng.random() < 0.7 else None
    if rng.random() < 0.02:
        step = 0
    if rng.random() < 0.5:
        def field(v):
            if v is None:
                return pick(['', '', ' '])
            t = str(v)
            r = rng.random()
            return ('+' + t if v >= 0 else t) if r < 0.1 else (' ' + t + ' ' if r < 0.2 else t)
        text = field(start) + ':' + field(stop)
        if step is not None or rng.random() < 0.3:
            text += ':' + field(step)
        return text, slice(start, stop, step)
    return [start, stop, step] if step is not None or rng.random() < 0.5 else [start, stop], slice(start, stop, step)


def gen_slice(a, arr):
    nd = arr.ndim
    k = int(rng.integers(0, nd + 1)) if rng.random() < 0.97 else nd + 1
    specs, keys = [], []
    for i in range(k):
        s, key = rand_spec(arr.shape[i] if i < nd else 1)
        specs.append(s)
        keys.append(key)
    return {'args': specs}, lambda x: x[tuple(keys)]


def gen_get(a, arr):
    idx = [int(rng.integers(-d, d)) if d > 0 and rng.random() < 0.9 else int(pick([d, -d - 1])) for d in arr.shape]
    return {'args': idx}, lambda x: x[tuple(idx)]


def gen_pad(a, arr):
    nd = arr.ndim
    mode = pick(['constant', 'constant', 'edge', 'reflect', 'symmetric', 'wrap', 'linear_ramp', 'maximum', 'minimum', 'mean', 'median'])
    w = lambda: int(pick([0, 1, 2, 3, 5, 9]))
    r = rng.random()
    if r < 0.3:
        widths = w()
    elif r < 0.5:
        widths = [w(), w()]
    else:
        widths = [[w(), w()] for _ in range(nd)]
    opts, kw = {}, {}
    pairs = lambda vals: [[pick(vals), pick(vals)] for _ in range(nd)]
    if mode == 'constant' and rng.random() < 0.5:
        v = pick([1.5, -2, [3, 4], pairs([0.5, -1, 7])])
        opts['constantValues'], kw['constant_values'] = v, v
    if mode in ('reflect', 'symmetric') and rng.random() < 0.4:
        opts['reflectType'], kw['reflect_type'] = 'odd', 'odd'
    if mode == 'linear_ramp' and rng.random() < 0.5:
        v = pick([2, [-1, 4], pairs([1.5, -3, 0])])
        opts['endValues'], kw['end_values'] = v, v
    if mode in ('maximum', 'minimum', 'mean', 'median') and rng.random() < 0.5:
        v = pick([1, 2, [1, 3], 0, 100, pairs([1, 2, 4])])
        opts['statLength'], kw['stat_length'] = v, v
    args = [widths, mode] + ([opts] if opts else [])
    return {'args': args}, lambda x: np.pad(x, widths, mode, **kw)


def gen_diagonal(a, arr):
    nd = arr.ndim
    off = int(pick([0, 0, 1, -1, 2, -3, 20]))
    a1 = rand_axis(nd, 0.05)
    a2 = rand_axis(nd, 0.05)
    if rng.random() < 0.4:
        a1, a2 = 0, 1
    return {'args': [off, a1, a2]}, lambda x: x.diagonal(off, a1, a2)


def gen_trace(a, arr):
    spec, f = gen_diagonal(a, arr)
    off, a1, a2 = spec['args']
    return spec, lambda x: np.asarray(x.trace(off, a1, a2))


def gen_k(fn):
    def g(a, arr):
        k = int(pick([0, 0, 1, -1, 2, -2, 5, -7]))
        if rng.random() < 0.2:
            return {'args': []}, lambda x: fn(x)
        return {'args': [k]}, lambda x: fn(x, k)
    return g


def gen_set(a, arr):
    spec, f = gen_get(a, arr)
    v = pick([7.5, -0.0, float('nan'), 0.0])
    spec['args'] = spec['args'] + [enc(v)]
    idx = tuple(spec['args'][:-1])

    def do(x):
        x[idx] = v
        return x
    return spec, do


def gen_none(npf):
    return lambda a, arr: ({'args': []}, npf)


ONE = {
    'reshape': (gen_reshape, 4),
    'ravel': (gen_none(lambda x: x.ravel()), 1),
    'flatten': (gen_none(lambda x: x.flatten()), 1),
    'copy': (gen_none(lambda x: x.copy()), 1),
    'T': (gen_none(lambda x: x.T), 1),
    'transpose': (gen_transpose, 2),
    'squeeze': (gen_squeeze, 2),
    'split': (gen_split('split'), 1.5),
    'arraySplit': (gen_split('arraySplit'), 1.5),
    'atleast1d': (gen_atleast(1), 0.5),
    'atleast2d': (gen_atleast(2), 0.5),
    'atleast3d': (gen_atleast(3), 0.7),
    'swapaxes': (gen_swapaxes, 1.5),
    'moveaxis': (gen_moveaxis, 2),
    'expandDims': (gen_expand_dims, 2),
    'broadcastTo': (gen_broadcast_to, 2),
    'flip': (gen_flip, 2),
    'roll': (gen_roll, 3),
    'tile': (gen_tile, 2),
    'repeat': (gen_repeat, 2),
    'slice': (gen_slice, 4),
    'get': (gen_get, 1),
    'set': (gen_set, 1),
    'pad': (gen_pad, 3),
    'diagonal': (gen_diagonal, 1.5),
    'trace': (gen_trace, 1),
    'diag': (gen_k(np.diag), 1),
    'tril': (gen_k(np.tril), 1),
    'triu': (gen_k(np.triu), 1),
    'zerosLike': (gen_none(lambda x: np.zeros_like(x)), 0.3),
    'onesLike': (gen_none(lambda x: np.ones_like(x)), 0.3),
    'fullLike': (lambda a, arr: ({'args': [2.5]}, lambda x: np.full_like(x, 2.5)), 0.3),
}
VIEW_OPS = {'reshape', 'ravel', 'T', 'transpose', 'swapaxes', 'moveaxis', 'atleast1d', 'atleast2d', 'atleast3d', 'squeeze', 'expandDims', 'broadcastTo', 'flip', 'slice', 'diagonal'}


def one_input_case(fn):
    gen = ONE[fn][0]
    if fn == 'diag':
        shape = rand_shape(2, 1, 100)
    elif fn in ('tril', 'triu'):
        shape = rand_shape(3, 1 if rng.random() < 0.95 else 0, 300)
    elif fn == 'diagonal' or fn == 'trace':
        shape = rand_shape(4, 2 if rng.random() < 0.9 else 0)
    elif fn == 'pad':
        shape = rand_shape(3, 0, 100)
    else:
        shape = rand_shape()
    views = [v for v in VIEWS if v != 'bc'] if fn == 'set' else VIEWS
    a, arr = make(shape, views=views)
    if fn in ('diag', 'tril', 'triu', 'trace', 'pad') and a['dtype'] == 'bool' and rng.random() < 0.7:
        a, arr = make(shape, 'float64', views)
    spec, npf = gen(a, arr)
    case = {'fn': spec.get('fn', fn), 'a': a, 'args': [enc(x) if isinstance(x, float) else x for x in spec['args']]}
    x = fresh(a)
    if fn == 'set':
        x = x.copy() if not x.flags.writeable else x
    try:
        r = npf(x)
    except Exception as e:
        case.update(error_of(e))
        return case
    if isinstance(r, list):
        # split: every piece, with its view check (the write goes into the piece's last element)
        case['results'] = [pack(p) for p in r]
        case['sharesEach'] = [bool(np.shares_memory(p, x)) if p.size and x.size else None for p in r]
        return case
    case['result'] = pack(r)
    if fn == 'set':
        case['result'] = pack(x)
        return case
    if fn == 'ravel':
        # ndvec's ravel is a view whenever the strides allow, as NumPy's `reshape(-1)` (NumPy's
        # documented "a copy is made only if needed"); NumPy's ravel copies every input that is
        # not C-contiguous (views.test.ts pins ndvec's rule). The view check follows reshape(-1).
        r = x.reshape(-1)
    if fn in VIEW_OPS and isinstance(r, np.ndarray):
        shares = bool(np.shares_memory(r, x)) if r.size and x.size else None
        case['shares'] = shares
        case['writeable'] = bool(r.flags.writeable)
        if shares and r.flags.writeable:
            r[np.unravel_index(r.size - 1, r.shape)] = SENTINEL
            case['after'] = pack(x)
    return case


# ---- joins ----------------------------------------------------------------------------------


def join_case(fn):
    nd = int(rng.integers(0, 4))
    base = rand_shape(nd, nd, 60)
    if nd >= 1 and rng.random() < 0.05:
        base[int(rng.integers(0, nd))] = int(rng.integers(40, 300))  # long pieces: the block copies
    k = int(rng.integers(1, 4)) if rng.random() < 0.97 else 0
    ax = rand_axis(max(nd, 1) + (1 if fn == 'stack' else 0), 0.1) if fn in ('concat', 'stack') else None
    if fn == 'concat' and rng.random() < 0.2:
        ax = None
    shapes = []
    for i in range(k):
        s = list(base)
        if fn in ('concat',) and ax is not None and nd > 0 and -nd <= ax < nd:
            s[ax] = pick([0, 1, 2, 3])
        elif fn in ('hstack',) and nd >= 1:
            s[1 if nd >= 2 else 0] = pick([0, 1, 2, 3])
        elif fn in ('vstack',) and nd >= 2:
            s[0] = pick([0, 1, 2, 3])
        elif fn == 'columnStack' and nd >= 2:
            s[1] = pick([0, 1, 2, 3])
        elif fn == 'dstack' and nd >= 3:
            s[2] = pick([0, 1, 2, 3])
        if rng.random() < 0.1 and s:
            s[int(rng.integers(0, len(s)))] = pick([1, 2, 4])
        if rng.random() < 0.04:
            s = s + [2]
        if fn == 'concat' and ax is None and rng.random() < 0.5:
            s = rand_shape(3, 0, 30)
        shapes.append(s)
    recipes, arrs = [], []
    for s in shapes:
        r, x = make(s, 'bool' if rng.random() < 0.1 else 'float64')
        recipes.append(r)
        arrs.append(x)
    case = {'fn': fn, 'arrays': recipes, 'args': [] if ax is None and fn != 'concat' else [ax]}
    npf = {'concat': lambda xs: np.concatenate(xs, axis=ax), 'stack': lambda xs: np.stack(xs, ax), 'hstack': np.hstack,
           'vstack': np.vstack, 'dstack': np.dstack, 'columnStack': np.column_stack}[fn]
    try:
        case['result'] = pack(npf(arrs))
    except Exception as e:
        case.update(error_of(e))
    return case


def meshgrid_case():
    k = int(rng.integers(0, 4))
    recipes, arrs = [], []
    for _ in range(k):
        r, x = make(rand_shape(2 if rng.random() < 0.2 else 1, 0, 17))
        recipes.append(r)
        arrs.append(x)
    opts = {}
    if rng.random() < 0.5:
        opts['indexing'] = pick(['xy', 'ij'])
    if rng.random() < 0.3:
        opts['sparse'] = bool(rng.random() < 0.5)
    case = {'fn': 'meshgrid', 'arrays': recipes, 'args': [opts] if opts else []}
    try:
        case['results'] = [pack(m) for m in np.meshgrid(*arrs, **opts)]
    except Exception as e:
        case.update(error_of(e))
    return case


# ---- creation -------------------------------------------------------------------------------

NUMS = [0.0, 1.0, -1.0, 0.1, 0.5, -2.5, 1e-3, 3.0, 10.0, -0.0, 7.3, 1 / 3, -10.0, 100.0, 1e-300, 2.0**53]
STEPS = [1.0, 0.1, 0.3, -0.1, 0.25, 2.0, -1.0, 1 / 3, -0.7, 1e-2, 3.0, -2.0]


def creation_case():
    fn = pick(['arange', 'arange', 'linspace', 'linspace', 'logspace', 'geomspace', 'eye', 'identity', 'full', 'zeros', 'ones', 'array'])
    if fn == 'arange' and rng.random() < 0.15:
        args = pick([[0.0, 1.0, 0.0], [0.0, 1.0, -0.0], [0.0, float('inf'), 1.0], [float('nan')], [float('-inf'), 0.0, 1.0],
                     [0.0, 1.0, float('inf')], [0.0, -1.0, float('inf')], [1.0, 1.0], [-0.0, 1.0, 0.5], [-0.0], [0.0, -1e-300, -1.0],
                     [5.0, 1e-320, -1e-320], [1.0, 2.0, 1e-310], [2.0**53, 2.0**53 + 4.0, 1.0], [-1e-320], [1e-320]])
        f = lambda: np.arange(*args)
    elif fn == 'arange':
        start, stop, step = pick(NUMS), pick(NUMS), pick(STEPS)
        if rng.random() < 0.3:
            stop = start + step * float(rng.integers(-2, 30)) + pick([0.0, 1e-9, -1e-9, step / 2])
        if abs((stop - start) / step) > 3000:
            stop = start + step * 7
        r = rng.random()
        if r < 0.15:
            args, f = [stop], lambda: np.arange(stop)
            if abs(stop) > 3000:
                args, f = [7.5], lambda: np.arange(7.5)
        elif r < 0.3:
            args, f = [start, stop], lambda: np.arange(start, stop)
            if abs(stop - start) > 3000:
                args, f = [start, start + 9.5], lambda: np.arange(start, start + 9.5)
        else:
            args, f = [start, stop, step], lambda: np.arange(start, stop, step)
    elif fn == 'linspace':
        start, stop = pick(NUMS + [float('inf'), float('-inf'), float('nan')] if rng.random() < 0.1 else NUMS), pick(NUMS)
        num = int(pick([0, 1, 1, 2, 3, 5, 17, 50]))
        ep = pick([None, True, False])
        args = [start, stop, num] + ([] if ep is None else [ep])
        f = lambda: np.linspace(start, stop, num, endpoint=True if ep is None else ep)
    elif fn == 'logspace':
        start, stop = pick([0.0, 1.0, -1.0, 0.5, 2.0, -3.0, 0.1]), pick([0.0, 1.0, 3.0, -2.0, 0.25, 5.0])
        num = int(pick([0, 1, 2, 3, 5, 17]))
        ep = pick([True, False])
        base = pick([10.0, 2.0, 0.5, 3.0, float(np.e)])
        args = [start, stop, num, ep, base]
        f = lambda: np.logspace(start, stop, num, ep, base)
    elif fn == 'linspace' and rng.random() < 0.2:
        args = pick([[-0.0, 0.0, 3], [0.0, -0.0, 2], [-0.0, -0.0, 1], [1e308, -1e308, 5], [-1e308, 1e308, 3, False], [5e-324, 1e-323, 4],
                     [0.0, 1e-320, 7], [1.0, 1.0, 4], [0.0, 1.0, 1, False], [float('nan'), 1.0, 3], [float('inf'), float('inf'), 2],
                     [0.0, 5e-324, 3, False], [2.0**53, 2.0**53 + 2, 3]])
        f = lambda: np.linspace(args[0], args[1], args[2], endpoint=args[3] if len(args) > 3 else True)
    elif fn == 'geomspace':
        vals = [1.0, 2.0, 1000.0, 0.5, 3.0, 1e-5, 7.25, 1e10, -1.0, -8.0, -0.25, 1e300, 0.0, float('inf')]
        start, stop = pick(vals), pick(vals)
        num = int(pick([0, 1, 2, 3, 5, 17, 50]))
        ep = pick([None, True, False])
        args = [start, stop, num] + ([] if ep is None else [ep])
        f = lambda: np.geomspace(start, stop, num, endpoint=True if ep is None else ep)
    elif fn == 'eye':
        n = int(pick([0, 1, 2, 3, 5, -1]))
        m = pick([None, 0, 1, 2, 4, 6, -2])
        k = int(pick([0, 1, -1, 2, -3, 6, -6]))
        args = [n, m, k]
        f = lambda: np.eye(n, m, k)
    elif fn == 'identity':
        n = int(pick([0, 1, 2, 3, 5, -1]))
        args = [n]
        f = lambda: np.identity(n)
    elif fn in ('full', 'zeros', 'ones'):
        shape = rand_shape(3)
        if rng.random() < 0.05 and shape:
            shape[0] = -1
        arg = shape[0] if len(shape) == 1 and rng.random() < 0.5 else shape
        if fn == 'full':
            v = pick([2.5, -0.0, float('nan'), True])
            args = [arg, enc(v) if isinstance(v, float) else v]
            f = lambda: np.full(arg, v, dtype=bool if isinstance(v, bool) else float)
        else:
            args = [arg]
            f = lambda: (np.zeros if fn == 'zeros' else np.ones)(arg)
    else:
        data = pick([
            [[1, 2], [3]], [[1, 2], 3], [1, [2, 3]], [[[1], [2]], [3, 4]], [], [[], []], [[[]]], [[1, 2], [3, 4]],
            [[[1, 2]], [[3, 4], [5, 6]]], [[1], []], [[1, [2]], [3, 4]], [[True, False], [False, True]], [[1, 2], [True, 3]],
            [[1, 2], [3, [4]]], [[[1, 2], [3, 4]], [[5, 6], [7]]], [[[1, 2], [3, 4]], [[5, 6], 7]], [[], [1]], [[[]], [[]]], [[[]], []],
            [5], [[float('nan'), -0.0]], [True], [[[[1]]]], [[1], [2], [3, 4]]
        ])
        args = [data]
        f = lambda: np.array(data, dtype=bool if all(isinstance(v, bool) for v in np.array(data, dtype=object).ravel()) and len(np.array(data, dtype=object).ravel()) else float)
    case = {'fn': fn, 'args': [enc_deep(x) for x in args]}
    try:
        case['result'] = pack(f())
    except Exception as e:
        case.update(error_of(e))
    return case


def random_case():
    r = rng.random()
    if r < 0.12:
        return join_case(pick(['concat', 'concat', 'stack', 'hstack', 'vstack', 'dstack', 'columnStack']))
    if r < 0.15:
        return meshgrid_case()
    if r < 0.27:
        return creation_case()
    names = list(ONE)
    weights = np.array([ONE[n][1] for n in names], dtype=float)
    return one_input_case(names[int(rng.choice(len(names), p=weights / weights.sum()))])


# ---- named cases: one per bug the fuzz found ----------------------------------------------------


def named(label, case):
    case['label'] = label
    return case


def recipe_of(values, shape, view='c', dtype='float64', base_shape=None):
    base_shape = list(shape) if base_shape is None else base_shape
    return {'base': [enc(v) for v in values], 'baseShape': base_shape, 'view': view, 'dtype': dtype, 'shape': list(shape)}


def rerun(case):
    """Fills in NumPy's outcome of a hand-written case (same rules as the random ones)."""
    fn = case['fn']
    args = [dec(x) if isinstance(x, str) and fn not in ('slice', 'pad') else x for x in case['args']]
    try:
        if fn == 'linspace':
            r = np.linspace(args[0], args[1], args[2], endpoint=args[3] if len(args) > 3 else True)
        elif fn == 'logspace':
            r = np.logspace(*args)
        elif fn == 'arange':
            r = np.arange(*args)
        elif fn == 'expandDims':
            r = np.expand_dims(fresh(case['a']), tuple(args[0]) if isinstance(args[0], list) else args[0])
        elif fn == 'tile':
            r = np.tile(fresh(case['a']), args[0])
        elif fn == 'repeat':
            r = np.repeat(fresh(case['a']), *args)
        elif fn == 'squeeze':
            r = np.squeeze(fresh(case['a']), *args)
        else:
            raise ValueError(f'rerun: {fn}')
        case['result'] = pack(r)
    except Exception as e:
        case.update(error_of(e))
    return case


NAMED = [
    named('linspace num 1 with an infinite stop: NumPy computes 0 * delta (NaN), not start', rerun({'fn': 'linspace', 'args': [0.0, 'Infinity', 1]})),
    named('linspace num 1 with a NaN stop is NaN', rerun({'fn': 'linspace', 'args': [1.0, 'NaN', 1]})),
    named('linspace num 1, endpoint false, infinite stop (the div > 0 path: right before the fix too)', rerun({'fn': 'linspace', 'args': [0.0, '-Infinity', 1, False]})),
    named('logspace num 1 with an infinite stop', rerun({'fn': 'logspace', 'args': [0.0, 'Infinity', 1]})),
    named('expandDims with a tuple of axes', rerun({'fn': 'expandDims', 'a': recipe_of([1, 2, 3, 4, 5, 6], [2, 3]), 'args': [[0, 3]]})),
    named('expandDims with negative tuple axes', rerun({'fn': 'expandDims', 'a': recipe_of([1, 2, 3], [3]), 'args': [[-1, 0]]})),
    named('expandDims with a repeated axis in the tuple', rerun({'fn': 'expandDims', 'a': recipe_of([1, 2, 3], [3]), 'args': [[0, -3]]})),
    named('tile with a negative count is a named argument error', rerun({'fn': 'tile', 'a': recipe_of([1, 2], [2]), 'args': [[-1]]})),
    named('repeat with a negative count is a named argument error', rerun({'fn': 'repeat', 'a': recipe_of([1, 2], [2]), 'args': [-1, None]})),
    named('repeat checks the axis before the counts', rerun({'fn': 'repeat', 'a': recipe_of([1.5, 2], [2]), 'args': [[-1], 2]})),
    named('squeeze of a 0-d array takes axis 0', rerun({'fn': 'squeeze', 'a': recipe_of([1.25], []), 'args': [0]})),
    named('squeeze of a 0-d array takes axis -1', rerun({'fn': 'squeeze', 'a': recipe_of(['NaN'], []), 'args': [-1]})),
    named('squeeze of a 0-d array refuses axis 1', rerun({'fn': 'squeeze', 'a': recipe_of([1.25], []), 'args': [1]})),
    named('arange longer than 2^32 elements is a ShapeError', rerun({'fn': 'arange', 'args': [1.0, 2.0, 1e-310]})),
]


def main():
    cases = [random_case() for _ in range(N)]
    doc = {'numpy': np.__version__, 'seed': SEED, 'cases': cases + NAMED}
    data = json.dumps(doc, separators=(',', ':'), allow_nan=False).encode()
    if OUT.endswith('.gz'):
        with open(OUT, 'wb') as f:
            f.write(gzip.compress(data, 9, mtime=0))
    else:
        with open(OUT, 'wb') as f:
            f.write(data)
    counts = {}
    for c in cases:
        counts[c['fn']] = counts.get(c['fn'], 0) + 1
    print(f'{len(cases)} random + {len(NAMED)} named cases, {len(data)} bytes JSON -> {OUT}', file=sys.stderr)
    print(' '.join(f'{k}:{v}' for k, v in sorted(counts.items())), file=sys.stderr)


if __name__ == '__main__':
    main()
