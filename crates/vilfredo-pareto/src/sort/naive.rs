//! Reference O(M N²) versions, straight from the definitions.
//!
//! They compare every pair of points and are meant as test oracles for the fast
//! algorithms, not for production use. Ranks follow the front-peeling definition of
//! Deb et al. (2002): rank 0 is the non-dominated set, and a point has rank `r + 1` when
//! the highest rank among the points that dominate it is `r`.

use crate::dominance::dominates;
use vilfredo_core::PointsView;

/// `mask[i]` is `true` when no point dominates point `i`, by comparing all pairs.
pub fn is_non_dominated(points: PointsView<'_>) -> Vec<bool> {
    let n = points.n_points();
    (0..n)
        .map(|i| !(0..n).any(|j| dominates(points.row(j), points.row(i))))
        .collect()
}

/// The 0-based Pareto rank of each point, by comparing all pairs.
///
/// Points are visited in lexicographic order, in which every dominator of a point comes
/// before it, so `rank[i] = 1 + max(rank of dominators)` can be filled in one pass.
pub fn pareto_rank(points: PointsView<'_>) -> Vec<usize> {
    let n = points.n_points();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| super::presort::lex_cmp(points.row(a), points.row(b)));
    let mut rank = vec![0usize; n];
    for (pos, &i) in order.iter().enumerate() {
        let mut r = 0;
        for &j in &order[..pos] {
            if rank[j] + 1 > r && dominates(points.row(j), points.row(i)) {
                r = rank[j] + 1;
            }
        }
        rank[i] = r;
    }
    rank
}
