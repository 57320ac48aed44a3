#!/usr/bin/env python3
"""Writes the NumPy-made .npy/.npz fixtures of test/npy.test.ts into test/fixtures/npy/.

Run with python3 + numpy 2.x:  python3 scripts/npy-fixtures.py
The committed tests read the files and test/fixtures/npy/expected.json (the values NumPy
holds for each file, flattened in C order, as exact decimal strings); they never need Python.
"""
import io
import json
import math
import os

import numpy as np
from numpy.lib import format as npformat

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'npy')
os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT):
    os.remove(os.path.join(OUT, f))

expected = {}


def text(x):
    """An exact decimal string for a float64 or int (JS Number() reads it back exactly)."""
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    x = float(x)
    if math.isnan(x):
        return 'NaN'
    if math.isinf(x):
        return 'Infinity' if x > 0 else '-Infinity'
    return repr(x)


def record(name, a, kind='npy'):
    flat = np.ascontiguousarray(a).reshape(-1)
    expected[name] = {
        'shape': list(a.shape),
        'descr': a.dtype.str,
        'fortran': bool(a.flags.f_contiguous and not a.flags.c_contiguous),
        'values': [text(v) for v in flat.tolist()],
    }


def save(name, a, version=None):
    with open(os.path.join(OUT, name), 'wb') as f:
        if version is None:
            np.save(f, a)
        else:
            npformat.write_array(f, a, version=version)
    record(name, a)


FLOATS = [0.0, -0.0, 1.5, -2.25, math.nan, math.inf, -math.inf, 1e308, 5e-324, -1 / 3, 65504.0, 6e-8]
with np.errstate(over='ignore'):  # 1e308 overflows to inf in f4 and f2, as intended
    for code in ['f8', 'f4', 'f2']:
        for order in '<>':
            a = np.array(FLOATS, dtype=order + code).reshape(3, 4)
            save(f'{code}-{"le" if order == "<" else "be"}.npy', a)

for kind in 'iu':
    for size in [1, 2, 4, 8]:
        info = np.iinfo(f'{kind}{size}')
        # 64-bit: the exact float64 range ends at 2^53
        lo, hi = (max(int(info.min), -2**53), min(int(info.max), 2**53)) if size == 8 else (int(info.min), int(info.max))
        vals = [lo, hi, 0, 1, hi - 1, lo + 1] if kind == 'i' else [0, 1, hi, hi - 1, 7, 200 if size > 1 else 100]
        if kind == 'i':
            vals = vals[:5] + [-1]
        for order in ('<>' if size > 1 else '|'):
            a = np.array(vals, dtype=f'{order if order != "|" else ""}{kind}{size}').reshape(2, 3)
            suffix = {'<': 'le', '>': 'be', '|': ''}[order]
            save(f'{kind}{size}{"-" + suffix if suffix else ""}.npy', a)

save('bool.npy', np.array([[True, False, True], [False, False, True]]))

# Fortran order: 2-D and 3-D, several dtypes, both byte orders.
save('f8-fortran.npy', np.asfortranarray(np.arange(12, dtype='<f8').reshape(3, 4) * 1.25 - 3))
save('f4-be-fortran.npy', np.asfortranarray(np.arange(24, dtype='>f4').reshape(2, 3, 4) - 7.5))
save('i2-fortran.npy', np.asfortranarray(np.arange(6, dtype='<i2').reshape(2, 3) * -1000))
save('bool-fortran.npy', np.asfortranarray(np.arange(6).reshape(3, 2) % 3 == 0))
save('f8-fortran-tiles.npy', np.asfortranarray(np.arange(33 * 35, dtype='<f8').reshape(33, 35) / 8))  # 2x2 tiles of 32x32, ragged edges
save('i1-fortran-4d.npy', np.asfortranarray(np.arange(120, dtype='i1').reshape(2, 3, 4, 5)))

# 0-d and empty.
save('scalar-f8.npy', np.array(3.5))
save('scalar-bool.npy', np.array(True))
save('scalar-i8-be.npy', np.array(-42, dtype='>i8'))
save('empty-1d.npy', np.zeros(0))
save('empty-3d.npy', np.zeros((2, 0, 3), dtype='<i4'))
save('empty-bool.npy', np.zeros((0, 4), dtype=bool))

# Format versions 2.0 and 3.0 (3.0: a UTF-8 header; NumPy only needs it for unicode field names).
save('v2.npy', np.arange(5, dtype='<f8') / 4, version=(2, 0))
save('v3.npy', np.arange(5, dtype='>u2'), version=(3, 0))

# int64/uint64 beyond 2^53: an error unless lossy (the expected values are the rounded ones).
save('i8-beyond.npy', np.array([1, 2**53 + 1, -(2**63)], dtype='<i8'))
save('u8-beyond.npy', np.array([2**64 - 1, 3], dtype='>u8'))

# Dtypes ndvec does not read (the test expects a DTypeError naming each).
unsupported = {
    'complex.npy': np.array([1 + 2j]),
    'complex64-be.npy': np.array([1 + 2j], dtype='>c8'),
    'structured.npy': np.zeros(2, dtype=[('x', '<f8'), ('y', '<i4')]),
    'datetime.npy': np.array(['2024-01-01'], dtype='datetime64[D]'),
    'timedelta.npy': np.array([5], dtype='timedelta64[s]'),
    'str.npy': np.array(['abc']),
    'bytes.npy': np.array([b'abc']),
    'longdouble.npy': np.zeros(1, dtype=np.longdouble),  # zeros: no uninitialised padding bytes
}
for name, a in unsupported.items():
    np.save(os.path.join(OUT, name), a)
    expected[name] = {'error': 'DTypeError', 'descr': a.dtype.str if a.dtype.names is None else str(a.dtype.descr)}
with open(os.path.join(OUT, 'object.npy'), 'wb') as f:
    np.save(f, np.array([{'a': 1}, None], dtype=object), allow_pickle=True)
expected['object.npy'] = {'error': 'DTypeError', 'descr': '|O'}

# .npz: stored (np.savez) and deflated (np.savez_compressed).
x = np.linspace(-1, 1, 7)
m = x > 0
k = np.arange(6, dtype='>i2').reshape(2, 3)
rng = np.random.default_rng(13)
big = np.round(rng.standard_normal(2000), 2)  # compresses, so deflate does real work
for name, saver in [('stored.npz', np.savez), ('deflated.npz', np.savez_compressed)]:
    saver(os.path.join(OUT, name), x=x, mask=m, k=k, big=big, scalar=np.array(2.5), empty=np.zeros((0, 2)))
    expected[name] = {key: None for key in ['x', 'mask', 'k', 'big', 'scalar', 'empty']}
    for key, a in [('x', x), ('mask', m), ('k', k), ('big', big), ('scalar', np.array(2.5)), ('empty', np.zeros((0, 2)))]:
        flat = a.reshape(-1)
        expected[name][key] = {'shape': list(a.shape), 'descr': a.dtype.str, 'values': [text(v) for v in flat.tolist()]}
np.savez(os.path.join(OUT, 'positional.npz'), np.arange(3.0), np.ones(2, dtype=bool))
expected['positional.npz'] = {
    'arr_0': {'shape': [3], 'descr': '<f8', 'values': ['0.0', '1.0', '2.0']},
    'arr_1': {'shape': [2], 'descr': '|b1', 'values': [True, True]},
}
np.savez(os.path.join(OUT, 'empty.npz'))
expected['empty.npz'] = {}

with open(os.path.join(OUT, 'expected.json'), 'w') as f:
    json.dump({'numpy': np.__version__, 'files': expected}, f, indent=1)
    f.write('\n')
total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
print(f'npy-fixtures: {len(os.listdir(OUT))} files, {total} bytes in {os.path.relpath(OUT)}')
