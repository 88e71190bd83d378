//! The unary R2 indicator.
//!
//! D. Brockhoff, T. Wagner and H. Trautmann, "On the properties of the R2 indicator",
//! GECCO 2012: the expected utility of the approximation set over a set `Λ` of weight vectors,
//! with the weighted Tchebycheff utility relative to an ideal point `z*` (Hansen & Jaszkiewicz
//! 1998 introduced the R family; Brockhoff et al. study this unary form).

use super::check_non_empty;
use vilfredo_core::{Error, PointsView, Result};

/// Unary R2 indicator with the weighted Tchebycheff utility (Brockhoff, Wagner & Trautmann,
/// GECCO 2012):
///
/// `R2(A; Λ, z*) = (1/|Λ|) Σ_{λ∈Λ} min_{a∈A} max_{i=1..m} λ_i |z*_i − a_i|`
///
/// `weights` holds one weight vector `λ` per row (for example [`vilfredo_core::design::das_dennis`]
/// directions); `ideal` is the utopian point `z*`. Lower is better. The weights are used as
/// given: they need not sum to 1, but must be non-negative.
///
/// # Errors
/// [`Error::DimensionMismatch`] when `weights` or `ideal` do not have one value per objective
/// of `points`; [`Error::NonFinite`] for a non-finite ideal value; [`Error::InvalidArgument`]
/// when `points` or `weights` is empty, or a weight is negative.
pub fn r2(points: PointsView<'_>, weights: PointsView<'_>, ideal: &[f64]) -> Result<f64> {
    if weights.n_obj() != points.n_obj() {
        return Err(Error::DimensionMismatch {
            what: "weight vector length",
            expected: points.n_obj(),
            found: weights.n_obj(),
        });
    }
    points.check_point("ideal point", ideal)?;
    check_non_empty("points", points)?;
    check_non_empty("weights", weights)?;
    if let Some(pos) = weights.as_slice().iter().position(|&w| w < 0.0) {
        let n_obj = weights.n_obj();
        return Err(Error::InvalidArgument {
            name: "weights",
            reason: format!(
                "weights must be non-negative, but row {}, column {} is {}",
                pos / n_obj,
                pos % n_obj,
                weights.as_slice()[pos]
            ),
        });
    }
    let mut sum = 0.0;
    for w in weights.rows() {
        let mut best = f64::INFINITY;
        for a in points.rows() {
            let mut worst = 0.0_f64;
            for ((&wi, &ai), &zi) in w.iter().zip(a).zip(ideal) {
                worst = worst.max(wi * (zi - ai).abs());
                if worst >= best {
                    break;
                }
            }
            best = best.min(worst);
        }
        sum += best;
    }
    Ok(sum / weights.n_points() as f64)
}
