//! Scalarizing functions: one number per objective vector, given a weight vector and an
//! ideal point, for decomposition-based algorithms (MOEA/D) and preference articulation.
//!
//! Notation: `f` is an objective vector, `w` a weight vector (non-negative, not all zero),
//! `z` the ideal (utopian) point, `m` the number of objectives. Smaller is better.
//!
//! | variant | value | source |
//! |---|---|---|
//! | [`Scalarization::WeightedSum`] | `Σ_i w_i (f_i − z_i)` | linear aggregation |
//! | [`Scalarization::Tchebycheff`] | `max_i w_i |f_i − z_i|` | Zhang & Li (2007) |
//! | [`Scalarization::AugmentedTchebycheff`] | `max_i w_i |f_i − z_i| + ρ Σ_i |f_i − z_i|` | Steuer & Choo (1983) |
//! | [`Scalarization::Pbi`] | `d₁ + θ d₂` (see the variant) | Zhang & Li (2007) |
//! | [`Scalarization::Asf`] | `max_i (f_i − z_i) / w̃_i` | Wierzbicki (1980), pymoo 0.6.2's form |
//! | [`Scalarization::AugmentedAsf`] | `ASF + ρ Σ_i (f_i − z_i) / max(w_i, 10⁻¹²)` | pymoo 0.6.2 `AASF` |
//!
//! For hot loops, validate once (parameters with [`Scalarization::validate`], inputs with
//! [`Scalarization::check_inputs`]) and then call [`Scalarization::value`], which only
//! checks its preconditions with `debug_assert!`. [`Scalarization::value_checked`] and
//! [`Scalarization::values`] validate on every call and return [`Error`].
//!
//! References:
//! - Q. Zhang and H. Li, "MOEA/D: A multiobjective evolutionary algorithm based on
//!   decomposition", IEEE TEVC 11(6), 2007.
//! - R. E. Steuer and E.-U. Choo, "An interactive weighted Tchebycheff procedure for multiple
//!   objective programming", Mathematical Programming 26, 1983.
//! - A. P. Wierzbicki, "The use of reference objectives in multiobjective optimization",
//!   in Multiple Criteria Decision Making Theory and Application, Springer, 1980.

use vilfredo_core::{Error, PointsView, Result};

/// The weight that pymoo's ASF puts in place of a zero weight before dividing by it.
pub const ASF_ZERO_WEIGHT: f64 = 1e-10;

/// The floor that pymoo's augmented ASF applies to weights in its augmentation sum.
pub const AASF_WEIGHT_FLOOR: f64 = 1e-12;

/// A scalarizing function; see the module documentation for the formulas.
///
/// # Example
/// ```
/// use vilfredo_pareto::scalarize::Scalarization;
///
/// let pbi = Scalarization::pbi(5.0)?;
/// let (weights, ideal) = ([0.5, 0.5], [0.0, 0.0]);
/// pbi.check_inputs(&[1.0, 1.0], &weights, &ideal)?; // once, outside the hot loop
/// // A point on the weight ray: no penalty, just its distance from the ideal point.
/// assert!((pbi.value(&[1.0, 1.0], &weights, &ideal) - 2f64.sqrt()).abs() < 1e-15);
/// // Off the ray, θ times the distance to the ray is added.
/// assert!(pbi.value(&[2.0, 0.0], &weights, &ideal) > pbi.value(&[1.0, 1.0], &weights, &ideal));
/// # Ok::<(), vilfredo_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalarization {
    /// Weighted sum `Σ_i w_i (f_i − z_i)`.
    ///
    /// Relative to the ideal point so that every variant reads `f` the same way; pymoo 0.6.2
    /// `WeightedSum` ignores the ideal point and returns `Σ_i w_i f_i`, which differs by the
    /// constant `Σ_i w_i z_i` (equal for `z = 0`). Finds only supported (convex-hull) points.
    WeightedSum,
    /// Weighted Tchebycheff `max_i w_i |f_i − z_i|` (Zhang & Li 2007), as pymoo 0.6.2
    /// `Tchebicheff`.
    Tchebycheff,
    /// Augmented Tchebycheff `max_i w_i |f_i − z_i| + ρ Σ_i |f_i − z_i|` (Steuer & Choo 1983).
    ///
    /// The small augmentation `ρ ≥ 0` removes weakly Pareto-optimal minimisers.
    AugmentedTchebycheff {
        /// Augmentation coefficient `ρ`, finite and `≥ 0` (typically `10⁻⁴`…`10⁻²`).
        rho: f64,
    },
    /// Penalty-based boundary intersection (Zhang & Li 2007), as pymoo 0.6.2 `PBI`:
    /// `d₁ + θ d₂`, where `d₁ = (f − z)·w / ‖w‖` is the (signed) length of the projection on
    /// the weight direction and `d₂ = ‖f − z − d₁ w / ‖w‖‖` the distance from that direction.
    Pbi {
        /// Penalty `θ`, finite and `≥ 0` (Zhang & Li use 5).
        theta: f64,
    },
    /// Achievement scalarizing function (Wierzbicki 1980) in pymoo 0.6.2's `ASF` form:
    /// `max_i (f_i − z_i) / w̃_i`, where `w̃_i = w_i` except that a zero weight becomes
    /// [`ASF_ZERO_WEIGHT`].
    Asf,
    /// Augmented ASF, as pymoo 0.6.2 `AASF(rho=ρ)`:
    /// `max_i (f_i − z_i) / w̃_i + ρ Σ_i (f_i − z_i) / max(w_i, 10⁻¹²)`.
    AugmentedAsf {
        /// Augmentation coefficient `ρ`, finite and `≥ 0`.
        rho: f64,
    },
}

impl Scalarization {
    /// The augmented Tchebycheff function with coefficient `rho`, validated.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `rho` is not finite or is negative.
    pub fn augmented_tchebycheff(rho: f64) -> Result<Self> {
        let s = Self::AugmentedTchebycheff { rho };
        s.validate()?;
        Ok(s)
    }

    /// PBI with penalty `theta`, validated.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `theta` is not finite or is negative.
    pub fn pbi(theta: f64) -> Result<Self> {
        let s = Self::Pbi { theta };
        s.validate()?;
        Ok(s)
    }

    /// The augmented ASF with coefficient `rho`, validated.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `rho` is not finite or is negative.
    pub fn augmented_asf(rho: f64) -> Result<Self> {
        let s = Self::AugmentedAsf { rho };
        s.validate()?;
        Ok(s)
    }

    /// Checks the variant's own parameter (`rho` or `theta`): finite and `≥ 0`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the parameter.
    pub fn validate(&self) -> Result<()> {
        let (name, value) = match *self {
            Self::AugmentedTchebycheff { rho } | Self::AugmentedAsf { rho } => ("rho", rho),
            Self::Pbi { theta } => ("theta", theta),
            Self::WeightedSum | Self::Tchebycheff | Self::Asf => return Ok(()),
        };
        if !(value.is_finite() && value >= 0.0) {
            return Err(Error::InvalidArgument {
                name,
                reason: format!("must be finite and at least 0, got {value}"),
            });
        }
        Ok(())
    }

    /// Checks everything [`Scalarization::value`] assumes: valid parameters, `f`, `weights`
    /// and `ideal` of the same length `m ≥ 1`, all finite, weights non-negative and not all
    /// zero.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a bad parameter, an empty `f` or bad weights;
    /// [`Error::DimensionMismatch`] for a length that differs from `f`'s;
    /// [`Error::NonFinite`] for a NaN or infinite value.
    pub fn check_inputs(&self, f: &[f64], weights: &[f64], ideal: &[f64]) -> Result<()> {
        self.validate()?;
        let view = PointsView::named("objective vector", f, f.len().max(1))?;
        if f.is_empty() {
            return Err(Error::InvalidArgument {
                name: "objective vector",
                reason: "needs at least one objective".into(),
            });
        }
        view.check_point("weights", weights)?;
        view.check_point("ideal point", ideal)?;
        if let Some(i) = weights.iter().position(|&w| w < 0.0) {
            return Err(Error::InvalidArgument {
                name: "weights",
                reason: format!("must be non-negative, but weight {i} is {}", weights[i]),
            });
        }
        if weights.iter().all(|&w| w == 0.0) {
            return Err(Error::InvalidArgument {
                name: "weights",
                reason: "must not all be zero".into(),
            });
        }
        Ok(())
    }

    /// The scalarized value of `f` for `weights` and `ideal`, without checks.
    ///
    /// Preconditions (checked only in debug builds): those of
    /// [`Scalarization::check_inputs`]. Violating them gives a meaningless number (possibly NaN
    /// or infinite), never undefined behaviour; slice lengths are only `debug_assert!`ed, and the
    /// shortest of the three slices decides how many objectives are read.
    #[inline]
    pub fn value(&self, f: &[f64], weights: &[f64], ideal: &[f64]) -> f64 {
        debug_assert!(self.check_inputs(f, weights, ideal).is_ok());
        let terms = f
            .iter()
            .zip(weights)
            .zip(ideal)
            .map(|((&fi, &wi), &zi)| (fi - zi, wi));
        match *self {
            Self::WeightedSum => terms.map(|(d, w)| w * d).sum(),
            Self::Tchebycheff => terms.fold(f64::NEG_INFINITY, |acc, (d, w)| acc.max(w * d.abs())),
            Self::AugmentedTchebycheff { rho } => {
                let (max, sum) = terms.fold((f64::NEG_INFINITY, 0.0), |(max, sum), (d, w)| {
                    (max.max(w * d.abs()), sum + d.abs())
                });
                max + rho * sum
            }
            Self::Pbi { theta } => {
                let (mut dot, mut w_sq) = (0.0, 0.0);
                for (d, w) in terms.clone() {
                    dot += d * w;
                    w_sq += w * w;
                }
                let norm = w_sq.sqrt();
                let d1 = dot / norm;
                // Foot of the perpendicular from f − z on the weight direction.
                let scale = d1 / norm;
                let d2_sq: f64 = terms
                    .map(|(d, w)| {
                        let e = d - scale * w;
                        e * e
                    })
                    .sum();
                d1 + theta * d2_sq.sqrt()
            }
            Self::Asf => terms.fold(f64::NEG_INFINITY, |acc, (d, w)| acc.max(d / asf_weight(w))),
            Self::AugmentedAsf { rho } => {
                let (max, sum) = terms.fold((f64::NEG_INFINITY, 0.0), |(max, sum), (d, w)| {
                    (
                        max.max(d / asf_weight(w)),
                        sum + d / w.max(AASF_WEIGHT_FLOOR),
                    )
                });
                max + rho * sum
            }
        }
    }

    /// [`Scalarization::value`] after [`Scalarization::check_inputs`].
    ///
    /// # Errors
    /// As [`Scalarization::check_inputs`].
    pub fn value_checked(&self, f: &[f64], weights: &[f64], ideal: &[f64]) -> Result<f64> {
        self.check_inputs(f, weights, ideal)?;
        Ok(self.value(f, weights, ideal))
    }

    /// The value of every row of `points` for one weight vector and ideal point, in row order.
    ///
    /// # Errors
    /// As [`Scalarization::check_inputs`], with `f` any row of `points` (an empty set is
    /// fine when its number of objectives matches).
    pub fn values(
        &self,
        points: PointsView<'_>,
        weights: &[f64],
        ideal: &[f64],
    ) -> Result<Vec<f64>> {
        // Checking the first row (or a zero row of the right width) checks the shared inputs;
        // the other rows are finite and of the same length by construction of the view.
        let probe = vec![0.0; points.n_obj()];
        self.check_inputs(&probe, weights, ideal)?;
        Ok(points
            .rows()
            .map(|f| self.value(f, weights, ideal))
            .collect())
    }
}

/// pymoo's ASF divisor: the weight itself, or [`ASF_ZERO_WEIGHT`] for a zero weight.
#[inline]
fn asf_weight(w: f64) -> f64 {
    if w == 0.0 { ASF_ZERO_WEIGHT } else { w }
}
