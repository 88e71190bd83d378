//! NSGA-III: Deb & Jain (2014), "An evolutionary many-objective optimization algorithm
//! using reference-point-based nondominated sorting approach, Part I: Solving problems
//! with box constraints", IEEE Transactions on Evolutionary Computation 18(4); the
//! constraint handling of Jain & Deb (2014), Part II, same issue.
//!
//! One generation: parents picked at random (by violation when there are constraints),
//! SBX and polynomial mutation make `pop_size` offspring, and of parents and offspring
//! together the best `pop_size` survive: whole non-dominated fronts while they fit, then
//! members of the split front chosen to fill the reference directions evenly, after
//! normalizing the objectives by the ideal point and the intercepts of the hyperplane
//! through the extreme points (see `normalize`).
//!
//! The reference directions are the user's (for example
//! [`vilfredo_core::design::das_dennis`]); they set both where solutions go and, by
//! default, the population size.

mod niching;
pub(crate) mod normalize;
mod state;
mod survival;
mod variation;

pub use normalize::NormalizationMemory;
pub use state::Nsga3State;

use crate::evaluated::Evaluated;
use crate::mating::{Operators, operators_of};
use crate::operators::{BitFlip, PolynomialMutation, RandomReset, Sbx, UniformCrossover};
use crate::progress::{Progress, progress_accessors};
use crate::told::{check_directions, check_n_obj, check_pop_size};
use crate::{Algorithm, Batch, NanPolicy, Solutions, Space};
use variation::Scratch;
use vilfredo_core::{PointsView, Problem, Result};

/// Settings of [`Nsga3`]; the defaults are pymoo 0.6.2's NSGA-III defaults (SBX with
/// `η = 30` applied to every pair; polynomial mutation with `η = 20`, applied to an
/// offspring with probability 0.9, pymoo's `PM` default, and to each of its variables
/// with probability `1/n_var`).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
// A state of another algorithm must not pass for this one\'s (see `from_state`).
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Nsga3Config {
    /// Population size, and number of offspring per generation; `None` (the default)
    /// takes the number of reference directions rounded up to a multiple of 4, as in
    /// Deb & Jain (2014, Table I: 91 directions, population 92).
    pub pop_size: Option<usize>,
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

impl Default for Nsga3Config {
    fn default() -> Self {
        Self {
            pop_size: None,
            seed: 0,
            crossover: Sbx {
                eta: 30.0,
                prob: 1.0,
                ..Sbx::default()
            },
            mutation: PolynomialMutation {
                prob: 0.9,
                ..PolynomialMutation::default()
            },
            binary_crossover: UniformCrossover::default(),
            binary_mutation: BitFlip::default(),
            categorical_mutation: RandomReset::default(),
            eliminate_duplicates: true,
            nan_policy: NanPolicy::Error,
        }
    }
}

impl Nsga3Config {
    /// Checks every setting that does not depend on the reference directions.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the first bad option.
    pub fn validate(&self) -> Result<()> {
        if let Some(n) = self.pop_size {
            check_pop_size("NSGA-III", n)?;
        }
        self.operators().validate()
    }

    /// The variation operators, duplicates eliminated as configured.
    pub(crate) fn operators(&self) -> Operators {
        operators_of!(self, self.eliminate_duplicates)
    }
}

/// The population size NSGA-III uses by default for `n_dirs` reference directions: the
/// smallest multiple of 4 that is at least `n_dirs` (Deb & Jain 2014, §V), and at least 4.
pub fn nsga3_pop_size(n_dirs: usize) -> usize {
    n_dirs.div_ceil(4).max(1) * 4
}

/// Checks reference directions for `n_obj` objectives: at least one row, every value
/// finite and non-negative, no row all zero.
fn check_dirs(dirs: PointsView<'_>, n_obj: usize) -> Result<()> {
    let noun = ("direction", "reference directions");
    check_directions(dirs, n_obj, ("ref_dirs", noun), 1, || {
        "at least one reference direction is needed".into()
    })
}

/// NSGA-III (Deb & Jain 2014, IEEE TEVC 18(4)), driven by ask/tell.
///
/// The first [`ask`](Algorithm::ask) returns `pop_size` random vectors; every later one
/// returns `pop_size` offspring of parents drawn by binary tournament on violation (a coin
/// between feasible parents), made by SBX and polynomial mutation (uniform crossover and
/// bit flip for binary variables), with duplicates redrawn. [`tell`](Algorithm::tell)
/// keeps the best `pop_size` of parents and offspring: feasible ones by non-dominated
/// sorting and reference-direction niching, then infeasible ones by total violation.
/// The initial population goes through the same survival (it only updates the
/// normalization and orders the members).
///
/// Generations are counted as in pymoo: the initial population is generation 1.
#[derive(Debug, Clone)]
pub struct Nsga3 {
    config: Nsga3Config,
    pop_size: usize,
    run: Progress,
    /// Reference directions, row-major, `n_obj` columns.
    dirs: Vec<f64>,
    pop: Evaluated,
    memory: Option<NormalizationMemory>,
    merged: Evaluated,
    scratch: Scratch,
}

impl Nsga3 {
    /// NSGA-III on `space` with `n_obj` objectives, `n_constr` constraints and the
    /// reference directions `ref_dirs` (one row of `n_obj` values each).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `n_obj` is 0, when a setting is invalid, or when
    /// the reference directions do not have `n_obj` components, are empty, or have a
    /// negative or all-zero row.
    pub fn new(
        space: Space,
        n_obj: usize,
        n_constr: usize,
        ref_dirs: PointsView<'_>,
        config: Nsga3Config,
    ) -> Result<Self> {
        check_n_obj(n_obj)?;
        config.validate()?;
        check_dirs(ref_dirs, n_obj)?;
        let pop_size = config
            .pop_size
            .unwrap_or_else(|| nsga3_pop_size(ref_dirs.n_points()));
        let n_var = space.n_var();
        Ok(Self {
            config,
            pop_size,
            dirs: ref_dirs.as_slice().to_vec(),
            pop: Evaluated::new(n_var, n_obj, n_constr),
            memory: None,
            merged: Evaluated::new(n_var, n_obj, n_constr),
            scratch: Scratch::default(),
            run: Progress::new(space, config.seed),
        })
    }

    /// NSGA-III for `problem`: its space, objectives and constraints.
    ///
    /// # Errors
    /// As [`Space::of_problem`] and [`Nsga3::new`].
    pub fn for_problem(
        problem: &dyn Problem,
        ref_dirs: PointsView<'_>,
        config: Nsga3Config,
    ) -> Result<Self> {
        Self::new(
            Space::of_problem(problem)?,
            problem.n_obj(),
            problem.n_constr(),
            ref_dirs,
            config,
        )
    }

    /// The settings.
    pub fn config(&self) -> &Nsga3Config {
        &self.config
    }

    /// The population size in use (from the settings or the reference directions).
    pub fn pop_size(&self) -> usize {
        self.pop_size
    }

    /// The decision space.
    pub fn space(&self) -> &Space {
        &self.run.space
    }

    /// The reference directions, row-major.
    pub fn ref_dirs(&self) -> &[f64] {
        &self.dirs
    }

    /// What normalization has learnt so far (ideal point, worst point, extreme points);
    /// `None` until a feasible solution has been told.
    pub fn normalization(&self) -> Option<&NormalizationMemory> {
        self.memory.as_ref()
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

    /// The current population as [`Solutions`].
    pub fn population(&self) -> Solutions {
        self.pop.select(|_| true)
    }
}

impl Algorithm for Nsga3 {
    /// The initial population on the first call, offspring afterwards; asking again
    /// before telling returns the same batch.
    fn ask(&mut self) -> Result<Batch<'_>> {
        let (config, n, pop, scratch) = (&self.config, self.pop_size, &self.pop, &mut self.scratch);
        self.run.ask(|space, rng, batch| {
            if pop.len() == 0 {
                variation::initial(space, config, n, rng, scratch, batch);
            } else {
                variation::offspring(space, config, n, pop, rng, scratch, batch);
            }
            Ok(())
        })
    }

    /// Takes the values of the pending batch and runs survival.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when no batch is pending; [`Error::DimensionMismatch`]
    /// when `f` is not `len × n_obj` or `g` not `len × n_constr`; [`Error::NonFinite`]
    /// naming the row and column of a NaN or infinite value (unless
    /// [`Nsga3Config::nan_policy`] is [`NanPolicy::Infeasible`]).
    /// On error nothing changes and the batch stays pending.
    fn tell(&mut self, f: &[f64], g: Option<&[f64]>) -> Result<()> {
        let n = self
            .run
            .check_tell(&self.pop, f, g, self.config.nan_policy)?;
        let g = g.unwrap_or(&[]);
        self.merged.merge(&self.pop, &self.run.batch, f, g);
        // Survival changes the memory and the generator only once it cannot fail.
        let mut memory = self.memory.clone();
        let mut rng = self.run.rng.clone();
        let chosen = survival::survivors(
            &self.merged,
            self.pop_size,
            &self.dirs,
            &mut memory,
            &mut rng,
        )?;
        self.memory = memory;
        self.run.rng = rng;
        self.pop.keep(&self.merged, &chosen);
        self.run.told(n);
        Ok(())
    }

    progress_accessors!(run, pop);

    /// The feasible non-dominated members of the population, or, when no member is
    /// feasible, those of least total violation; never a failed evaluation. Empty before
    /// the first `tell`.
    fn result(&self) -> Solutions {
        self.pop.best()
    }
}
