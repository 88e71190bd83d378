//! Running a kernel outside the GIL and mapping its failures to Python exceptions.
//!
//! This is the one place where `vilfredo_core::Error` becomes `ValueError`, and where a Rust
//! panic (a bug, never expected on user input) becomes a `RuntimeError` instead of crossing
//! into Python as a `PanicException`.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Runs `kernel` with the GIL released; validation errors become `ValueError`.
pub fn run<T, F>(py: Python<'_>, kernel: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> vilfredo_core::Result<T> + Send,
{
    match py.detach(|| catch_unwind(AssertUnwindSafe(kernel))) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(error)) => Err(value_error(&error)),
        Err(payload) => Err(internal_error(payload.as_ref())),
    }
}

/// The Python form of a validation error: a `ValueError` carrying the Rust message.
pub fn value_error(error: &vilfredo_core::Error) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// The Python form of a panic: a `RuntimeError` that says it is a bug.
pub fn internal_error(payload: &(dyn std::any::Any + Send)) -> PyErr {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    PyRuntimeError::new_err(format!(
        "internal error in vilfredo (please report it): {message}"
    ))
}
