//! Values crossing between Python and studies: categorical choices, parameter values,
//! JSON attributes, timestamps and trial states.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};
use vilfredo_study::{Choice, ParamValue, Timestamp, TrialState};

static JSON_DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static FROM_TIMESTAMP: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static TRIAL_STATE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A categorical choice from a Python value: `None`, `bool`, `int`, `float` or `str`.
pub fn choice(obj: &Bound<'_, PyAny>) -> PyResult<Choice> {
    if obj.is_none() {
        Ok(Choice::None)
    } else if obj.is_instance_of::<PyBool>() {
        Ok(Choice::Bool(obj.extract()?))
    } else if obj.is_instance_of::<PyInt>() {
        Ok(Choice::Int(obj.extract().map_err(|_| {
            PyValueError::new_err(format!("choice {obj} does not fit in a 64-bit integer"))
        })?))
    } else if obj.is_instance_of::<PyFloat>() {
        Ok(Choice::Float(obj.extract()?))
    } else if obj.is_instance_of::<PyString>() {
        Ok(Choice::Str(obj.extract()?))
    } else {
        Err(PyTypeError::new_err(format!(
            "a categorical choice must be None, bool, int, float or str, not {}",
            obj.get_type().name()?
        )))
    }
}

/// The Python value of a choice.
pub fn choice_to_py<'py>(py: Python<'py>, c: &Choice) -> PyResult<Bound<'py, PyAny>> {
    Ok(match c {
        Choice::None => py.None().into_bound(py),
        Choice::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Choice::Int(i) => i.into_pyobject(py)?.into_any(),
        Choice::Float(x) => x.into_pyobject(py)?.into_any(),
        Choice::Str(s) => s.into_pyobject(py)?.into_any(),
    })
}

/// The Python value of a parameter, as the objective saw it.
pub fn param_to_py<'py>(py: Python<'py>, v: &ParamValue) -> PyResult<Bound<'py, PyAny>> {
    match v {
        ParamValue::Float(x) => Ok(x.into_pyobject(py)?.into_any()),
        ParamValue::Int(i) => Ok(i.into_pyobject(py)?.into_any()),
        ParamValue::Choice(c) => choice_to_py(py, c),
    }
}

/// A parameter value from Python (for enqueued trials).
pub fn param_from_py(obj: &Bound<'_, PyAny>) -> PyResult<ParamValue> {
    match choice(obj)? {
        Choice::Int(i) => Ok(ParamValue::Int(i)),
        Choice::Float(x) => Ok(ParamValue::Float(x)),
        other => Ok(ParamValue::Choice(other)),
    }
}

/// A JSON value from any JSON-serialisable Python object.
pub fn json_from_py(obj: &Bound<'_, PyAny>) -> PyResult<serde_json::Value> {
    let py = obj.py();
    let dumps = JSON_DUMPS.import(py, "json", "dumps")?;
    let text: String = dumps
        .call1((obj,))
        .map_err(|e| PyTypeError::new_err(format!("an attribute must be JSON-serialisable: {e}")))?
        .extract()?;
    serde_json::from_str(&text).map_err(|e| PyValueError::new_err(format!("attribute: {e}")))
}

/// The Python object of a JSON value.
pub fn json_to_py<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    match v {
        serde_json::Value::Null => Ok(py.None().into_bound(py)),
        serde_json::Value::Bool(b) => Ok(PyBool::new(py, *b).to_owned().into_any()),
        serde_json::Value::String(s) => Ok(s.into_pyobject(py)?.into_any()),
        _ => JSON_LOADS
            .import(py, "json", "loads")?
            .call1((v.to_string(),)),
    }
}

/// A naive local `datetime.datetime` (as Optuna gives) from milliseconds since the epoch.
pub fn datetime<'py>(py: Python<'py>, t: Option<Timestamp>) -> PyResult<Bound<'py, PyAny>> {
    match t {
        None => Ok(py.None().into_bound(py)),
        Some(ms) => FROM_TIMESTAMP
            .import(py, "datetime", "datetime")?
            .getattr("fromtimestamp")?
            .call1((ms as f64 / 1000.0,)),
    }
}

/// The `vilfredo.TrialState` member of a state.
pub fn state_to_py<'py>(py: Python<'py>, s: TrialState) -> PyResult<Bound<'py, PyAny>> {
    TRIAL_STATE
        .import(py, "vilfredo._study", "TrialState")?
        .getattr(s.as_str())
}
