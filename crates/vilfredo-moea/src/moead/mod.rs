//! MOEA/D: Zhang & Li (2007), "MOEA/D: A multiobjective evolutionary algorithm based on
//! decomposition", IEEE Transactions on Evolutionary Computation 11(6); with the
//! neighbourhood mating probability `δ` and the replacement limit `n_r` of Li & Zhang
//! (2009), "Multiobjective optimization problems with complicated Pareto sets, MOEA/D and
//! NSGA-II", IEEE Transactions on Evolutionary Computation 13(2).
//!
//! Each weight vector defines a scalar subproblem (Tchebycheff or PBI around the ideal
//! point); each subproblem keeps one solution and mates within its `T` nearest
//! neighbours. A solution replaces at most `n_r` others, so a good one does not take
//! over the whole neighbourhood at once.
//!
//! **Batch form.** The papers make, evaluate and insert offspring one at a time. Here one
//! generation is one batch: [`ask`](Algorithm::ask) makes one offspring per subproblem
//! (in a random order of the subproblems) from the population as it stands, and
//! [`tell`](Algorithm::tell) inserts them one after the other in that order, updating
//! the ideal point and the neighbours' solutions exactly as the sequential algorithm
//! would. The only difference is that parents are drawn from the population at the start
//! of the generation rather than after the previous insertions; that is what lets a whole
//! generation be evaluated in parallel. [`MoeadConfig::sequential`] restores the papers'
//! loop (one offspring per batch), which converges faster per evaluation: on ZDT6 the
//! batch form is significantly behind pymoo's sequential `MOEAD` at 25,000 evaluations,
//! the sequential form is not (BENCHMARKS.md).

pub mod decomposition;
mod state;

pub use decomposition::Decomposition;
pub use state::MoeadState;

use crate::evaluated::Evaluated;
use crate::mating::{Operators, operators_of};
use crate::operators::{
    BitFlip, DifferentialEvolution, PolynomialMutation, RandomReset, Sbx, UniformCrossover,
    random_sample, repair,
};
use crate::progress::{Progress, progress_accessors};
use crate::told::{check_directions, check_n_obj};
use crate::{Algorithm, Batch, NanPolicy, Solutions, Space};
use vilfredo_core::{Error, PointsView, Problem, Result};
use vilfredo_pareto::scalarize::Scalarization;

/// How MOEA/D makes an offspring from its mating pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum MoeadVariation {
    /// SBX on two distinct parents from the pool, one of the two children kept at random,
    /// then polynomial mutation (Zhang & Li 2007; pymoo's default).
    #[default]
    Sbx,
    /// DE/rand/1/bin with the subproblem's own solution as base and target and two
    /// distinct members of the pool for the difference, then polynomial mutation
    /// (MOEA/D-DE, Li & Zhang 2009).
    De,
}

/// Settings of [`Moead`]; the defaults follow pymoo 0.6.2's `MOEAD` (`T = 20`,
/// `δ = 0.9`, SBX with `η = 20` on every pair, polynomial mutation with `η = 20` applied
/// to an offspring with probability 0.9 and to each variable with probability `1/n_var`,
/// Tchebycheff) with Li & Zhang's `n_r = 2`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
// A state of another algorithm must not pass for this one\'s (see `from_state`).
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MoeadConfig {
    /// Neighbourhood size `T`: each subproblem mates with, and replaces among, its `T`
    /// nearest weight vectors (itself included); larger than the number of weight vectors
    /// means all of them. At least 2 (3 with [`MoeadVariation::De`]).
    pub n_neighbors: usize,
    /// Probability `δ` that the mating pool (and the replacement pool) is the
    /// neighbourhood rather than the whole population.
    pub prob_neighbor_mating: f64,
    /// Most solutions one offspring may replace (`n_r`, at least 1).
    pub max_replacements: usize,
    /// The scalarizing function of the subproblems.
    pub decomposition: Decomposition,
    /// How offspring are made.
    pub variation: MoeadVariation,
    /// Seed of the random number generator: same seed, same run.
    pub seed: u64,
    /// Crossover of real and integer variables with [`MoeadVariation::Sbx`].
    pub crossover: Sbx,
    /// Differential evolution with [`MoeadVariation::De`] (Li & Zhang use `F = 0.5`,
    /// `CR = 1`).
    pub de: DifferentialEvolution,
    /// Mutation of real and integer variables, after either variation.
    pub mutation: PolynomialMutation,
    /// Crossover of binary variables with [`MoeadVariation::Sbx`].
    pub binary_crossover: UniformCrossover,
    /// Mutation of binary variables.
    pub binary_mutation: BitFlip,
    /// Mutation of categorical variables (their crossover is `binary_crossover`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub categorical_mutation: RandomReset,
    /// What a NaN or infinite objective or constraint value told to `tell` means.
    pub nan_policy: NanPolicy,
    /// Zhang & Li's sequential loop instead of the batch form: [`ask`](Algorithm::ask)
    /// makes one offspring at a time, from the population as the previous insertion left
    /// it, visiting the subproblems in a fresh random order on each pass (as pymoo's
    /// `MOEAD`). Every batch after the first is then one evaluation, so give budgets in
    /// evaluations. Off by default (the batch form evaluates a whole generation at once);
    /// on ZDT6 with 25,000 evaluations it reaches a higher hypervolume (BENCHMARKS.md).
    #[cfg_attr(feature = "serde", serde(default))]
    pub sequential: bool,
}

impl Default for MoeadConfig {
    fn default() -> Self {
        Self {
            n_neighbors: 20,
            prob_neighbor_mating: 0.9,
            max_replacements: 2,
            decomposition: Decomposition::Tchebycheff,
            variation: MoeadVariation::Sbx,
            seed: 0,
            crossover: Sbx {
                eta: 20.0,
                prob: 1.0,
                ..Sbx::default()
            },
            de: DifferentialEvolution { f: 0.5, cr: 1.0 },
            mutation: PolynomialMutation {
                prob: 0.9,
                ..PolynomialMutation::default()
            },
            binary_crossover: UniformCrossover::default(),
            binary_mutation: BitFlip::default(),
            categorical_mutation: RandomReset::default(),
            nan_policy: NanPolicy::Error,
            sequential: false,
        }
    }
}

impl MoeadConfig {
    /// Checks every setting.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the first bad option.
    pub fn validate(&self) -> Result<()> {
        let least = match self.variation {
            MoeadVariation::Sbx => 2,
            MoeadVariation::De => 3,
        };
        if self.n_neighbors < least {
            return Err(Error::InvalidArgument {
                name: "n_neighbors",
                reason: format!(
                    "the neighbourhood must hold at least {least} weight vectors for {:?} \
                     variation, got {}",
                    self.variation, self.n_neighbors
                ),
            });
        }
        if self.max_replacements == 0 {
            return Err(Error::InvalidArgument {
                name: "max_replacements",
                reason: "an offspring must be allowed to replace at least 1 solution".into(),
            });
        }
        crate::operators::check_probability("prob_neighbor_mating", self.prob_neighbor_mating)?;
        self.decomposition.scalarization()?;
        self.de.validate()?;
        self.operators().validate()
    }

    /// The crossover and mutation operators (duplicates are not eliminated).
    fn operators(&self) -> Operators {
        operators_of!(self, false)
    }
}

/// Checks weight vectors for `n_obj` objectives and a variation needing `least` of them.
fn check_weights(weights: PointsView<'_>, n_obj: usize, least: usize) -> Result<()> {
    let noun = ("weight vector", "weight vectors");
    check_directions(weights, n_obj, ("weights", noun), least, || {
        format!(
            "MOEA/D needs at least {least} weight vectors (one per subproblem), got {}",
            weights.n_points()
        )
    })
}

/// MOEA/D (Zhang & Li 2007, IEEE TEVC 11(6); `δ` and `n_r` from Li & Zhang 2009, IEEE
/// TEVC 13(2)), driven by ask/tell; see the module documentation for the batch form.
///
/// The population size is the number of weight vectors: solution `i` is the incumbent of
/// subproblem `i`. Constraints are handled in the replacement step by Deb's feasibility
/// rules (a feasible solution beats an infeasible one, two infeasible ones compare by
/// total violation). The ideal point is the minimum of every objective vector told so far
/// (failed evaluations excepted), feasible or not, as in Zhang & Li.
///
/// Generations are counted as in pymoo: the initial population is generation 1.
#[derive(Debug, Clone)]
pub struct Moead {
    config: MoeadConfig,
    run: Progress,
    /// Weight vectors, row-major.
    weights: Vec<f64>,
    neighbours: Vec<Vec<usize>>,
    scalarization: Scalarization,
    pop: Evaluated,
    ideal: Option<Vec<f64>>,
    /// For each row of the pending batch (after the first generation): its subproblem.
    order: Vec<usize>,
    /// For each row of the pending batch: whether its pool is the whole population.
    global: Vec<bool>,
    told: Evaluated,
    pool: Vec<usize>,
    c1: Vec<f64>,
    c2: Vec<f64>,
    /// With [`MoeadConfig::sequential`]: the order of the subproblems in the current pass,
    /// and how many of them have had their offspring told.
    pass: Vec<usize>,
    pass_done: usize,
}

impl Moead {
    /// MOEA/D on `space` with `n_obj` objectives, `n_constr` constraints and one
    /// subproblem per row of `weights`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `n_obj` is 0, a setting is invalid, or the weight
    /// vectors do not have `n_obj` components, are too few for the variation, or have a
    /// negative or all-zero row.
    pub fn new(
        space: Space,
        n_obj: usize,
        n_constr: usize,
        weights: PointsView<'_>,
        config: MoeadConfig,
    ) -> Result<Self> {
        check_n_obj(n_obj)?;
        config.validate()?;
        let least = if config.variation == MoeadVariation::De {
            3
        } else {
            2
        };
        check_weights(weights, n_obj, least)?;
        let t = config.n_neighbors.min(weights.n_points());
        let n_var = space.n_var();
        Ok(Self {
            config,
            neighbours: decomposition::neighbourhoods(weights.as_slice(), n_obj, t),
            scalarization: config.decomposition.scalarization()?,
            weights: weights.as_slice().to_vec(),
            pop: Evaluated::new(n_var, n_obj, n_constr),
            ideal: None,
            order: Vec::new(),
            global: Vec::new(),
            told: Evaluated::new(n_var, n_obj, n_constr),
            pool: Vec::new(),
            c1: Vec::new(),
            c2: Vec::new(),
            pass: Vec::new(),
            pass_done: 0,
            run: Progress::new(space, config.seed),
        })
    }

    /// MOEA/D for `problem`: its space, objectives and constraints.
    ///
    /// # Errors
    /// As [`Space::of_problem`] and [`Moead::new`].
    pub fn for_problem(
        problem: &dyn Problem,
        weights: PointsView<'_>,
        config: MoeadConfig,
    ) -> Result<Self> {
        Self::new(
            Space::of_problem(problem)?,
            problem.n_obj(),
            problem.n_constr(),
            weights,
            config,
        )
    }

    /// The settings.
    pub fn config(&self) -> &MoeadConfig {
        &self.config
    }

    /// The population size: the number of weight vectors.
    pub fn pop_size(&self) -> usize {
        self.weights.len() / self.pop.n_obj
    }

    /// The decision space.
    pub fn space(&self) -> &Space {
        &self.run.space
    }

    /// The weight vectors, row-major.
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// The neighbourhood of each subproblem, nearest first.
    pub fn neighbours(&self) -> &[Vec<usize>] {
        &self.neighbours
    }

    /// The ideal point so far (`None` before any successful evaluation).
    pub fn ideal(&self) -> Option<&[f64]> {
        self.ideal.as_deref()
    }

    /// Decision vectors of the population (row `i` solves subproblem `i`), row-major.
    pub fn x(&self) -> &[f64] {
        &self.pop.x
    }

    /// Objective values of the population, row-major.
    pub fn f(&self) -> &[f64] {
        &self.pop.f
    }

    /// Constraint values of the population, row-major.
    pub fn g(&self) -> &[f64] {
        &self.pop.g
    }

    /// The current population as [`Solutions`].
    pub fn population(&self) -> Solutions {
        self.pop.select(|_| true)
    }

    /// Fills the pool of subproblem `i`: its neighbourhood, or everyone when `global`.
    fn fill_pool(&mut self, i: usize, global: bool) {
        self.pool.clear();
        if global {
            self.pool.extend(0..self.pop.len());
        } else {
            self.pool.extend_from_slice(&self.neighbours[i]);
        }
    }

    /// Two distinct positions of the pool (which holds at least 2 members).
    fn two_from_pool(&mut self) -> (usize, usize) {
        let n = self.pool.len() as u64;
        let a = self.run.rng.below(n) as usize;
        let mut b = self.run.rng.below(n - 1) as usize;
        if b >= a {
            b += 1;
        }
        (self.pool[a], self.pool[b])
    }

    /// A random order of the `n` subproblems, into `out`.
    fn shuffled(&mut self, n: usize, out: &mut Vec<usize>) {
        out.clear();
        out.extend(0..n);
        for i in (1..n).rev() {
            let j = self.run.rng.below(i as u64 + 1) as usize;
            out.swap(i, j);
        }
    }

    /// Makes the offspring of every subproblem, in a random order, into the batch; or,
    /// with [`MoeadConfig::sequential`], the offspring of the next subproblem of the pass.
    fn make_offspring(&mut self) {
        let n = self.pop.len();
        let nv = self.run.space.n_var();
        let mut order = std::mem::take(&mut self.order);
        if self.config.sequential {
            if self.pass_done >= self.pass.len() {
                let mut pass = std::mem::take(&mut self.pass);
                self.shuffled(n, &mut pass);
                self.pass = pass;
                self.pass_done = 0;
            }
            order.clear();
            order.push(self.pass[self.pass_done]);
        } else {
            self.shuffled(n, &mut order);
        }
        self.order = order;
        self.global.clear();
        self.run.batch.clear();
        self.c1.resize(nv, 0.0);
        self.c2.resize(nv, 0.0);
        for k in 0..self.order.len() {
            let i = self.order[k];
            self.offspring_for(i);
        }
    }

    /// Makes one offspring for subproblem `i` and appends it to the batch.
    fn offspring_for(&mut self, i: usize) {
        let cfg = self.config;
        let global = self.run.rng.next_f64() >= cfg.prob_neighbor_mating;
        self.global.push(global);
        self.fill_pool(i, global);
        let (a, b) = self.two_from_pool();
        match cfg.variation {
            MoeadVariation::Sbx => {
                self.c1.copy_from_slice(self.pop.x_row(a));
                self.c2.copy_from_slice(self.pop.x_row(b));
                cfg.crossover.apply(
                    &self.run.space,
                    &mut self.c1,
                    &mut self.c2,
                    &mut self.run.rng,
                );
                cfg.binary_crossover.apply(
                    &self.run.space,
                    &mut self.c1,
                    &mut self.c2,
                    &mut self.run.rng,
                );
                if self.run.rng.next_f64() < 0.5 {
                    std::mem::swap(&mut self.c1, &mut self.c2);
                }
            }
            MoeadVariation::De => {
                let target = self.pop.x_row(i);
                cfg.de.apply(
                    &self.run.space,
                    target,
                    [target, self.pop.x_row(a), self.pop.x_row(b)],
                    &mut self.c1,
                    &mut self.run.rng,
                );
            }
        }
        cfg.mutation
            .apply(&self.run.space, &mut self.c1, &mut self.run.rng);
        cfg.binary_mutation
            .apply(&self.run.space, &mut self.c1, &mut self.run.rng);
        cfg.categorical_mutation
            .apply(&self.run.space, &mut self.c1, &mut self.run.rng);
        repair(&self.run.space, &mut self.c1);
        self.run.batch.extend_from_slice(&self.c1);
    }

    /// Lowers the ideal point to `f` (unless `f` is a failed evaluation).
    fn update_ideal(&mut self, f: &[f64], failed: bool) {
        if failed {
            return;
        }
        match &mut self.ideal {
            Some(z) => z.iter_mut().zip(f).for_each(|(z, &v)| *z = z.min(v)),
            None => self.ideal = Some(f.to_vec()),
        }
    }

    /// Inserts offspring `k` of `self.told` for subproblem `i`: replaces at most `n_r`
    /// members of the pool, visited in random order, that it beats.
    fn insert(&mut self, k: usize, i: usize, global: bool) {
        let m = self.pop.n_obj;
        self.fill_pool(i, global);
        for a in (1..self.pool.len()).rev() {
            let b = self.run.rng.below(a as u64 + 1) as usize;
            self.pool.swap(a, b);
        }
        let Some(z) = self.ideal.as_deref() else {
            return;
        };
        let (cand_f, cand_cv) = (self.told.f_row(k), self.told.cv[k]);
        let mut replaced = 0;
        for &j in &self.pool {
            if replaced == self.config.max_replacements {
                break;
            }
            let w = &self.weights[j * m..(j + 1) * m];
            let cand = self.scalarization.value(cand_f, w, z);
            let cur = self.scalarization.value(self.pop.f_row(j), w, z);
            if decomposition::replaces(cand_cv, cand, self.pop.cv[j], cur) {
                self.pop.set_from(j, &self.told, k);
                replaced += 1;
            }
        }
    }
}

impl Algorithm for Moead {
    /// The initial population (row `i` for subproblem `i`) on the first call, then one
    /// offspring per subproblem in a random order of the subproblems; asking again before
    /// telling returns the same batch.
    fn ask(&mut self) -> Result<Batch<'_>> {
        if !self.run.pending {
            if self.pop.len() == 0 {
                let nv = self.run.space.n_var();
                self.run.batch.clear();
                self.run.batch.resize(self.pop_size() * nv, 0.0);
                random_sample(&self.run.space, &mut self.run.batch, &mut self.run.rng);
                self.order.clear();
                self.global.clear();
            } else {
                self.make_offspring();
            }
            self.run.pending = true;
        }
        Ok(self.run.batch())
    }

    /// Takes the values of the pending batch: the initial population becomes the
    /// incumbents and sets the ideal point; offspring are inserted one after the other.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when no batch is pending; [`Error::DimensionMismatch`]
    /// when `f` is not `len × n_obj` or `g` not `len × n_constr`; [`Error::NonFinite`]
    /// naming the row and column of a NaN or infinite value (unless
    /// [`MoeadConfig::nan_policy`] is [`NanPolicy::Infeasible`]).
    /// On error nothing changes and the batch stays pending.
    fn tell(&mut self, f: &[f64], g: Option<&[f64]>) -> Result<()> {
        let n = self
            .run
            .check_tell(&self.pop, f, g, self.config.nan_policy)?;
        let g = g.unwrap_or(&[]);
        let m = self.pop.n_obj;
        if self.pop.len() == 0 {
            self.pop.extend(&self.run.batch, f, g);
            for i in 0..n {
                let (fi, bad) = (f[i * m..(i + 1) * m].to_vec(), self.pop.failed[i]);
                self.update_ideal(&fi, bad);
            }
        } else {
            self.told.clear();
            self.told.extend(&self.run.batch, f, g);
            for k in 0..n {
                let fk = self.told.f_row(k).to_vec();
                self.update_ideal(&fk, self.told.failed[k]);
                self.insert(k, self.order[k], self.global[k]);
            }
            if self.config.sequential {
                self.pass_done += 1;
            }
        }
        self.run.told(n);
        Ok(())
    }

    progress_accessors!(run, pop);

    /// The feasible non-dominated members of the population (duplicates included, as
    /// several subproblems may share a solution), or, when none is feasible, those of
    /// least total violation; never a failed evaluation. Empty before the first `tell`.
    fn result(&self) -> Solutions {
        self.pop.best()
    }
}
