//! SPEA2: Zitzler, Laumanns & Thiele (2001), "SPEA2: Improving the strength Pareto
//! evolutionary algorithm", TIK-Report 103, ETH Zürich.
//!
//! Each generation the archive and the new offspring are assessed together (strength,
//! raw fitness, k-th nearest neighbour density), environmental selection keeps
//! `archive_size` of them as the next archive, and binary tournaments on the archive, by
//! fitness, choose the parents of the next offspring.
//!
//! Two documented variants depart from the paper's text, both as in pymoo 0.6.2's SPEA2:
//!
//! - the tournament competitors are drawn from shuffled permutations of the archive (as
//!   in Deb's NSGA-II code), not independently with replacement, so every member enters
//!   the same number of tournaments (up to one). With the paper's independent draws (2N
//!   competitors from N members) about one member in seven (e⁻²) never competes in a
//!   generation, while others compete four times or more; on ZDT1 (population and
//!   archive 100, 100 generations, 21 seeds) that made vilfredo's SPEA2 significantly
//!   worse than pymoo's, and the permutations make it at least as good on ZDT1–3
//!   (BENCHMARKS.md);
//! - distances may be measured in normalized objectives ([`Spea2Config::normalize`], off
//!   by default).
//!
//! pymoo also gives the non-dominated members nearest the extreme points the best mating
//! fitness; that was tried and not adopted: it widened the spread of ZDT2 results (some
//! runs collapse towards an extreme) without improving ZDT1 or ZDT3 significantly.

mod fitness;
mod scale;
mod selection;
mod state;

pub use state::Spea2State;

use crate::mating::{Mating, Operators, Parents, operators_of};
use crate::nsga2::population::Population;
use crate::nsga3::NormalizationMemory;
use crate::operators::hash_row;
use crate::operators::{BitFlip, PolynomialMutation, RandomReset, Sbx, UniformCrossover};
use crate::progress::{Progress, progress_accessors};
use crate::told::check_n_obj;
use crate::{Algorithm, Batch, NanPolicy, Solutions, Space};
use vilfredo_core::{Error, Problem, Result};

/// Settings of [`Spea2`]; the variation defaults are pymoo's (SBX η 15, probability 0.9;
/// polynomial mutation η 20, probability 1/n).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
// A state of another algorithm must not pass for this one\'s (see `from_state`).
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Spea2Config {
    /// Offspring per generation, the paper's population size `N` (at least 2); also the
    /// size of the random initial population.
    pub pop_size: usize,
    /// Archive size `N̄` (at least 1; pymoo and the default use `pop_size`).
    pub archive_size: usize,
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
    /// Redraw offspring equal to an archive member or to another offspring.
    pub eliminate_duplicates: bool,
    /// What a NaN or infinite objective or constraint value told to `tell` means.
    pub nan_policy: NanPolicy,
    /// Measure distances (density and truncation) in objectives normalized by the ideal
    /// point and the nadir estimated from the extreme points, remembered across
    /// generations as in NSGA-III (pymoo's SPEA2 default), instead of the paper's raw
    /// objectives. Off by default: on ZDT1–3 it made no significant difference once
    /// mating used permutation tournaments (BENCHMARKS.md), and it matters when the
    /// objectives have very different scales.
    #[cfg_attr(feature = "serde", serde(default))]
    pub normalize: bool,
}

impl Default for Spea2Config {
    fn default() -> Self {
        Self {
            pop_size: 100,
            archive_size: 100,
            seed: 0,
            crossover: Sbx::default(),
            mutation: PolynomialMutation::default(),
            binary_crossover: UniformCrossover::default(),
            binary_mutation: BitFlip::default(),
            categorical_mutation: RandomReset::default(),
            eliminate_duplicates: true,
            nan_policy: NanPolicy::Error,
            normalize: false,
        }
    }
}

impl Spea2Config {
    /// Checks every setting.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the first bad option.
    pub fn validate(&self) -> Result<()> {
        // The assessment is quadratic in memory: keep it within sane sizes.
        const MAX: usize = 1 << 15;
        for (name, value, least) in [
            ("pop_size", self.pop_size, 2),
            ("archive_size", self.archive_size, 1),
        ] {
            if value < least || value > MAX {
                return Err(Error::InvalidArgument {
                    name,
                    reason: format!("SPEA2 needs {least} to {MAX}, got {value}"),
                });
            }
        }
        self.operators().validate()
    }

    /// The variation operators, duplicates eliminated as configured.
    pub(crate) fn operators(&self) -> Operators {
        operators_of!(self, self.eliminate_duplicates)
    }
}

/// SPEA2 (Zitzler, Laumanns & Thiele 2001, "SPEA2: Improving the strength Pareto
/// evolutionary algorithm", TIK-Report 103), driven by ask/tell.
///
/// The first [`ask`](Algorithm::ask) returns `pop_size` random vectors; every later one
/// returns `pop_size` offspring of parents chosen by binary tournaments on the archive,
/// competitors drawn from shuffled permutations of it (lower fitness wins, a coin decides
/// ties), made by SBX and polynomial mutation (uniform crossover and bit flip for binary
/// variables), duplicates redrawn.
/// [`tell`](Algorithm::tell) assesses the archive and the offspring together and keeps
/// `archive_size` of them by environmental selection (non-dominated first, filled up by
/// fitness or truncated by nearest-neighbour distances).
///
/// Fitness is raw fitness (the strengths of a member's dominators) plus density
/// `1 / (σᵏ + 2)` from the Euclidean distance in objective space (raw, as in the paper,
/// or normalized with [`Spea2Config::normalize`]) to the k-th nearest other member,
/// `k = ⌊√(archive + offspring)⌋`.
/// Constraints enter through constrained domination (Deb 2000), so the feasible come
/// first and the infeasible are ordered by total violation.
#[derive(Debug, Clone)]
pub struct Spea2 {
    config: Spea2Config,
    run: Progress,
    /// The archive, with its constrained ranks among itself (for the result).
    archive: Population,
    /// Fitness of each archive member, from the assessment that selected it.
    fitness: Vec<f64>,
    merged: Population,
    mating: Mating,
    memory: Option<NormalizationMemory>,
}

impl Spea2 {
    /// SPEA2 on `space` with `n_obj` objectives and `n_constr` constraints.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `n_obj` is 0 or a setting is invalid.
    pub fn new(space: Space, n_obj: usize, n_constr: usize, config: Spea2Config) -> Result<Self> {
        check_n_obj(n_obj)?;
        config.validate()?;
        let n_var = space.n_var();
        Ok(Self {
            config,
            archive: Population::new(n_var, n_obj, n_constr),
            fitness: Vec::new(),
            merged: Population::new(n_var, n_obj, n_constr),
            mating: Mating::default(),
            memory: None,
            run: Progress::new(space, config.seed),
        })
    }

    /// SPEA2 for `problem`: its space, objectives and constraints.
    ///
    /// # Errors
    /// As [`Space::of_problem`] and [`Spea2::new`].
    pub fn for_problem(problem: &dyn Problem, config: Spea2Config) -> Result<Self> {
        Self::new(
            Space::of_problem(problem)?,
            problem.n_obj(),
            problem.n_constr(),
            config,
        )
    }

    /// The settings.
    pub fn config(&self) -> &Spea2Config {
        &self.config
    }

    /// The decision space.
    pub fn space(&self) -> &Space {
        &self.run.space
    }

    /// Objective values of the archive, row-major.
    pub fn f(&self) -> &[f64] {
        &self.archive.f
    }

    /// Decision vectors of the archive, row-major.
    pub fn x(&self) -> &[f64] {
        &self.archive.x
    }

    /// The SPEA2 fitness of each archive member (lower is better; below 1 for the
    /// non-dominated), as computed when the archive was selected.
    pub fn fitness(&self) -> &[f64] {
        &self.fitness
    }

    /// What normalization has learnt so far (ideal point, worst point, extreme points);
    /// `None` without [`Spea2Config::normalize`] or until a feasible solution is told.
    pub fn normalization(&self) -> Option<&NormalizationMemory> {
        self.memory.as_ref()
    }

    /// The archive as [`Solutions`].
    pub fn archive(&self) -> Solutions {
        self.archive.select(|_| true)
    }
}

impl Algorithm for Spea2 {
    /// The initial population on the first call, offspring of the archive afterwards;
    /// asking again before telling returns the same batch.
    fn ask(&mut self) -> Result<Batch<'_>> {
        let (config, archive, mating) = (&self.config, &self.archive, &mut self.mating);
        let fitness = &self.fitness;
        self.run.ask(|space, rng, batch| {
            let ops = config.operators();
            if archive.len() == 0 {
                mating.initial(space, &ops, config.pop_size, rng, batch, None);
            } else {
                let nv = space.n_var();
                batch.clear();
                if ops.eliminate_duplicates {
                    mating.dup.reset(nv);
                    for row in archive.x.chunks_exact(nv) {
                        mating.dup.insert_hashed(row, hash_row(row));
                    }
                }
                // The tournament keys are (rank, larger second key): every rank equal and
                // minus the fitness as second key compare by fitness, a coin on ties.
                let same = vec![0usize; fitness.len()];
                let minus: Vec<f64> = fitness.iter().map(|v| -v).collect();
                let parents = Parents::Tournament(&same, &minus);
                let n = config.pop_size;
                mating.breed(space, &ops, &archive.x, parents, n, rng, batch, None);
            }
            Ok(())
        })
    }

    /// Takes the values of the pending batch and selects the next archive.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when no batch is pending; [`Error::DimensionMismatch`]
    /// when `f` or `g` has the wrong size; [`Error::NonFinite`] naming the row and column
    /// of a NaN or infinite value (unless the NaN policy is
    /// [`NanPolicy::Infeasible`]). On error nothing changes and the batch stays pending.
    fn tell(&mut self, f: &[f64], g: Option<&[f64]>) -> Result<()> {
        let n = self
            .run
            .check_tell(&self.archive, f, g, self.config.nan_policy)?;
        let g = g.unwrap_or(&[]);
        self.merged.merge(&self.archive, &self.run.batch, f, g);
        let mut memory = self.memory.clone();
        let scaled = if self.config.normalize {
            scale::normalized(&self.merged, &mut memory)
        } else {
            None
        };
        let space = scaled.as_deref().unwrap_or(&self.merged.f);
        let (fit, dist) = fitness::fitness(&self.merged, space);
        let kept = selection::environmental(&fit, &dist, self.config.archive_size);
        self.memory = memory;
        self.archive.clear();
        self.fitness.clear();
        for &i in &kept {
            self.archive.push_from(&self.merged, i);
            self.fitness.push(fit[i]);
        }
        self.archive.rank = self.archive.ranks()?;
        self.run.told(n);
        Ok(())
    }

    progress_accessors!(run, archive);

    /// The archive members of rank 0 among the archive (under constrained domination):
    /// the feasible non-dominated ones, or, when none is feasible, those of least total
    /// violation; never a failed evaluation.
    fn result(&self) -> Solutions {
        self.archive
            .select(|i| self.archive.rank[i] == 0 && !self.archive.failed[i])
    }
}
