//! How NSGA-II makes a batch: random initial vectors, then offspring by binary
//! tournament, crossover, mutation and repair, with duplicates redrawn.

use super::Nsga2Config;
use super::population::Population;
use crate::Space;
use crate::operators::{DuplicateFilter, SbxBlock, binary_tournament, random_sample, repair};
use vilfredo_core::rng::SplitMix64;

/// How many rounds of mating (or draws per initial vector) may be spent replacing
/// duplicates before the remaining duplicates are accepted (pymoo uses 100 as well); only
/// tiny discrete spaces ever get there.
const MAX_ATTEMPTS: usize = 100;

/// Scratch buffers reused from one generation to the next.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scratch {
    pub dup: DuplicateFilter,
    pub perm: Vec<u32>,
    pub winners: Vec<usize>,
    pub c1: Vec<f64>,
    pub c2: Vec<f64>,
    pub sbx: SbxBlock,
}

/// Fills `out` with `config.pop_size` random vectors of `space`.
pub(crate) fn initial(
    space: &Space,
    config: &Nsga2Config,
    rng: &mut SplitMix64,
    s: &mut Scratch,
    out: &mut Vec<f64>,
) {
    let nv = space.n_var();
    out.clear();
    s.dup.reset(nv);
    s.c1.resize(nv, 0.0);
    let mut draws = 0;
    while out.len() < config.pop_size * nv {
        random_sample(space, &mut s.c1, rng);
        draws += 1;
        if !config.eliminate_duplicates
            || s.dup.insert(&s.c1)
            || draws > MAX_ATTEMPTS * config.pop_size
        {
            out.extend_from_slice(&s.c1);
        }
    }
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
    let nv = space.n_var();
    let n = config.pop_size;
    out.clear();
    if config.eliminate_duplicates {
        s.dup.reset(nv);
        for row in pop.x.chunks_exact(nv) {
            s.dup.insert(row);
        }
    }
    s.c1.resize(nv, 0.0);
    s.c2.resize(nv, 0.0);
    for attempt in 0..MAX_ATTEMPTS {
        let need = n - out.len() / nv;
        if need == 0 {
            break;
        }
        let last = attempt + 1 == MAX_ATTEMPTS;
        let pairs = need.div_ceil(2);
        s.winners.clear();
        binary_tournament(
            &pop.rank,
            &pop.crowding,
            2 * pairs,
            rng,
            &mut s.perm,
            &mut s.winners,
        );
        for k in 0..pairs {
            let (a, b) = (s.winners[2 * k], s.winners[2 * k + 1]);
            s.c1.copy_from_slice(&pop.x[a * nv..(a + 1) * nv]);
            s.c2.copy_from_slice(&pop.x[b * nv..(b + 1) * nv]);
            config
                .crossover
                .apply_with(space, &mut s.c1, &mut s.c2, rng, &mut s.sbx);
            config
                .binary_crossover
                .apply(space, &mut s.c1, &mut s.c2, rng);
            for c in [&mut s.c1, &mut s.c2] {
                config.mutation.apply(space, c, rng);
                config.binary_mutation.apply(space, c, rng);
                repair(space, c);
            }
            for c in [&s.c1, &s.c2] {
                if out.len() < n * nv && (!config.eliminate_duplicates || s.dup.insert(c) || last) {
                    out.extend_from_slice(c);
                }
            }
        }
    }
}
