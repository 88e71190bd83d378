//! Four-objective hypervolume: a sweep along the fourth objective that adds, point by
//! point, the three-dimensional exclusive contribution of each new point.
//!
//! After A. P. Guerreiro and C. M. Fonseca, "Computing and updating hypervolume
//! contributions in up to four dimensions", IEEE Transactions on Evolutionary Computation
//! 22(3), 2018 (HV4D+): points are visited from the best to the worst fourth coordinate;
//! the set of visited points, projected onto the first three coordinates and reduced to
//! its non-dominated part, is kept sorted by the third coordinate; the contribution of a
//! new point is the volume of its box not covered by that set, found by one linear sweep
//! over the sorted set with a two-dimensional staircase clipped to the new point's box.
//! The hypervolume is `Σ u3(p) · contribution3(p)`. Each step costs time linear in the
//! size of the kept set (times a logarithm for the staircase search), so the whole sweep is
//! `O(n²)`-class like HV4D+.
//!
//! Coordinates are shifted (`u = r − x > 0`, larger is better; see the module guide).

use super::hv3d::Staircase;

/// Reusable buffers of [`volume`].
#[derive(Debug, Default)]
pub(super) struct Scratch {
    order: Vec<[f64; 4]>,
    front: Vec<[f64; 3]>,
    stair: Staircase,
}

/// The volume of `⋃ [0, u]` over the rows of `u` (stride 4, every value > 0).
pub(super) fn volume(u: &[f64], scratch: &mut Scratch) -> f64 {
    let Scratch {
        order,
        front,
        stair,
    } = scratch;
    order.clear();
    order.extend(u.chunks_exact(4).map(|p| [p[0], p[1], p[2], p[3]]));
    order.sort_unstable_by(|a, b| b[3].total_cmp(&a[3]));
    front.clear();
    let mut sum = 0.0;
    for p in order.iter() {
        let q = [p[0], p[1], p[2]];
        if let Some(c) = contribution(front, &q, stair) {
            sum += p[3] * c;
            insert(front, q);
        }
    }
    sum
}

/// The volume of `[0, p]` not covered by `⋃ [0, q]` over `front` (sorted by the third
/// coordinate, descending), or `None` when a point of `front` weakly dominates `p`.
pub(super) fn contribution(front: &[[f64; 3]], p: &[f64; 3], stair: &mut Staircase) -> Option<f64> {
    let [a, b, c] = *p;
    let full = a * b;
    stair.clear();
    // Points at or above level c cover their clipped rectangle over the whole height of
    // p's box: they only shape the starting staircase.
    let split = front.partition_point(|q| q[2] >= c);
    let mut uncovered = full;
    for q in &front[..split] {
        if q[0] >= a && q[1] >= b {
            return None;
        }
        uncovered -= stair.insert(q[0].min(a), q[1].min(b));
    }
    let mut sum = 0.0;
    let mut level = c;
    for q in &front[split..] {
        sum += (level - q[2]) * uncovered;
        level = q[2];
        if q[0] >= a && q[1] >= b {
            return Some(sum);
        }
        uncovered -= stair.insert(q[0].min(a), q[1].min(b));
    }
    Some(sum + level * uncovered)
}

/// Inserts `p` into `front` (sorted by the third coordinate, descending), removing the
/// points it weakly dominates. `p` must not be weakly dominated by a point of `front`.
pub(super) fn insert(front: &mut Vec<[f64; 3]>, p: [f64; 3]) {
    front.retain(|q| !(q[0] <= p[0] && q[1] <= p[1] && q[2] <= p[2]));
    let at = front.partition_point(|q| q[2] > p[2]);
    front.insert(at, p);
}
