#!/usr/bin/env python3
"""Writes test/fixtures/pow-numpy.json: random (x, y) pairs across magnitudes and NumPy's
np.power(x, y) for each, for the ulp bound in test/pow.test.ts. Numbers are stored as the
hex of their IEEE bits (exact, and 'nan'/'inf' need no special spelling). Regenerate with
`python3 scripts/pow-fixtures.py` (NumPy 2.x); the project does not need Python to test.
"""
import json, os, struct
import numpy as np

def bits(a):
    return [struct.pack('>d', float(v)).hex() for v in a]

rng = np.random.default_rng(20261202)
n = 1000
groups = []
# near 1 with large exponents (the hard case for ln x), moderate, wide, negative bases with integers
groups.append((1 + rng.standard_normal(n) * 1e-3, rng.uniform(-4e5, 4e5, n)))
groups.append((1 + rng.standard_normal(n) * 1e-12, rng.uniform(-1e14, 1e14, n)))
groups.append((rng.uniform(0, 10, n), rng.uniform(-10, 10, n)))
groups.append((np.exp2(rng.uniform(-1074, 1023, n)), rng.uniform(-2, 2, n)))
groups.append((np.exp2(rng.uniform(-60, 60, n)), rng.uniform(-17, 17, n)))
groups.append((-np.exp2(rng.uniform(-30, 30, n)), np.round(rng.uniform(-40, 40, n))))
x = np.exp2(rng.uniform(-10, 10, n))
groups.append((x, rng.uniform(-1, 1, n) * 740 / np.abs(np.log(x))))  # results across the range, subnormals too
xs = np.concatenate([g[0] for g in groups])
ys = np.concatenate([g[1] for g in groups])
with np.errstate(all='ignore'):
    expected = np.power(xs, ys)
out = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'pow-numpy.json')
with open(out, 'w') as f:
    json.dump({'numpy': np.__version__, 'x': bits(xs), 'y': bits(ys), 'expected': bits(expected)}, f)
print(out, len(xs))
