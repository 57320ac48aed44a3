#!/usr/bin/env python3
"""Writes test/fixtures/linalg-lu.json: inputs and NumPy's answers for the LU/Cholesky part of
nd.linalg (det, slogdet, inv, solve, cholesky, matrix_power, norm) and the matrix helpers
(trace, diagonal, diag, tril, triu, kron, cross), read by test/linalg-lu.test.ts and
test/linalg-matrix.test.ts.

Numbers are strings (Python's repr, which JS's Number() reads back to the same double; 'nan',
'inf', '-inf' for the specials). A case NumPy refuses has "error": the exception's class name.
For solve on random, Hilbert and nearly singular systems the fixture also holds NumPy's
residual max|A·x − b| so the test can hold ndvec to it. Regenerate with
`python3 scripts/linalg-fixtures.py` (NumPy 2.x); the tests do not need Python.
"""
import json, math, os, warnings
import numpy as np

warnings.simplefilter('ignore')
nan, inf = float('nan'), float('inf')


def enc(x):
    if isinstance(x, np.ndarray): return enc(x.tolist())
    if isinstance(x, (list, tuple)): return [enc(v) for v in x]
    if isinstance(x, (bool, np.bool_)): return bool(x)
    x = float(x)
    if math.isnan(x): return 'nan'
    if math.isinf(x): return 'inf' if x > 0 else '-inf'
    return repr(x)


cases = []


def cond(a):
    """The 1-norm condition number of the square matrices of `a` (their largest), inf when singular."""
    try:
        c = np.linalg.cond(a, 1)
        return float(np.max(c)) if np.size(c) else 1.0
    except Exception:  # noqa: BLE001
        return inf


def arg(a):
    """An argument: an array as {'shape', 'data' (flat)} (nested lists lose empty shapes), numbers as strings."""
    if isinstance(a, np.ndarray): return {'shape': list(a.shape), 'data': enc(a.ravel())}
    if isinstance(a, list): return [arg(v) for v in a]
    if isinstance(a, (float, int)) and not isinstance(a, bool): return enc(a)
    return a


def case(fn, args, call, **extra):
    """`call` runs NumPy; the case records its answer or the error's class name."""
    a0 = args[0]
    if fn in ('det', 'slogdet', 'inv', 'solve', 'cholesky', 'matrixPower') and isinstance(a0, np.ndarray) and a0.ndim >= 2 and a0.shape[-1] == a0.shape[-2]:
        extra = {'cond': enc(cond(a0)), **extra}
    c = {'fn': fn, 'args': [arg(a) for a in args], **extra}
    try:
        r = call()
        if isinstance(r, tuple):
            c['expected'] = [enc(np.asarray(v)) for v in r]
        else:
            c['expected'] = enc(np.asarray(r))
            c['shape'] = list(np.shape(r))
    except Exception as e:  # noqa: BLE001
        c['error'] = type(e).__name__
    cases.append(c)


rng = np.random.default_rng(20261203)
hilbert = lambda n: 1.0 / (np.arange(n)[:, None] + np.arange(n)[None, :] + 1.0)

# ---- square matrices: random of sizes around the 32-column panel, Hilbert, special values
squares = [np.zeros((0, 0)), np.array([[2.5]]), np.array([[-3.0]]), np.array([[0.0]]),
           np.array([[1.0, 2], [3, 4]]), np.array([[2.0, 0], [0, 3]]), np.array([[0.0, 1], [1, 0]]),
           np.array([[1.0, 2], [2, 4]]), np.array([[1e200, 0], [0, 1e200]]), np.array([[1e-200, 0], [0, 1e-200]]),
           np.array([[nan, 1], [2, 3]]), np.array([[inf, 0], [0, 1]]), np.array([[1.0, 2, 3], [4, 5, 6], [7, 8, 10]])]
squares += [rng.standard_normal((n, n)) for n in (3, 4, 5, 7, 9)]
squares += [hilbert(n) for n in (3, 6, 10)]
near = rng.standard_normal((6, 6))
near[5] = near[4] + 1e-13 * rng.standard_normal(6)
squares.append(near)
for a in squares:
    case('det', [a], lambda: np.linalg.det(a))
    case('slogdet', [a], lambda: tuple(np.linalg.slogdet(a)))
    case('inv', [a], lambda: np.linalg.inv(a))
stack = rng.standard_normal((2, 3, 3, 3))
for fn in ('det', 'inv'):
    case(fn, [stack], lambda: getattr(np.linalg, fn)(stack))
case('slogdet', [stack], lambda: tuple(np.linalg.slogdet(stack)))
for bad in (np.ones((2, 3)), np.ones(3), np.ones((2, 2, 3))):
    case('det', [bad], lambda: np.linalg.det(bad))
    case('inv', [bad], lambda: np.linalg.inv(bad))

# ---- solve: b vector or matrix, broadcast stacks, singular, NaN
systems = [(np.array([[3.0, 1], [1, 2]]), np.array([9.0, 8])), (np.array([[2.0]]), np.array([[4.0, 6]])),
           (np.zeros((0, 0)), np.zeros(0)), (np.zeros((0, 0)), np.zeros((0, 3))),
           (np.array([[1.0, 2], [2, 4]]), np.array([1.0, 2])), (np.array([[nan, 1], [1, 1]]), np.array([1.0, 2])),
           (stack, rng.standard_normal(3)), (stack, rng.standard_normal((3, 2))), (stack, rng.standard_normal((3, 1, 3, 2))),
           (rng.standard_normal((4, 4)), rng.standard_normal((2, 3, 4, 2)))]
for a, b in systems:
    case('solve', [a, b], lambda: np.linalg.solve(a, b))
for a, b in [(np.ones((2, 2)), np.ones(3)), (np.ones((2, 2)), np.ones((3, 1))), (np.ones((2, 3)), np.ones(2)),
             (np.ones((2, 2, 2)), np.ones((3, 2, 1)))]:
    case('solve', [a, b], lambda: np.linalg.solve(a, b))
for name, a in [('random 8', rng.standard_normal((8, 8))), ('random 40', rng.standard_normal((40, 40))),
                ('hilbert 6', hilbert(6)), ('hilbert 10', hilbert(10)), ('nearly singular 6', near)]:
    b = rng.standard_normal((a.shape[0], 2))
    x = np.linalg.solve(a, b)
    case('solve', [a, b], lambda: x, name=name, residual=enc(np.abs(a @ x - b).max()))

# ---- cholesky
spd = lambda n: (lambda g: g @ g.T + n * np.eye(n))(rng.standard_normal((n, n)))
for a in [np.zeros((0, 0)), np.array([[4.0]]), np.array([[4.0, 2], [2, 3]]), spd(5), spd(9), hilbert(6),
          np.array([[4.0, 99], [2, 3]]), np.array([[1.0, 2], [2, 1]]), np.array([[-1.0]]), np.array([[0.0]]),
          np.array([[nan, 0], [0, 1]]), np.array([[4.0, 2], [2, nan]]), np.stack([spd(3), spd(3)])]:
    case('cholesky', [a], lambda: np.linalg.cholesky(a))
    case('cholesky', [a, {'upper': True}], lambda: np.linalg.cholesky(a, upper=True))

# ---- matrix_power
for a, n in [(np.array([[1.0, 1], [1, 0]]), 5), (np.array([[1.0, 1], [1, 0]]), 0), (np.array([[1.0, 1], [1, 0]]), 1),
             (np.array([[2.0, 1], [1, 3]]), -3), (np.array([[2.0, 1], [1, 3]]), 2), (np.array([[2.0, 1], [1, 3]]), 3),
             (rng.standard_normal((3, 3)), 7), (rng.standard_normal((2, 3, 3)), 6), (rng.standard_normal((2, 3, 3)), -2),
             (np.zeros((0, 0)), 3), (np.zeros((2, 0, 0)), 0), (np.ones((2, 3, 3)), 0), (np.array([[1.0, 2], [2, 4]]), -1), (np.ones((2, 3)), 2)]:
    case('matrixPower', [a, n], lambda: np.linalg.matrix_power(a, n))

# ---- norm: NumPy's rules on which form applies
v = np.array([3.0, -4, 0, 1.5, -0.25, 2, 7, -1, 0.5])
m = np.array([[1.0, -2, 3], [4, 5, -6]])
t = rng.standard_normal((2, 3, 4))
norm_cases = [(v, None, None, False), (v, 0, None, False), (v, 1, None, False), (v, 2, None, False), (v, 3, None, False),
              (v, -1, None, False), (v, 0.5, None, False), (v, inf, None, False), (v, -inf, None, False), (v, -2, None, True),
              (v, 'fro', None, False), (v, 'nuc', None, False), (np.arange(200.0) - 77.5, 2, None, False),
              (m, None, None, False), (m, None, None, True), (m, 'fro', None, False), (m, 'nuc', None, False), (m, 1, None, False),
              (m, -1, None, False), (m, 2, None, False), (m, -2, None, False), (m, inf, None, False), (m, -inf, None, False),
              (m, 3, None, False), (m, 0, None, False), (m, None, 1, False), (m, 1, 0, False), (m, inf, -1, True),
              (m, 1, (1, 0), False), (m, 'fro', (1, 0), True), (m, 2, (0, 0), False), (m, 'fro', 0, False),
              (t, None, None, False), (t, None, None, True), (t, 2, None, False), (t, 'fro', (0, 2), False), (t, 1, (2, 0), True),
              (t, -inf, (1, 2), False), (t, 'nuc', (0, 1), False), (t, -2, (-1, -2), True), (t, 0, 1, False), (t, 3.5, -1, True),
              (t, None, (0, 1, 2), False), (np.array(5.0), None, None, False), (np.zeros((0, 3)), None, None, False),
              (np.zeros((0, 3)), 1, None, False), (np.zeros((3, 0)), 1, None, False), (np.zeros(0), inf, None, False),
              (np.zeros(0), 1, None, False), (np.zeros(0), -inf, None, False), (np.zeros((3, 0)), -1, None, False),
              (np.zeros((2, 0)), 2, None, False), (np.array([nan, 1]), None, None, False), (np.array([inf, 1]), None, None, False),
              (np.array([inf, nan]), inf, None, False), (np.array([[1e200, 1e200], [1, 1]]), 1, None, False)]
for x, o, ax, kd in norm_cases:
    case('norm', [x, o, list(ax) if isinstance(ax, tuple) else ax, {'keepdims': kd}], lambda: np.linalg.norm(x, o, ax, kd))

# ---- matrix helpers
a34 = np.arange(12.0).reshape(3, 4)
a234 = np.arange(24.0).reshape(2, 3, 4)
for args in [(a34,), (a34, 1), (a34, -2), (a34, 5), (a34, -9), (a234,), (a234, 1, 1, 2), (a234, -1, 2, 0), (a234, 0, -1, -3), (np.zeros((0, 3)),)]:
    case('diagonal', list(args), lambda: np.diagonal(*args))
    case('trace', list(args), lambda: np.trace(*args))
for args in [(a34, 0, 1, 1), (np.ones(3),), (a234, 0, 0, 3)]:
    case('diagonal', list(args), lambda: np.diagonal(*args))
for args in [([1.0, 2, 3],), ([1.0, 2], 1), ([1.0, 2], -2), ([],), (a34,), (a34, 2), (a34, -1), (a234,), (5.0,)]:
    case('diag', [np.asarray(args[0], dtype=float), *args[1:]], lambda: np.diag(*args))
for fn in ('tril', 'triu'):
    for args in [(a34,), (a34, 1), (a34, -1), (a34, 9), (a34, -9), (a234, 1), ([1.0, 2, 3],), (np.zeros((0, 2)),), (np.array([[nan, nan], [nan, nan]]),)]:
        case(fn, [np.asarray(args[0], dtype=float), *args[1:]], lambda: getattr(np, fn)(*args))
for a, b in [([1.0, 10], [1.0, 2]), (np.eye(2), [[1.0, 2], [3, 4]]), ([[1.0, 2], [3, 4]], [1.0, -1]), ([1.0, 2], np.ones((2, 1, 3))),
             (np.zeros((0, 2)), np.ones((2, 2))), (2.0, [1.0, 2]), (np.arange(8.0).reshape(2, 2, 2), np.arange(4.0).reshape(2, 2))]:
    case('kron', [np.asarray(a, dtype=float), np.asarray(b, dtype=float)], lambda: np.kron(a, b))
for a, b, opts in [([1.0, 0, 0], [0.0, 1, 0], {}), ([1.0, 2, 3], [4.0, 5, 6], {}), ([1.0, 2], [3.0, 4], {}), ([1.0, 2], [3.0, 4, 5], {}),
                   ([1.0, 2, 3], [4.0, 5], {}), ([[1.0, 2, 3], [4, 5, 6]], [[7.0, 8, 9]], {}), ([[1.0, 2, 3], [4, 5, 6]], [7.0, 8, 9], {'axisc': 0}),
                   ([[1.0, 4], [2, 5], [3, 6]], [[7.0, 8, 9]], {'axisa': 0}), (np.arange(6.0).reshape(3, 2), np.arange(6.0, 12).reshape(3, 2), {'axis': 0}),
                   ([[1.0, 2], [3, 4]], [[5.0, 6], [7, 8]], {}), ([1.0, 2, 3, 4], [1.0, 2, 3], {}), ([0.0, -0.0, 0], [1.0, 2, 3], {}),
                   ([nan, 1, 2], [1.0, 2, 3], {}), ([[1.0, 2, 3]], [[1.0, 2, 3], [4, 5, 6], [7, 8, 9]], {'axis': 1})]:
    case('cross', [np.asarray(a, dtype=float), np.asarray(b, dtype=float), opts],
         lambda: np.cross(a, b, **{k: v for k, v in opts.items()}))

out = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'linalg-lu.json')
with open(out, 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': cases}, f, separators=(',', ':'))
    f.write('\n')
print(f'wrote {len(cases)} cases to {os.path.normpath(out)}')
