"""Differential tests against pygmo's hypervolume (C++, WFG/HV2D/HV3D), run live."""

import numpy as np
import pytest

import vilfredo as vf

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
