"""Generate reference_directions_expected.txt: pymoo's Das-Dennis and multi-layer sets.

Run from this directory:
    python3 reference_directions_expected.py > reference_directions_expected.txt
The Rust unit tests in src/design/das_dennis.rs only read the committed text file.

Format: `das_dennis <m> <p> <n>` or `multi_layer <m> <n> <p>:<scale> ...`, then n rows.
"""

import numpy as np
import pymoo
from pymoo.util.ref_dirs import get_reference_directions

print(f"# pymoo {pymoo.__version__}, numpy {np.__version__}")


def emit(header, d):
    print(f"{header}")
    for row in d:
        print(" ".join(repr(float(v)) for v in row))


for m, p in [(2, 5), (3, 4), (3, 12), (4, 3), (5, 2), (3, 0), (1, 3), (7, 1)]:
    d = get_reference_directions("das-dennis", m, n_partitions=p)
    emit(f"das_dennis {m} {p} {d.shape[0]}", d)

for m, layers in [(3, [(2, 1.0), (1, 0.5)]), (5, [(2, 1.0), (1, 0.5)]), (8, [(3, 1.0), (2, 0.5)]),
                  (3, [(3, 1.0), (3, 1.0), (0, 1.0)])]:
    parts = [get_reference_directions("das-dennis", m, n_partitions=p, scaling=s) for p, s in layers]
    d = get_reference_directions("multi-layer", *parts)
    spec = " ".join(f"{p}:{s!r}" for p, s in layers)
    emit(f"multi_layer {m} {d.shape[0]} {spec}", d)
