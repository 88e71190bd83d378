"""vilfredo inside unmodified Optuna studies.

``NSGA2Sampler`` is an ``optuna.samplers.BaseSampler``: pass it to
``optuna.create_study`` and the study runs NSGA-II (Deb, Pratap, Agarwal & Meyarivan
2002, "A fast and elitist multiobjective genetic algorithm: NSGA-II", IEEE TEVC 6(2))
whose selection (constrained non-dominated sorting and crowding distance) and variation
(SBX and polynomial mutation in the unit cube) run in vilfredo's Rust kernels.
``hypervolume_history`` is a fast replacement for the computation behind Optuna's
``plot_hypervolume_history``.

Importing this module imports Optuna; ``import vilfredo`` alone does not.

Examples
--------
>>> import optuna, vilfredo.optuna
>>> optuna.logging.set_verbosity(optuna.logging.WARNING)
>>> def objective(trial):
...     x = trial.suggest_float("x", 0.0, 1.0)
...     y = trial.suggest_float("y", 0.0, 1.0)
...     return x, (1.0 + y) * (1.0 - x**0.5)
>>> study = optuna.create_study(
...     directions=["minimize", "minimize"],
...     sampler=vilfredo.optuna.NSGA2Sampler(population_size=10, seed=0))
>>> study.optimize(objective, n_trials=40)
>>> numbers, hv = vilfredo.optuna.hypervolume_history(study, [1.1, 2.2])
>>> len(numbers), bool(hv[-1] > 0)
(40, True)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

try:
    import optuna
    from optuna.distributions import (
        BaseDistribution,
        CategoricalDistribution,
        IntDistribution,
    )
    from optuna.samplers import BaseSampler, RandomSampler
    from optuna.search_space import IntersectionSearchSpace
    from optuna.study import StudyDirection
    from optuna.trial import FrozenTrial, TrialState
except ImportError as _e:  # pragma: no cover - depends on the environment
    raise ImportError(
        "vilfredo.optuna needs Optuna (`pip install optuna`); the rest of vilfredo works "
        "without it"
    ) from _e

from vilfredo import _vilfredo

#: Trial system attribute holding the trial's generation (0 is the random start).
GENERATION_KEY = "nsga2:generation"
#: Study system attribute prefix: ``nsga2:parents:<g>`` lists the numbers of the trials
#: selected as parents of generation ``g``.
PARENTS_KEY = "nsga2:parents:"
#: Trial system attribute where ``constraints_func``'s values are stored (Optuna's key).
CONSTRAINTS_KEY = "constraints"


def _violation(trial: FrozenTrial) -> float:
    """Total violation ``sum(max(0, c))`` of a trial's constraints (0 without any)."""
    c = getattr(trial, "constraints", None)
    if isinstance(c, dict):
        values = list(c.values())
    else:
        values = trial.system_attrs.get(CONSTRAINTS_KEY) or []
    return float(sum(max(0.0, float(v)) for v in values))


def _signs(study: optuna.Study) -> np.ndarray:
    return np.array([1.0 if d == StudyDirection.MINIMIZE else -1.0 for d in study.directions])


def _to_unit(d: BaseDistribution, value: Any) -> float:
    """A parameter value on the unit scale of its distribution."""
    if isinstance(d, CategoricalDistribution):
        return (d.to_internal_repr(value) + 0.5) / len(d.choices)
    lo, hi = float(d.low), float(d.high)
    v = float(value)
    if isinstance(d, IntDistribution):
        if d.log:
            a, b = math.log(lo - 0.5), math.log(hi + 0.5)
            return min(max((math.log(v) - a) / (b - a), 0.0), 1.0)
        n = (int(d.high) - int(d.low)) // d.step + 1
        return min(max((round((v - lo) / d.step) + 0.5) / n, 0.0), 1.0)
    if hi == lo:
        return 0.5
    if d.log:
        return min(max((math.log(v) - math.log(lo)) / (math.log(hi) - math.log(lo)), 0.0), 1.0)
    return min(max((v - lo) / (hi - lo), 0.0), 1.0)


def _from_unit(d: BaseDistribution, u: float) -> Any:
    """The parameter value at ``u`` on the unit scale of its distribution."""
    u = min(max(float(u), 0.0), 1.0)
    if isinstance(d, CategoricalDistribution):
        k = len(d.choices)
        return d.choices[min(int(u * k), k - 1)]
    if isinstance(d, IntDistribution):
        if d.log:
            a, b = math.log(d.low - 0.5), math.log(d.high + 0.5)
            return int(min(max(round(math.exp(a + u * (b - a))), d.low), d.high))
        n = (d.high - d.low) // d.step + 1
        return int(d.low + min(int(u * n), n - 1) * d.step)
    lo, hi = float(d.low), float(d.high)
    if u == 0.0 or u == 1.0:  # the bounds exactly, whatever the scale's rounding
        return lo if u == 0.0 else hi
    if d.log:
        x = math.exp(math.log(lo) + u * (math.log(hi) - math.log(lo)))
        return min(max(x, lo), hi)
    if d.step is not None:
        n = int(math.floor((hi - lo) / d.step + 1e-9)) + 1
        return min(lo + min(int(u * n), n - 1) * d.step, hi)
    return min(max(lo + u * (hi - lo), lo), hi)


class NSGA2Sampler(BaseSampler):
    """NSGA-II for Optuna studies, with vilfredo's kernels doing the work.

    Generations follow Optuna's ``NSGAIISampler``: the first ``population_size``
    complete trials form generation 0 (sampled at random), and each later generation's
    parents are the elitist selection, by constrained Pareto rank then crowding
    distance, from the previous generation and its parents. A trial's generation is
    stored in its system attribute ``"nsga2:generation"``; the parents of generation
    ``g`` in the study system attribute ``"nsga2:parents:<g>"`` (trial numbers).

    Children are bred in the unit cube of the relative search space (the parameters
    every complete trial has, ``optuna.search_space.IntersectionSearchSpace``): parents
    by binary tournament, then SBX (η = 15, applied with ``crossover_prob``;
    ``swapping_prob`` is the chance that the two children trade a coordinate) and
    polynomial mutation (η = 20, each coordinate with ``mutation_prob``, default
    ``1/len(search space)``) on float and int parameters (log scale for ``log=True``,
    snapped to ``step``); categorical parameters are inherited from either parent and
    redrawn with ``mutation_prob``. Parameters outside the relative search space are
    drawn by ``optuna.samplers.RandomSampler``.

    Constraints: the values a trial stored with ``trial.set_constraint`` (Optuna 5), or
    ``constraints_func(frozen_trial)`` evaluated after each complete or pruned trial
    and stored as the trial system attribute ``"constraints"`` as Optuna does. Feasible
    trials (every value ``<= 0``) rank before infeasible ones, which rank by total
    violation (Deb 2000).

    Examples
    --------
    >>> import optuna, vilfredo.optuna
    >>> sampler = vilfredo.optuna.NSGA2Sampler(population_size=20, seed=1)
    >>> study = optuna.create_study(directions=["minimize", "maximize"], sampler=sampler)
    """

    def __init__(
        self,
        *,
        population_size: int = 50,
        mutation_prob: float | None = None,
        crossover_prob: float = 0.9,
        swapping_prob: float = 0.5,
        seed: int | None = None,
        constraints_func: Callable[[FrozenTrial], Sequence[float]] | None = None,
    ) -> None:
        if population_size < 2:
            raise ValueError(f"population_size must be at least 2, got {population_size}")
        for name, p in (
            ("crossover_prob", crossover_prob),
            ("swapping_prob", swapping_prob),
            ("mutation_prob", mutation_prob),
        ):
            if p is not None and not 0.0 <= p <= 1.0:
                raise ValueError(f"{name} must be in [0, 1], got {p}")
        self._population_size = population_size
        self._mutation_prob = mutation_prob
        self._crossover_prob = crossover_prob
        self._swapping_prob = swapping_prob
        self._constraints_func = constraints_func
        self._rng = np.random.default_rng(seed)
        self._random_sampler = RandomSampler(seed=seed)
        self._search_space = IntersectionSearchSpace()

    @property
    def population_size(self) -> int:
        """Number of trials in a generation."""
        return self._population_size

    def reseed_rng(self) -> None:
        self._rng = np.random.default_rng()
        self._random_sampler.reseed_rng()

    def infer_relative_search_space(
        self, study: optuna.Study, trial: FrozenTrial
    ) -> dict[str, BaseDistribution]:
        return {
            name: d
            for name, d in self._search_space.calculate(study).items()
            if not d.single()
        }

    # -- generations --------------------------------------------------------------

    def _generation(self, study: optuna.Study, trial: FrozenTrial, complete) -> int:
        """The trial's generation: stored, or the newest one while it is not full."""
        g = trial.system_attrs.get(GENERATION_KEY)
        if g is not None:
            return int(g)
        newest, count = 0, 0
        for t in complete:
            h = t.system_attrs.get(GENERATION_KEY, -1)
            if h > newest:
                newest, count = h, 1
            elif h == newest:
                count += 1
        g = newest if count < self._population_size else newest + 1
        study._storage.set_trial_system_attr(trial._trial_id, GENERATION_KEY, g)
        return g

    def _parents(self, study: optuna.Study, generation: int, complete) -> list[FrozenTrial]:
        """The parents of ``generation`` (selected once, then read from the study)."""
        if generation == 0:
            return []
        by_number = {t.number: t for t in complete}
        attrs = study._storage.get_study_system_attrs(study._study_id)
        signs = _signs(study)
        parents: list[FrozenTrial] = []
        for g in range(1, generation + 1):
            key = PARENTS_KEY + str(g)
            if key in attrs:
                parents = [by_number[n] for n in attrs[key] if n in by_number]
                continue
            pool = {t.number: t for t in parents}
            for t in complete:
                if t.system_attrs.get(GENERATION_KEY) == g - 1:
                    pool[t.number] = t
            pool_trials = [pool[n] for n in sorted(pool)]
            if not pool_trials:
                parents = []
                continue
            F = np.array([t.values for t in pool_trials], dtype=np.float64) * signs
            cv = np.array([_violation(t) for t in pool_trials], dtype=np.float64)
            chosen, _, _ = _vilfredo._nsga2_select(F, cv, self._population_size)
            parents = [pool_trials[i] for i in chosen]
            study._storage.set_study_system_attr(
                study._study_id, key, [t.number for t in parents]
            )
            attrs[key] = [t.number for t in parents]
        return parents

    def _tournament(self, rank: np.ndarray, crowd: np.ndarray, exclude: int = -1) -> int:
        n = len(rank)
        a, b = self._rng.integers(n, size=2)
        if n > 2 and exclude >= 0:
            while a == exclude:
                a = self._rng.integers(n)
            while b == exclude or b == a:
                b = self._rng.integers(n)
        if (rank[a], -crowd[a]) <= (rank[b], -crowd[b]):
            return int(a)
        return int(b)

    # -- sampling -----------------------------------------------------------------

    def sample_relative(
        self,
        study: optuna.Study,
        trial: FrozenTrial,
        search_space: dict[str, BaseDistribution],
    ) -> dict[str, Any]:
        complete = study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,))
        generation = self._generation(study, trial, complete)
        parents = self._parents(study, generation, complete)
        names = [n for n in search_space if all(n in p.params for p in parents)]
        if not parents or not names:
            return {}
        signs = _signs(study)
        F = np.array([p.values for p in parents], dtype=np.float64) * signs
        cv = np.array([_violation(p) for p in parents], dtype=np.float64)
        order, rank, crowd = _vilfredo._nsga2_select(F, cv, len(parents))
        ranked = [parents[i] for i in order]
        i = self._tournament(rank, crowd)
        j = self._tournament(rank, crowd, exclude=i)
        dists = [search_space[n] for n in names]
        unit = np.array(
            [[_to_unit(d, p.params[n]) for n, d in zip(names, dists)] for p in (ranked[i], ranked[j])],
            dtype=np.float64,
        )
        numeric = [not isinstance(d, CategoricalDistribution) for d in dists]
        child = _vilfredo._nsga2_child(
            unit,
            numeric,
            int(self._rng.integers(2**63)),
            crossover_prob=self._crossover_prob,
            swapping_prob=self._swapping_prob,
            mutation_prob=self._mutation_prob,
        )
        return {n: _from_unit(d, u) for n, d, u in zip(names, dists, child)}

    def sample_independent(
        self,
        study: optuna.Study,
        trial: FrozenTrial,
        param_name: str,
        param_distribution: BaseDistribution,
    ) -> Any:
        return self._random_sampler.sample_independent(
            study, trial, param_name, param_distribution
        )

    def before_trial(self, study: optuna.Study, trial: FrozenTrial) -> None:
        self._random_sampler.before_trial(study, trial)

    def after_trial(
        self,
        study: optuna.Study,
        trial: FrozenTrial,
        state: TrialState,
        values: Sequence[float] | None,
    ) -> None:
        if self._constraints_func is not None and state in (
            TrialState.COMPLETE,
            TrialState.PRUNED,
        ):
            constraints = None
            try:
                con = [float(c) for c in self._constraints_func(trial)]
                if any(math.isnan(c) for c in con):
                    raise ValueError("constraint values cannot be NaN")
                constraints = con
            finally:
                study._storage.set_trial_system_attr(
                    trial._trial_id, CONSTRAINTS_KEY, constraints
                )
        self._random_sampler.after_trial(study, trial, state, values)


def hypervolume_history(
    study: optuna.Study, reference_point: Sequence[float]
) -> tuple[np.ndarray, np.ndarray]:
    """``(numbers, values)``: for each complete trial of an Optuna study, by number, the
    hypervolume of the feasible front of the complete trials up to it.

    ``reference_point`` is in the study's directions (a maximised objective's reference
    is a lower bound). Infeasible trials (a constraint value ``> 0``) and trials that do
    not reach the reference point leave the value unchanged. This equals what Optuna's
    ``plot_hypervolume_history`` plots, computed by vilfredo's exact kernels in one
    pass whose cost follows the front, not the number of trials.
    """
    signs = _signs(study)
    ref = np.asarray(reference_point, dtype=np.float64)
    if ref.shape != signs.shape:
        raise ValueError(
            f"reference_point has {ref.size} values; the study has {signs.size} objectives"
        )
    trials = study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,))
    numbers = np.array([t.number for t in trials], dtype=np.int64)
    if not trials:
        return numbers, np.zeros(0)
    F = np.array([t.values for t in trials], dtype=np.float64) * signs
    feasible = [_violation(t) <= 0.0 for t in trials]
    return numbers, _vilfredo._hypervolume_steps(F, ref * signs, feasible)


__all__ = ["NSGA2Sampler", "hypervolume_history"]
