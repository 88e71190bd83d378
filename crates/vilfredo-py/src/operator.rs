//! `vilfredo.minimize(..., "nsga2", operator=f)`: NSGA-II whose offspring are made by a
//! Python callable, the in-process form of the external operator protocol (a model, a
//! heuristic, a language model proposing children, as in MOLLEO).
//!
//! `f(parents, values, n_offspring, generation)` receives the parents NSGA-II selected
//! (an `(k, n_var)` array whose consecutive rows are mating pairs), their objective
//! values (`(k, n_obj)`, minimised), the number of children wanted and the generation,
//! and returns at least `n_offspring` rows of `n_var` values. NSGA-II repairs them into
//! the bounds and keeps its own selection and survival.

use std::sync::{Arc, Mutex};

use pyo3::prelude::*;
use vilfredo_core::Error;
use vilfredo_moea::{MatingPool, Nsga2, Nsga2WithVariation, Solutions, Variation};

use crate::convert::{matrix, to_matrix};
use crate::minimize::Run;

/// A Python callable as a [`Variation`]. The exception it raises is kept, so the
/// caller can raise it as it was (with its traceback) instead of a translation.
#[derive(Debug)]
pub(crate) struct PyVariation {
    callable: Py<PyAny>,
    raised: Arc<Mutex<Option<PyErr>>>,
}

impl PyVariation {
    fn call(&self, py: Python<'_>, pool: &MatingPool<'_>) -> PyResult<Vec<f64>> {
        let k = pool.n_parents();
        let parents = to_matrix(py, pool.parents.to_vec(), k, pool.n_var)?;
        let values = to_matrix(py, pool.values.to_vec(), k, pool.n_obj)?;
        let out =
            self.callable
                .bind(py)
                .call1((parents, values, pool.n_offspring, pool.generation))?;
        let m = matrix(&out, "operator result")?;
        let (data, cols) = m.parts()?;
        let rows = data.len() / cols.max(1);
        if cols != pool.n_var || rows < pool.n_offspring {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "operator returned an array of shape ({rows}, {cols}); expected at least ({}, {})",
                pool.n_offspring, pool.n_var
            )));
        }
        Ok(data.to_vec())
    }
}

impl Variation for PyVariation {
    fn vary(&mut self, pool: &MatingPool<'_>) -> vilfredo_core::Result<Vec<f64>> {
        Python::attach(|py| match self.call(py, pool) {
            Ok(x) => Ok(x),
            Err(e) => {
                let reason = format!("the operator raised {e}");
                if let Ok(mut slot) = self.raised.lock() {
                    *slot = Some(e);
                }
                Err(Error::InvalidArgument {
                    name: "operator",
                    reason,
                })
            }
        })
    }
}

/// NSGA-II together with its Python operator, as one algorithm `minimize` can run.
pub(crate) type Nsga2WithPyOperator = Nsga2WithVariation<Nsga2, PyVariation>;

/// NSGA-II whose offspring come from `callable`.
pub(crate) fn with_py_operator(nsga2: Nsga2, callable: Py<PyAny>) -> Nsga2WithPyOperator {
    Nsga2WithVariation::new(
        nsga2,
        PyVariation {
            callable,
            raised: Arc::new(Mutex::new(None)),
        },
    )
}

impl Run for Nsga2WithPyOperator {
    fn population(&self) -> Solutions {
        self.nsga2().population()
    }

    fn take_error(&mut self) -> Option<PyErr> {
        self.variation()
            .raised
            .lock()
            .ok()
            .and_then(|mut slot| slot.take())
    }
}
