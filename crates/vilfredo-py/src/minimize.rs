//! The optimisation loop behind `vilfredo.minimize`: NSGA-II (Deb, Pratap, Agarwal &
//! Meyarivan 2002), NSGA-III (Deb & Jain 2014) or MOEA/D (Zhang & Li 2007) from
//! `vilfredo-moea`, driven by ask/tell one generation at a time.
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
use vilfredo_core::PointsView;
use vilfredo_core::design::das_dennis;
use vilfredo_moea::{Algorithm, Moead, MoeadConfig, Nsga2, Nsga2Config, Nsga3, Nsga3Config, Space};

/// The algorithms `minimize` accepts.
const ALGORITHMS: &str = "nsga2, nsga3, moead";

/// NSGA-II's population when `pop_size` is not given.
const DEFAULT_POP_SIZE: usize = 100;

/// The algorithm being run.
enum Runner {
    Nsga2(Nsga2),
    Nsga3(Nsga3),
    Moead(Moead),
}

impl Runner {
    fn alg(&mut self) -> &mut (dyn Algorithm + Send) {
        match self {
            Runner::Nsga2(a) => a,
            Runner::Nsga3(a) => a,
            Runner::Moead(a) => a,
        }
    }

    fn view(&self) -> &dyn Algorithm {
        match self {
            Runner::Nsga2(a) => a,
            Runner::Nsga3(a) => a,
            Runner::Moead(a) => a,
        }
    }

    /// The size of the first front: NSGA-II's rank-0 members, the others' result.
    fn front_size(&self) -> usize {
        match self {
            Runner::Nsga2(a) => a.ranks().iter().filter(|&&r| r == 0).count(),
            other => other.view().result().len(),
        }
    }

    fn population(&self) -> vilfredo_moea::Solutions {
        match self {
            Runner::Nsga2(a) => a.population(),
            Runner::Nsga3(a) => a.population(),
            Runner::Moead(a) => a.population(),
        }
    }
}

/// Reference directions as given to `minimize`.
enum Dirs {
    /// Row-major values and their number of columns.
    Array(Vec<f64>, usize),
    /// Das–Dennis directions with this many divisions, for the problem's objectives.
    Partitions(usize),
}

/// What `minimize` was asked to run, checked: the name, the settings and the reference
/// directions.
struct Choice {
    name: String,
    pop_size: Option<usize>,
    seed: u64,
    dirs: Option<Dirs>,
}

impl Choice {
    /// Builds the algorithm on `space`.
    fn build(&self, space: Space, n_obj: usize, n_constr: usize) -> vilfredo_core::Result<Runner> {
        let lattice;
        let dirs = match &self.dirs {
            Some(Dirs::Array(d, cols)) => Some(PointsView::named("ref_dirs", d, *cols)?),
            Some(Dirs::Partitions(p)) => {
                lattice = das_dennis(n_obj, *p)?;
                Some(lattice.view())
            }
            None => None,
        };
        match (self.name.as_str(), dirs) {
            ("nsga3", Some(d)) => {
                let config = Nsga3Config {
                    pop_size: self.pop_size,
                    seed: self.seed,
                    ..Nsga3Config::default()
                };
                Ok(Runner::Nsga3(Nsga3::new(
                    space, n_obj, n_constr, d, config,
                )?))
            }
            ("moead", Some(d)) => {
                let config = MoeadConfig {
                    seed: self.seed,
                    ..MoeadConfig::default()
                };
                Ok(Runner::Moead(Moead::new(
                    space, n_obj, n_constr, d, config,
                )?))
            }
            _ => {
                let config = Nsga2Config {
                    pop_size: self.pop_size.unwrap_or(DEFAULT_POP_SIZE),
                    seed: self.seed,
                    ..Nsga2Config::default()
                };
                Ok(Runner::Nsga2(Nsga2::new(space, n_obj, n_constr, config)?))
            }
        }
    }
}

/// The stopping rule: whichever of the two budgets is reached first.
#[derive(Clone, Copy)]
struct Budget {
    n_gen: Option<usize>,
    n_eval: Option<usize>,
}

impl Budget {
    fn reached(&self, alg: &dyn Algorithm) -> bool {
        self.n_gen.is_some_and(|g| alg.n_gen() >= g)
            || self.n_eval.is_some_and(|e| alg.n_eval() >= e)
    }
}

/// Checks the algorithm name, its options and the budget.
fn choose(
    algorithm: &str,
    pop_size: Option<usize>,
    seed: u64,
    budget: Budget,
    ref_dirs: Option<&Bound<'_, PyAny>>,
) -> PyResult<Choice> {
    let name = algorithm.to_ascii_lowercase();
    if !["nsga2", "nsga3", "moead"].contains(&name.as_str()) {
        return Err(PyValueError::new_err(format!(
            "unknown algorithm {algorithm:?}; valid algorithms: {ALGORITHMS}"
        )));
    }
    if budget.n_gen.is_none() && budget.n_eval.is_none() {
        return Err(PyValueError::new_err(
            "give a budget: n_gen (generations, the initial population being the first) or n_eval (evaluations)",
        ));
    }
    let dirs = match (name.as_str(), ref_dirs) {
        ("nsga2", Some(_)) => {
            return Err(PyValueError::new_err(
                "ref_dirs applies to nsga3 and moead only",
            ));
        }
        ("nsga2", None) => None,
        (_, None) => {
            return Err(PyValueError::new_err(format!(
                "{name} needs ref_dirs: an (n, n_obj) array of reference directions, or an \
                 int p for the Das-Dennis directions with p divisions (p = 12 gives 91 \
                 directions for 3 objectives)"
            )));
        }
        (_, Some(d)) => match d.extract::<usize>() {
            Ok(p) if p >= 1 => Some(Dirs::Partitions(p)),
            Ok(p) => {
                return Err(PyValueError::new_err(format!(
                    "ref_dirs as a number of Das-Dennis divisions must be at least 1, got {p}"
                )));
            }
            Err(_) => {
                let m = matrix(d, "ref_dirs")?;
                let (data, cols) = m.parts()?;
                Some(Dirs::Array(data.to_vec(), cols))
            }
        },
    };
    if name == "moead" && pop_size.is_some() {
        return Err(PyValueError::new_err(
            "moead's population is one solution per weight vector: give ref_dirs, not pop_size",
        ));
    }
    Ok(Choice {
        name,
        pop_size,
        seed,
        dirs,
    })
}

/// Runs an algorithm on a built-in problem; each generation runs with the GIL released.
#[pyfunction]
#[pyo3(signature = (problem, algorithm, pop_size, n_gen, n_eval, seed, ref_dirs=None))]
#[allow(clippy::too_many_arguments)]
pub fn _minimize_builtin<'py>(
    py: Python<'py>,
    problem: &Bound<'py, PyProblem>,
    algorithm: &str,
    pop_size: Option<usize>,
    n_gen: Option<usize>,
    n_eval: Option<usize>,
    seed: u64,
    ref_dirs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let budget = Budget { n_gen, n_eval };
    let choice = choose(algorithm, pop_size, seed, budget, ref_dirs)?;
    let p = &*problem.get().inner;
    let (n_obj, n_constr) = (p.n_obj(), p.n_constr());
    let mut runner = run(py, || choice.build(Space::of_problem(p)?, n_obj, n_constr))?;
    let mut history = Vec::new();
    let (mut f, mut g) = (Vec::new(), Vec::new());
    while !budget.reached(runner.view()) {
        let alg = runner.alg();
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
        history.push(record(&runner));
        py.check_signals()?;
    }
    outcome(py, &runner, history)
}

/// Runs an algorithm on a Python problem: `evaluate(X)` returns `F` or `(F, G)`.
#[pyfunction]
#[pyo3(signature = (evaluate, n_obj, n_constr, xl, xu, algorithm, pop_size, n_gen, n_eval, seed, ref_dirs=None))]
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
    ref_dirs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let budget = Budget { n_gen, n_eval };
    let choice = choose(algorithm, pop_size, seed, budget, ref_dirs)?;
    let (xl, xu) = (vector(xl, "xl")?, vector(xu, "xu")?);
    let n_var = xl.len();
    let mut runner = run(py, || choice.build(Space::real(xl, xu)?, n_obj, n_constr))?;
    let mut history = Vec::new();
    while !budget.reached(runner.view()) {
        let x = runner
            .alg()
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
        let alg = runner.alg();
        run(py, || alg.tell(&f, (n_constr > 0).then_some(&g[..])))?;
        history.push(record(&runner));
        py.check_signals()?;
    }
    outcome(py, &runner, history)
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
fn record(runner: &Runner) -> (usize, usize, usize) {
    let alg = runner.view();
    (alg.n_gen(), alg.n_eval(), runner.front_size())
}

/// The final state as a dict for the Python `Result`.
fn outcome<'py>(
    py: Python<'py>,
    runner: &Runner,
    history: Vec<(usize, usize, usize)>,
) -> PyResult<Bound<'py, PyDict>> {
    let alg = runner.view();
    let best = alg.result();
    let pop = runner.population();
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
