#!/usr/bin/env python3
"""Differential fuzz of ndvec's element-wise layer against NumPy: random cases with NumPy's answers.

Each case names an op, its operands and NumPy's result. Operands are JS numbers (Python floats)
or views of "bases": a base is a C-contiguous array (shape, dtype, values); a view of it is
`base.transpose(perm)` then `.slice(*specs)` (specs such as '::-1', '::2', '1:'), built the same
way on both sides. Two operands (or an operand and `out`) may be views of one base: that is how
aliasing (`out` is an input, or overlaps one reversed) is drawn. After the call the case holds
NumPy's result and the state of every base (so writes outside `out`, or into an input, show).

Float64 values are written as 16 hex digits of their bits; bools as 0/1.

Usage:
  python3 scripts/fuzz-elementwise.py --seed 1 --count 1500 --small --named --out test/fixtures/fuzz-elementwise.json.gz
  python3 scripts/fuzz-elementwise.py --seed 7 --count 5000 --out /tmp/fuzz.json   # a throwaway run

Dtype rules that ndvec documents and NumPy does not share (ndvec has float64 and bool only):
arithmetic on bool arrays other than add/mul/maximum/minimum computes on 0/1 as float64 (NumPy
gives int8 or float16), and unary ops on bools compute on 0/1 as float64 (NumPy: abs/floor/ceil/
trunc give bool, sign raises, sqrt/exp give float16). Those cases take NumPy's answer on the
float64 copy of the bool operand; see test/fuzz-elementwise.test.ts.
"""
import argparse
import gzip
import json
import math
import random
import struct
import warnings

import numpy as np

warnings.simplefilter('ignore')

SIZES = [0, 1, 2, 3, 5, 17]
SPECIALS = [
    math.nan, -math.nan, math.inf, -math.inf, 0.0, -0.0, 1e308, -1e308, 1.7976931348623157e308,
    5e-324, -5e-324, 2.2250738585072014e-308, -1.0, 1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.0, -3.0,
    2.0, -2.0, 10.0, 0.1, 7.0, -7.0, 1e-10, 2.0 ** 53, 2.0 ** 53 + 2, -(2.0 ** 53 + 2), 1e16,
    1e300, -1e300, 4.5, 0.49999999999999994, 2.675, 1234.5, 710.0, -745.0, 1e-300, 3.0e-320,
    0.3, 0.7, -0.7, 0.2, 1.005, 0.125, -0.375, 4503599627370495.5, -4503599627370495.5, 2.0 ** 52 + 1,
    6.0, 709.782712893384, -708.3964185322641, 1e-16, -1e-16, 0.7853981633974483, 3.141592653589793,
]

BINARY = {  # ndvec name -> NumPy ufunc
    'add': np.add, 'sub': np.subtract, 'mul': np.multiply, 'div': np.true_divide, 'pow': np.power,
    'mod': np.remainder, 'maximum': np.maximum, 'minimum': np.minimum, 'atan2': np.arctan2,
    'hypot': np.hypot, 'floorDivide': np.floor_divide, 'copysign': np.copysign,
}
COMPARE = {'gt': np.greater, 'ge': np.greater_equal, 'lt': np.less, 'le': np.less_equal, 'eq': np.equal, 'ne': np.not_equal}
LOGICAL = {'and': np.logical_and, 'or': np.logical_or, 'xor': np.logical_xor}
UNARY = {
    'neg': np.negative, 'abs': np.absolute, 'sqrt': np.sqrt, 'cbrt': np.cbrt, 'square': np.square,
    'reciprocal': np.reciprocal, 'exp': np.exp, 'expm1': np.expm1, 'log': np.log, 'log1p': np.log1p,
    'log2': np.log2, 'log10': np.log10, 'sin': np.sin, 'cos': np.cos, 'tan': np.tan, 'asin': np.arcsin,
    'acos': np.arccos, 'atan': np.arctan, 'sinh': np.sinh, 'cosh': np.cosh, 'tanh': np.tanh,
    'floor': np.floor, 'ceil': np.ceil, 'trunc': np.trunc, 'sign': np.sign,
}
PREDICATE = {'isnan': np.isnan, 'isfinite': np.isfinite, 'isinf': np.isinf}
# Results compared within an ulp bound (specials exactly); everything else bit for bit.
APPROX = {'atan2', 'hypot', 'cbrt', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tan',
          'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'pow'}
# Bool-by-bool arithmetic NumPy keeps bool (ndvec: logical or / and).
BOOL_KEEP = {'add', 'mul', 'maximum', 'minimum'}


def hexf(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', float(x)))[0]


def encode(arr):
    arr = np.asarray(arr)
    if arr.dtype == np.bool_:
        return [int(v) for v in arr.ravel()]
    return [hexf(v) for v in arr.astype(np.float64).ravel()]


class Gen:
    def __init__(self, rng):
        self.r = rng

    def value(self, op):
        r = self.r
        u = r.random()
        if u < 0.45:
            return r.choice(SPECIALS)
        if u < 0.6:
            return float(r.randint(-20, 20))
        if u < 0.7:
            return float(r.randint(-2 ** 60, 2 ** 60)) * (2.0 ** r.randint(-70, 10))
        if u < 0.85:
            return r.uniform(-1.2, 1.2)
        if u < 0.95:
            return round(r.uniform(-1000, 1000), r.randint(0, 4))
        return r.uniform(-800, 800)

    def shape(self, ndim=None, cap=400):
        r = self.r
        while True:
            nd = r.choice([0, 1, 1, 2, 2, 2, 3, 3, 4]) if ndim is None else ndim
            s = [r.choice(SIZES) for _ in range(nd)]
            if int(np.prod(s, dtype=np.int64)) <= cap:
                return s

    big_prob = 0.12
    big_shapes = [[289], [300], [17, 17], [5, 17, 5], [513], [257], [3, 129], [1025], [2, 517], [4099]]

    def big_shape(self):
        return self.r.choice(self.big_shapes)

    def operand_shape(self, rshape, broken=False):
        """A shape broadcasting to rshape: a suffix, some axes made 1."""
        r = self.r
        k = r.randint(0, len(rshape)) if r.random() < 0.4 else len(rshape)
        s = list(rshape[len(rshape) - k:])
        for i in range(len(s)):
            if r.random() < 0.25:
                s[i] = 1
        if broken and s:
            i = r.randrange(len(s))
            choices = [v for v in (2, 3, 4, 5) if v != s[i] and s[i] != 1 and v != 1]
            if s[i] == 1 or not choices:
                s[i] = 4 if rshape[len(rshape) - len(s) + i] not in (4, 1) else 6
            else:
                s[i] = r.choice(choices)
        return s

    def view_of_shape(self, shape, dtype, op, bases):
        """A new base and a view of it with exactly `shape`."""
        r = self.r
        nd = len(shape)
        perm = list(range(nd))
        if nd >= 2 and r.random() < 0.35:
            r.shuffle(perm)
        specs = []
        pre = []  # shape of the transposed base before slicing
        for n in shape:
            u = r.random()
            if u < 0.6 or n == 0:
                specs.append(':'); pre.append(n)
            elif u < 0.75:
                specs.append('::-1'); pre.append(n)
            elif u < 0.9:
                specs.append('::2'); pre.append(2 * n)
            else:
                specs.append('1:'); pre.append(n + 1)
        if all(s == ':' for s in specs):
            specs = []
        # base shape: pre = base.shape permuted by perm  ->  base.shape[perm[i]] = pre[i]
        bshape = [0] * nd
        for i, p in enumerate(perm):
            bshape[p] = pre[i]
        size = int(np.prod(bshape, dtype=np.int64))
        if dtype == 'bool':
            vals = np.array([r.random() < 0.5 for _ in range(size)], dtype=np.bool_).reshape(bshape)
        else:
            vals = np.array([self.value(op) for _ in range(size)], dtype=np.float64).reshape(bshape)
        bases.append(vals)
        return {'base': len(bases) - 1, 'perm': perm if perm != list(range(nd)) else None, 'specs': specs}


def make_view(bases, spec):
    v = bases[spec['base']]
    if spec.get('perm') is not None:
        v = v.transpose(spec['perm'])
    if spec['specs']:
        idx = []
        for s in spec['specs']:
            parts = [int(p) if p else None for p in s.split(':')]
            idx.append(slice(*parts))
        v = v[tuple(idx)]
    if spec.get('broadcast') is not None:
        v = np.broadcast_to(v, spec['broadcast'])  # read-only, as ndvec's broadcastTo
    return v


def error_name(e):
    msg = str(e)
    if isinstance(e, ValueError) and 'read-only' in msg:
        return 'ReadOnlyError'
    if isinstance(e, ValueError) and 'broadcast' in msg:
        return 'BroadcastError'
    if isinstance(e, ValueError) and ('shape' in msg or 'non-broadcastable' in msg):
        return 'ShapeError'
    if isinstance(e, (TypeError, np._core._exceptions._UFuncNoLoopError)) or 'casting' in msg or 'Cannot cast' in msg:
        return 'DTypeError'
    if isinstance(e, IndexError):
        return 'ShapeError'
    return type(e).__name__


def fl(x):
    return {'num': hexf(x)}


def draw_case(g, op, kind):
    r = g.r
    bases = []
    case = {'op': op}
    big = r.random() < g.big_prob
    rshape = g.big_shape() if big else g.shape()
    broken = r.random() < 0.05

    def operand(dtype='float64', allow_num=True, shape=None):
        if allow_num and r.random() < 0.2:
            if dtype == 'bool':
                return {'num': hexf(r.choice([0.0, 1.0, 2.5, math.nan, -0.0]))}
            return fl(g.value(op))
        s = shape if shape is not None else g.operand_shape(rshape)
        return g.view_of_shape(s, dtype, op, bases)

    def opdtype(p_bool):
        return 'bool' if r.random() < p_bool else 'float64'

    if kind in ('binary', 'compare', 'logical'):
        p_bool = 1.0 if kind == 'logical' else 0.15
        a_dtype = opdtype(p_bool)
        a = operand(a_dtype, allow_num=False, shape=rshape if r.random() < 0.5 else None)
        if r.random() < 0.12 and a['specs'] is not None:
            # b: another view of a's base (same data, maybe reversed) -> aliasing
            base = bases[a['base']]
            b = {'base': a['base'], 'perm': a['perm'], 'specs': list(a['specs'])}
            if base.ndim >= 1:
                if not b['specs']:
                    b['specs'] = [':'] * base.ndim
                if b['specs'][0] == ':':
                    b['specs'][0] = '::-1'
                elif b['specs'][0] == '::-1':
                    b['specs'][0] = ':'
        else:
            b = operand(opdtype(p_bool) if kind != 'logical' else 'bool',
                        shape=g.operand_shape(rshape, broken) if broken else None)
        case['args'] = [a, b]
        if kind == 'binary' and r.random() < 0.1:
            case['args'] = [fl(g.value(op)), operand(opdtype(0.15), allow_num=False)]  # nd.sub(2, a)
    elif kind in ('unary', 'predicate', 'not', 'round'):
        dtype = 'bool' if kind == 'not' else opdtype(0.08)
        case['args'] = [operand(dtype, allow_num=False, shape=rshape)]
        if kind == 'round':
            case['decimals'] = r.choice([0, 0, 1, 2, 3, -1, -2, 5, 10, 17, 400, -400, -3])
    elif kind == 'clip':
        a = operand(opdtype(0.08), allow_num=False, shape=rshape if r.random() < 0.6 else None)
        def bound():
            u = r.random()
            if u < 0.2:
                return None
            if u < 0.6:
                return fl(r.choice([math.nan, 0.0, -0.0, 1.0, -1.0, 0.5, math.inf, -math.inf, g.value(op)]))
            return operand(opdtype(0.08), allow_num=False, shape=g.operand_shape(rshape, broken) if broken else None)
        case['args'] = [a, bound(), bound()]
    elif kind == 'where3':
        c = operand('bool', allow_num=False)
        dt = 'bool' if r.random() < 0.2 else None
        x = operand(dt or opdtype(0.1))
        y = operand(dt or opdtype(0.1), shape=g.operand_shape(rshape, broken) if broken else None)
        case['args'] = [c, x, y]
    elif kind == 'compress':
        dt = opdtype(0.15)
        a = operand(dt, allow_num=False, shape=rshape)
        m = g.view_of_shape(rshape if not broken or not rshape else g.operand_shape(rshape, True), 'bool', op, bases)
        case['args'] = [a, m]
    elif kind == 'setWhere':
        dt = opdtype(0.15)
        a = operand(dt, allow_num=False, shape=rshape)
        m = g.view_of_shape(g.operand_shape(rshape, broken), 'bool', op, bases)
        if r.random() < 0.3:
            v = fl(r.choice([math.nan, -0.0, 1.0, 0.0, 2.5])) if dt == 'float64' else {'num': hexf(r.choice([0.0, 1.0]))}
        else:
            v = operand('bool' if dt == 'bool' and r.random() < 0.8 else opdtype(0.2), allow_num=False)
        if rshape and r.random() < 0.15:
            # the value a view of `a` itself, reversed (np.copyto(a, a[::-1], where=m))
            specs = list(a['specs']) or [':'] * len(rshape)
            specs[0] = '::-1' if specs[0] == ':' else ':' if specs[0] == '::-1' else specs[0]
            v = {'base': a['base'], 'perm': a['perm'], 'specs': specs}
        case['args'] = [a, m, v]
    elif kind in ('count', 'anyall'):
        dt = 'bool' if r.random() < 0.7 else 'float64'
        case['args'] = [operand(dt, allow_num=False, shape=rshape)]
        if kind == 'anyall' and rshape and r.random() < 0.5:
            case['axis'] = r.randrange(-len(rshape), len(rshape))
    elif kind in ('isclose', 'arrayEqual'):
        a = operand(opdtype(0.1) if kind == 'arrayEqual' else 'float64', allow_num=False)
        if r.random() < 0.5 and kind != 'arrayEqual' or r.random() < 0.3:
            b = operand('float64', allow_num=kind != 'arrayEqual')
        else:
            # b near a: a's values nudged (relative or absolute), some NaN/inf kept
            av = make_view(bases, a)
            near = av.astype(np.float64) * (1 + r.choice([0.0, 1e-9, 1e-6, 1e-4, 1e-2])) + r.choice([0.0, 1e-10, 1e-7, 1e-3])
            if kind == 'arrayEqual' and r.random() < 0.5:
                near = av.copy()
            bases.append(np.ascontiguousarray(near))
            b = {'base': len(bases) - 1, 'perm': None, 'specs': []}
        case['args'] = [a, b]
        if kind == 'arrayEqual':
            if r.random() < 0.5:
                case['options'] = {'equalNan': r.random() < 0.5}
        case['args'] = [a, b]
        opts = {}
        if r.random() < 0.4:
            opts['rtol'] = r.choice([0.0, 1e-5, 0.1, 1.0])
        if r.random() < 0.4:
            opts['atol'] = r.choice([0.0, 1e-8, 0.5, 1e300])
        if r.random() < 0.4:
            opts['equalNan'] = r.random() < 0.5
        if kind != 'arrayEqual':
            case['options'] = opts
    # out overlapping an input shifted by one element (np.add(x[1:], y, out=x[:-1])): a's base
    # grows a row, a reads rows 1.., out writes rows ..-1 (or the other way round)
    if kind in ('binary', 'unary', 'clip', 'round') and r.random() < 0.08 and rshape and case['args'][0] is not None \
            and 'base' in case['args'][0] and not case['args'][0]['specs'] and case['args'][0]['perm'] is None:
        b0 = bases[case['args'][0]['base']]
        if b0.ndim >= 1 and b0.shape[0] > 0:
            grown = np.concatenate([b0, b0[:1]], axis=0)
            bases[case['args'][0]['base']] = grown
            first, second = ('1:', ':-1') if r.random() < 0.5 else (':-1', '1:')
            case['args'][0] = {'base': case['args'][0]['base'], 'perm': None, 'specs': [first]}
            case['out'] = {'base': case['args'][0]['base'], 'perm': None, 'specs': [second], 'shifted': True}
    # out=
    if 'out' not in case and kind in ('binary', 'compare', 'logical', 'unary', 'predicate', 'not', 'round', 'clip', 'where3') and r.random() < 0.3:
        case['out'] = 'pending'
    if r.random() < 0.3 or 'num' in (case['args'][0] or {}):
        case['fn'] = True  # called as nd.<op>(a, ...)
    case['bases'] = bases
    return case


def np_args(case, bases):
    out = []
    for spec in case['args']:
        if spec is None:
            out.append(None)
        elif 'num' in spec:
            out.append(struct.unpack('<d', struct.pack('<Q', int(spec['num'], 16)))[0])
        else:
            out.append(make_view(bases, spec))
    return out


def as_float(x):
    return x.astype(np.float64) if isinstance(x, np.ndarray) and x.dtype == np.bool_ else x


def compute(case, kind, bases, out=None):
    """NumPy's answer for the case (on `bases`, which it may change), as (result, dtype)."""
    op = case['op']
    args = np_args(case, bases)
    kw = {} if out is None else {'out': out}
    if kind == 'binary':
        a, b = args
        both_bool = all(isinstance(v, np.ndarray) and v.dtype == np.bool_ for v in (a, b))
        if both_bool and op == 'sub':
            raise TypeError('bool subtract')
        if both_bool and op in BOOL_KEEP:
            return BINARY[op](a, b, **kw)
        if out is not None:
            # bool operands computed as float64 (ndvec's rule); out may alias them, so copy first
            a2, b2 = (as_float(a), as_float(b))
            return BINARY[op](a2, b2, **kw)
        return BINARY[op](as_float(a), as_float(b))
    if kind == 'compare':
        a, b = args
        return COMPARE[op](a, b, **kw) if not (isinstance(b, float) and isinstance(a, np.ndarray) and a.dtype == np.bool_) \
            else COMPARE[op](as_float(a), b, **kw)
    if kind == 'logical':
        a, b = args
        b = b if isinstance(b, np.ndarray) else bool(b)
        return LOGICAL[op](a, b, **kw)
    if kind == 'unary':
        if op == 'neg' and args[0].dtype == np.bool_:
            raise TypeError('neg bool')
        return UNARY[op](as_float(args[0]), **kw)
    if kind == 'predicate':
        # NumPy 2.4.6 writes wrong values through a strided bool `out` (np.isfinite(x, out=o[::-1])
        # is not np.isfinite(x) reversed): compute, then copy.
        res = PREDICATE[op](as_float(args[0]))
        if out is None:
            return res
        np.copyto(out, res)
        return out
    if kind == 'not':
        return np.logical_not(args[0], **kw)
    if kind == 'round':
        return np.round(as_float(args[0]), case['decimals'], **kw)
    if kind == 'clip':
        a, lo, hi = args
        a = as_float(a); lo = as_float(lo); hi = as_float(hi)
        if lo is None and hi is None:
            shape = np.broadcast_shapes(a.shape)
            if out is not None:
                np.copyto(out, a)
                return out
            return a.copy()
        return np.clip(a, lo, hi, **kw)
    if kind == 'where3':
        c, x, y = args
        both_bool = all(isinstance(v, np.ndarray) and v.dtype == np.bool_ for v in (x, y))
        if not both_bool:
            x, y = as_float(x), as_float(y)
            if not isinstance(x, np.ndarray):
                x = np.float64(x)
            if not isinstance(y, np.ndarray):
                y = np.float64(y)
        res = np.where(c, x, y)
        if out is not None:
            if out.shape != res.shape:
                raise ValueError('out shape')
            np.copyto(out, res)
            return out
        return res
    if kind == 'compress':
        a, m = args
        if a.shape != m.shape:
            raise IndexError('mask shape')
        return a[m]
    if kind == 'setWhere':
        a, m, v = args
        if isinstance(v, float) and a.dtype == np.bool_:
            v = bool(v)
        if isinstance(v, np.ndarray) and a.dtype == np.float64:
            v = as_float(v)
        np.broadcast_shapes(m.shape, a.shape)
        if np.broadcast_shapes(m.shape, a.shape) != a.shape:
            raise ValueError('could not broadcast mask')
        if isinstance(v, np.ndarray) and np.broadcast_shapes(v.shape, a.shape) != a.shape:
            raise ValueError('could not broadcast value')
        np.copyto(a, v, where=m, casting='same_kind')
        return None
    if kind == 'count':
        return int(np.count_nonzero(args[0]))
    if kind == 'anyall':
        a = args[0]
        if 'axis' in case:
            return np.any(a, axis=case['axis']) if op == 'any' else np.all(a, axis=case['axis'])
        return bool(np.any(a) if op == 'any' else np.all(a))
    if kind == 'arrayEqual':
        a, b = args
        return bool(np.array_equal(a, b, equal_nan=case.get('options', {}).get('equalNan', False)))
    if kind == 'isclose':
        a, b = args
        o = case['options']
        f = np.isclose if op == 'isclose' else np.allclose
        res = f(a, b, rtol=o.get('rtol', 1e-5), atol=o.get('atol', 1e-8), equal_nan=o.get('equalNan', False))
        return res if op == 'isclose' else bool(res)
    raise AssertionError(kind)


KINDS = {}
for k in BINARY: KINDS[k] = 'binary'
for k in COMPARE: KINDS[k] = 'compare'
for k in LOGICAL: KINDS[k] = 'logical'
for k in UNARY: KINDS[k] = 'unary'
for k in PREDICATE: KINDS[k] = 'predicate'
KINDS.update({'not': 'not', 'round': 'round', 'clip': 'clip', 'where3': 'where3', 'compress': 'compress',
              'setWhere': 'setWhere', 'count': 'count', 'any': 'anyall', 'all': 'anyall', 'isclose': 'isclose',
              'allclose': 'isclose', 'arrayEqual': 'arrayEqual'})


def result_dtype(case, kind, bases):
    """dtype of the result, computed on copies of the bases."""
    res = compute(case, kind, [b.copy() for b in bases])
    return res.dtype, res.shape


def finish(g, case):
    op = case['op']
    kind = KINDS[op]
    bases = case['bases']
    if isinstance(case.get('out'), dict) and case['out'].pop('shifted', False):
        try:
            dtype, shape = result_dtype(case, kind, bases)
            if tuple(make_view(bases, case['out']).shape) != tuple(shape) or make_view(bases, case['out']).dtype != dtype:
                del case['out']
        except Exception:
            del case['out']
    if case.get('out') == 'pending':
        del case['out']
        try:
            dtype, shape = result_dtype(case, kind, bases)
        except Exception:
            dtype = None
        if dtype is not None:
            r = g.r
            # out: an input it may alias (same shape and dtype, the `a` operand) or a fresh view
            a = case['args'][0] if r.random() < 0.7 or len(case['args']) < 2 else case['args'][1]
            a_view = make_view(bases, a) if a is not None and 'base' in a else None
            if a_view is not None and a_view.shape == shape and a_view.dtype == dtype and r.random() < 0.5:
                case['out'] = {'base': a['base'], 'perm': a['perm'], 'specs': a['specs']}
            else:
                if r.random() < 0.05:
                    # a read-only out: a broadcast view (NumPy ValueError, ndvec ReadOnlyError)
                    case['out'] = g.view_of_shape([1] * len(shape), 'bool' if dtype == np.bool_ else 'float64', op, bases)
                    case['out']['broadcast'] = list(shape)
                    return finish_encode(case, kind, bases)
                if r.random() < 0.1 and len(shape) > 0:
                    shape = list(shape); shape[-1] += 1  # wrong out shape
                case['out'] = g.view_of_shape(list(shape), 'bool' if dtype == np.bool_ else 'float64', op, bases)
                if r.random() < 0.1 and 'pending' not in case:
                    # wrong out dtype
                    b = bases[case['out']['base']]
                    bases[case['out']['base']] = b.astype(np.float64) if b.dtype == np.bool_ else b.astype(np.bool_)
    return finish_encode(case, kind, bases)


def finish_encode(case, kind, bases):
    enc_bases = [{'shape': list(b.shape), 'dtype': 'bool' if b.dtype == np.bool_ else 'float64', 'values': encode(b)} for b in bases]
    work = [b.copy() for b in bases]
    try:
        out = make_view(work, case['out']) if 'out' in case else None
        if out is not None:
            # NumPy's own rules: same shape, same dtype (ndvec's checkOut: ShapeError / DTypeError)
            dtype, shape = result_dtype(case, kind, bases)
            if tuple(out.shape) != tuple(shape):
                raise ValueError('out shape')
            if out.dtype != dtype:
                # NumPy casts a bool result into a float64 out (same_kind); ndvec's checkOut wants
                # the result's dtype exactly (documented), so that case is ndvec's DTypeError too.
                raise TypeError('Cannot cast out' if dtype != np.bool_ else 'ndvec rule: out dtype must be the result dtype')
        res = compute(case, kind, work, out)
        expect = {}
        if kind == 'setWhere':
            pass
        elif isinstance(res, (bool, int)):
            expect['scalar'] = res
        else:
            res = np.asarray(res)
            expect['dtype'] = 'bool' if res.dtype == np.bool_ else 'float64'
            expect['shape'] = list(res.shape)
            expect['values'] = encode(res)
        expect['bases'] = [encode(b) for b in work]
    except Exception as e:  # noqa: BLE001
        expect = {'error': error_name(e), 'numpy': '%s: %s' % (type(e).__name__, str(e)[:80])}
    case['bases'] = enc_bases
    case['expect'] = expect
    return case


def named_cases():
    """Cases for the mismatches the fuzz found (each failed before its fix), drawn by hand."""
    out = []

    def base(values, dtype='float64'):
        return np.array(values, dtype=np.float64 if dtype == 'float64' else np.bool_)

    def view(i, specs=(), perm=None):
        return {'base': i, 'perm': perm, 'specs': list(specs)}

    zeros = [-0.0, 0.0, -5.0, 5.0, -0.0, 0.0, math.nan, -0.0, 0.0, -0.0, 0.0]  # 11: SIMD body + tail
    bounds = [(-math.inf, 0.0), (0.0, math.inf), (-0.0, 0.0), (0.0, -0.0), (-0.0, -0.0), (0.0, 0.0), (-0.0, math.inf)]
    # bug: clip with both bounds single values kept the bound on a ±0 tie; NumPy keeps the value
    for k, (lo, hi) in enumerate(bounds):
        for layout in ('contiguous', 'reversed', 'out=a', '0-d bounds', '[1] bounds', '[1,1] bounds'):
            bases = [base(zeros)]
            a = view(0, ['::-1'] if layout == 'reversed' else [])
            lo_s, hi_s = fl(lo), fl(hi)
            if layout.endswith('bounds'):
                shape = [] if layout == '0-d bounds' else [1] if layout == '[1] bounds' else [1, 1]
                bases.append(np.full(shape, lo)); bases.append(np.full(shape, hi))
                lo_s, hi_s = view(1), view(2)
            case = {'op': 'clip', 'args': [a, lo_s, hi_s], 'bases': bases,
                    'id': 'bug: clip ±0 tie keeps the value (lo %r, hi %r, %s)' % (lo, hi, layout)}
            if layout == 'out=a':
                case['out'] = view(0)
            out.append(case)
    # the other rule, unchanged: one bound missing (np.maximum / np.minimum) or array bounds: the bound wins
    for lo, hi in [(None, 0.0), (-0.0, None)]:
        out.append({'op': 'clip', 'args': [view(0), None if lo is None else fl(lo), None if hi is None else fl(hi)],
                    'bases': [base(zeros)], 'id': 'clip ±0 tie, one bound (lo %r, hi %r): the bound wins' % (lo, hi)})
    out.append({'op': 'clip', 'args': [view(0), view(1), view(2)], 'bases': [base(zeros), np.full(11, -0.0), np.full(11, 0.0)],
                'id': 'clip ±0 tie, array bounds: the bound wins'})
    # NumPy 2.4.6 itself: np.isfinite into a strided bool out is wrong; the fixture holds the right answer
    vals = [1.0, math.inf, -2.0, math.nan, 0.0, -math.inf, 5e-324, 1e308] * 9
    out.append({'op': 'isfinite', 'args': [view(0)], 'out': view(1, ['::-1']), 'bases': [base(vals), base([False] * 72, 'bool')],
                'id': 'isfinite into a reversed bool out (NumPy 2.4.6 gets this wrong; expected = isfinite then copy)'})
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--count', type=int, default=1500)
    p.add_argument('--out', required=True)
    p.add_argument('--small', action='store_true', help='fewer and smaller big arrays (the committed fixture)')
    p.add_argument('--named', action='store_true', help='append the hand-drawn cases of the bugs found')
    args = p.parse_args()
    g = Gen(random.Random(args.seed))
    if args.small:
        g.big_prob = 0.04
        g.big_shapes = [[257], [289], [17, 17], [3, 129], [2, 131]]
    ops = list(KINDS)
    cases = []
    for i in range(args.count):
        op = ops[i % len(ops)] if i < 2 * len(ops) else g.r.choice(ops)
        case = draw_case(g, op, KINDS[op])
        case = finish(g, case)
        case['id'] = '%s#%d' % (op, i)
        cases.append(case)
    if args.named:
        g2 = Gen(random.Random(args.seed))
        for case in named_cases():
            cid = case.pop('id')
            case = finish(g2, case)
            case['id'] = cid
            cases.append(case)
    doc = {'numpy': np.__version__, 'seed': args.seed, 'cases': cases}
    text = json.dumps(doc, separators=(',', ':'))
    if args.out.endswith('.gz'):
        with open(args.out, 'wb') as f:  # mtime 0: the same cases give the same bytes
            f.write(gzip.compress(text.encode(), compresslevel=9, mtime=0))
    else:
        with open(args.out, 'w') as f:
            f.write(text)
    print('%d cases, %d errors expected -> %s' % (len(cases), sum('error' in c['expect'] for c in cases), args.out))


if __name__ == '__main__':
    main()
