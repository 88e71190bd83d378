"""Studies from Python: the Optuna-style API, its error mapping, and Optuna as an oracle."""

from __future__ import annotations

import datetime
import math
import os
import subprocess
import sys
import warnings

import numpy as np
import pytest

import vilfredo as vf


def seeded(directions=("minimize", "minimize"), seed=0, **kw):
    return vf.create_study(
        directions=list(directions), sampler=vf.samplers.RandomSampler(seed=seed), **kw
    )


def zdt1(trial, n=4):
    x = [trial.suggest_float(f"x{i}", 0.0, 1.0) for i in range(n)]
    g = 1 + 9 * sum(x[1:]) / (n - 1)
    return x[0], g * (1 - math.sqrt(x[0] / g))


def front_numbers(study, signs):
    """Numbers of the non-dominated feasible complete trials, by brute force."""
    done = [
        t
        for t in study.trials
        if t.state == vf.TrialState.COMPLETE and t.is_feasible
    ]
    F = np.array([t.values for t in done]) * np.asarray(signs)
    keep = vf.is_non_dominated(F)
    return sorted(t.number for t, k in zip(done, keep) if k)


# -- creating and loading -----------------------------------------------------------


def test_create_defaults_and_directions():
    s = vf.create_study()
    assert s.directions == [vf.StudyDirection.MINIMIZE]
    assert s.direction == vf.StudyDirection.MINIMIZE
    s = vf.create_study(direction="maximize", study_name="one")
    assert s.study_name == "one" and s.directions == [vf.StudyDirection.MAXIMIZE]
    s = vf.create_study(directions=["minimize", vf.StudyDirection.MAXIMIZE])
    assert [d.name for d in s.directions] == ["MINIMIZE", "MAXIMIZE"]
    with pytest.raises(ValueError, match="direction"):
        vf.create_study(directions=["down"])
    with pytest.raises(ValueError):
        vf.create_study(direction="minimize", directions=["minimize"])
    with pytest.raises(ValueError):
        vf.create_study(directions=[])


def test_duplicated_and_missing_studies():
    store = vf.storages.InMemoryStorage()
    vf.create_study(study_name="alpha", storage=store)
    vf.create_study(study_name="beta", storage=store)
    with pytest.raises(vf.DuplicatedStudyError, match="alpha"):
        vf.create_study(study_name="alpha", storage=store)
    assert issubclass(vf.DuplicatedStudyError, ValueError)
    again = vf.create_study(study_name="alpha", storage=store, load_if_exists=True)
    assert again.study_name == "alpha"
    with pytest.raises(ValueError, match="directions"):
        vf.create_study(
            study_name="alpha", storage=store, load_if_exists=True, direction="maximize"
        )
    with pytest.raises(KeyError) as info:
        vf.load_study(study_name="gamma", storage=store)
    assert "alpha" in str(info.value) and "beta" in str(info.value)
    assert vf.get_all_study_names(store) == ["alpha", "beta"]
    with pytest.raises(ValueError, match="storage"):
        vf.load_study(study_name="alpha", storage=None)


def test_loaded_study_sees_the_same_trials():
    store = vf.storages.InMemoryStorage()
    a = vf.create_study(
        study_name="s", storage=store, directions=["minimize", "minimize"],
        sampler=vf.samplers.RandomSampler(seed=3),
    )
    a.optimize(zdt1, n_trials=15)
    b = vf.load_study(study_name="s", storage=store)
    assert [t.number for t in b.trials] == list(range(15))
    assert [t.params for t in b.trials] == [t.params for t in a.trials]
    assert [t.number for t in b.best_trials] == [t.number for t in a.best_trials]


def test_storage_errors_and_urls():
    assert issubclass(vf.StorageError, RuntimeError)
    with pytest.raises(ValueError, match="storage"):
        vf.create_study(storage="mysql://nowhere/db")
    with pytest.raises(TypeError, match="storage"):
        vf.create_study(storage=42)
    with pytest.raises(TypeError, match="sampler"):
        vf.create_study(sampler="random")


# -- define-by-run --------------------------------------------------------------------


def test_define_by_run_branches():
    def objective(trial):
        kind = trial.suggest_categorical("kind", ["linear", "poly"])
        if kind == "linear":
            a = trial.suggest_float("slope", -1.0, 1.0)
            return a * a
        d = trial.suggest_int("degree", 2, 5)
        c = trial.suggest_float("coef", 1e-3, 1e3, log=True)
        return d + math.log10(c)

    s = seeded(["minimize"], seed=5)
    s.optimize(objective, n_trials=60)
    kinds = set()
    for t in s.trials:
        kinds.add(t.params["kind"])
        if t.params["kind"] == "linear":
            assert set(t.params) == {"kind", "slope"}
        else:
            assert set(t.params) == {"kind", "degree", "coef"}
    assert kinds == {"linear", "poly"}
    best = min(t.values[0] for t in s.trials)
    assert s.best_value == best and s.best_trial.values[0] == best
    assert s.best_params == s.best_trial.params


def test_suggest_ranges_and_types():
    s = seeded(["minimize"], seed=11)
    for _ in range(200):
        t = s.ask()
        x = t.suggest_float("x", -2.0, 3.0)
        lg = t.suggest_float("lg", 1e-4, 1.0, log=True)
        st = t.suggest_float("st", 0.0, 1.0, step=0.25)
        i = t.suggest_int("i", -3, 7)
        ist = t.suggest_int("ist", 1, 10, step=3)
        il = t.suggest_int("il", 1, 1000, log=True)
        assert type(x) is float and -2.0 <= x <= 3.0
        assert 1e-4 <= lg <= 1.0
        assert st in (0.0, 0.25, 0.5, 0.75, 1.0)
        assert type(i) is int and -3 <= i <= 7
        assert ist in (1, 4, 7, 10)
        assert type(il) is int and 1 <= il <= 1000
        # Asking again returns the same value.
        assert t.suggest_float("x", -2.0, 3.0) == x
        assert t.params == {"x": x, "lg": lg, "st": st, "i": i, "ist": ist, "il": il}
        s.tell(t, x)
    values = [t.params["ist"] for t in s.trials]
    assert set(values) == {1, 4, 7, 10}
    logs = np.log10([t.params["lg"] for t in s.trials])
    assert logs.min() < -3 and logs.max() > -1  # log-uniform spreads over the decades


def test_categorical_choices_keep_their_types():
    choices = [None, True, False, 1, 2.5, "a"]
    s = seeded(["minimize"], seed=2)
    seen = set()
    for _ in range(120):
        t = s.ask()
        v = t.suggest_categorical("c", choices)
        assert any(v is c or (type(v) is type(c) and v == c) for c in choices)
        seen.add((type(v).__name__, v))
        s.tell(t, 0.0)
    # True and 1 are different choices, kept apart by type.
    assert ("bool", True) in seen and ("int", 1) in seen and ("NoneType", None) in seen
    assert len(seen) == len(choices)
    with pytest.raises(TypeError, match="choice"):
        s.ask().suggest_categorical("d", [object()])
    with pytest.raises(ValueError):
        s.ask().suggest_categorical("e", [])


def test_redefined_parameter_is_a_value_error():
    s = seeded(["minimize"])
    t = s.ask()
    t.suggest_float("x", 0.0, 1.0)
    with pytest.raises(ValueError, match="x"):
        t.suggest_float("x", 0.0, 2.0)
    with pytest.raises(ValueError, match="x"):
        t.suggest_int("x", 0, 1)
    with pytest.raises(ValueError):
        t.suggest_float("bad", 1.0, 0.0)
    with pytest.raises(ValueError):
        t.suggest_float("bad", 0.0, 1.0, log=True)
    s.tell(t, 1.0)
    # Another trial may not use the name as another kind either.
    with pytest.raises(ValueError, match="x"):
        s.ask().suggest_categorical("x", ["a", "b"])


def test_seeded_studies_are_reproducible():
    a, b = seeded(seed=9), seeded(seed=9)
    a.optimize(zdt1, n_trials=20)
    b.optimize(zdt1, n_trials=20)
    assert [t.params for t in a.trials] == [t.params for t in b.trials]
    c = seeded(seed=10)
    c.optimize(zdt1, n_trials=5)
    assert [t.params for t in c.trials] != [t.params for t in a.trials[:5]]


# -- outcomes -------------------------------------------------------------------------


def test_tell_values_states_and_errors():
    s = seeded()
    t = s.ask()
    with pytest.raises(ValueError, match="value"):
        s.tell(t, [1.0, 2.0, 3.0])
    assert s.trials[t.number].state == vf.TrialState.FAILED
    assert "2 direction" in s.trials[t.number].system_attrs["fail_reason"]
    with pytest.raises(ValueError):
        t.suggest_float("late", 0.0, 1.0)  # a told trial refuses changes

    assert t.state == vf.TrialState.FAILED and t.values is None
    t = s.ask()
    assert t.state == vf.TrialState.RUNNING and t.values is None
    with pytest.raises(ValueError, match="NaN"):
        s.tell(t, [float("nan"), 1.0])
    assert s.trials[t.number].state == vf.TrialState.FAIL

    t = s.ask()
    with pytest.raises(ValueError, match="not a number"):
        s.tell(t, ["a", 1.0])
    assert s.trials[t.number].state == vf.TrialState.FAILED

    t = s.ask()
    with pytest.raises(ValueError, match="no values"):
        s.tell(t)
    done = s.tell(t.number, (np.float64(1.0), 2))  # by number, numpy scalars accepted
    assert done.state == vf.TrialState.COMPLETE and done.values == [1.0, 2.0]
    assert t.state == vf.TrialState.COMPLETE and t.values == [1.0, 2.0]
    t2 = s.ask()
    s.tell(t2, [3.0, 4.0])
    assert t2.state == vf.TrialState.COMPLETE and t2.values == [3.0, 4.0]
    s.tell(s.ask(), state="pruned")
    with pytest.raises(ValueError, match="already"):
        s.tell(t, [1.0, 2.0])

    assert s.tell(s.ask(), state=vf.TrialState.PRUNED).state == vf.TrialState.PRUNED
    assert s.tell(s.ask(), state="fail").state == vf.TrialState.FAILED
    assert s.tell(s.ask(), state=vf.TrialState.FAIL).values is None
    with pytest.raises(ValueError):
        s.tell(999, [1.0, 2.0])
    assert [t.number for t in s.trials] == list(range(9))
    assert [t.number for t in s.get_trials(states=[vf.TrialState.COMPLETE])] == [3, 4]
    assert len(s.get_trials(states=(vf.TrialState.FAIL, vf.TrialState.PRUNED))) == 7


def test_optimize_states_catch_and_propagation():
    def objective(trial):
        x = trial.suggest_float("x", 0.0, 1.0)
        n = trial.number
        if n % 5 == 1:
            raise vf.TrialPruned()
        if n % 5 == 2:
            raise ArithmeticError("caught")
        if n % 5 == 3:
            return [x]  # wrong number of values: the trial fails, the loop goes on
        if n % 5 == 4:
            return float("nan")
        return x, 1 - x

    s = seeded()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        s.optimize(objective, n_trials=20, catch=(ArithmeticError,))
    states = [t.state for t in s.trials]
    assert len(states) == 20
    for t in s.trials:
        expected = {
            0: vf.TrialState.COMPLETE,
            1: vf.TrialState.PRUNED,
            2: vf.TrialState.FAILED,
            3: vf.TrialState.FAILED,
            4: vf.TrialState.FAILED,
        }[t.number % 5]
        assert t.state == expected, t
    assert "ArithmeticError: caught" in s.trials[2].system_attrs["fail_reason"]

    def boom(trial):
        trial.suggest_float("x", 0.0, 1.0)
        raise RuntimeError("not caught")

    with pytest.raises(RuntimeError, match="not caught"):
        s.optimize(boom, n_trials=5, catch=ArithmeticError)
    assert len(s.trials) == 21 and s.trials[-1].state == vf.TrialState.FAILED


def test_keyboard_interrupt_fails_the_trial_and_propagates():
    s = seeded(["minimize"])

    def objective(trial):
        if trial.number == 3:
            raise KeyboardInterrupt
        return trial.suggest_float("x", 0.0, 1.0)

    with pytest.raises(KeyboardInterrupt):
        s.optimize(objective, n_trials=10)
    assert len(s.trials) == 4
    assert s.trials[3].state == vf.TrialState.FAILED
    assert "KeyboardInterrupt" in s.trials[3].system_attrs["fail_reason"]
    assert not any(t.state == vf.TrialState.RUNNING for t in s.trials)


def test_real_sigint_is_honoured():
    import signal

    s = seeded(["minimize"])

    def objective(trial):
        x = trial.suggest_float("x", 0.0, 1.0)
        if trial.number == 2:
            signal.raise_signal(signal.SIGINT)  # what Ctrl-C sends
        return x

    with pytest.raises(KeyboardInterrupt):
        s.optimize(objective, n_trials=10)
    assert [t.state for t in s.trials] == [vf.TrialState.COMPLETE] * 2 + [vf.TrialState.FAILED]


def test_optunas_trial_pruned_is_honoured():
    optuna = pytest.importorskip("optuna")
    s = seeded(["minimize"])

    def objective(trial):
        trial.suggest_float("x", 0.0, 1.0)
        raise optuna.TrialPruned()

    s.optimize(objective, n_trials=3)
    assert [t.state for t in s.trials] == [vf.TrialState.PRUNED] * 3


def test_callbacks_and_stop():
    s = seeded()
    seen = []

    def cb(study, frozen):
        seen.append(frozen.number)
        if frozen.number == 6:
            study.stop()

    s.optimize(zdt1, n_trials=50, callbacks=[cb])
    assert seen == list(range(7)) and len(s.trials) == 7
    s.optimize(zdt1, n_trials=3)  # stop() ends one call only
    assert len(s.trials) == 10


def test_timeout_ends_the_loop():
    s = seeded(["minimize"])
    s.optimize(lambda t: t.suggest_float("x", 0.0, 1.0), timeout=0.2)
    assert len(s.trials) > 0
    assert all(t.state == vf.TrialState.COMPLETE for t in s.trials)


def test_parallel_jobs_give_dense_unique_numbers():
    s = seeded(seed=4)
    s.optimize(zdt1, n_trials=200, n_jobs=4)
    numbers = [t.number for t in s.trials]
    assert numbers == list(range(200))
    assert all(t.state == vf.TrialState.COMPLETE for t in s.trials)
    # The random sampler keys its draws by trial number, so threads change nothing.
    one = seeded(seed=4)
    one.optimize(zdt1, n_trials=200)
    assert [t.params for t in s.trials] == [t.params for t in one.trials]
    assert front_numbers(s, [1, 1]) == [t.number for t in s.best_trials]


def test_parallel_jobs_propagate_errors():
    s = seeded(["minimize"])

    def objective(trial):
        if trial.number == 10:
            raise ValueError("worker failed")
        return trial.suggest_float("x", 0.0, 1.0)

    with pytest.raises(ValueError, match="worker failed"):
        s.optimize(objective, n_trials=100, n_jobs=3)
    assert len(s.trials) < 100
    assert s.trials[10].state == vf.TrialState.FAILED
    assert not any(t.state == vf.TrialState.RUNNING for t in s.trials)


# -- fronts, constraints, directions ---------------------------------------------------


def test_best_trials_are_the_feasible_front():
    def objective(trial):
        f1, f2 = zdt1(trial)
        trial.set_constraint([0.3 - f1])  # feasible when f1 >= 0.3
        return f1, f2

    s = seeded(seed=8)
    s.optimize(objective, n_trials=150)
    best = s.best_trials
    assert best and all(t.is_feasible and t.values[0] >= 0.3 for t in best)
    assert [t.number for t in best] == front_numbers(s, [1, 1])
    assert s.trials[0].constraints == [0.3 - s.trials[0].values[0]]


def test_no_feasible_trial_gives_the_least_violating():
    def objective(trial):
        x = trial.suggest_float("x", 0.0, 1.0)
        trial.set_constraints([1.0 + x])
        return x, 1 - x

    s = seeded(seed=1)
    s.optimize(objective, n_trials=20)
    best = s.best_trials
    least = min(t.constraints[0] for t in s.trials)
    assert [t.constraints[0] for t in best] == [least]


def test_maximize_directions():
    def objective(trial):
        x = trial.suggest_float("x", 0.0, 1.0)
        y = trial.suggest_float("y", 0.0, 1.0)
        return x * y, x - y, y

    s = seeded(["maximize", "minimize", "maximize"], seed=6)
    s.optimize(objective, n_trials=120)
    assert [t.number for t in s.best_trials] == front_numbers(s, [-1, 1, -1])
    ref = [0.0, 1.0, 0.0]
    F = np.array([t.values for t in s.best_trials]) * np.array([-1, 1, -1])
    hv = vf.hypervolume(F, np.array(ref) * np.array([-1, 1, -1]))
    assert s.hypervolume(ref) == pytest.approx(hv, rel=1e-12)
    numbers, values = s.hypervolume_history(ref)
    assert values[-1] == pytest.approx(hv, rel=1e-12)
    assert np.all(np.diff(values) > 0) and np.all(np.diff(numbers) > 0)


# -- enqueue and attributes -------------------------------------------------------------


def test_enqueue_trial_before_and_after_the_study_knows_the_parameters():
    s = seeded(["minimize"])
    s.enqueue_trial({"x": 0.25, "c": "b", "n": 3, "f": 2})
    t = s.ask()
    assert t.suggest_float("x", 0.0, 1.0) == 0.25
    c = t.suggest_categorical("c", ["a", "b", "c"])
    assert c == "b"
    assert t.suggest_int("n", 0, 10) == 3
    assert t.suggest_float("f", 0.0, 5.0) == 2.0  # an int given for a float parameter
    s.tell(t, 1.0)
    assert s.trials[0].params["c"] == "b"
    s.enqueue_trial({"x": 0.75, "c": "c"})
    t = s.ask()
    assert (t.suggest_float("x", 0.0, 1.0), t.suggest_categorical("c", ["a", "b", "c"])) == (
        0.75,
        "c",
    )
    s.tell(t, 0.0)
    s.optimize(lambda t: t.suggest_float("x", 0.0, 1.0), n_trials=1)
    with pytest.raises(ValueError, match="outside"):
        s.enqueue_trial({"x": 7.0})  # outside the range the study knows
    n = len(s.trials)
    s.enqueue_trial({"x": 0.5}, user_attrs={"why": "warm start"})
    s.enqueue_trial({"x": 0.5}, skip_if_exists=True)  # already queued: skipped
    assert len(s.trials) == n + 1
    t = s.ask()
    assert t.user_attrs == {"why": "warm start"} and t.suggest_float("x", 0.0, 1.0) == 0.5
    s.tell(t, 0.5)
    s.enqueue_trial({"y": 7.0})  # a new name: checked when it is suggested
    with pytest.raises(ValueError, match="y"):
        s.ask().suggest_float("y", 0.0, 1.0)


def test_attributes_and_frozen_trial_fields():
    s = seeded()
    s.set_user_attr("owner", {"name": "ada", "tags": [1, 2]})
    assert s.user_attrs == {"owner": {"name": "ada", "tags": [1, 2]}}
    t = s.ask()
    t.set_user_attr("note", "first")
    t.set_user_attr("score", 0.5)
    x = t.suggest_float("x", 0.0, 1.0, step=0.5)
    assert t.user_attrs == {"note": "first", "score": 0.5}
    with pytest.raises(TypeError, match="JSON"):
        t.set_user_attr("bad", object())
    done = s.tell(t, [x, 1.0])
    assert done.user_attrs == {"note": "first", "score": 0.5}
    assert done.number == 0 and done.values == [x, 1.0]
    assert isinstance(done.datetime_start, datetime.datetime)
    assert isinstance(done.datetime_complete, datetime.datetime)
    assert done.duration == done.datetime_complete - done.datetime_start
    assert done.distributions == {
        "x": {"kind": "float", "low": 0.0, "high": 1.0, "log": False, "step": 0.5}
    }
    assert done.constraints is None and done.is_feasible
    with pytest.raises(ValueError, match="values"):
        done.value  # two objectives
    assert done == s.trials[0] and "FrozenTrial" in repr(done)
    running = s.ask()
    assert s.trials[1].state == vf.TrialState.RUNNING
    assert s.trials[1].datetime_complete is None and s.trials[1].duration is None
    assert repr(running) == "Trial(number=1)"


def test_trial_state_enum_is_optunas():
    assert vf.TrialState.FAIL is vf.TrialState.FAILED
    assert [int(s) for s in vf.TrialState] == [0, 1, 2, 3, 4]
    assert vf.TrialState.COMPLETE.is_finished() and not vf.TrialState.RUNNING.is_finished()


# -- pandas ---------------------------------------------------------------------------


def test_trials_dataframe_columns():
    pd = pytest.importorskip("pandas")
    s = seeded(seed=1)

    def objective(trial):
        trial.set_user_attr("tag", trial.number % 2)
        return zdt1(trial, n=2)

    s.optimize(objective, n_trials=5)
    df = s.trials_dataframe()
    assert list(df.columns) == [
        "number", "values_0", "values_1", "datetime_start", "datetime_complete",
        "duration", "params_x0", "params_x1", "user_attrs_tag", "state",
    ]
    assert df["state"].tolist() == ["COMPLETE"] * 5
    assert df["number"].tolist() == list(range(5))
    assert isinstance(df, pd.DataFrame)
    single = seeded(["minimize"])
    single.optimize(lambda t: t.suggest_float("x", 0.0, 1.0), n_trials=2)
    assert "value" in single.trials_dataframe().columns
    assert vf.create_study().trials_dataframe().empty


def test_trials_dataframe_without_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    s = seeded()
    s.optimize(zdt1, n_trials=2)
    with pytest.raises(ImportError, match="pandas"):
        s.trials_dataframe()


# -- Optuna as the oracle ---------------------------------------------------------------


def test_same_trials_as_optuna():
    """The same parameters (enqueued in both) give the same values, best trials and
    dataframe columns in vilfredo and in Optuna."""
    optuna = pytest.importorskip("optuna")
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    rng = np.random.default_rng(0)
    points = [
        {"x": float(a), "k": int(k), "c": str(c)}
        for a, k, c in zip(rng.random(80), rng.integers(0, 5, 80), rng.choice(["u", "v"], 80))
    ]

    def objective(trial):
        x = trial.suggest_float("x", 0.0, 1.0)
        k = trial.suggest_int("k", 0, 4)
        c = trial.suggest_categorical("c", ["u", "v"])
        trial.set_user_attr("c", c)
        return x + 0.1 * k, (1 - x) ** 2 + (0.3 if c == "u" else 0.0), -float(k)

    directions = ["minimize", "minimize", "maximize"]
    ours = vf.create_study(directions=directions, sampler=vf.samplers.RandomSampler(seed=0))
    theirs = optuna.create_study(
        directions=directions, sampler=optuna.samplers.RandomSampler(seed=0)
    )
    for p in points:
        ours.enqueue_trial(p)
        theirs.enqueue_trial(p)
    ours.optimize(objective, n_trials=len(points))
    theirs.optimize(objective, n_trials=len(points))
    assert [t.values for t in ours.trials] == [t.values for t in theirs.trials]
    assert [t.params for t in ours.trials] == [t.params for t in theirs.trials]
    assert sorted(t.number for t in ours.best_trials) == sorted(
        t.number for t in theirs.best_trials
    )
    # Random search in both still produces valid, comparable trials.
    more_ours = vf.create_study(directions=directions, sampler=vf.samplers.RandomSampler(1))
    more_theirs = optuna.create_study(
        directions=directions, sampler=optuna.samplers.RandomSampler(seed=1)
    )
    more_ours.optimize(objective, n_trials=30)
    more_theirs.optimize(objective, n_trials=30)
    assert {tuple(sorted(t.params)) for t in more_ours.trials} == {
        tuple(sorted(t.params)) for t in more_theirs.trials
    }
    pytest.importorskip("pandas")
    attrs = ("number", "value", "params", "user_attrs", "state", "datetime_start", "duration")
    a = more_ours.trials_dataframe(attrs=attrs)
    b = more_theirs.trials_dataframe(attrs=attrs)
    assert list(a.columns) == list(b.columns)
    assert a["state"].tolist() == b["state"].tolist()
    assert list(more_ours.trials_dataframe().columns) == [
        c for c in more_theirs.trials_dataframe().columns if not c.startswith("system_attrs")
    ]


# -- SQLite (after the backend is merged) --------------------------------------------------


def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'study.db'}"


def test_sqlite_round_trip(tmp_path):
    url = sqlite_url(tmp_path)
    s = vf.create_study(
        directions=["minimize", "maximize"], storage=url, study_name="disk",
        sampler=vf.samplers.RandomSampler(seed=2),
    )

    def objective(trial):
        x = trial.suggest_float("x", 0.0, 1.0)
        c = trial.suggest_categorical("c", [None, True, 3, "s"])
        trial.set_user_attr("c", c)
        trial.set_constraint([x - 0.9])
        return x, 1 - x * x

    s.optimize(objective, n_trials=30)
    again = vf.load_study(study_name="disk", storage=url)
    assert [t.params for t in again.trials] == [t.params for t in s.trials]
    assert [t.values for t in again.trials] == [t.values for t in s.trials]
    assert [t.user_attrs for t in again.trials] == [t.user_attrs for t in s.trials]
    assert [t.number for t in again.best_trials] == [t.number for t in s.best_trials]
    assert again.directions == s.directions
    with pytest.raises(vf.DuplicatedStudyError):
        vf.create_study(storage=url, study_name="disk")
    assert vf.get_all_study_names(url) == ["disk"]
    # Two handles on one file continue one numbering.
    again.optimize(objective, n_trials=5)
    assert [t.number for t in s.trials] == list(range(35))


def test_sqlite_study_is_listed_by_the_cli(tmp_path):
    url = sqlite_url(tmp_path)
    vf.create_study(storage=url, study_name="listed").optimize(
        lambda t: t.suggest_float("x", 0.0, 1.0), n_trials=3
    )
    out = subprocess.run(
        [sys.executable, "-m", "vilfredo", "study", "list", "--storage", url],
        capture_output=True, text=True, env=dict(os.environ),
    )
    assert out.returncode == 0, out.stderr
    assert "listed" in out.stdout


# -- documentation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "obj",
    [vf.Study, vf.create_study, vf.Trial, vf.samplers.RandomSampler, vf.storages],
    ids=lambda o: getattr(o, "__name__", str(o)),
)
def test_docstring_examples_run(obj):
    import doctest

    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    tests = finder.find(obj, getattr(obj, "__name__", "obj"), globs={})
    for test in tests:
        runner.run(test)
    assert runner.failures == 0
    assert runner.tries > 0
