"""NSGA-III on DTLZ2 side by side: vilfredo and pymoo in one process.

DTLZ2 with 3 objectives and 12 variables, the 91 Das-Dennis directions of 12 divisions,
population 92 (Deb & Jain 2014, Table I), 400 generations in pymoo's count (36,800
evaluations), SBX (eta 30, probability 1) and polynomial mutation (eta 20, probability
1/n_var) - pymoo's NSGA3 defaults, which vilfredo's Nsga3Config::default() follows. Each
peer evaluates its own DTLZ2 (vilfredo: Rust, pymoo: vectorised numpy). One warm-up run,
then seeds 1..RUNS; the table gives the median wall time of the optimisation call and the
median IGD of the result against the 91 directions projected on the unit sphere.

    python3 bench/nsga3_dtlz2.py [RUNS]
"""

import statistics
import sys
import time

import numpy as np

import vilfredo as vf

N_GEN = 400


def ref_dirs():
    from pymoo.util.ref_dirs import get_reference_directions

    return get_reference_directions("das-dennis", 3, n_partitions=12)


def igd(points, front):
    d = np.linalg.norm(front[:, None, :] - points[None, :, :], axis=2)
    return float(d.min(axis=1).mean())


def run_vilfredo(seed, rd):
    problem = vf.problems.get("dtlz2", n_obj=3, n_var=12)
    t = time.perf_counter()
    res = vf.minimize(problem, "nsga3", ref_dirs=rd, n_gen=N_GEN, seed=seed)
    return time.perf_counter() - t, res.F


def run_pymoo(seed, rd):
    from pymoo.algorithms.moo.nsga3 import NSGA3
    from pymoo.optimize import minimize
    from pymoo.problems import get_problem

    problem = get_problem("dtlz2", n_var=12, n_obj=3)
    t = time.perf_counter()
    res = minimize(problem, NSGA3(ref_dirs=rd, pop_size=92), ("n_gen", N_GEN), seed=seed)
    return time.perf_counter() - t, res.F


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rd = ref_dirs()
    front = rd / np.linalg.norm(rd, axis=1)[:, None]
    rows = []
    for name, fn in {"vilfredo": run_vilfredo, "pymoo": run_pymoo}.items():
        fn(0, rd)
        times, igds = [], []
        for seed in range(1, runs + 1):
            elapsed, f = fn(seed, rd)
            times.append(elapsed)
            igds.append(igd(f, front))
        rows.append((name, statistics.median(times), statistics.median(igds)))
    base = rows[0][1]
    print(f"NSGA-III on DTLZ2 (3 objectives, 12 variables, 91 directions, population 92, "
          f"{N_GEN} generations), median of {runs} runs")
    print()
    print("| peer | median time | median IGD | time / vilfredo |")
    print("|---|---|---|---|")
    for name, t, v in rows:
        print(f"| {name} | {t * 1e3:.1f} ms | {v:.5f} | {t / base:.1f}x |")


if __name__ == "__main__":
    main()
