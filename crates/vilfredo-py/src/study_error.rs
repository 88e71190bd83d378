//! The Python exceptions of studies, and running a study call outside the GIL.
//!
//! The mapping follows what an Optuna user expects: a missing study is a `KeyError`, a
//! taken name a `DuplicatedStudyError` (a `ValueError`), a failing storage a
//! `StorageError` (a `RuntimeError`), and every refused argument a `ValueError`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::create_exception;
use pyo3::exceptions::{PyKeyError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use vilfredo_study::Error;

use crate::guard::internal_error;

create_exception!(
    vilfredo._vilfredo,
    StorageError,
    PyRuntimeError,
    "The storage of a study failed: the file, the database, a lock or the schema."
);

create_exception!(
    vilfredo._vilfredo,
    DuplicatedStudyError,
    PyValueError,
    "A study of that name already exists in the storage (pass ``load_if_exists=True``)."
);

/// The Python form of a study error.
pub fn study_error(error: &Error) -> PyErr {
    let message = error.to_string();
    match error {
        Error::StudyNotFound { .. } => PyKeyError::new_err(message),
        Error::DuplicatedStudy { .. } => DuplicatedStudyError::new_err(message),
        Error::Storage(_) => StorageError::new_err(message),
        _ => PyValueError::new_err(message),
    }
}

/// Runs `call` with the GIL released; its errors become Python exceptions and a panic a
/// `RuntimeError` saying it is a bug.
pub fn run_study<T, F>(py: Python<'_>, call: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> vilfredo_study::Result<T> + Send,
{
    match py.detach(|| catch_unwind(AssertUnwindSafe(call))) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(error)) => Err(study_error(&error)),
        Err(payload) => Err(internal_error(payload.as_ref())),
    }
}
