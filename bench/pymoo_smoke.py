"""pymoo's numbers behind the quality smoke tests of SMS-EMOA, SPEA2 and R-NSGA-II
(crates/vilfredo-moea/tests/it/{sms_emoa,spea2,rnsga2}.rs): the same problem, budget and
operators, seeds 1..5, medians printed.

    python3 bench/pymoo_smoke.py
"""

import statistics

import moocore
import numpy as np
from pymoo.algorithms.moo.rnsga2 import RNSGA2
from pymoo.algorithms.moo.sms import SMSEMOA
from pymoo.algorithms.moo.spea2 import SPEA2
from pymoo.optimize import minimize
from pymoo.problems import get_problem

REF = np.array([1.1, 1.1])
ZDT1 = get_problem("zdt1", n_var=30)
TRUE = ZDT1.pareto_front(1000)


def hv(F):
    F = F[np.all(F < REF, axis=1)]
    return float(moocore.hypervolume(F, ref=REF)) if len(F) else 0.0


def report(name, values):
    print(f"{name}: median {statistics.median(values):.5f}, min {min(values):.5f}, all {[round(v, 5) for v in values]}")


seeds = range(1, 6)
report("sms-emoa zdt1 pop 100, 10000 evals, hv", [hv(minimize(ZDT1, SMSEMOA(pop_size=100), ("n_eval", 10000), seed=s).F) for s in seeds])
report("spea2 zdt1 pop 100, 100 gens, hv", [hv(minimize(ZDT1, SPEA2(pop_size=100), ("n_gen", 100), seed=s).F) for s in seeds])
refs = np.array([[0.2, 0.5], [0.7, 0.1]])
gd, near = [], []
for s in seeds:
    F = minimize(ZDT1, RNSGA2(ref_points=refs, pop_size=50, epsilon=0.01), ("n_gen", 150), seed=s).F
    d_true = np.min(np.linalg.norm(F[:, None, :] - TRUE[None, :, :], axis=2), axis=1)
    gd.append(float(np.mean(d_true)))
    # Distance of each reference point's projection region: the closest solution to each
    # reference point.
    near.append(float(max(np.min(np.linalg.norm(F - r, axis=1)) for r in refs)))
report("rnsga2 zdt1 pop 50, 150 gens, eps 0.01: mean distance to the true front", gd)
report("rnsga2 zdt1: worst over reference points of the closest solution's distance", near)
