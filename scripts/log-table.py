"""Generates LOG_TABLE of wasm/assembly/transcendental.ts (run: python3 scripts/log-table.py;
`python3 scripts/log-table.py 7` gives the former 128-entry table).

Subinterval i (i < 2^LOG_BITS) of the reduced argument z in [OFF, 2·OFF) holds the z whose
bits minus OFF have i in bits 52 - LOG_BITS..51; OFF = 0x3fe6080000000000 (0x1.608p-1) for
LOG_BITS = 8 (0x3fe6100000000000 for 7), so that 1 sits mid-way in its subinterval. For each,
c is a double within 2^-36 of the subinterval's centre (bit pattern OFF + (2i + 1)·2^(51 -
LOG_BITS); exactly 1 for the subinterval holding 1) chosen so that 1/c is within 2^-67
(relative) of the double invc: then u = (z - c)·invc (z - c exact by Sterbenz) carries one
rounding only. logc is log(c) as hi + lo, hi rounded to a multiple of 2^-43 (so that
k·ln2_hi + hi is exact), from mpmath at 200 bits. Entry: c, invc, logc_hi, logc_lo.
"""
import struct
import sys
from fractions import Fraction
import mpmath

mpmath.mp.prec = 200


def d2b(d):
    return struct.unpack('<Q', struct.pack('<d', d))[0]


def b2d(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


LOG_BITS = int(sys.argv[1]) if len(sys.argv) > 1 else 8
OFF = {7: 0x3fe6100000000000, 8: 0x3fe6080000000000}[LOG_BITS]

rows = []
for i in range(1 << LOG_BITS):
    centre = OFF + ((2 * i + 1) << (51 - LOG_BITS))
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
