//! Steady-state, asynchronous NSGA-II and NSGA-III as samplers.
//!
//! Generational NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, IEEE TEVC 6(2)) waits for
//! a whole generation before breeding the next; with many workers and uneven evaluation
//! times the slowest trial holds everyone up. Here the population is instead the best
//! `population_size` complete trials finished so far, updated as each trial arrives (the
//! steady-state scheme of Durillo, Nebro, Luna & Alba 2009, "On the effect of the
//! steady-state selection scheme in multi-objective genetic algorithms", EMO), and every
//! new trial is bred from it at once:
//!
//! - trials that finished since the last call are read from the history (in finishing
//!   order) and merged into the population by constrained non-dominated rank and crowding
//!   distance (NSGA-II) or reference-point niching (NSGA-III, Deb & Jain 2014); failed
//!   and pruned trials never enter, and late trials are simply merged when they arrive;
//! - until the population is full, trials are drawn at random;
//! - then two parents are chosen by binary tournaments, crossed and mutated on the unit
//!   scale of the learned search space (the parameters every member has with the same
//!   distribution), and mapped back to values;
//! - a child equal to a finished trial, a running trial or another planned child is
//!   rejected and bred again, a bounded number of times, before falling back to random.
//!
//! Asking costs what the population and the running trials cost, not what the history
//! costs. Parameters outside the learned space are drawn at random, keyed like
//! [`RandomSampler`](super::RandomSampler). With one worker and a seed, a study is
//! reproducible.

mod niching;
mod population;

use std::sync::Arc;

use vilfredo_core::rng::SplitMix64;

use super::evolution::member::Member;
use super::evolution::planner::{Breed, Planner, SpaceOps};
pub use super::evolution::variation::Crossover;
use super::evolution::variation::Variation;
use super::{Sampler, SamplerContext};
use crate::distribution::Distribution;
use crate::error::{Result, invalid};
use crate::frozen::FrozenTrial;
use niching::Niching;
use population::{Crowding, Population, Truncation};

/// Options of [`Nsga2Sampler`] and [`Nsga3Sampler`], named as Optuna names them.
#[derive(Debug, Clone, PartialEq)]
pub struct NsgaOptions {
    /// Number of parents kept (and of random trials before breeding starts).
    pub population_size: usize,
    /// Probability that each parameter is mutated; `None` means `1 / n_params`.
    pub mutation_prob: Option<f64>,
    /// How parents are recombined.
    pub crossover: Crossover,
    /// Probability that a child is a crossover of its parents (else a copy of one,
    /// mutated).
    pub crossover_prob: f64,
    /// Probability that uniform crossover takes a parameter from the second parent (and
    /// that SBX swaps a pair of children's values).
    pub swapping_prob: f64,
    /// Seed of every random choice.
    pub seed: u64,
    /// How many bred children may be rejected as duplicates before random vectors are
    /// tried (eight times as many); only when all are taken is a duplicate handed out.
    pub max_retries: usize,
}

impl Default for NsgaOptions {
    fn default() -> Self {
        Self {
            population_size: 50,
            mutation_prob: None,
            crossover: Crossover::default(),
            crossover_prob: 0.9,
            swapping_prob: 0.5,
            seed: 0,
            max_retries: 16,
        }
    }
}

impl NsgaOptions {
    fn validate(&self) -> Result<()> {
        if self.population_size < 2 {
            return Err(invalid(
                "population_size",
                format!("needs at least 2 parents, got {}", self.population_size),
            ));
        }
        let probability = |name: &'static str, p: f64| {
            if (0.0..=1.0).contains(&p) {
                Ok(())
            } else {
                Err(invalid(
                    name,
                    format!("a probability is in [0, 1], got {p}"),
                ))
            }
        };
        if let Some(p) = self.mutation_prob {
            probability("mutation_prob", p)?;
        }
        probability("crossover_prob", self.crossover_prob)?;
        probability("swapping_prob", self.swapping_prob)?;
        if let Crossover::Sbx { eta } = self.crossover
            && !(eta.is_finite() && eta >= 0.0)
        {
            return Err(invalid(
                "crossover",
                format!("SBX's eta must be finite and ≥ 0, got {eta}"),
            ));
        }
        Ok(())
    }
}

/// The machinery both samplers share.
#[derive(Debug)]
struct Engine {
    name: &'static str,
    options: NsgaOptions,
    rng: SplitMix64,
    /// How many of the history's finished trials are absorbed.
    seen: usize,
    population: Population,
    /// The current space's operators (rebuilt when the space changes).
    ops: Option<Arc<SpaceOps>>,
    /// Planned children and finished vectors, against duplicates.
    planner: Planner,
}

impl Engine {
    fn new(
        name: &'static str,
        options: NsgaOptions,
        truncation: Box<dyn Truncation>,
    ) -> Result<Self> {
        options.validate()?;
        Ok(Self {
            name,
            rng: SplitMix64::new(options.seed),
            planner: Planner::new(options.seed),
            population: Population::new(options.population_size, truncation),
            options,
            seen: 0,
            ops: None,
        })
    }

    /// Merges the trials finished since the last call into the population.
    fn absorb(&mut self, ctx: &SamplerContext<'_>) -> Result<()> {
        let finished = ctx.history.finished();
        let new = finished.get(self.seen..).unwrap_or(&[]);
        let mut arrivals = Vec::new();
        for t in new {
            self.planner.finished(t);
            if let Some(m) = Member::of(t, ctx.history.minimized(t)) {
                arrivals.push(m);
            }
        }
        self.seen = finished.len();
        if arrivals.is_empty() {
            return Ok(());
        }
        self.population.absorb(arrivals)?;
        let space = self.population.space();
        if self.ops.as_ref().is_none_or(|o| o.params != space) {
            self.ops = if space.is_empty() {
                None
            } else {
                let o = &self.options;
                let variation = Variation::new(
                    space,
                    o.crossover,
                    o.crossover_prob,
                    o.swapping_prob,
                    o.mutation_prob,
                )?;
                Some(Arc::new(SpaceOps::new(space, variation)))
            };
        }
        Ok(())
    }

    fn start_trial(&mut self, ctx: &SamplerContext<'_>, trial: &FrozenTrial) -> Result<()> {
        self.absorb(ctx)?;
        // Enqueued trials come with their values.
        if !trial.params.is_empty() {
            return Ok(());
        }
        let Some(ops) = self.ops.clone() else {
            return Ok(());
        };
        let population = &self.population;
        let mut breed = |rng: &mut SplitMix64| {
            let a = tournament(population, rng);
            let mut b = tournament(population, rng);
            if b == a {
                b = tournament(population, rng);
            }
            let members = population.members();
            let (ua, ub) = (members[a].unit(&ops.params), members[b].unit(&ops.params));
            ops.variation.child(&ua, &ub, rng)
        };
        let breed: Option<Breed<'_>> = if population.is_full() {
            Some(&mut breed)
        } else {
            None
        };
        self.planner.plan(
            ctx,
            trial.number,
            Arc::clone(&ops),
            self.options.max_retries,
            &mut self.rng,
            breed,
        );
        Ok(())
    }

    fn sample(&self, trial: &FrozenTrial, name: &str, distribution: &Distribution) -> f64 {
        self.planner.value(trial, name, distribution)
    }
}

/// A parent chosen by a binary tournament.
fn tournament(population: &Population, rng: &mut SplitMix64) -> usize {
    let n = population.members().len() as u64;
    let a = rng.below(n) as usize;
    let b = rng.below(n) as usize;
    if population.beats(a, b) { a } else { b }
}

/// Steady-state, asynchronous NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, IEEE TEVC
/// 6(2)), in Optuna's `NSGAIISampler` vocabulary but without generations.
///
/// The parents are the best `population_size` complete trials finished so far, by
/// constrained non-dominated rank (Deb's feasibility rules on the trials' constraints)
/// and crowding distance, updated as each trial finishes; failed and pruned trials never
/// enter, late ones are merged when they arrive. Until the population is full, trials are
/// random. Then each new trial is bred at once: two binary tournaments, SBX (or uniform)
/// crossover and polynomial mutation on the unit scale of the parameters every parent
/// has, uniform crossover and random reset for categorical ones, mapped back through
/// each distribution (so log scales and grids hold). A child equal to a finished, running
/// or planned trial is bred again, then replaced by random vectors, a bounded number of
/// times. Parameters outside the learned space are random, keyed like
/// [`RandomSampler`](super::RandomSampler). Asking costs what the population and the
/// running trials cost, never what the history costs; one worker with a seed is
/// reproducible.
#[derive(Debug)]
pub struct Nsga2Sampler {
    engine: Engine,
}

impl Nsga2Sampler {
    /// A sampler with these options.
    ///
    /// # Errors
    /// `Invalid` for a population below 2, a probability outside `[0, 1]`, or a negative
    /// or non-finite SBX index.
    pub fn new(options: NsgaOptions) -> Result<Self> {
        Ok(Self {
            engine: Engine::new("nsga2", options, Box::new(Crowding))?,
        })
    }
}

/// Steady-state, asynchronous NSGA-III (Deb & Jain 2014, "An evolutionary many-objective
/// optimization algorithm using reference-point-based nondominated sorting approach,
/// part I", IEEE TEVC 18(4)): as [`Nsga2Sampler`], but the last front that does not fit
/// is cut by niching around reference directions, which keeps a spread front with many
/// objectives.
#[derive(Debug)]
pub struct Nsga3Sampler {
    engine: Engine,
}

impl Nsga3Sampler {
    /// A sampler with these options and reference directions: `Some((rows, n_obj))`, a
    /// row-major set of directions with `n_obj` columns, or `None` for Das & Dennis's
    /// lattice (1998) with the fewest partitions giving at least `population_size`
    /// directions, built when the number of objectives is known.
    ///
    /// # Errors
    /// As [`Nsga2Sampler::new`]; `Invalid` for empty, ragged or non-finite directions.
    pub fn new(
        options: NsgaOptions,
        reference_directions: Option<(Vec<f64>, usize)>,
    ) -> Result<Self> {
        let niching = Niching::new(reference_directions, options.population_size, options.seed)?;
        Ok(Self {
            engine: Engine::new("nsga3", options, Box::new(niching))?,
        })
    }
}

macro_rules! steady_state_sampler {
    ($t:ty) => {
        impl Sampler for $t {
            fn name(&self) -> &str {
                self.engine.name
            }

            fn needs_running(&self) -> bool {
                true
            }

            fn start_trial(&mut self, ctx: &SamplerContext<'_>, trial: &FrozenTrial) -> Result<()> {
                self.engine.start_trial(ctx, trial)
            }

            fn sample(
                &mut self,
                _ctx: &SamplerContext<'_>,
                trial: &FrozenTrial,
                name: &str,
                distribution: &Distribution,
            ) -> Result<f64> {
                Ok(self.engine.sample(trial, name, distribution))
            }
        }
    };
}

steady_state_sampler!(Nsga2Sampler);
steady_state_sampler!(Nsga3Sampler);
