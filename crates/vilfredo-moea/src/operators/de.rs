//! Differential evolution DE/rand/1/bin: Storn & Price (1997), "Differential
//! evolution – a simple and efficient heuristic for global optimization over continuous
//! spaces", Journal of Global Optimization 11(4).
//!
//! From a target vector `x` and three other members `a`, `b`, `c`, the mutant is
//! `v = a + F (b − c)`; the trial takes `v`'s value in each variable with probability
//! `CR`, and `x`'s otherwise, with one randomly chosen variable always from `v` so the
//! trial differs from the target. The result is clamped to the bounds (and integer
//! variables rounded) by [`repair`](super::repair); binary variables keep the target's
//! bits. Picking `a`, `b`, `c` (distinct, and distinct from the target) is the
//! algorithm's job.

use super::check_probability;
use crate::Space;
use vilfredo_core::rng::SplitMix64;
use vilfredo_core::{Error, Result};

/// DE/rand/1/bin settings; the default is `F = 0.5`, `CR = 0.9`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DifferentialEvolution {
    /// Scale factor `F` of the difference vector.
    pub f: f64,
    /// Crossover rate `CR`: probability that a variable comes from the mutant.
    pub cr: f64,
}

impl Default for DifferentialEvolution {
    fn default() -> Self {
        Self { f: 0.5, cr: 0.9 }
    }
}

impl DifferentialEvolution {
    /// Checks the settings.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a scale factor that is not finite and positive,
    /// or a crossover rate outside `[0, 1]`.
    pub fn validate(&self) -> Result<()> {
        if !(self.f.is_finite() && self.f > 0.0) {
            return Err(Error::InvalidArgument {
                name: "de.f",
                reason: format!("the scale factor must be finite and > 0, got {}", self.f),
            });
        }
        check_probability("de.cr", self.cr)
    }

    /// Writes into `trial` the trial vector for `target` from the members `a`, `b`, `c`
    /// (all rows of `space.n_var()` values), then repairs it into the space.
    pub fn apply(
        &self,
        space: &Space,
        target: &[f64],
        [a, b, c]: [&[f64]; 3],
        trial: &mut [f64],
        rng: &mut SplitMix64,
    ) {
        // Rows shorter than the space are handled up to their length, never indexed past it.
        let n = [target.len(), a.len(), b.len(), c.len(), trial.len()]
            .into_iter()
            .fold(space.n_var(), usize::min);
        if n == 0 {
            return;
        }
        let forced = rng.below(n as u64) as usize;
        for j in 0..n {
            let from_mutant = rng.next_f64() < self.cr || j == forced;
            trial[j] = if from_mutant && space.types()[j].is_numeric() {
                a[j] + self.f * (b[j] - c[j])
            } else {
                target[j]
            };
        }
        super::repair(space, trial);
    }
}
