"""``vilfredo.minimize``: NSGA-II, NSGA-III, MOEA/D, SMS-EMOA, SPEA2 or R-NSGA-II on a
built-in or a Python-defined problem."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from vilfredo._vilfredo import Problem, _minimize_builtin, _minimize_python


@dataclass(frozen=True, eq=False)
class Result:
    """The outcome of :func:`minimize`.

    Attributes
    ----------
    X, F, G
        Decision vectors, objectives and constraint values (``(n, 0)`` without
        constraints) of the final non-dominated set (rank 0 of the final population,
        under constrained domination).
    pop_X, pop_F, pop_G
        The same for the whole final population.
    n_eval, n_gen
        Evaluations and generations done (the initial population is generation 1).
    history
        One ``(n_gen, n_eval, front_size)`` tuple per generation, where ``front_size``
        is the size of the result at that point (rank 0, without failed evaluations).
    """

    X: np.ndarray
    F: np.ndarray
    G: np.ndarray
    pop_X: np.ndarray
    pop_F: np.ndarray
    pop_G: np.ndarray
    n_eval: int
    n_gen: int
    history: list[tuple[int, int, int]] = field(repr=False)


def _n_constr(problem: object) -> int:
    for name in ("n_constr", "n_ieq_constr"):
        value = getattr(problem, name, None)
        if value is not None:
            return int(value)
    return 0


def _bound(problem: object, name: str, n_var: int) -> np.ndarray:
    value = getattr(problem, name, None)
    if value is None:
        raise ValueError(f"the problem has no attribute {name!r} (bounds, one per variable)")
    array = np.asarray(value, dtype=np.float64)
    try:
        return np.ascontiguousarray(np.broadcast_to(array, (n_var,)))
    except ValueError:
        raise ValueError(
            f"{name}: expected a scalar or {n_var} values, got shape {array.shape}"
        ) from None


def minimize(
    problem: object,
    algorithm: str = "nsga2",
    *,
    pop_size: int | None = None,
    n_gen: int | None = None,
    n_eval: int | None = None,
    seed: int = 0,
    ref_dirs: npt.ArrayLike | int | None = None,
    **options: object,
) -> Result:
    """Minimise every objective of ``problem``; returns a :class:`Result`.

    ``problem`` is either a built-in problem from :func:`vilfredo.problems.get`, which
    runs entirely in Rust with the GIL released, or any pymoo-style object with
    ``n_var``, ``n_obj``, ``xl``, ``xu`` (scalars or one value per variable), optional
    ``n_constr`` (or ``n_ieq_constr``), and a vectorised ``evaluate(X)`` that takes an
    ``(n, n_var)`` float64 array and returns ``F`` of shape ``(n, n_obj)``, or the pair
    ``(F, G)`` with ``G`` of shape ``(n, n_constr)`` (``g <= 0`` is feasible).

    The run stops once ``n_gen`` generations (the initial population counts as the
    first, as in pymoo) or ``n_eval`` evaluations are done, whichever comes first; at
    least one of them must be given. The same ``seed`` gives the same result.

    ``algorithm`` is one of (all with SBX and polynomial mutation at pymoo's default
    settings, and constraints by feasibility first, Deb 2000):

    - ``"nsga2"``: NSGA-II, Deb, Pratap, Agarwal & Meyarivan (2002), "A fast and
      elitist multiobjective genetic algorithm: NSGA-II", IEEE TEVC 6(2).
    - ``"nsga3"``: NSGA-III, Deb & Jain (2014), "An evolutionary many-objective
      optimization algorithm using reference-point-based nondominated sorting
      approach, Part I", IEEE TEVC 18(4), with pymoo's normalization; needs
      ``ref_dirs``; ``pop_size`` defaults to the number of directions rounded up to a
      multiple of 4.
    - ``"moead"``: MOEA/D, Zhang & Li (2007), "MOEA/D: A multiobjective evolutionary
      algorithm based on decomposition", IEEE TEVC 11(6): Tchebycheff subproblems, 20
      neighbours, neighbourhood mating probability 0.9, at most 2 replacements (Li &
      Zhang 2009), feasibility-first replacement with constraints; one subproblem per
      row of ``ref_dirs`` (the population size, so ``pop_size`` must not be given).
      ``sequential=True`` makes one offspring per generation from the population as the
      previous insertion left it (the papers' loop; give the budget as ``n_eval``)
      instead of a generation of one offspring per subproblem.
    - ``"sms-emoa"``: SMS-EMOA, Beume, Naujoks & Emmerich (2007), "SMS-EMOA:
      Multiobjective selection based on dominated hypervolume", EJOR 181(3). Steady
      state: each generation makes ``n_offspring`` offspring (default 1, as in the
      paper), so give the budget as ``n_eval``. Options ``n_offspring`` and
      ``ref_offset`` (the hypervolume reference point is the worst of the last front
      plus this, default 1).
    - ``"spea2"``: SPEA2, Zitzler, Laumanns & Thiele (2001), "SPEA2: Improving the
      strength Pareto evolutionary algorithm", TIK-Report 103. Options
      ``archive_size`` (default ``pop_size``) and ``normalize`` (density measured
      in objectives scaled to the population's ideal–nadir box, for objectives of
      very different scales; default ``False``); the result is the archive's
      non-dominated set, and ``pop_*`` the archive.
    - ``"rnsga2"``: R-NSGA-II, Deb & Sundar (2006), "Reference point based
      multi-objective optimization using evolutionary algorithms", GECCO. Options
      ``ref_points`` (required: shape ``(k, n_obj)``), ``epsilon`` (default 0.001),
      ``weights`` (``n_obj`` positive values, equal by default) and
      ``normalization`` (``"front"``, ``"ever"`` or ``"no"``), as pymoo's RNSGA2.

    ``pop_size`` defaults to 100 where it is not derived as above. ``ref_dirs`` is an
    ``(n, n_obj)`` array of non-negative reference directions (weight vectors for
    MOEA/D), or an int ``p`` for the Das-Dennis lattice with ``p`` divisions (``p = 12``
    gives 91 directions for 3 objectives).

    ``"nsga2"`` takes the option ``operator``: a callable
    ``operator(parents, values, n_offspring, generation) -> offspring`` that makes the
    children instead of SBX and polynomial mutation (a heuristic, a model, a language
    model proposing candidates). ``parents`` is the ``(k, n_var)`` array NSGA-II
    selected (consecutive rows are mating pairs), ``values`` their ``(k, n_obj)``
    objectives (minimised); it returns at least ``n_offspring`` rows of ``n_var``
    values, which are clamped into the bounds. Selection and survival stay NSGA-II's,
    the initial population is random, and an exception it raises ends the run as it
    was raised. The same protocol over JSON lines is ``vilfredo optimize --operator``.

    Options an algorithm does not know raise ``ValueError`` naming the valid ones.

    Errors: an exception raised by ``evaluate`` propagates unchanged; NaN or infinite
    values, or arrays of the wrong shape, raise ``ValueError`` naming the row; an
    unknown ``algorithm`` raises ``ValueError`` listing the valid ones; Ctrl-C stops
    the run with ``KeyboardInterrupt`` between generations.

    Examples
    --------
    >>> import vilfredo as vf
    >>> res = vf.minimize(vf.problems.get("zdt1"), pop_size=40, n_gen=50, seed=1)
    >>> (res.n_gen, res.n_eval, res.F.shape[1])
    (50, 2000, 2)
    >>> res = vf.minimize(vf.problems.get("zdt1"), "rnsga2", ref_points=[[0.2, 0.5]],
    ...                   pop_size=20, n_gen=20, seed=1)
    >>> res.n_eval
    400
    """
    if not isinstance(algorithm, str):
        raise TypeError(
            "algorithm must be a name; valid algorithms: nsga2, nsga3, moead, sms-emoa, "
            "spea2, rnsga2"
        )
    if ref_dirs is not None:
        # Read (an int, a flat row or a matrix) by the parser the ask/tell classes share.
        options["ref_dirs"] = ref_dirs
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    if not 0 <= seed < 2**64:
        raise ValueError(f"seed must be in [0, 2**64), got {seed}")
    if isinstance(problem, Problem):
        raw = _minimize_builtin(problem, algorithm, pop_size, n_gen, n_eval, seed, options)
    else:
        for name in ("n_var", "n_obj", "evaluate"):
            if not hasattr(problem, name):
                raise ValueError(
                    f"the problem has no attribute {name!r}; a problem needs n_var, "
                    "n_obj, xl, xu and evaluate(X)"
                )
        n_var = int(problem.n_var)  # type: ignore[attr-defined]
        n_obj = int(problem.n_obj)  # type: ignore[attr-defined]
        if n_var < 1:
            raise ValueError(f"n_var must be at least 1, got {n_var}")
        raw = _minimize_python(
            problem.evaluate,  # type: ignore[attr-defined]
            n_obj,
            _n_constr(problem),
            _bound(problem, "xl", n_var),
            _bound(problem, "xu", n_var),
            algorithm,
            pop_size,
            n_gen,
            n_eval,
            seed,
            options,
        )
    return Result(**raw)
