"""Samplers of vilfredo studies: how a study chooses parameter values.

A sampler object is a small configuration; the study builds the Rust sampler from it
(``_spec()`` returns its kind and options), so a sampler runs without the GIL.
"""

from __future__ import annotations

from typing import Any


class BaseSampler:
    """The base of vilfredo's samplers (a configuration turned into a Rust sampler)."""

    _kind = ""

    def __init__(self, **options: Any) -> None:
        self._options = options

    def _spec(self) -> tuple[str, dict[str, Any]]:
        return self._kind, dict(self._options)

    def __repr__(self) -> str:
        opts = ", ".join(f"{k}={v!r}" for k, v in self._options.items())
        return f"{type(self).__name__}({opts})"


class RandomSampler(BaseSampler):
    """Draws every parameter independently and uniformly on its own scale
    (log-uniform for ``log=True``, uniformly over grid points and choices).

    Each value depends only on ``seed``, the trial number and the parameter name, so a
    seeded random search gives the same trials with any number of workers.
    ``seed=None`` draws a seed from the operating system.

    Examples
    --------
    >>> import vilfredo as vf
    >>> study = vf.create_study(sampler=vf.samplers.RandomSampler(seed=7))
    >>> 0.0 <= study.ask().suggest_float("x", 0.0, 1.0) <= 1.0
    True
    """

    _kind = "random"

    def __init__(self, seed: int | None = None) -> None:
        super().__init__(seed=seed)


class SobolSampler(BaseSampler):
    """Scrambled Sobol points (Joe & Kuo 2008 direction numbers; random linear matrix
    scrambling and digital shift, seeded): trial *k* takes point *k* over the search
    space learned from the first complete trial (parameters sorted by name). Until then,
    and for parameters outside that space, values are drawn at random.

    Examples
    --------
    >>> import vilfredo as vf
    >>> study = vf.create_study(sampler=vf.samplers.SobolSampler(seed=1))
    """

    _kind = "sobol"

    def __init__(self, seed: int | None = None) -> None:
        super().__init__(seed=seed)


class LatinHypercubeSampler(BaseSampler):
    """Latin hypercube sampling (McKay, Beckman & Conover 1979) in blocks of
    ``n_trials``: within each block, every parameter takes each of ``n_trials`` equal
    strata exactly once, whatever the number of workers.
    """

    _kind = "lhs"

    def __init__(self, n_trials: int, seed: int | None = None) -> None:
        super().__init__(n_trials=n_trials, seed=seed)


class NSGAIISampler(BaseSampler):
    """Steady-state, asynchronous NSGA-II (Deb et al. 2002) over trials.

    The parents are the best ``population_size`` complete trials by constrained Pareto
    rank and crowding distance, kept up to date as trials finish (in any order, from
    any worker); each new trial is a child bred by binary tournament, crossover and
    mutation on the unit scale of each parameter. Children equal to a finished, running
    or planned trial are rejected, so parallel workers never evaluate duplicates.
    Options follow Optuna's ``NSGAIISampler``; ``crossover`` is ``"sbx"`` (with
    ``crossover_eta``) or ``"uniform"``. Constraints come from ``trial.set_constraint``.
    """

    _kind = "nsga2"

    def __init__(
        self,
        population_size: int = 50,
        mutation_prob: float | None = None,
        crossover: str = "sbx",
        crossover_eta: float = 15.0,
        crossover_prob: float = 0.9,
        swapping_prob: float = 0.5,
        seed: int | None = None,
    ) -> None:
        super().__init__(
            population_size=population_size,
            mutation_prob=mutation_prob,
            crossover=crossover,
            crossover_eta=crossover_eta,
            crossover_prob=crossover_prob,
            swapping_prob=swapping_prob,
            seed=seed,
        )


class NSGAIIISampler(NSGAIISampler):
    """Steady-state, asynchronous NSGA-III (Deb & Jain 2014): as :class:`NSGAIISampler`,
    but the last front is cut by niching around reference directions (Das–Dennis by
    default, or ``reference_directions`` given as rows), which keeps many-objective
    fronts spread.
    """

    _kind = "nsga3"

    def __init__(
        self,
        population_size: int = 50,
        mutation_prob: float | None = None,
        crossover: str = "sbx",
        crossover_eta: float = 30.0,
        crossover_prob: float = 1.0,
        swapping_prob: float = 0.5,
        seed: int | None = None,
        reference_directions: Any = None,
    ) -> None:
        super().__init__(
            population_size=population_size,
            mutation_prob=mutation_prob,
            crossover=crossover,
            crossover_eta=crossover_eta,
            crossover_prob=crossover_prob,
            swapping_prob=swapping_prob,
            seed=seed,
        )
        if reference_directions is not None:
            self._options["reference_directions"] = [
                [float(v) for v in row] for row in reference_directions
            ]


class MOEADSampler(BaseSampler):
    """Steady-state, asynchronous MOEA/D (Zhang & Li 2007, IEEE TEVC 11(6)) with the
    MOEA/D-DE refinements of Li & Zhang (2009, IEEE TEVC 13(2)).

    Each weight vector (Das & Dennis's lattice with ``n_partitions`` divisions, by
    default the fewest giving at least 100 vectors; or ``weights`` given as rows, one
    column per objective) is a subproblem with one incumbent trial. Trials are assigned
    to subproblems in seeded cycles: a subproblem without an incumbent gets a random
    trial, any other a child of two incumbents of its ``n_neighbors`` nearest
    subproblems (of all of them with probability ``1 - prob_neighbor_mating``), made by
    SBX and polynomial mutation (``variation="sbx"``) or DE/rand/1/bin
    (``variation="de"``, with ``de_f`` and ``de_cr``) on the unit scale of each
    parameter. A finished trial lowers the ideal point and replaces at most
    ``max_replacements`` incumbents it beats by ``decomposition`` (``"tchebycheff"`` or
    ``"pbi"`` with penalty ``pbi_theta``), feasible trials first (constraints from
    ``trial.set_constraint``). Failed and pruned trials are ignored; parallel workers
    never get a vector that is finished, running or planned while a free one is found.
    The state is rebuilt from the storage alone, so a resumed study, or several
    processes on one storage, agree.

    ``n_neighbors`` larger than the number of weight vectors, or ``weights`` whose
    width is not the study's number of objectives, raise ``ValueError`` at the first
    ``ask``.

    Examples
    --------
    >>> import vilfredo as vf
    >>> sampler = vf.samplers.MOEADSampler(n_partitions=19, n_neighbors=5, seed=1)
    >>> study = vf.create_study(directions=["minimize", "minimize"], sampler=sampler)
    """

    _kind = "moead"

    def __init__(
        self,
        n_partitions: int | None = None,
        n_neighbors: int = 20,
        decomposition: str = "tchebycheff",
        prob_neighbor_mating: float = 0.9,
        seed: int | None = None,
        *,
        max_replacements: int = 2,
        pbi_theta: float = 5.0,
        variation: str = "sbx",
        crossover_eta: float = 20.0,
        de_f: float = 0.5,
        de_cr: float = 1.0,
        mutation_prob: float | None = None,
        weights: Any = None,
    ) -> None:
        super().__init__(
            n_partitions=n_partitions,
            n_neighbors=n_neighbors,
            decomposition=decomposition,
            prob_neighbor_mating=prob_neighbor_mating,
            seed=seed,
            max_replacements=max_replacements,
            pbi_theta=pbi_theta,
            variation=variation,
            crossover_eta=crossover_eta,
            de_f=de_f,
            de_cr=de_cr,
            mutation_prob=mutation_prob,
        )
        if weights is not None:
            self._options["weights"] = [[float(v) for v in row] for row in weights]


__all__ = [
    "BaseSampler",
    "LatinHypercubeSampler",
    "MOEADSampler",
    "NSGAIIISampler",
    "NSGAIISampler",
    "RandomSampler",
    "SobolSampler",
]
