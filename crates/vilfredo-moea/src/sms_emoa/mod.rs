//! SMS-EMOA: Beume, Naujoks & Emmerich (2007), "SMS-EMOA: Multiobjective selection based
//! on dominated hypervolume", European Journal of Operational Research 181(3).
//!
//! A steady-state (μ + 1) algorithm: each generation makes one offspring from two parents
//! drawn uniformly at random, and survival drops the member of the worst non-domination
//! rank whose exclusive hypervolume contribution is smallest. In ask/tell form a batch
//! may hold `λ` offspring ([`SmsEmoaConfig::n_offspring`], 1 as in the paper); survival
//! then drops `λ` members one at a time, each time recomputing the contributions of what
//! remains of the worst front (so `λ = 1` is exactly the paper's algorithm and a larger
//! `λ` trades some selection precision for fewer, larger batches).

mod state;
mod survival;

pub use state::SmsEmoaState;

use crate::mating::{Mating, Operators, operators_of};
use crate::nsga2::population::Population;
use crate::operators::{BitFlip, PolynomialMutation, RandomReset, Sbx, UniformCrossover};
use crate::progress::{Progress, progress_accessors};
use crate::told::{check_n_obj, check_pop_size};
use crate::{Algorithm, Batch, NanPolicy, Solutions, Space};
use vilfredo_core::rng::SplitMix64;
use vilfredo_core::{Error, Problem, Result};

/// Settings of [`SmsEmoa`]; the variation defaults are pymoo's (SBX η 15, probability
/// 0.9; polynomial mutation η 20, probability 1/n).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
// A state of another algorithm must not pass for this one\'s (see `from_state`).
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SmsEmoaConfig {
    /// Population size μ (at least 2).
    pub pop_size: usize,
    /// Offspring per batch, λ (at least 1; 1 is the paper's steady state).
    pub n_offspring: usize,
    /// How far beyond the worst value of the last front the hypervolume reference point
    /// lies, in every objective (positive; 1 as in the authors' experiments). The extreme
    /// points of the front contribute in proportion to it, so a larger offset protects
    /// them more.
    pub ref_offset: f64,
    /// Seed of the random number generator: same seed, same run.
    pub seed: u64,
    /// Crossover of real and integer variables.
    pub crossover: Sbx,
    /// Mutation of real and integer variables.
    pub mutation: PolynomialMutation,
    /// Crossover of binary variables.
    pub binary_crossover: UniformCrossover,
    /// Mutation of binary variables.
    pub binary_mutation: BitFlip,
    /// Mutation of categorical variables (their crossover is `binary_crossover`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub categorical_mutation: RandomReset,
    /// Redraw offspring equal to a population member or to another offspring.
    pub eliminate_duplicates: bool,
    /// What a NaN or infinite objective or constraint value told to `tell` means.
    pub nan_policy: NanPolicy,
}

impl Default for SmsEmoaConfig {
    fn default() -> Self {
        Self {
            pop_size: 100,
            n_offspring: 1,
            ref_offset: 1.0,
            seed: 0,
            crossover: Sbx::default(),
            mutation: PolynomialMutation::default(),
            binary_crossover: UniformCrossover::default(),
            binary_mutation: BitFlip::default(),
            categorical_mutation: RandomReset::default(),
            eliminate_duplicates: true,
            nan_policy: NanPolicy::Error,
        }
    }
}

impl SmsEmoaConfig {
    /// Checks every setting.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the first bad option.
    pub fn validate(&self) -> Result<()> {
        check_pop_size("SMS-EMOA", self.pop_size)?;
        if self.n_offspring == 0 || self.n_offspring > u32::MAX as usize {
            return Err(Error::InvalidArgument {
                name: "n_offspring",
                reason: format!(
                    "SMS-EMOA needs 1 to {} offspring per batch, got {}",
                    u32::MAX,
                    self.n_offspring
                ),
            });
        }
        if !(self.ref_offset.is_finite() && self.ref_offset > 0.0) {
            return Err(Error::InvalidArgument {
                name: "ref_offset",
                reason: format!(
                    "the reference point offset must be finite and > 0, got {}",
                    self.ref_offset
                ),
            });
        }
        self.operators().validate()
    }

    /// The variation operators, duplicates eliminated as configured.
    pub(crate) fn operators(&self) -> Operators {
        operators_of!(self, self.eliminate_duplicates)
    }
}

/// SMS-EMOA (Beume, Naujoks & Emmerich 2007, "SMS-EMOA: Multiobjective selection based
/// on dominated hypervolume", EJOR 181(3)), driven by ask/tell.
///
/// The first [`ask`](Algorithm::ask) returns `pop_size` random vectors; every later one
/// returns `n_offspring` offspring (1 by default), each made from two parents drawn
/// uniformly at random by SBX and polynomial mutation (uniform crossover and bit flip
/// for binary variables), duplicates redrawn. [`tell`](Algorithm::tell) adds them to the
/// population and removes as many members, one at a time, from the worst rank under
/// constrained domination (Deb 2000: feasible first, infeasible by total violation):
/// among feasible members the one of least exclusive hypervolume contribution to that
/// front (exact, through [`vilfredo_pareto::hv_contributions`], for any number of
/// objectives), the reference point being the front's worst value plus
/// [`SmsEmoaConfig::ref_offset`] in each objective; among infeasible ones the latest.
///
/// Every tell counts as a generation (the initial population is generation 1), so with
/// one offspring per batch [`MaxGenerations`](crate::MaxGenerations) counts evaluations
/// after the first population; [`MaxEvaluations`](crate::MaxEvaluations) is the natural
/// budget.
#[derive(Debug, Clone)]
pub struct SmsEmoa {
    config: SmsEmoaConfig,
    run: Progress,
    pop: Population,
    merged: Population,
    mating: Mating,
}

impl SmsEmoa {
    /// SMS-EMOA on `space` with `n_obj` objectives and `n_constr` constraints.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `n_obj` is 0 or a setting is invalid.
    pub fn new(space: Space, n_obj: usize, n_constr: usize, config: SmsEmoaConfig) -> Result<Self> {
        check_n_obj(n_obj)?;
        config.validate()?;
        let n_var = space.n_var();
        Ok(Self {
            config,
            pop: Population::new(n_var, n_obj, n_constr),
            merged: Population::new(n_var, n_obj, n_constr),
            mating: Mating::default(),
            run: Progress::new(space, config.seed),
        })
    }

    /// SMS-EMOA for `problem`: its space, objectives and constraints.
    ///
    /// # Errors
    /// As [`Space::of_problem`] and [`SmsEmoa::new`].
    pub fn for_problem(problem: &dyn Problem, config: SmsEmoaConfig) -> Result<Self> {
        Self::new(
            Space::of_problem(problem)?,
            problem.n_obj(),
            problem.n_constr(),
            config,
        )
    }

    /// The settings.
    pub fn config(&self) -> &SmsEmoaConfig {
        &self.config
    }

    /// The decision space.
    pub fn space(&self) -> &Space {
        &self.run.space
    }

    /// Objective values of the current population, row-major.
    pub fn f(&self) -> &[f64] {
        &self.pop.f
    }

    /// Decision vectors of the current population, row-major.
    pub fn x(&self) -> &[f64] {
        &self.pop.x
    }

    /// Pareto rank (under constrained domination) of each member of the population.
    pub fn ranks(&self) -> &[usize] {
        &self.pop.rank
    }

    /// The current population as [`Solutions`].
    pub fn population(&self) -> Solutions {
        self.pop.select(|_| true)
    }
}

impl Algorithm for SmsEmoa {
    /// The initial population on the first call, `n_offspring` offspring afterwards;
    /// asking again before telling returns the same batch.
    fn ask(&mut self) -> Result<Batch<'_>> {
        let (config, pop, mating) = (&self.config, &self.pop, &mut self.mating);
        self.run.ask(|space, rng, batch| {
            let ops = config.operators();
            if pop.len() == 0 {
                mating.initial(space, &ops, config.pop_size, rng, batch, None);
            } else {
                let n = pop.len() as u64;
                let parents = |rng: &mut SplitMix64| (rng.below(n) as usize, rng.below(n) as usize);
                mating.offspring(space, &ops, &pop.x, config.n_offspring, rng, parents, batch);
            }
            Ok(())
        })
    }

    /// Takes the values of the pending batch and removes as many members as it holds.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when no batch is pending; [`Error::DimensionMismatch`]
    /// when `f` or `g` has the wrong size; [`Error::NonFinite`] naming the row and column
    /// of a NaN or infinite value (unless the NaN policy is
    /// [`NanPolicy::Infeasible`]). On error nothing changes and the batch stays pending.
    fn tell(&mut self, f: &[f64], g: Option<&[f64]>) -> Result<()> {
        let n = self
            .run
            .check_tell(&self.pop, f, g, self.config.nan_policy)?;
        let g = g.unwrap_or(&[]);
        if self.pop.len() == 0 {
            self.pop.extend(&self.run.batch, f, g);
            self.pop.rank = self.pop.ranks()?;
        } else {
            self.merged.merge(&self.pop, &self.run.batch, f, g);
            let rank = self.merged.ranks()?;
            let (chosen, ranks) = survival::reduce(&self.merged, &rank, n, self.config.ref_offset)?;
            self.pop.keep(&self.merged, &chosen);
            self.pop.rank = ranks;
        }
        self.run.told(n);
        Ok(())
    }

    progress_accessors!(run, pop);

    /// The members of rank 0: the feasible non-dominated ones, or, when no member is
    /// feasible, those of least total violation; never a failed evaluation.
    fn result(&self) -> Solutions {
        self.pop
            .select(|i| self.pop.rank[i] == 0 && !self.pop.failed[i])
    }
}
