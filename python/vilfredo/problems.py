"""Benchmark problems by name: ZDT, DTLZ, WFG, constrained and real-world suites.

Suites: ZDT1–6 (Zitzler, Deb & Thiele 2000), DTLZ1–7 (Deb, Thiele, Laumanns & Zitzler
2005), WFG1–9 (Huband, Hingston, Barone & While 2006), C1-DTLZ1, C2-DTLZ2, C3-DTLZ4
(Jain & Deb 2014), MW1–14 (Ma & Wang 2019), BNH, OSY, TNK, SRN, welded beam and car
side impact, and RE21–RE91 (Tanabe & Ishibuchi 2020). Parameters are named as pymoo
names them (``n_var``, ``n_obj``, ``k``, ``l``, ``alpha``, ``r``). DTLZ defaults follow
the paper's ``k``; pass ``n_var`` to get pymoo's instance. For a problem with
constraints (``n_constr > 0``), ``evaluate`` returns ``(F, G)`` with ``G <= 0`` feasible.

Examples
--------
>>> import vilfredo as vf
>>> p = vf.problems.get("zdt1", n_var=30)
>>> p.evaluate(p.pareto_set(2)).round(6).tolist()
[[0.0, 1.0], [1.0, 0.0]]
>>> "wfg4" in [entry["name"] for entry in vf.problems.list()]
True
>>> F, G = vf.problems.get("bnh").evaluate([[1.0, 1.0]])
>>> F.tolist(), G.shape
([[8.0, 32.0]], (1, 2))
"""

from vilfredo._vilfredo import Problem
from vilfredo._vilfredo import get_problem as get
from vilfredo._vilfredo import list_problems as list  # noqa: A004 (pymoo-like name)

__all__ = ["Problem", "get", "list"]
