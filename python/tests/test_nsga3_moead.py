"""vilfredo.minimize with NSGA-III and MOEA/D: reference directions, errors,
determinism, constraints, and quality against pymoo run live with the same budget."""

import numpy as np
import pytest

import vilfredo as vf

pymoo = pytest.importorskip("pymoo")
from pymoo.util.ref_dirs import get_reference_directions  # noqa: E402


def igd(front, points):
    d = np.linalg.norm(front[:, None, :] - points[None, :, :], axis=2)
    return d.min(axis=1).mean()


def das_dennis(m, p):
    return get_reference_directions("das-dennis", m, n_partitions=p)


def test_an_int_is_the_das_dennis_lattice_in_pymoo_order():
    p = vf.problems.get("dtlz2", n_obj=3, n_var=8)
    a = vf.minimize(p, "nsga3", ref_dirs=6, n_gen=10, seed=2)
    b = vf.minimize(p, "nsga3", ref_dirs=das_dennis(3, 6), n_gen=10, seed=2)
    np.testing.assert_array_equal(a.pop_X, b.pop_X)
    # 28 directions: population 28 (already a multiple of 4).
    assert a.pop_X.shape == (28, 8)
    assert (a.n_gen, a.n_eval) == (10, 280)
    c = vf.minimize(p, "nsga3", ref_dirs=6, n_gen=10, seed=3)
    assert not np.array_equal(a.pop_X, c.pop_X)
    d = vf.minimize(p, "NSGA3", ref_dirs=6, n_gen=10, seed=2, pop_size=40)
    assert d.pop_X.shape == (40, 8)


def test_bad_input_is_refused():
    p = vf.problems.get("dtlz2", n_obj=3)
    with pytest.raises(ValueError, match="2 components but the problem has 3"):
        vf.minimize(p, "nsga3", ref_dirs=das_dennis(2, 10), n_gen=5)
    with pytest.raises(ValueError, match="needs ref_dirs"):
        vf.minimize(p, "nsga3", n_gen=5)
    with pytest.raises(ValueError, match="needs ref_dirs"):
        vf.minimize(p, "moead", n_gen=5)
    with pytest.raises(ValueError, match="pop_size"):
        vf.minimize(p, "nsga3", ref_dirs=4, pop_size=1, n_gen=5)
    with pytest.raises(ValueError, match="not pop_size"):
        vf.minimize(p, "moead", ref_dirs=4, pop_size=20, n_gen=5)
    with pytest.raises(ValueError, match="nsga3 and moead only"):
        vf.minimize(p, "nsga2", ref_dirs=4, n_gen=5)
    with pytest.raises(ValueError, match="at least 1"):
        vf.minimize(p, "nsga3", ref_dirs=0, n_gen=5)
    with pytest.raises(ValueError, match="negative"):
        vf.minimize(p, "nsga3", ref_dirs=[[1.0, -1.0, 1.0]], n_gen=5)
    with pytest.raises(ValueError, match="valid algorithms: nsga2, nsga3, moead"):
        vf.minimize(p, "spea3", n_gen=5)


def test_nsga3_dtlz2_matches_pymoo_quality():
    """DTLZ2, 3 objectives, 12 variables, 91 directions, population 92, 150
    generations: vilfredo's median IGD over 5 seeds is within 35% of pymoo's.

    The margin is wide because 5 seeds are few: over seeds 1-10 the two medians agree
    (pymoo 0.0041 with a spread of 0.0029-0.0056, vilfredo 0.0039 within 0.0032-0.0048),
    but pymoo's seeds 1-5 happen to be good ones (median 0.0036)."""
    from pymoo.algorithms.moo.nsga3 import NSGA3
    from pymoo.optimize import minimize
    from pymoo.problems import get_problem

    rd = das_dennis(3, 12)
    pf = rd / np.linalg.norm(rd, axis=1)[:, None]
    p = vf.problems.get("dtlz2", n_obj=3, n_var=12)
    seeds = range(1, 6)
    ours = [igd(pf, vf.minimize(p, "nsga3", ref_dirs=rd, n_gen=150, seed=s).F) for s in seeds]
    theirs = [
        igd(pf, minimize(get_problem("dtlz2", n_var=12, n_obj=3), NSGA3(ref_dirs=rd, pop_size=92), ("n_gen", 150), seed=s).F)
        for s in seeds
    ]
    assert np.median(ours) <= 1.35 * np.median(theirs), (ours, theirs)


def test_moead_zdt1_matches_pymoo_quality():
    from pymoo.algorithms.moo.moead import MOEAD
    from pymoo.optimize import minimize
    from pymoo.problems import get_problem

    w = das_dennis(2, 99)
    zdt1 = get_problem("zdt1")
    pf = zdt1.pareto_front(1000)
    p = vf.problems.get("zdt1")
    ours = [igd(pf, vf.minimize(p, "moead", ref_dirs=w, n_gen=250, seed=s).F) for s in (1, 2, 3)]
    theirs = [
        igd(pf, minimize(zdt1, MOEAD(w, n_neighbors=20, prob_neighbor_mating=0.9), ("n_gen", 250), seed=s).F)
        for s in (1, 2, 3)
    ]
    assert np.median(ours) <= 1.15 * np.median(theirs), (ours, theirs)


class Constrained:
    """BNH (Binh & Korn 1997) as a Python problem with two constraints."""

    n_var = 2
    n_obj = 2
    n_constr = 2
    xl = np.array([0.0, 0.0])
    xu = np.array([5.0, 3.0])

    def evaluate(self, X):
        a, b = X[:, 0], X[:, 1]
        F = np.column_stack([4 * a * a + 4 * b * b, (a - 5) ** 2 + (b - 5) ** 2])
        G = np.column_stack(
            [((a - 5) ** 2 + b * b - 25) / 25, (7.7 - (a - 8) ** 2 - (b + 3) ** 2) / 7.7]
        )
        return F, G


@pytest.mark.parametrize("algorithm", ["nsga3", "moead"])
def test_python_problems_with_constraints_end_feasible(algorithm):
    res = vf.minimize(Constrained(), algorithm, ref_dirs=23, n_gen=60, seed=4)
    assert len(res.F) > 10
    assert (res.G <= 0).all()
    assert vf.is_non_dominated(res.F).all()
    again = vf.minimize(Constrained(), algorithm, ref_dirs=23, n_gen=60, seed=4)
    np.testing.assert_array_equal(res.pop_X, again.pop_X)
    assert len(res.history) == 60 and res.history[-1][:2] == (60, 60 * len(res.pop_X))


def test_builtin_and_python_moead_agree():
    """The same problem, built in or in numpy, gives the same run."""

    class Dtlz2:
        n_var = 6
        n_obj = 2
        xl = 0.0
        xu = 1.0

        def __init__(self):
            self.inner = vf.problems.get("dtlz2", n_obj=2, n_var=6)

        def evaluate(self, X):
            return self.inner.evaluate(X)

    a = vf.minimize(vf.problems.get("dtlz2", n_obj=2, n_var=6), "moead", ref_dirs=19, n_gen=15, seed=1)
    b = vf.minimize(Dtlz2(), "moead", ref_dirs=19, n_gen=15, seed=1)
    np.testing.assert_array_equal(a.pop_X, b.pop_X)
    assert a.pop_X.shape == (20, 6)
