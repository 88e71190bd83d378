//! Uniform crossover (Syswerda 1989, "Uniform crossover in genetic algorithms", ICGA),
//! applied to binary variables: each bit is exchanged between the two children with
//! probability `prob_swap`.

use super::check_probability;
use crate::Space;
use vilfredo_core::Result;
use vilfredo_core::rng::SplitMix64;

/// Uniform crossover settings; the default crosses 90% of pairs and swaps each bit with
/// probability 0.5.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct UniformCrossover {
    /// Probability that a pair of parents is crossed at all.
    pub prob: f64,
    /// Probability that a bit is exchanged, when the pair is crossed.
    pub prob_swap: f64,
}

impl Default for UniformCrossover {
    fn default() -> Self {
        Self {
            prob: 0.9,
            prob_swap: 0.5,
        }
    }
}

impl UniformCrossover {
    /// Checks the settings.
    ///
    /// # Errors
    /// [`vilfredo_core::Error::InvalidArgument`] for a probability outside `[0, 1]`.
    pub fn validate(&self) -> Result<()> {
        check_probability("binary_crossover.prob", self.prob)?;
        check_probability("binary_crossover.prob_swap", self.prob_swap)
    }

    /// Exchanges binary and categorical variables between `c1` and `c2` (copies of the
    /// parents on entry); real and integer variables are left as they are. Draws nothing
    /// when there are no binary or categorical variables, so purely numeric spaces see
    /// the same random stream as without it.
    pub fn apply(&self, space: &Space, c1: &mut [f64], c2: &mut [f64], rng: &mut SplitMix64) {
        if space.types().iter().all(|t| t.is_numeric()) || rng.next_f64() >= self.prob {
            return;
        }
        for ((a, b), t) in c1.iter_mut().zip(c2.iter_mut()).zip(space.types()) {
            if !t.is_numeric() && rng.next_f64() < self.prob_swap {
                std::mem::swap(a, b);
            }
        }
    }
}
