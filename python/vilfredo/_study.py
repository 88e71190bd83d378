"""Studies in Optuna's vocabulary: ``create_study``, ``load_study``, ``Study``.

The trials, their storage, the samplers and the Pareto front live in Rust
(``vilfredo-study``); this module adds what belongs to Python: the ``optimize`` loop
(so that an objective's exceptions behave as in Optuna), threads for ``n_jobs``, and the
pandas export. Every call into Rust releases the GIL.
"""

from __future__ import annotations

import enum
import numbers
import os
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from typing import Any

from vilfredo import _vilfredo

Trial = _vilfredo.Trial
FrozenTrial = _vilfredo.FrozenTrial
StorageError = _vilfredo.StorageError
DuplicatedStudyError = _vilfredo.DuplicatedStudyError


class TrialState(enum.IntEnum):
    """Where a trial is in its life; the names and numbers are Optuna's.

    ``FAIL`` is an alias of ``FAILED`` (Optuna's spelling), so
    ``TrialState.FAIL is TrialState.FAILED``.
    """

    RUNNING = 0
    COMPLETE = 1
    PRUNED = 2
    FAILED = 3
    WAITING = 4
    FAIL = 3

    def is_finished(self) -> bool:
        """Whether the state is final (COMPLETE, PRUNED or FAILED)."""
        return self in (TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAILED)


class StudyDirection(enum.IntEnum):
    """The direction of one objective; the names and numbers are Optuna's."""

    NOT_SET = 0
    MINIMIZE = 1
    MAXIMIZE = 2


class TrialPruned(Exception):
    """Raise it in an objective to stop the trial early: it is recorded as PRUNED.

    ``optuna.TrialPruned`` is honoured too, so an objective written for Optuna runs
    unchanged.
    """


def _direction_name(d: Any) -> str:
    if isinstance(d, StudyDirection) or type(d).__name__ == "StudyDirection":
        return d.name.lower()
    if isinstance(d, str):
        return d
    raise TypeError(f"a direction is 'minimize' or 'maximize', not {d!r}")


def _pruned_types() -> tuple[type[BaseException], ...]:
    """TrialPruned, plus Optuna's when Optuna is already imported."""
    optuna = sys.modules.get("optuna")
    extra = getattr(optuna, "TrialPruned", None) if optuna is not None else None
    return (TrialPruned,) if extra is None else (TrialPruned, extra)


def _as_values(result: Any) -> list[float]:
    """An objective's return value as a list of floats (a number is one value)."""
    if isinstance(result, numbers.Real) or (
        hasattr(result, "shape") and getattr(result, "shape", None) == ()
    ):
        return [float(result)]
    if isinstance(result, (str, bytes)) or not isinstance(result, Iterable):
        raise TypeError(
            f"the objective returned {type(result).__name__}; expected a number or a "
            "sequence of numbers"
        )
    out = []
    for v in result:
        if not isinstance(v, numbers.Real) and not (
            hasattr(v, "shape") and getattr(v, "shape", None) == ()
        ):
            raise TypeError(f"objective value {v!r} is not a number")
        out.append(float(v))
    return out


class Study:
    """A multi-objective study: trials asked for, evaluated and told back.

    Create one with :func:`create_study` or open one with :func:`load_study`. The
    trials live in the study's storage (in memory, or an SQLite file shared by many
    processes); ``best_trials`` is the feasible Pareto front, kept up to date one trial
    at a time.

    Examples
    --------
    >>> import vilfredo as vf
    >>> def objective(trial):
    ...     x = trial.suggest_float("x", 0.0, 1.0)
    ...     y = trial.suggest_float("y", 0.0, 1.0)
    ...     return x, (1.0 + y) * (1.0 - x**0.5)
    >>> study = vf.create_study(directions=["minimize", "minimize"],
    ...                         sampler=vf.samplers.RandomSampler(seed=1))
    >>> study.optimize(objective, n_trials=50)
    >>> len(study.trials), all(t.state == vf.TrialState.COMPLETE for t in study.trials)
    (50, True)
    >>> len(study.best_trials) > 0
    True
    """

    def __init__(self, core: Any) -> None:
        self._core = core
        self._stop = threading.Event()

    # -- identity -----------------------------------------------------------------

    @property
    def study_name(self) -> str:
        """The study's name (unique in its storage)."""
        return self._core.study_name

    @property
    def directions(self) -> list[StudyDirection]:
        """One ``StudyDirection`` per objective."""
        return [StudyDirection[d.upper()] for d in self._core.directions]

    @property
    def direction(self) -> StudyDirection:
        """The direction of a single-objective study."""
        d = self.directions
        if len(d) != 1:
            raise RuntimeError("this study has several objectives; use .directions")
        return d[0]

    # -- trials -------------------------------------------------------------------

    @property
    def trials(self) -> list[FrozenTrial]:
        """Every trial, by number (a fresh snapshot)."""
        return self._core.trials()

    def get_trials(
        self, deepcopy: bool = True, states: Iterable[TrialState] | None = None
    ) -> list[FrozenTrial]:
        """The trials, optionally only those in ``states`` (snapshots: ``deepcopy`` is
        accepted for Optuna's signature and changes nothing)."""
        del deepcopy
        if states is None:
            return self._core.trials()
        return self._core.trials([TrialState(s).name for s in states])

    @property
    def best_trials(self) -> list[FrozenTrial]:
        """The feasible Pareto-optimal complete trials, by number (maximised objectives
        are compared the right way round). When no complete trial is feasible, the
        non-dominated ones among the least violating."""
        return self._core.best_trials()

    @property
    def best_trial(self) -> FrozenTrial:
        """The best trial of a single-objective study."""
        if len(self._core.directions) != 1:
            raise RuntimeError("this study has several objectives; use .best_trials")
        best = self._core.best_trials()
        if not best:
            raise ValueError("no trial is complete yet")
        return best[0]

    @property
    def best_params(self) -> dict[str, Any]:
        """The parameters of :attr:`best_trial`."""
        return self.best_trial.params

    @property
    def best_value(self) -> float:
        """The value of :attr:`best_trial`."""
        return self.best_trial.values[0]

    @property
    def user_attrs(self) -> dict[str, Any]:
        """The study's user attributes."""
        return self._core.user_attrs

    @property
    def system_attrs(self) -> dict[str, Any]:
        """The study's system attributes (set by vilfredo)."""
        return self._core.system_attrs

    def set_user_attr(self, key: str, value: Any) -> None:
        """Sets a user attribute of the study (any JSON-serialisable value)."""
        self._core.set_user_attr(key, value)

    # -- ask and tell -------------------------------------------------------------

    def ask(self) -> Trial:
        """Starts a trial (an enqueued one first) and returns it."""
        return self._core.ask()

    def tell(
        self,
        trial: Trial | int,
        values: float | Sequence[float] | None = None,
        state: TrialState | str | None = None,
    ) -> FrozenTrial:
        """Finishes ``trial`` (a ``Trial`` or its number) and returns its record.

        ``values`` (a number or one per direction) completes it; ``state`` may be
        ``TrialState.PRUNED`` or ``TrialState.FAIL`` instead. Values that cannot be
        stored (the wrong number, NaN, not numbers) fail the trial, which is recorded
        as FAILED with the reason in ``system_attrs["fail_reason"]``, and raise
        ``ValueError``. A finished trial cannot be told again (``ValueError``).
        """
        if state is None:
            if values is None:
                raise ValueError(
                    "no values were told; give values, or state=TrialState.PRUNED/FAIL"
                )
            state = TrialState.COMPLETE
        elif isinstance(state, str):
            try:
                state = TrialState[state.upper()]
            except KeyError:
                raise ValueError(f"unknown trial state {state!r}") from None
        else:
            state = TrialState(state)
        if state == TrialState.COMPLETE:
            if values is None:
                raise ValueError("a COMPLETE trial needs its values")
            try:
                told = _as_values(values)
            except TypeError as e:
                self._core.tell(trial, "FAIL", None, str(e))
                raise ValueError(str(e)) from e
            return self._core.tell(trial, "COMPLETE", told)
        if state == TrialState.PRUNED:
            return self._core.tell(trial, "PRUNED")
        if state == TrialState.FAILED:
            return self._core.tell(trial, "FAIL")
        raise ValueError(f"a trial can be told as COMPLETE, PRUNED or FAIL, not {state.name}")

    def enqueue_trial(
        self,
        params: dict[str, Any],
        user_attrs: dict[str, Any] | None = None,
        skip_if_exists: bool = False,
    ) -> None:
        """Queues a trial whose parameters are fixed: the next ``ask`` returns it and
        its ``suggest_*`` calls return these values. Give a parameter the type its
        ``suggest_*`` returns (a float for ``suggest_float``, …). ``user_attrs`` are
        set on the queued trial; with ``skip_if_exists`` nothing is queued when a trial
        (in any state) already has exactly these parameters."""
        params = dict(params)
        if skip_if_exists and any(t.params == params for t in self._core.trials()):
            return
        self._core.enqueue_trial(params, None if user_attrs is None else dict(user_attrs))

    # -- the loop -----------------------------------------------------------------

    def stop(self) -> None:
        """Asks a running ``optimize`` to start no new trial (for callbacks)."""
        self._stop.set()

    def _run_trial(
        self,
        func: Callable[[Trial], Any],
        catch: tuple[type[BaseException], ...],
        callbacks: Sequence[Callable[[Study, FrozenTrial], None]],
    ) -> None:
        trial = self._core.ask()
        try:
            result = func(trial)
        except _pruned_types():
            frozen = self._core.tell(trial, "PRUNED")
        except Exception as e:
            reason = f"{type(e).__name__}: {e}"
            frozen = self._core.tell(trial, "FAIL", None, reason)
            if not isinstance(e, catch):
                raise
            warnings.warn(f"trial {trial.number} failed: {reason}", stacklevel=3)
        except BaseException as e:  # KeyboardInterrupt, SystemExit: fail, then stop.
            self._core.tell(trial, "FAIL", None, f"interrupted by {type(e).__name__}")
            raise
        else:
            try:
                told = _as_values(result)
            except TypeError as e:
                frozen = self._core.tell(trial, "FAIL", None, str(e))
                warnings.warn(f"trial {trial.number} failed: {e}", stacklevel=3)
            else:
                try:
                    frozen = self._core.tell(trial, "COMPLETE", told)
                except ValueError as e:  # unusable values: the trial is FAILED already
                    warnings.warn(f"trial {trial.number} failed: {e}", stacklevel=3)
                    frozen = self._core.trials()[trial.number]
        for cb in callbacks:
            cb(self, frozen)

    def optimize(
        self,
        func: Callable[[Trial], Any],
        n_trials: int | None = None,
        timeout: float | None = None,
        n_jobs: int = 1,
        catch: Iterable[type[Exception]] | type[Exception] = (),
        callbacks: Sequence[Callable[[Study, FrozenTrial], None]] | None = None,
        gc_after_trial: bool = False,
        show_progress_bar: bool = False,
    ) -> None:
        """Runs ``func`` on new trials until ``n_trials`` are done or ``timeout``
        seconds have passed (with neither, until ``stop()`` or Ctrl-C).

        As in Optuna: ``func(trial)`` returns a number or one value per direction;
        raising ``vilfredo.TrialPruned`` (or ``optuna.TrialPruned``) prunes the trial;
        an exception listed in ``catch`` fails the trial and the loop goes on; any other
        exception fails the trial and propagates; Ctrl-C (``KeyboardInterrupt``) fails
        the running trial and propagates. Unusable return values fail the trial with a
        warning. ``callbacks`` are called as ``cb(study, frozen_trial)`` after each
        trial. ``n_jobs > 1`` (``-1``: one per CPU) runs trials on that many threads;
        ``gc_after_trial`` and ``show_progress_bar`` are accepted and ignored.
        """
        del gc_after_trial, show_progress_bar
        if isinstance(catch, type):
            catch = (catch,)
        catch = tuple(catch)
        callbacks = list(callbacks or [])
        if n_trials is not None and n_trials < 0:
            raise ValueError(f"n_trials must be >= 0, got {n_trials}")
        if n_jobs == -1:
            n_jobs = os.cpu_count() or 1
        if n_jobs < 1:
            raise ValueError(f"n_jobs must be >= 1 or -1, got {n_jobs}")
        self._stop.clear()
        start = time.monotonic()
        claimed = 0
        lock = threading.Lock()

        def claim() -> bool:
            nonlocal claimed
            with lock:
                if self._stop.is_set():
                    return False
                if timeout is not None and time.monotonic() - start >= timeout:
                    return False
                if n_trials is not None and claimed >= n_trials:
                    return False
                claimed += 1
                return True

        if n_jobs == 1:
            while claim():
                self._run_trial(func, catch, callbacks)
            return

        def worker() -> None:
            try:
                while claim():
                    self._run_trial(func, catch, callbacks)
            except BaseException:
                self._stop.set()
                raise

        with ThreadPoolExecutor(max_workers=n_jobs) as pool:
            futures = [pool.submit(worker) for _ in range(n_jobs)]
            try:
                done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            except BaseException:
                self._stop.set()
                raise
            for f in futures:
                if f in done and f.exception() is not None:
                    self._stop.set()
            wait(futures)
            for f in futures:
                if f.exception() is not None:
                    raise f.exception()

    # -- results ------------------------------------------------------------------

    def hypervolume(self, reference_point: Sequence[float]) -> float:
        """The hypervolume of the feasible front for ``reference_point`` (given in the
        study's directions; stored as the study's reference point)."""
        return self._core.hypervolume([float(x) for x in reference_point])

    def hypervolume_history(self, reference_point: Sequence[float]):
        """``(numbers, values)``: the trials that enlarged the feasible front's
        hypervolume, in finishing order, and the hypervolume after each."""
        return self._core.hypervolume_history([float(x) for x in reference_point])

    def trials_dataframe(
        self,
        attrs: tuple[str, ...] = (
            "number",
            "value",
            "datetime_start",
            "datetime_complete",
            "duration",
            "params",
            "user_attrs",
            "system_attrs",
            "state",
        ),
        multi_index: bool = False,
    ):
        """The trials as a pandas DataFrame with Optuna's column names: ``number``,
        ``value`` (or ``values_0``, ``values_1``, …), ``datetime_start``,
        ``datetime_complete``, ``duration``, ``params_<name>``, ``user_attrs_<key>``,
        ``system_attrs_<key>``, ``state`` (the state's name). Needs pandas."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError(
                "Study.trials_dataframe needs pandas; install it with `pip install pandas`"
            ) from None
        trials = self._core.trials()
        if not trials:
            return pd.DataFrame()
        n_obj = len(self._core.directions)
        if "value" in attrs and n_obj > 1:
            attrs = tuple("values" if a == "value" else a for a in attrs)
        records = []
        seen: dict[str, set] = {a: set() for a in attrs}
        for t in trials:
            rec = {}
            for a in attrs:
                v = getattr(t, a)
                if a == "values":
                    v = [None] * n_obj if v is None else v
                    for i, x in enumerate(v):
                        rec[(a, i)] = x
                        seen[a].add((a, i))
                elif a == "value":
                    vals = t.values
                    rec[(a, "")] = None if vals is None else vals[0]
                    seen[a].add((a, ""))
                elif isinstance(v, dict):
                    for k, x in v.items():
                        rec[(a, k)] = x
                        seen[a].add((a, k))
                elif isinstance(v, list):
                    for i, x in enumerate(v):
                        rec[(a, i)] = x
                        seen[a].add((a, i))
                else:
                    rec[(a, "")] = v.name if isinstance(v, enum.Enum) else v
                    seen[a].add((a, ""))
            records.append(rec)
        columns = [c for a in attrs for c in sorted(seen[a], key=lambda c: str(c[1]))]
        df = pd.DataFrame(records, columns=pd.MultiIndex.from_tuples(columns))
        if not multi_index:
            df.columns = ["_".join(str(p) for p in c if p != "") for c in columns]
        return df

    def __repr__(self) -> str:
        return f"<vilfredo.Study {self.study_name!r} directions={self._core.directions}>"


def create_study(
    directions: Sequence[str | StudyDirection] | None = None,
    storage: Any = None,
    study_name: str | None = None,
    sampler: Any = None,
    load_if_exists: bool = False,
    direction: str | StudyDirection | None = None,
) -> Study:
    """Creates a study (Optuna's ``create_study``, with the same argument names).

    ``directions`` is a list of ``"minimize"``/``"maximize"`` (or ``direction`` one of
    them; default a single ``"minimize"``). ``storage`` is ``None`` (a new in-memory
    store), a URL (``"sqlite:///path/to/file.db"``) or a ``vilfredo.storages`` object.
    ``sampler`` is a ``vilfredo.samplers`` object (default: ``RandomSampler()``). A
    taken ``study_name`` raises ``DuplicatedStudyError`` unless ``load_if_exists``.

    Examples
    --------
    >>> import vilfredo as vf
    >>> study = vf.create_study(directions=["minimize", "maximize"], study_name="demo")
    >>> study.study_name, [d.name for d in study.directions]
    ('demo', ['MINIMIZE', 'MAXIMIZE'])
    """
    if direction is not None and directions is not None:
        raise ValueError("give direction or directions, not both")
    if directions is None:
        directions = ["minimize"] if direction is None else [direction]
    if isinstance(directions, (str, StudyDirection)):
        raise TypeError("directions is a list, e.g. ['minimize', 'maximize']")
    names = [_direction_name(d) for d in directions]
    core = _vilfredo._create_study(names, storage, study_name, sampler, load_if_exists)
    return Study(core)


def load_study(study_name: str, storage: Any, sampler: Any = None) -> Study:
    """Opens the study called ``study_name`` in ``storage`` (a URL or a
    ``vilfredo.storages`` object). A missing study raises ``KeyError`` listing the
    names the storage holds."""
    return Study(_vilfredo._load_study(study_name, storage, sampler))


def get_all_study_names(storage: Any) -> list[str]:
    """The names of the studies in ``storage`` (a URL or a ``vilfredo.storages``
    object)."""
    if isinstance(storage, str):
        storage = _vilfredo.Storage.open(storage)
    return storage.study_names()


__all__ = [
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
]
