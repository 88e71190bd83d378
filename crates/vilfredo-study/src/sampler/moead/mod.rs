//! Steady-state, asynchronous MOEA/D as a sampler.
//!
//! MOEA/D (Zhang & Li 2007, "MOEA/D: A multiobjective evolutionary algorithm based on
//! decomposition", IEEE TEVC 11(6)) splits the problem into one scalar subproblem per
//! weight vector (Tchebycheff or PBI around the ideal point), keeps one incumbent per
//! subproblem and breeds each subproblem's child from its `T` nearest neighbours. Li &
//! Zhang (2009, "Multiobjective optimization problems with complicated Pareto sets,
//! MOEA/D and NSGA-II", IEEE TEVC 13(2)) add the probability `δ` of mating within the
//! neighbourhood (else over every subproblem), the limit `n_r` on replacements, and
//! DE/rand/1/bin as variation (MOEA/D-DE). The papers already make, evaluate and insert
//! one child at a time; here that loop is spread over trials:
//!
//! - `schedule`: trial `k` belongs to a subproblem taken from a seeded permutation of
//!   the subproblems per cycle of `n` trials; its mating pool flag and its replacement
//!   order are keyed by the trial number too;
//! - `incumbents`: when a trial finishes (in any worker, in any order), it lowers the
//!   ideal point and, if its subproblem is still empty, becomes its incumbent (the
//!   initial phase: one random trial per subproblem); else it replaces up to `n_r`
//!   incumbents of its pool that it beats, feasibility first;
//! - the sampler: a new trial whose subproblem has an incumbent gets a child of two
//!   incumbents of its pool (SBX and polynomial mutation on the unit cube, or DE), bred
//!   with [`evolution`](super::evolution)'s operators; otherwise a random vector.
//!   Children equal to a finished, running or planned trial are bred again, as in the
//!   NSGA samplers.
//!
//! The state is a function of the finished trials in finishing order (read from the
//! history) and the seed, so every process sharing a storage, and a resumed study,
//! rebuilds the same incumbents. Failed and pruned trials change nothing.

mod incumbents;
mod options;
mod schedule;
mod subproblems;

use std::sync::Arc;

use vilfredo_core::rng::SplitMix64;

use super::evolution::member::{Member, common_space};
use super::evolution::planner::{Breed, Planner, SpaceOps};
use super::evolution::variation::{Crossover, Variation};
use super::{Sampler, SamplerContext};
use crate::distribution::Distribution;
use crate::error::Result;
use crate::frozen::FrozenTrial;
use incumbents::Incumbents;
pub use options::{DECOMPOSITIONS, MoeadOptions};
use schedule::{Purpose, Schedule, keyed};
use subproblems::Subproblems;
pub use vilfredo_moea::operators::DifferentialEvolution;
pub use vilfredo_moea::{Decomposition, MoeadVariation};

/// Steady-state, asynchronous MOEA/D (Zhang & Li 2007, IEEE TEVC 11(6)) with the
/// MOEA/D-DE refinements of Li & Zhang (2009, IEEE TEVC 13(2)): neighbourhood mating
/// with probability `δ`, at most `n_r` replacements, SBX or DE/rand/1/bin.
///
/// Each weight vector (Das & Dennis's lattice, or given) is a subproblem with one
/// incumbent trial. Trials are assigned to subproblems in seeded cycles; a trial whose
/// subproblem has no incumbent is random (the initial phase), any other is a child of
/// two incumbents of the subproblem's neighbourhood (or of all subproblems, with
/// probability `1 − δ`), made on the unit scale of the parameters every incumbent has
/// (log scales, grids, integers and categorical choices hold as in
/// [`Nsga2Sampler`](super::Nsga2Sampler)). When a trial completes it lowers the ideal
/// point and replaces up to `n_r` incumbents it beats by Tchebycheff or PBI value, under
/// Deb's feasibility rules on its constraints. Failed and pruned trials are ignored;
/// late trials are taken when they arrive. No trial gets the vector of a finished,
/// running or planned one while a free one is found. With one worker and a seed, a
/// study is reproducible; the state is rebuilt from the storage's finished trials alone.
#[derive(Debug)]
pub struct MoeadSampler {
    options: MoeadOptions,
    /// Built when the number of objectives is first seen.
    state: Option<State>,
    /// How many of the history's finished trials are absorbed.
    seen: usize,
    /// The incumbents' space and its operators (rebuilt when the space changes).
    ops: Option<Arc<SpaceOps>>,
    /// The signature all incumbents shared when `ops` was learned, if they did.
    space_signature: Option<u64>,
    planner: Planner,
}

/// What depends on the number of objectives.
#[derive(Debug)]
struct State {
    incumbents: Incumbents,
    schedule: Schedule,
}

impl State {
    /// The subproblems, their schedule and no incumbents, for `m` objectives.
    fn new(options: &MoeadOptions, m: usize) -> Result<Self> {
        let subproblems = Subproblems::new(options, m)?;
        Ok(Self {
            schedule: Schedule::new(options.seed, subproblems.len()),
            incumbents: Incumbents::new(
                subproblems,
                options.decomposition.scalarization()?,
                options.max_replacements,
            ),
        })
    }
}

impl MoeadSampler {
    /// A sampler with these options.
    ///
    /// # Errors
    /// `Invalid` for `n_neighbors` below 2 (3 for DE), `max_replacements` 0, a
    /// probability outside `[0, 1]`, a bad SBX index, DE setting or PBI penalty, bad
    /// weight vectors, or more neighbours than given weight vectors. Options that depend
    /// on the number of objectives (the lattice's size, the weights' width) are checked
    /// when the first trial starts, and a mismatch is the error of that `ask`.
    pub fn new(options: MoeadOptions) -> Result<Self> {
        options.validate()?;
        if let Some((_, cols)) = &options.weights {
            // Checked now so that a bad set fails at construction, not at the first ask.
            Subproblems::new(&options, *cols)?;
        }
        Ok(Self {
            planner: Planner::new(options.seed),
            options,
            state: None,
            seen: 0,
            ops: None,
            space_signature: None,
        })
    }

    /// The options.
    pub fn options(&self) -> &MoeadOptions {
        &self.options
    }

    /// Replays the trials finished since the last call, in finishing order.
    fn absorb(&mut self, ctx: &SamplerContext<'_>) -> Result<()> {
        let (seed, delta) = (self.options.seed, self.options.prob_neighbor_mating);
        let state = match &mut self.state {
            Some(state) => state,
            // The number of objectives is known from the first trial on.
            None => self
                .state
                .insert(State::new(&self.options, ctx.directions.len())?),
        };
        let finished = ctx.history.finished();
        let new = finished.get(self.seen..).unwrap_or(&[]);
        let mut changed = false;
        for t in new {
            self.planner.finished(t);
            if let Some(m) = Member::of(t, ctx.history.minimized(t)) {
                let i = state.schedule.subproblem(t.number);
                let global = state.schedule.global(t.number, delta);
                let order = keyed(seed, Purpose::Replacement, t.number);
                changed |= state.incumbents.absorb(m, i, global, order);
            }
        }
        self.seen = finished.len();
        if changed {
            self.learn_space()?;
        }
        Ok(())
    }

    /// Rebuilds the operators when the incumbents' common space changed.
    fn learn_space(&mut self) -> Result<()> {
        let Some(state) = &self.state else {
            return Ok(());
        };
        let members: Vec<&Member> = state.incumbents.members().iter().flatten().collect();
        let Some(first) = members.first() else {
            return Ok(());
        };
        let shared = members.iter().all(|m| m.signature == first.signature);
        if shared && self.space_signature == Some(first.signature) && self.ops.is_some() {
            return Ok(());
        }
        self.space_signature = shared.then_some(first.signature);
        let space = common_space(&members);
        if self.ops.as_ref().is_some_and(|o| o.params == space) {
            return Ok(());
        }
        self.ops = if space.is_empty() {
            None
        } else {
            let o = &self.options;
            let crossover = Crossover::Sbx {
                eta: o.crossover_eta,
            };
            // SBX on every pair, as the batch MOEA/D does.
            let variation = Variation::new(&space, crossover, 1.0, 0.5, o.mutation_prob)?;
            Some(Arc::new(SpaceOps::new(&space, variation)))
        };
        Ok(())
    }

    fn plan(&mut self, ctx: &SamplerContext<'_>, trial: &FrozenTrial) -> Result<()> {
        self.absorb(ctx)?;
        // Enqueued trials come with their values.
        if !trial.params.is_empty() {
            return Ok(());
        }
        let (Some(ops), Some(state)) = (self.ops.clone(), &mut self.state) else {
            return Ok(());
        };
        let number = trial.number;
        let i = state.schedule.subproblem(number);
        let global = state
            .schedule
            .global(number, self.options.prob_neighbor_mating);
        let incumbents = state.incumbents.members();
        let filled = |pool: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
            pool.filter(|&j| incumbents[j].is_some()).collect()
        };
        let mut pool = if global {
            filled(&mut (0..incumbents.len()))
        } else {
            filled(&mut state.incumbents.subproblems.neighbours[i].iter().copied())
        };
        if pool.len() < 2 {
            // Too few incumbents nearby yet (early, or after failures): mate with any.
            pool = filled(&mut (0..incumbents.len()));
        }
        let mut rng = keyed(self.options.seed, Purpose::Breeding, number);
        let target = incumbents[i].as_ref();
        let (variation, de) = (self.options.variation, self.options.de);
        let mut breed = |rng: &mut SplitMix64| -> Vec<f64> {
            let n = pool.len() as u64;
            let a = rng.below(n) as usize;
            let mut b = rng.below(n - 1) as usize;
            if b >= a {
                b += 1;
            }
            let unit = |j: usize| {
                incumbents[pool[j]]
                    .as_ref()
                    .map_or_else(|| vec![0.5; ops.params.len()], |m| m.unit(&ops.params))
            };
            let (ua, ub) = (unit(a), unit(b));
            match (variation, target) {
                (MoeadVariation::De, Some(t)) => {
                    let ut = t.unit(&ops.params);
                    ops.variation.de_child(&de, [&ut, &ua, &ub], rng)
                }
                _ => ops.variation.child(&ua, &ub, rng),
            }
        };
        // The initial phase: a subproblem without an incumbent gets a random trial.
        let breed: Option<Breed<'_>> = if target.is_some() && pool.len() >= 2 {
            Some(&mut breed)
        } else {
            None
        };
        self.planner.plan(
            ctx,
            number,
            Arc::clone(&ops),
            self.options.max_retries,
            &mut rng,
            breed,
        );
        Ok(())
    }
}

impl Sampler for MoeadSampler {
    fn name(&self) -> &str {
        "moead"
    }

    fn needs_running(&self) -> bool {
        true
    }

    fn start_trial(&mut self, ctx: &SamplerContext<'_>, trial: &FrozenTrial) -> Result<()> {
        self.plan(ctx, trial)
    }

    fn sample(
        &mut self,
        _ctx: &SamplerContext<'_>,
        trial: &FrozenTrial,
        name: &str,
        distribution: &Distribution,
    ) -> Result<f64> {
        Ok(self.planner.value(trial, name, distribution))
    }
}
