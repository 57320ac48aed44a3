#!/usr/bin/env python3
"""Writes test/fixtures/random-numpy.json: expected outputs of NumPy's default_rng streams
(PCG64 seeded through SeedSequence) for test/random-numpy.test.ts, so the tests do not need
Python. Run from the repository root: python3 scripts/random-fixtures.py

Each case is a seed and a list of calls made one after another on ONE generator (so the
stream continues between calls, as in NumPy). Calls use ndvec's names and argument order:
  ["random", shape], ["uniform", low, high, shape], ["integers", low, high, shape, endpoint],
  ["standardNormal", shape], ["normal", loc, scale, shape], ["exponential", scale, shape],
  ["choice", a, shape, replace, p], ["shuffle", nested list], ["permutation", n or list]
shape None means NumPy's size=None (a scalar result). Results are stored as
{"shape": [...], "bits": [16 hex digits of each float64, C order]} and, for long runs,
{"shape": [...], "head": first 64 values' bits, "sha256": digest of all float64 bytes (LE)}.
"""
import ctypes
import ctypes.util
import hashlib
import json
import os

import numpy as np

LONG = 64  # results longer than this are stored as head + digest


def encode(x):
    arr = np.asarray(x, dtype=np.float64)
    flat = np.ascontiguousarray(arr).ravel()
    bits = [format(int(v), '016x') for v in flat.view(np.uint64)]
    out = {'shape': list(arr.shape), 'scalar': not isinstance(x, np.ndarray)}
    if len(bits) > LONG:
        out['head'] = bits[:LONG]
        out['sha256'] = hashlib.sha256(flat.astype('<f8').tobytes()).hexdigest()
    else:
        out['bits'] = bits
    return out


def size(shape):
    return None if shape is None else tuple(shape)


def run(rng, call):
    name = call[0]
    if name == 'random':
        return rng.random(size(call[1]))
    if name == 'uniform':
        return rng.uniform(call[1], call[2], size(call[3]))
    if name == 'integers':
        return rng.integers(call[1], call[2], size(call[3]), endpoint=call[4])
    if name == 'standardNormal':
        return rng.standard_normal(size(call[1]))
    if name == 'normal':
        return rng.normal(call[1], call[2], size(call[3]))
    if name == 'exponential':
        return rng.exponential(call[1], size(call[2]))
    if name == 'choice':
        return rng.choice(call[1], size(call[2]), replace=call[3], p=call[4])
    if name == 'shuffle':
        arr = np.array(call[1], dtype=np.float64)
        rng.shuffle(arr)
        return arr
    if name == 'permutation':
        a = call[1]
        return rng.permutation(a if isinstance(a, int) else np.array(a, dtype=np.float64))
    raise ValueError(name)


def seed_value(seed):
    if isinstance(seed, dict):
        return int(seed['bigint'])
    return seed


SEEDS = [0, 1, 42, 2**32, 2**53 - 1, [1, 2, 3], [], [0], [2**32, 7], [2**40 + 3, 0, 5, 6, 7],
         {'bigint': str(2**64 + 12345)}, {'bigint': str(3**80)}]

# A short mixed stream run for every seed: every method, empty and 0-d shapes, scalars,
# interleaved so that uint32 buffering (integers with a 32-bit range) meets 64-bit draws.
MIXED = [
    ['random', [3]],
    ['standardNormal', [2]],
    ['integers', 0, 10, [5], False],
    ['random', None],
    ['integers', 0, 10, None, False],
    ['random', [2, 2]],
    ['uniform', -2.5, 7.25, [3]],
    ['integers', -5, 5, [2, 3], True],
    ['exponential', 2.0, [4]],
    ['normal', 10.0, 0.5, [3]],
    ['integers', 0, 2**32, [3], False],
    ['integers', 0, 2**32, [3], True],
    ['integers', 0, 2**40, [3], False],
    ['integers', -2**53, 2**53, [4], False],
    ['integers', 7, 7, [2], True],
    ['random', []],
    ['standardNormal', []],
    ['random', [0]],
    ['standardNormal', [2, 0, 3]],
    ['integers', 0, 1, [3], False],
    ['integers', 100, None, [3], False],
    ['choice', 10, [4], True, None],
    ['choice', [1.5, 2.5, 3.5], [2, 2], True, [0.2, 0.3, 0.5]],
    ['choice', 10, [4], False, None],
    ['choice', 20, [3], False, [0.05] * 10 + [0.1] * 5 + [0.0] * 5],
    ['choice', 5, None, True, None],
    ['choice', [[1, 2], [3, 4], [5, 6]], [2], True, None],
    ['shuffle', [1, 2, 3, 4, 5, 6, 7]],
    ['shuffle', [[1, 2], [3, 4], [5, 6]]],
    ['permutation', 6],
    ['permutation', [9, 8, 7, 6, 5]],
    ['permutation', [[1, 2], [3, 4], [5, 6]]],
    ['exponential', 0.0, [2]],
    ['normal', 0.0, 0.0, [2]],
    ['standardNormal', None],
    ['exponential', 1.0, None],
    ['uniform', 3.0, 3.0, [2]],
    ['random', [1]],
    ['normal', -1e308, 1e308, [3]],
    ['exponential', 1e308, [3]],
    ['uniform', -1e300, 1e300, [2]],
    ['integers', 2**32 - 1, 2**33, [3], True],
    ['integers', 0, 2**32 - 1, [3], True],
    ['choice', [2.5], [3], True, [1.0]],
    ['choice', 0, [0], False, None],
    ['choice', 10, [], True, None],
    ['choice', [4.5, 5.5], [], True, None],
    ['choice', [[1, 2], [3, 4]], None, True, None],
    ['choice', 7, [2, 0], False, None],
    ['permutation', 0],
    ['permutation', 1],
    ['shuffle', []],
    ['shuffle', [3.5]],
    ['random', [5]],
]

# Long runs for one seed each: enough draws to reach the ziggurats' rare paths (wedge
# rejections, the normal tail at |x| > 3.654, the exponential tail) many times.
LONG_CASES = [
    (1, [['standardNormal', [200000]], ['random', [10]]]),
    (7, [['exponential', 1.0, [200000]], ['random', [10]]]),
    (2, [['integers', 0, 1000, [50000], False], ['random', [3]], ['integers', 0, 3 * 2**40 + 1, [50000], False],
         ['integers', -10, 10, [50001], True], ['random', [3]],
         ['integers', -2**53, 2**53, [1000], False], ['integers', -5, 2**33, [999], True],
         ['integers', 0, 2**32 - 1, [1000], True], ['integers', 0, 10, [3], False], ['integers', 0, 10, [101], False],
         ['random', [100]], ['integers', 0, 10, [1], False], ['standardNormal', [100]], ['integers', 0, 7, [65], False]]),
    (3, [['choice', 100000, [30000], False, None], ['choice', 1000, [600], False, None],
         ['permutation', 100], ['choice', 100, [1000], True, (np.arange(100) / 4950.0).tolist()]]),
    (4, [['normal', -3.0, 2.5, [1000, 10]], ['uniform', 1.0, 3.0, [10000]]]),
    # element 7758854 is a normal tail whose log1p V8's Math.log1p rounds one ulp off glibc's
    (12, [['standardNormal', [7758855]], ['exponential', 1.0, [1000]]]),
]


def sha256_of(values):
    return hashlib.sha256(np.asarray(values, dtype='<f8').tobytes()).hexdigest()


LP = [6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01, 2.222219843214978396e-01,
      1.818357216161805012e-01, 1.531383769920937332e-01, 1.479819860511658591e-01]


def fdlibm_horner_small(f):
    """fdlibm's log1p for -0.2929 < f < 0.41422 (no reduction), Horner form, no FMA (V8's)."""
    hfsq = 0.5 * f * f
    s = f / (2.0 + f)
    z = s * s
    r = LP[6]
    for c in reversed(LP[:6]):
        r = c + z * r
    r = z * r
    return f - (hfsq - s * (hfsq + r))


def log1p_cases():
    """The C library's log1p (what NumPy's ziggurat tails call), for src/random/log1p.ts:
    digests over the tails' inputs (-u for u = default_rng(0).random(n)) and over a wide
    range, plus single cases where fdlibm's Horner form (V8's Math.log1p) rounds differently."""
    libm = ctypes.CDLL(ctypes.util.find_library('m'))
    libm.log1p.restype = ctypes.c_double
    libm.log1p.argtypes = [ctypes.c_double]
    log1p = np.frompyfunc(libm.log1p, 1, 1)
    tails = -np.random.default_rng(0).random(300000)
    wide = np.random.default_rng(1).uniform(-1.0, 4.0, 100000)
    hard = []
    for x in np.random.default_rng(2).uniform(-0.29, 0.41, 200000):
        y = libm.log1p(float(x))
        if y != fdlibm_horner_small(float(x)):
            hard.append([float(x).hex(), y.hex()])
        if len(hard) == 40:
            break
    for x in [0.0, -0.0, -1.0, -1e-300, 2.0**-30, -2.0**-29, 1e-17, -0.5, 0.5, 1e300, 2.0**53, -0.999999999]:
        hard.append([float(x).hex(), libm.log1p(x).hex()])
    return {
        'tails': {'seed': 0, 'n': len(tails), 'sha256': sha256_of(log1p(tails).astype(np.float64))},
        'wide': {'seed': 1, 'low': -1.0, 'high': 4.0, 'n': len(wide), 'sha256': sha256_of(log1p(wide).astype(np.float64))},
        'cases': hard,
    }


def main():
    cases = []
    for seed in SEEDS:
        cases.append({'seed': seed, 'calls': MIXED})
    for seed, calls in LONG_CASES:
        cases.append({'seed': seed, 'calls': calls})
    for case in cases:
        rng = np.random.default_rng(seed_value(case['seed']))
        case['results'] = [encode(run(rng, call)) for call in case['calls']]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    path = os.path.join(root, 'test', 'fixtures', 'random-numpy.json')
    with open(path, 'w') as f:
        json.dump({'numpy': np.__version__, 'generatedBy': 'scripts/random-fixtures.py', 'cases': cases,
                   'log1p': log1p_cases()}, f, separators=(',', ':'))
        f.write('\n')
    print(f'wrote {path}: {len(cases)} cases, {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main()
