//! Variation, selection and bookkeeping operators, one per file.
//!
//! Operators work on one or two rows at a time, in place, drawing from a caller-owned
//! [`SplitMix64`](vilfredo_core::rng::SplitMix64), so an algorithm composes them without
//! allocating per individual. Each operator's configuration is a small `Copy` struct
//! whose [`Default`] is the setting of the paper or of pymoo, with a `validate` method
//! that algorithms call once at construction.
//!
//! Which variables an operator touches follows their [`VarType`](vilfredo_core::VarType):
//! SBX, polynomial mutation and differential evolution act on real and integer variables
//! (integers are rounded by [`repair`] afterwards), uniform crossover and bit flip on
//! binary and categorical ones, bit flip on binary ones and random reset on categorical
//! ones; k-point crossover only exchanges values, so it suits every type.
//! NSGA-II uses SBX, polynomial mutation, uniform crossover, bit flip and binary
//! tournament; differential evolution, k-point crossover and random selection are here
//! for the algorithms that follow.

mod bitflip;
mod coin;
mod de;
mod duplicates;
mod pm;
mod point;
mod power;
mod random_reset;
mod random_selection;
mod repair;
mod sampling;
mod sbx;
mod tournament;
mod uniform;

pub use bitflip::BitFlip;
pub use de::DifferentialEvolution;
pub use duplicates::DuplicateFilter;
pub(crate) use duplicates::hash_row;
pub use pm::PolynomialMutation;
pub use point::PointCrossover;
pub use random_reset::RandomReset;
pub use random_selection::random_selection;
pub use repair::repair;
pub use sampling::random_sample;
pub use sbx::Sbx;
pub(crate) use sbx::SbxBlock;
pub use tournament::{Competitors, TournamentRule, binary_tournament, dominance_tournament};
pub use uniform::UniformCrossover;

use vilfredo_core::{Error, Result};

/// Checks that a probability option lies in `[0, 1]`.
pub(crate) fn check_probability(name: &'static str, p: f64) -> Result<()> {
    if (0.0..=1.0).contains(&p) {
        Ok(())
    } else {
        Err(Error::InvalidArgument {
            name,
            reason: format!("a probability must lie in [0, 1], got {p}"),
        })
    }
}

/// Checks that a distribution index is finite and non-negative.
pub(crate) fn check_eta(name: &'static str, eta: f64) -> Result<()> {
    if eta.is_finite() && eta >= 0.0 {
        Ok(())
    } else {
        Err(Error::InvalidArgument {
            name,
            reason: format!("a distribution index must be finite and ≥ 0, got {eta}"),
        })
    }
}
