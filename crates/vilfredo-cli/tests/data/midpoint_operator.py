"""A scripted external operator for vilfredo's tests (protocol vilfredo-operator/1).

Each child is the midpoint of a mating pair, shifted by +0.01 in the first variable for
the second child of the pair, so the answer is a known function of the request.
Special requests drive the error tests: generation 99 answers garbage, 98 an error
object, 97 too few offspring, 96 never answers, 95 exits.
"""
import json
import sys
import time

for line in sys.stdin:
    req = json.loads(line)
    assert req["protocol"] == "vilfredo-operator/1", req["protocol"]
    gen, n = req["generation"], req["n_offspring"]
    if gen == 99:
        print("this is not json", flush=True)
        continue
    if gen == 98:
        print(json.dumps({"error": "model unavailable"}), flush=True)
        continue
    if gen == 97:
        n -= 1
    if gen == 96:
        time.sleep(30)
    if gen == 95:
        sys.exit(3)
    parents = req["parents"]
    out = []
    for k in range(0, len(parents), 2):
        a, b = parents[k], parents[k + 1]
        mid = [(x + y) / 2 for x, y in zip(a, b)]
        out.append(mid)
        second = list(mid)
        second[0] += 0.01
        out.append(second)
    print(json.dumps({"offspring": out[:n]}), flush=True)
