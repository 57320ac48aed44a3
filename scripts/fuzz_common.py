"""What the differential fuzz generators (scripts/fuzz-shape.py, fuzz-search.py, fuzz-linalg.py,
indexing-fixtures.py) share: their command line, numbers spelled as JSON can hold them ('NaN', '+-Infinity', '-0' as strings), an array
packed as shape, dtype and C-order values, and the views test/fixture-views.ts rebuilds.
"""
import math
import os
import sys

import numpy as np


def cli(seed, count, fixture):
    """`[seed] [count] [out]` from the command line, defaulting to what the committed fixture was
    made with: test/fixtures/<fixture>."""
    return (int(sys.argv[1]) if len(sys.argv) > 1 else seed,
            int(sys.argv[2]) if len(sys.argv) > 2 else count,
            sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', fixture))


def enc(x):
    """A number or bool as the fixtures spell it."""
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    x = float(x)
    if math.isnan(x):
        return 'NaN'
    if math.isinf(x):
        return 'Infinity' if x > 0 else '-Infinity'
    if x == 0 and math.copysign(1, x) < 0:
        return '-0'
    return x


def dec(x):
    """A fixture number back as a float (bools and plain numbers unchanged)."""
    if isinstance(x, bool):
        return x
    return {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': float('-inf'), '-0': -0.0}.get(x, x)


def pack(a):
    """Shape, dtype ('bool' or 'float64', ndvec's two) and C-order values of an array."""
    a = np.asarray(a)
    return {'shape': list(a.shape), 'dtype': 'bool' if a.dtype == bool else 'float64', 'flat': [enc(v) for v in a.ravel()]}


def view_of(base, view, shape):
    """The view a recipe names over `base` (test/fixture-views.ts's build does the same in ndvec)."""
    return {'c': lambda: base, 'T': lambda: base.T, 'rev': lambda: base[::-1], 'step': lambda: base[..., ::2],
            'off': lambda: base[1:], 'bc': lambda: np.broadcast_to(base, shape), 'flip': lambda: np.flip(base),
            'swap': lambda: np.swapaxes(base, 0, 1)}[view]()


def base_shape_of(view, shape, choose):
    """The shape of the base a view recipe reads as `shape` (view_of's inverse); for 'bc' one
    axis of size > 1, picked by `choose(candidates)`, is 1 in the base."""
    if view == 'T':
        return list(reversed(shape))
    if view == 'swap':
        return [shape[1], shape[0]] + list(shape[2:])
    if view == 'step':
        return list(shape[:-1]) + [2 * shape[-1]]
    if view == 'off':
        return [shape[0] + 1] + list(shape[1:])
    base_shape = list(shape)
    if view == 'bc':
        base_shape[choose([i for i, d in enumerate(shape) if d != 1])] = 1
    return base_shape
