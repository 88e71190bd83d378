"""Differential tests against moocore (C, by López-Ibáñez et al.), run live."""

import numpy as np
import pytest

import vilfredo as vf
from conftest import OBJECTIVES, make, reference_for

moocore = pytest.importorskip("moocore")


def test_hypervolume(case):
    points, ref = case
    assert vf.hypervolume(points, ref) == pytest.approx(moocore.hypervolume(points, ref=ref), rel=1e-12)


@pytest.mark.parametrize("m", OBJECTIVES)
def test_hypervolume_with_points_outside_the_box(m):
    # A reference point inside the cloud: many points reach or pass it in some objective.
    points = make("uniform", m, seed=3)
    ref = np.full(m, 0.7)
    assert vf.hypervolume(points, ref) == pytest.approx(moocore.hypervolume(points, ref=ref), rel=1e-12)
    grid = make("grid", m, seed=3)
    ref = np.full(m, 3.0)
    assert vf.hypervolume(grid, ref) == pytest.approx(moocore.hypervolume(grid, ref=ref), rel=1e-12)


@pytest.mark.parametrize("ignore_dominated", [False, True])
def test_hv_contributions(case, ignore_dominated):
    points, ref = case
    ours = vf.hv_contributions(points, ref, ignore_dominated=ignore_dominated)
    theirs = moocore.hv_contributions(points, ref=ref, ignore_dominated=ignore_dominated)
    assert ours.shape == (len(points),)
    assert ours.dtype == np.float64
    total = moocore.hypervolume(points, ref=ref)
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-9 * total)


def test_is_non_dominated(case):
    points, _ = case
    ours = vf.is_non_dominated(points)
    assert ours.dtype == np.bool_
    np.testing.assert_array_equal(ours, moocore.is_nondominated(points, keep_weakly=True))


def test_pareto_rank(case):
    points, _ = case
    ours = vf.pareto_rank(points)
    assert ours.dtype == np.int64
    np.testing.assert_array_equal(ours, moocore.pareto_rank(points))


@pytest.mark.parametrize(
    "ours, theirs",
    [
        (vf.igd, moocore.igd),
        (vf.igd_plus, moocore.igd_plus),
        (vf.epsilon_additive, moocore.epsilon_additive),
        (vf.epsilon_multiplicative, moocore.epsilon_mult),
    ],
    ids=["igd", "igd_plus", "epsilon_additive", "epsilon_mult"],
)
def test_indicators(case, ours, theirs):
    points, _ = case
    # Shift away from 0 so the multiplicative ε is defined; the front is a sphere front.
    points = points + 0.5
    front = make("sphere", points.shape[1], seed=7, n=40) + 0.25
    assert ours(points, front) == pytest.approx(theirs(points, ref=front), rel=1e-12)
