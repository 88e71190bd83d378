//! How NSGA-III makes a batch: random initial vectors, then offspring of parents chosen
//! by binary tournament on violation alone (Jain & Deb 2014, Part II: a feasible parent
//! beats an infeasible one, the smaller violation wins, otherwise a coin decides; without
//! constraints the choice is random, as in Part I), SBX, polynomial mutation and repair,
//! with duplicates redrawn.

use super::Nsga3Config;
use crate::Space;
use crate::evaluated::Evaluated;
use crate::operators::{DuplicateFilter, SbxBlock, binary_tournament, hash_row, random_sample};
use vilfredo_core::rng::SplitMix64;

/// Rounds of mating (or draws per initial vector) spent replacing duplicates before the
/// remaining duplicates are accepted, as in NSGA-II.
const MAX_ATTEMPTS: usize = 100;

/// Scratch buffers reused from one generation to the next.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scratch {
    dup: DuplicateFilter,
    perm: Vec<u32>,
    winners: Vec<usize>,
    same: Vec<usize>,
    minus_cv: Vec<f64>,
    c1: Vec<f64>,
    c2: Vec<f64>,
    sbx: SbxBlock,
}

/// Fills `out` with `n` random vectors of `space`.
pub(crate) fn initial(
    space: &Space,
    n: usize,
    eliminate_duplicates: bool,
    rng: &mut SplitMix64,
    s: &mut Scratch,
    out: &mut Vec<f64>,
) {
    let nv = space.n_var();
    out.clear();
    s.dup.reset(nv);
    s.c1.resize(nv, 0.0);
    let mut draws = 0;
    while out.len() < n * nv {
        random_sample(space, &mut s.c1, rng);
        draws += 1;
        if !eliminate_duplicates || s.dup.insert(&s.c1) || draws > MAX_ATTEMPTS * n {
            out.extend_from_slice(&s.c1);
        }
    }
}

/// Fills `out` with `n` offspring of `pop`.
pub(crate) fn offspring(
    space: &Space,
    config: &Nsga3Config,
    n: usize,
    pop: &Evaluated,
    rng: &mut SplitMix64,
    s: &mut Scratch,
    out: &mut Vec<f64>,
) {
    let ops = config.operators();
    let nv = space.n_var();
    out.clear();
    if config.eliminate_duplicates {
        s.dup.reset(nv);
        for row in pop.x.chunks_exact(nv) {
            s.dup.insert_hashed(row, hash_row(row));
        }
    }
    // The tournament compares rank, then the larger "crowding": with every rank equal and
    // minus the violation in place of crowding, it is exactly the comparison by violation
    // with a coin for ties (and so for two feasible parents).
    s.same.clear();
    s.same.resize(pop.len(), 0);
    s.minus_cv.clear();
    s.minus_cv.extend(pop.cv.iter().map(|&v| -v));
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
            &s.same,
            &s.minus_cv,
            2 * pairs,
            rng,
            &mut s.perm,
            &mut s.winners,
        );
        for k in 0..pairs {
            let (a, b) = (s.winners[2 * k], s.winners[2 * k + 1]);
            s.c1.copy_from_slice(pop.x_row(a));
            s.c2.copy_from_slice(pop.x_row(b));
            ops.mate(space, &mut s.c1, &mut s.c2, rng, &mut s.sbx);
            for c in [&s.c1, &s.c2] {
                if out.len() == n * nv {
                    break;
                }
                if !config.eliminate_duplicates || s.dup.insert(c) || last {
                    out.extend_from_slice(c);
                }
            }
        }
    }
}
