//! How NSGA-II makes a batch: random initial vectors, then offspring by binary
//! tournament, crossover, mutation and repair, with duplicates redrawn.

use super::Nsga2Config;
use super::population::Population;
use crate::Space;
use crate::mating::{Mating, Parents};
use crate::operators::{binary_tournament, dominance_tournament, hash_row, repair};
use crate::variation::{MatingPool, Variation};
use vilfredo_core::rng::SplitMix64;
use vilfredo_core::{Error, Result};

/// Scratch buffers reused from one generation to the next.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scratch {
    /// Tournament, crossover and mutation buffers, and the duplicate filter.
    pub mate: Mating,
    /// Row hashes of the population, when known (see [`Scratch::survived`]); empty
    /// otherwise.
    pub pop_hash: Vec<u64>,
    /// Row hashes of the batch handed out, when duplicates are eliminated.
    pub batch_hash: Vec<u64>,
}

impl Scratch {
    /// Carries the row hashes over survival: the new population is made of the rows
    /// `chosen` of the old population (first `n_old`) followed by the batch. Without the
    /// hashes of both, the next generation hashes the population afresh.
    pub fn survived(&mut self, n_old: usize, chosen: &[usize]) {
        if self.pop_hash.len() != n_old || self.batch_hash.is_empty() {
            self.pop_hash.clear();
            return;
        }
        let next: Vec<u64> = chosen
            .iter()
            .map(|&i| {
                if i < n_old {
                    self.pop_hash[i]
                } else {
                    self.batch_hash[i - n_old]
                }
            })
            .collect();
        self.pop_hash = next;
    }
}

/// Fills `out` with `config.pop_size` random vectors of `space`, keeping their hashes
/// for the next generation's duplicate check.
pub(crate) fn initial(
    space: &Space,
    config: &Nsga2Config,
    rng: &mut SplitMix64,
    s: &mut Scratch,
    out: &mut Vec<f64>,
) {
    s.batch_hash.clear();
    s.pop_hash.clear();
    let (ops, hashes) = (config.operators(), Some(&mut s.batch_hash));
    s.mate
        .initial(space, &ops, config.pop_size, rng, out, hashes);
}

/// Fills `out` with `config.pop_size` offspring of `pop`.
pub(crate) fn offspring(
    space: &Space,
    config: &Nsga2Config,
    pop: &Population,
    rng: &mut SplitMix64,
    s: &mut Scratch,
    out: &mut Vec<f64>,
) {
    let ops = config.operators();
    let nv = space.n_var();
    let n = config.pop_size;
    out.clear();
    s.batch_hash.clear();
    if config.eliminate_duplicates {
        s.mate.dup.reset(nv);
        if s.pop_hash.len() != pop.len() {
            s.pop_hash.clear();
            s.pop_hash.extend(pop.x.chunks_exact(nv).map(hash_row));
        }
        for (row, &h) in pop.x.chunks_exact(nv).zip(&s.pop_hash) {
            debug_assert_eq!(h, hash_row(row));
            s.mate.dup.insert_hashed(row, h);
        }
    }
    let parents = pop.parents(config.tournament);
    let hashes = Some(&mut s.batch_hash);
    s.mate
        .breed(space, &ops, &pop.x, parents, n, rng, out, hashes);
}

/// Fills the batch with `pop_size` offspring made by `op` from parents chosen by
/// binary tournament, repaired into the space. Duplicates (of the population or of each
/// other) are dropped and `op` is asked again for the missing ones, at most
/// [`MAX_EXTERNAL_ROUNDS`] times; after that they are accepted.
impl super::Nsga2 {
    pub(super) fn external_offspring(&mut self, op: &mut dyn Variation) -> Result<()> {
        let generation = self.run.n_gen + 1;
        let (space, config, pop, rng) =
            (&self.run.space, &self.config, &self.pop, &mut self.run.rng);
        let (s, out) = (&mut self.scratch, &mut self.run.batch);
        let nv = space.n_var();
        let n = config.pop_size;
        out.clear();
        s.batch_hash.clear();
        s.pop_hash.clear();
        s.mate.dup.reset(nv);
        for row in pop.x.chunks_exact(nv) {
            s.mate.dup.insert_hashed(row, hash_row(row));
        }
        let mut parents = Vec::new();
        let mut values = Vec::new();
        for round in 0..MAX_EXTERNAL_ROUNDS {
            let need = n - out.len() / nv;
            if need == 0 {
                break;
            }
            let last = round + 1 == MAX_EXTERNAL_ROUNDS;
            let pairs = need.div_ceil(2);
            s.mate.winners.clear();
            let (perm, winners) = (&mut s.mate.perm, &mut s.mate.winners);
            match pop.parents(config.tournament) {
                Parents::Tournament(rank, crowding) => {
                    binary_tournament(rank, crowding, 2 * pairs, rng, perm, winners);
                }
                Parents::Dominance(c) => dominance_tournament(&c, 2 * pairs, rng, perm, winners),
                Parents::Drawn(_) => {}
            }
            parents.clear();
            values.clear();
            for &w in &s.mate.winners {
                parents.extend_from_slice(&pop.x[w * nv..(w + 1) * nv]);
                values.extend_from_slice(&pop.f[w * pop.n_obj..(w + 1) * pop.n_obj]);
            }
            let pool = MatingPool {
                parents: &parents,
                values: &values,
                n_offspring: need,
                n_var: nv,
                n_obj: pop.n_obj,
                space,
                generation,
            };
            let children = op.vary(&pool)?;
            if children.len() < need * nv {
                return Err(Error::DimensionMismatch {
                    what: "offspring from the variation operator",
                    expected: need * nv,
                    found: children.len(),
                });
            }
            for c in children.chunks_exact(nv).take(need) {
                s.mate.c1.clear();
                s.mate.c1.extend_from_slice(c);
                repair(space, &mut s.mate.c1);
                let h = hash_row(&s.mate.c1);
                if !config.eliminate_duplicates || s.mate.dup.insert_hashed(&s.mate.c1, h) || last {
                    out.extend_from_slice(&s.mate.c1);
                }
            }
        }
        Ok(())
    }
}

/// How many times an outside operator is asked again for offspring that replace
/// duplicates (each call may be slow or costly, for example a language model).
pub(crate) const MAX_EXTERNAL_ROUNDS: usize = 3;
