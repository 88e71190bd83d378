//! Planning whole children for trials without handing out a vector twice.
//!
//! A joint sampler decides a trial's whole parameter vector when the trial starts and
//! serves it one parameter at a time. The planner keeps those plans and the
//! fingerprints of every finished trial, and rejects a child equal to a finished trial,
//! a running trial (its suggested values, else its plan, else the keyed random values it
//! will get) or another planned child; after a bounded number of rejected bred children
//! it tries random vectors, and only when those are taken too is a duplicate handed out.
//! So parallel workers sharing a study never evaluate the same vector twice while a free
//! one is easy to find.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use vilfredo_core::rng::SplitMix64;

use super::fingerprint;
use super::variation::Variation;
use crate::distribution::Distribution;
use crate::frozen::FrozenTrial;
use crate::sampler::SamplerContext;
use crate::sampler::random::{keyed_unit, name_hash};

/// Planned children kept for trials that have not finished in this process's view;
/// beyond this the oldest are forgotten (a trial lost by its worker never finishes).
const MAX_PLANS: usize = 4096;

/// Random vectors tried per allowed retry once breeding has failed to avoid duplicates.
const RANDOM_TRIES_PER_RETRY: usize = 8;

/// Breeds one child (unit coordinates, in space order) with the generator it is given.
pub(crate) type Breed<'a> = &'a mut dyn FnMut(&mut SplitMix64) -> Vec<f64>;

/// The learned search space with what breeding over it needs.
#[derive(Debug)]
pub(crate) struct SpaceOps {
    /// Names and distributions, sorted by name.
    pub params: Vec<(String, Distribution)>,
    /// Hashes of the names, for fingerprints.
    pub hashes: Vec<u64>,
    /// The crossover and mutation operators over this space.
    pub variation: Variation,
}

impl SpaceOps {
    /// The operators over `params` (sorted by name).
    pub fn new(params: &[(String, Distribution)], variation: Variation) -> Self {
        Self {
            params: params.to_vec(),
            hashes: params.iter().map(|(n, _)| name_hash(n)).collect(),
            variation,
        }
    }
}

/// A child planned for a trial.
#[derive(Debug, Clone)]
struct Plan {
    /// The space it was bred in.
    space: Arc<SpaceOps>,
    /// Internal values, in space order.
    values: Vec<f64>,
    fingerprint: u64,
}

impl Plan {
    /// The planned value of `name`, if it was planned with this distribution.
    fn value(&self, name: &str, distribution: &Distribution) -> Option<f64> {
        // The space is sorted by name.
        let i = self
            .space
            .params
            .binary_search_by(|(n, _)| n.as_str().cmp(name))
            .ok()?;
        (self.space.params[i].1 == *distribution).then(|| self.values[i])
    }
}

/// The plans of running trials and the fingerprints of finished ones.
#[derive(Debug)]
pub(crate) struct Planner {
    /// Seed of the keyed random values of unplanned parameters.
    seed: u64,
    /// Fingerprints of every finished trial's parameters.
    finished: HashSet<u64>,
    /// Children planned for trials not yet seen finished, by trial number.
    plans: BTreeMap<u64, Plan>,
}

impl Planner {
    /// An empty planner whose unplanned values are keyed by `seed`, as
    /// [`RandomSampler`](crate::sampler::RandomSampler)'s are.
    pub fn new(seed: u64) -> Self {
        Self {
            seed,
            finished: HashSet::new(),
            plans: BTreeMap::new(),
        }
    }

    /// Records a finished trial (in any state): its plan is dropped and its vector is
    /// taken for good.
    pub fn finished(&mut self, trial: &FrozenTrial) {
        self.plans.remove(&trial.number);
        self.finished.insert(fingerprint::of_params(&trial.params));
    }

    /// Fingerprints (over the space) of what running trials have or will get, and of
    /// the children planned for them.
    fn taken(&self, ctx: &SamplerContext<'_>, ops: &SpaceOps, me: u64) -> HashSet<u64> {
        let mut taken: HashSet<u64> = self.plans.values().map(|p| p.fingerprint).collect();
        for r in ctx.running.iter().filter(|r| r.number != me) {
            let plan = self.plans.get(&r.number);
            let values = ops.params.iter().enumerate().map(|(i, (name, d))| {
                let planned = plan.and_then(|p| p.value(name, d));
                let x = match (r.param(name), planned) {
                    (Some(p), _) => p.internal,
                    (None, Some(x)) => x,
                    // Not suggested yet: it will get its keyed random value.
                    (None, None) => d.from_unit(keyed_unit(self.seed, r.number, name)),
                };
                (ops.hashes[i], x)
            });
            taken.insert(fingerprint::of_hashed(values));
        }
        taken
    }

    /// Plans the child of trial `number` over `ops`: up to `max_retries` children from
    /// `breed` (when `breed` is given), then eight times as many uniform random vectors
    /// drawn from `rng`, the first one not taken being kept (the last one otherwise).
    pub fn plan(
        &mut self,
        ctx: &SamplerContext<'_>,
        number: u64,
        ops: Arc<SpaceOps>,
        max_retries: usize,
        rng: &mut SplitMix64,
        mut breed: Option<Breed<'_>>,
    ) {
        let taken = self.taken(ctx, &ops, number);
        let tries = max_retries.max(1);
        let (mut values, mut fp) = (Vec::new(), 0);
        // Bred children first; then random ones, many more of them since they are cheap
        // and a nearly exhausted discrete space may leave few free vectors.
        for attempt in 0..tries + RANDOM_TRIES_PER_RETRY * tries {
            let unit: Vec<f64> = match breed.as_mut() {
                Some(b) if attempt < tries => b(rng),
                _ => ops.params.iter().map(|_| rng.next_f64()).collect(),
            };
            values = ops
                .params
                .iter()
                .zip(unit)
                .map(|((_, d), u)| d.from_unit(u))
                .collect();
            fp = fingerprint::of_hashed(ops.hashes.iter().copied().zip(values.iter().copied()));
            if !self.finished.contains(&fp) && !taken.contains(&fp) {
                break;
            }
        }
        let plan = Plan {
            space: ops,
            values,
            fingerprint: fp,
        };
        self.plans.insert(number, plan);
        while self.plans.len() > MAX_PLANS {
            self.plans.pop_first();
        }
    }

    /// The value of `name` for `trial`: planned, or keyed random.
    pub fn value(&self, trial: &FrozenTrial, name: &str, distribution: &Distribution) -> f64 {
        let planned = self
            .plans
            .get(&trial.number)
            .and_then(|p| p.value(name, distribution));
        planned.unwrap_or_else(|| distribution.from_unit(keyed_unit(self.seed, trial.number, name)))
    }
}
