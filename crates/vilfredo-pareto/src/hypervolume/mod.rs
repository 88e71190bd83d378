//! Exact hypervolume, exclusive contributions and Monte Carlo estimates.
//!
//! Notation: `n` points with `m` objectives, all minimised, and a reference point `r`.
//! The hypervolume is the Lebesgue measure of `⋃_p [p, r]` over the points `p` that are
//! strictly better than `r` in every objective.
//!
//! Internally every kernel works in *shifted, flipped* coordinates `u = r − x`: a point
//! that beats the reference has `u > 0` in every objective, its box is `[0, u]`, its
//! volume is `Π u_j`, and "dominates" becomes "is ≥ in every coordinate". Subtracting the
//! reference once, up front, keeps every later difference between small numbers rather
//! than between numbers near `r`, which avoids catastrophic cancellation.
//!
//! Exact algorithm by number of objectives (each file cites its paper):
//!
//! - 1: the longest interval;
//! - 2: sort and sweep, `O(n log n)` (`hv2d`);
//! - 3: a sweep along the third objective over a sorted two-dimensional staircase,
//!   `O(n log n)` comparisons (`hv3d`, after Beume et al. 2009);
//! - 4: a sweep along the fourth objective adding the three-dimensional contribution of
//!   each point, found by two linear passes over the kept front (`hv4d`, after
//!   Guerreiro & Fonseca 2018, HV4D+), `O(n²)`;
//! - 5: a sweep along the fifth objective adding four-dimensional contributions, each
//!   integrated over three-dimensional slabs with early exit (`hv5d`);
//! - 6 and more: a dimension sweep of exclusive contributions measured on limited,
//!   pre-filtered, non-dominated sets (`general`, after While, Bradstreet & Barone 2012,
//!   WFG), recursing down to the five-objective kernel.
//!
//! [`reference`](mod@reference) holds a brute-force inclusion–exclusion oracle for tests.

mod approximate;
mod contributions;
mod general;
mod hv2d;
mod hv3d;
mod hv4d;
mod hv5d;
mod nondominated;
#[doc(hidden)]
pub mod reference;

pub use approximate::{ApproxConfig, HvEstimate, hypervolume_approx};
pub use contributions::{ContributionConfig, hv_contributions, hv_contributions_with};

use vilfredo_core::{PointsView, Result};

/// The hypervolume of `points` with respect to `ref_point`.
///
/// Points that are not strictly better than `ref_point` in every objective contribute
/// nothing; dominated and duplicated points are allowed; an empty set gives 0.
///
/// # Errors
/// [`vilfredo_core::Error::DimensionMismatch`] when `ref_point` does not have one value
/// per objective, [`vilfredo_core::Error::NonFinite`] when it holds NaN or an infinity.
///
/// # Example
/// ```
/// use vilfredo_pareto::{PointsView, hypervolume};
/// let pts = [1.0, 2.0, 2.0, 1.0];
/// let hv = hypervolume(PointsView::new(&pts, 2).unwrap(), &[3.0, 3.0]).unwrap();
/// assert_eq!(hv, 3.0);
/// ```
pub fn hypervolume(points: PointsView<'_>, ref_point: &[f64]) -> Result<f64> {
    points.check_point("reference point", ref_point)?;
    Ok(hypervolume_of(points.as_slice(), ref_point))
}

/// Crate-internal entry point: the hypervolume of a raw row-major buffer whose rows have
/// `ref_point.len()` finite values. Rows may be dominated, duplicated or fail to dominate
/// the reference point. Used by the contribution and approximation code on temporary sets.
pub(crate) fn hypervolume_of(data: &[f64], ref_point: &[f64]) -> f64 {
    let m = ref_point.len();
    if m == 0 {
        return 0.0;
    }
    let u = shifted(data, ref_point);
    if u.is_empty() {
        return 0.0;
    }
    volume_shifted(&u, m)
}

/// The rows of `data` that beat `ref_point` in every objective, as `u = r − x`.
pub(crate) fn shifted(data: &[f64], ref_point: &[f64]) -> Vec<f64> {
    let m = ref_point.len();
    let mut u = Vec::with_capacity(data.len());
    for row in data.chunks_exact(m) {
        if row.iter().zip(ref_point).all(|(x, r)| x < r) {
            u.extend(row.iter().zip(ref_point).map(|(x, r)| r - x));
        }
    }
    u
}

/// The volume of `⋃ [0, u]` over the rows of the shifted buffer `u` (all values > 0).
fn volume_shifted(u: &[f64], m: usize) -> f64 {
    match m {
        1 => u.iter().copied().fold(0.0, f64::max),
        2 => hv2d::area(u, &mut Vec::new()),
        3 => hv3d::volume(u, &mut hv3d::Scratch::default()),
        4 => hv4d::volume(u, &mut hv4d::Scratch::default()),
        _ => general::volume(u, m),
    }
}
