//! Exclusive hypervolume contributions.
//!
//! PLACEHOLDER (skeleton): signatures only.

use vilfredo_core::{PointsView, Result};

/// Options of [`hv_contributions_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ContributionConfig {
    /// Drop dominated points before computing (moocore's `ignore_dominated`): a dominated
    /// point then gets 0 and does not shrink the contributions of the points it overlaps.
    pub ignore_dominated: bool,
}

/// `HV(S) − HV(S \ {p})` for every point `p`, in input order.
pub fn hv_contributions(points: PointsView<'_>, ref_point: &[f64]) -> Result<Vec<f64>> {
    hv_contributions_with(points, ref_point, ContributionConfig::default())
}

/// [`hv_contributions`] with options.
pub fn hv_contributions_with(
    points: PointsView<'_>,
    ref_point: &[f64],
    config: ContributionConfig,
) -> Result<Vec<f64>> {
    let _ = (points, ref_point, config);
    todo!("contributions")
}
