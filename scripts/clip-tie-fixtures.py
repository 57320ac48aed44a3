#!/usr/bin/env python3
"""Writes test/fixtures/clip-ties.json: which sign of zero np.clip gives on a ±0 tie, for values
and bounds of one element in every mix of shapes (and numbers as bounds), plus wider values.

NumPy's clip keeps the value on a tie when both bounds reach its loop with stride 0 (broadcast),
and gives the bound otherwise; for a one-element result its trivial loop passes a bound of the
result's shape with its own stride. Regenerate with `python3 scripts/clip-tie-fixtures.py`
(NumPy 2.x); the test (test/clip-kernel.test.ts) does not need Python.
"""
import itertools, json, os
import numpy as np

BOUNDS = [(), (1,), (1, 1), (1, 1, 1), 'num']
VALUES = [(), (1,), (1, 1), (1, 1, 1), (3,), (1, 3), (3, 1), (2, 3)]
cases = []
# (value, lo, hi): -0 against [-inf, 0] keeps -0 or gives +0; -5 against [0, -0] gives -0 (bound) or +0 (held)
for xs, ls, hs in itertools.product(VALUES, BOUNDS, BOUNDS):
    for x, lo, hi in ((-0.0, -np.inf, 0.0), (-5.0, 0.0, -0.0)):
        xa = np.full(xs, x)
        la = lo if ls == 'num' else np.full(ls, lo)
        ha = hi if hs == 'num' else np.full(hs, hi)
        r = np.clip(xa, la, ha)
        signs = [bool(v) for v in np.signbit(r).ravel()]
        assert len(set(signs)) == 1
        cases.append({'x': list(xs), 'value': repr(x), 'lo': ls if ls == 'num' else list(ls), 'loValue': repr(lo),
                      'hi': hs if hs == 'num' else list(hs), 'hiValue': repr(hi), 'shape': list(r.shape), 'negative': signs[0]})
out = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'clip-ties.json')
with open(out, 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': cases}, f, indent=0)
print(f'wrote {len(cases)} cases to {out}')
