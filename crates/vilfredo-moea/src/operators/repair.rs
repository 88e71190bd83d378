//! Repair to the space: clamp every variable into its bounds and round integer and
//! binary variables to the nearest integer (halves away from zero).
//!
//! The variation operators already stay within bounds; repair is what makes integer
//! variables integral after SBX or polynomial mutation treated them as reals, and what
//! puts a vector that came from outside (a user, a file, an external operator) back in
//! the box.

use crate::Space;
use vilfredo_core::VarType;

/// Clamps `x` into the bounds of `space` and rounds its integer and binary variables.
/// A NaN value becomes the lower bound, so the result is always in the space.
pub fn repair(space: &Space, x: &mut [f64]) {
    for (i, v) in x.iter_mut().enumerate().take(space.n_var()) {
        let (lo, hi) = (space.lower()[i], space.upper()[i]);
        let mut y = if v.is_nan() { lo } else { v.clamp(lo, hi) };
        if space.types()[i] != VarType::Real {
            // Bounds are integral for these types, so rounding keeps y within them.
            y = y.round();
        }
        *v = y;
    }
}
