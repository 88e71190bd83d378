#!/usr/bin/env python3
"""Evaluations per second of built-in problems: vilfredo against pymoo, on the same X.

For each problem a batch of X (10,000 rows and 100 rows, uniform in the box, seeded) is
evaluated through the Python packages: one warm-up call, then repeated calls until about
--seconds have passed (at least 5), and the median time is reported as evaluations per
second. Objective (and constraint) values are checked to agree before timing.

The 100-row calls cycle through 100 distinct batches (the 10,000 rows cut in 100): calling
with the very same 100 rows again and again lets the branch predictor learn their branches
in the math library, which flattered WFG4 by about 2x in a first version of this script.

    python3 bench/problems_speed.py                  # the table of BENCHMARKS.md
    python3 bench/problems_speed.py --seconds 0.5    # quicker

pymoo has no RE problems; RE37 is compared with jMetalPy when it is importable (its
problems evaluate one solution object at a time), and left out otherwise.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

import numpy as np

import vilfredo as vf

#: (label, vilfredo name and parameters, pymoo name and parameters or None).
CASES = [
    ("ZDT1 (n_var 30)", ("zdt1", {"n_var": 30}), ("zdt1", {"n_var": 30})),
    ("DTLZ2 (m 3, n_var 12)", ("dtlz2", {"n_obj": 3, "n_var": 12}), ("dtlz2", {"n_obj": 3, "n_var": 12})),
    ("WFG4 (m 3, n_var 24)", ("wfg4", {"n_obj": 3, "n_var": 24, "k": 4}), ("wfg4", {"n_obj": 3, "n_var": 24, "k": 4})),
    ("MW7 (n_var 15)", ("mw7", {"n_var": 15}), ("mw7", {"n_var": 15})),
    ("C2-DTLZ2 (m 3, n_var 12)", ("c2dtlz2", {"n_obj": 3, "n_var": 12}), ("c2dtlz2", {"n_obj": 3, "n_var": 12})),
    ("Car side impact", ("carside", {}), ("carside", {})),
    ("RE37", ("re37", {}), None),
]


def timed(fn, seconds: float) -> float:
    """Median seconds of one call, after a warm-up."""
    fn()
    times = []
    start = time.perf_counter()
    while len(times) < 5 or time.perf_counter() - start < seconds:
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def cycling(evaluate, batches):
    """A call that evaluates the next batch each time, round robin."""
    state = {"i": 0}

    def call():
        i = state["i"]
        state["i"] = (i + 1) % len(batches)
        return evaluate(batches[i])

    return call


def jmetal_re37():
    try:
        from jmetal.problem.multiobjective.re import RE37
    except ImportError:
        return None
    problem = RE37()

    def evaluate(X):
        out = np.empty((len(X), 3))
        for i, x in enumerate(X):
            sol = problem.create_solution()
            sol.variables = list(x)
            problem.evaluate(sol)
            out[i] = sol.objectives
        return out

    return evaluate


def jmetal_label() -> str:
    try:
        from importlib.metadata import version

        return f"jMetalPy {version('jmetalpy')}"
    except Exception:  # not installed as a distribution (e.g. a bare --target copy)
        return "jMetalPy"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=2.0, help="time budget per measurement")
    args = ap.parse_args()
    from pymoo.problems import get_problem
    import pymoo

    rows = []
    for label, (name, params), peer in CASES:
        ours = vf.problems.get(name, **params)
        xl, xu = ours.bounds
        rng = np.random.default_rng(12345)
        X_all = xl + rng.random((10_000, ours.n_var)) * (xu - xl)
        for n in (10_000, 100):
            batches = [X_all[i : i + n] for i in range(0, len(X_all), n)]
            X = batches[0]
            if peer is not None:
                theirs = get_problem(peer[0], **peer[1])
                keys = ["F", "G"] if ours.n_constr else ["F"]

                def peer_one(X, theirs=theirs, keys=keys):
                    return theirs.evaluate(X, return_values_of=keys)

                peer_label = f"pymoo {pymoo.__version__}"
            else:
                peer_one = jmetal_re37()
                peer_label = jmetal_label()
            peer_eval = None if peer_one is None else cycling(peer_one, batches)

            got = ours.evaluate(X)
            if peer_one is not None:
                want = peer_one(X)
                got_f = got[0] if ours.n_constr else got
                want_f = want[0] if ours.n_constr else want
                np.testing.assert_allclose(got_f, want_f, rtol=1e-12, atol=1e-13)
            t_ours = timed(cycling(ours.evaluate, batches), args.seconds)
            t_peer = timed(peer_eval, args.seconds) if peer_eval is not None else None
            rows.append((label, n, n / t_ours, peer_label, None if t_peer is None else n / t_peer))
    print(f"Python {platform.python_version()}, numpy {np.__version__}, pymoo {pymoo.__version__}, "
          f"{platform.machine()}; medians of repeated calls after a warm-up\n")
    print("| problem | rows | vilfredo (evals/s) | peer | peer (evals/s) | vilfredo / peer |")
    print("|---|---:|---:|---|---:|---:|")
    for label, n, ours_rate, peer_label, peer_rate in rows:
        if peer_rate is None:
            print(f"| {label} | {n} | {ours_rate:,.0f} | (none) | – | – |")
        else:
            print(f"| {label} | {n} | {ours_rate:,.0f} | {peer_label} | {peer_rate:,.0f} | {ours_rate / peer_rate:.1f}× |")


if __name__ == "__main__":
    main()
