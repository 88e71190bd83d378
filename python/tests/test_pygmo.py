"""Differential tests against pygmo's hypervolume (C++, WFG/HV2D/HV3D), run live."""

import numpy as np
import pytest

import vilfredo as vf
from conftest import make, reference_for

pg = pytest.importorskip("pygmo")


def test_hypervolume(case):
    points, ref = case
    theirs = pg.hypervolume(points).compute(ref)
    assert vf.hypervolume(points, ref) == pytest.approx(theirs, rel=1e-12)


def test_contributions(case):
    points, ref = case
    theirs = pg.hypervolume(points).contributions(ref)
    ours = vf.hv_contributions(points, ref)
    total = vf.hypervolume(points, ref)
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-9 * total)


@pytest.mark.parametrize("m, n", [(2, 5000), (3, 2000), (4, 300)])
@pytest.mark.parametrize("kind", ["uniform", "sphere", "grid"])
def test_large_sets(kind, m, n):
    points = make(kind, m, seed=11, n=n)
    ref = reference_for(points)
    hv = pg.hypervolume(points)
    total = hv.compute(ref)
    assert vf.hypervolume(points, ref) == pytest.approx(total, rel=1e-12)
    np.testing.assert_allclose(vf.hv_contributions(points, ref), hv.contributions(ref), rtol=1e-9, atol=1e-9 * total)
