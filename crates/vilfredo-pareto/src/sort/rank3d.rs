//! Three objectives: Pareto ranking by a sweep with one staircase per front.
//!
//! Jensen (2003), "Reducing the run-time complexity of multiobjective EAs", IEEE TEVC 7(5),
//! sweeps the points in order of the first objective; for three objectives each front
//! keeps the staircase (non-dominated set) of the (second, third) projections of its
//! points seen so far. Distinct point `p` in lexicographic order belongs to the first
//! front whose staircase does not weakly dominate its projection: the staircases are
//! nested in the sense that if front `k` dominates `p` so does front `k - 1` (every point
//! of front `k` is dominated by one of front `k - 1`), so the front is found by binary
//! search, and each test is a binary search in one staircase.
//!
//! Each staircase is a vector sorted by the second objective with the third strictly
//! decreasing; insertion removes the entries the new point covers.

use super::presort::Distinct;

/// `true` when the staircase has an entry `(a, b)` with `a <= y` and `b <= z`.
#[inline]
pub(crate) fn covers(stairs: &[(f64, f64)], y: f64, z: f64) -> bool {
    let idx = stairs.partition_point(|s| s.0 <= y);
    idx > 0 && stairs[idx - 1].1 <= z
}

/// Inserts `(y, z)`, which the staircase does not cover, removing what it covers.
///
/// Returns the number of entries moved, the cost the callers keep in budget.
#[inline]
pub(crate) fn insert(stairs: &mut Vec<(f64, f64)>, y: f64, z: f64) -> usize {
    let idx = stairs.partition_point(|s| s.0 <= y);
    let start = if idx > 0 && stairs[idx - 1].0 == y {
        idx - 1
    } else {
        idx
    };
    let mut end = idx;
    while end < stairs.len() && stairs[end].1 >= z {
        end += 1;
    }
    let moved = stairs.len() - end;
    if start == end {
        stairs.insert(start, (y, z));
    } else {
        stairs[start] = (y, z);
        stairs.drain(start + 1..end);
    }
    moved
}

/// Budget of moved staircase entries, per point, before the sweep gives up.
///
/// Staircases stay small on typical data, but an adversarial order (each new point
/// inserted at the front of a long staircase) would cost O(N²) moves; past the budget the
/// callers switch to algorithms with a worst-case bound.
pub(crate) const MOVE_BUDGET_PER_POINT: usize = 1024;

/// The rank of each distinct point, or `None` when the staircases exceed the move
/// budget.
pub(crate) fn rank(d: &Distinct) -> Option<Vec<usize>> {
    let mut fronts: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut budget = MOVE_BUDGET_PER_POINT * d.len() + 4096;
    let mut rank = Vec::with_capacity(d.len());
    for p in d.pts.chunks_exact(3) {
        let (y, z) = (p[1], p[2]);
        let (mut lo, mut hi) = (0usize, fronts.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if covers(&fronts[mid], y, z) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo == fronts.len() {
            fronts.push(Vec::new());
        }
        let moved = insert(&mut fronts[lo], y, z);
        budget = budget.checked_sub(moved)?;
        rank.push(lo);
    }
    Some(rank)
}
