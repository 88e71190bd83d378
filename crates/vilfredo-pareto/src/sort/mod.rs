//! Non-dominated filtering, Pareto ranking and crowding distance.
//!
//! PLACEHOLDER (skeleton): naive O(M N²) versions, to be replaced by the fast algorithms.

use crate::dominance::dominates;
use vilfredo_core::{PointsView, Result};

/// `mask[i]` is `true` when no point of the set dominates point `i`.
///
/// Duplicates of a non-dominated point are all non-dominated.
pub fn is_non_dominated(points: PointsView<'_>) -> Vec<bool> {
    pareto_rank(points).into_iter().map(|r| r == 0).collect()
}

/// The 0-based Pareto rank (front index) of each point.
pub fn pareto_rank(points: PointsView<'_>) -> Vec<usize> {
    let n = points.n_points();
    let mut rank = vec![0usize; n];
    let mut dominated_by = vec![0usize; n];
    let mut dominating: Vec<Vec<usize>> = vec![Vec::new(); n];
    for i in 0..n {
        for j in 0..n {
            if dominates(points.row(i), points.row(j)) {
                dominating[i].push(j);
                dominated_by[j] += 1;
            }
        }
    }
    let mut current: Vec<usize> = (0..n).filter(|&i| dominated_by[i] == 0).collect();
    let mut r = 0;
    while !current.is_empty() {
        let mut next = Vec::new();
        for &i in &current {
            rank[i] = r;
            for &j in &dominating[i] {
                dominated_by[j] -= 1;
                if dominated_by[j] == 0 {
                    next.push(j);
                }
            }
        }
        current = next;
        r += 1;
    }
    rank
}

/// Crowding distance of each point within its set (Deb et al. 2002), infinite at the
/// extremes of each objective.
pub fn crowding_distance(points: PointsView<'_>) -> Vec<f64> {
    let _ = points;
    todo!("crowding distance")
}

/// Pareto ranks under constrained domination: feasible points (violation ≤ 0) first,
/// ranked by objectives; infeasible points after them, ranked by violation.
pub fn constrained_pareto_rank(points: PointsView<'_>, violation: &[f64]) -> Result<Vec<usize>> {
    let _ = (points, violation);
    todo!("constrained ranks")
}
