"""Solution quality side by side: vilfredo against pymoo on the ZDT suite.

For each problem and seed, both libraries run the same algorithm with the same budget and
the same operators (SBX eta 15, probability 0.9; polynomial mutation eta 20, probability
1/n_var; pymoo's defaults and vilfredo's), each on its own implementation of the problem.
The final non-dominated set of each run is measured by its hypervolume, computed by
moocore (an oracle independent of both). The table gives, per problem, the median and
interquartile range over the seeds and the two-sided Mann-Whitney U p-value of "same
distribution" (scipy's when available, otherwise the normal approximation with tie
correction implemented below).

- NSGA-II: ZDT1, ZDT2, ZDT3, ZDT4, ZDT6 (30 variables for ZDT1-3, 10 for ZDT4 and ZDT6,
  pymoo's sizes), population 100, 250 generations in pymoo's count (25,000 evaluations).
- SMS-EMOA: ZDT1-3, population 100, 10,000 evaluations (SMS-EMOA is slower per
  evaluation, so a smaller budget). vilfredo's is the steady-state (mu + 1) algorithm of
  Beume, Naujoks & Emmerich (2007), one offspring per generation; pymoo's makes 100
  offspring per generation and removes the least contributors one at a time.

- SPEA2: ZDT1-3, population and archive 100, 100 generations (10,000 evaluations);
  vilfredo's follows the paper (no normalisation, k-th neighbour) except that its mating
  tournaments draw competitors from permutations of the archive, as pymoo's do; pymoo's
  also normalises the objectives and gives the members nearest the extreme points the
  best mating fitness.

Reference point (1.1, 1.1) for every problem; for ZDT3, whose front reaches f2 = -0.77,
the same (1.1, 1.1) is used (every point of its front dominates it).

Runs are cached in a JSON file (one entry per algorithm, library, problem and seed), so an
interrupted benchmark continues where it stopped:

    PYTHONPATH=/tmp/moea-more-py python3 bench/quality_zdt.py run [--seeds 21] [--cache FILE]
    python3 bench/quality_zdt.py table [--cache FILE[,FILE...]]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time

import numpy as np

REF = np.array([1.1, 1.1])
NSGA2_PROBLEMS = ["zdt1", "zdt2", "zdt3", "zdt4", "zdt6"]
SMS_PROBLEMS = ["zdt1", "zdt2", "zdt3"]
POP = 100
NSGA2_GEN = 250
SMS_EVALS = 10_000
SPEA2_GEN = 100


def hypervolume(front: np.ndarray) -> float:
    import moocore

    front = np.asarray(front, dtype=float)
    inside = front[np.all(front < REF, axis=1)]
    if len(inside) == 0:
        return 0.0
    return float(moocore.hypervolume(inside, ref=REF))


def vilfredo_run(alg: str, problem: str, seed: int) -> np.ndarray:
    import vilfredo as vf

    p = vf.problems.get(problem)
    if alg == "nsga2":
        res = vf.minimize(p, "nsga2", pop_size=POP, n_gen=NSGA2_GEN, seed=seed)
    elif alg == "spea2":
        res = vf.minimize(p, "spea2", pop_size=POP, n_gen=SPEA2_GEN, seed=seed)
    else:
        res = vf.minimize(p, "sms-emoa", pop_size=POP, n_eval=SMS_EVALS, seed=seed)
    return res.F


def pymoo_run(alg: str, problem: str, seed: int) -> np.ndarray:
    from pymoo.algorithms.moo.nsga2 import NSGA2
    from pymoo.algorithms.moo.sms import SMSEMOA
    from pymoo.algorithms.moo.spea2 import SPEA2
    from pymoo.optimize import minimize
    from pymoo.problems import get_problem

    p = get_problem(problem)
    if alg == "nsga2":
        res = minimize(p, NSGA2(pop_size=POP), ("n_gen", NSGA2_GEN), seed=seed)
    elif alg == "spea2":
        res = minimize(p, SPEA2(pop_size=POP), ("n_gen", SPEA2_GEN), seed=seed)
    else:
        res = minimize(p, SMSEMOA(pop_size=POP), ("n_eval", SMS_EVALS), seed=seed)
    return res.F


def jobs(seeds: int):
    for alg, problems in (
        ("nsga2", NSGA2_PROBLEMS),
        ("sms-emoa", SMS_PROBLEMS),
        ("spea2", SMS_PROBLEMS),
    ):
        for lib in ("vilfredo", "pymoo"):
            for problem in problems:
                for seed in range(1, seeds + 1):
                    yield alg, lib, problem, seed


def load(path: str) -> dict:
    if os.path.exists(path):
        with open(path) as fh:
            return json.load(fh)
    return {}


def run(args) -> None:
    cache = load(args.cache)
    for alg, lib, problem, seed in jobs(args.seeds):
        if args.alg and alg != args.alg:
            continue
        if args.lib and lib != args.lib:
            continue
        key = f"{alg}/{lib}/{problem}/{seed}"
        if key in cache:
            continue
        t = time.perf_counter()
        front = (vilfredo_run if lib == "vilfredo" else pymoo_run)(alg, problem, seed)
        elapsed = time.perf_counter() - t
        cache = load(args.cache)
        cache[key] = {"hv": hypervolume(front), "n": len(front), "seconds": elapsed}
        tmp = args.cache + ".tmp"
        with open(tmp, "w") as fh:
            json.dump(cache, fh, indent=0, sort_keys=True)
        os.replace(tmp, args.cache)
        print(f"{key}: hv {cache[key]['hv']:.6f} in {elapsed:.1f} s", flush=True)


def mann_whitney(a: list[float], b: list[float]) -> float:
    """Two-sided Mann-Whitney U p-value (scipy's if installed)."""
    try:
        from scipy.stats import mannwhitneyu

        return float(mannwhitneyu(a, b, alternative="two-sided").pvalue)
    except ImportError:
        pass
    # Normal approximation with tie correction and continuity correction.
    both = sorted((v, k) for k, xs in enumerate((a, b)) for v in xs)
    ranks = [0.0] * len(both)
    i = 0
    ties = 0.0
    while i < len(both):
        j = i
        while j + 1 < len(both) and both[j + 1][0] == both[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2 + 1
        t = j - i + 1
        ties += t**3 - t
        i = j + 1
    n1, n2 = len(a), len(b)
    r1 = sum(r for r, (_, k) in zip(ranks, both) if k == 0)
    u = r1 - n1 * (n1 + 1) / 2
    mu = n1 * n2 / 2
    n = n1 + n2
    sigma = math.sqrt(n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1))))
    if sigma == 0:
        return 1.0
    z = (abs(u - mu) - 0.5) / sigma
    return math.erfc(z / math.sqrt(2))


def quartiles(xs: list[float]) -> tuple[float, float, float]:
    q = np.percentile(xs, [25, 50, 75])
    return float(q[0]), float(q[1]), float(q[2])


def table(args) -> None:
    cache = {}
    for path in args.cache.split(","):
        cache.update(load(path))
    for alg, problems, budget in (
        ("nsga2", NSGA2_PROBLEMS, f"population {POP}, {NSGA2_GEN} generations"),
        ("sms-emoa", SMS_PROBLEMS, f"population {POP}, {SMS_EVALS} evaluations"),
        ("spea2", SMS_PROBLEMS, f"population and archive {POP}, {SPEA2_GEN} generations"),
    ):
        print(f"### {alg.upper()} ({budget}), hypervolume at reference (1.1, 1.1)")
        print()
        print("| problem | vilfredo median (IQR) | pymoo median (IQR) | runs | Mann-Whitney p |")
        print("|---|---|---|---|---|")
        for problem in problems:
            hv = {}
            for lib in ("vilfredo", "pymoo"):
                hv[lib] = [
                    v["hv"]
                    for k, v in cache.items()
                    if k.startswith(f"{alg}/{lib}/{problem}/")
                ]
            if not hv["vilfredo"] or not hv["pymoo"]:
                print(f"| {problem} | (not run) | | | |")
                continue
            cells = []
            for lib in ("vilfredo", "pymoo"):
                q1, med, q3 = quartiles(hv[lib])
                cells.append(f"{med:.4f} ({q3 - q1:.4f})")
            p = mann_whitney(hv["vilfredo"], hv["pymoo"])
            runs = f"{len(hv['vilfredo'])} / {len(hv['pymoo'])}"
            print(f"| {problem} | {cells[0]} | {cells[1]} | {runs} | {p:.3g} |")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["run", "table"])
    parser.add_argument("--seeds", type=int, default=21)
    parser.add_argument(
        "--cache", default="/tmp/quality_zdt.json", help="JSON file (table: comma-separated list)"
    )
    parser.add_argument("--alg", choices=["nsga2", "sms-emoa", "spea2"])
    parser.add_argument("--lib", choices=["vilfredo", "pymoo"])
    args = parser.parse_args()
    if args.command == "run":
        run(args)
    else:
        table(args)


if __name__ == "__main__":
    sys.exit(main())
