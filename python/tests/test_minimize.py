"""vilfredo.minimize: NSGA-II on built-in and Python-defined problems."""

import numpy as np
import pytest

import vilfredo as vf

REF = [1.1, 1.1]


class NumpyZdt1:
    """ZDT1 in numpy with the same arithmetic as the Rust version, operation for operation.

    The sum of x[1:] is accumulated like vilfredo-problems' `sum`: four running partial
    sums over chunks of four, combined pairwise, then the tail added in order.
    """

    n_obj = 2
    xl = 0.0
    xu = 1.0

    def __init__(self, n_var=30):
        self.n_var = n_var
        self.calls = 0

    def evaluate(self, X):
        self.calls += 1
        rest = X[:, 1:]
        full = (rest.shape[1] // 4) * 4
        acc = [np.zeros(len(X)) for _ in range(4)]
        for c in range(0, full, 4):
            for j in range(4):
                acc[j] = acc[j] + rest[:, c + j]
        s = (acc[0] + acc[1]) + (acc[2] + acc[3])
        for c in range(full, rest.shape[1]):
            s = s + rest[:, c]
        f1 = X[:, 0]
        g = 1.0 + 9.0 / (self.n_var - 1) * s
        return np.column_stack([f1, g * (1.0 - np.sqrt(f1 / g))])


def test_zdt1_quality_and_shapes():
    p = vf.problems.get("zdt1")
    res = vf.minimize(p, pop_size=100, n_gen=250, seed=1)
    assert (res.n_gen, res.n_eval) == (250, 25_000)
    assert vf.hypervolume(res.F, REF) >= 0.86
    assert res.X.shape == (len(res.F), 30) and res.G.shape == (len(res.F), 0)
    assert res.pop_X.shape == (100, 30) and res.pop_F.shape == (100, 2)
    assert vf.is_non_dominated(res.F).all()
    np.testing.assert_array_equal(p.evaluate(res.X), res.F)
    assert len(res.history) == 250
    assert res.history[0][:2] == (1, 100) and res.history[-1][:2] == (250, 25_000)
    assert res.history[-1][2] == len(res.F)


def test_same_seed_same_result_other_seed_other_result():
    p = vf.problems.get("zdt2", n_var=10)
    a = vf.minimize(p, pop_size=40, n_gen=30, seed=5)
    b = vf.minimize(p, pop_size=40, n_gen=30, seed=5)
    c = vf.minimize(p, pop_size=40, n_gen=30, seed=6)
    np.testing.assert_array_equal(a.pop_X, b.pop_X)
    np.testing.assert_array_equal(a.F, b.F)
    assert not np.array_equal(a.pop_X, c.pop_X)


def test_n_eval_budget_and_both_budgets():
    p = vf.problems.get("zdt1", n_var=5)
    res = vf.minimize(p, pop_size=20, n_eval=210)
    assert res.n_eval == 220 and res.n_gen == 11  # stops at the first generation past it
    res = vf.minimize(p, pop_size=20, n_eval=10_000, n_gen=3)
    assert (res.n_gen, res.n_eval) == (3, 60)


def test_python_problem_matches_builtin_bit_for_bit():
    ours = NumpyZdt1()
    a = vf.minimize(ours, pop_size=50, n_gen=40, seed=3)
    b = vf.minimize(vf.problems.get("zdt1"), pop_size=50, n_gen=40, seed=3)
    assert ours.calls == 40
    np.testing.assert_array_equal(a.pop_X, b.pop_X)
    np.testing.assert_array_equal(a.pop_F, b.pop_F)
    np.testing.assert_array_equal(a.F, b.F)
    assert a.history == b.history


class Schaffer:
    """Schaffer's problem N.1 (1985): f = (x², (x − 2)²), front for x in [0, 2]."""

    n_var = 1
    n_obj = 2
    xl = np.array([-10.0])
    xu = np.array([10.0])

    def evaluate(self, X):
        return np.column_stack([X[:, 0] ** 2, (X[:, 0] - 2) ** 2])


def test_python_problem_quality():
    res = vf.minimize(Schaffer(), pop_size=40, n_gen=60, seed=0)
    assert ((res.X >= -1e-3) & (res.X <= 2 + 1e-3)).all()
    assert res.X.min() < 0.05 and res.X.max() > 1.95
    assert len(res.F) == 40


class Constrained:
    """Minimise (x0, x1) on [0, 1]² subject to x0 + x1 ≥ 1: the front is x0 + x1 = 1."""

    n_var = 2
    n_obj = 2
    n_constr = 1
    xl = 0.0
    xu = 1.0

    def evaluate(self, X):
        return X.copy(), (1.0 - X[:, 0] - X[:, 1])[:, None]


def test_constraints():
    res = vf.minimize(Constrained(), pop_size=30, n_gen=40, seed=2)
    assert res.G.shape == (len(res.F), 1)
    assert (res.G <= 0).all()
    np.testing.assert_allclose(res.F.sum(axis=1), 1.0, atol=0.05)


def test_user_exception_propagates_unchanged():
    class Boom(Exception):
        pass

    class Bad(Schaffer):
        def evaluate(self, X):
            raise Boom("from the user")

    with pytest.raises(Boom, match="from the user"):
        vf.minimize(Bad(), n_gen=2)


def test_keyboard_interrupt_propagates():
    class Interrupting(Schaffer):
        def evaluate(self, X):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        vf.minimize(Interrupting(), n_gen=2)


def test_nan_objective_names_the_row():
    class Nan(Schaffer):
        def evaluate(self, X):
            F = super().evaluate(X)
            F[7, 1] = np.nan
            return F

    with pytest.raises(ValueError, match="row 7"):
        vf.minimize(Nan(), pop_size=10, n_gen=2)


def test_wrong_shapes_are_value_errors():
    class Short(Schaffer):
        def evaluate(self, X):
            return super().evaluate(X)[:-1]

    with pytest.raises(ValueError, match="shape"):
        vf.minimize(Short(), pop_size=10, n_gen=2)

    class NoG(Constrained):
        def evaluate(self, X):
            return X.copy()

    with pytest.raises(ValueError, match="pair"):
        vf.minimize(NoG(), pop_size=10, n_gen=2)


def test_bad_arguments():
    p = vf.problems.get("zdt1")
    with pytest.raises(ValueError, match="nsga2"):
        vf.minimize(p, "nsga4", n_gen=2)
    with pytest.raises(ValueError, match="n_gen"):
        vf.minimize(p)
    with pytest.raises(ValueError, match="pop_size|population"):
        vf.minimize(p, pop_size=1, n_gen=2)
    with pytest.raises(ValueError, match="xu"):
        vf.minimize(type("P", (), {"n_var": 2, "n_obj": 2, "xl": 0.0, "evaluate": None})(), n_gen=2)
    with pytest.raises(ValueError, match="xl"):
        vf.minimize(type("P", (), {"n_var": 2, "n_obj": 2, "xl": [0.0] * 3, "xu": 1.0,
                                   "evaluate": None})(), n_gen=2)


def test_pymoo_problem_object_works():
    pytest.importorskip("pymoo")
    from pymoo.problems import get_problem

    res = vf.minimize(get_problem("zdt1", n_var=10), pop_size=40, n_gen=30, seed=1)
    assert res.F.shape[1] == 2 and vf.hypervolume(res.F, REF) > 0.5


def test_quality_not_worse_than_pymoo():
    pytest.importorskip("pymoo")
    from pymoo.algorithms.moo.nsga2 import NSGA2
    from pymoo.optimize import minimize as pymoo_minimize
    from pymoo.problems import get_problem

    ours, theirs = [], []
    for seed in (1, 2):
        res = vf.minimize(vf.problems.get("zdt1"), pop_size=100, n_gen=250, seed=seed)
        ours.append(vf.hypervolume(res.F, REF))
        ref = pymoo_minimize(get_problem("zdt1"), NSGA2(pop_size=100), ("n_gen", 250), seed=seed)
        theirs.append(vf.hypervolume(ref.F, REF))
    assert np.median(ours) >= np.median(theirs) - 0.005, (ours, theirs)


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="needs setitimer")
def test_signal_handlers_run_between_generations_of_a_builtin_run():
    # A run far too long to finish; the alarm's handler must be able to stop it, which
    # is how Ctrl-C (SIGINT -> KeyboardInterrupt) reaches a run with the GIL released.
    import signal

    class Alarm(Exception):
        pass

    def handler(signum, frame):
        raise Alarm

    previous = signal.signal(signal.SIGALRM, handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        with pytest.raises(Alarm):
            vf.minimize(vf.problems.get("zdt1", n_var=5), pop_size=20, n_gen=10**8)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("seed", [-1, 2**64])
def test_seed_out_of_range_is_a_value_error(seed):
    with pytest.raises(ValueError, match="seed"):
        vf.minimize(vf.problems.get("zdt1"), pop_size=10, n_gen=2, seed=seed)


def test_seed_of_the_wrong_type_is_a_type_error():
    with pytest.raises(TypeError, match="seed"):
        vf.minimize(vf.problems.get("zdt1"), pop_size=10, n_gen=2, seed=1.5)
