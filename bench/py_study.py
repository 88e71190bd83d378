"""In-process cost of ask/tell from Python: vilfredo's studies against Optuna's.

Both studies are in memory with a seeded random sampler and three objectives
(minimize, minimize, maximize). One "pair" is what an ask/tell user pays per trial:
``ask()``, five ``suggest_float`` calls, one ``suggest_categorical``, ``tell(values)``.
After it, ``best_trials`` is read once (the front of 3 objectives). One warm-up run of
50 pairs, then RUNS repetitions of N pairs on fresh studies; the table gives the median
wall time of a repetition and the time per pair.

A second table times ``vilfredo.optuna.hypervolume_history`` against the computation
behind Optuna's ``plot_hypervolume_history`` on one Optuna study of 2,000 trials whose
points all lie on a simplex (every trial joins the front), median of 3 calls, after
checking that the two agree to 1e-12.

    python3 bench/py_study.py [N] [RUNS]     # default N = 1000, RUNS = 5
"""

from __future__ import annotations

import math
import statistics
import sys
import time

import vilfredo as vf

DIRECTIONS = ["minimize", "minimize", "maximize"]


def objective_values(x: list[float], c: str) -> tuple[float, float, float]:
    s = sum(x[1:])
    return x[0] + (0.1 if c == "b" else 0.0), 1 + s - math.sqrt(x[0]), s * x[0]


def run_vilfredo(n: int, seed: int) -> tuple[float, int]:
    study = vf.create_study(
        directions=DIRECTIONS, sampler=vf.samplers.RandomSampler(seed=seed)
    )
    t = time.perf_counter()
    for _ in range(n):
        trial = study.ask()
        x = [trial.suggest_float(f"x{i}", 0.0, 1.0) for i in range(5)]
        c = trial.suggest_categorical("c", ["a", "b"])
        study.tell(trial, objective_values(x, c))
    front = len(study.best_trials)
    return time.perf_counter() - t, front


def run_optuna(n: int, seed: int) -> tuple[float, int]:
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(
        directions=DIRECTIONS, sampler=optuna.samplers.RandomSampler(seed=seed)
    )
    t = time.perf_counter()
    for _ in range(n):
        trial = study.ask()
        x = [trial.suggest_float(f"x{i}", 0.0, 1.0) for i in range(5)]
        c = trial.suggest_categorical("c", ["a", "b"])
        study.tell(trial, objective_values(x, c))
    front = len(study.best_trials)
    return time.perf_counter() - t, front


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    import optuna

    rows = []
    for name, run in (("vilfredo", run_vilfredo), ("optuna", run_optuna)):
        run(50, 0)  # warm-up
        times, fronts = [], []
        for seed in range(1, runs + 1):
            dt, front = run(n, seed)
            times.append(dt)
            fronts.append(front)
        rows.append((name, statistics.median(times), statistics.median(fronts)))
    base = rows[1][1]
    print(f"{n} ask/tell pairs, 3 objectives, in-memory, RandomSampler; median of {runs}")
    print(f"(vilfredo {vf.__version__}, optuna {optuna.__version__})\n")
    print("| study | time for N pairs | per pair | best_trials (median size) | optuna / this |")
    print("|---|---|---|---|---|")
    for name, t, front in rows:
        print(
            f"| {name} | {t * 1e3:.1f} ms | {t / n * 1e6:.1f} µs | {front:g} | {base / t:.1f}× |"
        )
    hv_history_table()


def hv_history_table(n: int = 2000) -> None:
    import numpy as np
    import optuna
    from optuna.visualization._hypervolume_history import _get_hypervolume_history_info

    import vilfredo.optuna as vo

    print(f"\n{n} trials on a simplex, reference 1.1 per objective; median of 3 calls\n")
    print("| objectives | vilfredo.optuna.hypervolume_history | Optuna | Optuna / vilfredo |")
    print("|---|---|---|---|")
    for m in (2, 3):
        study = optuna.create_study(
            directions=["minimize"] * m, sampler=optuna.samplers.RandomSampler(seed=0)
        )

        def simplex(trial, m=m):
            x = [trial.suggest_float(f"x{i}", 0.0, 1.0) for i in range(m)]
            return [v / sum(x) for v in x]

        study.optimize(simplex, n_trials=n)
        ref = np.full(m, 1.1)
        ours, theirs = [], []
        for _ in range(3):
            t = time.perf_counter()
            a = vo.hypervolume_history(study, ref)[1]
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            b = np.asarray(_get_hypervolume_history_info(study, ref).values)
            theirs.append(time.perf_counter() - t)
        assert np.allclose(a, b, rtol=1e-12, atol=1e-12)
        o, p = statistics.median(ours), statistics.median(theirs)
        print(f"| {m} | {o * 1e3:.1f} ms | {p * 1e3:.1f} ms | {p / o:.0f}× |")


if __name__ == "__main__":
    main()
