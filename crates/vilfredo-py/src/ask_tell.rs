//! `vilfredo.AskTell`: the one implementation behind every ask/tell class
//! (`vilfredo.NSGA2`, `NSGA3`, `MOEAD`, `SMSEMOA`, `SPEA2`, `RNSGA2`).
//!
//! The base class holds any [`Driven`] algorithm and implements `ask`, `tell`,
//! `result`, `state`, pickling and the properties once; each algorithm's class is a thin
//! subclass that only builds its algorithm (`__init__`) and rebuilds it from a snapshot
//! (`from_state`, see [`resume`]). Variation and survival run with the GIL released.

use crate::convert::{matrix, to_matrix};
use crate::guard::{run, value_error};
use crate::resumable::{Driven, Resumable};
use numpy::PyArray2;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};
use pyo3::{PyClass, PyClassInitializer};
use vilfredo_moea::Solutions;

/// Base class of the ask/tell algorithms (``NSGA2``, ``NSGA3``, ``MOEAD``, ``SMSEMOA``,
/// ``SPEA2``, ``RNSGA2``); not instantiable itself.
///
/// ``ask()`` returns the next batch to evaluate, ``tell(F, G)`` takes its values;
/// ``state()`` is a JSON snapshot that the class's ``from_state`` continues bit for bit,
/// and pickling goes through it.
#[pyclass(name = "AskTell", module = "vilfredo._vilfredo", subclass)]
pub struct PyAskTell {
    inner: Box<dyn Driven>,
    /// Number of rows of the batch asked and not yet told, if any.
    pending: Option<usize>,
}

impl PyAskTell {
    /// The initializer of an object of class `C` driving the fresh run `inner`, for
    /// `C.__new__`; `shell` is `C`'s (empty) own part.
    pub(crate) fn start<C>(inner: impl Driven + 'static, shell: C) -> PyClassInitializer<C>
    where
        C: PyClass<BaseType = PyAskTell>,
    {
        let base = Self {
            inner: Box::new(inner),
            pending: None,
        };
        PyClassInitializer::from(base).add_subclass(shell)
    }

    /// Reads `obj` as `(k, cols)` values (or `(k,)` when `cols` is 1), row-major.
    fn rows_of(obj: &Bound<'_, PyAny>, what: &str, k: usize, cols: usize) -> PyResult<Vec<f64>> {
        let arr = obj.py().import("numpy")?.call_method1("asarray", (obj,))?;
        let shape: Vec<usize> = arr.getattr("shape")?.extract()?;
        let arr = match shape.as_slice() {
            [rows] if cols == 1 && *rows == k => arr.call_method1("reshape", (k, 1))?,
            [rows, c] if *rows == k && *c == cols => arr,
            _ => {
                return Err(PyValueError::new_err(format!(
                    "{what} has shape {shape:?} for a batch of {k} rows; expected ({k}, {cols})"
                )));
            }
        };
        Ok(matrix(&arr, what)?.parts()?.0.to_vec())
    }

    /// The population (SPEA2: the archive) as it stands.
    fn population(&self) -> Solutions {
        self.inner.population()
    }
}

/// The object of class `C` continuing the run in the JSON `state`, for `C.from_state`.
///
/// `A` is the algorithm `C` drives; `shell` is `C`'s (empty) own part.
pub(crate) fn resume<A, C>(cls: &Bound<'_, PyType>, state: &str, shell: C) -> PyResult<Py<C>>
where
    A: Resumable,
    C: PyClass<BaseType = PyAskTell>,
{
    let py = cls.py();
    let parsed = match py.detach(|| A::parse(state)) {
        Ok(parsed) => parsed,
        Err(e) => {
            let class = cls.name()?;
            return Err(PyValueError::new_err(format!("invalid {class} state: {e}")));
        }
    };
    let n_var = parsed.space.n_var();
    let pending = parsed.pending.as_ref().map(|x| x.len() / n_var.max(1));
    let inner = A::resume(parsed).map_err(|e| value_error(&e))?;
    // The configurations refuse fields they do not know, but the top level of a state
    // (flattened) skips them, so another algorithm's snapshot of the same shape could
    // still load and continue as this one: refuse any key the state did not keep.
    let foreign = py.detach(|| {
        let given = serde_json::from_str(state).ok()?;
        let kept = serde_json::from_str(&inner.to_json().ok()?).ok()?;
        unknown_key(&given, &kept, String::new())
    });
    if let Some(key) = foreign {
        let class = cls.name()?;
        return Err(PyValueError::new_err(format!(
            "invalid {class} state: unknown field {key} (a snapshot of another algorithm?)"
        )));
    }
    let base = PyAskTell {
        inner: Box::new(inner),
        pending,
    };
    Py::new(py, PyClassInitializer::from(base).add_subclass(shell))
}

/// The first key (as a dotted path under `path`) of the JSON object `given` that the
/// object `kept` lacks, looking into nested objects.
fn unknown_key(
    given: &serde_json::Value,
    kept: &serde_json::Value,
    path: String,
) -> Option<String> {
    let (serde_json::Value::Object(given), serde_json::Value::Object(kept)) = (given, kept) else {
        return None;
    };
    given.iter().find_map(|(key, value)| {
        let here = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match kept.get(key) {
            None => Some(here),
            Some(inner) => unknown_key(value, inner, here),
        }
    })
}

#[pymethods]
impl PyAskTell {
    /// The next batch to evaluate, an ``(k, n_var)`` float64 array (a copy).
    ///
    /// Asking again before telling returns the same batch.
    fn ask<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let inner = &mut self.inner;
        let x = run(py, || inner.ask().map(|b| b.as_slice().to_vec()))?;
        let n_var = self.inner.n_var();
        let k = x.len() / n_var;
        self.pending = Some(k);
        to_matrix(py, x, k, n_var)
    }

    /// Tells the values of the pending batch: ``F`` of shape ``(k, n_obj)`` and, with
    /// constraints, ``G`` of shape ``(k, n_constr)`` (``g <= 0`` is feasible).
    ///
    /// Raises ``ValueError`` when no batch is pending, on a wrong shape, or on a NaN or
    /// infinite value (naming its row and column); the batch then stays pending.
    #[pyo3(signature = (F, G=None))]
    #[allow(non_snake_case)]
    fn tell(
        &mut self,
        py: Python<'_>,
        F: &Bound<'_, PyAny>,
        G: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let Some(k) = self.pending else {
            return Err(PyValueError::new_err(
                "no batch is pending: call ask() before tell()",
            ));
        };
        let (n_obj, n_constr) = (self.inner.n_obj(), self.inner.n_constr());
        let f = Self::rows_of(F, "F", k, n_obj)?;
        let g = match G {
            Some(g) if !g.is_none() => Self::rows_of(g, "G", k, n_constr)?,
            _ if n_constr > 0 => {
                return Err(PyValueError::new_err(format!(
                    "the problem has n_constr = {n_constr}: give G of shape ({k}, {n_constr})"
                )));
            }
            _ => Vec::new(),
        };
        let inner = &mut self.inner;
        run(py, || inner.tell(&f, (n_constr > 0).then_some(&g[..])))?;
        self.pending = None;
        Ok(())
    }

    /// The best solutions found ``(X, F, G)``: the non-dominated members of the
    /// population (SPEA2: of the archive) under constrained domination, i.e. the
    /// feasible non-dominated ones or, when none is feasible, those of least total
    /// violation. Empty before the first ``tell``.
    fn result<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let best = self.inner.result();
        let n = best.len();
        PyTuple::new(
            py,
            [
                to_matrix(py, best.x, n, best.n_var)?,
                to_matrix(py, best.f, n, best.n_obj)?,
                to_matrix(py, best.g, n, best.n_constr)?,
            ],
        )
    }

    /// A JSON snapshot of the run (settings, space, generator state, population and
    /// pending batch); the class's ``from_state`` continues it bit for bit.
    fn state(&self, py: Python<'_>) -> PyResult<String> {
        let inner = &self.inner;
        py.detach(|| inner.to_json())
            .map_err(|e| PyValueError::new_err(format!("cannot write the state: {e}")))
    }

    /// Pickles through the JSON snapshot and the class's ``from_state``.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_state = slf.get_type().getattr("from_state")?;
        let state = slf.borrow().state(py)?;
        PyTuple::new(py, [from_state, PyTuple::new(py, [state])?.into_any()])
    }

    /// Generations completed (batches told); the initial population is generation 1.
    #[getter]
    fn n_gen(&self) -> usize {
        self.inner.n_gen()
    }

    /// Evaluations told so far.
    #[getter]
    fn n_eval(&self) -> usize {
        self.inner.n_eval()
    }

    /// Number of variables.
    #[getter]
    fn n_var(&self) -> usize {
        self.inner.n_var()
    }

    /// Number of objectives.
    #[getter]
    fn n_obj(&self) -> usize {
        self.inner.n_obj()
    }

    /// Number of inequality constraints.
    #[getter]
    fn n_constr(&self) -> usize {
        self.inner.n_constr()
    }

    /// Population size.
    #[getter]
    fn pop_size(&self) -> usize {
        self.inner.pop_size()
    }

    /// Decision vectors of the current population (SPEA2: archive), ``(n, n_var)``
    /// (no rows before the first ``tell``).
    #[getter(pop_X)]
    fn pop_x<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let pop = self.population();
        let n = pop.len();
        to_matrix(py, pop.x, n, pop.n_var)
    }

    /// Objective values of the current population (SPEA2: archive), ``(n, n_obj)``.
    #[getter(pop_F)]
    fn pop_f<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let pop = self.population();
        let n = pop.len();
        to_matrix(py, pop.f, n, pop.n_obj)
    }

    /// Constraint values of the current population (SPEA2: archive), ``(n, n_constr)``.
    #[getter(pop_G)]
    fn pop_g<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let pop = self.population();
        let n = pop.len();
        to_matrix(py, pop.g, n, pop.n_constr)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let this = slf.borrow();
        let inner = &this.inner;
        Ok(format!(
            "{}(n_var={}, n_obj={}, n_constr={}, pop_size={}, n_gen={}, n_eval={})",
            slf.get_type().name()?,
            inner.n_var(),
            inner.n_obj(),
            inner.n_constr(),
            inner.pop_size(),
            inner.n_gen(),
            inner.n_eval()
        ))
    }
}
