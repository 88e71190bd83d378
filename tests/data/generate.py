#!/usr/bin/env python3
"""Write the reference fixtures of vilfredo's Pareto kernels (tests/data/pareto/*.txt).

Each fixture is one small case: a point set, a reference point, and what trusted peer
libraries compute on it (moocore for the hypervolume, the non-dominated mask, the Pareto
ranks and the indicators; moocore or pygmo for the exclusive contributions). The Rust test
`crates/vilfredo-pareto/tests/it/fixtures.rs` reads every file and compares vilfredo's
results with the recorded ones.

The peers are used only as oracles: nothing of their code goes into vilfredo.

Run from anywhere (needs numpy, moocore 0.3.2 and pygmo 2.20):

    python3 tests/data/generate.py            # rewrite tests/data/pareto/
    python3 tests/data/generate.py --check    # regenerate in memory, fail if a file differs

Inputs are deterministic: SplitMix64 (same definition as the shared benchmark generator, so
the `uniform` and `sphere` cases are prefixes of the benchmark inputs) or numpy's
`Generator(PCG64)` with a fixed seed per case.

File format (UTF-8 text, parsed by the Rust test with std only):

    # key: value                 header lines (metadata, tool versions, oracles)
    [section]                    then sections, each followed by its lines:
    [points]        n lines, m numbers separated by one space
    [ref]           1 line, m numbers
    [hypervolume]   1 number
    [hv_contributions]   n lines, 1 number each
    [is_non_dominated]   n lines, 0 or 1
    [pareto_rank]        n lines, 0-based integer rank
    [front]         optional: reference front for the indicators, k lines of m numbers
    [igd] [igd_plus] [epsilon_additive]   optional: 1 number each (only with [front])

Numbers are Python `repr` of float64 values: the shortest text that parses back to the same
double, so every value survives the trip to Rust exactly.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import sys

import moocore
import numpy as np
import pygmo

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, "pareto")

# ----------------------------------------------------------------------------- SplitMix64
# Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014.
# Same output as vilfredo_core::rng and the shared benchmark generator.
MASK64 = (1 << 64) - 1


def splitmix64(seed: int, count: int) -> list[int]:
    state = seed & MASK64
    out = []
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        out.append(z ^ (z >> 31))
    return out


def sm_uniform(n: int, m: int, seed: int) -> np.ndarray:
    z = splitmix64(seed, n * m)
    return np.array([(v >> 11) * 2.0**-53 for v in z], dtype=np.float64).reshape(n, m)


def sm_sphere(n: int, m: int, seed: int) -> np.ndarray:
    u = sm_uniform(n, m, seed)
    s = u[:, 0] * u[:, 0]
    for j in range(1, m):
        s = s + u[:, j] * u[:, j]
    return u / np.sqrt(s)[:, None]


def bench_seed(m: int, sphere: bool) -> int:
    return 12345 + 100 * m + (2 if sphere else 1)


assert splitmix64(0, 3) == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F]

# ----------------------------------------------------------------------------- shapes


def lp_front(rng: np.random.Generator, n: int, m: int, p: float) -> np.ndarray:
    """Points on the positive part of the unit l_p sphere: p < 1 convex, 1 linear, > 1 concave."""
    u = rng.random((n, m)) + 1e-3
    norm = (u**p).sum(axis=1) ** (1.0 / p)
    return u / norm[:, None]


def simplex(rng: np.random.Generator, n: int, m: int) -> np.ndarray:
    e = rng.exponential(size=(n, m))
    return e / e.sum(axis=1)[:, None]


def zdt3(x: np.ndarray) -> np.ndarray:
    """ZDT3's front (g = 1): disconnected, with dominated stretches between the pieces."""
    f2 = 1.0 - np.sqrt(x) - x * np.sin(10.0 * math.pi * x)
    return np.column_stack([x, f2])


def dtlz7(f: np.ndarray) -> np.ndarray:
    """DTLZ7 with g = 1: the last objective of m-1 free ones; disconnected regions."""
    g = 1.0
    h = f.shape[1] + 1 - (f / (1.0 + g) * (1.0 + np.sin(3.0 * math.pi * f))).sum(axis=1)
    return np.column_stack([f, (1.0 + g) * h])


def nd_filter(x: np.ndarray) -> np.ndarray:
    return x[moocore.is_nondominated(x, keep_weakly=True)]


# ----------------------------------------------------------------------------- oracles


def exact_contributions_1d(x: np.ndarray, ref: np.ndarray) -> np.ndarray:
    v = x[:, 0]
    out = np.zeros(len(v))
    inside = np.flatnonzero(v < ref[0])
    if len(inside) == 0:
        return out
    best = v[inside].min()
    at_best = inside[v[inside] == best]
    if len(at_best) > 1:
        return out  # every copy of the minimum can be removed without loss
    rest = v[inside][v[inside] > best]
    nxt = rest.min() if len(rest) else ref[0]
    out[at_best[0]] = nxt - best
    return out


def pygmo_contributions(x: np.ndarray, ref: np.ndarray) -> np.ndarray:
    """pygmo's exclusive contributions; it refuses points outside the reference box, and
    such points cover nothing, so they get 0 and are left out of pygmo's input."""
    out = np.zeros(len(x))
    inside = np.flatnonzero(np.all(x < ref, axis=1))
    if len(inside) >= 1:
        out[inside] = pygmo.hypervolume(x[inside]).contributions(ref)
    return out


def difference_contributions(x: np.ndarray, ref: np.ndarray, hv: float) -> np.ndarray:
    """HV(S) - HV(S minus p), with moocore's hypervolume (a third, independent check)."""
    out = np.zeros(len(x))
    for i in range(len(x)):
        rest = np.delete(x, i, axis=0)
        out[i] = hv - (moocore.hypervolume(rest, ref=ref) if len(rest) else 0.0)
    return out


def contributions(x: np.ndarray, ref: np.ndarray, hv: float, box: float) -> tuple[np.ndarray, str]:
    n, m = x.shape
    if n == 0:
        return np.zeros(0), "none (empty set)"
    if m == 1:
        return exact_contributions_1d(x, ref), "exact closed form (m = 1; moocore needs m >= 2)"
    mc = np.asarray(moocore.hv_contributions(x, ref=ref, ignore_dominated=False), dtype=float)
    pg = pygmo_contributions(x, ref)
    diff = difference_contributions(x, ref, hv)
    # The three oracles must agree: moocore and pygmo to 1e-9 relative plus an absolute
    # floor tied to the size of the case (pygmo's 3-D values carry ~1e-16 * HV of rounding),
    # the difference of two hypervolumes up to its cancellation error. moocore sets small
    # contributions to exactly 0 (documented as 1.5e-8 absolute for m >= 4; seen at m = 3
    # too); when that happens pygmo's values are recorded instead.
    floor = 1e-12 * box
    zeroed = bool(np.any((mc == 0.0) & (pg > floor)))
    best = pg if zeroed else mc
    for i in range(n):
        if not (zeroed and mc[i] == 0.0):
            assert abs(mc[i] - pg[i]) <= 1e-9 * abs(pg[i]) + floor, (i, mc[i], pg[i])
        assert abs(best[i] - diff[i]) <= 1e-9 * abs(best[i]) + 1e-11 * abs(hv) + floor, (
            i,
            best[i],
            diff[i],
        )
    if zeroed:
        return pg, (
            "pygmo.hypervolume(points inside the ref box).contributions(ref), others 0 "
            "(moocore.hv_contributions zeroed some small contributions here); "
            "cross-checked with moocore.hypervolume(S) - moocore.hypervolume(S minus p)"
        )
    return mc, (
        "moocore.hv_contributions(points, ref, ignore_dominated=False); "
        "cross-checked with pygmo and with moocore.hypervolume(S) - moocore.hypervolume(S minus p)"
    )


# ----------------------------------------------------------------------------- writing


def fmt(v: float) -> str:
    return repr(float(v))


def row(r) -> str:
    return " ".join(fmt(v) for v in r)


def render(case: dict) -> str:
    x = np.asarray(case["points"], dtype=np.float64)
    n, m = x.shape
    ref = np.asarray(case["ref"], dtype=np.float64)
    assert ref.shape == (m,)
    assert np.all(np.isfinite(x)) and np.all(np.isfinite(ref))

    if n:
        hv = float(moocore.hypervolume(x, ref=ref))
        mask = np.asarray(moocore.is_nondominated(x, keep_weakly=True), dtype=bool)
        rank = np.asarray(moocore.pareto_rank(x), dtype=np.int64)
        assert np.array_equal(mask, rank == 0)
        lo = x.min(axis=0)
    else:
        hv, mask, rank, lo = 0.0, np.zeros(0, bool), np.zeros(0, np.int64), ref
    # Volume of the box between the smallest coordinates and the reference point: the scale
    # that absolute tolerances are tied to (at least 1e-300 so it is never 0).
    side = np.maximum(ref - np.minimum(lo, ref), 0.0)
    box = max(float(np.prod(side)), 1e-300)
    hvc, hvc_oracle = contributions(x, ref, hv, box)

    lines = [
        "# vilfredo reference fixture: Pareto kernels (generated, do not edit)",
        f"# case: {case['name']}",
        f"# family: {case['family']}",
        f"# description: {case['description']}",
        f"# n_points: {n}",
        f"# n_obj: {m}",
        f"# input: {case['input']}",
        "# generator: tests/data/generate.py",
        f"# python: {platform.python_version()}",
        f"# numpy: {np.__version__}",
        f"# moocore: {moocore.__version__}",
        f"# pygmo: {pygmo.__version__}",
        "# hypervolume_oracle: "
        + ("moocore.hypervolume(points, ref)" if n else "0 (empty set)"),
        f"# hv_contributions_oracle: {hvc_oracle}",
        "# is_non_dominated_oracle: moocore.is_nondominated(points, keep_weakly=True)",
        "# pareto_rank_oracle: moocore.pareto_rank(points)",
        f"# scale_box_volume: {fmt(box)}",
    ]
    front = case.get("front")
    if front is not None:
        lines.append("# indicator_oracle: moocore.igd / igd_plus / epsilon_additive(points, ref=front)")
        lines.append(f"# front: {case['front_description']}")
    lines.append("[points]")
    lines += [row(r) for r in x]
    lines += ["[ref]", row(ref), "[hypervolume]", fmt(hv), "[hv_contributions]"]
    lines += [fmt(v) for v in hvc]
    lines.append("[is_non_dominated]")
    lines += ["1" if b else "0" for b in mask]
    lines.append("[pareto_rank]")
    lines += [str(int(r)) for r in rank]
    if front is not None:
        f = np.asarray(front, dtype=np.float64)
        assert f.ndim == 2 and f.shape[1] == m and len(f) > 0 and n > 0
        lines.append("[front]")
        lines += [row(r) for r in f]
        lines += ["[igd]", fmt(moocore.igd(x, ref=f))]
        lines += ["[igd_plus]", fmt(moocore.igd_plus(x, ref=f))]
        lines += ["[epsilon_additive]", fmt(moocore.epsilon_additive(x, ref=f))]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- cases


def n_for(m: int) -> int:
    # Exact hypervolume grows fast with m (the test suite runs unoptimised builds), so
    # the many-objective cases stay small.
    if m <= 3:
        return 200
    if m <= 6:
        return 100
    if m <= 8:
        return 40
    return 24


def front_n(m: int) -> int:
    return 100 if m <= 3 else 50


def cases():
    ms = range(1, 11)

    # Uniform random sets (prefixes of the benchmark inputs): mostly dominated points.
    for m in ms:
        n = n_for(m) if m > 1 else 50
        seed = bench_seed(m, False)
        x = sm_uniform(n, m, seed)
        other = nd_filter(sm_uniform(front_n(m) * 4, m, seed + 1000))
        yield dict(
            name=f"uniform_m{m:02d}_n{n}",
            family="uniform",
            description="uniform random points in [0,1)^m",
            input=f"SplitMix64 uniform(n={n}, m={m}, seed={seed}) (prefix of the benchmark input)",
            points=x,
            ref=np.full(m, 1.1),
            front=other,
            front_description=f"non-dominated points of SplitMix64 uniform({len(other)}.., m={m}, seed={seed + 1000})",
        )

    # Sphere fronts (the benchmark's 'front' shape): mutually non-dominated.
    for m in range(2, 11):
        n = n_for(m)
        seed = bench_seed(m, True)
        rng = np.random.default_rng(7000 + m)
        yield dict(
            name=f"sphere_m{m:02d}_n{n}",
            family="sphere",
            description="points on the positive orthant of the unit sphere (concave front)",
            input=f"SplitMix64 sphere(n={n}, m={m}, seed={seed}) (prefix of the benchmark input)",
            points=sm_sphere(n, m, seed),
            ref=np.full(m, 1.1),
            front=lp_front(rng, front_n(m), m, 2.0),
            front_description=f"{front_n(m)} points of the unit l2 sphere, numpy default_rng({7000 + m})",
        )

    # Linear (simplex) fronts.
    for m in range(2, 11):
        n = n_for(m) // 2
        rng = np.random.default_rng(1000 + m)
        x = simplex(rng, n, m)
        yield dict(
            name=f"simplex_m{m:02d}_n{n}",
            family="simplex",
            description="points on the unit simplex (linear front)",
            input=f"numpy default_rng({1000 + m}): normalised exponentials",
            points=x,
            ref=np.full(m, 1.0),
            front=simplex(rng, front_n(m), m),
            front_description=f"{front_n(m)} further simplex points from the same generator",
        )

    # Concave (l4) and convex (l0.5) fronts, with some dominated points mixed in.
    for p, label in ((4.0, "concave"), (0.5, "convex")):
        for m in (2, 3, 4, 5, 8):
            n = n_for(m) // 2
            seed = 2000 + m + (0 if p > 1 else 50)
            rng = np.random.default_rng(seed)
            x = lp_front(rng, n, m, p)
            k = n // 5
            x[:k] = x[:k] * (1.0 + 0.3 * rng.random((k, m)))  # pushed away: dominated
            yield dict(
                name=f"{label}_m{m:02d}_n{n}",
                family=label,
                description=f"points on the unit l{p:g} sphere ({label} front); the first {k} pushed outward",
                input=f"numpy default_rng({seed})",
                points=x,
                ref=np.full(m, 1.5),
                front=lp_front(rng, front_n(m), m, p),
                front_description=f"{front_n(m)} further points of the l{p:g} sphere",
            )

    # Disconnected fronts: ZDT3 (m = 2) and DTLZ7 (m = 3, 5), sampled along the curve so
    # part of the set is dominated.
    rng = np.random.default_rng(3002)
    x = zdt3(rng.random(150))
    yield dict(
        name="zdt3_m02_n150",
        family="disconnected",
        description="ZDT3 front curve f2 = 1 - sqrt(f1) - f1 sin(10 pi f1) sampled at random f1",
        input="numpy default_rng(3002)",
        points=x,
        ref=np.array([1.1, 1.1]),
        front=nd_filter(zdt3(np.linspace(0.0, 1.0, 400))),
        front_description="non-dominated points of the ZDT3 curve at 400 evenly spaced f1",
    )
    for m in (3, 5):
        seed = 3000 + m
        rng = np.random.default_rng(seed)
        n = n_for(m)
        x = dtlz7(rng.random((n, m - 1)))
        dense = dtlz7(np.random.default_rng(seed + 100).random((2000, m - 1)))
        f = nd_filter(dense)[: front_n(m)]
        yield dict(
            name=f"dtlz7_m{m:02d}_n{n}",
            family="disconnected",
            description="DTLZ7 (g = 1) objective vectors at random f_1..f_{m-1}",
            input=f"numpy default_rng({seed})",
            points=x,
            ref=np.append(np.full(m - 1, 1.1), 2.0 * m + 0.1),
            front=f,
            front_description=f"first {len(f)} non-dominated points of 2000 DTLZ7 samples, default_rng({seed + 100})",
        )

    # Integer grids: many ties and exact duplicates; ref on the grid, so points with a
    # coordinate equal to the ref lie on the boundary and cover nothing.
    for m in (2, 3, 4, 5, 6, 8, 10):
        n = n_for(m) // 2
        seed = 4000 + m
        rng = np.random.default_rng(seed)
        levels = 6 if m <= 3 else 4
        x = rng.integers(0, levels, size=(n, m)).astype(np.float64)
        yield dict(
            name=f"grid_m{m:02d}_n{n}",
            family="grid",
            description=f"integer points in {{0..{levels - 1}}}^m: ties, duplicates, points on the ref boundary",
            input=f"numpy default_rng({seed}).integers(0, {levels})",
            points=x,
            ref=np.full(m, float(levels - 1)),
        )
    rng = np.random.default_rng(4100)
    base = rng.integers(0, 5, size=(20, 2)).astype(np.float64)
    x = np.vstack([base, base[:10], base[:5]])  # every one of the first 5 rows thrice
    yield dict(
        name="grid_dups_m02_n35",
        family="grid",
        description="integer 2-D points, the first 10 repeated, the first 5 thrice",
        input="numpy default_rng(4100).integers(0, 5), rows stacked",
        points=x,
        ref=np.array([5.0, 5.0]),
    )

    # Degenerate sets.
    t = np.linspace(0.0, 1.0, 41)
    yield dict(
        name="line_antidiagonal_m03_n41",
        family="degenerate",
        description="3-D points on the segment (t, 1-t, 0.5): mutually non-dominated, flat in z",
        input="numpy linspace(0, 1, 41)",
        points=np.column_stack([t, 1.0 - t, np.full_like(t, 0.5)]),
        ref=np.array([1.1, 1.1, 1.1]),
    )
    t = np.random.default_rng(5001).random(30)
    t = np.concatenate([t, t[:5]])
    yield dict(
        name="line_diagonal_m03_n35",
        family="degenerate",
        description="3-D points on the diagonal (t, 2t, 3t), 5 duplicated: a chain, one point per rank",
        input="numpy default_rng(5001).random(30), first 5 repeated",
        points=np.column_stack([t, 2 * t, 3 * t]),
        ref=np.array([1.0, 2.0, 3.0]),
    )
    t = np.linspace(0.05, 0.95, 25)
    yield dict(
        name="line_flat_m04_n25",
        family="degenerate",
        description="4-D points (t, 1-t, 0.3, 0.3): two constant objectives",
        input="numpy linspace(0.05, 0.95, 25)",
        points=np.column_stack([t, 1 - t, np.full_like(t, 0.3), np.full_like(t, 0.3)]),
        ref=np.full(4, 1.0),
    )
    yield dict(
        name="identical_m03_n12",
        family="degenerate",
        description="twelve copies of one point: HV of one box, every contribution 0",
        input="constant",
        points=np.tile([0.25, 0.5, 0.75], (12, 1)),
        ref=np.ones(3),
    )
    yield dict(
        name="single_m05_n1",
        family="degenerate",
        description="one point: HV = contribution = product of its sides",
        input="constant",
        points=np.array([[0.1, 0.2, 0.3, 0.4, 0.5]]),
        ref=np.ones(5),
    )
    yield dict(
        name="empty_m03_n0",
        family="degenerate",
        description="no points: HV 0, empty outputs",
        input="none",
        points=np.zeros((0, 3)),
        ref=np.ones(3),
    )

    # Tiny and huge magnitudes: the same sets scaled by 1e-9 and 1e9.
    for scale, label in ((1e-9, "tiny"), (1e9, "huge")):
        for m in (2, 3, 4, 5, 8):
            n = n_for(m) // 2
            seed = bench_seed(m, True)
            x = sm_sphere(n, m, seed) * scale
            rng = np.random.default_rng(6000 + m)
            yield dict(
                name=f"{label}_sphere_m{m:02d}_n{n}",
                family=label,
                description=f"sphere points multiplied by {scale:g}",
                input=f"SplitMix64 sphere(n={n}, m={m}, seed={seed}) * {scale:g}",
                points=x,
                ref=np.full(m, 1.1 * scale),
                front=lp_front(rng, front_n(m), m, 2.0) * scale,
                front_description=f"{front_n(m)} points of the l2 sphere times {scale:g}, default_rng({6000 + m})",
            )
        for m in (3, 6):
            n = n_for(m) // 2
            seed = bench_seed(m, False)
            yield dict(
                name=f"{label}_uniform_m{m:02d}_n{n}",
                family=label,
                description=f"uniform points multiplied by {scale:g}",
                input=f"SplitMix64 uniform(n={n}, m={m}, seed={seed}) * {scale:g}",
                points=sm_uniform(n, m, seed) * scale,
                ref=np.full(m, 1.1 * scale),
            )

    # Objectives of very different scales in one set.
    for m in (3, 5):
        n = n_for(m) // 2
        seed = bench_seed(m, True)
        scales = np.array([1e-3, 1.0, 1e3, 1e-6, 1e6][:m])
        rng = np.random.default_rng(6500 + m)
        yield dict(
            name=f"anisotropic_m{m:02d}_n{n}",
            family="anisotropic",
            description=f"sphere points with objective j multiplied by {list(scales)}",
            input=f"SplitMix64 sphere(n={n}, m={m}, seed={seed}) * scales",
            points=sm_sphere(n, m, seed) * scales,
            ref=1.1 * scales,
            front=lp_front(rng, front_n(m), m, 2.0) * scales,
            front_description=f"{front_n(m)} l2-sphere points times the same scales, default_rng({6500 + m})",
        )

    # Negative coordinates.
    for m in (2, 3, 4, 6):
        n = n_for(m) // 2
        seed = 7100 + m
        rng = np.random.default_rng(seed)
        x = lp_front(rng, n, m, 2.0) - 3.0
        x[: n // 4] += 0.5 * rng.random((n // 4, m))
        yield dict(
            name=f"negative_sphere_m{m:02d}_n{n}",
            family="negative",
            description="unit-sphere points shifted by -3 (all coordinates negative); a quarter pushed outward",
            input=f"numpy default_rng({seed})",
            points=x,
            ref=np.full(m, -1.5),
            front=lp_front(rng, front_n(m), m, 2.0) - 3.0,
            front_description=f"{front_n(m)} further sphere points shifted by -3",
        )
    for m in (2, 5):
        n = n_for(m) // 2
        seed = bench_seed(m, False)
        yield dict(
            name=f"negative_uniform_m{m:02d}_n{n}",
            family="negative",
            description="uniform points in [-1, 0)^m, ref at the origin",
            input=f"SplitMix64 uniform(n={n}, m={m}, seed={seed}) - 1",
            points=sm_uniform(n, m, seed) - 1.0,
            ref=np.zeros(m),
        )

    # Reference points that many points do not dominate (outside the box or on its edge).
    for m in (2, 3, 4, 5, 7, 10):
        n = n_for(m) // 2
        seed = 8000 + m
        rng = np.random.default_rng(seed)
        x = rng.random((n, m))
        r = np.full(m, 0.6)
        x[:3, 0] = 0.6  # on the boundary in one objective: contributes nothing
        yield dict(
            name=f"outside_ref_m{m:02d}_n{n}",
            family="outside_ref",
            description="uniform points with ref 0.6: most points lie outside the ref box; 3 on its boundary",
            input=f"numpy default_rng({seed}).random, rows 0..2 get x0 = 0.6",
            points=x,
            ref=r,
        )
    yield dict(
        name="outside_ref_all_m03_n20",
        family="outside_ref",
        description="no point strictly dominates the ref: HV 0 and all contributions 0",
        input="numpy default_rng(8100).random + 0.5, ref 0.5",
        points=np.random.default_rng(8100).random((20, 3)) + 0.5,
        ref=np.full(3, 0.5),
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    ap.add_argument("--out", default=OUT_DIR)
    ap.add_argument("-v", "--verbose", action="store_true", help="print each case name")
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    names = set()
    bad = 0
    total = 0
    for case in cases():
        name = case["name"]
        assert name not in names, name
        names.add(name)
        text = render(case)
        if a.verbose:
            print(name, flush=True)
        path = os.path.join(a.out, name + ".txt")
        total += len(text)
        if a.check:
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if old != text:
                print(f"differs: {path}")
                bad += 1
        else:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
    stale = [f for f in os.listdir(a.out) if f.endswith(".txt") and f[:-4] not in names]
    for f in stale:
        print(f"stale file (not generated): {f}")
    print(f"{len(names)} fixtures, {total / 1024:.0f} KiB, in {a.out}")
    return 1 if (bad or (a.check and stale)) else 0


if __name__ == "__main__":
    sys.exit(main())
