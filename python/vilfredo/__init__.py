"""vilfredo: measuring Pareto fronts exactly and fast.

Every objective is minimised. Point sets are ``(n, m)`` arrays of ``float64`` (anything
numpy can turn into one is accepted): one point per row, one objective per column.

Kernels
-------
hypervolume, hv_contributions, hypervolume_approx
    Exact hypervolume, exclusive contributions and a Monte Carlo estimate.
is_non_dominated, pareto_rank, crowding_distance
    Non-dominated filter, 0-based Pareto ranks, NSGA-II crowding distance.
igd, igd_plus, gd, gd_plus, epsilon_additive, epsilon_multiplicative
    Quality indicators against a reference front.

Optimisation
------------
problems.get, problems.list
    Benchmark problems (ZDT, DTLZ, WFG) by name, with their true Pareto fronts.
minimize
    NSGA-II, NSGA-III, MOEA/D, SMS-EMOA, SPEA2 or R-NSGA-II on a built-in or a
    pymoo-style Python problem; returns a ``Result``.
NSGA2, NSGA3, MOEAD, SMSEMOA, SPEA2, RNSGA2
    The same algorithms driven by ask/tell (subclasses of ``AskTell``), with a JSON
    snapshot to continue a run bit for bit.

Studies (Optuna's vocabulary)
-----------------------------
create_study, load_study, Study, Trial, FrozenTrial, TrialState, TrialPruned
    Define-by-run ask/tell studies kept in memory or in an SQLite file.
samplers, storages
    Sampler configurations (``RandomSampler``) and shared storages.
vilfredo.optuna
    ``NSGA2Sampler`` for unmodified Optuna studies and a fast hypervolume history.

Bad input raises ``TypeError`` (not real numbers) or ``ValueError`` (wrong shape,
NaN/inf, reference point of the wrong length), with a message naming the row and column.
"""

from vilfredo._vilfredo import (
    MOEAD,
    NSGA2,
    NSGA3,
    RNSGA2,
    SMSEMOA,
    SPEA2,
    AskTell,
    HvEstimate,
    __version__,
    crowding_distance,
    epsilon_additive,
    epsilon_multiplicative,
    gd,
    gd_plus,
    hv_contributions,
    hypervolume,
    hypervolume_approx,
    igd,
    igd_plus,
    is_non_dominated,
    pareto_rank,
)
from vilfredo import problems
from vilfredo._minimize import Result, minimize
from vilfredo import samplers, storages
from vilfredo._study import (
    DuplicatedStudyError,
    FrozenTrial,
    StorageError,
    Study,
    StudyDirection,
    Trial,
    TrialPruned,
    TrialState,
    create_study,
    get_all_study_names,
    load_study,
)

__all__ = [
    "AskTell",
    "HvEstimate",
    "MOEAD",
    "NSGA2",
    "NSGA3",
    "RNSGA2",
    "SMSEMOA",
    "SPEA2",
    "__version__",
    "crowding_distance",
    "epsilon_additive",
    "epsilon_multiplicative",
    "gd",
    "gd_plus",
    "hv_contributions",
    "hypervolume",
    "hypervolume_approx",
    "igd",
    "igd_plus",
    "is_non_dominated",
    "minimize",
    "problems",
    "Result",
    "pareto_rank",
    "DuplicatedStudyError",
    "FrozenTrial",
    "StorageError",
    "Study",
    "StudyDirection",
    "Trial",
    "TrialPruned",
    "TrialState",
    "create_study",
    "get_all_study_names",
    "load_study",
    "samplers",
    "storages",
]
