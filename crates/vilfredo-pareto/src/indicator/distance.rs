//! Distance-based indicators: GD, GD+, IGD, IGD+ and the averaged Hausdorff distance.
//!
//! All five are averages (or power means) of nearest-neighbour distances between the
//! approximation set `A` and the reference front `R`; they differ in which set the average
//! runs over and in the distance used. The nearest neighbour is found on *squared* distances
//! and the square root is taken once per average term, not once per pair. The search is the
//! plain `O(|A| |R| m)` double loop, laid out for SIMD (see `for_each_min`).
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

/// Which distance a nearest-neighbour search measures.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Metric {
    /// `‖a − r‖₂`.
    Euclid,
    /// `‖max(a − r, 0)‖₂` (Ishibuchi et al. 2015): only objectives in which the approximation
    /// point `a` is worse than the reference point `r` count.
    Plus,
}

/// How many rows of the inner set one block holds: small enough for the block's distances
/// to stay in L1 cache, large enough for the column loops to vectorise well.
const BLOCK: usize = 256;

/// For each row `u` of `outer`, the minimum over the rows `v` of `inner` of the *squared*
/// distance between them, passed to `emit` in row order.
///
/// `inner_is_points` says which of the two is the approximation set, so that [`Metric::Plus`]
/// measures `max(a − r, 0)` the right way round. The inner set is first copied column by
/// column, so that each block's distances are built by loops over contiguous columns that the
/// compiler turns into SIMD code, and only one square root per outer row is left to callers.
fn for_each_min(
    outer: PointsView<'_>,
    inner: PointsView<'_>,
    inner_is_points: bool,
    metric: Metric,
    mut emit: impl FnMut(f64),
) {
    let m = inner.n_obj();
    let n = inner.n_points();
    let mut columns = vec![0.0; n * m];
    for (j, row) in inner.rows().enumerate() {
        for (i, &v) in row.iter().enumerate() {
            columns[i * n + j] = v;
        }
    }
    let mut dist = [0.0f64; BLOCK];
    for u in outer.rows() {
        let mut best = f64::INFINITY;
        let mut start = 0;
        while start < n && best > 0.0 {
            let len = BLOCK.min(n - start);
            let d = &mut dist[..len];
            d.fill(0.0);
            for (i, &ui) in u.iter().enumerate() {
                let col = &columns[i * n + start..i * n + start + len];
                match (metric, inner_is_points) {
                    (Metric::Euclid, _) => {
                        for (dt, &c) in d.iter_mut().zip(col) {
                            let e = c - ui;
                            *dt += e * e;
                        }
                    }
                    // The inner rows are approximation points a, `u` is a reference point r.
                    (Metric::Plus, true) => {
                        for (dt, &c) in d.iter_mut().zip(col) {
                            let e = (c - ui).max(0.0);
                            *dt += e * e;
                        }
                    }
                    // `u` is an approximation point a, the inner rows are reference points r.
                    (Metric::Plus, false) => {
                        for (dt, &c) in d.iter_mut().zip(col) {
                            let e = (ui - c).max(0.0);
                            *dt += e * e;
                        }
                    }
                }
            }
            best = best.min(block_min(d));
            start += len;
        }
        emit(best);
    }
}

/// The smallest value of `d` (`+∞` when empty), kept in four independent lanes so the
/// comparisons do not wait on each other and vectorise.
#[inline]
fn block_min(d: &[f64]) -> f64 {
    let mut lanes = [f64::INFINITY; 4];
    let chunks = d.chunks_exact(4);
    let tail = chunks.remainder();
    for c in chunks {
        for (l, &x) in lanes.iter_mut().zip(c) {
            *l = if x < *l { x } else { *l };
        }
    }
    for &x in tail {
        lanes[0] = if x < lanes[0] { x } else { lanes[0] };
    }
    lanes[0].min(lanes[1]).min(lanes[2].min(lanes[3]))
}

/// Mean over the rows of `outer` of the distance to the nearest row of `inner`.
fn mean_min_dist(
    outer: PointsView<'_>,
    inner: PointsView<'_>,
    inner_is_points: bool,
    metric: Metric,
) -> f64 {
    let mut sum = 0.0;
    for_each_min(outer, inner, inner_is_points, metric, |sq| sum += sq.sqrt());
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
    Ok(mean_min_dist(front, points, true, Metric::Euclid))
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
    Ok(mean_min_dist(front, points, true, Metric::Plus))
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
    Ok(mean_min_dist(points, front, false, Metric::Euclid))
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
    Ok(mean_min_dist(points, front, false, Metric::Plus))
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
    let power_mean = |outer: PointsView<'_>, inner: PointsView<'_>, inner_is_points: bool| {
        let mut sum = 0.0;
        for_each_min(outer, inner, inner_is_points, Metric::Euclid, |sq| {
            sum += sq.powf(half_p)
        });
        (sum / outer.n_points() as f64).powf(1.0 / p)
    };
    let gd_p = power_mean(points, front, false);
    let igd_p = power_mean(front, points, true);
    Ok(gd_p.max(igd_p))
}
