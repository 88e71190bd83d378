"""Benchmark problems by name: ZDT, DTLZ and WFG with their true Pareto fronts.

Suites: ZDT1–6 (Zitzler, Deb & Thiele 2000), DTLZ1–7 (Deb, Thiele, Laumanns & Zitzler
2005), WFG1–9 (Huband, Hingston, Barone & While 2006). Parameters are named as pymoo
names them (``n_var``, ``n_obj``, ``k``, ``l``, ``alpha``). DTLZ defaults follow the
paper's ``k``; pass ``n_var`` to get pymoo's instance.

Examples
--------
>>> import vilfredo as vf
>>> p = vf.problems.get("zdt1", n_var=30)
>>> p.evaluate(p.pareto_set(2)).round(6).tolist()
[[0.0, 1.0], [1.0, 0.0]]
>>> "wfg4" in [entry["name"] for entry in vf.problems.list()]
True
"""

from vilfredo._vilfredo import Problem
from vilfredo._vilfredo import get_problem as get
from vilfredo._vilfredo import list_problems as list  # noqa: A004 (pymoo-like name)

__all__ = ["Problem", "get", "list"]
