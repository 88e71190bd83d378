//! Random initialisation: uniform in the box, uniform over the integers of an integer
//! variable's range, and a fair coin for binary variables.

use crate::Space;
use vilfredo_core::VarType;
use vilfredo_core::rng::SplitMix64;

/// Fills `x` (whole rows of `space.n_var()` values) with uniform random vectors of the
/// space, one variable after the other, row after row.
pub fn random_sample(space: &Space, x: &mut [f64], rng: &mut SplitMix64) {
    let n = space.n_var();
    for row in x.chunks_exact_mut(n) {
        for (i, v) in row.iter_mut().enumerate() {
            let (lo, hi) = (space.lower()[i], space.upper()[i]);
            *v = match space.types()[i] {
                VarType::Real => (lo + rng.next_f64() * (hi - lo)).min(hi),
                // Integral bounds: the count of integers fits a u64 for any sane range;
                // saturating keeps absurd ranges (beyond 2^64) from wrapping.
                VarType::Integer | VarType::Categorical => {
                    lo + rng.below(((hi - lo) as u64).saturating_add(1)) as f64
                }
                VarType::Binary => rng.below(2) as f64,
            };
        }
    }
}
