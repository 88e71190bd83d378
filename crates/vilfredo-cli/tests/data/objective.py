#!/usr/bin/env python3
"""A misbehaving objective for the study tests: what it does depends on its first
argument (the trial's `mode` parameter), so one study exercises every outcome.

    objective.py MODE X

good       prints [X, 1 - X]
object     prints {"values": [X, 1 - X], "constraints": [X - 0.5], "user_attrs": {...}}
file       writes [X, 2] to $VILFREDO_RESULTS_FILE and prints garbage (the file wins)
garbage    prints a line that is not a result
count      prints one value for a two-objective study
nan        prints [NaN, 1]
exit       writes to standard error and exits with status 3
silent     prints nothing
sleep      sleeps 30 s (killed by the per-trial timeout)
nap        sleeps 0.3 s, then acts as good
echo       prints a result whose user_attrs echo argv, the environment and the params
           file, and appends them as a JSON line to $VILFREDO_TEST_ECHO when it is set
"""

import json
import os
import sys
import time


def main() -> None:
    mode, rest = sys.argv[1], sys.argv[2:]
    if mode == "echo":
        params_file = os.environ.get("VILFREDO_PARAMS_FILE")
        params = None
        if params_file:
            with open(params_file, encoding="utf-8") as f:
                params = json.load(f)
        env = {k: v for k, v in os.environ.items() if k.startswith("VILFREDO_")}
        env.pop("VILFREDO_PARAMS_FILE", None)
        env.pop("VILFREDO_RESULTS_FILE", None)
        attrs = {"argv": rest, "env": env, "params": params, "cwd": os.getcwd()}
        if os.environ.get("VILFREDO_TEST_ECHO"):
            with open(os.environ["VILFREDO_TEST_ECHO"], "a", encoding="utf-8") as f:
                f.write(json.dumps(attrs) + "\n")
        print(json.dumps({"values": [0.0, 0.0], "user_attrs": attrs}))
        return
    x = float(rest[0])
    if mode == "nap":
        time.sleep(0.3)
        mode = "good"
    if mode == "good":
        print("some log line")
        print(json.dumps([x, 1 - x]))
        print("")
    elif mode == "object":
        result = {"values": [x, 1 - x], "constraints": [x - 0.5], "user_attrs": {"mode": mode}}
        print(json.dumps(result))
    elif mode == "file":
        with open(os.environ["VILFREDO_RESULTS_FILE"], "w", encoding="utf-8") as f:
            json.dump([x, 2.0], f)
        print("not a result")
    elif mode == "garbage":
        print("loss is 0.5, accuracy is 0.9")
    elif mode == "count":
        print(json.dumps([x]))
    elif mode == "nan":
        print(json.dumps([float("nan"), 1.0]))
    elif mode == "exit":
        sys.stderr.write("Traceback (most recent call last):\nRuntimeError: boom\n")
        sys.exit(3)
    elif mode == "silent":
        pass
    elif mode == "sleep":
        time.sleep(30)
        print(json.dumps([x, x]))
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
