//! How a study chooses parameter values: the [`Sampler`] trait and its implementations.
//!
//! A sampler is called at three moments of a trial: when it starts
//! ([`Sampler::start_trial`], where a joint sampler such as an evolutionary algorithm
//! plans the whole vector), for each parameter the objective asks for
//! ([`Sampler::sample`], define-by-run: names and ranges are only known then), and when
//! it finishes ([`Sampler::finish_trial`]). Samplers work on the unit scale of each
//! [`Distribution`] and return internal values.

mod evolution;
mod moead;
mod nsga;
mod qmc;
mod random;

pub use moead::{
    DECOMPOSITIONS, Decomposition, DifferentialEvolution, MoeadOptions, MoeadSampler,
    MoeadVariation,
};
pub use nsga::{Crossover, Nsga2Sampler, Nsga3Sampler, NsgaOptions};
pub use qmc::{LhsSampler, SobolSampler};
pub use random::RandomSampler;

use vilfredo_core::Direction;

use crate::distribution::Distribution;
use crate::error::Result;
use crate::frozen::FrozenTrial;
use crate::history::History;

/// What a sampler may look at when it decides.
#[derive(Debug, Clone, Copy)]
pub struct SamplerContext<'a> {
    /// One direction per objective.
    pub directions: &'a [Direction],
    /// The study's finished trials, in finishing order, kept in step with the storage.
    pub history: &'a History,
    /// Trials running in any worker (filled only for samplers whose
    /// [`Sampler::needs_running`] is true; empty otherwise).
    pub running: &'a [FrozenTrial],
}

/// A strategy for choosing parameter values.
///
/// Samplers are driven by one study object at a time (behind its lock), so they may
/// keep state; with one worker and a fixed seed, a study's trials are reproducible.
pub trait Sampler: Send + std::fmt::Debug {
    /// A short name for listings and stored study attributes (`"random"`, `"nsga2"`).
    fn name(&self) -> &str;

    /// Whether [`SamplerContext::running`] should be filled at the start of each trial
    /// (costs one storage query; samplers that avoid duplicates need it).
    fn needs_running(&self) -> bool {
        false
    }

    /// Called when `trial` starts, before any parameter is suggested.
    ///
    /// # Errors
    /// When the sampler cannot plan the trial.
    fn start_trial(&mut self, ctx: &SamplerContext<'_>, trial: &FrozenTrial) -> Result<()> {
        let _ = (ctx, trial);
        Ok(())
    }

    /// The internal value of parameter `name` of `trial`, drawn from `distribution`.
    ///
    /// # Errors
    /// When the sampler cannot produce a value.
    fn sample(
        &mut self,
        ctx: &SamplerContext<'_>,
        trial: &FrozenTrial,
        name: &str,
        distribution: &Distribution,
    ) -> Result<f64>;

    /// Called after `trial` (the final snapshot) finished in this process.
    ///
    /// # Errors
    /// When the sampler's bookkeeping fails.
    fn finish_trial(&mut self, ctx: &SamplerContext<'_>, trial: &FrozenTrial) -> Result<()> {
        let _ = (ctx, trial);
        Ok(())
    }
}
