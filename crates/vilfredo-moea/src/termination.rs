//! When to stop a run: a [`Termination`] reports progress in `[0, 1]` and stops at 1.

use crate::Algorithm;
use std::time::{Duration, Instant};

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

/// Stop once this much wall-clock time has passed since the termination was first
/// checked (the start of [`minimize`](crate::minimize)).
///
/// Unlike the other terminations this one depends on the machine's speed, so a run
/// stopped by time is reproducible only through its seed plus the number of
/// generations it reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaxTime {
    limit: Duration,
    start: Option<Instant>,
}

impl MaxTime {
    /// A time budget of `limit`.
    pub fn new(limit: Duration) -> Self {
        Self { limit, start: None }
    }
}

impl Termination for MaxTime {
    fn progress(&mut self, _algorithm: &dyn Algorithm) -> f64 {
        let start = *self.start.get_or_insert_with(Instant::now);
        if self.limit.is_zero() {
            return 1.0;
        }
        (start.elapsed().as_secs_f64() / self.limit.as_secs_f64()).min(1.0)
    }
}
