#!/usr/bin/env python3
"""Differential fuzz input for ndvec's .npy/.npz readers: mutated .npy headers or mutated .npz
archives with np.load's verdict on each, as JSON (the format of test/fixtures/npy-edge).
Run by scripts/npy-fuzz-check.ts, which has ndvec read each file and compares:

    python3 scripts/npy-fuzz.py header SEED COUNT OUT.json
    python3 scripts/npy-fuzz.py zip SEED COUNT OUT.json
"""
import base64
import io
import json
import random
import struct
import sys
import warnings
import zipfile

import numpy as np
from numpy.lib import _format_impl

warnings.simplefilter('ignore')
MODE, SEED, COUNT, OUT = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rnd = random.Random(SEED)


def verdict(a):
    if isinstance(a, bytes):
        return {'bytes': True}
    if a.dtype.kind in 'fiub' and a.dtype.names is None and a.dtype.itemsize <= 8:
        c = np.ascontiguousarray(a)
        return {'ok': {'shape': list(a.shape), 'bool': a.dtype.kind == 'b', 'hex': (c.astype(np.uint8) if a.dtype.kind == 'b' else c.astype('<f8')).tobytes().hex()}}
    return {'unsupported': a.dtype.str}


def headers():
    ALPHA = list(" \t\n\r\f\v\\#'\"(),:[]{}+-._0123456789LlxobjeEuUrRbBfF") + ['True', 'False', 'None', "'descr'", "'shape'", "'fortran_order'", "'<f8'", "'|b1'", '0x1', '1_0', '\\x3c', '...', 'set()', '(', ')']
    BASES = ["{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", "{'descr': '|b1', 'fortran_order': True, 'shape': (2, 3), }", "{'shape': (), 'descr': '>i2', 'fortran_order': False}", '{"descr": "<u8", "fortran_order": False, "shape": (0, 2)}']

    def with_header(text, data, version):
        h = text.encode('utf8' if version == 3 else 'latin1', 'replace')
        pre = b'\x93NUMPY\x01\x00' + struct.pack('<H', len(h)) if version == 1 else b'\x93NUMPY' + bytes([version, 0]) + struct.pack('<I', len(h))
        return pre + h + data

    out = []
    for i in range(COUNT):
        t = rnd.choice(BASES)
        for _ in range(rnd.randint(1, 3)):
            p = rnd.randrange(len(t) + 1)
            op = rnd.random()
            piece = rnd.choice(ALPHA)
            if op < 0.4:
                t = t[:p] + piece + t[p:]
            elif op < 0.7:
                t = t[:p] + t[p + rnd.randint(1, 3):]
            else:
                t = t[:p] + piece + t[p + 1:]
        version = rnd.choice([1, 3])
        data = b''
        try:
            f = io.BytesIO(with_header(t, b'', version))
            _format_impl.read_magic(f)
            shape, _fo, dt = _format_impl._read_array_header(f, (version, 0))
            cnt = 1
            for s in shape:
                cnt *= s
            if 0 <= cnt < 1000 and dt.itemsize < 64:
                data = bytes(rnd.getrandbits(8) for _ in range(cnt * dt.itemsize))
        except Exception:  # noqa: BLE001
            pass
        b = with_header(t, data, version)
        try:
            v = verdict(np.load(io.BytesIO(b)))
        except Exception as e:  # noqa: BLE001
            v = {'error': type(e).__name__ + ': ' + str(e)[:80]}
        out.append({'name': repr(t), 'b64': base64.b64encode(b).decode(), **v})
    return out


def archives():
    def npy(a):
        f = io.BytesIO()
        np.save(f, a)
        return f.getvalue()
    bases = []
    for saver in [np.savez, np.savez_compressed]:
        f = io.BytesIO()
        saver(f, x=np.arange(5.0), m=np.arange(4) > 1, k=np.arange(6, dtype='>i2').reshape(2, 3))
        bases.append(f.getvalue())
    f = io.BytesIO()
    with zipfile.ZipFile(f, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo('a.npy', (2020, 1, 1, 0, 0, 0)), npy(np.arange(3.0)))
        z.writestr(zipfile.ZipInfo('b', (2020, 1, 1, 0, 0, 0)), npy(np.ones(2, dtype=bool)))
    bases.append(f.getvalue())
    out = []
    for i in range(COUNT):
        b = bytearray(rnd.choice(bases))
        sigs = [j for j in range(len(b) - 3) if b[j:j + 2] == b'PK']
        for _ in range(rnd.randint(1, 3)):
            p = rnd.choice(sigs) + rnd.randrange(46) if rnd.random() < 0.8 and sigs else rnd.randrange(len(b))
            if p >= len(b):
                continue
            r = rnd.random()
            if r < 0.6:
                b[p] = rnd.choice([0, 1, 0xff, b[p] ^ (1 << rnd.randrange(8)), rnd.randrange(256)])
            elif r < 0.8:
                del b[p:p + rnd.randint(1, 4)]
            else:
                b[p:p] = bytes([rnd.randrange(256)])
        b = bytes(b)
        try:
            with np.load(io.BytesIO(b), allow_pickle=False) as f:
                v = {'keys': {k: verdict(f[k]) for k in f.files}}
        except Exception as e:  # noqa: BLE001
            v = {'error': type(e).__name__ + ': ' + str(e)[:100]}
        out.append({'name': f'archive {i}', 'b64': base64.b64encode(b).decode(), **v})
    return out


cases = headers() if MODE == 'header' else archives()
with open(OUT, 'w') as fh:
    json.dump(cases, fh)
print(f'npy-fuzz {MODE}: {len(cases)} files, seed {SEED}')
