"""NSGA-II with offspring from a Python callable (``minimize(..., operator=f)``)."""

from __future__ import annotations

import numpy as np
import pytest

import vilfredo as vf


class Midpoints:
    """Children are midpoints of the mating pairs, the second of each shifted by 0.01."""

    def __init__(self):
        self.calls = []

    def __call__(self, parents, values, n_offspring, generation):
        assert parents.dtype == np.float64 and values.shape == (parents.shape[0], 2)
        self.calls.append((parents.copy(), n_offspring, generation))
        a, b = parents[0::2], parents[1::2]
        mid = (a + b) / 2
        second = mid.copy()
        second[:, 0] += 0.01
        kids = np.empty((2 * len(mid), parents.shape[1]))
        kids[0::2], kids[1::2] = mid, second
        return kids[:n_offspring]


def run(op, seed=3):
    return vf.minimize(
        vf.problems.get("zdt1", n_var=5), "nsga2", pop_size=12, n_gen=6, seed=seed, operator=op
    )


def test_the_callable_makes_every_generations_offspring():
    op = Midpoints()
    res = run(op)
    assert res.n_eval == 72
    gens = [g for _, _, g in op.calls]
    assert gens[0] == 2 and gens[-1] == 6, gens
    # Every evaluated offspring lies between two of the population's vectors, so the
    # final population stays inside the box the initial one spanned.
    assert np.all((res.pop_X >= 0) & (res.pop_X <= 1))
    # A deterministic operator gives a reproducible run, different from SBX/PM.
    again = run(Midpoints())
    np.testing.assert_array_equal(res.F, again.F)
    builtin = vf.minimize(vf.problems.get("zdt1", n_var=5), "nsga2", pop_size=12, n_gen=6, seed=3)
    assert not np.array_equal(np.sort(res.F, axis=0), np.sort(builtin.F, axis=0))


def test_python_problems_take_an_operator_too():
    class Linear:
        n_var, n_obj = 3, 2
        xl, xu = np.zeros(3), np.ones(3)

        def evaluate(self, X):
            return np.column_stack([X[:, 0], 1 - X[:, 0] + X[:, 1:].sum(axis=1)])

    op = Midpoints()
    problem = Linear()
    res = vf.minimize(problem, "nsga2", pop_size=8, n_gen=4, seed=1, operator=op)
    assert res.n_eval == 32 and len(op.calls) >= 3


def test_operator_errors_are_raised_as_they_were():
    def broken(parents, values, n, generation):
        raise RuntimeError("the model is down")

    with pytest.raises(RuntimeError, match="the model is down"):
        run(broken)
    with pytest.raises(ValueError, match="expected at least"):
        run(lambda p, v, n, g: np.zeros((n, 2)))
    with pytest.raises(TypeError, match="callable"):
        run("not a function")
    with pytest.raises(ValueError, match="operator"):
        vf.minimize(
            vf.problems.get("zdt1"), "spea2", pop_size=8, n_gen=2, seed=0, operator=Midpoints()
        )
