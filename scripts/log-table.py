"""Generates LOG_TABLE of wasm/assembly/transcendental.ts (run: python3 scripts/log-table.py).

Subinterval i (i < 128) of the reduced argument z in [0x1.61p-1, 0x1.61p0) holds the z whose
bits minus OFF = 0x3fe6100000000000 have i in bits 45..51. For each, c is a double within
2^-36 of the subinterval's centre (bit pattern 0x3fe6000000000000 + (i+1)·2^45; exactly 1
for the subinterval holding 1) chosen so that 1/c is within 2^-67 (relative) of the double
invc: then u = (z - c)·invc (z - c exact by Sterbenz) carries one rounding only. logc is
log(c) as hi + lo, hi rounded to a multiple of 2^-43 (so that k·ln2_hi + hi is exact), from
mpmath at 200 bits. Entry: c, invc, logc_hi, logc_lo.
"""
import struct
from fractions import Fraction
import mpmath

mpmath.mp.prec = 200


def d2b(d):
    return struct.unpack('<Q', struct.pack('<d', d))[0]


def b2d(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


rows = []
for i in range(128):
    centre = 0x3fe6000000000000 + ((i + 1) << 45)
    best = None
    if centre == 0x3ff0000000000000:
        best = centre
    else:
        for j in range(1 << 20):
            for cb in (centre + j, centre - j):
                c = Fraction(b2d(cb))
                inv = 1 / c
                invd = float(inv)
                if abs(Fraction(invd) - inv) < inv * Fraction(1, 1 << 67):
                    best = cb
                    break
            if best is not None:
                break
    c = b2d(best)
    invc = float(1 / Fraction(c))
    lg = mpmath.log(mpmath.mpf(c))
    # hi a multiple of 2^-43: k·ln2_hi + hi is then exact for every k (|sum| < 1024)
    hi = float(mpmath.nint(lg * 2**43) / 2**43)
    lo = float(lg - mpmath.mpf(hi))
    rows.append((best, d2b(invc), d2b(hi), d2b(lo)))

for r in rows:
    print('  ' + ', '.join('0x%016X' % v for v in r) + ',')
