//! NSGA-II: Deb, Pratap, Agarwal & Meyarivan (2002), "A fast and elitist multiobjective
//! genetic algorithm: NSGA-II", IEEE Transactions on Evolutionary Computation 6(2).
//!
//! One generation: binary tournaments pick parents, SBX and polynomial mutation make
//! `pop_size` offspring, and the best `pop_size` of parents and offspring together
//! survive by rank, then crowding distance. Constraints are handled by constrained
//! domination (Deb 2000): feasible before infeasible, infeasible by total violation.
//!
//! The algorithm is driven by [`Algorithm::ask`] / [`Algorithm::tell`]; the first batch
//! is the random initial population, every later one a set of offspring.
//!
//! Where the paper leaves details open, the defaults follow Deb's reference C code and
//! pymoo, whose runs are the yardstick (BENCHMARKS.md): tournaments compare violation,
//! then Pareto dominance, then crowding distance ([`TournamentRule`]); the crowding
//! distance a survivor carries into the next tournaments is the one it had in its front
//! of the merged population, so on the front split by survival it still counts the
//! neighbours that did not survive; and 90 % of the offspring are mutated.

pub(crate) mod population;
mod state;
mod survival;
pub(crate) mod variation;

pub use crate::operators::TournamentRule;
pub use state::Nsga2State;

use crate::mating::{Operators, operators_of};
use crate::operators::{BitFlip, PolynomialMutation, RandomReset, Sbx, UniformCrossover};
use crate::progress::{Progress, progress_accessors};
use crate::told::{check_n_obj, check_pop_size};
use crate::{Algorithm, Batch, Solutions, Space};
use population::Population;
use std::borrow::BorrowMut;
use variation::Scratch;
use vilfredo_core::{Problem, Result};

/// Settings of [`Nsga2`]; the defaults are pymoo's NSGA-II defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
// A state of another algorithm must not pass for this one\'s (see `from_state`).
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Nsga2Config {
    /// Population size, and number of offspring per generation (at least 2).
    pub pop_size: usize,
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
    /// How binary tournaments choose parents. A snapshot saved before this option
    /// existed used [`TournamentRule::RankThenCrowding`], so that is what it resumes with.
    #[cfg_attr(feature = "serde", serde(default = "rank_then_crowding"))]
    pub tournament: TournamentRule,
    /// What a NaN or infinite objective or constraint value told to `tell` means.
    pub nan_policy: NanPolicy,
}

/// What to do with NaN or infinite values told for an individual.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum NanPolicy {
    /// `tell` fails with [`Error::NonFinite`] naming the row and column (the default).
    ///
    /// [`Error::NonFinite`]: crate::Error::NonFinite
    #[default]
    Error,
    /// The individual is kept as infeasible, ranked after every evaluated individual
    /// (its objectives are stored as `f64::MAX` and its violation is `f64::MAX`), and is
    /// never part of the result.
    Infeasible,
}

impl Default for Nsga2Config {
    fn default() -> Self {
        Self {
            pop_size: 100,
            seed: 0,
            crossover: Sbx::default(),
            // pymoo's `PM` mutates 90 % of the offspring.
            mutation: PolynomialMutation {
                prob: 0.9,
                ..PolynomialMutation::default()
            },
            binary_crossover: UniformCrossover::default(),
            binary_mutation: BitFlip::default(),
            categorical_mutation: RandomReset::default(),
            eliminate_duplicates: true,
            tournament: TournamentRule::DominanceThenCrowding,
            nan_policy: NanPolicy::Error,
        }
    }
}

/// The tournament of configurations saved before [`Nsga2Config::tournament`] existed.
#[cfg(feature = "serde")]
fn rank_then_crowding() -> TournamentRule {
    TournamentRule::RankThenCrowding
}

impl Nsga2Config {
    /// Checks every setting.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the first bad option.
    ///
    /// [`Error::InvalidArgument`]: crate::Error::InvalidArgument
    pub fn validate(&self) -> Result<()> {
        check_pop_size("NSGA-II", self.pop_size)?;
        self.operators().validate()
    }

    /// The variation operators, duplicates eliminated as configured.
    pub(crate) fn operators(&self) -> Operators {
        operators_of!(self, self.eliminate_duplicates)
    }
}

/// NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, "A fast and elitist multiobjective
/// genetic algorithm: NSGA-II", IEEE TEVC 6(2)), driven by ask/tell.
///
/// The first [`ask`](Algorithm::ask) returns `pop_size` random vectors; every later one
/// returns `pop_size` offspring made by binary tournament (see [`TournamentRule`]),
/// SBX and polynomial mutation (uniform crossover and bit flip for binary variables),
/// with duplicates redrawn. [`tell`](Algorithm::tell) merges parents and offspring and
/// keeps the best `pop_size` by rank, then crowding distance. Constraints use
/// constrained domination (Deb 2000): feasible first, infeasible by total violation
/// (the sum of the positive `g`).
///
/// Survivors keep the crowding distance of their front in the merged population (as in
/// Deb's code and pymoo), which [`Nsga2State`] carries so a run restores exactly.
///
/// Generations are counted as in pymoo: the initial population is generation 1.
#[derive(Debug, Clone)]
pub struct Nsga2 {
    config: Nsga2Config,
    run: Progress,
    pop: Population,
    /// Parents and offspring together during survival (kept to reuse its memory).
    merged: Population,
    scratch: Scratch,
}

impl Nsga2 {
    /// NSGA-II on `space` with `n_obj` objectives and `n_constr` constraints.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `n_obj` is 0 or a setting is invalid.
    ///
    /// [`Error::InvalidArgument`]: crate::Error::InvalidArgument
    pub fn new(space: Space, n_obj: usize, n_constr: usize, config: Nsga2Config) -> Result<Self> {
        check_n_obj(n_obj)?;
        config.validate()?;
        let n_var = space.n_var();
        Ok(Self {
            config,
            pop: Population::new(n_var, n_obj, n_constr),
            merged: Population::new(n_var, n_obj, n_constr),
            scratch: Scratch::default(),
            run: Progress::new(space, config.seed),
        })
    }

    /// NSGA-II for `problem`: its space, objectives and constraints.
    ///
    /// # Errors
    /// As [`Space::of_problem`] and [`Nsga2::new`].
    pub fn for_problem(problem: &dyn Problem, config: Nsga2Config) -> Result<Self> {
        Self::new(
            Space::of_problem(problem)?,
            problem.n_obj(),
            problem.n_constr(),
            config,
        )
    }

    /// The settings.
    pub fn config(&self) -> &Nsga2Config {
        &self.config
    }

    /// The decision space.
    pub fn space(&self) -> &Space {
        &self.run.space
    }

    /// Decision vectors of the current population, row-major (empty before the first
    /// `tell`).
    pub fn x(&self) -> &[f64] {
        &self.pop.x
    }

    /// Objective values of the current population, row-major.
    pub fn f(&self) -> &[f64] {
        &self.pop.f
    }

    /// Constraint values of the current population, row-major (empty without
    /// constraints).
    pub fn g(&self) -> &[f64] {
        &self.pop.g
    }

    /// Pareto rank (under constrained domination) of each member of the population.
    pub fn ranks(&self) -> &[usize] {
        &self.pop.rank
    }

    /// Crowding distance of each member of the population within its front.
    pub fn crowding(&self) -> &[f64] {
        &self.pop.crowding
    }

    /// The current population as [`Solutions`].
    pub fn population(&self) -> Solutions {
        self.pop.select(|_| true)
    }

    /// Like [`ask`](Algorithm::ask), but the offspring are made by `op` from the parents
    /// NSGA-II selects (binary tournament by rank and crowding), instead of by SBX and
    /// polynomial mutation; survival is unchanged. The initial population is still drawn
    /// at random. Offspring are repaired into the space, and duplicates are sent back to
    /// `op` a few times before being accepted.
    ///
    /// The run stays a function of the seed and of `op`'s answers, so a deterministic
    /// operator gives a reproducible run, and the state can be saved as usual between
    /// generations.
    ///
    /// # Errors
    /// `op`'s error, or [`Error::DimensionMismatch`] when it returns too few values; the
    /// state is unchanged except for the random numbers the tournaments drew.
    ///
    /// [`Error::DimensionMismatch`]: crate::Error::DimensionMismatch
    pub fn ask_with(&mut self, op: &mut dyn crate::Variation) -> Result<Batch<'_>> {
        if !self.run.pending && self.pop.len() > 0 {
            if let Err(e) = self.external_offspring(op) {
                self.run.batch.clear();
                return Err(e);
            }
            self.run.pending = true;
        }
        // A pending batch, or the initial population.
        self.ask()
    }
}

impl Algorithm for Nsga2 {
    /// The initial population on the first call, offspring afterwards; asking again
    /// before telling returns the same batch.
    fn ask(&mut self) -> Result<Batch<'_>> {
        let (config, pop, scratch) = (&self.config, &self.pop, &mut self.scratch);
        self.run.ask(|space, rng, batch| {
            if pop.len() == 0 {
                variation::initial(space, config, rng, scratch, batch);
            } else {
                variation::offspring(space, config, pop, rng, scratch, batch);
            }
            Ok(())
        })
    }

    /// Takes the values of the pending batch and runs survival.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when no batch is pending; [`Error::DimensionMismatch`]
    /// when `f` is not `len × n_obj` or `g` not `len × n_constr`; [`Error::NonFinite`]
    /// naming the row and column of a NaN or infinite objective or constraint value
    /// (unless [`Nsga2Config::nan_policy`] is [`NanPolicy::Infeasible`]).
    /// On error nothing changes and the batch stays pending.
    ///
    /// [`Error::DimensionMismatch`]: crate::Error::DimensionMismatch
    /// [`Error::InvalidArgument`]: crate::Error::InvalidArgument
    /// [`Error::NonFinite`]: crate::Error::NonFinite
    fn tell(&mut self, f: &[f64], g: Option<&[f64]>) -> Result<()> {
        let n = self
            .run
            .check_tell(&self.pop, f, g, self.config.nan_policy)?;
        let g = g.unwrap_or(&[]);
        if self.pop.len() == 0 {
            self.pop.extend(&self.run.batch, f, g);
            self.pop.assess()?;
            self.scratch.pop_hash = std::mem::take(&mut self.scratch.batch_hash);
        } else {
            self.merged.merge(&self.pop, &self.run.batch, f, g);
            let s = survival::survivors(&self.merged, self.config.pop_size)?;
            self.scratch.survived(self.pop.len(), &s.chosen);
            self.pop.keep(&self.merged, &s.chosen);
            // The same ranks as `assess` would find (see `survivors`).
            self.pop.rank = s.rank;
            debug_assert!(self.pop.ranks().is_ok_and(|r| r == self.pop.rank));
            self.pop.crowding = s.crowding;
        }
        self.run.told(n);
        Ok(())
    }

    progress_accessors!(run, pop);

    /// The members of rank 0 of the population: the feasible non-dominated ones, or,
    /// when no member is feasible, those of least total violation; never a failed
    /// evaluation. Empty before the first `tell`.
    fn result(&self) -> Solutions {
        self.pop
            .select(|i| self.pop.rank[i] == 0 && !self.pop.failed[i])
    }
}

/// NSGA-II whose offspring come from a [`Variation`](crate::Variation): an [`Algorithm`]
/// whose `ask` is [`Nsga2::ask_with`], so [`minimize`](crate::minimize) and every other
/// ask/tell loop can drive it unchanged. `N` is `Nsga2` itself or `&mut Nsga2`, so the
/// pair can own the algorithm or lend it.
#[derive(Debug)]
pub struct Nsga2WithVariation<N, V> {
    nsga2: N,
    op: V,
}

impl Nsga2 {
    /// This NSGA-II, borrowed, with offspring made by `op` (see [`Nsga2::ask_with`]).
    pub fn with_variation<V: crate::Variation>(
        &mut self,
        op: V,
    ) -> Nsga2WithVariation<&mut Self, V> {
        Nsga2WithVariation { nsga2: self, op }
    }
}

impl<V: crate::Variation> Nsga2WithVariation<Nsga2, V> {
    /// NSGA-II, owned, with offspring made by `op`.
    pub fn new(nsga2: Nsga2, op: V) -> Self {
        Self { nsga2, op }
    }
}

impl<N: BorrowMut<Nsga2>, V> Nsga2WithVariation<N, V> {
    /// The algorithm.
    pub fn nsga2(&self) -> &Nsga2 {
        self.nsga2.borrow()
    }

    /// The source of offspring.
    pub fn variation(&self) -> &V {
        &self.op
    }
}

impl<N: BorrowMut<Nsga2>, V: crate::Variation> Algorithm for Nsga2WithVariation<N, V> {
    fn ask(&mut self) -> Result<Batch<'_>> {
        self.nsga2.borrow_mut().ask_with(&mut self.op)
    }

    fn tell(&mut self, f: &[f64], g: Option<&[f64]>) -> Result<()> {
        self.nsga2.borrow_mut().tell(f, g)
    }

    fn n_var(&self) -> usize {
        self.nsga2().n_var()
    }

    fn n_obj(&self) -> usize {
        self.nsga2().n_obj()
    }

    fn n_constr(&self) -> usize {
        self.nsga2().n_constr()
    }

    fn n_gen(&self) -> usize {
        self.nsga2().n_gen()
    }

    fn n_eval(&self) -> usize {
        self.nsga2().n_eval()
    }

    fn result(&self) -> Solutions {
        self.nsga2().result()
    }
}
