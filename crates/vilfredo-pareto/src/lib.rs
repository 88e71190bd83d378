//! Pareto kernels: the measuring instruments of vilfredo.
//!
//! Everything here works on a validated [`PointsView`] (row-major, finite) and treats every
//! objective as minimised. Conventions (see `DESIGN.md` §3):
//!
//! - `a` *dominates* `b` when `a ≤ b` everywhere and `a < b` somewhere; equal points do
//!   not dominate each other, so duplicates share a rank;
//! - ranks are 0-based, rank 0 being the non-dominated set;
//! - the hypervolume is the measure of the region dominated by the set and bounded by the
//!   reference point; points that do not strictly dominate the reference point add nothing.
//!
//! Module guide:
//!
//! - [`dominance`]: comparing two points;
//! - [`sort`]: the non-dominated filter, Pareto ranks, crowding distance, constrained ranks;
//! - [`mod@hypervolume`]: exact hypervolume, exclusive contributions, Monte Carlo estimates;
//! - [`indicator`]: GD, GD+, IGD, IGD+, ε, R2, spacing;
//! - [`scalarize`]: weighted sum, Tchebycheff, PBI, ASF.
//!
//! The crate does no I/O and never panics on user input: public functions validate their
//! arguments and return [`Error`].

#![deny(missing_docs)]

pub mod archive;
pub mod dominance;
pub mod hypervolume;
pub mod indicator;
pub mod scalarize;
pub mod sort;

pub use archive::{Insertion, ParetoArchive};
pub use hypervolume::{hv_contributions, hypervolume};
pub use sort::{crowding_distance, is_non_dominated, pareto_rank};
pub use vilfredo_core::{Error, Points, PointsView, Result};
