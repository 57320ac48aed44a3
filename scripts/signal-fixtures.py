"""Writes test/fixtures/signal.json: NumPy's answers for the array-building and signal
functions (roll, pad, meshgrid, floor_divide, copysign, convolve, correlate, interp,
trapezoid, polyval, polyfit), read by test/signal.test.ts and test/pad.test.ts.

Run: python3 scripts/signal-fixtures.py   (NumPy 2.x)

Numbers that JSON cannot hold are strings: "NaN", "Infinity", "-Infinity", and "-0" for a
negative zero (so the tests can check signs of zero).
"""
import json
import math
from pathlib import Path

import numpy as np

np.seterr(all="ignore")
rng = np.random.default_rng(20261203)


def enc(v):
    """A float (or nested list of floats) in the fixture encoding."""
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, np.ndarray):
        return enc(v.tolist())
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if v == 0 and math.copysign(1, v) < 0:
        return "-0"
    return v


def arr(x):
    x = np.asarray(x)
    return {"shape": list(x.shape), "data": enc(x.ravel().tolist()), "dtype": "bool" if x.dtype == bool else "float64"}


def rand(n):
    return np.round(rng.standard_normal(n) * 4, 3)


out = {}

# ---- roll ------------------------------------------------------------------------------
roll = []
a23 = np.arange(6.0).reshape(2, 3)
a234 = np.arange(24.0).reshape(2, 3, 4)
for a, shift, axis in [
    (np.arange(5.0), 2, None), (np.arange(5.0), -7, None), (np.arange(5.0), 12, 0),
    (a23, 1, None), (a23, -1, 1), (a23, [1, -1], [0, 1]), (a23, [1, 2], None), (a23, 2, [0, 1, 1]),
    (a23, [1, 2], 0), (a23, [], []), (a23, 1, []), (a234, [1, -2, 3], [0, 1, 2]), (a234, 5, -1),
    (np.zeros((0, 3)), 2, 1), (np.zeros((0, 3)), 2, None), (np.array([7.0]), 3, 0), (np.array(5.0), 1, None),
    (np.array([True, False, False]), 1, None),
]:
    roll.append({"a": arr(a), "shift": shift, "axis": axis, "expected": arr(np.roll(a, shift, axis))})
out["roll"] = roll

# ---- pad -------------------------------------------------------------------------------
pad = []
v3 = np.array([1.0, 2.0, 3.0])
v1 = np.array([4.0])
m34 = np.arange(12.0).reshape(3, 4)
cases = []
for mode in ["constant", "edge", "reflect", "symmetric", "wrap"]:
    for a in [v3, v1, np.array([1.0, 2.0]), m34]:
        for widths in [0, 1, 2, [1, 2], [3, 0], [[5, 7]], 7, [[2, 9]] if a.ndim == 1 else [[1, 2], [3, 9]], [[4], [1]] if a.ndim == 2 else [[4]]]:
            cases.append((a, widths, mode, None))
cases += [
    (m34, [[1, 2], [3, 1]], "constant", [[1, 2], [3, 4]]),
    (m34, 2, "constant", 7.5),
    (m34, [[1, 1], [2, 2]], "constant", [-1, 9]),
    (m34, [[1, 1], [2, 2]], "constant", [[5], [6]]),
    (v3, [2, 1], "constant", "NaN"),
    (np.zeros((0,)), 2, "constant", 3),
    (np.zeros((0, 3)), [[0, 0], [1, 1]], "edge", None),
    (np.zeros((2, 0)), [[1, 1], [0, 0]], "reflect", None),
    (np.array(5.0), 3, "constant", None),
    (np.array(5.0), 3, "edge", None),
    (np.array([True, False]), 2, "constant", 1),
    (np.array([True, False, False]), [1, 4], "reflect", None),
    (np.arange(24.0).reshape(2, 3, 4), [[1, 0], [2, 1], [0, 3]], "symmetric", None),
    (np.arange(24.0).reshape(2, 3, 4), [[1, 0], [2, 1], [0, 3]], "wrap", None),
    (np.arange(24.0).reshape(2, 3, 4), [[1, 0], [2, 1], [0, 3]], "reflect", None),
    (np.arange(5.0), [11, 13], "reflect", None),
    (np.arange(5.0), [11, 13], "symmetric", None),
    (np.arange(5.0), [11, 13], "wrap", None),
    (np.array([[1.0, np.nan], [np.inf, -0.0]]), 1, "symmetric", None),
]
for a, widths, mode, cv in cases:
    kw = {} if cv is None else {"constant_values": float("nan") if cv == "NaN" else cv}
    r = np.pad(a, widths, mode, **kw)
    pad.append({"a": arr(a), "widths": widths, "mode": mode, "constantValues": cv, "reflectType": None, "expected": arr(r)})
# reflect_type='odd': 2*edge - value, on values with fractions (the bits of the arithmetic)
odd_inputs = [np.round(rng.standard_normal(5) * 3, 6), np.array([0.1, -0.0, np.inf]), np.round(rng.standard_normal((3, 4)) * 3, 6), np.array([[2.5], [1.25]])]
for a in odd_inputs:
    for mode in ["reflect", "symmetric"]:
        for widths in [1, [2, 7], 13] + ([[[1, 3], [6, 2]]] if a.ndim == 2 else []):
            r = np.pad(a, widths, mode, reflect_type="odd")
            pad.append({"a": arr(a), "widths": widths, "mode": mode, "constantValues": None, "reflectType": "odd", "expected": arr(r)})
errors = []
for a, widths, mode in [(np.zeros((0,)), 1, "edge"), (np.zeros((2, 0)), [[0, 0], [1, 0]], "wrap"), (np.zeros((0,)), [0, 1], "reflect")]:
    try:
        np.pad(a, widths, mode)
        raise SystemExit("expected an error")
    except ValueError as e:
        errors.append({"a": arr(a), "widths": widths, "mode": mode, "numpy": str(e)})
out["pad"] = pad
out["padErrors"] = errors

# ---- meshgrid --------------------------------------------------------------------------
mesh = []
for xs, indexing, sparse in [
    ([[1, 2, 3], [4, 5]], "xy", False), ([[1, 2, 3], [4, 5]], "ij", False), ([[1, 2, 3], [4, 5], [6, 7, 8, 9]], "xy", False),
    ([[1, 2, 3], [4, 5], [6, 7, 8, 9]], "ij", True), ([[1, 2, 3], [4, 5], [6, 7, 8, 9]], "xy", True), ([[1, 2]], "xy", False),
    ([[[1, 2], [3, 4]], [5, 6, 7]], "xy", False), ([[], [1, 2]], "xy", False),
]:
    r = np.meshgrid(*[np.asarray(x, dtype=float) for x in xs], indexing=indexing, sparse=sparse)
    mesh.append({"xs": xs, "indexing": indexing, "sparse": sparse, "expected": [arr(m) for m in r]})
out["meshgrid"] = mesh

# ---- floor_divide, copysign --------------------------------------------------------------
specials = [0.0, -0.0, 1.0, -1.0, 0.1, -0.1, 0.5, 2.0, -2.0, 3.0, 7.0, -7.0, 1e-300, 5e-324, 1e300, 1.7976931348623157e308, np.inf, -np.inf, np.nan, 10.0, 1e16, 0.3, 2.5]
xs = np.array([x for x in specials for _ in specials])
ys = np.array([y for _ in specials for y in specials])
out["floorDivide"] = {"x": enc(xs), "y": enc(ys), "expected": enc(np.floor_divide(xs, ys))}
out["copysign"] = {"x": enc(xs), "y": enc(ys), "expected": enc(np.copysign(xs, ys))}
neg_nan = -np.array([np.nan])
out["copysignNegativeNaN"] = enc(np.copysign(np.array([1.0, 2.0, np.inf]), neg_nan[0]))
rx = np.round(rng.standard_normal(400) * 10, 2)
ry = np.round(rng.standard_normal(400) * 3, 2)
out["floorDivideRandom"] = {"x": enc(rx), "y": enc(ry), "expected": enc(np.floor_divide(rx, ry))}

# ---- convolve / correlate -----------------------------------------------------------------
conv = []
for n, m in [(1, 1), (1, 3), (3, 1), (2, 5), (5, 2), (7, 3), (8, 4), (9, 5), (16, 11), (17, 12), (33, 31), (40, 7), (6, 6), (3, 10)]:
    a = rand(n)
    v = rand(m)
    for mode in ["full", "same", "valid"]:
        conv.append({"a": enc(a), "v": enc(v), "mode": mode,
                     "convolve": enc(np.convolve(a, v, mode)), "correlate": enc(np.correlate(a, v, mode))})
conv.append({"a": [1, 2, 3], "v": [0, 1, 0.5], "mode": "full", "convolve": enc(np.convolve([1, 2, 3], [0, 1, 0.5])), "correlate": enc(np.correlate([1, 2, 3], [0, 1, 0.5], "full"))})
sp = [1.0, np.nan, 3.0, np.inf, -0.0, 2.0]
conv.append({"a": enc(sp), "v": [1.0, -0.0, 2.0], "mode": "full", "convolve": enc(np.convolve(sp, [1.0, -0.0, 2.0])), "correlate": enc(np.correlate(sp, [1.0, -0.0, 2.0], "full"))})
conv.append({"a": [-1.0, -2.0], "v": [0.0], "mode": "full", "convolve": enc(np.convolve([-1.0, -2.0], [0.0])), "correlate": enc(np.correlate([-1.0, -2.0], [0.0], "full"))})
out["convolve"] = conv

# ---- interp --------------------------------------------------------------------------------
interp = []
xp = [1.0, 2.0, 3.0, 5.0, 8.0, 13.0]
fp = [3.0, 2.0, 0.0, -1.0, 4.0, 4.0]
xq = [-1.0, 1.0, 1.5, 2.0, 2.999, 4.0, 8.0, 10.0, 13.0, 14.0, np.nan, np.inf, -np.inf, -0.0]
for opts in [{}, {"left": -7.0, "right": 9.0}, {"left": np.nan}, {"period": 10.0}, {"period": -14.0}]:
    kw = dict(opts)
    interp.append({"x": enc(xq), "xp": xp, "fp": fp, "options": {k: enc(v) for k, v in opts.items()}, "expected": enc(np.interp(xq, xp, fp, **kw))})
for xp2, fp2 in [
    ([0.0, 1.0], [0.0, np.inf]), ([0.0, 1.0], [np.inf, np.inf]), ([0.0, 1.0], [-np.inf, np.inf]), ([0.0, 1.0, 1.0, 2.0], [0.0, 1.0, 5.0, 6.0]),
    ([2.0], [7.0]), ([0.0, 1.0, 2.0], [np.nan, 1.0, 2.0]), ([0.0, 1e-300, 1.0], [0.0, 1.0, 2.0]), ([3.0, 1.0, 2.0, 0.0, 5.0, 4.0, 6.0], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]),
    ([-np.inf, 0.0, np.inf], [1.0, 2.0, 3.0]),
]:
    xq2 = [-1.0, 0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 2.5, 7.0, np.nan]
    interp.append({"x": enc(xq2), "xp": enc(xp2), "fp": enc(fp2), "options": {}, "expected": enc(np.interp(xq2, xp2, fp2))})
big_xp = np.sort(rng.uniform(-50, 50, 40))
big_fp = rand(40)
big_x = rng.uniform(-60, 60, 300)
interp.append({"x": enc(big_x), "xp": enc(big_xp), "fp": enc(big_fp), "options": {}, "expected": enc(np.interp(big_x, big_xp, big_fp))})
out["interp"] = interp

# ---- trapezoid -----------------------------------------------------------------------------
trap = []
y23 = [[0.0, 1.0, 4.0], [9.0, 16.0, 25.0]]
for y, x, dx, axis in [
    ([1.0, 2.0, 3.0], None, None, None), ([1.0, 2.0, 3.0], [4.0, 6.0, 8.0], None, None), ([1.0, 2.0, 3.0], None, 0.5, None),
    (y23, None, None, 0), (y23, None, None, 1), (y23, [0.0, 0.5, 2.0], None, None), (y23, [[0.0, 1.0, 2.0], [0.0, 2.0, 4.0]], None, None),
    (y23, [0.0, 3.0], None, 0), ([5.0], None, None, None), ([], None, None, None), (rand(37).tolist(), np.sort(rand(37)).tolist(), None, None),
    ([1.0, np.nan, 3.0], None, None, None), ([1.0, np.inf, 3.0], None, None, None),
]:
    kw = {}
    if x is not None:
        kw["x"] = x
    if dx is not None:
        kw["dx"] = dx
    if axis is not None:
        kw["axis"] = axis
    r = np.trapezoid(np.asarray(y, dtype=float), **kw)
    trap.append({"y": arr(np.asarray(y, dtype=float)), "x": x, "dx": dx, "axis": axis, "expected": arr(r)})
out["trapezoid"] = trap

# ---- polyval -------------------------------------------------------------------------------
poly = []
xq = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, -3.0, 1e10, np.inf, -np.inf, np.nan, 1e-8]
for p in [[3.0, 0.0, 1.0], [1.0], [], [1.0, 0.0], [-0.0], [2.0, -3.5, 0.25, 1e-3, 7.0], rand(9).tolist()]:
    poly.append({"p": p, "x": enc(xq), "expected": enc(np.polyval(p, np.array(xq)))})
out["polyval"] = poly

# ---- polyfit -------------------------------------------------------------------------------
fits = []
px = np.linspace(-2, 3, 11)
for deg, y, kw in [
    (1, 2 * px + 1, {}), (2, px ** 2 - 3 * px + 0.5, {}), (3, rand(11), {}), (0, rand(11), {}),
    (2, rand(11), {"w": np.abs(rand(11)) + 0.1}), (4, np.sin(px), {}), (2, np.stack([px ** 2, 3 * px - 1], axis=1), {}),
]:
    r = np.polyfit(px, y, deg, **kw)
    fits.append({"x": enc(px), "y": arr(y), "deg": deg, "w": enc(kw["w"]) if "w" in kw else None, "expected": arr(r)})
r, res, rank, sv, rcond = np.polyfit(px, px ** 3 - px, 2, full=True)
fits_full = {"x": enc(px), "y": enc(px ** 3 - px), "deg": 2, "coef": enc(r), "residuals": enc(res), "rank": int(rank), "singularValues": enc(sv), "rcond": rcond}
out["polyfit"] = fits
out["polyfitFull"] = fits_full

Path(__file__).resolve().parent.parent.joinpath("test", "fixtures", "signal.json").write_text(json.dumps(out, separators=(",", ":")) + "\n")
print("wrote test/fixtures/signal.json")
