//! Benchmark problems by name (`vilfredo.problems`): the registry of `vilfredo-problems`
//! behind a `Problem` class that evaluates numpy arrays with the GIL released.
//!
//! Parameters arrive as Python keywords named as pymoo names them (`n_var`, `n_obj`, `k`,
//! `l`, `alpha`); the registry checks them and lists the valid ones on error.

use crate::convert::{matrix, to_matrix};
use crate::guard::run;
use numpy::PyArray2;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use vilfredo_moea::{Evaluation, evaluate};
use vilfredo_problems::{Benchmark, Params};

/// How `Problem.evaluate` splits a batch: tasks of 1,024 rows (enough to amortise the
/// scheduling of even the cheapest problem, ~20 µs of work) on rayon's pool, so large
/// batches use every core while small ones stay one serial call.
const ROWS_PER_CORE: Evaluation = Evaluation::Parallel {
    rows_per_task: 1024,
};

/// A benchmark problem from ``vilfredo.problems.get``; every objective is minimised.
///
/// Attributes ``name``, ``n_var``, ``n_obj``, ``n_constr`` and ``bounds`` (a tuple
/// ``(xl, xu)`` of float64 arrays) describe it; ``xl`` and ``xu`` are also attributes so
/// that the object looks like a pymoo problem.
///
/// Examples
/// --------
/// >>> import vilfredo as vf
/// >>> p = vf.problems.get("zdt1", n_var=3)
/// >>> p.evaluate([0.25, 0.0, 0.0]).tolist()
/// [0.25, 0.5]
#[pyclass(name = "Problem", module = "vilfredo.problems", frozen)]
pub struct PyProblem {
    pub(crate) inner: Box<dyn Benchmark>,
}

#[pymethods]
impl PyProblem {
    /// The registry name, for example ``"zdt1"``.
    #[getter]
    fn name(&self) -> String {
        self.inner.name().to_owned()
    }
    /// Number of decision variables.
    #[getter]
    fn n_var(&self) -> usize {
        self.inner.n_var()
    }
    /// Number of objectives.
    #[getter]
    fn n_obj(&self) -> usize {
        self.inner.n_obj()
    }
    /// Number of inequality constraints (``g <= 0`` is feasible).
    #[getter]
    fn n_constr(&self) -> usize {
        self.inner.n_constr()
    }
    /// A one-line description of the problem and its front.
    #[getter]
    fn description(&self) -> String {
        self.inner.description().to_owned()
    }
    /// Lower bounds, one per variable (a new float64 array).
    #[getter]
    fn xl<'py>(&self, py: Python<'py>) -> Bound<'py, numpy::PyArray1<f64>> {
        numpy::PyArray1::from_slice(py, self.inner.lower())
    }
    /// Upper bounds, one per variable (a new float64 array).
    #[getter]
    fn xu<'py>(&self, py: Python<'py>) -> Bound<'py, numpy::PyArray1<f64>> {
        numpy::PyArray1::from_slice(py, self.inner.upper())
    }
    /// The box ``(xl, xu)``: two float64 arrays of length ``n_var``.
    #[getter]
    fn bounds<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, [self.xl(py), self.xu(py)])
    }

    /// Objective values of the rows of ``X``.
    ///
    /// ``X`` is ``(n, n_var)`` (or ``(n_var,)`` for one point). Returns ``F`` of shape
    /// ``(n, n_obj)`` (``(n_obj,)`` for one point) or, when the problem has constraints,
    /// the pair ``(F, G)``. A value outside ``bounds`` raises ``ValueError`` naming the
    /// row and variable (several of these functions are undefined there).
    ///
    /// Batches of more than 1,024 rows are split into tasks of 1,024 rows evaluated on
    /// all cores (the GIL released); the values are the same as row by row.
    ///
    /// Examples
    /// --------
    /// >>> import numpy as np, vilfredo as vf
    /// >>> vf.problems.get("dtlz2", n_obj=3).evaluate(np.full((2, 12), 0.5)).shape
    /// (2, 3)
    #[pyo3(signature = (X))]
    #[allow(non_snake_case)]
    fn evaluate<'py>(&self, X: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = X.py();
        let np = py.import("numpy")?;
        let arr = np.call_method1("asarray", (X,))?;
        let ndim: usize = arr.getattr("ndim")?.extract()?;
        if !(1..=2).contains(&ndim) {
            return Err(PyValueError::new_err(format!(
                "X: expected an array of shape (n, n_var) or (n_var,), got a {ndim}-D array"
            )));
        }
        let single = ndim == 1;
        let arr = if single {
            arr.call_method1("reshape", (1, -1))?
        } else {
            arr
        };
        let x = matrix(&arr, "X")?;
        let (data, cols) = x.parts()?;
        let p = &*self.inner;
        let (n_var, n_obj, n_constr) = (p.n_var(), p.n_obj(), p.n_constr());
        if cols != n_var {
            return Err(PyValueError::new_err(format!(
                "X: {} takes {n_var} variables per row, got {cols}",
                p.name()
            )));
        }
        let n = data.len() / n_var.max(1);
        let (f, g) = run(py, || {
            let mut f = vec![0.0; n * n_obj];
            let mut g = vec![0.0; n * n_constr];
            evaluate(p, data, &mut f, &mut g, ROWS_PER_CORE)?;
            Ok((f, g))
        })?;
        let shape = |a: Bound<'py, PyArray2<f64>>| -> PyResult<Bound<'py, PyAny>> {
            if single {
                a.call_method1("reshape", (-1,))
            } else {
                Ok(a.into_any())
            }
        };
        let f = shape(to_matrix(py, f, n, n_obj)?)?;
        if n_constr == 0 {
            return Ok(f);
        }
        let g = shape(to_matrix(py, g, n, n_constr)?)?;
        Ok(PyTuple::new(py, [f, g])?.into_any())
    }

    /// About ``n`` points of the true Pareto front, ``(k, n_obj)`` with ``k <= n`` in
    /// general (grids and lattices cannot hit every ``n``); ``ValueError`` where unknown.
    ///
    /// Examples
    /// --------
    /// >>> import vilfredo as vf
    /// >>> vf.problems.get("zdt1").pareto_front(3).tolist()
    /// [[0.0, 1.0], [0.5, 0.2928932188134524], [1.0, 0.0]]
    #[pyo3(signature = (n = 100))]
    fn pareto_front<'py>(&self, py: Python<'py>, n: usize) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let p = &*self.inner;
        let front = run(py, || p.pareto_front(n))?;
        let (rows, cols) = (front.n_points(), front.n_obj());
        to_matrix(py, front.into_vec(), rows, cols)
    }

    /// About ``n`` Pareto-optimal decision vectors, ``(k, n_var)``; ``ValueError`` where
    /// unknown.
    #[pyo3(signature = (n = 100))]
    fn pareto_set<'py>(&self, py: Python<'py>, n: usize) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let p = &*self.inner;
        let set = run(py, || p.pareto_set(n))?;
        let (rows, cols) = (set.n_points(), set.n_obj());
        to_matrix(py, set.into_vec(), rows, cols)
    }

    fn __repr__(&self) -> String {
        let p = &*self.inner;
        format!(
            "Problem({:?}, n_var={}, n_obj={}, n_constr={})",
            p.name(),
            p.n_var(),
            p.n_obj(),
            p.n_constr()
        )
    }
}

/// The benchmark problem ``name`` (case-insensitive) with pymoo-named parameters.
///
/// ZDT (Zitzler, Deb & Thiele 2000), DTLZ (Deb, Thiele, Laumanns & Zitzler 2005), WFG
/// (Huband, Hingston, Barone & While 2006), the constrained C-DTLZ (Jain & Deb 2014), MW
/// (Ma & Wang 2019) and classic engineering problems, and the RE suite (Tanabe &
/// Ishibuchi 2020); see ``list()`` for names and parameters.
/// Unknown names or parameters raise ``ValueError`` listing the valid ones. DTLZ defaults
/// follow the paper's ``k``; pass ``n_var`` to get pymoo's instance.
///
/// Examples
/// --------
/// >>> import vilfredo as vf
/// >>> p = vf.problems.get("dtlz2", n_var=12, n_obj=3)
/// >>> (p.n_var, p.n_obj)
/// (12, 3)
#[pyfunction(name = "get_problem")]
#[pyo3(signature = (name, **params))]
pub fn get(name: &str, params: Option<&Bound<'_, PyDict>>) -> PyResult<PyProblem> {
    let mut p = Params::new();
    if let Some(params) = params {
        for (key, value) in params.iter() {
            let key: String = key.extract()?;
            let value: f64 = value.extract().map_err(|_| {
                PyTypeError::new_err(format!("parameter {key} must be a number, got {value}"))
            })?;
            p = p.set(key, value);
        }
    }
    let inner = vilfredo_problems::get(name, &p).map_err(|e| crate::guard::value_error(&e))?;
    Ok(PyProblem { inner })
}

/// Every problem ``get`` knows: a list of dicts with ``name``, ``description`` and
/// ``params`` (a dict from parameter name to its meaning and default).
///
/// Examples
/// --------
/// >>> import vilfredo as vf
/// >>> [p["name"] for p in vf.problems.list()][:3]
/// ['zdt1', 'zdt2', 'zdt3']
#[pyfunction(name = "list_problems")]
pub fn list(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let out = PyList::empty(py);
    for info in vilfredo_problems::list() {
        let entry = PyDict::new(py);
        entry.set_item("name", info.name)?;
        entry.set_item("description", info.description)?;
        let params = PyDict::new(py);
        for param in info.params {
            params.set_item(param.name, param.doc)?;
        }
        entry.set_item("params", params)?;
        out.append(entry)?;
    }
    Ok(out)
}
