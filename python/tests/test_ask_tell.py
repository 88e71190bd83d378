"""vilfredo.NSGA2: NSGA-II driven by ask/tell from Python, its snapshots and its errors."""

import pickle

import numpy as np
import pytest

import vilfredo as vf

REF = [1.1, 1.1]


def zdt1(X):
    """ZDT1 (Zitzler, Deb & Thiele 2000) in numpy."""
    f1 = X[:, 0]
    g = 1.0 + 9.0 / (X.shape[1] - 1) * X[:, 1:].sum(axis=1)
    return np.column_stack([f1, g * (1.0 - np.sqrt(f1 / g))])


class Zdt1:
    """ZDT1 as a pymoo-style problem for vf.minimize."""

    n_var = 30
    n_obj = 2
    xl = 0.0
    xu = 1.0

    def evaluate(self, X):
        return zdt1(X)


def run(alg, n_gen, f=zdt1):
    for _ in range(n_gen):
        X = alg.ask()
        alg.tell(f(X))
    return alg


def new(seed=0, pop_size=100, **kw):
    return vf.NSGA2(np.zeros(30), np.ones(30), 2, pop_size=pop_size, seed=seed, **kw)


def test_zdt1_converges_and_matches_minimize():
    alg = run(new(seed=3), 250)
    assert (alg.n_gen, alg.n_eval) == (250, 25_000)
    X, F, G = alg.result()
    assert X.shape[1] == 30 and G.shape == (len(F), 0)
    assert vf.hypervolume(F, REF) >= 0.86
    # vf.minimize on a Python problem drives the same algorithm with the same settings.
    res = vf.minimize(Zdt1(), pop_size=100, n_gen=250, seed=3)
    np.testing.assert_array_equal(res.pop_X, alg.pop_X)
    np.testing.assert_array_equal(res.pop_F, alg.pop_F)
    np.testing.assert_array_equal(res.X, X)
    np.testing.assert_array_equal(res.F, F)


def test_ask_twice_returns_the_same_batch():
    alg = new(pop_size=10)
    a = alg.ask()
    b = alg.ask()
    assert a.shape == (10, 30)
    np.testing.assert_array_equal(a, b)
    assert ((a >= 0) & (a <= 1)).all()
    alg.tell(zdt1(a))
    c = alg.ask()
    assert c.shape == (10, 30)
    assert not np.array_equal(a, c)


def test_same_seed_same_run_other_seed_other_run():
    a, b, c = (run(new(seed=s, pop_size=20), 15) for s in (5, 5, 6))
    np.testing.assert_array_equal(a.pop_X, b.pop_X)
    np.testing.assert_array_equal(a.pop_F, b.pop_F)
    assert not np.array_equal(a.pop_X, c.pop_X)


def test_properties_before_and_after_tell():
    alg = new(pop_size=8)
    assert (alg.n_gen, alg.n_eval, alg.n_var, alg.n_obj, alg.n_constr) == (0, 0, 30, 2, 0)
    assert alg.pop_size == 8
    assert alg.pop_X.shape == (0, 30) and alg.pop_F.shape == (0, 2)
    X, F, G = alg.result()
    assert X.shape == (0, 30) and F.shape == (0, 2) and G.shape == (0, 0)
    run(alg, 2)
    assert alg.pop_X.shape == (8, 30) and alg.pop_F.shape == (8, 2)
    assert alg.pop_G.shape == (8, 0)
    np.testing.assert_array_equal(alg.pop_F, zdt1(alg.pop_X))
    _, F, _ = alg.result()
    assert vf.is_non_dominated(F).all()
    assert "n_gen=2" in repr(alg)


@pytest.mark.parametrize("cut", [5, 0, 1])
def test_state_round_trip_continues_bit_for_bit(cut):
    straight = run(new(seed=11, pop_size=20), 10)
    first = run(new(seed=11, pop_size=20), cut)
    resumed = vf.NSGA2.from_state(first.state())
    assert (resumed.n_gen, resumed.n_eval) == (cut, 20 * cut)
    run(resumed, 10 - cut)
    np.testing.assert_array_equal(straight.pop_X, resumed.pop_X)
    np.testing.assert_array_equal(straight.pop_F, resumed.pop_F)
    assert straight.state() == resumed.state()


def test_state_keeps_the_pending_batch_and_pickles():
    alg = run(new(seed=2, pop_size=12), 3)
    X = alg.ask()
    for copy in (vf.NSGA2.from_state(alg.state()), pickle.loads(pickle.dumps(alg))):
        np.testing.assert_array_equal(copy.ask(), X)
        copy.tell(zdt1(X))
        alg2 = vf.NSGA2.from_state(alg.state())
        alg2.tell(zdt1(alg2.ask()))
        np.testing.assert_array_equal(copy.pop_X, alg2.pop_X)


def test_constraints_and_var_types():
    # min (x0, x1) s.t. x0 + x1 >= 1, x1 integer in [0, 3], x2 binary (ignored).
    alg = vf.NSGA2(
        [0, 0, 0], [1, 3, 1], 2, n_constr=1, pop_size=20, seed=1,
        var_types=["real", "int", "binary"],
    )
    for _ in range(20):
        X = alg.ask()
        assert (X[:, 1] == np.round(X[:, 1])).all()
        assert np.isin(X[:, 2], [0.0, 1.0]).all()
        alg.tell(X[:, :2], (1.0 - X[:, 0] - X[:, 1])[:, None])
    X, F, G = alg.result()
    assert G.shape == (len(X), 1) and (G <= 0).all()
    assert alg.pop_G.shape == (20, 1)


@pytest.mark.parametrize(
    "args, kwargs, match",
    [
        (([1.0, 0.0], [0.0, 1.0], 2), {}, "lower bound 1 exceeds upper bound 0"),
        (([0.0, 0.0], [1.0], 2), {}, "upper bounds: expected 2 values, got 1"),
        (([], [], 2), {}, "at least one decision variable"),
        (([0.0], [1.0], 0), {}, "at least one objective"),
        (([0.0], [1.0], 2), {"pop_size": 1}, "population of at least 2"),
        (([0.0], [np.inf], 2), {}, "must be finite"),
        (([0.0], [1.0], 2), {"var_types": ["real", "int"]}, "variable types"),
        (([0.0], [1.0], 2), {"var_types": ["complex"]}, "unknown variable type"),
        (([0.0], [2.0], 2), {"var_types": ["binary"]}, r"bounds \[0, 1\]"),
        (([0.0], [1.0], -1), {}, "n_obj must be in"),
        (([0.0], [1.0], 2), {"seed": -1}, r"seed must be in \[0, 2\*\*64\)"),
        (([0.0], [1.0], 2), {"seed": 2**64}, "seed must be in"),
        (([0.0], [1.0], 2), {"n_constr": -2}, "n_constr must be in"),
        (([[0.0]], [[1.0]], 2), {}, "xl: expected a 1-D array"),
    ],
)
def test_bad_settings_raise_value_error(args, kwargs, match):
    with pytest.raises(ValueError, match=match):
        vf.NSGA2(*args, **kwargs)


def test_bad_types_raise_type_error():
    with pytest.raises(TypeError):
        vf.NSGA2(["a"], ["b"], 2)
    with pytest.raises(TypeError):
        vf.NSGA2([0.0], [1.0], "two")


def test_tell_before_ask():
    with pytest.raises(ValueError, match="call ask"):
        new().tell(np.zeros((100, 2)))
    alg = run(new(pop_size=4), 1)
    with pytest.raises(ValueError, match="call ask"):
        alg.tell(np.zeros((4, 2)))


def test_bad_tell_keeps_the_batch_pending():
    alg = new(pop_size=6)
    X = alg.ask()
    F = zdt1(X)
    bad = F.copy()
    bad[4, 1] = np.nan
    with pytest.raises(ValueError, match="row 4, column 1"):
        alg.tell(bad)
    with pytest.raises(ValueError, match=r"shape \[6, 3\].*expected \(6, 2\)"):
        alg.tell(np.zeros((6, 3)))
    with pytest.raises(ValueError, match=r"expected \(6, 2\)"):
        alg.tell(F[:5])
    with pytest.raises(ValueError, match="not finite"):
        alg.tell(np.where(F > 0.5, np.inf, F))
    assert (alg.n_gen, alg.n_eval) == (0, 0)
    np.testing.assert_array_equal(alg.ask(), X)
    alg.tell(F)
    assert (alg.n_gen, alg.n_eval) == (1, 6)


def test_constrained_tell_needs_g():
    alg = vf.NSGA2([0.0], [1.0], 1, n_constr=2, pop_size=4)
    X = alg.ask()
    with pytest.raises(ValueError, match="n_constr = 2"):
        alg.tell(X)
    with pytest.raises(ValueError, match=r"expected \(4, 2\)"):
        alg.tell(X, np.zeros((4, 1)))
    alg.tell(X[:, 0], np.zeros((4, 2)))  # (k,) is accepted for one objective
    assert alg.n_gen == 1


def test_bad_state_raises_value_error():
    with pytest.raises(ValueError, match="invalid NSGA2 state"):
        vf.NSGA2.from_state("{}")
    s = run(new(pop_size=4), 2).state()
    with pytest.raises(ValueError):
        vf.NSGA2.from_state(s.replace('"n_obj":2', '"n_obj":3'))


def test_docstring_example_runs():
    import doctest

    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(vf.NSGA2, "NSGA2", globs={}):
        runner.run(test)
    assert runner.tries > 0 and runner.failures == 0
    assert "Deb" in vf.NSGA2.__doc__ and "NSGA-II" in vf.NSGA2.__doc__


def test_runs_in_threads_do_not_interfere():
    import threading

    expected = [run(new(seed=s, pop_size=16), 12).pop_F for s in range(4)]
    got = [None] * 4

    def work(s):
        got[s] = run(new(seed=s, pop_size=16), 12).pop_F

    threads = [threading.Thread(target=work, args=(s,)) for s in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for g, e in zip(got, expected):
        np.testing.assert_array_equal(g, e)
