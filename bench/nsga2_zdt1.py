"""NSGA-II on ZDT1 side by side: vilfredo, pygmo and pymoo in one process.

The setting of the shared peer harness (shared/bench/algos.py): ZDT1 with 30 variables,
population 100, 250 generations in pymoo's count (25,000 evaluations), SBX (eta 15,
probability 0.9) and polynomial mutation (eta 20, probability 1/n_var) - the defaults of
all three. Each peer evaluates its own ZDT1 implementation (vilfredo: Rust, pygmo: C++,
pymoo: vectorised numpy). One warm-up run, then seeds 1..RUNS; the table gives the median
wall time of the optimisation call and the median hypervolume of the final non-dominated
set (reference 1.1, 1.1, computed by vilfredo for every peer).

    python3 bench/nsga2_zdt1.py [RUNS]
"""

import statistics
import sys
import time

import numpy as np

import vilfredo as vf

REF = np.array([1.1, 1.1])


def run_vilfredo(seed):
    problem = vf.problems.get("zdt1")
    t = time.perf_counter()
    res = vf.minimize(problem, "nsga2", pop_size=100, n_gen=250, seed=seed)
    return time.perf_counter() - t, res.F


def run_pygmo(seed):
    import pygmo

    prob = pygmo.problem(pygmo.zdt(1, 30))
    algo = pygmo.algorithm(pygmo.nsga2(gen=250, seed=seed))
    pop = pygmo.population(prob, size=100, seed=seed)
    t = time.perf_counter()
    pop = algo.evolve(pop)
    elapsed = time.perf_counter() - t
    f = pop.get_f()
    return elapsed, f[vf.is_non_dominated(f)]


def run_pymoo(seed):
    from pymoo.algorithms.moo.nsga2 import NSGA2
    from pymoo.optimize import minimize
    from pymoo.problems import get_problem

    t = time.perf_counter()
    res = minimize(get_problem("zdt1"), NSGA2(pop_size=100), ("n_gen", 250), seed=seed)
    elapsed = time.perf_counter() - t
    return elapsed, res.F


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    peers = {"vilfredo": run_vilfredo, "pygmo": run_pygmo, "pymoo": run_pymoo}
    rows = []
    for name, fn in peers.items():
        try:
            fn(0)
        except ImportError:
            rows.append((name, None, None))
            continue
        times, hvs = [], []
        for seed in range(1, runs + 1):
            elapsed, front = fn(seed)
            times.append(elapsed)
            hvs.append(vf.hypervolume(np.ascontiguousarray(front, dtype=float), REF))
        rows.append((name, statistics.median(times), statistics.median(hvs)))
    base = next(t for n, t, _ in rows if n == "vilfredo")
    print(f"NSGA-II on ZDT1 (30 variables, population 100, 250 generations), median of {runs} runs")
    print()
    print("| peer | median time | median HV | time / vilfredo |")
    print("|---|---|---|---|")
    for name, t, hv in rows:
        if t is None:
            print(f"| {name} | not installed | | |")
        else:
            print(f"| {name} | {t * 1e3:.1f} ms | {hv:.5f} | {t / base:.1f}x |")


if __name__ == "__main__":
    main()
