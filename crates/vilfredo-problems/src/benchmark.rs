//! The [`Benchmark`] trait: a [`Problem`] whose true Pareto front may be known.
//!
//! Kept apart from `Problem` (which lives in `vilfredo-core` and is what optimisers need)
//! because only benchmark problems know their optimum; an optimiser never asks for it.

use vilfredo_core::{Error, Points, Problem, Result};

/// A benchmark problem: a [`Problem`] plus, where known, its true Pareto front and set.
///
/// `Box<dyn Benchmark>` coerces to `Box<dyn Problem>` (trait upcasting), so a benchmark
/// can be handed to anything that takes a problem.
pub trait Benchmark: Problem {
    /// A one-line description of the problem and its front.
    fn description(&self) -> &str;

    /// About `n` points of the true Pareto front, in objective space (`m = n_obj` columns).
    ///
    /// Each problem documents how it samples (an even grid for curves, the Das–Dennis
    /// lattice for simplices and spheres, sampling then a non-dominated filter for
    /// disconnected fronts); the number of rows may be smaller than `n` when the front is
    /// filtered or the lattice cannot hit `n` exactly. The points are mutually
    /// non-dominated.
    ///
    /// # Errors
    /// When the front is not known for this problem (the default), or `n` is 0 or above
    /// 10 000 000.
    fn pareto_front(&self, n: usize) -> Result<Points> {
        let _ = n;
        Err(not_known(self.name(), "Pareto front"))
    }

    /// About `n` Pareto-optimal decision vectors (`n_var` columns), where known.
    ///
    /// # Errors
    /// When the Pareto set is not known for this problem (the default), or `n` is 0 or
    /// above 10 000 000.
    fn pareto_set(&self, n: usize) -> Result<Points> {
        let _ = n;
        Err(not_known(self.name(), "Pareto set"))
    }
}

/// The error for a front or set that this problem does not provide.
pub(crate) fn not_known(name: &str, what: &str) -> Error {
    Error::InvalidArgument {
        name: "problem",
        reason: format!("the true {what} of {name} is not available"),
    }
}
