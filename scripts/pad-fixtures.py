#!/usr/bin/env python3
"""Writes test/fixtures/pad-modes.json: NumPy 2.4's np.pad for the modes 'linear_ramp'
(end_values), 'maximum', 'minimum', 'mean', 'median' (stat_length) and 'empty' (shape only:
NumPy leaves the pad area uninitialized), read by test/pad.test.ts. The first five modes are
in test/fixtures/signal.json (scripts/signal-fixtures.py).

Run: python3 scripts/pad-fixtures.py   (NumPy 2.x)

Numbers that JSON cannot hold are strings: "NaN", "Infinity", "-Infinity", and "-0" for a
negative zero. `option` is the keyword's value as given to NumPy (None: not passed);
`errors` lists calls NumPy refuses, with its exception's name and message.
"""
import json
import math
import warnings
from pathlib import Path

import numpy as np

np.seterr(all="ignore")
warnings.simplefilter("ignore")
rng = np.random.default_rng(20261204)


def enc(v):
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, np.ndarray):
        return enc(v.tolist())
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if v is None:
        return None
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


KEY = {"linear_ramp": "end_values", "maximum": "stat_length", "minimum": "stat_length", "mean": "stat_length", "median": "stat_length"}

cases = []
errors = []


def add(a, widths, mode, option=None):
    a = np.asarray(a)
    kw = {} if option is None else {KEY[mode]: option}
    try:
        r = np.pad(a, widths, mode, **kw)
    except Exception as e:  # noqa: BLE001
        errors.append({"a": arr(a), "widths": widths, "mode": mode, "option": enc(option) if not isinstance(option, str) else option,
                       "error": type(e).__name__, "message": str(e)})
        return
    case = {"a": arr(a), "widths": widths, "mode": mode, "option": enc(option), "expected": arr(r)}
    if mode == "empty":
        case["expected"] = {"shape": list(r.shape), "data": None, "dtype": case["expected"]["dtype"]}
    cases.append(case)


def rand(*shape):
    return np.round(rng.standard_normal(shape) * 4, 3)


one = np.array([3.0, -1.5, 2.25, 7.0, 0.5])
specials = np.array([1.0, np.nan, -0.0, np.inf, 2.0, -np.inf, 0.0])
STATS = ["maximum", "minimum", "mean", "median"]

# 1-D: widths 0, 1, wider than the axis; stat lengths None, 0, 1, pairs, beyond the axis, fractions.
for mode in STATS:
    for widths in [0, 1, 3, [0, 2], [4, 0], [7, 9]]:
        add(one, widths, mode)
    for sl in [1, 2, [1, 3], [3, 1], [[2, 4]], 5, 9, 2.5, 3.5, 0.5, 1.5, 0, [0, 2], [2, 0]]:
        add(one, [2, 3], mode, sl)
    add(one, [0, 0], mode, 0)
    add(specials, 2, mode)
    add(specials, 2, mode, [2, 3])
    add(np.array([-0.0, 0.0]), 1, mode)
    add(np.array([0.0, -0.0]), 1, mode)
    add(np.array([5.0]), 3, mode)
    add(np.array([5.0]), 3, mode, 0)
    # odd sizes around the pairwise block (8) and SIMD widths
    for n in [2, 3, 4, 7, 8, 9, 16, 17, 33]:
        add(rand(n), [2, 1], mode)
for mode in STATS:
    # 2-D and 3-D: per-axis pairs, NumPy's broadcasting of pad widths and stat lengths,
    # corners read by the later axes.
    a = rand(4, 5)
    for widths, sl in [([[1, 2], [3, 0]], None), ([[1, 2], [3, 0]], [[1, 2], [3, 1]]), ([[1], [2]], [[1], [3]]),
                       (2, [1, 2]), ([[0, 0], [2, 2]], 0), ([[2, 2], [0, 0]], [[0, 1], [1, 1]]), ([[3, 1], [1, 3]], 2)]:
        add(a, widths, mode, sl)
    add(rand(3, 4, 5), [[1, 2], [0, 3], [2, 1]], mode)
    add(rand(3, 4, 5), [[1, 2], [0, 3], [2, 1]], mode, [[1, 2], [2, 1], [3, 3]])
    add(rand(40, 3), [[2, 3], [1, 1]], mode)
    add(rand(3, 40), [[1, 1], [2, 3]], mode, [[1, 1], [20, 37]])
    add(np.array(4.0), 2, mode)
    add(np.array([True, False, True, True]), 2, mode)
    add(np.array([[True, False], [False, False]]), [[1, 1], [2, 1]], mode, [[1, 2], [1, 1]])
    add(np.zeros((0, 3)), [[0, 0], [1, 2]], mode)
    add(np.zeros((0, 3)), [[1, 0], [0, 0]], mode)
    add(np.zeros((2, 0)), [[0, 0], [0, 1]], mode)
    add(rand(3), 1, mode, -1)
    add(rand(3), 1, mode, [[1, 2], [3, 4]])

# linear_ramp: end values as a number, a pair, per-axis pairs; NaN/±Inf data and end values;
# a lane whose edge equals its end value (NumPy's linspace then computes (i / n) * delta on
# the whole side).
for widths in [0, 1, 3, [0, 2], [4, 0], [7, 9]]:
    add(one, widths, "linear_ramp")
for ev in [0, 2.5, [1, -3], [[-1, 4]], np.nan, np.inf, [-np.inf, 1e308]]:
    add(one, [3, 4], "linear_ramp", ev)
add(specials, 2, "linear_ramp")
add(specials, 3, "linear_ramp", [1, 2])
add(np.array([5.0]), 3, "linear_ramp", [1, 2])
for n in [2, 3, 7, 9, 17]:
    add(rand(n), [5, 6], "linear_ramp", [0.3, -0.7])
a = rand(4, 5)
add(a, [[1, 2], [3, 0]], "linear_ramp")
add(a, [[1, 2], [3, 0]], "linear_ramp", [[1, 2], [3, 4]])
add(a, [[1], [2]], "linear_ramp", [[1], [2]])
add(rand(3, 4, 5), [[1, 2], [0, 3], [2, 1]], "linear_ramp", [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]])
zl = np.array([[0.1, 0.7, 0.3], [0.0, 0.9, 0.2], [0.3, 0.2, 0.6]])
add(zl, [[0, 0], [7, 5]], "linear_ramp", 0.0)  # row 1's left edge is its end value: step 0
add(zl, [[0, 0], [7, 5]], "linear_ramp", 0.1)  # row 0's left edge is its end value
add(zl.T, [[7, 5], [0, 0]], "linear_ramp", 0.3)
add(np.array(4.0), 2, "linear_ramp", 1)
add(np.array([True, False, True]), 2, "linear_ramp")
add(np.array([True, False, True]), 2, "linear_ramp", 5)
add(np.array([[True, False], [False, True]]), [[2, 1], [1, 3]], "linear_ramp", [[0, 1], [1, 0]])
add(np.zeros((0, 3)), [[0, 0], [1, 2]], "linear_ramp")
add(np.zeros((0, 3)), [[1, 0], [0, 0]], "linear_ramp")

# empty: shape only (and the middle); NumPy may extend empty axes.
add(one, [2, 3], "empty")
add(rand(2, 3), [[1, 0], [2, 1]], "empty")
add(np.zeros((0, 3)), [[1, 0], [0, 0]], "empty")
add(np.array([True, False]), 2, "empty")
add(np.array(1.0), 1, "empty")

# The linspace subtlety is exercised: on the zl cases' step-0 sides, i * step + start and
# (i / n) * delta + start differ, so a test using the wrong one fails.
i = np.arange(7.0)[:, None]
d = zl[:, 0] - 0.0
assert not np.array_equal(i * (d / 7) + 0.0, (i / 7) * d + 0.0)

out = {"numpy": np.__version__, "cases": cases, "errors": errors}
path = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "pad-modes.json"
path.write_text(json.dumps(out, separators=(",", ":")) + "\n")
print(f"wrote {len(cases)} cases, {len(errors)} errors to {path}")
