//! Distance-based indicators: GD, GD+, IGD, IGD+ and the averaged Hausdorff distance.
//!
//! All five are averages (or power means) of nearest-neighbour distances between the
//! approximation set `A` and the reference front `R`; they differ in which set the average
//! runs over and in the distance used. The nearest neighbour is found on *squared* distances
//! and the square root is taken once per average term, not once per pair.
//!
//! References:
//! - D. A. Van Veldhuizen and G. B. Lamont, "Multiobjective evolutionary algorithm research:
//!   A history and analysis", Tech. Rep. TR-98-03, AFIT, 1998 (GD).
//! - C. A. Coello Coello and M. Reyes Sierra, "A study of the parallelization of a
//!   coevolutionary multi-objective evolutionary algorithm", MICAI 2004 (IGD).
//! - H. Ishibuchi, H. Masuda, Y. Tanigaki and Y. Nojima, "Modified distance calculation in
//!   generational distance and inverted generational distance", EMO 2015 (GD+, IGD+).
//! - O. Schütze, X. Esquivel, A. Lara and C. A. Coello Coello, "Using the averaged Hausdorff
//!   distance as a performance measure in evolutionary multiobjective optimization", IEEE TEVC
//!   16(4), 2012 (Δp).

use super::check_against_front;
use vilfredo_core::{Error, PointsView, Result};

/// Squared Euclidean distance `‖a − r‖²`.
#[inline]
fn sq_euclid(a: &[f64], r: &[f64]) -> f64 {
    a.iter().zip(r).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// Squared modified distance `‖max(a − r, 0)‖²` (Ishibuchi et al. 2015): only objectives in
/// which `a` is worse than the reference `r` count.
#[inline]
fn sq_plus(a: &[f64], r: &[f64]) -> f64 {
    a.iter()
        .zip(r)
        .map(|(x, y)| {
            let d = (x - y).max(0.0);
            d * d
        })
        .sum()
}

/// For each row `u` of `outer`, the minimum over rows `v` of `inner` of `dist(u, v)`, passed to
/// `emit`. `dist` gets `(u, v)` in the order given by `swap`: when `swap` is true it is called
/// as `dist(v, u)`, so callers can keep "approximation point first" whichever set is outer.
#[inline]
fn for_each_min<F: Fn(&[f64], &[f64]) -> f64>(
    outer: PointsView<'_>,
    inner: PointsView<'_>,
    swap: bool,
    dist: F,
    mut emit: impl FnMut(f64),
) {
    for u in outer.rows() {
        let mut best = f64::INFINITY;
        for v in inner.rows() {
            let d = if swap { dist(v, u) } else { dist(u, v) };
            if d < best {
                best = d;
            }
        }
        emit(best);
    }
}

/// Mean over the rows of `outer` of the (rooted) minimum squared distance to `inner`.
fn mean_min_dist<F: Fn(&[f64], &[f64]) -> f64>(
    outer: PointsView<'_>,
    inner: PointsView<'_>,
    swap: bool,
    dist: F,
) -> f64 {
    let mut sum = 0.0;
    for_each_min(outer, inner, swap, dist, |sq| sum += sq.sqrt());
    sum / outer.n_points() as f64
}

/// Inverted generational distance, as moocore 0.3.2 `igd(points, ref)` defines it:
///
/// `IGD(A, R) = (1/|R|) Σ_{r∈R} min_{a∈A} ‖a − r‖₂`
///
/// the mean, over the reference front, of the Euclidean distance to the nearest point of the
/// approximation set (Coello Coello & Reyes Sierra 2004). Not Pareto-compliant; see
/// [`igd_plus`].
///
/// # Errors
/// [`Error::DimensionMismatch`] when `front` has another number of objectives than `points`;
/// [`Error::InvalidArgument`] when either set is empty.
pub fn igd(points: PointsView<'_>, front: PointsView<'_>) -> Result<f64> {
    check_against_front(points, front)?;
    Ok(mean_min_dist(front, points, true, sq_euclid))
}

/// IGD+, the modified inverted generational distance of Ishibuchi, Masuda, Tanigaki & Nojima
/// (EMO 2015), as moocore 0.3.2 `igd_plus(points, ref)` defines it:
///
/// `IGD⁺(A, R) = (1/|R|) Σ_{r∈R} min_{a∈A} ‖max(a − r, 0)‖₂`
///
/// Only the objectives in which `a` is worse than `r` count, which makes IGD+ weakly
/// Pareto-compliant. `IGD⁺ ≤ IGD` always.
///
/// # Errors
/// As [`igd`].
pub fn igd_plus(points: PointsView<'_>, front: PointsView<'_>) -> Result<f64> {
    check_against_front(points, front)?;
    Ok(mean_min_dist(front, points, true, sq_plus))
}

/// Generational distance, as pymoo 0.6.2 `GD(pf)(F)` defines it:
///
/// `GD(A, R) = (1/|A|) Σ_{a∈A} min_{r∈R} ‖a − r‖₂`
///
/// the mean, over the approximation set, of the Euclidean distance to the nearest reference
/// point (Van Veldhuizen & Lamont 1998, with pymoo's plain mean rather than the original
/// `(Σ dᵖ)^{1/p} / |A|`).
///
/// # Errors
/// As [`igd`].
pub fn gd(points: PointsView<'_>, front: PointsView<'_>) -> Result<f64> {
    check_against_front(points, front)?;
    Ok(mean_min_dist(points, front, false, sq_euclid))
}

/// GD+, the modified generational distance of Ishibuchi et al. (EMO 2015), as pymoo 0.6.2
/// `GDPlus(pf)(F)` defines it:
///
/// `GD⁺(A, R) = (1/|A|) Σ_{a∈A} min_{r∈R} ‖max(a − r, 0)‖₂`
///
/// `GD⁺ ≤ GD` always.
///
/// # Errors
/// As [`igd`].
pub fn gd_plus(points: PointsView<'_>, front: PointsView<'_>) -> Result<f64> {
    check_against_front(points, front)?;
    Ok(mean_min_dist(points, front, false, sq_plus))
}

/// The averaged Hausdorff distance `Δp` of Schütze, Esquivel, Lara & Coello Coello (IEEE TEVC
/// 2012), as moocore 0.3.2 `avg_hausdorff_dist(points, ref, p=p)` defines it:
///
/// `Δp(A, R) = max(GD_p(A, R), IGD_p(A, R))`, where
/// `GD_p = ((1/|A|) Σ_{a∈A} min_{r∈R} ‖a − r‖₂ᵖ)^{1/p}` and
/// `IGD_p = ((1/|R|) Σ_{r∈R} min_{a∈A} ‖a − r‖₂ᵖ)^{1/p}`.
///
/// With `p = 1` this is `max(gd, igd)`. moocore accepts only integer `p`; any finite `p > 0`
/// is accepted here.
///
/// # Errors
/// As [`igd`], and [`Error::InvalidArgument`] when `p` is not finite and positive.
pub fn avg_hausdorff(points: PointsView<'_>, front: PointsView<'_>, p: f64) -> Result<f64> {
    if !(p.is_finite() && p > 0.0) {
        return Err(Error::InvalidArgument {
            name: "p",
            reason: format!("must be a finite number larger than 0, got {p}"),
        });
    }
    check_against_front(points, front)?;
    // The minimum squared distance `s` gives `dᵖ = s^{p/2}`.
    let half_p = p / 2.0;
    let power_mean = |outer: PointsView<'_>, inner: PointsView<'_>, swap: bool| {
        let mut sum = 0.0;
        for_each_min(outer, inner, swap, sq_euclid, |sq| sum += sq.powf(half_p));
        (sum / outer.n_points() as f64).powf(1.0 / p)
    };
    let gd_p = power_mean(points, front, false);
    let igd_p = power_mean(front, points, true);
    Ok(gd_p.max(igd_p))
}
