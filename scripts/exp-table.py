"""Generates EXP_TABLE and the reduction constants of wasm/assembly/transcendental.ts
(run: python3 scripts/exp-table.py).

N = 2^EXP_BITS entries, one per j < N: scale = 2^(j/N) rounded to double, stored as its bit
pattern minus j·2^(52 - EXP_BITS) (so that adding k·2^(52 - EXP_BITS) for k = q·N + j gives
2^q·scale), and tail = 2^(j/N)/scale - 1 rounded to double (the rounding error of scale, about
2^-53). Entry: tail, scale bits - j·2^(52 - EXP_BITS). The layout follows ARM's
optimized-routines exp. Also prints N/ln2, and -ln2/N split into a hi part with 34 significant
bits (kd·hi exact for |kd| < 2^19, i.e. |x| < 704 at N = 512) and a lo part. mpmath, 200 bits.
"""
import struct
import mpmath

mpmath.mp.prec = 200
EXP_BITS = 9
N = 1 << EXP_BITS


def d2b(d):
    return struct.unpack('<Q', struct.pack('<d', d))[0]


words = []
for j in range(N):
    t = mpmath.mpf(2) ** (mpmath.mpf(j) / N)
    scale = float(t)
    tail = float(t / mpmath.mpf(scale) - 1)
    words += [d2b(tail), d2b(scale) - (j << (52 - EXP_BITS))]
for i in range(0, len(words), 4):
    print('  ' + ', '.join('0x%016X' % w for w in words[i:i + 4]) + ',')

ln2n = mpmath.log(2) / N
# hi: ln2/N rounded to 34 significant bits
e = mpmath.floor(mpmath.log(ln2n, 2))
hi = float(mpmath.nint(ln2n / 2 ** (e - 33)) * 2 ** (e - 33))
lo = float(ln2n - mpmath.mpf(hi))
print('EXP_INV_LN2_N  0x%016X  %r' % (d2b(float(N / mpmath.log(2))), float(N / mpmath.log(2))))
print('EXP_NEG_LN2_HI_N 0x%016X  %r' % (d2b(-hi), -hi))
print('EXP_NEG_LN2_LO_N 0x%016X  %r' % (d2b(-lo), -lo))
