//! Quality indicators of an approximation set against a reference front.
//!
//! Notation used throughout: `A` is the approximation set (`points`, one point per row),
//! `R` the reference front (`front`), `m` the number of objectives, and every objective is
//! minimised. `d(a, r) = ‖a − r‖₂` is the Euclidean distance and
//! `d⁺(a, r) = ‖max(a − r, 0)‖₂` the "modified" distance of Ishibuchi et al. (2015), which only
//! counts the objectives in which `a` is worse than `r`.
//!
//! | indicator | formula | definition followed |
//! |---|---|---|
//! | [`igd`] | `(1/|R|) Σ_{r∈R} min_{a∈A} d(a, r)` | moocore 0.3.2 `igd` |
//! | [`igd_plus`] | `(1/|R|) Σ_{r∈R} min_{a∈A} d⁺(a, r)` | moocore 0.3.2 `igd_plus` |
//! | [`gd`] | `(1/|A|) Σ_{a∈A} min_{r∈R} d(a, r)` | pymoo 0.6.2 `GD` |
//! | [`gd_plus`] | `(1/|A|) Σ_{a∈A} min_{r∈R} d⁺(a, r)` | pymoo 0.6.2 `GDPlus` |
//! | [`avg_hausdorff`] | `max(GD_p, IGD_p)` with power means | moocore 0.3.2 `avg_hausdorff_dist` |
//! | [`epsilon_additive`] | `max_{r∈R} min_{a∈A} max_i (a_i − r_i)` | moocore 0.3.2 `epsilon_additive` |
//! | [`epsilon_multiplicative`] | `max_{r∈R} min_{a∈A} max_i (a_i / r_i)` | moocore 0.3.2 `epsilon_mult` |
//! | [`r2`] | `(1/|Λ|) Σ_{λ∈Λ} min_{a∈A} max_i λ_i |z*_i − a_i|` | Brockhoff, Wagner & Trautmann (2012) |
//! | [`spacing`] | `sqrt(Σ_i (d̄ − d_i)² / (|A| − 1))`, `d_i` the L1 nearest-neighbour distance | Schott (1995) |
//!
//! Lower is better for every indicator here.
//!
//! Empty inputs: moocore does not define these indicators for an empty set (it crashes), and
//! pymoo returns NaN for GD of an empty set, so vilfredo refuses both an empty approximation set
//! and an empty reference front with [`vilfredo_core::Error::InvalidArgument`] naming which one
//! is empty. A reference front whose number of objectives differs from the points' is refused
//! with [`vilfredo_core::Error::DimensionMismatch`].

mod distance;
mod epsilon;
mod r2;
mod spacing;

pub use distance::{avg_hausdorff, gd, gd_plus, igd, igd_plus};
pub use epsilon::{epsilon_additive, epsilon_multiplicative};
pub use r2::r2;
pub use spacing::spacing;

use vilfredo_core::{Error, PointsView, Result};

/// Checks that `points` and `front` are both non-empty and have the same number of objectives.
///
/// Every indicator that compares a set with a reference front calls this first, so the kernels
/// below may assume both sets have at least one row of the same length.
pub(crate) fn check_against_front(points: PointsView<'_>, front: PointsView<'_>) -> Result<()> {
    if front.n_obj() != points.n_obj() {
        return Err(Error::DimensionMismatch {
            what: "reference front objectives",
            expected: points.n_obj(),
            found: front.n_obj(),
        });
    }
    check_non_empty("points", points)?;
    check_non_empty("reference front", front)
}

/// Refuses an empty set, naming it.
pub(crate) fn check_non_empty(what: &'static str, set: PointsView<'_>) -> Result<()> {
    if set.is_empty() {
        return Err(Error::InvalidArgument {
            name: what,
            reason: "the set is empty, and the indicator is not defined for an empty set".into(),
        });
    }
    Ok(())
}
