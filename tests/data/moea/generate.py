"""Survival fixtures for vilfredo-moea from pymoo 0.6.2 (the oracle), written to this folder.

- rnsga2_survival.json: pymoo's R-NSGA-II survival (RankAndModifiedCrowdingSurvival,
  "front" normalisation, equal weights) on random merged populations of 2N points with
  random reference points and several epsilons: the survivors and their preference
  distances ("crowding" before pymoo negates it).
- spea2_survival.json: pymoo's SPEA2 environmental selection (SPEA2Survival without
  normalisation) on 2N points: the survivors and their raw fitness R.
- spea2_normalized_survival.json: the same with normalisation (SPEA2Survival(normalize=True),
  pymoo's default), objectives of different scales; also the extreme points, ideal and
  worst points pymoo's normalisation ends with.

Only cases whose outcome is unique are kept: no tie at the cut of the split front
(R-NSGA-II) and, for SPEA2, no tie in raw fitness at the fill-up cut (pymoo's density
uses the (k+1)-th neighbour, vilfredo the paper's k-th, so only R is compared there).
The merged first front must have at least 2 points (pymoo's "front" normalisation
starts from infinite bounds otherwise).

    python3 tests/data/moea/generate.py
"""

import json
import os

import numpy as np
from pymoo.algorithms.moo.rnsga2 import RankAndModifiedCrowdingSurvival
from pymoo.algorithms.moo.spea2 import SPEA2Survival
from pymoo.core.population import Population
from pymoo.core.problem import Problem
from pymoo.util.nds.non_dominated_sorting import NonDominatedSorting

HERE = os.path.dirname(os.path.abspath(__file__))


def population(F):
    pop = Population.new("F", F)
    pop.set("CV", np.zeros((len(F), 1)))
    pop.set("index", np.arange(len(F)))
    return pop


def points(rng, n, m):
    """Points near a linear front with noise, so fronts are large and splits frequent."""
    w = rng.dirichlet(np.ones(m), size=n)
    return w * (1 + 0.3 * rng.random((n, 1))) + 0.02 * rng.random((n, m))


def rnsga2_cases(rng):
    cases = []
    while len(cases) < 24:
        m = [2, 3][len(cases) % 2]
        n = int(rng.integers(6, 14))
        F = points(rng, 2 * n, m)
        refs = rng.random((int(rng.integers(1, 4)), m))
        eps = float(rng.choice([1e-3, 0.05, 0.2]))
        if len(NonDominatedSorting().do(F)[0]) < 2:
            continue
        pop = population(F)
        surv = RankAndModifiedCrowdingSurvival(refs, eps, None, "front", False)
        out = surv.do(Problem(n_var=1, n_obj=m), pop, n_survive=n)
        chosen = sorted(int(i) for i in out.get("index"))
        crowd = -pop.get("crowding")
        # The split front: the first one not kept whole.
        kept = set(chosen)
        ambiguous = False
        for front in NonDominatedSorting().do(F):
            inside = [i for i in front if i in kept]
            if 0 < len(inside) < len(front):
                outside = [i for i in front if i not in kept]
                ambiguous = max(crowd[inside]) >= min(crowd[outside])
        if ambiguous:
            continue
        cases.append(
            {
                "n_obj": m,
                "pop_size": n,
                "f": F.ravel().tolist(),
                "ref_points": refs.ravel().tolist(),
                "epsilon": eps,
                "survivors": chosen,
                "preference": [float(crowd[i]) for i in chosen],
            }
        )
    return cases


def spea2_cases(rng, normalize=False):
    cases = []
    while len(cases) < 24:
        m = [2, 3][len(cases) % 2]
        n = int(rng.integers(6, 14))
        # Alternate between sets that need truncation and sets that need filling.
        F = points(rng, 2 * n, m) if len(cases) % 4 < 2 else rng.random((2 * n, m))
        if normalize:
            # Objectives of very different ranges, where normalisation matters.
            F = F * np.array([1.0, 7.0, 0.2][:m]) + np.array([0.0, -3.0, 5.0][:m])
        pop = population(F)
        surv = SPEA2Survival(normalize=normalize)
        out = surv.do(Problem(n_var=1, n_obj=m), pop, n_survive=n)
        chosen = sorted(int(i) for i in out.get("index"))
        R = pop.get("SPEA_R")
        dominated = [i for i in range(2 * n) if R[i] > 0]
        if 2 * n - len(dominated) < n:
            kept = set(chosen)
            inside = [R[i] for i in dominated if i in kept]
            outside = [R[i] for i in dominated if i not in kept]
            if inside and outside and max(inside) >= min(outside):
                continue
        case = {
            "n_obj": m,
            "pop_size": n,
            "f": F.ravel().tolist(),
            "survivors": chosen,
            "raw_fitness": [float(R[i]) for i in chosen],
        }
        if normalize:
            case["ideal"] = surv.norm.ideal_point.tolist()
            case["worst"] = surv.norm.worst_point.tolist()
            case["extremes"] = surv.norm.extreme_points.ravel().tolist()
        cases.append(case)
    return cases


def main():
    rng = np.random.default_rng(2026)
    for name, cases in (
        ("rnsga2_survival.json", rnsga2_cases(rng)),
        ("spea2_survival.json", spea2_cases(rng)),
        ("spea2_normalized_survival.json", spea2_cases(rng, normalize=True)),
    ):
        with open(os.path.join(HERE, name), "w") as fh:
            json.dump({"generator": "tests/data/moea/generate.py, pymoo 0.6.2", "cases": cases}, fh, indent=1)
        print(name, len(cases))


if __name__ == "__main__":
    main()
