//! The fitness of SPEA2 (Zitzler, Laumanns & Thiele 2001, §3.1): raw fitness from
//! strengths, plus a density from the distance to the k-th nearest neighbour.

use crate::nsga2::population::Population;
use vilfredo_pareto::dominance::constrained_dominates;

/// Fitness of every member of `pop` (lower is better) and the matrix of Euclidean
/// distances between members, row-major `n × n` (0 on the diagonal), measured between the
/// rows of `space`: the members' objective vectors, raw or normalized (row-major, same
/// order and width as `pop.f`).
///
/// - strength `S(i)`: how many members `i` dominates;
/// - raw fitness `R(i)`: the sum of the strengths of the members that dominate `i`
///   (0 for the non-dominated);
/// - density `D(i) = 1 / (σ_i^k + 2)`, `σ_i^k` being the distance from `i` to its k-th
///   nearest other member, `k = ⌊√n⌋` (the paper's `√(N + N̄)`, the size of the set
///   assessed) clamped to `1..n − 1`; `D < 1`, so `R + D < 1` exactly for the
///   non-dominated.
///
/// The paper's "k-th element" of the sorted distance list is read as the k-th nearest
/// *other* member; pymoo takes the (k+1)-th (its index `k` into the list without the
/// member itself), which changes only the density term, never which members are
/// non-dominated; on ZDT1 that choice made no significant difference (BENCHMARKS.md).
///
/// Domination is constrained domination (Deb 2000): a feasible member dominates every
/// infeasible one, and an infeasible one dominates those of larger total violation.
pub(crate) fn fitness(pop: &Population, space: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let n = pop.len();
    let m = pop.n_obj;
    let row = |i: usize| &pop.f[i * m..(i + 1) * m];
    let at = |i: usize| &space[i * m..(i + 1) * m];
    // dominated_by[i] lists who dominates i.
    let mut strength = vec![0usize; n];
    let mut dominated_by: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, s) in strength.iter_mut().enumerate() {
        for (j, by) in dominated_by.iter_mut().enumerate() {
            if i != j && constrained_dominates(row(i), pop.cv[i], row(j), pop.cv[j]) {
                *s += 1;
                by.push(i);
            }
        }
    }
    let mut dist = vec![0.0; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let d = at(i)
                .iter()
                .zip(at(j))
                .map(|(a, b)| (a - b) * (a - b))
                .sum::<f64>()
                .sqrt();
            dist[i * n + j] = d;
            dist[j * n + i] = d;
        }
    }
    let k = (n as f64).sqrt().floor() as usize;
    let k = k.clamp(1, n.saturating_sub(1).max(1));
    let mut sorted = Vec::with_capacity(n);
    let fit = (0..n)
        .map(|i| {
            let raw: usize = dominated_by[i].iter().map(|&j| strength[j]).sum();
            sorted.clear();
            sorted.extend((0..n).filter(|&j| j != i).map(|j| dist[i * n + j]));
            let sigma = if sorted.len() >= k {
                sorted.select_nth_unstable_by(k - 1, f64::total_cmp);
                sorted[k - 1]
            } else {
                f64::INFINITY
            };
            raw as f64 + 1.0 / (sigma + 2.0)
        })
        .collect();
    (fit, dist)
}
