"""NumPy's outcomes for take / put / take_along_axis / put_along_axis over random and named cases
(test/indexing-random.test.ts; the adversarial review of issue 13's integer indexing).

Writes test/fixtures/indexing-random.json. Each case describes its operands as recipes (a
base array's values and shape, then a view of it: 'c' as is, 'T' transposed, 'rev' reversed on
axis 0, 'step' every other element of the last axis, 'bc' broadcast from a size-1 axis, 'off'
contiguous from the second row of its base: an offset), the
indices (a number, nested numbers, or a recipe; values include -0, NaN, +-Inf, 1.5, 2**53,
1e300), the axis and mode, and NumPy's packed result (shape, dtype, flat values; '-0' and
'NaN' written as strings) or the name of the exception NumPy raised.

ndvec's indices are float64. Where NumPy cannot take them (non-integers, beyond int64), the
expected outcome follows ndvec's documented rule, computed with NumPy: a non-integer index is an
IndexError wherever NumPy's 'raise' mode would visit it (an out-of-range stand-in finds those
places); wrap/clip of integers beyond 10**6 are resolved exactly here (NumPy's wrap steps by n
in a loop). Two NumPy 2.4 faults are stepped around: take(mode='wrap') over an empty axis with an
empty result never returns (clip's outcome is used), and put_along_axis(axis=None) refuses a
non-contiguous target ("assignment destination is read-only", from np.array(arr.flat)); the
flat write is done on a C copy and copied back.

    python3 scripts/indexing-fixtures.py
"""
import json
import math
import os
import sys

import numpy as np

from fuzz_common import cli, dec, enc

SEED, N, OUT = cli(13, 1000, 'indexing-random.json')
rng = np.random.default_rng(SEED)
SENT = 2**62


BIG = float(sys.argv[4]) if len(sys.argv) > 4 else 0.03


def rand_shape(maxdim=4):
    if rng.random() < BIG:
        # long axes: the WASM kernels' blocks (4-wide, 16, 64, 256)
        nd = int(rng.integers(1, min(maxdim, 2) + 1)) if maxdim else 0
        dims = [int(rng.integers(1, 700))] + [int(rng.choice([1, 2, 3])) for _ in range(nd - 1)]
        rng.shuffle(dims)
        return dims
    nd = int(rng.integers(0, maxdim + 1))
    return [int(rng.choice([0, 1, 1, 2, 3, 4])) for _ in range(nd)]


def rand_values(size, dtype='float64'):
    if dtype == 'bool':
        return [bool(b) for b in rng.integers(0, 2, size)]
    pool = [np.nan, -0.0, np.inf, -np.inf, 1e308, 5e-324]
    out = []
    for _ in range(size):
        r = rng.random()
        out.append(pool[int(rng.integers(0, len(pool)))] if r < 0.1 else float(rng.integers(-50, 50)) + 0.25)
    return out


VIEWS = ['c', 'c', 'T', 'rev', 'step', 'bc', 'off']


def make_array(shape, values=None, dtype='float64', views=VIEWS, writable=False):
    """A recipe {base, baseShape, view, dtype} and the numpy view it describes."""
    kinds = [v for v in views if not (writable and v == 'bc')]
    if len(shape) == 0:
        kinds = ['c']
    view = kinds[int(rng.integers(0, len(kinds)))]
    if view == 'bc' and not any(d != 1 for d in shape):
        view = 'c'
    if view == 'c':
        base_shape = list(shape)
    elif view == 'T':
        base_shape = list(reversed(shape))
    elif view == 'rev':
        base_shape = list(shape)
    elif view == 'step':
        base_shape = list(shape[:-1]) + [2 * shape[-1]]
    elif view == 'off':
        base_shape = [shape[0] + 1] + list(shape[1:])
    else:  # bc: one non-1 axis of the base is 1
        cands = [i for i, d in enumerate(shape) if d != 1]
        ax = cands[int(rng.integers(0, len(cands)))]
        base_shape = list(shape)
        base_shape[ax] = 1
    size = int(np.prod(base_shape)) if base_shape else 1
    flat = values(size) if values else rand_values(size, dtype)
    base = np.array([dec(v) for v in flat] if dtype == 'float64' else flat, dtype=np.float64 if dtype == 'float64' else bool).reshape(base_shape)
    if view == 'c':
        arr = base
    elif view == 'T':
        arr = base.T
    elif view == 'rev':
        arr = base[::-1]
    elif view == 'step':
        arr = base[..., ::2]
    elif view == 'off':
        arr = base[1:]
    else:
        arr = np.broadcast_to(base, shape)
    assert list(arr.shape) == list(shape), (arr.shape, shape, view)
    recipe = {'base': [enc(v) for v in base.ravel()], 'baseShape': base_shape, 'view': view, 'dtype': dtype, 'shape': list(shape)}
    return recipe, arr


SPECIAL = [-0.0, float('nan'), float('inf'), float('-inf'), 1.5, -0.5, 2.0**53, -(2.0**53), 1e300, -1e300, 2.0**31, 2.0**32, 2.0**53 + 2]


def rand_index(n, bad_rate):
    if rng.random() < bad_rate:
        return SPECIAL[int(rng.integers(0, len(SPECIAL)))] if rng.random() < 0.6 else float(rng.choice([n, -n - 1, n + 3, -n - 7]))
    if n == 0:
        return float(rng.integers(-2, 2))
    return float(rng.integers(-n, n))


def idx_values(n, bad_rate):
    return lambda size: [enc(rand_index(n, bad_rate)) for _ in range(size)]


def index_arg(shape, n, bad_rate, allow_scalar=True):
    """Indices as a number, nested list, or NdArray recipe. Returns (arg, float ndarray)."""
    r = rng.random()
    if allow_scalar and len(shape) == 0 and r < 0.5:
        v = rand_index(n, bad_rate)
        return {'kind': 'number', 'value': enc(v)}, np.array(v)
    recipe, arr = make_array(shape, idx_values(n, bad_rate))
    arr = np.array(arr)
    if rng.random() < 0.4 and len(shape) > 0:
        lst = arr.tolist()
        if list(np.array(lst, dtype=float).shape) == list(shape):
            return {'kind': 'nested', 'value': nest([enc(v) for v in arr.ravel()], shape)}, arr
    return {'kind': 'array', 'value': recipe}, arr


def nest(flat, shape):
    if len(shape) == 0:
        return flat[0]
    step = int(np.prod(shape[1:])) if len(shape) > 1 else 1
    return [nest(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def integral(v):
    return math.isfinite(v) and v == math.floor(v)


def resolve(fi, n, mode):
    """Float indices → int64 for numpy: non-integral → SENT (raise) / marker; wrap/clip pre-resolved."""
    out = np.zeros(fi.shape, dtype=np.int64)
    nonint = np.zeros(fi.shape, dtype=bool)
    for pos, v in np.ndenumerate(fi):
        v = float(v)
        if not integral(v):
            out[pos] = SENT
            nonint[pos] = True
            continue
        iv = int(v)
        if mode == 'raise':
            out[pos] = max(-SENT, min(SENT, iv))
        elif n == 0:
            out[pos] = 0 if abs(iv) < 2**62 else 0
        elif mode == 'wrap':
            out[pos] = iv % n if abs(iv) > 10**6 else iv
        else:
            out[pos] = min(max(iv, -1), n)  # clip: anything below 0 or above n-1 behaves the same
    return out, nonint


def outcome(f):
    try:
        return {'result': f()}
    except Exception as e:  # noqa: BLE001
        return {'error': type(e).__name__, 'message': str(e)[:60]}


def pack(a):
    a = np.asarray(a)
    return {'shape': list(a.shape), 'dtype': 'bool' if a.dtype == bool else 'float64', 'flat': [enc(v) for v in a.ravel()]}


def with_nonint(mode, fi, n, run):
    """Run `run(int_indices, mode)`; non-integral indices are an IndexError exactly when NumPy's raise mode visits them."""
    ii, nonint = resolve(fi, n, mode)
    if nonint.any():
        if mode != 'raise':
            ii_r, _ = resolve(fi, n, mode)
            probe = outcome(lambda: run(ii_r, 'raise'))  # SENT at the non-integers; others resolved in range
            if 'error' in probe and probe['error'] == 'IndexError':
                return probe
            ii = ii_r.copy()
            ii[nonint] = 0
        # in raise mode, SENT makes the visit raise
    return outcome(lambda: run(ii, mode))


def axis_arg(ndim, allow_none=True):
    r = rng.random()
    if allow_none and r < 0.2:
        return None
    if r < 0.25:
        return int(rng.choice([ndim, -ndim - 1, ndim + 2]))
    if ndim == 0:
        return int(rng.choice([0, -1]))
    return int(rng.integers(-ndim, ndim))


def from_recipe(r):
    """The numpy view a recipe describes (a fresh base every call)."""
    base = np.array([dec(v) for v in r['base']], dtype=np.float64 if r['dtype'] == 'float64' else bool).reshape(r['baseShape'])
    return {'c': lambda b: b, 'T': lambda b: b.T, 'rev': lambda b: b[::-1], 'step': lambda b: b[..., ::2], 'off': lambda b: b[1:],
            'bc': lambda b: np.broadcast_to(b, r['shape'])}[r['view']](base)


def values_of(vdesc, t):
    """put/put_along_axis values: a number, a view of the target t ('self', 'rev'), or a recipe."""
    if vdesc['kind'] == 'number':
        return dec(vdesc['value'])
    if vdesc['kind'] == 'alias':
        return t if vdesc['value'] == 'self' else t[::-1]
    if vdesc['kind'] == 'nested':
        return np.array(decode_nested(vdesc['value']))
    return from_recipe(vdesc['value'])


def decode_nested(x):
    return [decode_nested(v) for v in x] if isinstance(x, list) else dec(x)


def axis_size(shape, axis, flat_if_0d=True):
    if axis is None or (flat_if_0d and len(shape) == 0):
        return int(np.prod(shape)) if shape else 1
    if -len(shape) <= axis < len(shape):
        return shape[axis]
    return 3


def take_case(src, iarg, fi, axis, mode):
    a = from_recipe(src)
    n = axis_size(src['shape'], axis)
    # NumPy's wrap loops forever on an empty axis when the result is empty (clip's outcome otherwise)
    run = lambda ii, md: pack(np.take(a, ii if iarg['kind'] != 'number' else ii[()], axis=axis, mode='clip' if md == 'wrap' and n == 0 else md))
    return {'op': 'take', 'a': src, 'indices': iarg, 'axis': axis, 'mode': mode, **with_nonint(mode, fi, n, run)}


def put_case(tgt, iarg, fi, vdesc, mode):
    n = axis_size(tgt['shape'], None)

    def run(ii, md):
        t = from_recipe(tgt)  # the same kind of view as ndvec's target
        np.put(t, ii if iarg['kind'] != 'number' else ii[()], values_of(vdesc, t), mode=md)
        return pack(t)

    return {'op': 'put', 'a': tgt, 'indices': iarg, 'values': vdesc, 'mode': mode, **with_nonint(mode, fi, n, run)}


def tal_case(src, iarg, fi, axis):
    a = from_recipe(src)
    ax = -1 if axis == 'default' else axis
    n = axis_size(src['shape'], ax, flat_if_0d=False)
    run = lambda ii, md: pack(np.take_along_axis(a, ii, axis=ax) if axis != 'default' else np.take_along_axis(a, ii))
    return {'op': 'tal', 'a': src, 'indices': iarg, 'axis': axis, **with_nonint('raise', fi, n, run)}


def pal_case(tgt, iarg, fi, vdesc, axis):
    ax = -1 if axis == 'default' else axis
    n = axis_size(tgt['shape'], ax, flat_if_0d=False)

    def run(ii, md):
        t = from_recipe(tgt)
        if ax is None and not t.flags.c_contiguous:
            # NumPy 2.4 refuses (np.array(arr.flat) is a read-only copy): write a C copy back
            c = np.ascontiguousarray(t)
            np.put_along_axis(c, ii, values_of(vdesc, t), axis=None)
            t[...] = c
            return pack(t)
        np.put_along_axis(t, ii, values_of(vdesc, t), axis=ax)
        return pack(t)

    return {'op': 'pal', 'a': tgt, 'indices': iarg, 'values': vdesc, 'axis': axis, **with_nonint('raise', fi, n, run)}


def random_values(m, shape, walk=None):
    """A values descriptor: a number, a view of the target (put), or an array of about the right shape."""
    r = rng.random()
    if r < 0.03:
        return {'kind': 'number', 'value': bool(rng.random() < 0.5)}
    if r < 0.2:
        return {'kind': 'number', 'value': enc(float(rng.integers(-9, 9)) + 0.5)}
    if walk is None and r < 0.3:
        return {'kind': 'alias', 'value': 'rev' if len(shape) == 1 and rng.random() < 0.5 else 'self'}
    if walk is None:
        vshape = [int(rng.choice([0, 1, 2, 3, max(m, 1)]))] if rng.random() < 0.7 else rand_shape(2)
    else:
        vshape = list(walk)
        if rng.random() < 0.5:
            vshape = [1 if rng.random() < 0.4 else d for d in vshape]
        if rng.random() < 0.3 and vshape:
            vshape = vshape[int(rng.integers(0, len(vshape) + 1)):]
        if rng.random() < 0.1:
            vshape = [1] + vshape
        if rng.random() < 0.08:
            vshape = rand_shape(3)
    vrec, varr = make_array(vshape, dtype='bool' if rng.random() < 0.1 else 'float64')
    if rng.random() < 0.25 and 0 not in vshape and len(vshape) > 0:
        # nested data (numbers, or booleans for a bool array)
        return {'kind': 'nested', 'value': nest([enc(v) for v in np.asarray(varr).ravel()], list(vshape))}
    return {'kind': 'array', 'value': vrec}


def walk_shape(shape, ishape, ax):
    ndim = len(shape)
    if ax is None or len(ishape) != ndim or ndim == 0:
        return list(ishape)
    try:
        walk = list(np.broadcast_shapes(*[tuple(1 if i == ax % ndim else d for i, d in enumerate(s)) for s in (shape, ishape)]))
    except ValueError:
        return list(ishape)
    walk[ax % ndim] = ishape[ax % ndim]
    return walk


cases = []
for k in range(N):
    op = ['take', 'put', 'tal', 'pal'][k % 4]
    bad_rate = float(rng.choice([0, 0, 0.05, 0.3]))
    dtype = 'bool' if rng.random() < 0.1 else 'float64'
    mode = str(rng.choice(['raise', 'wrap', 'clip']))
    shape = rand_shape()
    if op == 'take':
        src, _ = make_array(shape, dtype=dtype)
        axis = axis_arg(len(shape))
        iarg, fi = index_arg(rand_shape(3), axis_size(shape, axis), bad_rate)
        cases.append(take_case(src, iarg, fi, axis, mode))
    elif op == 'put':
        tgt, _ = make_array(shape, dtype=dtype, writable=True)
        iarg, fi = index_arg(rand_shape(2), axis_size(shape, None), bad_rate)
        cases.append(put_case(tgt, iarg, fi, random_values(int(fi.size), shape), mode))
    else:
        ndim = len(shape)
        axis = axis_arg(ndim)
        if rng.random() < 0.05 and axis is not None:
            axis = 'default'
        ax = -1 if axis == 'default' else axis
        n = axis_size(shape, ax, flat_if_0d=False) if ax is not None else axis_size(shape, None)
        if ax is None:
            ishape = rand_shape(1) if rng.random() < 0.85 else rand_shape(3)
        else:
            # indices: same ndim, size-1 or matching off the axis, any length along it
            ishape = [int(rng.choice([0, 1, 2, 3, 4])) if i == ax % ndim else int(rng.choice([d, d, 1, 2])) for i, d in enumerate(shape)] if ndim else []
            if rng.random() < 0.05:
                ishape = rand_shape()
        iarg, fi = index_arg(ishape, n, bad_rate, allow_scalar=False)
        if op == 'tal':
            src, _ = make_array(shape, dtype=dtype)
            cases.append(tal_case(src, iarg, fi, axis))
        else:
            tgt, _ = make_array(shape, dtype=dtype, writable=True)
            cases.append(pal_case(tgt, iarg, fi, random_values(int(fi.size), shape, walk_shape(shape, ishape, ax)), axis))


# Named cases: each mismatch the review found, and the forms the brief lists, written out.
def arr(values, view='c', dtype='float64'):
    a = np.asarray(values, dtype=np.float64 if dtype == 'float64' else bool)
    base = {'c': lambda: a, 'T': lambda: a.T, 'rev': lambda: a[::-1], 'step': lambda: np.repeat(a, 2, axis=-1)}[view]()
    view_of = {'c': lambda b: b, 'T': lambda b: b.T, 'rev': lambda b: b[::-1], 'step': lambda b: b[..., ::2]}[view]
    assert np.array_equal(view_of(base), a, equal_nan=True)
    return {'base': [enc(v) for v in base.ravel()], 'baseShape': list(base.shape), 'view': view, 'dtype': dtype, 'shape': list(a.shape)}


def idx(values, view=None):
    fi = np.asarray(values, dtype=float)
    if view is None:
        return ({'kind': 'number', 'value': enc(values)} if fi.ndim == 0 else {'kind': 'nested', 'value': nest([enc(v) for v in fi.ravel()], list(fi.shape))}), fi
    return {'kind': 'array', 'value': arr(values, view)}, fi


def vals(values, view='c', dtype='float64'):
    return {'kind': 'number', 'value': enc(values)} if np.ndim(values) == 0 else {'kind': 'array', 'value': arr(values, view, dtype)}


NAMED = {
    # put_along_axis: a broadcast axis writes one element several times; the last in C order of the walk stays
    'pal: repeated target, C order of the walk (a [3,1], indices [4,2], axis -2)':
        pal_case(arr([[15.25], [41.25], [-40.75]]), *idx([[-3, -2], [1, 0], [-1, -3], [1, -3]]), vals([[-21.75, -21.75], [26.25, 26.25], [-40.75, -40.75], [12.25, 12.25]]), -2),
    'pal: repeated target, transposed target and indices, axis 0':
        pal_case(arr(np.zeros((2, 1)), 'T'), *idx([[1, 0], [0, 1], [0, 1]], 'T'), vals(np.arange(6.).reshape(3, 2) + 100), 0),
    'pal: repeated target along the axis, last write stays':
        pal_case(arr([[0., 0., 0.]]), *idx([[2, 2, 0, 2]]), vals([[1., 2., 3., 4.]]), 1),
    # put_along_axis: values with more dimensions, leading ones of length 1 (NumPy drops them)
    'pal: values [1,2,1] for a [2,1] walk':
        pal_case(arr(np.zeros((2, 3))), *idx([[0], [1]]), vals(np.ones((1, 2, 1)) * 7), 1),
    'pal: values [1,1,2] for a flat walk of 2 (axis None)':
        pal_case(arr(np.zeros((2, 3))), *idx([0, 4]), vals([[[5., 6.]]]), None),
    'pal: values [2,2,1] for a [2,1] walk: BroadcastError':
        pal_case(arr(np.zeros((2, 3))), *idx([[0], [1]]), vals(np.ones((2, 2, 1))), 1),
    'pal: empty values [2,0] for an empty walk [0] (reshaped to their trailing axes)':
        pal_case(arr([1., 2.]), *idx(np.zeros(0)), vals(np.zeros((2, 0))), 0),
    'pal: empty values [0,1,0] for an empty flat walk (axis None)':
        pal_case(arr([1., 2.]), *idx(np.zeros(0)), vals(np.zeros((0, 1, 0))), None),
    'pal: empty values [5,0,7] for an empty walk [0]: BroadcastError':
        pal_case(arr([1., 2.]), *idx(np.zeros(0)), vals(np.zeros((5, 0, 7))), 0),
    'pal: axis None into a transposed target (NumPy 2.4 refuses; ndvec writes)':
        pal_case(arr(np.arange(6.).reshape(2, 3), 'T'), *idx([0, -1]), vals([7., 8.]), None),
    'pal: axis None, 2-D indices: ValueError':
        pal_case(arr(np.zeros(4)), *idx([[0]]), vals(1.), None),
    # take under wrap/clip over an empty axis: an empty result reads nothing and is no error
    'take clip: empty axis 0 of [0,2,0,0], result [4,2,0,0]':
        take_case(arr(np.zeros((0, 2, 0, 0))), *idx([-2, 1, -1, 0]), 0, 'clip'),
    'take wrap: empty axis 2 of [1,1,0,0], result [1,1,0] (NumPy 2.4 never returns; as clip)':
        take_case(arr(np.zeros((1, 1, 0, 0))), *idx(1.), 2, 'wrap'),
    'take raise: empty axis 2 of [1,1,0,0], result empty, still IndexError':
        take_case(arr(np.zeros((1, 1, 0, 0))), *idx(1.), 2, 'raise'),
    'take clip: empty axis, non-empty result: IndexError':
        take_case(arr(np.zeros((2, 0))), *idx([0]), 1, 'clip'),
    'take wrap: empty axis, empty result, a non-integer index: IndexError':
        take_case(arr(np.zeros((1, 0, 0))), *idx([1.5]), 1, 'wrap'),
    # take_along_axis: axis defaults to -1 (NumPy 2.3+)
    'tal: default axis -1 with argsort indices':
        tal_case(arr([[3., 1., 2.], [9., 7., 8.]]), *idx(np.argsort([[3., 1., 2.], [9., 7., 8.]], axis=-1)), 'default'),
    'tal: default axis on a 0-d array: AxisError':
        tal_case(arr(3.), *idx(np.array(0.), 'c'), 'default'),
    'tal: axis None with 1-D indices on a transposed source':
        tal_case(arr(np.arange(6.).reshape(2, 3), 'T'), *idx([0, 1, -1]), None),
    'tal: argmax(keepdims) indices, size-1 axis broadcast':
        tal_case(arr([[10., 30., 20.], [60., 40., 50.]]), *idx(np.argmax([[10., 30., 20.], [60., 40., 50.]], axis=1, keepdims=True)), 1),
    'tal: indices [1,3] broadcast against a [2,3] source along axis 0':
        tal_case(arr(np.arange(6.).reshape(2, 3)), *idx([[1, 0, -1]]), 0),
    'tal: indices [3,1] against [2,3] off the axis: BroadcastError':
        tal_case(arr(np.arange(6.).reshape(2, 3)), *idx([[0], [1], [0]]), 1),
    # put: values aliasing the target are read before anything is written (NumPy copies too)
    'put: values are the target itself':
        put_case(arr(np.arange(5.)), *idx([1, 2, 3, 4]), {'kind': 'alias', 'value': 'self'}, 'raise'),
    'put: values are the target reversed':
        put_case(arr(np.arange(5.)), *idx([1, 2, 3, 4]), {'kind': 'alias', 'value': 'rev'}, 'raise'),
    'put: into a transposed view, flat C order of the view':
        put_case(arr(np.arange(6.).reshape(2, 3), 'T'), *idx([0, 1, 5]), vals([7., 8., 9.]), 'raise'),
    'put: a bad index after good ones writes nothing (NumPy writes the good ones first)':
        put_case(arr(np.arange(5.)), *idx([0, 1, 9]), vals([7., 8., 9.]), 'raise'),
    'put: NaN index under clip: IndexError, nothing written':
        put_case(arr(np.arange(5.)), *idx([0, float('nan')]), vals([7., 8.]), 'clip'),
    'put: 1e300 and -1e300 under wrap (exact remainder)':
        put_case(arr(np.zeros(7)), *idx([1e300, -1e300]), vals([1., 2.]), 'wrap'),
    'take: 2**53 under clip is the last element':
        take_case(arr([1., 2., 3.]), *idx([2.0**53, -(2.0**53)]), None, 'clip'),
    'take: -0 index':
        take_case(arr([1., 2.]), *idx(-0.0), None, 'raise'),
    'take: from a 0-d array, flat and axis 0/-1':
        take_case(arr(3.), *idx([0, 0, -1]), None, 'raise'),
    'take: from a 0-d array, axis 1: AxisError':
        take_case(arr(3.), *idx([0]), 1, 'raise'),
    'take: bool source keeps its dtype':
        take_case(arr([True, False, True], dtype='bool'), *idx([[2, 1]]), 0, 'raise'),
}
for label, case in NAMED.items():
    case['label'] = label
    cases.append(case)

with open(OUT, 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': cases}, f, separators=(',', ':'))
print(f'{len(cases)} cases ({len(NAMED)} named) -> {OUT}', file=sys.stderr)
