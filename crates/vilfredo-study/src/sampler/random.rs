//! Independent uniform sampling.

use vilfredo_core::rng::SplitMix64;

use super::{Sampler, SamplerContext};
use crate::distribution::Distribution;
use crate::error::Result;
use crate::frozen::FrozenTrial;

/// Draws every parameter independently and uniformly on its own scale (log-uniform for
/// log parameters, uniformly over grid points and choices).
///
/// Each value is a function of the seed, the trial number and the parameter name, not of
/// the order of calls: two workers sampling different trials of one study, or a trial
/// that suggests its parameters in another order, get the values the same seed gives a
/// single worker. This is what makes a parallel random search reproducible.
#[derive(Debug, Clone)]
pub struct RandomSampler {
    seed: u64,
}

impl RandomSampler {
    /// A sampler whose draws are fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self { seed }
    }
}

/// FNV-1a: a stable hash of a parameter name (std's hasher may change between releases).
pub(crate) fn name_hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A uniform number in `[0, 1)` determined by (seed, trial number, name).
pub(crate) fn keyed_unit(seed: u64, number: u64, name: &str) -> f64 {
    let mut g = SplitMix64::new(seed ^ name_hash(name));
    let mut g = SplitMix64::new(g.next_u64() ^ number.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    g.next_f64()
}

impl Sampler for RandomSampler {
    fn name(&self) -> &str {
        "random"
    }

    fn sample(
        &mut self,
        _ctx: &SamplerContext<'_>,
        trial: &FrozenTrial,
        name: &str,
        distribution: &Distribution,
    ) -> Result<f64> {
        Ok(distribution.from_unit(keyed_unit(self.seed, trial.number, name)))
    }
}
