//! Non-dominated filtering, Pareto ranking, crowding distance and constrained ranking.
//!
//! Every function here treats all objectives as minimised and follows the crate's
//! conventions: equal points do not dominate each other, so duplicates share a rank, and
//! ranks are 0-based (rank 0 is the non-dominated set).
//!
//! The algorithm is chosen by the number of objectives `M`; all of them start from the
//! same lexicographic presort with duplicates merged (`presort`), after which a point
//! can only be dominated by a point before it:
//!
//! | `M` | filter | ranking |
//! |---|---|---|
//! | 1 | smallest value | dense rank of the value |
//! | 2 | one sweep keeping the running minimum (`filter2d`) | sweep with binary search over fronts (`filter2d`), Jensen 2003 |
//! | 3 | sweep with a staircase (`filter3d`), Kung, Luccio & Preparata 1975 | sweep with one staircase per front (`rank3d`), Jensen 2003 |
//! | ≥ 4 | sort-filter-skyline on the sum (`sfs`), falling back to divide and conquer for large fronts | divide and conquer (`general`), Buzdalov & Shalyto 2014 |
//!
//! [`naive`] holds the O(M N²) definitions the fast versions are tested against.

mod constrained;
mod crowding;
mod filter2d;
mod filter3d;
mod general;
#[doc(hidden)]
pub mod naive;
mod presort;
mod rank3d;
mod sfs;

use presort::Distinct;
use vilfredo_core::{PointsView, Result};

/// Above this many non-dominated points found, the sort-filter-skyline filter hands over
/// to the divide-and-conquer algorithm, whose cost does not grow with the front size.
const SFS_FRONT_LIMIT: usize = 4096;

/// `mask[i]` is `true` when no point of the set dominates point `i`.
///
/// Every copy of a non-dominated point is non-dominated. Runs in O(N log N) for two and
/// three objectives; see the [module documentation](self) for the algorithms.
pub fn is_non_dominated(points: PointsView<'_>) -> Vec<bool> {
    if points.is_empty() {
        return Vec::new();
    }
    let d = presort::distinct(points.as_slice(), points.n_obj());
    let mask = match d.m {
        1 => (0..d.len()).map(|i| i == 0).collect(),
        2 => filter2d::filter(&d),
        3 => filter3d::filter(&d),
        _ => match sfs::filter(&d, SFS_FRONT_LIMIT) {
            Some(mask) => mask,
            None => general::rank(&d, 1).into_iter().map(|r| r == 0).collect(),
        },
    };
    d.scatter(&mask)
}

/// The 0-based indices of the non-dominated points, in increasing order.
pub fn non_dominated_indices(points: PointsView<'_>) -> Vec<usize> {
    is_non_dominated(points)
        .into_iter()
        .enumerate()
        .filter_map(|(i, nd)| nd.then_some(i))
        .collect()
}

/// The 0-based Pareto rank (front index) of each point.
///
/// Rank 0 is the non-dominated set; a point has rank `r + 1` when the highest rank among
/// the points dominating it is `r`. Equal points share a rank. Runs in O(N log N) for two
/// objectives and O(N log^(M−1) N) beyond (for three objectives a faster sweep is tried
/// first and abandoned if its staircases grow costly).
pub fn pareto_rank(points: PointsView<'_>) -> Vec<usize> {
    if points.is_empty() {
        return Vec::new();
    }
    let d = presort::distinct(points.as_slice(), points.n_obj());
    d.scatter(&rank_distinct(&d))
}

/// Ranks of the distinct points of `d`, in their (lexicographic) order.
fn rank_distinct(d: &Distinct) -> Vec<usize> {
    match d.m {
        1 => (0..d.len()).collect(),
        2 => filter2d::rank(d),
        3 => rank3d::rank(d).unwrap_or_else(|| general::rank(d, usize::MAX)),
        _ => general::rank(d, usize::MAX),
    }
}

/// Crowding distance of each point within its set (Deb et al. 2002, NSGA-II).
///
/// Extreme points of each objective get `f64::INFINITY`; the others get the mean over
/// objectives of `(next − prev) / (max − min)`, which equals pymoo's
/// `calc_crowding_distance`. Never NaN: constant objectives add 0, and `n ≤ 2` gives
/// all-infinite distances. See `crowding.rs` for duplicates and ties.
pub fn crowding_distance(points: PointsView<'_>) -> Vec<f64> {
    crowding::crowding_distance(points)
}

/// Pareto ranks under constrained domination (Deb 2000): feasible points
/// (`violation ≤ 0`) first, ranked by their objectives; infeasible points after all
/// feasible fronts, by increasing violation, equal violations sharing a rank.
///
/// # Errors
/// [`vilfredo_core::Error::DimensionMismatch`] when `violation` does not have one value
/// per point, [`vilfredo_core::Error::NonFinite`] naming the row of a NaN or infinite
/// violation.
pub fn constrained_pareto_rank(points: PointsView<'_>, violation: &[f64]) -> Result<Vec<usize>> {
    constrained::constrained_pareto_rank(points, violation)
}
