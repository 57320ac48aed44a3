#!/usr/bin/env python3
"""NumPy's `np.linalg.qr(a, mode='raw')` → (h, tau), written to
test/fixtures/linalg-qr-raw.json for test/linalg-qr-raw.test.ts (which must not need Python).

    python3 scripts/linalg-qr-raw-fixtures.py

h (..., N, M) is LAPACK dgeqrf's factored matrix transposed, tau (..., K) the reflector
scales. NumPy's LAPACK (OpenBLAS) uses blocked dgeqrf for wide enough matrices and its own
dnrm2, so ndvec (unblocked dgeqr2) agrees to rounding, with the same signs (dlarfg's).
Each case: the input (shape, flat values) and NumPy's h and tau (shape, flat values).
"""
import json
import os

import numpy as np

rng = np.random.default_rng(20261205)


def flat(x):
    x = np.asarray(x, dtype=float)
    return {'shape': list(x.shape), 'data': [float(v) for v in x.ravel()]}


def hilbert(n):
    i = np.arange(n)
    return 1.0 / (i[:, None] + i[None, :] + 1.0)


inputs = {}
for shape in [(1, 1), (1, 4), (4, 1), (2, 2), (3, 2), (2, 3), (3, 3), (4, 4), (5, 3), (3, 5), (7, 2), (2, 7),
              (8, 8), (9, 9), (17, 9), (9, 17), (30, 30), (40, 25), (25, 40), (60, 7)]:
    inputs[f'random {shape[0]}x{shape[1]}'] = rng.standard_normal(shape)
for n in [3, 6, 10]:
    inputs[f'hilbert {n}'] = hilbert(n)
inputs['rank 2 of 6x4'] = rng.standard_normal((6, 2)) @ rng.standard_normal((2, 4))
inputs['zero 3x2'] = np.zeros((3, 2))
inputs['zero column 3x3'] = np.array([[1.0, 0.0, 2.0], [3.0, 0.0, 4.0], [5.0, 0.0, 7.0]])
inputs['already triangular (tau 0)'] = np.array([[2.0, 1.0, 3.0], [0.0, -4.0, 5.0], [0.0, 0.0, 6.0]])
inputs['negative pivots'] = np.array([[-3.0, 1.0], [-4.0, 2.0], [0.0, -1.0]])
inputs['integers 4x3'] = np.arange(12.0).reshape(4, 3)
inputs['tiny 1e-300 (dlarfg rescaling)'] = rng.standard_normal((4, 3)) * 1e-300
inputs['subnormal column'] = np.array([[5e-324, 1.0], [1e-320, 2.0], [0.0, 3.0]])
inputs['huge 1e300'] = rng.standard_normal((4, 4)) * 1e300
inputs['batched 2x3x4x3'] = rng.standard_normal((2, 3, 4, 3))
inputs['batched 3x2x5'] = rng.standard_normal((3, 2, 5))
inputs['empty 0x3'] = np.zeros((0, 3))
inputs['empty 3x0'] = np.zeros((3, 0))
inputs['empty batch 2x0x3'] = np.zeros((2, 0, 3))
inputs['empty stack 0x3x2'] = np.zeros((0, 3, 2))

# Beyond the rank of a rank-deficient matrix with rounding noise, the trailing reflectors
# are built from that noise and differ between any two implementations: `noiseFrom` is the
# first such column (the tests compare R there, not the reflectors).
NOISE_FROM = {'rank 2 of 6x4': 2}

cases = []
for name, a in inputs.items():
    h, tau = np.linalg.qr(a, mode='raw')
    assert h.shape == a.shape[:-2] + (a.shape[-1], a.shape[-2]) and tau.shape == a.shape[:-2] + (min(a.shape[-2:]),)
    # The reflectors' forward error grows with the condition number (largest over a stack).
    cond = 1.0
    if a.size > 0 and name not in NOISE_FROM and np.all(a.reshape(-1, *a.shape[-2:]).any(axis=(1, 2))):
        with np.errstate(all='ignore'):
            c = np.linalg.cond(a.reshape(-1, *a.shape[-2:]))
        cond = float(np.max(c)) if np.all(np.isfinite(c)) else None
    cases.append({'name': name, 'a': flat(a), 'h': flat(h), 'tau': flat(tau), 'cond': cond, 'noiseFrom': NOISE_FROM.get(name)})

out = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'linalg-qr-raw.json')
with open(out, 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': cases}, f, separators=(',', ':'))
    f.write('\n')
print(f'wrote {len(cases)} cases to {os.path.normpath(out)}')
