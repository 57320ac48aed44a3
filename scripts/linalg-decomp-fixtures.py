#!/usr/bin/env python3
"""NumPy's answers for the orthogonal decompositions of nd.linalg (qr, svd, eigh, eigvalsh,
lstsq, pinv, matrix_rank), written to test/fixtures/linalg-decomp.json for
test/linalg-decomp.test.ts (which must not need Python).

    python3 scripts/linalg-decomp-fixtures.py

Each case holds its input matrices and NumPy's outputs. Factors whose signs are free (U, V,
eigenvectors) are not written: the tests check reconstruction and orthogonality instead; Q
and R of qr are written (ndvec follows LAPACK's sign convention). Non-finite inputs are
tested in the test file itself (JSON has no NaN).
"""
import json
import os

import numpy as np

rng = np.random.default_rng(20261203)


def hilbert(n):
    i = np.arange(n)
    return 1.0 / (i[:, None] + i[None, :] + 1.0)


def lst(x):
    return np.asarray(x, dtype=float).tolist()


matrices = {}
for shape in [(1, 1), (2, 2), (3, 3), (4, 4), (5, 3), (3, 5), (7, 2), (2, 7), (8, 8), (17, 9), (9, 17), (30, 30), (40, 25)]:
    matrices[f'random {shape[0]}x{shape[1]}'] = rng.standard_normal(shape)
for n in [2, 3, 5, 8, 10]:
    matrices[f'hilbert {n}'] = hilbert(n)
matrices['rank 2 of 6x4'] = rng.standard_normal((6, 2)) @ rng.standard_normal((2, 4))
matrices['rank 1 of 5x5'] = np.outer(rng.standard_normal(5), rng.standard_normal(5))
matrices['zero 3x2'] = np.zeros((3, 2))
# Tall enough (M ≥ 2N) for the QR-preconditioned Jacobi path, with and without full rank.
matrices['random 60x7'] = rng.standard_normal((60, 7))
matrices['rank 2 of 12x5'] = rng.standard_normal((12, 2)) @ rng.standard_normal((2, 5))
matrices['zero 6x2'] = np.zeros((6, 2))
matrices['rank 1 of 3x8'] = np.outer(rng.standard_normal(3), rng.standard_normal(8))
# At least 16 columns: Jacobi starts from the Gram matrix's eigenvectors (src/linalg/svd.ts).
matrices['rank 5 of 40x30'] = rng.standard_normal((40, 5)) @ rng.standard_normal((5, 30))
matrices['rank 3 of 20x45'] = rng.standard_normal((20, 3)) @ rng.standard_normal((3, 45))
matrices['zero 20x16'] = np.zeros((20, 16))
matrices['graded 24x24'] = np.diag(np.logspace(0, -14, 24)) @ rng.standard_normal((24, 24))
matrices['clustered 20x20'] = (lambda q, r: q @ np.diag([1.0] * 10 + [1e-8] * 10) @ r)(np.linalg.qr(rng.standard_normal((20, 20)))[0], np.linalg.qr(rng.standard_normal((20, 20)))[0])
matrices['nearly singular 2x2'] = np.array([[1.0, 1.0], [1.0, 1.0 + 1e-10]])
matrices['nearly singular 4x4'] = hilbert(4) + np.diag([0, 0, 0, 1e-13])
matrices['graded 4x4'] = np.diag([1e10, 1.0, 1e-5, 1e-12]) @ rng.standard_normal((4, 4))
matrices['huge entries 3x3'] = rng.standard_normal((3, 3)) * 1e200
matrices['tiny entries 3x3'] = rng.standard_normal((3, 3)) * 1e-200
matrices['identity 4'] = np.eye(4)
matrices['duplicate columns 4x3'] = np.array([[1.0, 1, 2], [3, 3, 1], [4, 4, 0], [5, 5, 7]])

svd_cases = []
for name, a in matrices.items():
    svd_cases.append({'name': name, 'a': lst(a), 's': lst(np.linalg.svd(a, compute_uv=False)),
                      'rank': int(np.linalg.matrix_rank(a)), 'pinv': lst(np.linalg.pinv(a))})

qr_cases = []
for name, a in matrices.items():
    if np.linalg.matrix_rank(a) < min(a.shape) or 'nearly' in name or 'hilbert 10' in name:
        continue  # Q's trailing columns are not unique: reconstruction tests cover these
    q, r = np.linalg.qr(a)
    qc, rc = np.linalg.qr(a, mode='complete')
    qr_cases.append({'name': name, 'a': lst(a), 'q': lst(q), 'r': lst(r), 'rComplete': lst(rc), 'cond': float(np.linalg.cond(a))})

eigh_cases = []
for n in [1, 2, 3, 4, 5, 8, 13, 20]:
    b = rng.standard_normal((n, n))
    eigh_cases.append({'name': f'random symmetric {n}', 'a': lst(b + b.T)})
    # Only one triangle is read: the other holds junk.
    junk = np.tril(b) + np.triu(rng.standard_normal((n, n)) * 100, 1)
    eigh_cases.append({'name': f'lower triangle {n}', 'a': lst(junk)})
for n in [3, 6, 10]:
    eigh_cases.append({'name': f'hilbert {n}', 'a': lst(hilbert(n))})
eigh_cases.append({'name': 'repeated eigenvalues', 'a': lst(np.diag([2.0, 2.0, 1.0, 2.0]))})
q, _ = np.linalg.qr(rng.standard_normal((5, 5)))
eigh_cases.append({'name': 'clustered eigenvalues', 'a': lst(q @ np.diag([1, 1 + 1e-12, 1 - 1e-12, -3, 0]) @ q.T)})
eigh_cases.append({'name': 'indefinite zero diagonal', 'a': lst(np.array([[0.0, 1, 2], [1, 0, 3], [2, 3, 0]]))})
eigh_cases.append({'name': 'huge entries', 'a': lst((lambda b: b + b.T)(rng.standard_normal((4, 4))) * 1e250)})
for c in eigh_cases:
    a = np.array(c['a'])
    c['wL'] = lst(np.linalg.eigvalsh(a, UPLO='L'))
    c['wU'] = lst(np.linalg.eigvalsh(a, UPLO='U'))

lstsq_cases = []


def add_lstsq(name, a, b, rcond=None):
    x, res, rank, s = np.linalg.lstsq(a, b, rcond=rcond)
    case = {'name': name, 'a': lst(a), 'b': lst(b), 'x': lst(x), 'residuals': lst(res), 'rank': int(rank), 's': lst(s)}
    if rcond is not None:
        case['rcond'] = rcond
    lstsq_cases.append(case)


add_lstsq('line fit (NumPy docs)', np.array([[0.0, 1], [1, 1], [2, 1], [3, 1]]), np.array([-1, 0.2, 0.9, 2.1]))
add_lstsq('tall 10x3, 1-D b', rng.standard_normal((10, 3)), rng.standard_normal(10))
add_lstsq('tall 10x3, 2-D b', rng.standard_normal((10, 3)), rng.standard_normal((10, 4)))
add_lstsq('square 5x5', rng.standard_normal((5, 5)), rng.standard_normal(5))
add_lstsq('wide 3x6 (minimum norm)', rng.standard_normal((3, 6)), rng.standard_normal(3))
add_lstsq('rank 2 of 6x4', matrices['rank 2 of 6x4'], rng.standard_normal((6, 2)))
add_lstsq('hilbert 8', hilbert(8), np.ones(8))
add_lstsq('hilbert 10, rcond 1e-10', hilbert(10), np.ones(10), rcond=1e-10)
add_lstsq('nearly singular 2x2', matrices['nearly singular 2x2'], np.array([2.0, 2.0 + 1e-10]))
add_lstsq('rcond cuts a value', np.diag([1.0, 1e-3, 1e-8]), np.ones(3), rcond=1e-5)
add_lstsq('zero matrix', np.zeros((4, 2)), np.ones(4))
add_lstsq('1x1', np.array([[2.0]]), np.array([3.0]))
add_lstsq('b with no columns', rng.standard_normal((4, 2)), np.zeros((4, 0)))
add_lstsq('tall, exact fit', np.array([[1.0, 0], [0, 1], [1, 1]]), np.array([1.0, 2, 3]))

rank_cases = []
for name, a, kw in [
    ('rank 2 of 6x4, tol 1e-3', matrices['rank 2 of 6x4'], {'tol': 1e-3}),
    ('hilbert 10', hilbert(10), {}),
    ('hilbert 10, rtol 1e-8', hilbert(10), {'rtol': 1e-8}),
    ('hilbert 10, tol 1e-12', hilbert(10), {'tol': 1e-12}),
    ('nearly singular 4x4', matrices['nearly singular 4x4'], {}),
    ('symmetric rank 2, hermitian', (lambda v: v @ np.diag([3.0, -2]) @ v.T)(rng.standard_normal((5, 2))), {'hermitian': True}),
]:
    rank_cases.append({'name': name, 'a': lst(a), 'options': kw, 'rank': int(np.linalg.matrix_rank(a, **kw))})

pinv_cases = []
sym = (lambda b: b + b.T)(rng.standard_normal((4, 4)))
for name, a, kw in [
    ('rank 2 of 6x4', matrices['rank 2 of 6x4'], {}),
    ('hilbert 8, rcond 1e-8', hilbert(8), {'rcond': 1e-8}),
    ('hilbert 8, rtol null', hilbert(8), {'rtol': None}),
    ('symmetric, hermitian', sym, {'hermitian': True}),
    ('symmetric singular, hermitian', (lambda v: v @ np.diag([3.0, -2]) @ v.T)(rng.standard_normal((5, 2))), {'hermitian': True}),
]:
    pinv_cases.append({'name': name, 'a': lst(a), 'options': kw, 'pinv': lst(np.linalg.pinv(a, **kw))})

stack = rng.standard_normal((2, 3, 4, 3))
sym_stack = stack[..., :3, :] + np.swapaxes(stack[..., :3, :], -1, -2)
batched = {
    'a': lst(stack),
    's': lst(np.linalg.svd(stack, compute_uv=False)),
    'pinv': lst(np.linalg.pinv(stack)),
    'rank': lst(np.linalg.matrix_rank(stack)),
    'sym': lst(sym_stack),
    'w': lst(np.linalg.eigvalsh(sym_stack)),
    'r': lst(np.linalg.qr(stack)[1]),
}

out = {
    'numpy': np.__version__,
    'svd': svd_cases,
    'qr': qr_cases,
    'eigh': eigh_cases,
    'lstsq': lstsq_cases,
    'matrixRank': rank_cases,
    'pinv': pinv_cases,
    'batched': batched,
}
path = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'linalg-decomp.json')
with open(path, 'w') as f:
    json.dump(out, f)
    f.write('\n')
print(f'wrote {path}: {len(svd_cases)} svd, {len(qr_cases)} qr, {len(eigh_cases)} eigh, {len(lstsq_cases)} lstsq cases')
