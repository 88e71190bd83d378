//! The optimisation loop behind `vilfredo.minimize`: an algorithm from `vilfredo-moea`
//! (NSGA-II by default; SMS-EMOA, SPEA2 and R-NSGA-II from `more_algorithms`; NSGA-III
//! and MOEA/D from `reference_algorithms`), driven by ask/tell one generation at a time.
//!
//! Built-in problems run each whole generation (variation, evaluation, survival) with the
//! GIL released. Python problems hold the GIL only while the user's `evaluate` runs (and
//! while its arrays are converted). Between generations the loop checks for signals, so
//! Ctrl-C interrupts a run with `KeyboardInterrupt`. The Python wrapper
//! (`python/vilfredo/_minimize.py`) normalises the problem and builds the `Result`.

use crate::convert::{matrix, to_matrix, vector};
use crate::guard::run;
use crate::problems::PyProblem;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use vilfredo_moea::{Algorithm, Nsga2, Nsga2Config, Solutions, Space};

/// The names `algorithm` accepts, for error messages.
const ALGORITHMS: &str = "nsga2, nsga3, moead, sms-emoa, spea2, rnsga2";

/// The population size when `pop_size` is not given (NSGA-II, SMS-EMOA, SPEA2, R-NSGA-II).
pub(crate) const DEFAULT_POP_SIZE: usize = 100;

/// An algorithm `minimize` can run: ask/tell plus its whole population for the result.
pub(crate) trait Run: Algorithm + Send {
    /// The whole current population (or archive).
    fn population(&self) -> Solutions;

    /// The Python exception behind the last error, if Python code (an operator) raised
    /// it: raised as it was rather than translated.
    fn take_error(&mut self) -> Option<PyErr> {
        None
    }
}

impl Run for Nsga2 {
    fn population(&self) -> Solutions {
        Nsga2::population(self)
    }
}

/// The stopping rule: whichever of the two budgets is reached first.
#[derive(Clone, Copy)]
struct Budget {
    n_gen: Option<usize>,
    n_eval: Option<usize>,
}

impl Budget {
    fn reached(&self, alg: &dyn Run) -> bool {
        self.n_gen.is_some_and(|g| alg.n_gen() >= g)
            || self.n_eval.is_some_and(|e| alg.n_eval() >= e)
    }
}

/// Checks the budget.
fn check_budget(budget: Budget) -> PyResult<()> {
    if budget.n_gen.is_none() && budget.n_eval.is_none() {
        return Err(PyValueError::new_err(
            "give a budget: n_gen (generations, the initial population being the first) or n_eval (evaluations)",
        ));
    }
    Ok(())
}

/// The settings every algorithm shares.
#[derive(Clone, Copy)]
pub(crate) struct Common {
    /// `pop_size` as given, or [`DEFAULT_POP_SIZE`].
    pub pop_size: usize,
    /// `pop_size` as given (NSGA-III derives its own from the directions, MOEA/D
    /// refuses one).
    pub pop_size_given: Option<usize>,
    pub seed: u64,
    pub n_obj: usize,
    pub n_constr: usize,
}

/// NSGA-II with SBX and polynomial mutation: `vilfredo.NSGA2`, and `"nsga2"` without
/// an `operator`.
pub(crate) fn nsga2(space: Space, common: Common) -> PyResult<Nsga2> {
    let config = Nsga2Config {
        pop_size: common.pop_size,
        seed: common.seed,
        ..Nsga2Config::default()
    };
    Nsga2::new(space, common.n_obj, common.n_constr, config)
        .map_err(|e| crate::guard::value_error(&e))
}

/// A built algorithm as the trait object the loop drives.
fn boxed<A: Run + 'static>(alg: PyResult<A>) -> PyResult<Box<dyn Run>> {
    Ok(Box::new(alg?))
}

/// Builds the algorithm called `algorithm` on `space`; `options` holds the
/// algorithm-specific keyword arguments.
fn build(
    algorithm: &str,
    space: Space,
    common: Common,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Box<dyn Run>> {
    let name = algorithm.to_ascii_lowercase().replace('_', "-");
    match name.as_str() {
        "nsga2" => {
            if crate::more_algorithms::get(options, "ref_dirs")?.is_some() {
                return Err(PyValueError::new_err(
                    "ref_dirs applies to nsga3 and moead only",
                ));
            }
            crate::more_algorithms::check_keys("nsga2", options, &["operator"])?;
            let alg = nsga2(space, common)?;
            match crate::more_algorithms::get(options, "operator")? {
                Some(op) if !op.is_callable() => Err(pyo3::exceptions::PyTypeError::new_err(
                    "operator must be callable: operator(parents, values, n_offspring, generation) -> offspring",
                )),
                Some(op) => Ok(Box::new(crate::operator::with_py_operator(
                    alg,
                    op.unbind(),
                ))),
                None => Ok(Box::new(alg)),
            }
        }
        "nsga3" => boxed(crate::reference_algorithms::nsga3(space, common, options)),
        "moead" | "moea/d" => boxed(crate::reference_algorithms::moead(space, common, options)),
        "sms-emoa" | "smsemoa" => boxed(crate::more_algorithms::sms_emoa(space, common, options)),
        "spea2" => boxed(crate::more_algorithms::spea2(space, common, options)),
        "rnsga2" | "r-nsga2" | "r-nsga-ii" => {
            boxed(crate::more_algorithms::rnsga2(space, common, options))
        }
        _ => Err(PyValueError::new_err(format!(
            "unknown algorithm {algorithm:?}; valid algorithms: {ALGORITHMS}"
        ))),
    }
}

/// Runs an algorithm on a built-in problem; each generation runs with the GIL released.
#[pyfunction]
#[pyo3(signature = (problem, algorithm, pop_size, n_gen, n_eval, seed, options=None))]
#[allow(clippy::too_many_arguments)]
pub fn _minimize_builtin<'py>(
    py: Python<'py>,
    problem: &Bound<'py, PyProblem>,
    algorithm: &str,
    pop_size: Option<usize>,
    n_gen: Option<usize>,
    n_eval: Option<usize>,
    seed: u64,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let budget = Budget { n_gen, n_eval };
    let p = &*problem.get().inner;
    let (n_obj, n_constr) = (p.n_obj(), p.n_constr());
    let space = Space::of_problem(p).map_err(|e| crate::guard::value_error(&e))?;
    let common = Common {
        pop_size: pop_size.unwrap_or(DEFAULT_POP_SIZE),
        pop_size_given: pop_size,
        seed,
        n_obj,
        n_constr,
    };
    let mut alg = build(algorithm, space, common, options)?;
    check_budget(budget)?;
    let mut history = Vec::new();
    let (mut f, mut g) = (Vec::new(), Vec::new());
    while !budget.reached(alg.as_ref()) {
        run(py, || {
            let batch = alg.ask()?;
            let n = batch.len();
            f.clear();
            f.resize(n * n_obj, 0.0);
            g.clear();
            g.resize(n * n_constr, 0.0);
            p.evaluate(batch.as_slice(), &mut f, &mut g)?;
            alg.tell(&f, (n_constr > 0).then_some(&g[..]))
        })
        .map_err(|e| alg.take_error().unwrap_or(e))?;
        history.push(record(alg.as_ref()));
        py.check_signals()?;
    }
    outcome(py, alg.as_ref(), history)
}

/// Runs an algorithm on a Python problem: `evaluate(X)` returns `F` or `(F, G)`.
#[pyfunction]
#[pyo3(signature = (evaluate, n_obj, n_constr, xl, xu, algorithm, pop_size, n_gen, n_eval, seed, options=None))]
#[allow(clippy::too_many_arguments)]
pub fn _minimize_python<'py>(
    py: Python<'py>,
    evaluate: &Bound<'py, PyAny>,
    n_obj: usize,
    n_constr: usize,
    xl: &Bound<'py, PyAny>,
    xu: &Bound<'py, PyAny>,
    algorithm: &str,
    pop_size: Option<usize>,
    n_gen: Option<usize>,
    n_eval: Option<usize>,
    seed: u64,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let budget = Budget { n_gen, n_eval };
    let (xl, xu) = (vector(xl, "xl")?, vector(xu, "xu")?);
    let n_var = xl.len();
    let space = Space::real(xl, xu).map_err(|e| crate::guard::value_error(&e))?;
    let common = Common {
        pop_size: pop_size.unwrap_or(DEFAULT_POP_SIZE),
        pop_size_given: pop_size,
        seed,
        n_obj,
        n_constr,
    };
    let mut alg = build(algorithm, space, common, options)?;
    check_budget(budget)?;
    let mut history = Vec::new();
    while !budget.reached(alg.as_ref()) {
        let x = match alg.ask() {
            Ok(batch) => batch.as_slice().to_vec(),
            Err(e) => {
                let e = crate::guard::value_error(&e);
                return Err(alg.take_error().unwrap_or(e));
            }
        };
        let n = x.len() / n_var.max(1);
        let returned = evaluate.call1((to_matrix(py, x, n, n_var)?,))?;
        let (f_obj, g_obj) = split_returned(&returned, n_constr)?;
        let f = values(&f_obj, "F", n, n_obj)?;
        let g = match g_obj {
            Some(g) => values(&g, "G", n, n_constr)?,
            None => Vec::new(),
        };
        run(py, || alg.tell(&f, (n_constr > 0).then_some(&g[..])))?;
        history.push(record(alg.as_ref()));
        py.check_signals()?;
    }
    outcome(py, alg.as_ref(), history)
}

/// `F` and, with constraints, `G` from what the user's `evaluate` returned.
fn split_returned<'py>(
    returned: &Bound<'py, PyAny>,
    n_constr: usize,
) -> PyResult<(Bound<'py, PyAny>, Option<Bound<'py, PyAny>>)> {
    if let Ok(pair) = returned.cast::<PyTuple>() {
        if pair.len() != 2 {
            return Err(PyValueError::new_err(format!(
                "evaluate(X) must return F or a pair (F, G), got a tuple of {} items",
                pair.len()
            )));
        }
        let g = pair.get_item(1)?;
        return Ok((pair.get_item(0)?, (n_constr > 0).then_some(g)));
    }
    if n_constr > 0 {
        return Err(PyValueError::new_err(format!(
            "the problem has n_constr = {n_constr}: evaluate(X) must return a pair (F, G)"
        )));
    }
    Ok((returned.clone(), None))
}

/// The row-major values of `obj`, which must be `(n, cols)` (or `(n,)` when `cols` is 1).
fn values(obj: &Bound<'_, PyAny>, what: &str, n: usize, cols: usize) -> PyResult<Vec<f64>> {
    let py = obj.py();
    let arr = py.import("numpy")?.call_method1("asarray", (obj,))?;
    let shape: Vec<usize> = arr.getattr("shape")?.extract()?;
    let arr = match shape.as_slice() {
        [rows] if cols == 1 && *rows == n => arr.call_method1("reshape", (n, 1))?,
        [rows, c] if *rows == n && *c == cols => arr,
        _ => {
            return Err(PyValueError::new_err(format!(
                "evaluate(X) returned {what} of shape {shape:?} for {n} rows; expected ({n}, {cols})"
            )));
        }
    };
    let m = matrix(&arr, what)?;
    Ok(m.parts()?.0.to_vec())
}

/// One history entry: generation, evaluations so far, size of the result (the first
/// front, without failed evaluations).
fn record(alg: &dyn Run) -> (usize, usize, usize) {
    (alg.n_gen(), alg.n_eval(), alg.result().len())
}

/// The final state as a dict for the Python `Result`.
fn outcome<'py>(
    py: Python<'py>,
    alg: &dyn Run,
    history: Vec<(usize, usize, usize)>,
) -> PyResult<Bound<'py, PyDict>> {
    let best = alg.result();
    let pop = alg.population();
    let (nb, np_) = (best.len(), pop.len());
    let out = PyDict::new(py);
    out.set_item("X", to_matrix(py, best.x, nb, best.n_var)?)?;
    out.set_item("F", to_matrix(py, best.f, nb, best.n_obj)?)?;
    out.set_item("G", to_matrix(py, best.g, nb, best.n_constr)?)?;
    out.set_item("pop_X", to_matrix(py, pop.x, np_, pop.n_var)?)?;
    out.set_item("pop_F", to_matrix(py, pop.f, np_, pop.n_obj)?)?;
    out.set_item("pop_G", to_matrix(py, pop.g, np_, pop.n_constr)?)?;
    out.set_item("n_eval", alg.n_eval())?;
    out.set_item("n_gen", alg.n_gen())?;
    out.set_item("history", history)?;
    Ok(out)
}
