//! Studies from Python: the compiled core of `vilfredo.create_study`, `load_study` and
//! the `Study` class of `python/vilfredo/_study.py`, which adds Optuna's conveniences
//! (`optimize`, `trials_dataframe`) in Python on top of these calls.
//!
//! Every call into the study runs with the GIL released, so `Study.optimize(n_jobs=4)`
//! threads sample, store and sort in parallel while Python objectives take turns.

use std::sync::Arc;

use numpy::PyArray1;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use vilfredo_study::{
    AttrKind, Direction, Distribution, InMemoryStorage, Outcome, ParamValue, Storage, Study,
    TrialParam, TrialState,
};

use crate::samplers;
use crate::study_error::{run_study, study_error};
use crate::study_values::{json_from_py, json_to_py, param_from_py};
use crate::trial::{PyFrozenTrial, PyTrial, frozen_list};

/// A storage shared by studies: ``vilfredo.storages.InMemoryStorage()`` or
/// ``vilfredo.storages.open(url)``.
///
/// Pass it (or a URL string) as ``storage=`` to ``create_study`` and ``load_study``;
/// studies created in one in-memory storage can be loaded from it again in the same
/// process.
#[pyclass(name = "Storage", module = "vilfredo._vilfredo", frozen)]
pub struct PyStorage {
    inner: Arc<dyn Storage>,
    url: String,
}

#[pymethods]
impl PyStorage {
    /// Opens the storage a URL names: ``"sqlite:///path/to/file.db"`` (Optuna's form)
    /// or ``"memory"``.
    #[staticmethod]
    fn open(py: Python<'_>, url: &str) -> PyResult<Self> {
        let inner = run_study(py, || vilfredo_storage::open(url))?;
        Ok(Self {
            inner,
            url: url.to_owned(),
        })
    }

    /// A new, empty in-memory storage.
    #[staticmethod]
    fn in_memory() -> Self {
        Self {
            inner: Arc::new(InMemoryStorage::new()),
            url: "memory".to_owned(),
        }
    }

    /// The URL it was opened with.
    #[getter]
    fn url(&self) -> &str {
        &self.url
    }

    /// The names of the studies it holds, in creation order.
    fn study_names(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        let storage = self.inner.clone();
        run_study(py, move || {
            Ok(storage
                .list_studies()?
                .into_iter()
                .map(|s| s.info.name)
                .collect())
        })
    }

    fn __repr__(&self) -> String {
        format!("Storage({:?})", self.url)
    }
}

/// The storage `obj` names: `None` (a new in-memory store), a URL string or a `Storage`.
fn storage_of(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Arc<dyn Storage>> {
    match obj {
        None => Ok(Arc::new(InMemoryStorage::new())),
        Some(o) if o.is_none() => Ok(Arc::new(InMemoryStorage::new())),
        Some(o) => {
            if let Ok(s) = o.cast::<PyStorage>() {
                return Ok(s.get().inner.clone());
            }
            let url: String = o.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "storage must be None, a URL such as \"sqlite:///study.db\", or a \
                     vilfredo.storages object, not {}",
                    o.get_type().name().map_or("?".into(), |n| n.to_string())
                ))
            })?;
            run_study(py, || vilfredo_storage::open(&url))
        }
    }
}

fn direction(name: &str) -> PyResult<Direction> {
    match name.trim().to_ascii_lowercase().as_str() {
        "minimize" => Ok(Direction::Minimize),
        "maximize" => Ok(Direction::Maximize),
        _ => Err(PyValueError::new_err(format!(
            "unknown direction {name:?}; expected \"minimize\" or \"maximize\""
        ))),
    }
}

fn direction_name(d: Direction) -> &'static str {
    match d {
        Direction::Minimize => "minimize",
        Direction::Maximize => "maximize",
    }
}

/// Creates (or with `load_if_exists` opens) a study; the core of
/// `vilfredo.create_study`.
#[pyfunction]
#[pyo3(signature = (directions, storage=None, study_name=None, sampler=None, load_if_exists=false))]
pub fn _create_study(
    py: Python<'_>,
    directions: Vec<String>,
    storage: Option<&Bound<'_, PyAny>>,
    study_name: Option<String>,
    sampler: Option<&Bound<'_, PyAny>>,
    load_if_exists: bool,
) -> PyResult<PyStudy> {
    let directions: Vec<Direction> = directions
        .iter()
        .map(|d| direction(d))
        .collect::<PyResult<_>>()?;
    let storage = storage_of(py, storage)?;
    let sampler = samplers::build(py, sampler)?;
    let inner = run_study(py, || {
        Study::create(
            storage,
            study_name.as_deref(),
            &directions,
            sampler,
            load_if_exists,
        )
    })?;
    Ok(PyStudy { inner })
}

/// Opens an existing study; the core of `vilfredo.load_study`.
#[pyfunction]
#[pyo3(signature = (study_name, storage, sampler=None))]
pub fn _load_study(
    py: Python<'_>,
    study_name: String,
    storage: &Bound<'_, PyAny>,
    sampler: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyStudy> {
    if storage.is_none() {
        return Err(PyValueError::new_err(
            "load_study needs the storage that holds the study (a URL or a \
             vilfredo.storages object); a new in-memory storage holds no study",
        ));
    }
    let storage = storage_of(py, Some(storage))?;
    let sampler = samplers::build(py, sampler)?;
    let inner = run_study(py, || Study::load(storage, &study_name, sampler))?;
    Ok(PyStudy { inner })
}

/// The compiled study behind ``vilfredo.Study`` (use that class).
#[pyclass(name = "_Study", module = "vilfredo._vilfredo", frozen)]
pub struct PyStudy {
    inner: Study,
}

#[pymethods]
impl PyStudy {
    /// The study's name.
    #[getter]
    fn study_name(&self) -> &str {
        self.inner.name()
    }

    /// ``"minimize"`` or ``"maximize"``, one per objective.
    #[getter]
    fn directions(&self) -> Vec<&'static str> {
        self.inner
            .directions()
            .iter()
            .map(|d| direction_name(*d))
            .collect()
    }

    /// Starts a trial (an enqueued one first).
    fn ask(&self, py: Python<'_>) -> PyResult<PyTrial> {
        let study = &self.inner;
        let trial = run_study(py, || study.ask())?;
        Ok(PyTrial::new(trial))
    }

    /// Finishes a trial (a `Trial` or its number) as `state` (`"COMPLETE"` with
    /// `values`, `"PRUNED"`, `"FAIL"`/`"FAILED"` with an optional reason).
    #[pyo3(signature = (trial, state, values=None, reason=None))]
    fn tell(
        &self,
        py: Python<'_>,
        trial: &Bound<'_, PyAny>,
        state: &str,
        values: Option<Vec<f64>>,
        reason: Option<String>,
    ) -> PyResult<PyFrozenTrial> {
        let outcome = match state.to_ascii_uppercase().as_str() {
            "COMPLETE" => Outcome::Complete(values.ok_or_else(|| {
                PyValueError::new_err("a COMPLETE trial needs its objective values")
            })?),
            "PRUNED" => Outcome::Pruned,
            "FAIL" | "FAILED" => {
                Outcome::Failed(reason.unwrap_or_else(|| "told as failed".to_owned()))
            }
            other => {
                return Err(PyValueError::new_err(format!(
                    "a trial can be told as COMPLETE, PRUNED or FAIL, not {other}"
                )));
            }
        };
        let study = &self.inner;
        let done = if let Ok(t) = trial.cast::<PyTrial>() {
            let t = t.get();
            match t.take(py)? {
                Some(running) => {
                    let result = run_study(py, || study.tell(running, outcome));
                    // The trial is finished either way (unusable values fail it).
                    let number = t.number();
                    let record = match &result {
                        Ok(done) => Some(done.clone()),
                        Err(_) => {
                            run_study(py, || study.storage().trial_by_number(study.id(), number))
                                .ok()
                        }
                    };
                    if let Some(done) = &record {
                        t.finished(py, done)?;
                    }
                    result?
                }
                None => {
                    let number = t.number();
                    run_study(py, || study.tell_number(number, outcome))?
                }
            }
        } else {
            let number: u64 = trial.extract().map_err(|_| {
                PyTypeError::new_err("trial must be a vilfredo.Trial or a trial number")
            })?;
            run_study(py, || study.tell_number(number, outcome))?
        };
        Ok(PyFrozenTrial { inner: done })
    }

    /// All trials by number, optionally only those in `states` (state names).
    #[pyo3(signature = (states=None))]
    fn trials<'py>(
        &self,
        py: Python<'py>,
        states: Option<Vec<String>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let states: Option<Vec<TrialState>> = match states {
            None => None,
            Some(names) => Some(
                names
                    .iter()
                    .map(|n| {
                        let n = if n.eq_ignore_ascii_case("FAIL") {
                            "FAILED"
                        } else {
                            n
                        };
                        n.parse::<TrialState>().map_err(|e| study_error(&e))
                    })
                    .collect::<PyResult<_>>()?,
            ),
        };
        let study = &self.inner;
        let trials = run_study(py, || study.storage().trials(study.id(), states.as_deref()))?;
        frozen_list(py, trials)
    }

    /// The feasible Pareto-optimal complete trials, by number.
    fn best_trials<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let study = &self.inner;
        let trials = run_study(py, || study.best_trials())?;
        frozen_list(py, trials)
    }

    /// Enqueues a trial whose parameters `params` (name → value) are fixed, with
    /// optional user attributes; returns its number.
    #[pyo3(signature = (params, user_attrs=None))]
    fn enqueue_trial(
        &self,
        py: Python<'_>,
        params: &Bound<'_, PyDict>,
        user_attrs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<u64> {
        let mut wanted: Vec<(String, ParamValue)> = Vec::new();
        for (k, v) in params.iter() {
            wanted.push((k.extract()?, param_from_py(&v)?));
        }
        let mut attrs: Vec<(String, serde_json::Value)> = Vec::new();
        if let Some(user_attrs) = user_attrs {
            for (k, v) in user_attrs.iter() {
                attrs.push((k.extract()?, json_from_py(&v)?));
            }
        }
        let study = &self.inner;
        let done = run_study(py, || {
            // A name the study already uses keeps its distribution (so a categorical
            // value finds its index); a new one gets the one-point range of its value,
            // which any later definition containing the value accepts.
            let known = study.trials()?;
            let mut fixed = Vec::with_capacity(wanted.len());
            for (name, value) in &wanted {
                let seen = known
                    .iter()
                    .rev()
                    .filter_map(|t| t.param(name))
                    .find(|p| !p.distribution.is_single())
                    .map(|p| p.distribution.clone());
                let distribution = match seen {
                    Some(d) => d,
                    None => match value {
                        ParamValue::Float(x) => Distribution::float(*x, *x, false, None)?,
                        ParamValue::Int(i) => Distribution::int(*i, *i, false, 1)?,
                        ParamValue::Choice(c) => Distribution::categorical(vec![c.clone()])?,
                    },
                };
                let internal = distribution.to_internal(value)?;
                fixed.push(TrialParam {
                    name: name.clone(),
                    internal,
                    distribution,
                });
            }
            let done = study.enqueue(&fixed)?;
            for (key, value) in &attrs {
                study
                    .storage()
                    .set_trial_attr(done.id, AttrKind::User, key, value)?;
            }
            Ok(done)
        })?;
        Ok(done.number)
    }

    /// Sets a user attribute of the study.
    fn set_user_attr(&self, py: Python<'_>, key: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
        let value = json_from_py(value)?;
        let study = &self.inner;
        run_study(py, || {
            study
                .storage()
                .set_study_attr(study.id(), AttrKind::User, key, &value)
        })
    }

    /// The study's user attributes.
    #[getter]
    fn user_attrs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.attrs(py, AttrKind::User)
    }

    /// The study's system attributes.
    #[getter]
    fn system_attrs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.attrs(py, AttrKind::System)
    }

    /// The hypervolume of the feasible front for `reference_point` (in the study's
    /// directions).
    fn hypervolume(&self, py: Python<'_>, reference_point: Vec<f64>) -> PyResult<f64> {
        let study = &self.inner;
        run_study(py, || {
            study.set_reference_point(&reference_point)?;
            study.with_history(|h| h.hypervolume().unwrap_or(0.0))
        })
    }

    /// `(numbers, values)`: each trial that enlarged the feasible front's hypervolume,
    /// in finishing order, and the hypervolume after it.
    fn hypervolume_history<'py>(
        &self,
        py: Python<'py>,
        reference_point: Vec<f64>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let study = &self.inner;
        let steps = run_study(py, || {
            study.set_reference_point(&reference_point)?;
            study.with_history(|h| h.hypervolume_history().to_vec())
        })?;
        let numbers: Vec<i64> = steps.iter().map(|(n, _)| *n as i64).collect();
        let values: Vec<f64> = steps.iter().map(|(_, v)| *v).collect();
        PyTuple::new(
            py,
            [
                PyArray1::from_vec(py, numbers).into_any(),
                PyArray1::from_vec(py, values).into_any(),
            ],
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Study(study_name={:?}, directions={:?})",
            self.inner.name(),
            self.directions()
        )
    }
}

impl PyStudy {
    fn attrs<'py>(&self, py: Python<'py>, kind: AttrKind) -> PyResult<Bound<'py, PyDict>> {
        let study = &self.inner;
        let info = run_study(py, || study.storage().study(study.id()))?;
        let map = match kind {
            AttrKind::User => info.user_attrs,
            AttrKind::System => info.system_attrs,
        };
        let out = PyDict::new(py);
        for (k, v) in &map {
            out.set_item(k, json_to_py(py, v)?)?;
        }
        Ok(out)
    }
}
