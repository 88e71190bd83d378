"""vilfredo.minimize with SMS-EMOA, SPEA2 and R-NSGA-II, checked against pymoo's numbers.

The quality thresholds come from pymoo 0.6.2 on the same problem, budget and operators
(``python3 bench/pymoo_smoke.py``, seeds 1..5): SMS-EMOA on ZDT1, population 100,
10,000 evaluations, median hypervolume 0.8443 at (1.1, 1.1); SPEA2, population 100,
100 generations, median 0.8455; R-NSGA-II with reference points (0.2, 0.5) and
(0.7, 0.1), epsilon 0.01, population 50, 150 generations, mean distance to the true
front 0.0069 and nearest solution within 0.0605 of each reference point.
"""

import numpy as np
import pytest

import vilfredo as vf

REF = [1.1, 1.1]
ZDT1 = vf.problems.get("zdt1")


class Bnh:
    """BNH (Binh & Korn 1997) in numpy: two objectives, two constraints."""

    n_var, n_obj, n_constr = 2, 2, 2
    xl = np.array([0.0, 0.0])
    xu = np.array([5.0, 3.0])

    def evaluate(self, X):
        a, b = X[:, 0], X[:, 1]
        F = np.column_stack([4 * a**2 + 4 * b**2, (a - 5) ** 2 + (b - 5) ** 2])
        G = np.column_stack(
            [((a - 5) ** 2 + b**2 - 25) / 25, (7.7 - (a - 8) ** 2 - (b + 3) ** 2) / 7.7]
        )
        return F, G


def test_sms_emoa_reaches_pymoo_hypervolume():
    res = vf.minimize(ZDT1, "sms-emoa", pop_size=100, n_eval=10_000, seed=1)
    assert res.n_eval == 10_000 and res.n_gen == 1 + 9_900
    assert res.pop_F.shape == (100, 2)
    assert vf.hypervolume(res.F, REF) >= 0.845
    np.testing.assert_array_equal(ZDT1.evaluate(res.X), res.F)


def test_sms_emoa_batches_and_reference_offset():
    res = vf.minimize(
        ZDT1, "sms-emoa", pop_size=20, n_eval=220, seed=2, n_offspring=10, ref_offset=0.5
    )
    assert (res.n_gen, res.n_eval) == (21, 220)


def test_spea2_reaches_pymoo_hypervolume():
    res = vf.minimize(ZDT1, "spea2", pop_size=100, n_gen=100, seed=4)
    assert res.n_eval == 10_000
    assert vf.hypervolume(res.F, REF) >= 0.84
    small = vf.minimize(ZDT1, "spea2", pop_size=20, n_gen=5, seed=4, archive_size=7)
    assert small.pop_F.shape == (7, 2)


def test_spea2_normalize_reaches_the_algorithm():
    # ZDT1 with f2 scaled by 1000, where density with and without normalisation differ
    # (survival itself is checked against pymoo's in the Rust fixture tests).
    scale = np.array([1.0, 1000.0])

    class Scaled:
        n_var, n_obj, xl, xu = ZDT1.n_var, 2, ZDT1.xl, ZDT1.xu

        def evaluate(self, x):
            return ZDT1.evaluate(x) * scale

    plain = vf.minimize(Scaled(), "spea2", pop_size=40, n_gen=60, seed=3)
    norm = vf.minimize(Scaled(), "spea2", pop_size=40, n_gen=60, seed=3, normalize=True)

    assert not np.array_equal(plain.pop_F, norm.pop_F)
    # The ask/tell class takes the same option and replays minimize.
    alg = vf.SPEA2(ZDT1.xl, ZDT1.xu, 2, pop_size=40, seed=3, normalize=True)
    for _ in range(60):
        x = alg.ask()
        alg.tell(Scaled().evaluate(x))
    np.testing.assert_array_equal(alg.result()[1], norm.F)
    with pytest.raises(TypeError):
        vf.minimize(ZDT1, "spea2", pop_size=20, n_gen=2, normalize="yes")


def test_rnsga2_gathers_at_the_reference_points():
    refs = np.array([[0.2, 0.5], [0.7, 0.1]])
    res = vf.minimize(ZDT1, "rnsga2", pop_size=50, n_gen=150, seed=1, ref_points=refs, epsilon=0.01)
    f1 = np.linspace(0, 1, 1001)
    true = np.column_stack([f1, 1 - np.sqrt(f1)])
    to_front = np.min(np.linalg.norm(res.F[:, None, :] - true[None], axis=2), axis=1)
    assert to_front.mean() < 0.02
    for r in refs:
        assert np.min(np.linalg.norm(res.F - r, axis=1)) < 0.07


def test_rnsga2_accepts_one_point_weights_and_normalization():
    res = vf.minimize(
        ZDT1,
        "rnsga2",
        pop_size=20,
        n_gen=10,
        seed=3,
        ref_points=[0.3, 0.3],
        weights=[0.3, 0.7],
        normalization="ever",
    )
    assert res.n_eval == 200


@pytest.mark.parametrize("algorithm", ["nsga2", "sms-emoa", "spea2", "rnsga2"])
def test_same_seed_same_result_and_python_problems(algorithm):
    extra = {"ref_points": [[10.0, 10.0]]} if algorithm == "rnsga2" else {}
    runs = [
        vf.minimize(Bnh(), algorithm, pop_size=30, n_eval=900, seed=s, **extra) for s in (7, 7, 8)
    ]
    np.testing.assert_array_equal(runs[0].F, runs[1].F)
    assert not np.array_equal(runs[0].pop_F, runs[2].pop_F)
    res = runs[0]
    assert (res.G <= 0).all(), f"{algorithm}: infeasible result"
    assert (res.X >= Bnh.xl).all() and (res.X <= Bnh.xu).all()
    assert vf.is_non_dominated(res.F).all()


def test_unknown_algorithms_and_options_are_refused():
    with pytest.raises(ValueError, match="valid algorithms: nsga2, nsga3, moead, sms-emoa, spea2, rnsga2"):
        vf.minimize(ZDT1, "moead-x", n_gen=2)
    with pytest.raises(ValueError, match="archive_size"):
        vf.minimize(ZDT1, "spea2", n_gen=2, archive=3)
    with pytest.raises(ValueError, match="nsga2 has no option"):
        vf.minimize(ZDT1, "nsga2", n_gen=2, epsilon=0.1)
    with pytest.raises(ValueError, match="n_offspring"):
        vf.minimize(ZDT1, "sms-emoa", n_eval=200, n_offspring=0)
    with pytest.raises(ValueError, match="ref_offset"):
        vf.minimize(ZDT1, "sms-emoa", n_eval=200, ref_offset=-1.0)


def test_rnsga2_reference_points_are_validated():
    with pytest.raises(ValueError, match="needs ref_points"):
        vf.minimize(ZDT1, "rnsga2", n_gen=2)
    with pytest.raises(ValueError, match="3 values, but the problem has 2 objectives"):
        vf.minimize(ZDT1, "rnsga2", n_gen=2, ref_points=[[0.1, 0.2, 0.3]])
    with pytest.raises(ValueError, match="not finite"):
        vf.minimize(ZDT1, "rnsga2", n_gen=2, ref_points=[[0.1, np.nan]])
    with pytest.raises(ValueError, match="weights"):
        vf.minimize(ZDT1, "rnsga2", n_gen=2, ref_points=[[0.1, 0.2]], weights=[1.0])
    with pytest.raises(ValueError, match="normalization"):
        vf.minimize(ZDT1, "rnsga2", n_gen=2, ref_points=[[0.1, 0.2]], normalization="max")
