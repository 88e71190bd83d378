//! Exact hypervolume, exclusive contributions and Monte Carlo estimates.
//!
//! PLACEHOLDER (skeleton): signatures only.

mod approximate;
mod contributions;

pub use approximate::{ApproxConfig, HvEstimate, hypervolume_approx};
pub use contributions::{ContributionConfig, hv_contributions, hv_contributions_with};

use vilfredo_core::{PointsView, Result};

/// The hypervolume of `points` with respect to `ref_point`.
pub fn hypervolume(points: PointsView<'_>, ref_point: &[f64]) -> Result<f64> {
    let _ = (points, ref_point);
    todo!("exact hypervolume")
}
