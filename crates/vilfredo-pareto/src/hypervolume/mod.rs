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
    points.check_point("reference point", ref_point)?;
    Ok(hypervolume_of(points.as_slice(), ref_point))
}

/// Crate-internal entry point: the hypervolume of a raw row-major buffer whose rows have
/// `ref_point.len()` finite values. Rows may be dominated, duplicated or fail to dominate
/// the reference point. Used by the contribution and approximation code on temporary sets.
pub(crate) fn hypervolume_of(data: &[f64], ref_point: &[f64]) -> f64 {
    let _ = (data, ref_point);
    todo!("exact hypervolume")
}
