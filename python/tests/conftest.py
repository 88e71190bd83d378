"""Point sets shared by the tests: random sets, sphere fronts and integer grids with ties."""

import numpy as np
import pytest

#: Numbers of objectives every differential test covers.
OBJECTIVES = [2, 3, 4, 5, 6]

#: Set sizes per number of objectives: big enough to exercise the kernels, small enough
#: for the peers' exact hypervolume in 6-D to stay fast.
SIZES = {2: 200, 3: 150, 4: 80, 5: 50, 6: 30}


def uniform(rng: np.random.Generator, n: int, m: int) -> np.ndarray:
    """Uniform points in the unit cube: many dominated points, no ties."""
    return rng.random((n, m))


def sphere(rng: np.random.Generator, n: int, m: int) -> np.ndarray:
    """Points on the positive orthant of the unit sphere: all mutually non-dominated."""
    x = np.abs(rng.standard_normal((n, m)))
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def grid(rng: np.random.Generator, n: int, m: int) -> np.ndarray:
    """Integer points in {0..4}^m: ties in every objective, duplicates, weak dominance."""
    return rng.integers(0, 5, size=(n, m)).astype(np.float64)


KINDS = {"uniform": uniform, "sphere": sphere, "grid": grid}


def make(kind: str, m: int, seed: int = 0, n: int | None = None) -> np.ndarray:
    """A reproducible point set of `kind` with `m` objectives."""
    rng = np.random.default_rng([seed, m, list(KINDS).index(kind)])
    return KINDS[kind](rng, SIZES[m] if n is None else n, m)


def reference_for(points: np.ndarray) -> np.ndarray:
    """A reference point strictly worse than every point (pygmo requires it)."""
    return points.max(axis=0) + 0.25


@pytest.fixture(params=[(k, m) for k in KINDS for m in OBJECTIVES], ids=lambda p: f"{p[0]}-m{p[1]}")
def case(request) -> tuple[np.ndarray, np.ndarray]:
    """(points, ref) for one kind and number of objectives."""
    kind, m = request.param
    points = make(kind, m)
    return points, reference_for(points)
