"""Quality of NSGA-III: vilfredo against pymoo on DTLZ1-4, many seeds.

Setting: 3 objectives, pymoo's default sizes (DTLZ1: 7 variables, DTLZ2-4: 12), the 91
Das-Dennis directions of 12 divisions, population 92, 400 generations in pymoo's count,
each peer with its NSGA-III defaults (SBX eta 30 / probability 1, polynomial mutation
eta 20 / 1/n_var) and its own problem implementation; seeds 1..SEEDS (21 by default).

Measure: the hypervolume of the non-dominated set of the final population (for both
peers: pymoo's `res.F` is a subset chosen near the directions, so its population is
filtered instead), with the objectives divided by the nadir of the true front (0.5 for
DTLZ1, 1 for DTLZ2-4) and the reference point (1.1, 1.1, 1.1); the best reachable values
are about 1.331 - 1/6 = 1.164 (linear front) and 1.331 - pi/6 = 0.807 (spherical fronts).
Reported: median and interquartile range per peer, and the two-sided Mann-Whitney U
p-value (scipy.stats.mannwhitneyu) for equal distributions.

    python3 bench/quality_nsga3.py [SEEDS]
"""

import sys
import time

import numpy as np
from scipy.stats import mannwhitneyu

import vilfredo as vf

N_GEN = 400
REF = np.array([1.1, 1.1, 1.1])
PROBLEMS = {"dtlz1": (7, 0.5), "dtlz2": (12, 1.0), "dtlz3": (12, 1.0), "dtlz4": (12, 1.0)}


def ref_dirs():
    from pymoo.util.ref_dirs import get_reference_directions

    return get_reference_directions("das-dennis", 3, n_partitions=12)


def hv(f, nadir):
    f = np.ascontiguousarray(f, dtype=float) / nadir
    f = f[vf.is_non_dominated(f)]
    return vf.hypervolume(f, REF)


def run_vilfredo(name, n_var, seed, rd):
    res = vf.minimize(vf.problems.get(name, n_obj=3, n_var=n_var), "nsga3", ref_dirs=rd, n_gen=N_GEN, seed=seed)
    return res.F


def run_pymoo(name, n_var, seed, rd):
    from pymoo.algorithms.moo.nsga3 import NSGA3
    from pymoo.optimize import minimize
    from pymoo.problems import get_problem

    res = minimize(get_problem(name, n_var=n_var, n_obj=3), NSGA3(ref_dirs=rd, pop_size=92), ("n_gen", N_GEN), seed=seed)
    return res.pop.get("F")


def main() -> None:
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    rd = ref_dirs()
    print(f"NSGA-III, 3 objectives, 91 directions, population 92, {N_GEN} generations, {seeds} seeds")
    print("HV of the final non-dominated set, objectives / true nadir, reference (1.1, 1.1, 1.1)")
    print()
    print("| problem | vilfredo median [IQR] | pymoo median [IQR] | Mann-Whitney p | time vilfredo / pymoo (s) |")
    print("|---|---|---|---|---|")
    for name, (n_var, nadir) in PROBLEMS.items():
        out = {}
        for peer, fn in {"vilfredo": run_vilfredo, "pymoo": run_pymoo}.items():
            t = time.perf_counter()
            out[peer] = [hv(fn(name, n_var, s, rd), nadir) for s in range(1, seeds + 1)]
            out[peer + "_t"] = time.perf_counter() - t
        a, b = np.array(out["vilfredo"]), np.array(out["pymoo"])
        p = mannwhitneyu(a, b, alternative="two-sided").pvalue

        def cell(v):
            q1, q2, q3 = np.percentile(v, [25, 50, 75])
            return f"{q2:.5f} [{q1:.5f}, {q3:.5f}]"

        print(f"| {name} | {cell(a)} | {cell(b)} | {p:.3g} | {out['vilfredo_t']:.1f} / {out['pymoo_t']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
