//! Binary tournament selection for NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002), in
//! the two forms in use:
//!
//! - [`binary_tournament`]: the crowded-comparison operator `≺n` of the paper — lower
//!   rank wins, then the larger crowding distance — with constraint violation already
//!   folded into the ranks by constrained domination (Deb 2000);
//! - [`dominance_tournament`]: the rule of Deb's reference C implementation of NSGA-II
//!   (and pymoo's default): the smaller constraint violation wins when either competitor
//!   is infeasible; between feasible ones a dominating competitor wins, and otherwise the
//!   larger crowding distance — so two mutually non-dominated individuals of different
//!   ranks are compared by spread alone, which keeps more diversity in the mating pool.
//!
//! Competitors are drawn from shuffled permutations of the population, two by two, as in
//! Deb's code and pymoo, so every individual takes part in the same number of
//! tournaments (up to one) and the selection pressure is exactly that of the comparison.

use vilfredo_core::rng::SplitMix64;
use vilfredo_pareto::dominance::dominates;

/// Which comparison decides NSGA-II's binary tournaments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TournamentRule {
    /// Violation, then Pareto dominance, then crowding distance ([`dominance_tournament`]):
    /// Deb's reference implementation and pymoo's default.
    #[default]
    DominanceThenCrowding,
    /// Rank, then crowding distance ([`binary_tournament`]): the paper's crowded
    /// comparison.
    RankThenCrowding,
}

/// Appends to `winners` the indices of `n_select` tournament winners among individuals
/// `0..rank.len()`. Lower rank wins; at equal rank the larger crowding distance wins;
/// a full tie is decided by a coin. `perm` is scratch space.
///
/// Does nothing when the population is empty; with slices of different lengths only the
/// common prefix takes part.
pub fn binary_tournament(
    rank: &[usize],
    crowding: &[f64],
    n_select: usize,
    rng: &mut SplitMix64,
    perm: &mut Vec<u32>,
    winners: &mut Vec<usize>,
) {
    let n = rank.len().min(crowding.len());
    run(n, n_select, rng, perm, winners, |a, b, rng| {
        if rank[a] != rank[b] {
            if rank[a] < rank[b] { a } else { b }
        } else {
            by_crowding(a, b, crowding, rng)
        }
    });
}

/// The objectives and violations that [`dominance_tournament`] compares.
#[derive(Debug, Clone, Copy)]
pub struct Competitors<'a> {
    /// Objectives, row-major, `n_obj` per individual (minimised).
    pub f: &'a [f64],
    /// Objectives per individual.
    pub n_obj: usize,
    /// Total constraint violation per individual (0 when feasible).
    pub violation: &'a [f64],
    /// Crowding distance per individual.
    pub crowding: &'a [f64],
}

impl Competitors<'_> {
    fn len(&self) -> usize {
        let rows = self.f.len().checked_div(self.n_obj).unwrap_or(0);
        rows.min(self.violation.len()).min(self.crowding.len())
    }

    /// Whether row `a` Pareto-dominates row `b`.
    fn dominates(&self, a: usize, b: usize) -> bool {
        let m = self.n_obj;
        dominates(&self.f[a * m..(a + 1) * m], &self.f[b * m..(b + 1) * m])
    }
}

/// Appends to `winners` the indices of `n_select` tournament winners among the
/// individuals of `c`: when either competitor is infeasible the smaller violation wins;
/// otherwise a competitor that dominates the other wins, and failing that the larger
/// crowding distance; a full tie is decided by a coin. `perm` is scratch space.
///
/// Does nothing when there are no individuals; with buffers of different lengths only the
/// common prefix takes part.
pub fn dominance_tournament(
    c: &Competitors<'_>,
    n_select: usize,
    rng: &mut SplitMix64,
    perm: &mut Vec<u32>,
    winners: &mut Vec<usize>,
) {
    run(c.len(), n_select, rng, perm, winners, |a, b, rng| {
        let (va, vb) = (c.violation[a], c.violation[b]);
        if va > 0.0 || vb > 0.0 {
            if va != vb {
                return if va < vb { a } else { b };
            }
            return coin(a, b, rng);
        }
        if c.dominates(a, b) {
            a
        } else if c.dominates(b, a) {
            b
        } else {
            by_crowding(a, b, c.crowding, rng)
        }
    });
}

/// Draws `2 × n_select` competitors from whole shuffled permutations of `0..n` and
/// appends the winner of each pair by `winner`.
fn run(
    n: usize,
    n_select: usize,
    rng: &mut SplitMix64,
    perm: &mut Vec<u32>,
    winners: &mut Vec<usize>,
    mut winner: impl FnMut(usize, usize, &mut SplitMix64) -> usize,
) {
    if n == 0 {
        return;
    }
    perm.clear();
    while perm.len() < 2 * n_select {
        let start = perm.len();
        perm.extend(0..n as u32);
        let block = &mut perm[start..];
        for i in (1..n).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            block.swap(i, j);
        }
    }
    for k in 0..n_select {
        let (a, b) = (perm[2 * k] as usize, perm[2 * k + 1] as usize);
        let w = winner(a, b, rng);
        winners.push(w);
    }
}

/// The larger crowding distance wins; a tie is decided by a coin.
fn by_crowding(a: usize, b: usize, crowding: &[f64], rng: &mut SplitMix64) -> usize {
    if crowding[a] != crowding[b] {
        if crowding[a] > crowding[b] { a } else { b }
    } else {
        coin(a, b, rng)
    }
}

fn coin(a: usize, b: usize, rng: &mut SplitMix64) -> usize {
    if rng.next_f64() < 0.5 { a } else { b }
}
