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
//! | ≥ 4, N ≤ 2048 | sort-filter-skyline on the sum (`sfs`), Chomicki et al. 2003 | ENS-BS (`ens`), Zhang et al. 2015 |
//! | ≥ 4 | sort-filter-skyline, handing over to divide and conquer for large fronts | the first fronts peeled by that filter, the rest by divide and conquer (`general`), Buzdalov & Shalyto 2014 |
//!
//! [`naive`] holds the O(M N²) definitions the fast versions are tested against.

mod block;
mod constrained;
mod crowding;
mod ens;
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
/// The filter costs about `N` times the front size; 512 was the best of 128, 512 and
/// 2048 on uniform and spherical data with 5 and 10 objectives and 10⁴ or 10⁵ points.
const SFS_FRONT_LIMIT: usize = 512;

/// Up to this many distinct points, four or more objectives are handled by the simple
/// quadratic algorithms (unlimited sort-filter-skyline, ENS-BS), which beat divide and
/// conquer there.
const SMALL: usize = 2048;

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
        _ if d.len() <= SMALL => sfs::filter(&d, usize::MAX),
        _ => sfs::filter(&d, SFS_FRONT_LIMIT),
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
        _ if d.len() <= SMALL => ens::rank(d),
        _ => peel_then_divide(d),
    }
}

/// At most this many fronts are peeled off by repeated filtering before the divide and
/// conquer ranks the rest.
const MAX_PEELED_FRONTS: usize = 32;

/// Ranks for four or more objectives: peel the first fronts with the filter, then rank
/// the rest by divide and conquer.
///
/// With few fronts (uniform data with many objectives has a handful), filtering a few
/// times is much cheaper than the full divide and conquer. Peeling is exact: the points
/// left after removing fronts `0..K` have rank `K` plus their rank among themselves,
/// because a point of rank `K` has all its dominators in the removed fronts.
fn peel_then_divide(d: &Distinct) -> Vec<usize> {
    let m = d.m;
    let mut rank = vec![0usize; d.len()];
    // Distinct indices still unranked, increasing, so `sub` stays in lexicographic order.
    let mut alive: Vec<u32> = (0..d.len() as u32).collect();
    let mut sub = Distinct {
        m,
        pts: d.pts.clone(),
        order: Vec::new(),
        group: Vec::new(),
    };
    for front in 0..MAX_PEELED_FRONTS {
        if alive.is_empty() {
            return rank;
        }
        let mask = sfs::filter(&sub, SFS_FRONT_LIMIT);
        let mut next = Vec::with_capacity(alive.len());
        let mut pts = Vec::with_capacity(sub.pts.len());
        for (j, &i) in alive.iter().enumerate() {
            if mask[j] {
                rank[i as usize] = front;
            } else {
                next.push(i);
                pts.extend_from_slice(sub.row(j));
            }
        }
        alive = next;
        sub.pts = pts;
    }
    if !alive.is_empty() {
        let rest = general::rank(&sub, usize::MAX);
        for (&i, &r) in alive.iter().zip(&rest) {
            rank[i as usize] = MAX_PEELED_FRONTS + r;
        }
    }
    rank
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
