//! Bit-flip mutation (Holland 1975, "Adaptation in natural and artificial systems"):
//! each binary variable is flipped with probability `prob_var`.

use super::check_probability;
use crate::Space;
use vilfredo_core::rng::SplitMix64;
use vilfredo_core::{Result, VarType};

/// Bit-flip settings; the default flips each bit with probability `1/n_var`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BitFlip {
    /// Probability that a given bit is flipped; `None` means `1/n_var`.
    pub prob_var: Option<f64>,
}

impl BitFlip {
    /// Checks the settings.
    ///
    /// # Errors
    /// [`vilfredo_core::Error::InvalidArgument`] for a probability outside `[0, 1]`.
    pub fn validate(&self) -> Result<()> {
        match self.prob_var {
            Some(p) => check_probability("binary_mutation.prob_var", p),
            None => Ok(()),
        }
    }

    /// Flips binary variables of `x` in place; other variables are left as they are.
    /// Draws nothing when there are no binary variables.
    pub fn apply(&self, space: &Space, x: &mut [f64], rng: &mut SplitMix64) {
        let p = self.prob_var.unwrap_or(1.0 / space.n_var() as f64);
        for (v, t) in x.iter_mut().zip(space.types()) {
            if *t == VarType::Binary && rng.next_f64() < p {
                *v = 1.0 - *v;
            }
        }
    }
}
