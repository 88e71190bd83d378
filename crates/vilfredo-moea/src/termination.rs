//! When to stop a run: a [`Termination`] reports progress in `[0, 1]` and stops at 1.

use crate::Algorithm;

/// A stopping rule, checked before every generation.
pub trait Termination {
    /// How far the run is, from 0 (just started) to 1 (done); values outside are clamped
    /// by [`Termination::has_terminated`]'s default.
    fn progress(&mut self, algorithm: &dyn Algorithm) -> f64;

    /// Whether the run should stop now: progress has reached 1.
    fn has_terminated(&mut self, algorithm: &dyn Algorithm) -> bool {
        self.progress(algorithm) >= 1.0
    }
}

/// Stop once at least this many evaluations have been told.
///
/// The check happens between generations, so the last generation may overshoot the
/// budget by less than one batch (as in pymoo).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaxEvaluations(pub usize);

impl Termination for MaxEvaluations {
    fn progress(&mut self, algorithm: &dyn Algorithm) -> f64 {
        ratio(algorithm.n_eval(), self.0)
    }
}

/// Stop after this many generations, counting the initial population as generation 1
/// (pymoo's convention: `MaxGenerations(250)` with population 100 makes 25,000
/// evaluations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaxGenerations(pub usize);

impl Termination for MaxGenerations {
    fn progress(&mut self, algorithm: &dyn Algorithm) -> f64 {
        ratio(algorithm.n_gen(), self.0)
    }
}

/// `done / budget` clamped to `[0, 1]`; a zero budget is already spent.
fn ratio(done: usize, budget: usize) -> f64 {
    if budget == 0 {
        return 1.0;
    }
    (done as f64 / budget as f64).min(1.0)
}
