//! The optimisation loop behind `vilfredo.minimize`: NSGA-II (Deb, Pratap, Agarwal &
//! Meyarivan 2002) from `vilfredo-moea`, driven by ask/tell one generation at a time.
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
use vilfredo_moea::{Algorithm, Nsga2, Nsga2Config, Space};

/// The stopping rule: whichever of the two budgets is reached first.
#[derive(Clone, Copy)]
struct Budget {
    n_gen: Option<usize>,
    n_eval: Option<usize>,
}

impl Budget {
    fn reached(&self, alg: &Nsga2) -> bool {
        self.n_gen.is_some_and(|g| alg.n_gen() >= g)
            || self.n_eval.is_some_and(|e| alg.n_eval() >= e)
    }
}

/// Checks the algorithm name and budget and builds NSGA-II's settings.
fn config(algorithm: &str, pop_size: usize, seed: u64, budget: Budget) -> PyResult<Nsga2Config> {
    if !algorithm.eq_ignore_ascii_case("nsga2") {
        return Err(PyValueError::new_err(format!(
            "unknown algorithm {algorithm:?}; valid algorithms: nsga2"
        )));
    }
    if budget.n_gen.is_none() && budget.n_eval.is_none() {
        return Err(PyValueError::new_err(
            "give a budget: n_gen (generations, the initial population being the first) or n_eval (evaluations)",
        ));
    }
    let config = Nsga2Config {
        pop_size,
        seed,
        ..Nsga2Config::default()
    };
    config
        .validate()
        .map_err(|e| crate::guard::value_error(&e))?;
    Ok(config)
}

/// Runs NSGA-II on a built-in problem; each generation runs with the GIL released.
#[pyfunction]
#[pyo3(signature = (problem, algorithm, pop_size, n_gen, n_eval, seed))]
pub fn _minimize_builtin<'py>(
    py: Python<'py>,
    problem: &Bound<'py, PyProblem>,
    algorithm: &str,
    pop_size: usize,
    n_gen: Option<usize>,
    n_eval: Option<usize>,
    seed: u64,
) -> PyResult<Bound<'py, PyDict>> {
    let budget = Budget { n_gen, n_eval };
    let config = config(algorithm, pop_size, seed, budget)?;
    let p = &*problem.get().inner;
    let mut alg = run(py, || Nsga2::for_problem(p, config))?;
    let (n_obj, n_constr) = (p.n_obj(), p.n_constr());
    let mut history = Vec::new();
    let (mut f, mut g) = (Vec::new(), Vec::new());
    while !budget.reached(&alg) {
        run(py, || {
            let batch = alg.ask()?;
            let n = batch.len();
            f.clear();
            f.resize(n * n_obj, 0.0);
            g.clear();
            g.resize(n * n_constr, 0.0);
            p.evaluate(batch.as_slice(), &mut f, &mut g)?;
            alg.tell(&f, (n_constr > 0).then_some(&g[..]))
        })?;
        history.push(record(&alg));
        py.check_signals()?;
    }
    outcome(py, &alg, history)
}

/// Runs NSGA-II on a Python problem: `evaluate(X)` returns `F` or `(F, G)`.
#[pyfunction]
#[pyo3(signature = (evaluate, n_obj, n_constr, xl, xu, algorithm, pop_size, n_gen, n_eval, seed))]
#[allow(clippy::too_many_arguments)]
pub fn _minimize_python<'py>(
    py: Python<'py>,
    evaluate: &Bound<'py, PyAny>,
    n_obj: usize,
    n_constr: usize,
    xl: &Bound<'py, PyAny>,
    xu: &Bound<'py, PyAny>,
    algorithm: &str,
    pop_size: usize,
    n_gen: Option<usize>,
    n_eval: Option<usize>,
    seed: u64,
) -> PyResult<Bound<'py, PyDict>> {
    let budget = Budget { n_gen, n_eval };
    let config = config(algorithm, pop_size, seed, budget)?;
    let (xl, xu) = (vector(xl, "xl")?, vector(xu, "xu")?);
    let n_var = xl.len();
    let mut alg = run(py, || {
        Nsga2::new(Space::real(xl, xu)?, n_obj, n_constr, config)
    })?;
    let mut history = Vec::new();
    while !budget.reached(&alg) {
        let x = alg
            .ask()
            .map_err(|e| crate::guard::value_error(&e))?
            .as_slice()
            .to_vec();
        let n = x.len() / n_var.max(1);
        let returned = evaluate.call1((to_matrix(py, x, n, n_var)?,))?;
        let (f_obj, g_obj) = split_returned(&returned, n_constr)?;
        let f = values(&f_obj, "F", n, n_obj)?;
        let g = match g_obj {
            Some(g) => values(&g, "G", n, n_constr)?,
            None => Vec::new(),
        };
        run(py, || alg.tell(&f, (n_constr > 0).then_some(&g[..])))?;
        history.push(record(&alg));
        py.check_signals()?;
    }
    outcome(py, &alg, history)
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

/// One history entry: generation, evaluations so far, size of the first front.
fn record(alg: &Nsga2) -> (usize, usize, usize) {
    let front = alg.ranks().iter().filter(|&&r| r == 0).count();
    (alg.n_gen(), alg.n_eval(), front)
}

/// The final state as a dict for the Python `Result`.
fn outcome<'py>(
    py: Python<'py>,
    alg: &Nsga2,
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
