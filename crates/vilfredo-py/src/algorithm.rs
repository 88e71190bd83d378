//! `vilfredo.NSGA2`: NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002) driven from Python by
//! ask/tell, the primitive `vilfredo.minimize` is built on.
//!
//! The caller evaluates each batch however it likes (numpy, a pool, another machine) and
//! tells the values back. Variation and survival run with the GIL released. The run's
//! state is a JSON snapshot of `Nsga2State` (`serde_json` with `float_roundtrip`, so every
//! bit survives), which is also how an `NSGA2` pickles.

use crate::convert::{matrix, to_matrix, vector};
use crate::guard::{run, value_error};
use numpy::PyArray2;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};
use vilfredo_moea::{Algorithm, Nsga2, Nsga2Config, Nsga2State, Space, VarType};

/// NSGA-II driven by ask/tell: ``ask()`` a batch, evaluate it, ``tell(F, G)`` its values.
///
/// ``xl`` and ``xu`` are the lower and upper bounds, one per variable; ``var_types``
/// optionally gives each variable's type (``"real"``, ``"int"`` or ``"binary"``; binary
/// variables need bounds ``[0, 1]``). ``n_constr`` inequality constraints ``g <= 0``
/// are handled by constrained domination (Deb 2000). Operators are SBX and polynomial
/// mutation with pymoo's default settings, duplicates redrawn; the same ``seed`` gives
/// the same run, and ``vilfredo.minimize`` on a Python problem with the same bounds,
/// ``pop_size`` and ``seed`` runs exactly this algorithm.
///
/// The first ``ask()`` returns ``pop_size`` random vectors (generation 1, as in pymoo),
/// each later one ``pop_size`` offspring. Asking again before telling returns the same
/// batch. ``tell`` refuses NaN/inf or arrays of the wrong shape with ``ValueError``
/// naming the row; the batch then stays pending, so ``tell`` can be repeated.
/// ``state()`` returns a JSON snapshot and ``NSGA2.from_state`` continues the run bit
/// for bit; pickling uses the same snapshot.
///
/// NSGA-II: Deb, Pratap, Agarwal & Meyarivan (2002), "A fast and elitist
/// multiobjective genetic algorithm: NSGA-II", IEEE TEVC 6(2).
///
/// Examples
/// --------
/// >>> import numpy as np, vilfredo as vf
/// >>> alg = vf.NSGA2(np.zeros(5), np.ones(5), 2, pop_size=20, seed=1)
/// >>> for _ in range(30):
/// ...     X = alg.ask()
/// ...     F = np.column_stack([X[:, 0], 1 + X[:, 1:].sum(axis=1) - X[:, 0]])
/// ...     alg.tell(F)
/// >>> X, F, G = alg.result()
/// >>> (alg.n_gen, alg.n_eval, F.shape[1], G.shape[1])
/// (30, 600, 2, 0)
#[pyclass(name = "NSGA2", module = "vilfredo._vilfredo")]
pub struct PyNsga2 {
    inner: Nsga2,
    /// Number of rows of the batch asked and not yet told, if any.
    pending: Option<usize>,
}

/// The variable type called `name`.
fn var_type(name: &str) -> PyResult<VarType> {
    match name.to_ascii_lowercase().as_str() {
        "real" | "float" => Ok(VarType::Real),
        "int" | "integer" => Ok(VarType::Integer),
        "binary" | "bool" => Ok(VarType::Binary),
        "categorical" | "cat" | "choice" => Ok(VarType::Categorical),
        _ => Err(PyValueError::new_err(format!(
            "unknown variable type {name:?}; valid types: real, int, binary"
        ))),
    }
}

/// `value` as a `T`, or a `ValueError` saying it must be in `range`.
fn in_range<T: TryFrom<i128>>(value: i128, name: &str, range: &str) -> PyResult<T> {
    T::try_from(value)
        .map_err(|_| PyValueError::new_err(format!("{name} must be in {range}, got {value}")))
}

impl PyNsga2 {
    /// Wraps a run, remembering the size of its pending batch.
    fn wrap(inner: Nsga2, pending: Option<usize>) -> Self {
        Self { inner, pending }
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
}

#[pymethods]
impl PyNsga2 {
    #[new]
    #[pyo3(signature = (xl, xu, n_obj, *, n_constr=0, pop_size=100, seed=0, var_types=None))]
    #[allow(clippy::too_many_arguments)] // Python's keyword arguments, one per setting.
    fn new(
        py: Python<'_>,
        xl: &Bound<'_, PyAny>,
        xu: &Bound<'_, PyAny>,
        n_obj: i128,
        n_constr: i128,
        pop_size: i128,
        seed: i128,
        var_types: Option<Vec<String>>,
    ) -> PyResult<Self> {
        // Read as wide ints so a negative value is a ValueError, not an OverflowError.
        let n_obj: usize = in_range(n_obj, "n_obj", "[1, 2**64)")?;
        let n_constr: usize = in_range(n_constr, "n_constr", "[0, 2**64)")?;
        let pop_size: usize = in_range(pop_size, "pop_size", "[2, 2**32)")?;
        let seed: u64 = in_range(seed, "seed", "[0, 2**64)")?;
        let (xl, xu) = (vector(xl, "xl")?, vector(xu, "xu")?);
        let types = match var_types {
            Some(names) => names
                .iter()
                .map(|n| var_type(n))
                .collect::<PyResult<Vec<_>>>()?,
            None => vec![VarType::Real; xl.len()],
        };
        let config = Nsga2Config {
            pop_size,
            seed,
            ..Nsga2Config::default()
        };
        let inner = run(py, || {
            Nsga2::new(Space::new(xl, xu, types)?, n_obj, n_constr, config)
        })?;
        Ok(Self::wrap(inner, None))
    }

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

    /// The non-dominated set ``(X, F, G)``: the population's members of rank 0 under
    /// constrained domination, i.e. the feasible non-dominated ones or, when no member
    /// is feasible, those of least total violation. Empty before the first ``tell``.
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
    /// pending batch); ``NSGA2.from_state`` continues it bit for bit.
    fn state(&self, py: Python<'_>) -> PyResult<String> {
        let inner = &self.inner;
        py.detach(|| serde_json::to_string(&inner.state()))
            .map_err(|e| PyValueError::new_err(format!("cannot write the state: {e}")))
    }

    /// Continues a run from a snapshot made by ``state()``.
    #[classmethod]
    fn from_state(_cls: &Bound<'_, PyType>, py: Python<'_>, state: &str) -> PyResult<Self> {
        let parsed = py
            .detach(|| serde_json::from_str::<Nsga2State>(state))
            .map_err(|e| PyValueError::new_err(format!("invalid NSGA2 state: {e}")))?;
        let n_var = parsed.space.n_var();
        let pending = parsed.pending.as_ref().map(|x| x.len() / n_var.max(1));
        let inner = Nsga2::from_state(parsed).map_err(|e| value_error(&e))?;
        Ok(Self::wrap(inner, pending))
    }

    /// Pickles through the JSON snapshot.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let from_state = py.get_type::<Self>().getattr("from_state")?;
        let state = self.state(py)?;
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
        self.inner.config().pop_size
    }

    /// Decision vectors of the current population, ``(pop_size, n_var)`` (no rows before
    /// the first ``tell``).
    #[getter(pop_X)]
    fn pop_x<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let cols = self.inner.n_var();
        let x = self.inner.x().to_vec();
        to_matrix(py, x, self.inner.f().len() / self.inner.n_obj(), cols)
    }

    /// Objective values of the current population, ``(pop_size, n_obj)``.
    #[getter(pop_F)]
    fn pop_f<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let cols = self.inner.n_obj();
        let f = self.inner.f().to_vec();
        to_matrix(py, f, self.inner.f().len() / cols, cols)
    }

    /// Constraint values of the current population, ``(pop_size, n_constr)``.
    #[getter(pop_G)]
    fn pop_g<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let rows = self.inner.f().len() / self.inner.n_obj();
        to_matrix(py, self.inner.g().to_vec(), rows, self.inner.n_constr())
    }

    fn __repr__(&self) -> String {
        format!(
            "NSGA2(n_var={}, n_obj={}, n_constr={}, pop_size={}, n_gen={}, n_eval={})",
            self.inner.n_var(),
            self.inner.n_obj(),
            self.inner.n_constr(),
            self.inner.config().pop_size,
            self.inner.n_gen(),
            self.inner.n_eval()
        )
    }
}
