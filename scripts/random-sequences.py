#!/usr/bin/env python3
"""Writes test/fixtures/random-sequences.json for test/random-sequences.test.ts: random call
sequences on ONE np.random.default_rng(seed) each (every Generator method, mixed, so the stream
continues across methods), with NumPy's result or the kind of error it raised. ndvec must
give the same bits, or a named error where NumPy raised.

Run from the repository root: python3 scripts/random-sequences.py

The sequences come from a fixed Python RNG (random.Random(SCRIPT_SEED)), drawn from adversarial
pools: shapes None/[]/0/[1,0,2]/odd sizes around the WASM threshold (19, 20, 21) and long ones;
integer bounds near 2^31, 2^32, 2^53 and their negatives, ranges of size 1 and 2^32 ± 1,
high omitted, low ≥ high (empty sizes included: NumPy returns [] there before it checks the
range); float bounds ±0, ±Inf, NaN, 5e-324, ±1e308; scales 0, -0, negative, NaN, Inf;
choice from integers (up to 2^53 − 1; the tail-shuffle branch past 10000) and from 1-D, 2-D,
3-D, empty and (k, 0) arrays, with and without replacement, p uniform / with zeros / NaN /
negative / off by 1e-9 (accepted, normalised) and 1e-6 (refused) / of the wrong length;
shuffle of arrays and their views (transposed, every other row, reversed); permutation of
integers (negative ones give NumPy's empty arange) and arrays. Seeds: numbers, integers past
2^64 (stored as {"big": "digits"}) and lists.

The first cases are hand-written: the calls where ndvec once differed from NumPy (the
adversarial review of issue 13), each followed by draws that show the stream position.

Encoding: floats that JSON cannot hold are {"f": "nan" | "inf" | "-inf" | "-0"}. A result is
{"shape", "scalar", "bits": [16 hex digits a float64, C order]} (more than SHORT values:
"head" and "sha256" of all float64 bytes, little-endian) or {"error": NumPy's exception name}.
"""
import hashlib
import json
import math
import os
import random

import numpy as np

SCRIPT_SEED = 20261203
N_CASES = 600
SHORT = 8

INF = float('inf')
NAN = float('nan')

SIZES = [None, None, None, [], 0, 1, 2, 3, 5, [0], [3], [2, 3], [1, 0, 2], [4, 1], 19, 20, 21, [2, 2, 2], 64, 65,
         100, [3, 0], [1], 1000, 2049]
FLOATS = [0.0, 1.0, -1.0, 2.5, -3.75, 1e-300, -1e300, 1e300, 1e308, -1e308, INF, -INF, NAN, -0.0, 5e-324, 3.0, 1e16, 0.1]
SCALES = [1.0, 0.0, -0.0, -1.0, NAN, INF, 2.5, 1e-300, 1e308, 5e-324, -INF, 0.5]
INTS = [0, 1, -1, 2, 3, 5, 10, -10, 7, 100, 255, 256, 65535, 65536, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 1,
        2**32 + 2, -2**32, -2**31, 2**33, 2**40, 3 * 2**40 + 1, 2**52, 2**53 - 1, 2**53, -2**53, -2**53 + 1, 1000, 6,
        2**48 + 17]
POPULATIONS = [0, 1, 2, 3, 5, 10, 100, 1000, 10001, 10049, 20000, 7, 64, 2**32, 2**32 + 1, 2**31 + 3, 2**40,
               2**53 - 1, 50001]
SEEDS = [0, 1, 42, 2**32, 2**53 - 1, 2**53, 12345, 2**32 - 1, 2**64, 2**64 - 1, 2**63, 2**128 + 5, 3**100,
         [0], [], [1, 2], [2**32, 0], [2**53 - 1, 2**64 + 1], [0, 0, 0, 0, 0], [7] * 9, [2**64 - 1, 5]]

# Where ndvec differed from NumPy before the review (each then draws, to show the stream).
REVIEW_CASES = [
    # integers: an empty size returns [] before the range is checked
    (3, [['integers', 5, 5, [0], False], ['integers', 6, 5, [2, 0], True], ['integers', -3, None, 0, False],
         ['integers', 2**53, -2**53, [3, 0], False], ['integers', 0, None, [0], False], ['random', [2]],
         ['integers', 5, 5, 0, True], ['integers', 0, 10, [3], False]]),
    # permutation of a negative integer: NumPy permutes np.arange(n), which is empty
    (4, [['permutation', -3], ['permutation', -1], ['random', [2]], ['permutation', 3]]),
    # permutation of an array with empty rows still draws (NumPy shuffles an index array);
    # shuffle of the same does not
    (5, [['permutation', [[], [], []]], ['random', [2]], ['shuffle', [[], [], []], None], ['random', [2]],
         ['permutation', [[[]], [[]], [[]], [[]]]], ['integers', 0, 10, [3], False], ['permutation', []],
         ['random', None]]),
    # uniform(0, -0): high - low is -0, and NumPy's CONS_NON_NEGATIVE refuses a set sign bit
    (6, [['uniform', 0.0, -0.0, [2]], ['uniform', 0.0, -0.0, None], ['uniform', -0.0, -0.0, [2]],
         ['uniform', -0.0, 0.0, [2]], ['uniform', 5.0, 5.0, None], ['random', [2]]]),
]


def enc_float(x):
    if isinstance(x, float):
        if math.isnan(x):
            return {'f': 'nan'}
        if math.isinf(x):
            return {'f': 'inf' if x > 0 else '-inf'}
        if x == 0 and math.copysign(1, x) < 0:
            return {'f': '-0'}
    return x


def enc(v):
    return [enc(x) for x in v] if isinstance(v, list) else enc_float(v)


def enc_seed(s):
    if isinstance(s, list):
        return [enc_seed(x) for x in s]
    return {'big': str(s)} if s > 2**53 else s


class Calls:
    """Draws random calls from the pools with one Python RNG."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def size(self):
        return self.r.choice(SIZES)

    def integer(self):
        return self.r.choice(INTS) if self.r.random() < 0.7 else self.r.randint(-2**20, 2**20)

    def array(self):
        r = self.r
        kind = r.choice(['1d', '1d', '1d', '2d', '3d', 'empty', 'empty-rows'])
        if kind == '1d':
            return [float(r.randint(-50, 50)) / 2 for _ in range(r.choice([1, 2, 3, 5, 8, 17, 33]))]
        if kind == '2d':
            n, m = r.choice([1, 2, 3, 6]), r.choice([1, 2, 4])
            return [[float(r.randint(-9, 9)) for _ in range(m)] for _ in range(n)]
        if kind == '3d':
            return [[[float(r.randint(-9, 9)) for _ in range(2)] for _ in range(3)] for _ in range(r.choice([1, 2, 4]))]
        if kind == 'empty':
            return []
        return [[] for _ in range(r.choice([1, 3]))]

    def p(self, n):
        r = self.r
        u = r.random()
        if n == 0:
            return [] if u < 0.5 else None
        if u < 0.45:
            w = [r.choice([0, 1, 2, 3, 5]) for _ in range(n)]
            if sum(w) == 0:
                w[0] = 1
            return [x / sum(w) for x in w]
        if u < 0.55:
            return [1.0 / n] * n
        if u < 0.62:
            p = [1.0 / n] * n
            p[0] += 1e-9  # within NumPy's tolerance: accepted, the cdf normalised
            return p
        if u < 0.67:
            p = [1.0 / n] * n
            p[0] += 1e-6  # outside it
            return p
        if u < 0.72:
            p = [1.0 / n] * n
            p[-1] = NAN
            return p
        if u < 0.77:
            p = [0.0] * n
            p[0] = 1.5
            if n > 1:
                p[-1] = -0.5
            return p
        if u < 0.82:
            return [1.0 / (n + 1)] * (n + 1)
        if u < 0.86:
            p = [0.0] * n
            p[r.randrange(n)] = 1.0
            return p
        return [r.random() for _ in range(n)] if r.random() < 0.3 else [1.0 / n] * n

    def call(self):
        r = self.r
        m = r.choice(['random', 'uniform', 'integers', 'integers', 'integers', 'standardNormal', 'normal',
                      'exponential', 'choice', 'choice', 'choice', 'shuffle', 'permutation', 'permutation'])
        if m == 'random':
            return ['random', self.size()]
        if m == 'uniform':
            lo = r.choice(FLOATS)
            hi = lo if r.random() < 0.1 else r.choice(FLOATS)
            if r.random() < 0.4:
                lo, hi = r.uniform(-10, 10), r.uniform(-10, 10)
            return ['uniform', lo, hi, self.size()]
        if m == 'integers':
            lo = self.integer()
            u = r.random()
            if u < 0.2:
                hi = None
            elif u < 0.35:
                hi = lo + r.choice([0, 1, 2, 3, 2**32 - 1, 2**32, 2**32 + 1, 2**31, 10, 1000])
            else:
                hi = self.integer()
            if hi is not None and abs(hi) > 2**53:
                hi = 2**53
            return ['integers', lo, hi, self.size(), r.random() < 0.4]
        if m == 'standardNormal':
            return ['standardNormal', self.size()]
        if m == 'normal':
            return ['normal', r.choice(FLOATS), r.choice(SCALES), self.size()]
        if m == 'exponential':
            return ['exponential', r.choice(SCALES), self.size()]
        if m == 'choice':
            if r.random() < 0.5:
                a = r.choice(POPULATIONS)
                n = a
            else:
                a = self.array()
                n = len(a)
            size = self.size()
            if r.random() < 0.15 and isinstance(a, int) and 10000 < a <= 50001:
                size = r.choice([a // 50, a // 50 + 1, a // 20, 300, 2, a, a - 1, a // 50 - 1])
            replace = r.random() < 0.5
            p = self.p(n) if (r.random() < 0.4 and n <= 100) else None
            return ['choice', a, size, replace, p]
        if m == 'shuffle':
            return ['shuffle', self.array(), r.choice([None, None, 'T', 'step2', 'rev'])]
        if r.random() < 0.4:
            return ['permutation', r.choice([0, 1, 2, 3, 10, 33, -1, -5, 1000])]
        return ['permutation', self.array()]


def size_arg(s):
    return None if s is None else (s if isinstance(s, int) else tuple(s))


def view_of(arr, view):
    return {None: arr, 'T': arr.T, 'step2': arr[::2], 'rev': arr[::-1]}[view]


def run(g, call):
    name = call[0]
    if name == 'random':
        return g.random(size_arg(call[1]))
    if name == 'uniform':
        return g.uniform(call[1], call[2], size_arg(call[3]))
    if name == 'integers':
        return g.integers(call[1], call[2], size_arg(call[3]), endpoint=call[4])
    if name == 'standardNormal':
        return g.standard_normal(size_arg(call[1]))
    if name == 'normal':
        return g.normal(call[1], call[2], size_arg(call[3]))
    if name == 'exponential':
        return g.exponential(call[1], size_arg(call[2]))
    if name == 'choice':
        a = call[1] if isinstance(call[1], int) else np.array(call[1], dtype=np.float64)
        p = None if call[4] is None else np.array(call[4], dtype=np.float64)
        return g.choice(a, size_arg(call[2]), replace=call[3], p=p)
    if name == 'shuffle':
        base = np.array(call[1], dtype=np.float64)
        g.shuffle(view_of(base, call[2]))
        return base  # the base, shuffled through the view
    if name == 'permutation':
        x = call[1]
        return g.permutation(x if isinstance(x, int) else np.array(x, dtype=np.float64))
    raise ValueError(name)


def result(g, call):
    try:
        x = run(g, call)
    except Exception as e:  # noqa: BLE001 - the kind of error is the expected result
        return {'error': type(e).__name__}
    arr = np.asarray(x, dtype=np.float64)
    flat = np.ascontiguousarray(arr).ravel()  # (ascontiguousarray makes a 0-d array 1-d: shape from arr)
    bits = [format(int(v), '016x') for v in flat.view(np.uint64)]
    out = {'shape': list(arr.shape), 'scalar': not isinstance(x, np.ndarray)}
    if len(bits) > SHORT:
        out['head'] = bits[:4]
        out['sha256'] = hashlib.sha256(flat.astype('<f8').tobytes()).hexdigest()
    else:
        out['bits'] = bits
    return out


def case(seed, calls):
    g = np.random.default_rng(seed)
    results = [result(g, call) for call in calls]
    return {'seed': enc_seed(seed), 'calls': [enc(c) for c in calls], 'results': results}


def main():
    cases = [case(seed, calls) for seed, calls in REVIEW_CASES]
    draw = Calls(SCRIPT_SEED)
    for _ in range(N_CASES):
        seed = draw.r.choice(SEEDS) if draw.r.random() < 0.5 else draw.r.randint(0, 2**31)
        calls = [draw.call() for _ in range(draw.r.randint(1, 10))]
        cases.append(case(seed, calls))
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    path = os.path.join(root, 'test', 'fixtures', 'random-sequences.json')
    with open(path, 'w') as f:
        json.dump({'numpy': np.__version__, 'generatedBy': 'scripts/random-sequences.py', 'reviewCases': len(REVIEW_CASES),
                   'cases': cases}, f, separators=(',', ':'))
        f.write('\n')
    calls = sum(len(c['calls']) for c in cases)
    errors = sum('error' in r for c in cases for r in c['results'])
    print(f'wrote {path}: {len(cases)} cases, {calls} calls ({errors} NumPy errors), {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main()
