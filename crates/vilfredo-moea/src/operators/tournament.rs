//! Binary tournament selection by rank, then crowding distance: the crowded-comparison
//! operator `≺n` of NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002), with constraint
//! violation already folded into the ranks by constrained domination (Deb 2000).
//!
//! Competitors are drawn from shuffled permutations of the population, two by two, as in
//! Deb's code and pymoo, so every individual takes part in the same number of
//! tournaments (up to one) and the selection pressure is exactly that of the comparison.

use vilfredo_core::rng::SplitMix64;

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
    if n == 0 {
        return;
    }
    perm.clear();
    // Enough whole shuffled permutations to supply 2 × n_select competitors.
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
        let winner = if rank[a] != rank[b] {
            if rank[a] < rank[b] { a } else { b }
        } else if crowding[a] != crowding[b] {
            if crowding[a] > crowding[b] { a } else { b }
        } else if rng.next_f64() < 0.5 {
            a
        } else {
            b
        };
        winners.push(winner);
    }
}
