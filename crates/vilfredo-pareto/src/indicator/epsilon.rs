//! The additive and multiplicative ε-indicators.
//!
//! `ε(A, R)` is the smallest shift (or factor) by which every point of the approximation set
//! `A` can be moved so that each reference point is weakly dominated by some moved point
//! (Zitzler, Thiele, Laumanns, Fonseca & Grunert da Fonseca, "Performance assessment of
//! multiobjective optimizers: an analysis and review", IEEE TEVC 7(2), 2003).
//!
//! The loops are the direct `O(|A| |R| m)` ones, with cut-offs that do not change the
//! result: the scan for one reference point stops as soon as a point of `A` already achieves
//! the running maximum (that reference point cannot raise it), the objectives of one pair
//! stop as soon as the pair is no better than the best point found for this reference point,
//! and the point of `A` that was best for the previous reference point is tried first.

use super::check_against_front;
use vilfredo_core::{Error, PointsView, Result};

/// `max_{r∈R} min_{a∈A} max_i op(a_i, r_i)`, with the two cut-offs described above.
#[inline]
fn max_min_max(points: PointsView<'_>, front: PointsView<'_>, op: impl Fn(f64, f64) -> f64) -> f64 {
    // `max_i op(a_i, r_i)`, or some value `≥ bound` once it is known to reach `bound`.
    let pair = |a: &[f64], r: &[f64], bound: f64| {
        let mut worst = f64::NEG_INFINITY;
        for (&ai, &ri) in a.iter().zip(r) {
            worst = worst.max(op(ai, ri));
            if worst >= bound {
                break;
            }
        }
        worst
    };
    let mut eps = f64::NEG_INFINITY;
    // The point that was best for the previous reference point is tried first: neighbouring
    // reference points tend to share it, and when it already reaches the running maximum the
    // scan of the whole set is skipped.
    // Visiting the reference points sorted by their first objective makes consecutive ones
    // neighbours (exactly so on a two-objective front), which is what makes the hint work.
    let mut order: Vec<usize> = (0..front.n_points()).collect();
    order.sort_unstable_by(|&i, &j| front.row(i)[0].total_cmp(&front.row(j)[0]));
    let mut hint = 0;
    for r in order.into_iter().map(|i| front.row(i)) {
        let mut best = pair(points.row(hint), r, f64::INFINITY);
        if best > eps {
            for (i, a) in points.rows().enumerate() {
                let worst = pair(a, r, best);
                if worst < best {
                    best = worst;
                    hint = i;
                    if best <= eps {
                        break;
                    }
                }
            }
        }
        eps = eps.max(best);
    }
    eps
}

/// Additive ε-indicator, as moocore 0.3.2 `epsilon_additive(points, ref)` defines it:
///
/// `ε₊(A, R) = max_{r∈R} min_{a∈A} max_{i=1..m} (a_i − r_i)`
///
/// the smallest `ε` such that every reference point is weakly dominated by some `a − ε`.
/// It is `0` for `A = R` and `≤ 0` when every reference point is weakly dominated by a point
/// of `A`.
///
/// # Errors
/// [`Error::DimensionMismatch`] when `front` has another number of objectives than `points`;
/// [`Error::InvalidArgument`] when either set is empty.
pub fn epsilon_additive(points: PointsView<'_>, front: PointsView<'_>) -> Result<f64> {
    check_against_front(points, front)?;
    Ok(max_min_max(points, front, |a, r| a - r))
}

/// Multiplicative ε-indicator, as moocore 0.3.2 `epsilon_mult(points, ref)` defines it:
///
/// `ε×(A, R) = max_{r∈R} min_{a∈A} max_{i=1..m} (a_i / r_i)`
///
/// the smallest factor `ε` such that every reference point is weakly dominated by some
/// `a / ε`. It is `1` for `A = R`. All values must be strictly positive, as moocore requires.
///
/// # Errors
/// As [`epsilon_additive`], and [`Error::InvalidArgument`] naming the first value of either
/// set that is zero or negative.
pub fn epsilon_multiplicative(points: PointsView<'_>, front: PointsView<'_>) -> Result<f64> {
    check_against_front(points, front)?;
    check_positive("points", points)?;
    check_positive("reference front", front)?;
    Ok(max_min_max(points, front, |a, r| a / r))
}

/// Refuses a set with a value `≤ 0`, naming its row and column.
fn check_positive(what: &'static str, set: PointsView<'_>) -> Result<()> {
    let values = set.as_slice();
    if let Some(pos) = values.iter().position(|&v| v <= 0.0) {
        let n_obj = set.n_obj();
        return Err(Error::InvalidArgument {
            name: what,
            reason: format!(
                "the multiplicative epsilon needs values larger than 0, but row {}, column {} is {}",
                pos / n_obj,
                pos % n_obj,
                values[pos]
            ),
        });
    }
    Ok(())
}
