//! From the Python sampler classes of `vilfredo.samplers` to Rust samplers.
//!
//! A Python sampler is a small configuration object whose `_spec()` returns
//! `(kind, options)`; this is the one place that turns it into a `Box<dyn Sampler>`.
//! Adding a sampler is one arm here and one class in `python/vilfredo/samplers.py`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use vilfredo_study::{RandomSampler, Sampler};

/// A seed drawn from the operating system, for samplers given `seed=None`.
fn fresh_seed(py: Python<'_>) -> PyResult<u64> {
    py.import("secrets")?
        .call_method1("randbits", (64,))?
        .extract()
}

/// The Rust sampler a Python sampler object describes (`None`: a random sampler with a
/// fresh seed).
pub fn build(py: Python<'_>, sampler: Option<&Bound<'_, PyAny>>) -> PyResult<Box<dyn Sampler>> {
    let Some(sampler) = sampler else {
        return Ok(Box::new(RandomSampler::new(fresh_seed(py)?)));
    };
    let spec = sampler.call_method0("_spec").map_err(|_| {
        PyTypeError::new_err(format!(
            "sampler must be a vilfredo.samplers object (RandomSampler, ...), not {}",
            sampler
                .get_type()
                .name()
                .map_or("?".into(), |n| n.to_string())
        ))
    })?;
    let (kind, options): (String, Bound<'_, PyDict>) = spec.extract()?;
    let seed = match options.get_item("seed")? {
        Some(s) if !s.is_none() => s.extract::<u64>().map_err(|_| {
            PyValueError::new_err(format!(
                "sampler seed must be an integer in [0, 2**64), got {s}"
            ))
        })?,
        _ => fresh_seed(py)?,
    };
    match kind.as_str() {
        "random" => Ok(Box::new(RandomSampler::new(seed))),
        other => Err(PyValueError::new_err(format!(
            "unknown sampler {other:?}; valid samplers: random"
        ))),
    }
}
