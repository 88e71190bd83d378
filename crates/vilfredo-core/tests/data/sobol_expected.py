"""Generate sobol_expected.txt: scipy's unscrambled Sobol points, the oracle of src/design/sobol.rs.

Run from this directory (needs scipy):
    python3 sobol_expected.py > sobol_expected.txt
The Rust unit tests only read the committed text file.

Format, after `#` comments: blocks `block <first index> <n points> <scale>` followed by
one line per dimension, `<dim> <n integers>`: point `first + j` of that dimension is the
j-th integer divided by `scale` (the values are exact dyadic rationals).
"""

import numpy as np
import scipy
from scipy.stats import qmc

DIMS = 1111
print(f"# scipy {scipy.__version__}: qmc.Sobol(d={DIMS}, scramble=False, bits=30)")


def block(first, n, scale, dims):
    engine = qmc.Sobol(d=DIMS, scramble=False, bits=30)
    if first:
        engine.fast_forward(first)
    x = engine.random(n)
    print(f"block {first} {n} {scale}")
    for d in dims:
        ints = x[:, d] * scale
        assert np.all(ints == np.round(ints))
        print(d, *(int(v) for v in ints))


edge = list(range(24)) + list(range(DIMS - 24, DIMS))
block(0, 128, 128, edge)
block((1 << 20) - 5, 10, 1 << 30, edge)
