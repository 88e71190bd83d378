"""Times the hypervolume cases that bench/compare.py skips for every peer.

compare.py predicts each peer's time at the next n from the previous one and skips a case
predicted above its limit; for m = 6, n = 10^4 and m = 8, n = 1000 that skips every peer.
This script runs those two cases directly on the same inputs: vilfredo (median of 3 calls,
after a warm-up on a prefix) and pygmo (one call; about 13 s and 18 s here). moocore does not
finish either case within a minute and is left out.

    python3 bench/hv_large.py
"""

import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402  (the shared input generator)

import pygmo  # noqa: E402
import vilfredo as vf  # noqa: E402

CASES = [(6, 10_000), (8, 1_000)]


def main() -> None:
    print("| m | n | vilfredo | pygmo | vilfredo / pygmo | relative difference |")
    print("|---|---|---|---|---|---|")
    for m, n in CASES:
        x = compare.make_input("sphere", n, m)
        ref = np.full(m, 1.1)
        vf.hypervolume(x[:64], ref)
        times = []
        for _ in range(3):
            t = time.perf_counter()
            ours = vf.hypervolume(x, ref)
            times.append(time.perf_counter() - t)
        t = time.perf_counter()
        theirs = pygmo.hypervolume(x).compute(ref)
        t_pygmo = time.perf_counter() - t
        t_ours = sorted(times)[1]
        rel = abs(ours - theirs) / abs(theirs)
        print(f"| {m} | {n} | {t_ours:.2f} s | {t_pygmo:.1f} s | {t_ours / t_pygmo:.2f}x | {rel:.1e} |")


if __name__ == "__main__":
    main()
