"""The package's surface: names, docstrings and their examples, known values."""

import doctest
import threading

import numpy as np
import pytest

import vilfredo as vf

FUNCTIONS = [
    "hypervolume",
    "hv_contributions",
    "hypervolume_approx",
    "is_non_dominated",
    "pareto_rank",
    "crowding_distance",
    "igd",
    "igd_plus",
    "gd",
    "gd_plus",
    "epsilon_additive",
    "epsilon_multiplicative",
]


def test_public_names():
    assert set(FUNCTIONS) <= set(vf.__all__)
    assert isinstance(vf.__version__, str) and vf.__version__


@pytest.mark.parametrize("name", FUNCTIONS)
def test_docstring_has_definition_and_example(name):
    doc = getattr(vf, name).__doc__
    assert doc and len(doc) > 200, name
    assert "Examples" in doc and ">>>" in doc, name


def test_help_says_what_hypervolume_computes():
    doc = vf.hypervolume.__doc__
    assert "Lebesgue measure" in doc and "reference point" in doc
    assert vf.hypervolume.__text_signature__ == "(points, ref)"


@pytest.mark.parametrize("name", FUNCTIONS)
def test_docstring_examples_run(name):
    fn = getattr(vf, name)
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(fn, name, globs={}):
        runner.run(test)
    assert runner.failures == 0, f"{name}: {runner.failures} docstring example(s) failed"
    assert runner.tries > 0


def test_hypervolume_known_values():
    # Two boxes of area 2 overlapping in a unit square.
    assert vf.hypervolume([[1, 2], [2, 1]], [3, 3]) == 3.0
    # A point on the reference point's boundary adds nothing.
    assert vf.hypervolume([[1, 2], [3, 0]], [3, 3]) == 2.0
    # 3-D unit cube at the origin.
    assert vf.hypervolume([[0, 0, 0]], [1, 1, 1]) == 1.0


def test_contributions_of_duplicates_are_zero():
    out = vf.hv_contributions([[1, 2], [2, 1], [2, 1]], [3, 3])
    np.testing.assert_array_equal(out, [1.0, 0.0, 0.0])


def test_ranks_and_mask_known_values():
    pts = [[1, 2], [2, 1], [2, 2], [1, 2], [3, 3]]
    np.testing.assert_array_equal(vf.pareto_rank(pts), [0, 0, 1, 0, 2])
    np.testing.assert_array_equal(vf.is_non_dominated(pts), [True, True, False, True, False])


def test_hypervolume_approx_estimate():
    pts = np.array([[1.0, 2.0], [2.0, 1.0]])
    est = vf.hypervolume_approx(pts, [3.0, 3.0], samples=200_000, seed=1)
    value, lower, upper = est
    assert (value, lower, upper) == (est.value, est.lower, est.upper)
    assert lower <= value <= upper
    assert lower <= 3.0 <= upper
    assert abs(value - 3.0) < 0.05
    again = vf.hypervolume_approx(pts, [3.0, 3.0], samples=200_000, seed=1)
    assert tuple(again) == tuple(est)
    assert repr(est).startswith("HvEstimate(value=")
    assert len(est) == 3 and est[0] == value and est[-1] == upper


def test_hv_estimate_class():
    est = vf.HvEstimate(1.5, 1.0, 2.0)
    assert tuple(est) == (1.5, 1.0, 2.0)
    assert repr(est) == "HvEstimate(value=1.5, lower=1.0, upper=2.0)"
    with pytest.raises(IndexError):
        est[3]
    with pytest.raises(AttributeError):
        est.value = 2.0


def test_threads_get_the_same_answers():
    # The GIL is released around kernels: concurrent calls must not interfere.
    rng = np.random.default_rng(0)
    sets = [rng.random((300, 3)) for _ in range(4)]
    expected = [vf.pareto_rank(s) for s in sets]
    results = [None] * len(sets)

    def work(i):
        results[i] = vf.pareto_rank(sets[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(sets))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for got, want in zip(results, expected):
        np.testing.assert_array_equal(got, want)


def test_stubs_match_the_module():
    import ast
    import pathlib

    from vilfredo import _vilfredo

    stub = pathlib.Path(vf.__file__).with_name("_vilfredo.pyi")
    assert stub.with_name("py.typed").exists()
    tree = ast.parse(stub.read_text())
    names = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    names |= {n.target.id for n in tree.body if isinstance(n, ast.AnnAssign)}
    public = {n for n in dir(_vilfredo) if not n.startswith("__") or n == "__version__"}
    assert names == public
    for fn in tree.body:
        if isinstance(fn, ast.FunctionDef) and not fn.name.startswith("_"):
            params = [a.arg for a in fn.args.args + fn.args.kwonlyargs]
            sig = getattr(_vilfredo, fn.name).__text_signature__
            assert sig == "(" + ", ".join(_text_params(fn)) + ")", fn.name
            assert params or fn.name == "list_problems"


def _text_params(fn):
    """The stub's parameters written like a `__text_signature__`."""
    import ast

    out = [a.arg for a in fn.args.args]
    if fn.args.kwonlyargs:
        out.append("*")
        for a, d in zip(fn.args.kwonlyargs, fn.args.kw_defaults):
            out.append(f"{a.arg}={ast.unparse(d)}" if d is not None else a.arg)
    if fn.args.kwarg:
        out.append("**" + fn.args.kwarg.arg)
    return out
