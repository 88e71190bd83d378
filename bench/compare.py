#!/usr/bin/env python3
"""Side-by-side, in-process timing of vilfredo's Pareto kernels against the peers.

For each workload of the shared peer harness (nds_front, nds_rank, hv, hvc) the inputs are
generated once, then every peer is timed on the same array in this one process: a warm-up
call on a 64-point prefix, then repeated calls (median reported). Results are checked
against moocore's, and a Markdown table with each peer's median time and vilfredo's ratio
to the fastest peer is written to stdout (or --out).

    python3 bench/compare.py --quick                      # a few minutes
    python3 bench/compare.py                              # all cases of the shared harness
    python3 bench/compare.py --workloads hv,hvc --max-seconds 5 --out bench/results.md

Peers: vilfredo (`import vilfredo as vf`; left out with a note if it does not import),
moocore, pygmo, pymoo's compiled sorts and Optuna's internal sorts and hypervolume where
they exist and are fast enough. A call can not be interrupted in-process, so a peer is
skipped ("skip") for a larger n once its time on the previous n, extrapolated with the
peer's growth exponent, exceeds --max-seconds.

Inputs are those of the shared harness (`datagen.py`): SplitMix64 (Steele, Lea & Flood,
OOPSLA 2014), re-implemented below so this script stands alone; the same arrays as
`vilfredo_core::rng::{uniform_points, sphere_points}` with `bench_seed`.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

# ----------------------------------------------------------------------------- inputs
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def splitmix64(seed: int, count: int) -> np.ndarray:
    """The first `count` SplitMix64 outputs from `seed`: output k is mix(seed + (k+1)·golden)."""
    k = np.arange(1, count + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + k * _GOLDEN
        z = (z ^ (z >> np.uint64(30))) * _MIX1
        z = (z ^ (z >> np.uint64(27))) * _MIX2
        return z ^ (z >> np.uint64(31))


def uniform(n: int, m: int, seed: int) -> np.ndarray:
    z = splitmix64(seed, n * m)
    return ((z >> np.uint64(11)).astype(np.float64) * 2.0**-53).reshape(n, m)


def sphere(n: int, m: int, seed: int) -> np.ndarray:
    u = uniform(n, m, seed)
    s = u[:, 0] * u[:, 0]
    for j in range(1, m):  # left to right, as in the shared generator
        s = s + u[:, j] * u[:, j]
    return u / np.sqrt(s)[:, None]


def bench_seed(m: int, shape: str) -> int:
    return 12345 + 100 * m + (2 if shape == "sphere" else 1)


def make_input(shape: str, n: int, m: int) -> np.ndarray:
    gen = sphere if shape == "sphere" else uniform
    return np.ascontiguousarray(gen(n, m, bench_seed(m, shape)))


assert [int(v) for v in splitmix64(0, 3)] == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F]

# ----------------------------------------------------------------------------- cases
NDS_M, NDS_N = (2, 3, 5, 10), (1_000, 10_000, 100_000)
HV_M, HV_N = (2, 3, 4, 5, 6, 8), (100, 1_000, 10_000)
HVC_M, HVC_N = (2, 3, 4), (100, 1_000)
WORKLOADS = ("nds_front", "nds_rank", "hv", "hvc")
TITLES = {
    "nds_front": "Non-dominated filter (mask of the first front)",
    "nds_rank": "Pareto ranks (full non-dominated sorting)",
    "hv": "Exact hypervolume (sphere points, ref = 1.1 per objective)",
    "hvc": "Exclusive hypervolume contributions (sphere points, ref = 1.1 per objective)",
}


def plan(workload: str, quick: bool):
    """(shape, m, n) cases of a workload, n increasing within each (shape, m)."""
    if workload in ("nds_front", "nds_rank"):
        ns = NDS_N[:2] if quick else NDS_N
        return [(s, m, n) for s in ("uniform", "sphere") for m in NDS_M for n in ns]
    if workload == "hv":
        ns = HV_N[:2] if quick else HV_N
        return [("sphere", m, n) for m in HV_M for n in ns]
    ns = HVC_N
    return [("sphere", m, n) for m in HVC_M for n in ns]


# ----------------------------------------------------------------------------- peers
@dataclass
class Peer:
    """One function of one library for one workload.

    `make(X, ref)` returns a zero-argument call; `norm` turns its result into the common
    form (bool mask, int ranks, float, float array); `growth(m)` is the exponent used to
    predict the time at a larger n from the time at a smaller one (2 for the peers whose
    sorts are quadratic on large fronts, measured on this machine).
    """

    name: str
    make: Callable[[np.ndarray, np.ndarray], Callable[[], Any]]
    norm: Callable[[Any, int], Any] = lambda r, n: r
    growth: Callable[[int], float] = lambda m: 1.0
    only_m: tuple[int, ...] | None = None


def _mask_from_indices(idx, n):
    mask = np.zeros(n, dtype=bool)
    mask[np.asarray(list(idx), dtype=np.int64)] = True
    return mask


def _ranks_from_fronts(fronts, n):
    ranks = np.empty(n, dtype=np.int64)
    for r, front in enumerate(fronts):
        ranks[np.asarray(front, dtype=np.int64)] = r
    return ranks


def _hv_growth(m: int) -> float:
    # Exact hypervolume is O(n log n) up to m = 3 and grows roughly like n^(m/2) above.
    return 1.0 if m <= 3 else m / 2.0


def load_peers(want_vilfredo: bool, notes: list[str]) -> dict[str, list[Peer]]:
    peers: dict[str, list[Peer]] = {w: [] for w in WORKLOADS}

    if want_vilfredo:
        try:
            import vilfredo as vf

            version = getattr(vf, "__version__", "?")
            notes.append(f"vilfredo {version} from {os.path.dirname(vf.__file__)}")
            peers["nds_front"].append(
                Peer("vilfredo", lambda X, r: lambda: vf.is_non_dominated(X), lambda v, n: np.asarray(v, bool))
            )
            peers["nds_rank"].append(
                Peer("vilfredo", lambda X, r: lambda: vf.pareto_rank(X), lambda v, n: np.asarray(v, np.int64))
            )
            peers["hv"].append(
                Peer("vilfredo", lambda X, r: lambda: vf.hypervolume(X, r), lambda v, n: float(v), _hv_growth)
            )
            peers["hvc"].append(
                Peer("vilfredo", lambda X, r: lambda: vf.hv_contributions(X, r), lambda v, n: np.asarray(v, float), _hv_growth)
            )
        except Exception as e:  # noqa: BLE001 - any import failure means: time the peers only
            notes.append(f"vilfredo not timed: import failed ({type(e).__name__}: {e})")

    import moocore

    notes.append(f"moocore {moocore.__version__}")
    peers["nds_front"].append(
        Peer(
            "moocore",
            lambda X, r: lambda: moocore.is_nondominated(X, keep_weakly=True),
            lambda v, n: np.asarray(v, bool),
        )
    )
    peers["nds_rank"].append(
        Peer("moocore", lambda X, r: lambda: moocore.pareto_rank(X), lambda v, n: np.asarray(v, np.int64))
    )
    peers["hv"].append(Peer("moocore", lambda X, r: lambda: moocore.hypervolume(X, ref=r), lambda v, n: float(v), _hv_growth))
    peers["hvc"].append(
        Peer(
            "moocore",
            # Default ignore_dominated=True: moocore's fast path; the same values as the exact
            # definition here, since no sphere point dominates another.
            lambda X, r: lambda: moocore.hv_contributions(X, ref=r),
            lambda v, n: np.asarray(v, float),
            _hv_growth,
        )
    )

    try:
        import pygmo

        notes.append(f"pygmo {pygmo.__version__}")
        peers["nds_front"].append(
            Peer(
                "pygmo",
                lambda X, r: lambda: pygmo.non_dominated_front_2d(X),
                _mask_from_indices,
                lambda m: 2.0,  # quadratic on mutually non-dominated input
                only_m=(2,),
            )
        )
        peers["nds_rank"].append(
            Peer(
                "pygmo",
                lambda X, r: lambda: pygmo.fast_non_dominated_sorting(X),
                lambda v, n: np.asarray(v[3], np.int64),
                lambda m: 2.0,
            )
        )
        peers["hv"].append(
            Peer("pygmo", lambda X, r: lambda: pygmo.hypervolume(X).compute(r), lambda v, n: float(v), _hv_growth)
        )
        peers["hvc"].append(
            Peer(
                "pygmo",
                lambda X, r: lambda: pygmo.hypervolume(X).contributions(r),
                lambda v, n: np.asarray(v, float),
                _hv_growth,
            )
        )
    except ImportError as e:
        notes.append(f"pygmo not timed: {e}")

    try:
        from pymoo.functions import is_compiled, load_function

        if is_compiled():
            import pymoo

            notes.append(f"pymoo {pymoo.__version__} (compiled sorts)")
            find_nd = load_function("find_non_dominated")
            ens = load_function("efficient_non_dominated_sort")
            peers["nds_front"].append(
                Peer("pymoo.find_non_dominated", lambda X, r: lambda: find_nd(X), _mask_from_indices, lambda m: 2.0)
            )
            peers["nds_rank"].append(
                Peer("pymoo.efficient_nds", lambda X, r: lambda: ens(X), _ranks_from_fronts, lambda m: 2.0)
            )
    except ImportError as e:
        notes.append(f"pymoo not timed: {e}")

    try:
        import optuna
        from optuna._hypervolume import compute_hypervolume
        from optuna.study._multi_objective import _fast_non_domination_rank, _is_pareto_front

        notes.append(f"optuna {optuna.__version__} (internal functions)")
        peers["nds_front"].append(
            Peer(
                "optuna",
                lambda X, r: lambda: _is_pareto_front(X, assume_unique_lexsorted=False),
                lambda v, n: np.asarray(v, bool),
                lambda m: 2.0,
            )
        )
        peers["nds_rank"].append(
            Peer(
                "optuna",
                lambda X, r: lambda: _fast_non_domination_rank(X),
                lambda v, n: np.asarray(v, np.int64),
                lambda m: 2.0,
            )
        )
        peers["hv"].append(
            # Exponential in m: already minutes for m = 6 at n = 100 on this kind of machine.
            Peer(
                "optuna",
                lambda X, r: lambda: compute_hypervolume(X, r),
                lambda v, n: float(v),
                _hv_growth,
                only_m=(2, 3, 4, 5),
            )
        )
    except ImportError as e:
        notes.append(f"optuna not timed: {e}")
    return peers


# ----------------------------------------------------------------------------- timing
@dataclass
class Outcome:
    seconds: float | None = None  # median; None when not run
    status: str = ""  # "", "skip", "n/a", "error: ...", "DIFFERS"
    calls: int = 0
    value: Any = None
    notes: list[str] = field(default_factory=list)


def time_call(call: Callable[[], Any], max_reps: int, budget: float, limit: float) -> tuple[float, int, Any]:
    """Median wall time of repeated calls: at most `max_reps`, stopping once at least 3 calls
    took `budget` seconds in all, or as soon as the calls took `limit` seconds in all."""
    times: list[float] = []
    result = None
    while True:
        t0 = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - t0)
        total = sum(times)
        if len(times) >= max_reps or (len(times) >= 3 and total >= budget) or total >= limit:
            break
    return statistics.median(times), len(times), result


def agree(workload: str, got: Any, want: Any) -> bool:
    if workload in ("nds_front", "nds_rank"):
        return np.array_equal(got, want)
    if workload == "hv":
        return abs(got - want) <= 1e-9 * abs(want)
    got, want = np.asarray(got), np.asarray(want)
    if got.shape != want.shape:
        return False
    scale = 1e-12 * max(float(np.abs(want).sum()), 1e-300)
    return bool(np.all(np.abs(got - want) <= 1e-9 * np.abs(want) + scale))


def run_workload(workload: str, peers: list[Peer], args) -> list[tuple[tuple, dict[str, Outcome]]]:
    rows = []
    last: dict[tuple[str, str, int], tuple[int, float]] = {}  # (peer, shape, m) -> (n, secs)
    blocked: set[tuple[str, str, int]] = set()
    cache: dict[tuple[str, int], np.ndarray] = {}
    cases = plan(workload, args.quick)
    if args.max_n:
        cases = [c for c in cases if c[2] <= args.max_n]
    for shape, m, n in cases:
        key = (shape, m)
        largest = max(c[2] for c in cases if (c[0], c[1]) == key)
        if key not in cache:
            cache[key] = make_input(shape, largest, m)  # smaller n are prefixes
        X = np.ascontiguousarray(cache[key][:n])
        ref = np.full(m, 1.1)
        outcomes: dict[str, Outcome] = {}
        for p in peers:
            o = Outcome()
            outcomes[p.name] = o
            pk = (p.name, shape, m)
            if p.only_m is not None and m not in p.only_m:
                o.status = "n/a"
                continue
            if pk in blocked:
                o.status = "skip"
                continue
            if pk in last:
                n0, t0 = last[pk]
                if t0 * (n / n0) ** p.growth(m) > args.max_seconds:
                    o.status = "skip"
                    blocked.add(pk)
                    continue
            try:
                # Warm-up (imports, caches, first-call costs) on a 64-point prefix; its time
                # also predicts the first n, which has no smaller n to go by.
                w = min(64, n)
                t0 = time.perf_counter()
                p.make(X[:w].copy(), ref)()
                t_warm = time.perf_counter() - t0
                if pk not in last and t_warm * (n / w) ** p.growth(m) > args.max_seconds:
                    o.status = "skip"
                    blocked.add(pk)
                    continue
                secs, calls, raw = time_call(p.make(X, ref), args.reps, args.budget, args.max_seconds)
                o.seconds, o.calls, o.value = secs, calls, p.norm(raw, n)
                last[pk] = (n, secs)
                if secs > args.max_seconds:
                    blocked.add(pk)
            except Exception as e:  # noqa: BLE001 - a failing peer is reported, not fatal
                o.status = f"error: {type(e).__name__}"
                o.notes.append(str(e)[:200])
                blocked.add(pk)
        ref_out = outcomes.get("moocore")
        if ref_out is not None and ref_out.value is not None:
            for name, o in outcomes.items():
                if name != "moocore" and o.value is not None and not agree(workload, o.value, ref_out.value):
                    o.status = "DIFFERS"
        rows.append(((shape, m, n), outcomes))
        if args.verbose:
            summary = ", ".join(
                f"{k}={fmt_time(v.seconds) if v.seconds is not None else v.status}" for k, v in outcomes.items()
            )
            print(f"[{workload}] {shape} m={m} n={n}: {summary}", file=sys.stderr, flush=True)
    return rows


# ----------------------------------------------------------------------------- report
def fmt_time(s: float) -> str:
    if s < 1e-3:
        return f"{s * 1e6:.3g} µs"
    if s < 1:
        return f"{s * 1e3:.3g} ms"
    return f"{s:.3g} s"


def table(workload: str, rows, peer_names: list[str]) -> list[str]:
    out = [f"## {TITLES[workload]}", ""]
    out.append("| shape | m | n | " + " | ".join(peer_names) + " | fastest peer | vilfredo / fastest peer |")
    out.append("|" + "---|" * (len(peer_names) + 5))
    ratios = []
    for (shape, m, n), outcomes in rows:
        cells = []
        others = {
            k: o.seconds
            for k, o in outcomes.items()
            if k != "vilfredo" and o.seconds is not None and o.status != "DIFFERS"
        }
        fastest = min(others, key=others.get) if others else None
        for name in peer_names:
            o = outcomes.get(name)
            if o is None:
                cells.append("")
            elif o.seconds is None:
                cells.append(o.status)
            else:
                cell = fmt_time(o.seconds)
                if o.status == "DIFFERS":
                    cell += " ⚠ differs"
                cells.append(cell)
        v = outcomes.get("vilfredo")
        if fastest is None:
            best, ratio = "—", "—"
        else:
            best = f"{fastest} ({fmt_time(others[fastest])})"
            if v is not None and v.seconds is not None and v.status != "DIFFERS":
                r = v.seconds / others[fastest]
                ratios.append(r)
                ratio = f"**{r:.2f}×**" if r < 1 else f"{r:.2f}×"
            else:
                ratio = "—"
        out.append(f"| {shape} | {m} | {n} | " + " | ".join(cells) + f" | {best} | {ratio} |")
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        wins = sum(r < 1 for r in ratios)
        out += ["", f"vilfredo faster than every peer in {wins} of {len(ratios)} cases; geometric mean of vilfredo / fastest peer: {geo:.2f}×."]
    out.append("")
    return out


def _git_commit() -> str:
    import subprocess

    try:
        here = os.path.dirname(os.path.abspath(__file__))
        out = subprocess.run(["git", "-C", here, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10)
        return out.stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller sizes, fewer repetitions (a few minutes)")
    ap.add_argument("--workloads", default=",".join(WORKLOADS), help="comma list of " + ",".join(WORKLOADS))
    ap.add_argument("--peers", default="", help="comma list of substrings: time only matching peers (vilfredo and moocore are always kept)")
    ap.add_argument("--max-seconds", type=float, default=None, help="per-case limit: skip a peer at larger n when predicted above it (default 10, quick 2)")
    ap.add_argument("--reps", type=int, default=None, help="at most this many timed calls per case (default 15, quick 7)")
    ap.add_argument("--budget", type=float, default=None, help="stop repeating once >= 3 calls took this long in all (default 2 s, quick 0.5 s)")
    ap.add_argument("--max-n", type=int, default=0, help="leave out cases with more points")
    ap.add_argument("--no-vilfredo", action="store_true", help="time the peers only")
    ap.add_argument("--out", default="-", help="Markdown output file (default stdout)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each case to stderr as it finishes")
    args = ap.parse_args(argv)
    if args.max_seconds is None:
        args.max_seconds = 2.0 if args.quick else 10.0
    if args.reps is None:
        args.reps = 7 if args.quick else 15
    if args.budget is None:
        args.budget = 0.5 if args.quick else 2.0
    workloads = [w.strip() for w in args.workloads.split(",") if w.strip()]
    for w in workloads:
        if w not in WORKLOADS:
            ap.error(f"unknown workload {w!r} (choose from {', '.join(WORKLOADS)})")

    notes: list[str] = []
    all_peers = load_peers(not args.no_vilfredo, notes)
    wanted = [s for s in args.peers.split(",") if s]
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    load = " / ".join(f"{v:.1f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    commit = _git_commit()
    lines = [
        "# vilfredo vs peers: in-process kernel timings",
        "",
        f"- Run: {started}; command: `python3 bench/compare.py {' '.join(argv if argv is not None else sys.argv[1:])}`",
        f"- Machine: {platform.machine()}, {os.cpu_count()} logical CPUs, load average at start {load}, "
        f"Python {platform.python_version()}, numpy {np.__version__}; source tree at commit {commit}",
        f"- Packages: {'; '.join(notes)}",
        f"- Timing: warm-up on a 64-point prefix, then median of up to {args.reps} calls "
        f"(stop after >= 3 calls and {args.budget:g} s); a peer is skipped ('skip') at larger n once "
        f"its extrapolated time exceeds {args.max_seconds:g} s. `n/a`: no such function for this m. "
        "⚠ differs: result disagrees with moocore (masks and ranks exactly, values to 1e-9 relative).",
        "",
    ]
    for w in workloads:
        peers = [p for p in all_peers[w] if not wanted or p.name in ("vilfredo", "moocore") or any(s in p.name for s in wanted)]
        rows = run_workload(w, peers, args)
        lines += table(w, rows, [p.name for p in peers])
    text = "\n".join(lines)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
