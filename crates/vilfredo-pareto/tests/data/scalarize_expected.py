"""Generate scalarize_expected.txt: oracle values from pymoo's decompositions.

Run from this directory: python3 scalarize_expected.py > scalarize_expected.txt
The Rust tests (tests/it/scalarize.rs) only read the committed text file.

Format: the objective vectors (`f`), weight vectors (`w`) and ideal point (`z`) of a case,
then one line `<function> <row of f> <row of w> <value>` per pair. `weighted_sum` is pymoo's
`Σ w f` minus the constant `Σ w z`, because vilfredo's weighted sum is relative to the ideal
point like every other scalarization (pymoo's ignores it).
"""

import numpy as np
import pymoo
from pymoo.decomposition.aasf import AASF
from pymoo.decomposition.asf import ASF
from pymoo.decomposition.pbi import PBI
from pymoo.decomposition.tchebicheff import Tchebicheff
from pymoo.decomposition.weighted_sum import WeightedSum

rng = np.random.default_rng(7)


def emit(name, a):
    print(f"{name} {a.shape[0]}")
    for row in a:
        print(" ".join(repr(float(v)) for v in row))


print(f"# pymoo {pymoo.__version__}, numpy {np.__version__}")
for m in [2, 3, 4]:
    f = rng.random((5, m)) * 2.0
    w = rng.random((4, m))
    w /= w.sum(axis=1, keepdims=True)
    w[3, 0] = 0.0  # a zero weight exercises pymoo's ASF substitution
    z = rng.random(m) * 0.5 - 0.2  # some f_i - z_i may be negative
    f[0] = z - 0.1  # a point better than the ideal in every objective
    print(f"case {m}")
    emit("f", f)
    emit("w", w)
    emit("z", z[None, :])
    fns = {
        "tchebycheff": Tchebicheff(),
        "pbi_5": PBI(theta=5.0),
        "pbi_0.5": PBI(theta=0.5),
        "asf": ASF(),
        "aasf_0.01": AASF(rho=0.01),
        "weighted_sum": WeightedSum(),
    }
    for name, fn in fns.items():
        for i in range(f.shape[0]):
            for j in range(w.shape[0]):
                # utopian_point is given too: AASF would otherwise use ideal − 1e-10.
                v = fn.do(f[i : i + 1], w[j : j + 1], ideal_point=z, utopian_point=z)
                v = float(np.asarray(v).ravel()[0])
                if name == "weighted_sum":
                    v -= float(w[j] @ z)
                print(f"{name} {i} {j} {v!r}")
    print("end")
