"""Generate indicator_expected.txt: oracle values from moocore and pymoo.

Run from this directory: python3 indicator_expected.py > indicator_expected.txt
The Rust tests (tests/it/indicator.rs) only read the committed text file; they never
call Python. Numbers are printed with repr(), which round-trips exactly.
"""

import sys

import moocore
import numpy as np
import pymoo
from pymoo.indicators.gd import GD
from pymoo.indicators.gd_plus import GDPlus
from pymoo.indicators.spacing import SpacingIndicator

rng = np.random.default_rng(20261127)


def front(n, m):
    # Positive points on a concave front, shifted away from 0 so epsilon_mult is defined.
    x = rng.random((n, m)) + 0.05
    return 0.2 + x / np.linalg.norm(x, axis=1, keepdims=True)


def approx(n, m):
    # Points around the front: some better, some worse, so every indicator is non-trivial.
    return front(n, m) * rng.uniform(0.85, 1.2, (n, 1)) + rng.normal(0.0, 0.03, (n, m))


def emit(name, a):
    print(f"{name} {a.shape[0]}")
    for row in a:
        print(" ".join(repr(float(v)) for v in row))


print(f"# moocore {moocore.__version__}, pymoo {pymoo.__version__}, numpy {np.__version__}")
for n_a, n_r, m in [(10, 15, 2), (20, 30, 3), (12, 25, 5), (6, 9, 1), (40, 7, 4)]:
    a, r = approx(n_a, m), front(n_r, m)
    print(f"case {m}")
    emit("points", a)
    emit("front", r)
    values = {
        "igd": moocore.igd(a, r),
        "igd_plus": moocore.igd_plus(a, r),
        "gd": GD(r)(a),
        "gd_plus": GDPlus(r)(a),
        "epsilon_additive": moocore.epsilon_additive(a, r),
        "epsilon_multiplicative": moocore.epsilon_mult(a, r),
        "avg_hausdorff_1": moocore.avg_hausdorff_dist(a, r, p=1),
        "spacing_pymoo": SpacingIndicator()(a),
    }
    if m > 1:
        # moocore 0.3.2's one-objective fallback ignores p (it always computes p = 1).
        values["avg_hausdorff_2"] = moocore.avg_hausdorff_dist(a, r, p=2)
    for k, v in values.items():
        print(f"{k} {float(v)!r}")
    print("end")
sys.stdout.flush()
