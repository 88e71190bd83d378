#!/usr/bin/env python3
"""Objective of the example study: ZDT1 (Zitzler, Deb and Thiele 2000) on three variables.

vilfredo runs it once per trial as `python3 objective.py --x1 0.25 --x2 ... --x3 ...`
(see study.toml) and reads the last line it prints: a JSON array with the two
objective values, both minimised. Any program that prints such a line can be an
objective: a training script, a simulator, a benchmark.
"""

import argparse
import json
import math


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("x1", "x2", "x3"):
        parser.add_argument(f"--{name}", type=float, required=True)
    args = parser.parse_args()
    x = [args.x1, args.x2, args.x3]
    f1 = x[0]
    g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
    f2 = g * (1 - math.sqrt(f1 / g))
    print(json.dumps([f1, f2]))


if __name__ == "__main__":
    main()
