"""Differential tests against pymoo (GD, GD+, crowding distance), run live."""

import numpy as np
import pytest

import vilfredo as vf
from conftest import OBJECTIVES, make

pytest.importorskip("pymoo")


def test_gd(case):
    from pymoo.indicators.gd import GD

    points, _ = case
    front = make("sphere", points.shape[1], seed=7, n=40)
    assert vf.gd(points, front) == pytest.approx(GD(front)(points), rel=1e-12)


def test_gd_plus(case):
    from pymoo.indicators.gd_plus import GDPlus

    points, _ = case
    front = make("sphere", points.shape[1], seed=7, n=40)
    assert vf.gd_plus(points, front) == pytest.approx(GDPlus(front)(points), rel=1e-12)


@pytest.mark.parametrize("m", OBJECTIVES)
@pytest.mark.parametrize("kind", ["sphere", "uniform"])
def test_crowding_distance(kind, m):
    from pymoo.operators.survival.rank_and_crowding.metrics import calc_crowding_distance

    points = make(kind, m, seed=5)
    # pymoo computes it per front: take the non-dominated set.
    front = points[vf.is_non_dominated(points)]
    np.testing.assert_allclose(
        vf.crowding_distance(front), calc_crowding_distance(front), rtol=1e-12, atol=0
    )
