"""NumPy's values for take/put with mode 'raise', 'wrap' and 'clip' (test/indexing-modes.test.ts).

Writes test/fixtures/take-modes.json. Indices are integers given as float64 on the ndvec side;
each case holds NumPy's result, or the IndexError it raised (the message is NumPy's, the tests
only check that ndvec throws IndexError too). Sizes cross the WASM kernels' 4-wide steps and
their blocks of 64 (put's check) and 256 (take's gather).

    python3 scripts/take-fixtures.py
"""
import json
import os

import numpy as np

MODES = ['raise', 'wrap', 'clip']


def num(x):
    x = float(x)
    if np.isnan(x):
        return 'NaN'
    if np.isinf(x):
        return 'Infinity' if x > 0 else '-Infinity'
    return x


def nested(a):
    a = np.asarray(a)
    if a.ndim == 0:
        return num(a)
    return [nested(x) for x in a]


def outcome(f):
    try:
        return {'result': nested(f())}
    except IndexError as e:
        return {'error': str(e)}


def huge(idx):
    return bool(np.size(idx)) and int(np.max(np.abs(np.array(idx, dtype=np.int64)))) > 10**6


rng = np.random.default_rng(13)
take_cases = []
put_cases = []

sources = {
    '1d7': np.array([1.5, -2.0, 3.0, 7.0, np.nan, -0.0, np.inf]),
    '1d1': np.array([42.0]),
    '2d3x4': np.arange(12, dtype=float).reshape(3, 4) * 1.5 - 4,
    '3d2x3x2': np.arange(12, dtype=float).reshape(2, 3, 2),
}
index_sets = [
    [0, 1, 2],
    [-1, -3, 0],
    [3, 4, 7, -8, 100, -100, 1001, -1001],
    # huge indices: raise and clip only (NumPy's wrap steps by n in a loop: 2**53 would not finish)
    [3, 2**31, -(2**31), 2**53, -(2**53)],
    [[5, -5], [6, -6]],
    [],
    7,
    -9,
]
for m in [3, 4, 5, 63, 64, 65, 255, 256, 257, 300, 513]:
    # mostly in range with a few negatives and out-of-range ones in one place (a block edge or not)
    idx = rng.integers(-12, 12, m)
    index_sets.append(idx.tolist())
    clean = rng.integers(0, 7, m)
    clean[m // 2] = m + 7
    index_sets.append(clean.tolist())

for name, a in sources.items():
    axes = [None] + list(range(-a.ndim, a.ndim))
    for idx in index_sets:
        for axis in axes:
            if isinstance(idx, list) and len(idx) > 20 and axis not in (None, 0):
                continue
            for mode in MODES:
                if mode == 'wrap' and huge(idx):
                    continue
                case = {'source': name, 'indices': idx, 'axis': axis, 'mode': mode}
                case.update(outcome(lambda: np.take(a, np.array(idx, dtype=np.int64), axis=axis, mode=mode)))
                take_cases.append(case)

# empty axes: NumPy refuses a non-empty take in every mode
for shape, axis, idx in [((0,), None, [0]), ((2, 0), 1, [1]), ((0, 3), 1, [7]), ((0,), None, [])]:
    for mode in MODES:
        case = {'shape': list(shape), 'indices': idx, 'axis': axis, 'mode': mode}
        case.update(outcome(lambda: np.take(np.zeros(shape), np.array(idx, dtype=np.int64), axis=axis, mode=mode)))
        take_cases.append(case)

targets = {'1d5': np.arange(5, dtype=float) * 10, '2d2x3': np.arange(6, dtype=float).reshape(2, 3)}
for name, t in targets.items():
    for idx in index_sets:
        for vals in [[-1.0], [-1.0, -2.0, -3.0], (np.arange(600) + 0.25).tolist()]:
            for mode in MODES:
                if mode == 'wrap' and huge(idx):
                    continue
                a = t.copy()
                case = {'target': name, 'indices': idx, 'values': vals[: max(1, np.size(idx))] if len(vals) > 3 else vals, 'mode': mode}

                def run():
                    np.put(a, np.array(idx, dtype=np.int64), np.array(case['values']), mode=mode)
                    return a

                case.update(outcome(run))
                put_cases.append(case)
for mode in MODES:
    case = {'target': 'empty', 'indices': [5], 'values': [1.0], 'mode': mode}
    case.update(outcome(lambda: np.put(np.zeros(0), [5], [1.0], mode=mode)))
    put_cases.append(case)

out = {
    'numpy': np.__version__,
    'sources': {k: nested(v) for k, v in sources.items()},
    'targets': {k: nested(v) for k, v in targets.items()},
    'take': take_cases,
    'put': put_cases,
}
path = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'take-modes.json')
with open(path, 'w') as f:
    json.dump(out, f, separators=(',', ':'))
print(f'wrote {path}: {len(take_cases)} take cases, {len(put_cases)} put cases')
