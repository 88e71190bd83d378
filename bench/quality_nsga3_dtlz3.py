"""NSGA-III on DTLZ3: how often a run misses the reference box, vilfredo against pymoo.

Same setting as bench/quality_nsga3.py (3 objectives, 12 variables, the 91 Das-Dennis
directions of 12 divisions, population 92, 400 generations in pymoo's count, each peer's
NSGA-III defaults, hypervolume of the final population's non-dominated set at reference
(1.1, 1.1, 1.1)), over more seeds. At 400 generations a DTLZ3 run has either reached the
box (HV around 0.6-0.75) or not (HV exactly 0), so besides the Mann-Whitney U test on
the hypervolumes this reports the number of zero runs per peer and the two-sided Fisher
exact test on that 2x2 table (scipy.stats.fisher_exact).

Runs are cached (one JSON entry per peer and seed), so the two peers can run separately:

    PYTHONPATH=<vilfredo install> python3 bench/quality_nsga3_dtlz3.py run --lib vilfredo --seeds 41 --cache vf.json
    python3 bench/quality_nsga3_dtlz3.py run --lib pymoo --seeds 41 --cache pymoo.json
    python3 bench/quality_nsga3_dtlz3.py table --seeds 41 --cache vf.json,pymoo.json

(`table` uses seeds 1..--seeds of the cache.)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import numpy as np

N_GEN = 400
N_VAR = 12
REF = np.array([1.1, 1.1, 1.1])


def ref_dirs():
    from pymoo.util.ref_dirs import get_reference_directions

    return get_reference_directions("das-dennis", 3, n_partitions=12)


def hv(f) -> float:
    import moocore

    f = np.asarray(f, dtype=float)
    f = f[moocore.is_nondominated(f)]
    f = f[np.all(f < REF, axis=1)]
    return float(moocore.hypervolume(f, ref=REF)) if len(f) else 0.0


def run_vilfredo(seed, rd):
    import vilfredo as vf

    p = vf.problems.get("dtlz3", n_obj=3, n_var=N_VAR)
    return vf.minimize(p, "nsga3", ref_dirs=rd, n_gen=N_GEN, seed=seed).F


def run_pymoo(seed, rd):
    from pymoo.algorithms.moo.nsga3 import NSGA3
    from pymoo.optimize import minimize
    from pymoo.problems import get_problem

    p = get_problem("dtlz3", n_var=N_VAR, n_obj=3)
    return minimize(p, NSGA3(ref_dirs=rd, pop_size=92), ("n_gen", N_GEN), seed=seed).pop.get("F")


def load(path: str) -> dict:
    if os.path.exists(path):
        with open(path) as fh:
            return json.load(fh)
    return {}


def run(args) -> None:
    rd = ref_dirs()
    fn = run_vilfredo if args.lib == "vilfredo" else run_pymoo
    for seed in range(1, args.seeds + 1):
        key = f"{args.lib}/{seed}"
        cache = load(args.cache)
        if key in cache:
            continue
        t = time.perf_counter()
        value = hv(fn(seed, rd))
        cache[key] = {"hv": value, "seconds": time.perf_counter() - t}
        with open(args.cache + ".tmp", "w") as fh:
            json.dump(cache, fh, indent=0, sort_keys=True)
        os.replace(args.cache + ".tmp", args.cache)
        print(f"{key}: hv {value:.5f}", flush=True)


def table(args) -> None:
    from scipy.stats import fisher_exact, mannwhitneyu

    cache = {}
    for path in args.cache.split(","):
        cache.update(load(path))
    hvs = {
        lib: np.array([cache[f"{lib}/{s}"]["hv"] for s in range(1, args.seeds + 1) if f"{lib}/{s}" in cache])
        for lib in ("vilfredo", "pymoo")
    }
    print("| peer | runs | zero-HV runs | median [IQR] HV | median HV of the non-zero runs |")
    print("|---|---|---|---|---|")
    for lib, v in hvs.items():
        q1, q2, q3 = np.percentile(v, [25, 50, 75])
        nz = v[v > 0]
        med_nz = f"{np.median(nz):.5f}" if len(nz) else "-"
        print(f"| {lib} | {len(v)} | {int((v == 0).sum())} | {q2:.5f} [{q1:.5f}, {q3:.5f}] | {med_nz} |")
    a, b = hvs["vilfredo"], hvs["pymoo"]
    zeros = [[int((a == 0).sum()), int((a > 0).sum())], [int((b == 0).sum()), int((b > 0).sum())]]
    print()
    print(f"Fisher exact (two-sided) on zero counts {zeros}: p = {fisher_exact(zeros).pvalue:.3g}")
    print(f"Mann-Whitney U (two-sided) on HV: p = {mannwhitneyu(a, b, alternative='two-sided').pvalue:.3g}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["run", "table"])
    parser.add_argument("--lib", choices=["vilfredo", "pymoo"])
    parser.add_argument("--seeds", type=int, default=41)
    parser.add_argument("--cache", default="/tmp/quality_nsga3_dtlz3.json")
    args = parser.parse_args()
    if args.command == "run":
        run(args)
    else:
        table(args)


if __name__ == "__main__":
    sys.exit(main())
