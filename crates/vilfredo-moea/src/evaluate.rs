//! Evaluating a batch with a [`Problem`], serially or on rayon's thread pool.
//!
//! Parallel evaluation splits the batch into contiguous tasks of a fixed number of rows,
//! so what each call of [`Problem::evaluate`] sees does not depend on how many threads
//! run them; as problems are deterministic, results are identical for every thread
//! count. If a task fails, the whole batch is evaluated again serially to report the
//! error the problem gives for the whole batch (with row numbers counted from the start
//! of the batch, not of the task).

use vilfredo_core::{Error, Problem, Result};

/// How a batch is evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Evaluation {
    /// One call of [`Problem::evaluate`] for the whole batch.
    #[default]
    Serial,
    /// Calls for `rows_per_task` rows at a time, run on rayon's current thread pool
    /// (the global one, or the pool a caller `install`s). Needs the `parallel` feature;
    /// without it the batch is evaluated serially.
    Parallel {
        /// Rows per call (at least 1); larger tasks amortise scheduling for cheap
        /// problems.
        rows_per_task: usize,
    },
}

/// Evaluates the rows of `x` into `f` and `g` with `problem`, as chosen by `how`.
///
/// # Errors
/// [`Error::DimensionMismatch`] when `x`, `f` or `g` do not hold the same number of
/// whole rows for the problem; [`Error::InvalidArgument`] when `rows_per_task` is 0; any
/// error of the problem.
pub fn evaluate(
    problem: &dyn Problem,
    x: &[f64],
    f: &mut [f64],
    g: &mut [f64],
    how: Evaluation,
) -> Result<()> {
    let (nv, no, nc) = (problem.n_var(), problem.n_obj(), problem.n_constr());
    let n = x.len().checked_div(nv).unwrap_or(0);
    for (what, expected, found) in [
        ("decision vectors", n * nv, x.len()),
        ("objective buffer", n * no, f.len()),
        ("constraint buffer", n * nc, g.len()),
    ] {
        if expected != found {
            return Err(Error::DimensionMismatch {
                what,
                expected,
                found,
            });
        }
    }
    match how {
        Evaluation::Serial => problem.evaluate(x, f, g),
        Evaluation::Parallel { rows_per_task: 0 } => Err(Error::InvalidArgument {
            name: "rows_per_task",
            reason: "a task needs at least one row".into(),
        }),
        Evaluation::Parallel { rows_per_task } => parallel(problem, x, f, g, rows_per_task),
    }
}

#[cfg(feature = "parallel")]
fn parallel(
    problem: &dyn Problem,
    x: &[f64],
    f: &mut [f64],
    g: &mut [f64],
    rows: usize,
) -> Result<()> {
    use rayon::prelude::*;
    let (nv, no, nc) = (problem.n_var(), problem.n_obj(), problem.n_constr());
    if x.len() <= rows * nv {
        return problem.evaluate(x, f, g);
    }
    // `g` is empty without constraints; every task then gets an empty slice.
    let tasks = x.len().div_ceil(rows * nv);
    let g_chunks: Vec<&mut [f64]> = if nc == 0 {
        (0..tasks).map(|_| <&mut [f64]>::default()).collect()
    } else {
        g.chunks_mut(rows * nc).collect()
    };
    let failed = x
        .par_chunks(rows * nv)
        .zip(f.par_chunks_mut(rows * no))
        .zip(g_chunks.into_par_iter())
        .map(|((xc, fc), gc)| problem.evaluate(xc, fc, gc).is_err())
        .reduce(|| false, |a, b| a || b);
    if failed {
        problem.evaluate(x, f, g)?;
    }
    Ok(())
}

#[cfg(not(feature = "parallel"))]
fn parallel(
    problem: &dyn Problem,
    x: &[f64],
    f: &mut [f64],
    g: &mut [f64],
    _rows: usize,
) -> Result<()> {
    problem.evaluate(x, f, g)
}
