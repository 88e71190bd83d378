//! `vilfredo.Trial` (the handle an objective receives) and `vilfredo.FrozenTrial` (the
//! stored record of a trial).

use std::sync::{Mutex, MutexGuard};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use vilfredo_study::{Choice, Distribution, FrozenTrial, ParamValue, Trial};

use crate::study_error::run_study;
use crate::study_values::{
    choice, choice_to_py, datetime, json_from_py, json_to_py, param_to_py, state_to_py,
};

/// A running trial: ask it for parameter values as the objective needs them.
///
/// Trials come from ``Study.ask()`` (or are passed to the objective by
/// ``Study.optimize``). Each ``suggest_*`` call is stored at once; asking again for the
/// same name with the same range returns the same value, and with another range raises
/// ``ValueError``. Once told, a trial refuses every change with ``ValueError``.
///
/// Examples
/// --------
/// >>> import vilfredo as vf
/// >>> study = vf.create_study(directions=["minimize", "maximize"])
/// >>> trial = study.ask()
/// >>> x = trial.suggest_float("x", 0.0, 1.0)
/// >>> kind = trial.suggest_categorical("kind", ["linear", "quadratic", None])
/// >>> n = trial.suggest_int("n", 1, 64, log=True)
/// >>> study.tell(trial, [x, float(n)]).state
/// <TrialState.COMPLETE: 1>
#[pyclass(name = "Trial", module = "vilfredo._vilfredo", frozen)]
pub struct PyTrial {
    slot: Mutex<Slot>,
    number: u64,
    study: vilfredo_study::Study,
}

/// The trial while it runs (taken out when it is told), and the names of the
/// parameters an enqueued trial fixed before it started.
struct Slot {
    trial: Option<Trial>,
    fixed: Vec<String>,
    /// The final record, once the trial was told through this handle.
    done: Option<FrozenTrial>,
}

impl PyTrial {
    /// Wraps a trial that just started.
    pub fn new(trial: Trial) -> Self {
        let fixed = trial.params().iter().map(|p| p.name.clone()).collect();
        Self {
            number: trial.number(),
            study: trial.study().clone(),
            slot: Mutex::new(Slot {
                trial: Some(trial),
                fixed,
                done: None,
            }),
        }
    }

    /// Locks the slot. Called only with the GIL released: a thread waiting for the lock
    /// while holding the GIL would block the holder from taking the GIL back.
    fn slot(&self) -> vilfredo_study::Result<MutexGuard<'_, Slot>> {
        self.slot.lock().map_err(|_| {
            vilfredo_study::Error::Storage("the trial's lock was poisoned by a panic".into())
        })
    }

    /// Takes the running trial out, to tell it (`None` when it was told already).
    pub fn take(&self, py: Python<'_>) -> PyResult<Option<Trial>> {
        run_study(py, || Ok(self.slot()?.trial.take()))
    }

    /// Keeps the final record of the trial, told through this handle.
    pub fn finished(&self, py: Python<'_>, done: &FrozenTrial) -> PyResult<()> {
        run_study(py, || {
            self.slot()?.done = Some(done.clone());
            Ok(())
        })
    }

    /// The trial's record: the one kept when it was told here, or the storage's.
    fn record(&self) -> vilfredo_study::Result<FrozenTrial> {
        if let Some(done) = &self.slot()?.done {
            return Ok(done.clone());
        }
        self.study
            .storage()
            .trial_by_number(self.study.id(), self.number)
    }

    /// The trial's number.
    pub fn number(&self) -> u64 {
        self.number
    }

    /// Runs `f` on the running trial with the GIL released.
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Trial, &[String]) -> vilfredo_study::Result<T> + Send,
    ) -> PyResult<T> {
        let number = self.number;
        run_study(py, || {
            let mut slot = self.slot()?;
            let Slot { trial, fixed, .. } = &mut *slot;
            match trial.as_mut() {
                Some(trial) => f(trial, fixed),
                None => Err(vilfredo_study::Error::Invalid(
                    vilfredo_core::Error::InvalidArgument {
                        name: "trial",
                        reason: format!("trial {number} was already told and cannot be changed"),
                    },
                )),
            }
        })
    }

    /// Reads the current snapshot under the lock (`None` once told).
    fn read<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&FrozenTrial) -> T + Send,
    ) -> PyResult<Option<T>> {
        run_study(py, || {
            Ok(self.slot()?.trial.as_ref().map(|t| f(t.snapshot())))
        })
    }
}

/// The value an enqueued trial fixed for `name`, when its stored form cannot serve
/// `wanted` as is: a categorical fixed by value before the study knew the choices, or
/// a number fixed as the other numeric kind.
fn fixed_value(trial: &Trial, fixed: &[String], name: &str, wanted: &Distribution) -> Option<f64> {
    if !fixed.iter().any(|n| n == name) {
        return None;
    }
    let p = trial.snapshot().param(name)?;
    if p.distribution == *wanted || !p.distribution.is_single() {
        return None;
    }
    let value = match p.value() {
        // A number fixed for a categorical is looked up among the choices as given.
        ParamValue::Int(i) if matches!(wanted, Distribution::Categorical { .. }) => {
            ParamValue::Choice(Choice::Int(i))
        }
        ParamValue::Float(x) if matches!(wanted, Distribution::Categorical { .. }) => {
            ParamValue::Choice(Choice::Float(x))
        }
        other => other,
    };
    let internal = wanted.to_internal(&value).ok()?;
    match wanted {
        Distribution::Categorical { .. } => Some(internal),
        _ if p.distribution.kind() != wanted.kind() => Some(internal),
        _ => None,
    }
}

#[pymethods]
impl PyTrial {
    /// The trial's 0-based number in its study (dense, unique).
    #[getter(number)]
    fn py_number(&self) -> u64 {
        self.number
    }

    /// A float in ``[low, high]``: uniform, log-uniform with ``log=True``, or on the
    /// grid ``low + k*step`` with a ``step``.
    #[pyo3(signature = (name, low, high, *, step=None, log=false))]
    fn suggest_float(
        &self,
        py: Python<'_>,
        name: &str,
        low: f64,
        high: f64,
        step: Option<f64>,
        log: bool,
    ) -> PyResult<f64> {
        self.with(py, |t, fixed| {
            let d = Distribution::float(low, high, log, step)?;
            if let Some(v) = fixed_value(t, fixed, name, &d) {
                return Ok(v);
            }
            t.suggest_float_with(name, low, high, log, step)
        })
    }

    /// An integer in ``[low, high]`` on the grid ``low + k*step``; log-uniform with
    /// ``log=True`` (then ``step`` must be 1).
    #[pyo3(signature = (name, low, high, *, step=1, log=false))]
    fn suggest_int(
        &self,
        py: Python<'_>,
        name: &str,
        low: i64,
        high: i64,
        step: i64,
        log: bool,
    ) -> PyResult<i64> {
        self.with(py, |t, fixed| {
            let d = Distribution::int(low, high, log, step)?;
            if let Some(v) = fixed_value(t, fixed, name, &d) {
                return Ok(v as i64);
            }
            t.suggest_int_with(name, low, high, log, step)
        })
    }

    /// One of ``choices`` (``None``, ``bool``, ``int``, ``float`` or ``str`` values),
    /// returned with its own type.
    fn suggest_categorical<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        choices: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let choices: Vec<Choice> = choices
            .try_iter()?
            .map(|c| choice(&c?))
            .collect::<PyResult<_>>()?;
        let picked = self.with(py, |t, fixed| {
            let d = Distribution::categorical(choices.clone())?;
            if let Some(i) = fixed_value(t, fixed, name, &d) {
                return Ok(choices[i as usize].clone());
            }
            t.suggest_categorical(name, &choices)
        })?;
        choice_to_py(py, &picked)
    }

    /// Sets the constraint values: the trial is feasible when every value is ``<= 0``.
    /// Infeasible trials rank behind every feasible one in ``Study.best_trials``.
    fn set_constraint(&self, py: Python<'_>, values: Vec<f64>) -> PyResult<()> {
        self.with(py, |t, _| t.set_constraints(&values))
    }

    /// The same as ``set_constraint``.
    fn set_constraints(&self, py: Python<'_>, values: Vec<f64>) -> PyResult<()> {
        self.set_constraint(py, values)
    }

    /// Sets a user attribute (any JSON-serialisable value).
    fn set_user_attr(&self, py: Python<'_>, key: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
        let value = json_from_py(value)?;
        self.with(py, |t, _| t.set_user_attr(key, value))
    }

    /// The trial's current state (``TrialState.RUNNING`` until it is told), read from
    /// the storage unless this handle told it.
    #[getter]
    fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let state = run_study(py, || Ok(self.record()?.state))?;
        state_to_py(py, state)
    }

    /// The values told (``None`` while running, or when not complete).
    #[getter]
    fn values(&self, py: Python<'_>) -> PyResult<Option<Vec<f64>>> {
        run_study(py, || Ok(self.record()?.values))
    }

    /// The parameters suggested so far, by name.
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let params = self.read(py, |s| {
            s.param_values().map(|(n, v)| (n.to_owned(), v)).collect()
        })?;
        let out = PyDict::new(py);
        for (name, value) in params.unwrap_or_else(Vec::new) {
            out.set_item(name, param_to_py(py, &value)?)?;
        }
        Ok(out)
    }

    /// The user attributes set so far.
    #[getter]
    fn user_attrs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let attrs = self.read(py, |s| s.user_attrs.clone())?.unwrap_or_default();
        let out = PyDict::new(py);
        for (k, v) in &attrs {
            out.set_item(k, json_to_py(py, v)?)?;
        }
        Ok(out)
    }

    fn __repr__(&self) -> String {
        format!("Trial(number={})", self.number)
    }
}

/// A trial as stored: its number, state, values, parameters and attributes.
///
/// ``values`` are as the objective returned them (not negated for maximised
/// objectives); ``datetime_start`` and ``datetime_complete`` are naive local
/// ``datetime`` objects, as in Optuna.
#[pyclass(name = "FrozenTrial", module = "vilfredo._vilfredo", frozen)]
pub struct PyFrozenTrial {
    pub(crate) inner: FrozenTrial,
}

#[pymethods]
impl PyFrozenTrial {
    /// The trial's 0-based number in its study.
    #[getter]
    fn number(&self) -> u64 {
        self.inner.number
    }

    /// A ``vilfredo.TrialState``.
    #[getter]
    fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        state_to_py(py, self.inner.state)
    }

    /// The objective values of a complete trial, one per direction (``None`` otherwise).
    #[getter]
    fn values(&self) -> Option<Vec<f64>> {
        self.inner.values.clone()
    }

    /// The single objective value of a one-objective study's complete trial.
    #[getter]
    fn value(&self) -> PyResult<Option<f64>> {
        match self.inner.values.as_deref() {
            None => Ok(None),
            Some([v]) => Ok(Some(*v)),
            Some(v) => Err(PyValueError::new_err(format!(
                "trial {} has {} values; use .values for a multi-objective study",
                self.inner.number,
                v.len()
            ))),
        }
    }

    /// The parameters by name, as the objective saw them.
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for (name, value) in self.inner.param_values() {
            out.set_item(name, param_to_py(py, &value)?)?;
        }
        Ok(out)
    }

    /// Each parameter's range, as a dict: ``{"kind": "float", "low": ..., "high": ...,
    /// "log": ..., "step": ...}``, the same for ``"int"``, or ``{"kind":
    /// "categorical", "choices": [...]}``.
    #[getter]
    fn distributions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for p in &self.inner.params {
            let d = serde_json::to_value(&p.distribution)
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            out.set_item(&p.name, json_to_py(py, &d)?)?;
        }
        Ok(out)
    }

    /// Attributes set by the user.
    #[getter]
    fn user_attrs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        attrs(py, &self.inner.user_attrs)
    }

    /// Attributes set by vilfredo (for example ``fail_reason``).
    #[getter]
    fn system_attrs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        attrs(py, &self.inner.system_attrs)
    }

    /// The constraint values (``<= 0`` satisfied), or ``None`` when none were set.
    #[getter]
    fn constraints(&self) -> Option<Vec<f64>> {
        self.inner.constraints.clone()
    }

    /// Whether every constraint is satisfied (``True`` without constraints).
    #[getter]
    fn is_feasible(&self) -> bool {
        self.inner.is_feasible()
    }

    /// When the trial started running (``None`` while it waits).
    #[getter]
    fn datetime_start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        datetime(py, self.inner.datetime_start)
    }

    /// When the trial finished (``None`` while it runs).
    #[getter]
    fn datetime_complete<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        datetime(py, self.inner.datetime_complete)
    }

    /// ``datetime_complete - datetime_start`` as a ``timedelta`` (``None`` unless both
    /// are known).
    #[getter]
    fn duration<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match (self.inner.datetime_start, self.inner.datetime_complete) {
            // timedelta(days, seconds, microseconds, milliseconds)
            (Some(a), Some(b)) => {
                py.import("datetime")?
                    .getattr("timedelta")?
                    .call1((0, 0, 0, b - a))
            }
            _ => Ok(py.None().into_bound(py)),
        }
    }

    fn __repr__(&self) -> String {
        let t = &self.inner;
        let params: Vec<String> = t.param_values().map(|(n, v)| format!("{n}={v}")).collect();
        let values = match &t.values {
            None => "None".to_owned(),
            Some(v) => format!(
                "[{}]",
                v.iter().map(f64::to_string).collect::<Vec<_>>().join(", ")
            ),
        };
        format!(
            "FrozenTrial(number={}, state={}, values={values}, params={{{}}})",
            t.number,
            t.state,
            params.join(", ")
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyFrozenTrial>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }
}

fn attrs<'py>(
    py: Python<'py>,
    map: &std::collections::BTreeMap<String, serde_json::Value>,
) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    for (k, v) in map {
        out.set_item(k, json_to_py(py, v)?)?;
    }
    Ok(out)
}

/// A list of `FrozenTrial` objects.
pub fn frozen_list<'py>(py: Python<'py>, trials: Vec<FrozenTrial>) -> PyResult<Bound<'py, PyList>> {
    let items: Vec<PyFrozenTrial> = trials
        .into_iter()
        .map(|inner| PyFrozenTrial { inner })
        .collect();
    PyList::new(py, items)
}
