//! How NSGA-III makes a batch: random initial vectors, then offspring of parents chosen
//! by binary tournament on violation alone (Jain & Deb 2014, Part II: a feasible parent
//! beats an infeasible one, the smaller violation wins, otherwise a coin decides; without
//! constraints the choice is random, as in Part I), SBX, polynomial mutation and repair,
//! with duplicates redrawn.

use super::Nsga3Config;
use crate::Space;
use crate::evaluated::Evaluated;
use crate::mating::{Mating, Parents};
use crate::operators::hash_row;
use vilfredo_core::rng::SplitMix64;

/// Scratch buffers reused from one generation to the next.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scratch {
    mate: Mating,
    same: Vec<usize>,
    minus_cv: Vec<f64>,
}

/// Fills `out` with `n` random vectors of `space`.
pub(crate) fn initial(
    space: &Space,
    config: &Nsga3Config,
    n: usize,
    rng: &mut SplitMix64,
    s: &mut Scratch,
    out: &mut Vec<f64>,
) {
    s.mate
        .initial(space, &config.operators(), n, rng, out, None);
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
        s.mate.dup.reset(nv);
        for row in pop.x.chunks_exact(nv) {
            s.mate.dup.insert_hashed(row, hash_row(row));
        }
    }
    // The tournament compares rank, then the larger "crowding": with every rank equal and
    // minus the violation in place of crowding, it is exactly the comparison by violation
    // with a coin for ties (and so for two feasible parents).
    s.same.clear();
    s.same.resize(pop.len(), 0);
    s.minus_cv.clear();
    s.minus_cv.extend(pop.cv.iter().map(|&v| -v));
    let parents = Parents::Tournament(&s.same, &s.minus_cv);
    s.mate
        .breed(space, &ops, &pop.x, parents, n, rng, out, None);
}
