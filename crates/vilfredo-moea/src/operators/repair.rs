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
    let n = space.n_var().min(x.len());
    let (x, lower, upper) = (&mut x[..n], &space.lower()[..n], &space.upper()[..n]);
    // Clamping first, for every variable, in a loop without a branch on the type; the
    // rounding pass afterwards is skipped for all-real spaces. Per variable the result is
    // the same as clamping and rounding it in one go.
    for ((v, &lo), &hi) in x.iter_mut().zip(lower).zip(upper) {
        // `clamp` with NaN sent to `lo`, as two selects (`clamp` checks its bounds on
        // every call, which keeps the loop from vectorising; the space's are valid).
        let y = if *v >= lo { *v } else { lo };
        *v = if y > hi { hi } else { y };
    }
    let types = &space.types()[..n];
    if types.iter().any(|&t| t != VarType::Real) {
        for (v, &t) in x.iter_mut().zip(types) {
            if t != VarType::Real {
                // Bounds are integral for these types, so rounding keeps v within them.
                *v = v.round();
            }
        }
    }
}
