"""Type stubs of the compiled module ``vilfredo._vilfredo``."""

from collections.abc import Callable, Iterator, Sequence

import numpy as np
import numpy.typing as npt

__version__: str

_Points = npt.ArrayLike
_Vector = npt.ArrayLike | Sequence[float]

class HvEstimate:
    """A Monte Carlo estimate of a hypervolume: ``value`` within ``[lower, upper]``."""

    @property
    def value(self) -> float: ...
    @property
    def lower(self) -> float: ...
    @property
    def upper(self) -> float: ...
    def __init__(self, value: float, lower: float, upper: float) -> None: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> float: ...
    def __iter__(self) -> Iterator[float]: ...

def hypervolume(points: _Points, ref: _Vector) -> float: ...
def hv_contributions(
    points: _Points, ref: _Vector, *, ignore_dominated: bool = False
) -> npt.NDArray[np.float64]: ...
def hypervolume_approx(
    points: _Points,
    ref: _Vector,
    *,
    samples: int = 1000000,
    seed: int = 0,
    confidence: float = 0.99,
) -> HvEstimate: ...
def is_non_dominated(points: _Points) -> npt.NDArray[np.bool_]: ...
def pareto_rank(points: _Points) -> npt.NDArray[np.int64]: ...
def crowding_distance(points: _Points) -> npt.NDArray[np.float64]: ...
def igd(points: _Points, front: _Points) -> float: ...
def igd_plus(points: _Points, front: _Points) -> float: ...
def gd(points: _Points, front: _Points) -> float: ...
def gd_plus(points: _Points, front: _Points) -> float: ...
def epsilon_additive(points: _Points, front: _Points) -> float: ...
def epsilon_multiplicative(points: _Points, front: _Points) -> float: ...
def _cli_main(argv: list[str]) -> int: ...
_HAS_CLI: bool

class Problem:
    """A benchmark problem from ``vilfredo.problems.get``; every objective is minimised."""

    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def n_var(self) -> int: ...
    @property
    def n_obj(self) -> int: ...
    @property
    def n_constr(self) -> int: ...
    @property
    def xl(self) -> npt.NDArray[np.float64]: ...
    @property
    def xu(self) -> npt.NDArray[np.float64]: ...
    @property
    def bounds(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]: ...
    def evaluate(
        self, X: npt.ArrayLike
    ) -> (
        npt.NDArray[np.float64]
        | tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]
    ):
        """``F`` of shape ``(n, n_obj)``, or ``(F, G)`` when ``n_constr > 0``."""
    def pareto_front(self, n: int = 100) -> npt.NDArray[np.float64]: ...
    def pareto_set(self, n: int = 100) -> npt.NDArray[np.float64]: ...

def get_problem(name: str, **params: float) -> Problem: ...
def list_problems() -> list[dict[str, object]]: ...
def _minimize_builtin(
    problem: Problem,
    algorithm: str,
    pop_size: int | None,
    n_gen: int | None,
    n_eval: int | None,
    seed: int,
    options: dict[str, object] | None = None,
    ref_dirs: npt.ArrayLike | int | None = None,
) -> dict[str, object]: ...
def _minimize_python(
    evaluate: Callable[[npt.NDArray[np.float64]], object],
    n_obj: int,
    n_constr: int,
    xl: npt.ArrayLike,
    xu: npt.ArrayLike,
    algorithm: str,
    pop_size: int | None,
    n_gen: int | None,
    n_eval: int | None,
    seed: int,
    options: dict[str, object] | None = None,
    ref_dirs: npt.ArrayLike | int | None = None,
) -> dict[str, object]: ...

from typing import Literal, TypeVar

_A = TypeVar("_A", bound="AskTell")

class AskTell:
    """Base class of the ask/tell algorithms (``NSGA2``, ``NSGA3``, ``MOEAD``,
    ``SMSEMOA``, ``SPEA2``, ``RNSGA2``); not instantiable itself.

    ``ask()`` returns the next batch to evaluate (asking again before telling repeats
    it), ``tell(F, G)`` its values; a bad ``tell`` (wrong shape, NaN or inf) raises
    ``ValueError`` naming the row and keeps the batch pending. ``state()`` is a JSON
    snapshot that the class's ``from_state`` continues bit for bit (another
    algorithm's snapshot is refused); pickling goes through it.
    """

    def ask(self) -> npt.NDArray[np.float64]:
        """The pending batch, ``(k, n_var)``; asking twice before telling repeats it."""
    def tell(self, F: npt.ArrayLike, G: npt.ArrayLike | None = None) -> None:
        """Values of the pending batch: ``F`` ``(k, n_obj)``, ``G`` ``(k, n_constr)``."""
    def result(
        self,
    ) -> tuple[
        npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]
    ]:
        """``(X, F, G)`` of the population's rank-0 members (constrained domination)."""
    def state(self) -> str:
        """A JSON snapshot; the class's ``from_state`` continues the run bit for bit."""
    @classmethod
    def from_state(cls: type[_A], state: str) -> _A:
        """Continues a run from a snapshot made by ``state()`` of the same class."""
    def __reduce__(self) -> tuple[object, tuple[str]]: ...
    @property
    def n_gen(self) -> int:
        """Generations completed; the initial population is generation 1."""
    @property
    def n_eval(self) -> int:
        """Evaluations told so far."""
    @property
    def n_var(self) -> int: ...
    @property
    def n_obj(self) -> int: ...
    @property
    def n_constr(self) -> int: ...
    @property
    def pop_size(self) -> int: ...
    @property
    def pop_X(self) -> npt.NDArray[np.float64]:
        """Decision vectors of the population (SPEA2: the archive)."""
    @property
    def pop_F(self) -> npt.NDArray[np.float64]: ...
    @property
    def pop_G(self) -> npt.NDArray[np.float64]: ...

class NSGA2(AskTell):
    """NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, IEEE TEVC 6(2)) driven by
    ask/tell; see ``help(vilfredo.NSGA2)``."""

    def __init__(
        self,
        xl: _Vector,
        xu: _Vector,
        n_obj: int,
        *,
        n_constr: int = 0,
        pop_size: int = 100,
        seed: int = 0,
        var_types: Sequence[str] | None = None,
    ) -> None: ...

class NSGA3(AskTell):
    """NSGA-III (Deb & Jain 2014, IEEE TEVC 18(4)) driven by ask/tell; ``ref_dirs`` is
    required (an ``(n, n_obj)`` array or Das-Dennis divisions), ``pop_size`` defaults
    to the number of directions rounded up to a multiple of 4. Replays
    ``vilfredo.minimize(problem, "nsga3", ...)``; see ``help(vilfredo.NSGA3)``."""

    def __init__(
        self,
        xl: _Vector,
        xu: _Vector,
        n_obj: int,
        *,
        n_constr: int = 0,
        pop_size: int | None = None,
        seed: int = 0,
        var_types: Sequence[str] | None = None,
        ref_dirs: npt.ArrayLike | int,
    ) -> None: ...

class MOEAD(AskTell):
    """MOEA/D (Zhang & Li 2007, IEEE TEVC 11(6)) driven by ask/tell; one subproblem
    per row of ``ref_dirs`` (required; the population size, so no ``pop_size``).
    Replays ``vilfredo.minimize(problem, "moead", ...)``; see
    ``help(vilfredo.MOEAD)``."""

    def __init__(
        self,
        xl: _Vector,
        xu: _Vector,
        n_obj: int,
        *,
        n_constr: int = 0,
        pop_size: None = None,
        seed: int = 0,
        var_types: Sequence[str] | None = None,
        ref_dirs: npt.ArrayLike | int,
        n_neighbors: int = 20,
        prob_neighbor_mating: float = 0.9,
        max_replacements: int = 2,
        decomposition: Literal["tchebycheff", "pbi"] = "tchebycheff",
        pbi_theta: float | None = None,
        variation: Literal["sbx", "de"] = "sbx",
        sequential: bool = False,
    ) -> None: ...

class SMSEMOA(AskTell):
    """SMS-EMOA (Beume, Naujoks & Emmerich 2007, EJOR 181(3)) driven by ask/tell:
    steady state, ``n_offspring`` offspring per ask after the initial population.
    Replays ``vilfredo.minimize(problem, "sms-emoa", ...)``; see
    ``help(vilfredo.SMSEMOA)``."""

    def __init__(
        self,
        xl: _Vector,
        xu: _Vector,
        n_obj: int,
        *,
        n_constr: int = 0,
        pop_size: int | None = None,
        seed: int = 0,
        var_types: Sequence[str] | None = None,
        n_offspring: int = 1,
        ref_offset: float = 1.0,
    ) -> None: ...

class SPEA2(AskTell):
    """SPEA2 (Zitzler, Laumanns & Thiele 2001, TIK-Report 103) driven by ask/tell;
    ``pop_X``/``pop_F``/``pop_G`` are the archive. Replays
    ``vilfredo.minimize(problem, "spea2", ...)``; see ``help(vilfredo.SPEA2)``."""

    def __init__(
        self,
        xl: _Vector,
        xu: _Vector,
        n_obj: int,
        *,
        n_constr: int = 0,
        pop_size: int | None = None,
        seed: int = 0,
        var_types: Sequence[str] | None = None,
        archive_size: int | None = None,
        normalize: bool = False,
    ) -> None: ...

class RNSGA2(AskTell):
    """R-NSGA-II (Deb & Sundar 2006, GECCO) driven by ask/tell; ``ref_points`` is
    required. Replays ``vilfredo.minimize(problem, "rnsga2", ...)``; see
    ``help(vilfredo.RNSGA2)``."""

    def __init__(
        self,
        xl: _Vector,
        xu: _Vector,
        n_obj: int,
        *,
        n_constr: int = 0,
        pop_size: int | None = None,
        seed: int = 0,
        var_types: Sequence[str] | None = None,
        ref_points: npt.ArrayLike,
        epsilon: float = 0.001,
        weights: _Vector | None = None,
        normalization: Literal["front", "ever", "no"] = "front",
    ) -> None: ...

# -- studies (python/vilfredo/_study.py wraps these) -------------------------------------

from typing import Any

class StorageError(RuntimeError): ...
class DuplicatedStudyError(ValueError): ...

class Storage:
    """A storage shared by studies (``vilfredo.storages``)."""

    @staticmethod
    def open(url: str) -> Storage: ...
    @staticmethod
    def in_memory() -> Storage: ...
    @property
    def url(self) -> str: ...
    def study_names(self) -> list[str]: ...

class Trial:
    """A running trial: ask it for parameter values as the objective needs them."""

    @property
    def number(self) -> int: ...
    @property
    def params(self) -> dict[str, Any]: ...
    @property
    def user_attrs(self) -> dict[str, Any]: ...
    @property
    def state(self) -> Any: ...  # vilfredo.TrialState
    @property
    def values(self) -> list[float] | None: ...
    def suggest_float(
        self, name: str, low: float, high: float, *, step: float | None = None, log: bool = False
    ) -> float: ...
    def suggest_int(
        self, name: str, low: int, high: int, *, step: int = 1, log: bool = False
    ) -> int: ...
    def suggest_categorical(
        self, name: str, choices: Sequence[None | bool | int | float | str]
    ) -> None | bool | int | float | str: ...
    def set_constraint(self, values: Sequence[float]) -> None: ...
    def set_constraints(self, values: Sequence[float]) -> None: ...
    def set_user_attr(self, key: str, value: Any) -> None: ...

class FrozenTrial:
    """A trial as stored."""

    @property
    def number(self) -> int: ...
    @property
    def state(self) -> Any: ...  # vilfredo.TrialState
    @property
    def values(self) -> list[float] | None: ...
    @property
    def value(self) -> float | None: ...
    @property
    def params(self) -> dict[str, Any]: ...
    @property
    def distributions(self) -> dict[str, dict[str, Any]]: ...
    @property
    def user_attrs(self) -> dict[str, Any]: ...
    @property
    def system_attrs(self) -> dict[str, Any]: ...
    @property
    def constraints(self) -> list[float] | None: ...
    @property
    def is_feasible(self) -> bool: ...
    @property
    def datetime_start(self) -> Any: ...  # datetime.datetime | None
    @property
    def datetime_complete(self) -> Any: ...  # datetime.datetime | None
    @property
    def duration(self) -> Any: ...  # datetime.timedelta | None

class _Study:
    @property
    def study_name(self) -> str: ...
    @property
    def directions(self) -> list[str]: ...
    @property
    def user_attrs(self) -> dict[str, Any]: ...
    @property
    def system_attrs(self) -> dict[str, Any]: ...
    def ask(self) -> Trial: ...
    def tell(
        self,
        trial: Trial | int,
        state: str,
        values: Sequence[float] | None = None,
        reason: str | None = None,
    ) -> FrozenTrial: ...
    def trials(self, states: Sequence[str] | None = None) -> list[FrozenTrial]: ...
    def best_trials(self) -> list[FrozenTrial]: ...
    def enqueue_trial(
        self, params: dict[str, Any], user_attrs: dict[str, Any] | None = None
    ) -> int: ...
    def set_user_attr(self, key: str, value: Any) -> None: ...
    def hypervolume(self, reference_point: Sequence[float]) -> float: ...
    def hypervolume_history(
        self, reference_point: Sequence[float]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]: ...

def _create_study(
    directions: Sequence[str],
    storage: Any = None,
    study_name: str | None = None,
    sampler: Any = None,
    load_if_exists: bool = False,
) -> _Study: ...
def _load_study(study_name: str, storage: Any, sampler: Any = None) -> _Study: ...
def _nsga2_select(
    points: _Points, violation: _Vector, k: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]: ...
def _nsga2_child(
    parents: _Points,
    numeric: Sequence[bool],
    seed: int,
    crossover_prob: float = 0.9,
    swapping_prob: float = 0.5,
    mutation_prob: float | None = None,
) -> npt.NDArray[np.float64]: ...
def _hypervolume_steps(
    points: _Points, reference: _Vector, feasible: Sequence[bool] | None = None
) -> npt.NDArray[np.float64]: ...
