//! [`minimize`]: the ask–evaluate–tell loop for problems implemented in Rust.

use crate::evaluate::{Evaluation, evaluate};
use crate::{Algorithm, Solutions, Termination};
use vilfredo_core::{Error, Problem, Result};

/// Options of [`minimize_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MinimizeOptions {
    /// How each batch is evaluated (serially by default).
    pub evaluation: Evaluation,
}

/// Runs `algorithm` on `problem` until `termination` says stop, and returns the
/// algorithm's result.
///
/// Each generation asks for a batch, evaluates it with one call to
/// [`Problem::evaluate`], and tells the values back. The algorithm is borrowed, so a run
/// can be inspected afterwards, saved, or continued with a longer termination.
///
/// # Errors
/// [`Error::DimensionMismatch`] when the problem's number of variables, objectives or
/// constraints differs from the algorithm's; any error of the problem's evaluation or of
/// the algorithm (for example NaN objectives, naming the row).
pub fn minimize(
    problem: &dyn Problem,
    algorithm: &mut dyn Algorithm,
    termination: &mut dyn Termination,
) -> Result<Solutions> {
    minimize_with(problem, algorithm, termination, MinimizeOptions::default())
}

/// [`minimize`] with options, for example parallel evaluation of each batch; the result
/// does not depend on the options' evaluation mode or on the number of threads.
///
/// # Errors
/// As [`minimize`], and [`Error::InvalidArgument`] for a parallel evaluation with
/// 0 rows per task.
pub fn minimize_with(
    problem: &dyn Problem,
    algorithm: &mut dyn Algorithm,
    termination: &mut dyn Termination,
    options: MinimizeOptions,
) -> Result<Solutions> {
    for (what, expected, found) in [
        ("problem variables", algorithm.n_var(), problem.n_var()),
        ("problem objectives", algorithm.n_obj(), problem.n_obj()),
        (
            "problem constraints",
            algorithm.n_constr(),
            problem.n_constr(),
        ),
    ] {
        if expected != found {
            return Err(Error::DimensionMismatch {
                what,
                expected,
                found,
            });
        }
    }
    let (n_obj, n_constr) = (problem.n_obj(), problem.n_constr());
    let mut f = Vec::new();
    let mut g = Vec::new();
    while !termination.has_terminated(&*algorithm) {
        let batch = algorithm.ask()?;
        let n = batch.len();
        f.clear();
        f.resize(n * n_obj, 0.0);
        g.clear();
        g.resize(n * n_constr, 0.0);
        evaluate(
            problem,
            batch.as_slice(),
            &mut f,
            &mut g,
            options.evaluation,
        )?;
        algorithm.tell(&f, (n_constr > 0).then_some(&g[..]))?;
    }
    Ok(algorithm.result())
}
