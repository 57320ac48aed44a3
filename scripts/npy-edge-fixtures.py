#!/usr/bin/env python3
"""Writes test/fixtures/npy-edge/cases.json.gz (gzipped JSON): adversarial .npy and .npz files with what NumPy
makes of each (the array it reads, or that it refuses), for test/npy-edge.test.ts.

Run with python3 + numpy 2.x:  python3 scripts/npy-edge-fixtures.py

Every case holds the file's bytes (base64) and NumPy's verdict, found by running np.load on
the bytes (allow_pickle=False, NumPy's defaults otherwise):
  {'ok': {'shape', 'bool', 'hex'}}   NumPy reads it; hex is the data of
                                     np.ascontiguousarray(a).astype(float64 or bool), C order,
                                     little-endian, so NaN payloads and -0 are exact
  {'unsupported': dtype}            NumPy reads it, but into a dtype ndvec does not read
                                     (complex, structured, datetime, str, ...): a DTypeError
  {'error': 'Type: message'}        NumPy refuses it
  'beyond': True                    int64/uint64 values beyond 2^53 (ndvec: DTypeError unless lossy)
.npz cases have {'keys': {key: verdict}} in np.load's key order, or {'error': ...} when
np.load itself (or reading any member) fails. Tests never need Python.
"""
import base64
import gzip
import io
import json
import os
import random
import re
import struct
import warnings
import zipfile
import subprocess
import tempfile

import numpy as np
from numpy.lib import format as npformat
from numpy.lib import _format_impl  # _read_array_header: the header reader np.load uses

warnings.simplefilter('ignore')
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'npy-edge')
os.makedirs(OUT, exist_ok=True)
rnd = random.Random(13)
READ_KINDS = set('fiub')


def b64(b):
    return base64.b64encode(b).decode('ascii')


def error_text(e):
    """The error's message without object addresses (so runs give the same file)."""
    return re.sub(r' at 0x[0-9a-f]+', '', str(e))[:160]


def verdict_of(a):
    """What ndvec should make of an array NumPy read."""
    if not isinstance(a, np.ndarray):
        return {'bytes': True}
    if a.dtype.kind not in READ_KINDS or a.dtype.names is not None or a.dtype.kind == 'f' and a.dtype.itemsize > 8:
        return {'unsupported': a.dtype.str if a.dtype.names is None else str(a.dtype.descr)}
    is_bool = a.dtype.kind == 'b'
    c = np.ascontiguousarray(a)
    out = {'shape': list(a.shape), 'bool': is_bool}
    if is_bool:
        out['hex'] = c.astype(np.uint8).tobytes().hex()
        return {'ok': out}
    beyond = False
    if a.dtype.kind in 'iu' and a.dtype.itemsize == 8 and a.size:
        beyond = bool(int(np.abs(c.astype(object)).max()) > 2**53)
    out['hex'] = c.astype('<f8').tobytes().hex()
    v = {'ok': out}
    if beyond:
        v['beyond'] = True
    return v


def npy_verdict(data):
    try:
        a = np.load(io.BytesIO(data), allow_pickle=False)
    except Exception as e:  # noqa: BLE001 - every refusal is a verdict
        return {'error': f'{type(e).__name__}: {error_text(e)}'}
    return verdict_of(a)


cases = []


def add(name, data):
    cases.append({'name': name, 'b64': b64(data), **npy_verdict(data)})


def with_header(header, data, version=1, encoding='latin1'):
    h = header.encode(encoding)
    if version == 1:
        pre = b'\x93NUMPY\x01\x00' + struct.pack('<H', len(h))
    else:
        pre = b'\x93NUMPY' + bytes([version, 0]) + struct.pack('<I', len(h))
    return pre + h + data


def values_for(dt, n):
    """n values of dtype dt that exercise its range (NaN payloads, subnormals, extremes)."""
    dt = np.dtype(dt)
    if dt.kind == 'b':
        return (np.arange(n) % 3 == 1).astype(dt)
    if dt.kind == 'f':
        bits = {2: '<u2', 4: '<u4', 8: '<u8'}[dt.itemsize]
        info = np.finfo(dt)
        special = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, -np.nan, info.max, -info.max, info.tiny, info.smallest_subnormal, -info.smallest_subnormal, 1 / 3], dtype=dt)
        u = np.dtype(bits)
        top = {2: 0x7c00, 4: 0x7f800000, 8: 0x7ff0000000000000}[dt.itemsize]
        payloads = np.array([top | 1, top | 0x155, (top | 1) + (1 << (dt.itemsize * 8 - 1))], dtype=u).view(dt.newbyteorder('<'))
        pool = np.concatenate([special.astype(dt.newbyteorder('<')), payloads, (np.arange(max(n, 1)) * 0.75 - 3).astype(dt.newbyteorder('<'))])
        return np.resize(pool, n).astype(dt)
    info = np.iinfo(dt)
    pool = [info.min, info.max, 0, 1, -1 if dt.kind == 'i' else 2, info.max // 3]
    if dt.itemsize == 8:
        pool += [2**53, -(2**53) if dt.kind == 'i' else 2**53 - 1, 2**53 - 1]
    return np.resize(np.array(pool, dtype=object), n).astype(dt)


DTYPES = ['<f8', '>f8', '<f4', '>f4', '<f2', '>f2', '|i1', '|u1', '<i2', '>i2', '<u2', '>u2', '<i4', '>i4', '<u4', '>u4', '<i8', '>i8', '<u8', '>u8', '|b1']
SHAPES = [(), (0,), (1,), (5,), (2, 3), (3, 1), (1, 4), (2, 0, 3), (0, 0), (1, 1, 1), (2, 3, 4), (3, 2, 1, 2)]

# 1. Every dtype, shape and layout NumPy writes, format versions 1.0-3.0.
for dt in DTYPES:
    for shape in SHAPES:
        size = int(np.prod(shape))
        a = values_for(dt, size).reshape(shape)
        for order in 'CF':
            x = np.asfortranarray(a) if order == 'F' else a
            versions = [(1, 0), (2, 0), (3, 0)] if shape in [(2, 3), (5,), ()] else [(1, 0)]
            for v in versions:
                f = io.BytesIO()
                npformat.write_array(f, x, version=v)
                add(f'{dt} {shape} {order} v{v[0]}', f.getvalue())
            # Fortran order in the header for shapes NumPy itself writes in C order (1-D, 0-d, 1s)
            if order == 'F' and not (x.flags.f_contiguous and not x.flags.c_contiguous):
                hdr = f"{{'descr': '{dt}', 'fortran_order': True, 'shape': {shape!r}, }}"
                add(f'{dt} {shape} fortran header', with_header(hdr + ' ' * (63 - (len(hdr) + 10) % 64) + '\n', np.asfortranarray(a).tobytes(order='F')))

# '<i1'/'>u1'/'<b1' spelled with a byte order, '|' on multi-byte types.
for spelled, real in [('<i1', 'i1'), ('>u1', 'u1'), ('>b1', '?'), ('<b1', '?'), ('|f8', '<f8'), ('=i4', '<i4'), ('|u2', '<u2')]:
    a = values_for(real, 4)
    add(f'descr {spelled}', with_header(f"{{'descr': '{spelled}', 'fortran_order': False, 'shape': (4,), }}\n", a.astype(real).tobytes()))

# bool bytes other than 0 and 1 (NumPy reads any nonzero byte as True).
add('bool bytes 0 1 2 255', with_header("{'descr': '|b1', 'fortran_order': False, 'shape': (4,), }\n", bytes([0, 1, 2, 255])))

# int64/uint64 around and beyond 2^53.
for dt in ['<i8', '>i8', '<u8', '>u8']:
    vals = [2**53 + 1, 2**53 + 2, 2**63 - 1, 2**53 + 3] if dt[1] == 'i' else [2**64 - 1, 2**53 + 1, 2**63 + 2**11, 2**63 + 2**10 * 3]
    if dt[1] == 'i':
        vals += [-(2**63), -(2**53) - 1, -(2**53) - 3]
    a = np.array(vals, dtype=dt)
    f = io.BytesIO()
    np.save(f, a)
    add(f'{dt} beyond 2^53', f.getvalue())

# 2. Data sections: too short, too long (NumPy reads the first array and ignores what follows).
base = io.BytesIO()
np.save(base, np.arange(6, dtype='<f8').reshape(2, 3))
base = base.getvalue()
for extra in [b'\0', b'\0' * 7, b'\0' * 8, b'junk at the end', base]:
    add(f'trailing {len(extra)} bytes', base + extra)
for cut in [1, 7, 8, 47]:
    add(f'data short by {cut}', base[:-cut])
two = io.BytesIO()
np.save(two, np.array([1.5, -0.0]))
np.save(two, np.array([True, False]))
add('two arrays in one file (np.save twice)', two.getvalue())
# a header length pointing beyond the file
add('header length beyond the file', b'\x93NUMPY\x01\x00' + struct.pack('<H', 500) + b"{'descr': '<f8', 'fortran_order': False, 'shape': (0,), }\n")
add('v2 header length beyond the file', b'\x93NUMPY\x02\x00' + struct.pack('<I', 2**32 - 1) + b"{'descr': '<f8', 'fortran_order': False, 'shape': (0,), }\n")

# 3. Header text: spellings NumPy's reader (ast.literal_eval, and for versions 1.0/2.0 its
# Python 2 'L' filter) accepts or refuses.
KEY = {
    'descr': ["'descr'", '"descr"', "u'descr'", "U'descr'", "r'descr'", "R\"descr\"", "'''descr'''", '"""descr"""', "'de' 'scr'", "'de'\"scr\"", "'d' u'escr'",
              "'\\x64escr'", "'\\144escr'", "'\\u0064escr'", "'\\U00000064escr'", "b'descr'", "'descr '", "f'descr'", "rb'descr'", "'de\\\nscr'", "'\\N{LATIN SMALL LETTER D}escr'",
              "'desc\\r'", "'''de\nscr'''"],
    'fortran_order': ["'fortran_order'", '"fortran_order"', "u'fortran_order'", "'fortran' '_order'", "'fortran_order\\x00'"],
    'shape': ["'shape'", '"shape"', "U'shape'", "'sha''pe'", "b'shape'"],
}
DESCR = ["'<f8'", "'>f8'", "'<i4'", "'|b1'", "'b1'", "'?'", "'d'", "'float64'", "'f8'", "'<d'", "'>u2'", "'|u1'", "'|i1'", "'<i1'", "'b'", "'B'", "'h'", "'e'", "'f'",
         "'int'", "'l'", "'L'", "'q'", "'Q'", "'i'", "'I'", "'bool'", "'half'", "'single'", "'double'", "'int8'", "'uint64'", "'<f2'",
         "('<f8', ())", "('<i2', 1)", "('<f8', (1,))", "('<f8', (1, 1))", "('<f8', (2,))", "(('<f8', ()), ())",
         "'<c16'", "'<f8 '", "' <f8'", "'<U3'", "'|S3'", "'|V8'", "[('x', '<f8')]", "[('', '<f8')]", "'g'", "'<f16'", "'|O'", "'<M8[D]'", "'<m8[s]'", "'F8'", "'?1'", "'<f9'", "'<i16'",
         "'f08'", "'f+8'", "'f 8'", "'<i 2'", "'i04'", "'u+1'", "'b01'", "'f\\t8'", "'f-8'", "'1<f8'", "'<1<f8'", "'|1<f8'", "'=1>f8'", "'1f8 '", "'(1,)<f8'", "'(1, 1) f8'",
         "'()f8'", "'2<f8'", "'|\\x01'", "'\\x0c'", "'>\\x17'", "'\\x0f'", "'\\x18'", "'1,f8'", "'f8,'", "'f8, i4'", "'1 f 8'", "'(2)f8'", "'0<f8'", "'1>i2'", "'<1float64'", "'1d'", "'1?'",
         "'\\x3cf8'", "'\\074f8'", "r'<f8'", "'<f\\\n8'", "'<'  'f8'", "b'<f8'", "8", "None", "'<f8' b''", "'c'", "'a'", "'<u'", "'u'", "'long'", "'intp'", "'p'", "'n'"]
FORTRAN = ['False', 'True', '(False)', '((True))', '0', '1', 'None', "'False'", 'false', 'False ', 'True\n']
SHAPE = ['()', '( )', '(3,)', '(3 ,)', '( 3, )', '(3)', '3', '[3]', '(2, 3)', '(2,3,)', '(2, 3, )', '(0x3,)', '(0X3,)', '(0o3,)', '(0b11,)', '(0b_1_1,)', '(+3,)', '(3L,)', '(3 L,)', '(3l,)',
         '(03,)', '(0_3,)', '(1_0,)', '((3),)', '(-0, 3)', '(- 0, 3)', '(-(0), 3)', '(3, -1)', '(3.0,)', '(True,)', '(3\n,)', '(3 # c\n,)', '(\\\n3,)', '(0,)', '(2, 0, 3)', '(1, 1)',
         '(3, 1)', '(1, 3)', '(0x_3,)', '(3 \\\n L,)', '(3 # c\n L,)', '(3\nL,)', '(3LL,)', '(0x3L,)', '(3j,)', '(1e1,)', '(3,,)', '(,)', '(3 3,)', '(-3,)', '(--0,)', '(+-0,)',
         '(' + '1, ' * 63 + '3,)', '(' + '1, ' * 64 + '3,)', '(99999999999999999999999,)', '(2**2,)', '(00,)', '(0_0,)', '(1__0,)', '(1_,)']
SPACE = ['', ' ', '  ', '\t', '\n', '\r\n', '\r', '\f', '\v', ' # comment\n', '\\\n', '\\\r\n', '\x00', '\xa0', '\n\n', ' \\ \n']
LEAD = ['', ' ', '\t', '\n', ' \n', '\n ', '\t\n  ', '\f', '\f ', ' \f', '# c\n', '\\\n', '\n# c\n', '\r\n', '  \\\n', '\n\t', '\ufeff']
TRAIL = ['', ' ', '\n', ' ' * 40 + '\n', '\n\n', '# c', '#c\n', ';', ',', '\\', '\\\n', '\x00', '\n  ', ' )', '\n#x\n  \n', '\r', '\r\n ', ' \\\n ', '\n\x0c']
DICT_END = ['', ',', ', ', ',,', ' ,']
JUNK = ['1.5', 'None', "b'x'", '{1, 2}', 'set()', '1+2j', '-1j', '...', "'<c16'", '[1, [2]]', "{'a': 1}", '{[1]: 2}', '{(1, [2])}', '-True', '1 + 2', '(1, 2)[0]', 'x', 'set([1])', '-(1)+2j', '1j+1', '+1.5-2.5j', "u'é'", '"\\N{DASH}"']

def header_case(name, pieces, version=1, encoding=None):
    """A header from pieces; data to fit what NumPy's header reader says, if it reads it."""
    text = ''.join(pieces)
    enc = encoding or ('utf8' if version == 3 else 'latin1')
    try:
        raw = text.encode(enc)
    except UnicodeEncodeError:
        return
    f = io.BytesIO(with_header(text, b'', version, enc))
    data = b''
    try:
        npformat.read_magic(f)
        shape, _fortran, dtype = _format_impl._read_array_header(f, (version, 0))
        count = 1
        for s in shape:
            count *= s
        if 0 <= count < 10000 and dtype.itemsize < 100:
            data = bytes(rnd.getrandbits(8) for _ in range(count * dtype.itemsize))
            if dtype.kind == 'f' and count:  # no random NaN payload questions here: plain values
                data = (np.arange(count) * 0.5 - 1).astype(dtype).tobytes()
    except Exception:  # noqa: BLE001
        pass
    add(name, with_header(text, data, version, enc))


def header_from(descr="'<f8'", fortran='False', shape='(3,)', keys=None, sp=None, lead='', trail='', end='', junk=None, order=(0, 1, 2)):
    keys = keys or ["'descr'", "'fortran_order'", "'shape'"]
    sp = sp or [' '] * 8
    items = [(keys[0], descr), (keys[1], fortran), (keys[2], shape)]
    items = [items[i] for i in order]
    if junk is not None:
        items.insert(0, (items[junk[0]][0], junk[1]))
    body = (',' + sp[0]).join(f'{k}:{sp[1]}{v}' for k, v in items)
    return [lead, '{', sp[2], body, end, sp[3], '}', trail]


for k in KEY['descr']:
    header_case(f'key descr {k!r}', header_from(keys=[k, "'fortran_order'", "'shape'"]))
for k in KEY['fortran_order']:
    header_case(f'key fortran {k!r}', header_from(keys=["'descr'", k, "'shape'"]))
for k in KEY['shape']:
    header_case(f'key shape {k!r}', header_from(keys=["'descr'", "'fortran_order'", k]))
for d in DESCR:
    header_case(f'descr {d!r}', header_from(descr=d))
for d in ["'2<f8'", "'0<f8'", "'(2, 3)i2'", "('<f8', (2,))", "('<f8', 3)"]:
    header_case(f'descr {d!r} empty', header_from(descr=d, shape='(0, 2)'))
for fo in FORTRAN:
    header_case(f'fortran {fo!r}', header_from(fortran=fo, shape='(2, 3)'))
for s in SHAPE:
    for v in [1, 3]:
        header_case(f'shape {s!r} v{v}', header_from(shape=s), version=v)
for s in SPACE:
    for at in range(4):
        sp = [' '] * 8
        sp[at] = s
        header_case(f'space {s!r} at {at}', header_from(sp=sp))
for lead in LEAD:
    header_case(f'lead {lead!r} v3', header_from(lead=lead), version=3)
    header_case(f'lead {lead!r}', header_from(lead=lead))
for trail in TRAIL:
    header_case(f'trail {trail!r}', header_from(trail=trail))
for end in DICT_END:
    header_case(f'dict end {end!r}', header_from(end=end))
for j in JUNK:
    header_case(f'duplicate key, first value {j!r}', header_from(junk=(0, j)))
header_case('duplicate key, last value bad', header_from() [:-2] + [", 'descr': 1.5}", ''])
for order in [(2, 1, 0), (1, 2, 0), (0, 2, 1)]:
    header_case(f'key order {order}', header_from(order=order))
header_case('non-latin1 comment v3', header_from(sp=[' # é ☃ comment\n'] + [' '] * 7), version=3)
header_case('utf-8 bytes in a v1 header comment', header_from(sp=[' # é comment\n'] + [' '] * 7), version=1, encoding='utf8')
header_case('not a dict: list', ['[1, 2]'])
header_case('not a dict: tuple of the dict', header_from(trail=','))
header_case('empty header', [''])
header_case('only a comment', ['# c\n'])
header_case('a set', ["{'descr', 'shape'}"])
header_case('dict() call', ["dict(descr='<f8', fortran_order=False, shape=(3,))"])
header_case('nested too deep', ['(' * 200 + ')' * 200])
header_case('int key', ["{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 1: 2}"])
# NumPy refuses headers longer than 10000 characters (max_header_size) unless allow_pickle.
for n, version in [(9999, 1), (10000, 1), (10001, 1), (10000, 3), (10001, 3)]:
    core = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"
    header_case(f'header of {n} characters v{version}', [core + ' ' * (n - len(core) - 1) + '\n'], version=version)
core = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }#"
header_case('v3 header of 10000 characters, 15000 bytes', [core + 'é' * (10000 - len(core) - 1) + '\n'], version=3)
header_case('v3 header of 10000 characters, 6000 of them emoji (12000 UTF-16 units)', [core + '😀' * 6000 + ' ' * (10000 - len(core) - 6001) + '\n'], version=3)
# Random combinations.
for i in range(500):
    header_case(f'random {i}', header_from(
        descr=rnd.choice(DESCR[:36] * 3 + DESCR), fortran=rnd.choice(FORTRAN[:4] * 5 + FORTRAN), shape=rnd.choice(SHAPE[:12] * 3 + SHAPE),
        keys=[rnd.choice(KEY[k][:10] * 2 + KEY[k]) for k in ['descr', 'fortran_order', 'shape']], sp=[rnd.choice(SPACE[:6] * 4 + SPACE) for _ in range(8)],
        lead=rnd.choice(LEAD[:3] * 5 + LEAD), trail=rnd.choice(TRAIL[:4] * 5 + TRAIL), end=rnd.choice(DICT_END[:2] * 3 + DICT_END),
        junk=(rnd.randrange(3), rnd.choice(JUNK)) if rnd.random() < 0.2 else None, order=tuple(rnd.sample(range(3), 3))), version=rnd.choice([1, 1, 2, 3]))

# 4. Preambles.
good = with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", b'\0' * 8)
for name, mutate in [('version 1.1', lambda b: b[:7] + b'\x01' + b[8:]), ('version 0.0', lambda b: b[:6] + b'\0\0' + b[8:]), ('version 4.0', lambda b: b[:6] + b'\x04' + b[7:]),
                     ('magic lowercase', lambda b: b'\x93numpy' + b[6:]), ('magic 0x92', lambda b: b'\x92' + b[1:])]:
    add(name, mutate(good))

# 5. .npz archives.
npz_cases = []


def npz_verdict(data):
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as f:
            keys = {}
            for k in f.files:
                keys[k] = verdict_of(f[k])
            return {'keys': keys}
    except Exception as e:  # noqa: BLE001
        return {'error': f'{type(e).__name__}: {error_text(e)}'}


def add_npz(name, data, note=None):
    v = npz_verdict(data)
    npz_cases.append({'name': name, 'b64': b64(data), **v, **({'note': note} if note else {})})


def npy(a):
    f = io.BytesIO()
    np.save(f, a)
    return f.getvalue()


x = np.linspace(-1, 1, 5)
m = x > 0
big = np.round(np.random.default_rng(3).standard_normal(20000), 1)  # deflate over several blocks
for saver in [np.savez, np.savez_compressed]:
    tag = saver.__name__
    f = io.BytesIO()
    saver(f, x=x, m=m, big=big if saver is np.savez_compressed else big[:500], scalar=np.array(-0.0), empty=np.zeros((0, 3), dtype='>i2'), **{'a/b': x[:2], 'dir/sub/c': m[:3], 'é☃ unicode': np.arange(3, dtype='<u2'), '': np.ones(1), 'k.npy': x[:1], ' sp ace': x[:1]})
    add_npz(f'{tag} names with / and unicode', f.getvalue())
    f = io.BytesIO()
    saver(f)
    add_npz(f'{tag} empty', f.getvalue())
    f = io.BytesIO()
    saver(f, np.arange(3.0), np.array([[1, 2], [3, 4]], dtype='>i8'), np.array(2**60, dtype='<i8'))
    add_npz(f'{tag} positional and beyond 2^53', f.getvalue())
    f = io.BytesIO()
    saver(f, c=np.array([1 + 2j]), s=np.array(['ab']))
    add_npz(f'{tag} unsupported dtypes', f.getvalue())


class Unseekable(io.RawIOBase):
    """A write-only stream that cannot seek: zipfile writes data descriptors to it."""

    def __init__(self):
        self.buf = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.buf += b
        return len(b)


def zf_archive(members, method=zipfile.ZIP_STORED, seekable=True, force_zip64=False, comment=b'', via_writestr=False):
    sink = io.BytesIO() if seekable else Unseekable()
    with zipfile.ZipFile(sink, 'w', compression=method) as z:
        for name, data in members:
            if via_writestr:
                z.writestr(zipfile.ZipInfo(name, (2020, 1, 2, 3, 4, 6)), data)
            else:
                with z.open(name, 'w', force_zip64=force_zip64) as w:
                    w.write(data)
        z.comment = comment
    return bytes(sink.getvalue() if seekable else sink.buf)


plain = [('x.npy', npy(x)), ('m.npy', npy(m)), ('big.npy', npy(big[:1000]))]
for method, mname in [(zipfile.ZIP_STORED, 'stored'), (zipfile.ZIP_DEFLATED, 'deflated'), (zipfile.ZIP_BZIP2, 'bzip2'), (zipfile.ZIP_LZMA, 'lzma')]:
    for seekable in [True, False]:
        for z64 in [False, True]:
            add_npz(f'zipfile {mname} {"seekable" if seekable else "data descriptors"} zip64={z64}', zf_archive(plain, method, seekable, z64))
add_npz('zipfile writestr with an end-record signature in the archive comment', zf_archive(plain, zipfile.ZIP_DEFLATED, comment=b'a comment PK\x05\x06 inside', via_writestr=True))
add_npz('zipfile with a 65535-byte archive comment', zf_archive(plain[:2], zipfile.ZIP_DEFLATED, comment=b'c' * 65535))
add_npz('keys without .npy', zf_archive([('x', npy(x)), ('data/m', npy(m))]))
add_npz('a non-.npy member', zf_archive([('x.npy', npy(x)), ('README.txt', b'hello')]))
add_npz('a .npy-named member that is not .npy', zf_archive([('x.npy', npy(x)), ('y.npy', b'not numpy at all')]))
add_npz('duplicate names (last wins)', zf_archive([('x.npy', npy(x)), ('x.npy', npy(m))]))
add_npz("'a.npy' and 'a' (the exact name wins)", zf_archive([('a.npy', npy(x)), ('a', npy(m))]))
add_npz('member with trailing bytes', zf_archive([('x.npy', npy(x) + b'tail')]))
add_npz('directory entry', zf_archive([('d/', b''), ('d/x.npy', npy(x))]))
with tempfile.TemporaryDirectory() as d:
    for name, arr in [('a.npy', x), ('b.npy', m)]:
        with open(os.path.join(d, name), 'wb') as fh:
            fh.write(npy(arr))
    os.makedirs(os.path.join(d, 'sub'))
    with open(os.path.join(d, 'sub', 'c.npy'), 'wb') as fh:
        fh.write(npy(big[:100]))
    for p in ['a.npy', 'b.npy', 'sub/c.npy', 'sub', '.']:
        os.utime(os.path.join(d, p), (1.6e9, 1.6e9))  # fixed times: the same archives every run
    for flags, tag in [(['-0'], 'stored'), (['-9'], 'deflated'), (['-fz', '-9'], 'zip64 forced')]:
        out = os.path.join(d, f'o-{tag}.zip')
        try:
            subprocess.run(['zip', '-q', '-X', *flags, out, 'a.npy', 'b.npy', 'sub/c.npy'], cwd=d, check=True)
            add_npz(f'Info-ZIP zip {tag}', open(out, 'rb').read())
            out2 = os.path.join(d, f'r-{tag}.zip')
            subprocess.run(['zip', '-q', '-X', '-r', *flags, out2, '.', '-x', '*.zip'], cwd=d, check=True)
            add_npz(f'Info-ZIP zip -r {tag} (directory entries)', open(out2, 'rb').read())
        except (OSError, subprocess.CalledProcessError):
            pass
    try:  # streamed from stdin: data descriptors
        stream = bytearray(subprocess.run(['zip', '-q', '-', '-'], input=npy(x), capture_output=True, check=True).stdout)
        stream[10:14] = stream[stream.rfind(b'PK\x01\x02') + 12:stream.rfind(b'PK\x01\x02') + 16] = b'\0\0\x21\x00'  # fixed time stamps
        stream = bytes(stream)
        add_npz('Info-ZIP zip from stdin (member "-", data descriptor)', stream)
    except (OSError, subprocess.CalledProcessError):
        pass


def patched(data, at, new):
    b = bytearray(data)
    b[at:at + len(new)] = new
    return bytes(b)


arch = zf_archive([('x.npy', npy(x)), ('m.npy', npy(m))])
cd = arch.rfind(b'PK\x01\x02', 0, arch.rfind(b'PK\x01\x02'))  # first central entry
local2 = arch.find(b'PK\x03\x04', 4)
add_npz('corrupt CRC in the central directory', patched(arch, cd + 16, b'\0\0\0\0'))
add_npz('corrupt data byte', patched(arch, local2 - 20, b'\x55'))
add_npz('local name differs from the central name', patched(arch, 30, b'y'))
add_npz('central entry with extract version 64', patched(arch, cd + 6, b'\x40\x00'))
add_npz('flag bit 5 (patch data)', patched(arch, cd + 8, b'\x20\x00'))
add_npz('flag bit 0 (encrypted)', patched(arch, cd + 8, b'\x01\x00'))
add_npz('compression method 9 (deflate64)', patched(patched(arch, cd + 10, b'\x09\x00'), 8, b'\x09\x00'))
eocd = arch.rfind(b'PK\x05\x06')
add_npz('EOCD count 0 (zipfile reads the central directory by its size)', patched(patched(arch, eocd + 8, b'\0\0'), eocd + 10, b'\0\0'))
add_npz('EOCD count 5', patched(patched(arch, eocd + 8, b'\x05\0'), eocd + 10, b'\x05\0'))
add_npz('EOCD disk numbers 1', patched(arch, eocd + 4, b'\x01\x00\x01\x00'))
add_npz('archive comment length larger than the comment', patched(arch, eocd + 20, b'\x10\x00'))
add_npz('prepended junk (zip offsets shifted)', b'JUNK' * 4 + arch)
add_npz('central directory offset off by one', patched(arch, eocd + 16, struct.pack('<I', struct.unpack('<I', arch[eocd + 16:eocd + 20])[0] + 1)))
add_npz('extra field length past the entry', patched(arch, cd + 30, b'\x08\x00'))
dup = bytearray(arch)  # the second central entry points at the first member's local header
cd2 = arch.rfind(b'PK\x01\x02')
dup[cd2 + 42:cd2 + 46] = b'\0\0\0\0'
add_npz('two entries share one local header', bytes(dup))
add_npz('last central entry comment length past the directory (zipfile cuts it)', patched(arch, cd2 + 32, b'\x00\x01'))
add_npz('stored member whose size field is larger than its data (np.load reads the part it needs, unchecked)', patched(arch, cd + 24, b'\xff\x00\x00\x00'))
add_npz('NUL in a member name', zf_archive([('x\0y.npy', npy(x))]))
cp = zf_archive([('xA\x7f.npy', npy(x))])  # names without the UTF-8 flag are code page 437
add_npz('code page 437 member name (no UTF-8 flag)', cp.replace(b'xA\x7f.npy', b'x\x81\xe9.npy'))
add_npz('truncated to half', arch[:len(arch) // 2])

text = json.dumps({'numpy': np.__version__, 'npy': cases, 'npz': npz_cases}, indent=0, ensure_ascii=True) + '\n'
with open(os.path.join(OUT, 'cases.json.gz'), 'wb') as fh:
    fh.write(gzip.compress(text.encode('ascii'), 9, mtime=0))
ok = sum('ok' in c for c in cases)
print(f'npy-edge-fixtures: {len(cases)} .npy cases ({ok} read, {sum("error" in c for c in cases)} refused, {sum("unsupported" in c for c in cases)} unsupported dtypes), '
      f'{len(npz_cases)} .npz cases, {os.path.getsize(os.path.join(OUT, "cases.json.gz"))} bytes gzipped')
