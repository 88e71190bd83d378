"""vilfredo.problems: objective values against pymoo, true fronts, and refused input."""

import numpy as np
import pytest

import vilfredo as vf
import vilfredo.problems

#: (name, parameters for both libraries): pymoo's n_var is always passed explicitly.
CASES = [
    ("zdt1", {"n_var": 30}),
    ("zdt2", {"n_var": 30}),
    ("zdt3", {"n_var": 30}),
    ("zdt4", {"n_var": 10}),
    ("zdt6", {"n_var": 10}),
    *[(f"dtlz{i}", {"n_var": 7 if i == 1 else 12, "n_obj": 3}) for i in range(1, 7)],
    ("dtlz7", {"n_var": 22, "n_obj": 3}),
    ("dtlz2", {"n_var": 9, "n_obj": 5}),
    *[(f"wfg{i}", {"n_var": 8, "n_obj": 2, "k": 4}) for i in range(1, 10)],
    *[(f"wfg{i}", {"n_var": 10, "n_obj": 3, "k": 4}) for i in range(1, 10)],
]


def _random_x(problem, n, seed):
    xl, xu = problem.bounds
    rng = np.random.default_rng(seed)
    return xl + rng.random((n, problem.n_var)) * (xu - xl)


@pytest.mark.parametrize(("name", "params"), CASES, ids=lambda c: str(c))
def test_objectives_match_pymoo(name, params):
    pytest.importorskip("pymoo")
    from pymoo.problems import get_problem

    ours = vf.problems.get(name, **params)
    theirs = get_problem(name, **params)
    assert (ours.n_var, ours.n_obj) == (theirs.n_var, theirs.n_obj)
    np.testing.assert_array_equal(ours.bounds[0], theirs.xl)
    np.testing.assert_array_equal(ours.bounds[1], theirs.xu)
    x = _random_x(ours, 200, seed=len(name) + ours.n_var)
    # Corners of the box too: the extremes are where formulas most often differ.
    x = np.vstack([x, ours.bounds[0], ours.bounds[1]])
    np.testing.assert_allclose(ours.evaluate(x), theirs.evaluate(x), rtol=1e-12, atol=1e-13)


def test_module_forms():
    import vilfredo.problems as problems

    assert problems.get is vf.problems.get
    assert isinstance(vf.problems.get("zdt1"), vf.problems.Problem)


def test_attributes_and_single_point():
    p = vf.problems.get("ZDT1", n_var=5)
    assert (p.name, p.n_var, p.n_obj, p.n_constr) == ("zdt1", 5, 2, 0)
    xl, xu = p.bounds
    assert xl.dtype == np.float64 and xl.shape == (5,) and (xu == 1.0).all()
    f = p.evaluate([0.25, 0.0, 0.0, 0.0, 0.0])
    assert f.shape == (2,)
    assert f.tolist() == [0.25, 0.5]
    assert p.evaluate(np.zeros((0, 5))).shape == (0, 2)
    assert "zdt1" in repr(p)


def test_list_describes_every_problem():
    entries = vf.problems.list()
    names = [e["name"] for e in entries]
    assert {"zdt1", "zdt6", "dtlz1", "dtlz7", "wfg1", "wfg9"} <= set(names)
    by_name = {e["name"]: e for e in entries}
    assert set(by_name["dtlz4"]["params"]) == {"n_var", "n_obj", "k", "alpha"}
    assert set(by_name["wfg2"]["params"]) == {"n_var", "n_obj", "k", "l"}
    for e in entries:
        assert e["description"]
        vf.problems.get(e["name"])  # every listed name builds with its defaults


@pytest.mark.parametrize("name", ["zdt1", "zdt2", "zdt4", "zdt6"])
def test_zdt_front_is_analytic(name):
    front = vf.problems.get(name).pareto_front(101)
    f1, f2 = front[:, 0], front[:, 1]
    expected = 1 - np.sqrt(f1) if name in ("zdt1", "zdt4") else 1 - f1**2
    np.testing.assert_allclose(f2, expected, atol=1e-15)
    assert len(front) > 50


@pytest.mark.parametrize(("name", "level"), [("dtlz1", 0.5), ("dtlz2", 1.0), ("dtlz3", 1.0)])
def test_dtlz_front_is_analytic(name, level):
    front = vf.problems.get(name, n_obj=3).pareto_front(100)
    values = front.sum(axis=1) if name == "dtlz1" else (front**2).sum(axis=1)
    np.testing.assert_allclose(values, level, rtol=1e-12)
    assert vf.is_non_dominated(front).all()


@pytest.mark.parametrize(
    ("name", "params"),
    [("zdt1", {}), ("zdt3", {}), ("dtlz2", {}), ("dtlz7", {}), ("wfg4", {"n_obj": 2})],
)
def test_pareto_set_evaluates_onto_the_front(name, params):
    p = vf.problems.get(name, **params)
    f = p.evaluate(p.pareto_set(50))
    # A dense sample of the front: every optimal point is within its spacing of it.
    front = p.pareto_front(5000)
    assert vf.gd_plus(f, front) < 1e-2
    # And random points are not: the check can fail.
    assert vf.gd_plus(p.evaluate(_random_x(p, 50, seed=3)), front) > 1e-1


def test_unknown_name_lists_the_valid_ones():
    with pytest.raises(ValueError, match="zdt1.*dtlz1.*wfg1"):
        vf.problems.get("zdt99")


def test_unknown_parameter_lists_the_valid_ones():
    with pytest.raises(ValueError, match="n_var"):
        vf.problems.get("zdt1", n_obj=3)
    with pytest.raises(ValueError, match="alpha"):
        vf.problems.get("dtlz4", beta=1.0)
    with pytest.raises(ValueError, match="integer"):
        vf.problems.get("zdt1", n_var=2.5)
    with pytest.raises(TypeError, match="number"):
        vf.problems.get("zdt1", n_var="thirty")


def test_bad_x_is_refused():
    p = vf.problems.get("zdt1", n_var=3)
    with pytest.raises(ValueError, match="row 1"):
        p.evaluate([[0.5, 0.5, 0.5], [0.5, 1.5, 0.5]])
    with pytest.raises(ValueError, match="3 variables"):
        p.evaluate(np.zeros((2, 4)))
    with pytest.raises(ValueError, match="not finite|finite|NaN"):
        p.evaluate([[np.nan, 0.0, 0.0]])
    with pytest.raises(TypeError):
        p.evaluate([["a", "b", "c"]])
    with pytest.raises(ValueError, match="n_var"):
        p.evaluate(np.zeros((2, 2, 3)))


def test_unknown_front_is_a_value_error():
    with pytest.raises(ValueError, match="not known|not available"):
        vf.problems.get("dtlz5", n_obj=4).pareto_front(10)


@pytest.mark.parametrize(
    "obj",
    [
        vf.problems,
        vf.problems.Problem,
        vf.problems.Problem.evaluate,
        vf.problems.Problem.pareto_front,
        vf.problems.get,
        vf.problems.list,
        vf.minimize,
    ],
    ids=lambda o: getattr(o, "__name__", "?"),
)
def test_docstring_examples_run(obj):
    import doctest

    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(obj, getattr(obj, "__name__", "obj"), globs={}):
        runner.run(test)
    assert runner.failures == 0
    assert runner.tries > 0


#: Constrained problems: (name, parameters for both libraries).
CONSTRAINED = [
    ("c1dtlz1", {"n_var": 12, "n_obj": 3}),
    ("c2dtlz2", {"n_var": 12, "n_obj": 3}),
    ("c2dtlz2", {"n_var": 8, "n_obj": 2, "r": 0.3}),
    ("c3dtlz4", {"n_var": 7, "n_obj": 3}),
    *[(f"mw{i}", {"n_var": 15}) for i in (1, 2, 3, 5, 6, 7, 9, 10, 11, 12, 13)],
    *[(f"mw{i}", {"n_var": 15, "n_obj": 3}) for i in (4, 8, 14)],
    ("bnh", {}),
    ("osy", {}),
    ("tnk", {}),
    ("srn", {}),
    ("welded_beam", {}),
    ("carside", {}),
]


@pytest.mark.parametrize(("name", "params"), CONSTRAINED, ids=lambda c: str(c))
def test_constrained_objectives_and_constraints_match_pymoo(name, params):
    pytest.importorskip("pymoo")
    from pymoo.problems import get_problem

    ours = vf.problems.get(name, **params)
    theirs = get_problem(name, **params)
    assert (ours.n_var, ours.n_obj, ours.n_constr) == (
        theirs.n_var,
        theirs.n_obj,
        theirs.n_ieq_constr,
    )
    np.testing.assert_array_equal(ours.bounds[0], theirs.xl)
    np.testing.assert_array_equal(ours.bounds[1], theirs.xu)
    x = _random_x(ours, 200, seed=len(name) + ours.n_var)
    f, g = ours.evaluate(x)
    assert f.shape == (200, ours.n_obj) and g.shape == (200, ours.n_constr)
    pf, pg = theirs.evaluate(x, return_values_of=["F", "G"])
    np.testing.assert_allclose(f, pf, rtol=1e-12, atol=1e-13)
    # Constraints are differences of O(1) terms: compare to 1e-12 absolute too.
    np.testing.assert_allclose(g, pg, rtol=1e-12, atol=1e-12)
    # One point: a pair of 1-D arrays.
    f1, g1 = ours.evaluate(x[0])
    assert f1.shape == (ours.n_obj,) and g1.shape == (ours.n_constr,)


def test_constrained_fronts_are_feasible():
    for name, params in [("c2dtlz2", {"n_obj": 3}), ("mw1", {}), ("bnh", {}), ("tnk", {})]:
        p = vf.problems.get(name, **params)
        front = p.pareto_front(100)
        assert len(front) > 5
        assert vf.is_non_dominated(front).all()
    # BNH's Pareto set is feasible and maps onto the front.
    p = vf.problems.get("bnh")
    f, g = p.evaluate(p.pareto_set(50))
    assert (g <= 1e-12).all()
    np.testing.assert_array_equal(f, p.pareto_front(50))


def test_re_suite_is_unconstrained_with_fixed_sizes():
    sizes = {"re21": (4, 2), "re25": (3, 2), "re37": (4, 3), "re42": (6, 4), "re91": (7, 9)}
    for name, (n_var, n_obj) in sizes.items():
        p = vf.problems.get(name)
        assert (p.n_var, p.n_obj, p.n_constr) == (n_var, n_obj, 0)
        f = p.evaluate(_random_x(p, 10, seed=1))
        assert f.shape == (10, n_obj) and np.isfinite(f).all()
        with pytest.raises(ValueError, match="not available"):
            p.pareto_front(10)
    with pytest.raises(ValueError, match="valid parameters: none"):
        vf.problems.get("re21", n_var=4)
    names = {e["name"] for e in vf.problems.list()}
    assert {"c1dtlz1", "mw14", "carside", "re21", "re91"} <= names


@pytest.mark.parametrize(
    "name, params",
    [("zdt1", {}), ("dtlz2", {"n_obj": 3}), ("wfg4", {"n_var": 24, "n_obj": 3, "k": 4}), ("mw7", {}), ("re37", {})],
)
def test_large_batches_split_across_cores_give_the_row_by_row_values(name, params):
    # 5,000 rows are split into tasks of 1,024 rows run in parallel; the values must be
    # those of small serial calls, bit for bit, and an error must name its row in the
    # whole batch.
    p = vf.problems.get(name, **params)
    x = p.xl + (p.xu - p.xl) * np.random.default_rng(7).random((5000, p.n_var))
    whole = p.evaluate(x)
    parts = [p.evaluate(x[i : i + 100]) for i in range(0, 5000, 100)]
    if p.n_constr:
        np.testing.assert_array_equal(whole[0], np.vstack([f for f, _ in parts]))
        np.testing.assert_array_equal(whole[1], np.vstack([g for _, g in parts]))
    else:
        np.testing.assert_array_equal(whole, np.vstack(parts))
    bad = x.copy()
    bad[3000, 0] = p.xu[0] + 1.0
    with pytest.raises(ValueError, match="row 3000, variable 0"):
        p.evaluate(bad)
