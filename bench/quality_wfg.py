"""Quality on WFG1-9 with 3 objectives: vilfredo against pymoo, NSGA-III and NSGA-II.

Instance: pymoo's WFG with 3 objectives, k = 4 position variables (pymoo's default
2 (M - 1)) and l = 20 distance variables, n_var = 24, the same on both sides (vilfredo's
registry takes pymoo's names: ``vf.problems.get("wfg4", n_var=24, n_obj=3, k=4)``).

Algorithms, each peer with its own defaults for the operators, which are the same:
- NSGA-III: the 91 Das-Dennis directions of 12 divisions, population 92, SBX eta 30 /
  probability 1, polynomial mutation eta 20 / 1/n_var;
- NSGA-II: population 100, SBX eta 15 / probability 0.9, polynomial mutation eta 20 /
  1/n_var.
Budget: N_GEN generations in pymoo's count for both (see BENCHMARKS.md for the choice).

Measure: the hypervolume of the non-dominated set of the final population (pymoo's
population too, not its ``res.F`` subset), with objective i divided by the nadir of the
true WFG front, 2i, i.e. (2, 4, 6), and the reference point (1.1, 1.1, 1.1); computed by
vilfredo's kernel. Reported: median and interquartile range per peer and the two-sided
Mann-Whitney U p-value (``scipy.stats.mannwhitneyu``) for equal distributions.

Runs (final objective vectors) are cached in a JSON file, one entry per algorithm,
generations, library, problem and seed, run in seed-major order, so an interrupted
benchmark continues where it stopped and a partial cache still covers every problem; the
table computes the hypervolumes from the cache:

    PYTHONPATH=<the package> nice python3 bench/quality_wfg.py run [--seeds 21] [--lib pymoo] [--cache FILE]
    PYTHONPATH=<the package> python3 bench/quality_wfg.py table [--seeds 21] [--cache FILE[,FILE...]]
    (--alg nsga2|nsga3 and --problems wfg1,wfg6 restrict both commands; the table uses
    seeds 1..--seeds of the cache)
    (WFG_N_GEN=<generations> in the environment changes the budget, default 100)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import numpy as np

N_GEN = int(os.environ.get("WFG_N_GEN", "100"))
N_VAR, K = 24, 4
NADIR = np.array([2.0, 4.0, 6.0])
REF = np.array([1.1, 1.1, 1.1])
PROBLEMS = [f"wfg{i}" for i in range(1, 10)]
ALGS = ["nsga3", "nsga2"]


def ref_dirs():
    from pymoo.util.ref_dirs import get_reference_directions

    return get_reference_directions("das-dennis", 3, n_partitions=12)


def hypervolume(f) -> float:
    import vilfredo as vf

    f = np.ascontiguousarray(f, dtype=float) / NADIR
    f = f[np.all(f < REF, axis=1)]
    if len(f) == 0:
        return 0.0
    f = np.ascontiguousarray(f[vf.is_non_dominated(f)])
    return float(vf.hypervolume(f, REF))


def vilfredo_run(alg, name, seed, rd):
    import vilfredo as vf

    p = vf.problems.get(name, n_var=N_VAR, n_obj=3, k=K)
    if alg == "nsga3":
        res = vf.minimize(p, "nsga3", ref_dirs=rd, n_gen=N_GEN, seed=seed)
    else:
        res = vf.minimize(p, "nsga2", pop_size=100, n_gen=N_GEN, seed=seed)
    return res.F


def pymoo_run(alg, name, seed, rd):
    from pymoo.algorithms.moo.nsga2 import NSGA2
    from pymoo.algorithms.moo.nsga3 import NSGA3
    from pymoo.optimize import minimize
    from pymoo.problems import get_problem

    p = get_problem(name, n_var=N_VAR, n_obj=3, k=K)
    algorithm = NSGA3(ref_dirs=rd, pop_size=92) if alg == "nsga3" else NSGA2(pop_size=100)
    res = minimize(p, algorithm, ("n_gen", N_GEN), seed=seed)
    return res.pop.get("F")


def load(path):
    if os.path.exists(path):
        with open(path) as fh:
            return json.load(fh)
    return {}


def run(args) -> None:
    rd = ref_dirs()
    cache = load(args.cache)
    for seed in range(1, args.seeds + 1):
        for alg in args.alg or ALGS:
            for name in args.problems:
                for lib in args.lib or ("vilfredo", "pymoo"):
                    key = f"{alg}/{N_GEN}/{lib}/{name}/{seed}"
                    if key in cache:
                        continue
                    t = time.perf_counter()
                    f = (vilfredo_run if lib == "vilfredo" else pymoo_run)(alg, name, seed, rd)
                    elapsed = time.perf_counter() - t
                    cache = load(args.cache)
                    cache[key] = {"F": np.asarray(f, dtype=float).tolist(), "seconds": elapsed}
                    tmp = args.cache + ".tmp"
                    with open(tmp, "w") as fh:
                        json.dump(cache, fh, indent=0, sort_keys=True)
                    os.replace(tmp, args.cache)
                    print(f"{key}: {len(f)} points in {elapsed:.1f} s", flush=True)


def table(args) -> None:
    from scipy.stats import mannwhitneyu

    cache = {}
    for path in args.cache.split(","):
        cache.update(load(path))

    def cell(v):
        q1, q2, q3 = np.percentile(v, [25, 50, 75])
        return f"{q2:.4f} [{q1:.4f}, {q3:.4f}]"

    for alg in args.alg or ALGS:
        label = "NSGA-III (91 directions, population 92)" if alg == "nsga3" else "NSGA-II (population 100)"
        print(f"#### {label}, {N_GEN} generations")
        print()
        print("| problem | vilfredo median [IQR] | pymoo median [IQR] | runs | Mann–Whitney p | verdict | time vilfredo / pymoo (s) |")
        print("|---|---|---|---|---|---|---|")
        for name in args.problems:
            hv, secs = {}, {}
            for lib in ("vilfredo", "pymoo"):
                keys = (f"{alg}/{N_GEN}/{lib}/{name}/{seed}" for seed in range(1, args.seeds + 1))
                rows = [cache[k] for k in keys if k in cache]
                hv[lib] = np.array([hypervolume(r["F"]) for r in rows])
                secs[lib] = sum(r["seconds"] for r in rows)
            if len(hv["vilfredo"]) == 0 or len(hv["pymoo"]) == 0:
                print(f"| {name} | (not run) | | | | | |")
                continue
            a, b = hv["vilfredo"], hv["pymoo"]
            p = float(mannwhitneyu(a, b, alternative="two-sided").pvalue)
            if p >= 0.05:
                verdict = "no significant difference"
            elif np.median(a) < np.median(b):
                verdict = "**vilfredo worse**"
            else:
                verdict = "vilfredo better"
            print(
                f"| {name} | {cell(a)} | {cell(b)} | {len(a)} / {len(b)} | {p:.3g} | {verdict} "
                f"| {secs['vilfredo']:.1f} / {secs['pymoo']:.1f} |"
            )
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["run", "table"])
    parser.add_argument("--seeds", type=int, default=21)
    parser.add_argument("--cache", default="/tmp/quality_wfg.json", help="JSON file (table: comma-separated list)")
    parser.add_argument("--lib", action="append", choices=["vilfredo", "pymoo"], help="run only this peer")
    parser.add_argument("--alg", action="append", choices=ALGS, help="only this algorithm")
    parser.add_argument("--problems", default=",".join(PROBLEMS), help="comma-separated subset of wfg1..wfg9")
    args = parser.parse_args()
    args.problems = args.problems.split(",")
    unknown = sorted(set(args.problems) - set(PROBLEMS))
    if unknown:
        parser.error(f"unknown problems {unknown}; choose among {PROBLEMS}")
    if args.command == "run":
        run(args)
    else:
        table(args)


if __name__ == "__main__":
    sys.exit(main())
