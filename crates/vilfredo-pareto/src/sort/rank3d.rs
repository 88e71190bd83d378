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
fn covers(stairs: &[(f64, f64)], y: f64, z: f64) -> bool {
    let idx = stairs.partition_point(|s| s.0 <= y);
    idx > 0 && stairs[idx - 1].1 <= z
}

/// Inserts `(y, z)`, which the staircase does not cover, removing what it covers.
#[inline]
fn insert(stairs: &mut Vec<(f64, f64)>, y: f64, z: f64) {
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
    if start == end {
        stairs.insert(start, (y, z));
    } else {
        stairs[start] = (y, z);
        stairs.drain(start + 1..end);
    }
}

/// The rank of each distinct point.
pub(crate) fn rank(d: &Distinct) -> Vec<usize> {
    let mut fronts: Vec<Vec<(f64, f64)>> = Vec::new();
    d.pts
        .chunks_exact(3)
        .map(|p| {
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
            insert(&mut fronts[lo], y, z);
            lo
        })
        .collect()
}
