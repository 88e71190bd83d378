#!/usr/bin/env python3
"""Ask/tell throughput of an in-memory study: vilfredo against Optuna, on one machine.

Both sides run the same loop: ask a trial, suggest four floats in [0, 1], report three
objectives (DTLZ2, Deb, Thiele, Laumanns & Zitzler 2002), tell. Nothing is evaluated
beyond that, so what is measured is the study machinery and the sampler. Samplers:
random, and NSGA-II with a population of 50 (Optuna's generational NSGAIISampler;
vilfredo's steady-state Nsga2Sampler); and vilfredo's steady-state MoeadSampler (105
subproblems), which Optuna does not have.

vilfredo's side is the Rust example `ask_tell_throughput` (built here in release); it
also reports the mean cost of `ask` (where the sampler plans a trial) and of `tell`
(where the history absorbs it and updates the Pareto front) over the first and the last
10 % of the run, to show which costs grow, and the size of the final front. Optuna's side runs in this process with its in-memory storage.
A run of Optuna stops at --optuna-seconds (default 300) and reports the trials reached.

With --storage sqlite both sides write every trial to an SQLite file instead (Optuna's
RDBStorage on "sqlite:///…"; vilfredo's `sqlite_throughput` example of vilfredo-storage,
default durability), one process each, a fresh file per run.

    python3 bench/study_vs_optuna.py                     # 1,000 and 5,000 trials
    python3 bench/study_vs_optuna.py --trials 1000,5000,10000 --vilfredo-trials 1000,10000,100000
    python3 bench/study_vs_optuna.py --storage sqlite --trials 1000 --vilfredo-trials 10000
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "examples", "ask_tell_throughput")
SQLITE_BINARY = os.path.join(ROOT, "target", "release", "examples", "sqlite_throughput")


def dtlz2(x):
    g = sum((v - 0.5) ** 2 for v in x[2:])
    a, b = x[0] * math.pi / 2, x[1] * math.pi / 2
    return [(1 + g) * math.cos(a) * math.cos(b), (1 + g) * math.cos(a) * math.sin(b), (1 + g) * math.sin(a)]


def optuna_run(sampler_name: str, n: int, limit: float, storage: str = "memory") -> tuple[int, float]:
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    if sampler_name == "random":
        sampler = optuna.samplers.RandomSampler(seed=1)
    else:
        sampler = optuna.samplers.NSGAIISampler(population_size=50, seed=1)
    url = None
    if storage == "sqlite":
        url = f"sqlite:///{tempfile.mkdtemp(prefix='optuna-bench-')}/study.db"
    study = optuna.create_study(directions=["minimize"] * 3, sampler=sampler, storage=url)
    start = time.perf_counter()
    done = 0
    while done < n and time.perf_counter() - start < limit:
        trial = study.ask()
        x = [trial.suggest_float(f"x{i}", 0.0, 1.0) for i in range(4)]
        study.tell(trial, dtlz2(x))
        done += 1
    return done, time.perf_counter() - start


def vilfredo_sqlite_run(sampler_name: str, n: int) -> float:
    out = subprocess.run(
        [SQLITE_BINARY, str(n), "normal", sampler_name], check=True, capture_output=True, text=True
    )
    return float(out.stdout.split("trials_per_s=")[1].split()[0])


def vilfredo_run(sampler_name: str, n: int) -> dict[str, str]:
    out = subprocess.run([BINARY, sampler_name, str(n), "50"], check=True, capture_output=True, text=True)
    return dict(kv.split("=", 1) for kv in out.stdout.split())


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--trials", default="1000,5000", help="trial counts for both sides")
    p.add_argument("--vilfredo-trials", default="", help="extra trial counts for vilfredo alone")
    p.add_argument("--optuna-seconds", type=float, default=300.0, help="time cap of one Optuna run")
    p.add_argument("--no-build", action="store_true", help="use the example binary as it is")
    p.add_argument("--storage", choices=["memory", "sqlite"], default="memory")
    args = p.parse_args()
    if args.storage == "sqlite":
        return sqlite_main(args)
    if not args.no_build:
        subprocess.run(
            ["cargo", "build", "--release", "-q", "-p", "vilfredo-study", "--example", "ask_tell_throughput"],
            cwd=ROOT,
            check=True,
        )
    import optuna

    both = [int(s) for s in args.trials.split(",") if s]
    alone = [int(s) for s in args.vilfredo_trials.split(",") if s]
    print(f"# Optuna {optuna.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print()
    print(
        "| sampler | trials | Optuna trials/s | vilfredo trials/s | ratio "
        "| vilfredo ask µs, first → last 10 % | tell µs, first → last 10 % | front |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for sampler in ["random", "nsga2", "moead"]:
        for n in sorted(set(both + alone)):
            v = vilfredo_run(sampler, n)
            vr = float(v["trials_per_s"])
            if n in both and sampler != "moead":
                done, secs = optuna_run(sampler, n, args.optuna_seconds)
                orate = done / secs
                reached = "" if done == n else f" (stopped at {done} after {secs:.0f} s)"
                ocell, ratio = f"{orate:,.0f}{reached}", f"{vr / orate:,.0f}×"
            else:
                ocell, ratio = "—", "—"
            ask = f"{float(v['ask_first_us']):.1f} → {float(v['ask_last_us']):.1f}"
            tell = f"{float(v['tell_first_us']):.1f} → {float(v['tell_last_us']):.1f}"
            print(
                f"| {sampler} | {n:,} | {ocell} | {vr:,.0f} | {ratio} | {ask} | {tell} | {int(v['front']):,} |",
                flush=True,
            )
    return 0


def sqlite_main(args) -> int:
    if not args.no_build:
        subprocess.run(
            ["cargo", "build", "--release", "-q", "-p", "vilfredo-storage", "--example", "sqlite_throughput"],
            cwd=ROOT,
            check=True,
        )
    import optuna

    both = [int(s) for s in args.trials.split(",") if s]
    alone = [int(s) for s in args.vilfredo_trials.split(",") if s]
    print(f"# SQLite, Optuna {optuna.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print()
    print("| sampler | trials | Optuna trials/s | vilfredo trials/s | ratio |")
    print("|---|---:|---:|---:|---:|")
    for sampler in ["random", "nsga2"]:
        for n in sorted(set(both + alone)):
            vr = vilfredo_sqlite_run(sampler, n)
            if n in both:
                done, secs = optuna_run(sampler, n, args.optuna_seconds, "sqlite")
                orate = done / secs
                reached = "" if done == n else f" (stopped at {done} after {secs:.0f} s)"
                ocell, ratio = f"{orate:,.0f}{reached}", f"{vr / orate:,.0f}×"
            else:
                ocell, ratio = "—", "—"
            print(f"| {sampler} | {n:,} | {ocell} | {vr:,.0f} | {ratio} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
