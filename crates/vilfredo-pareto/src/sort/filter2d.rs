//! Two objectives: non-dominated filter and ranking by one sweep over sorted points.
//!
//! On distinct points in lexicographic order, point `p` is dominated exactly when an
//! earlier point has a second objective `<= p.1` (Kung, Luccio & Preparata 1975, the
//! two-dimensional case). The filter keeps the running minimum of the second objective.
//!
//! Ranking keeps, for each front found so far, the smallest second objective among its
//! points: these minima are non-decreasing with the front index, so the front of `p` is
//! the first whose minimum exceeds `p.1`, found by binary search. This is the
//! two-dimensional specialisation of Jensen (2003), "Reducing the run-time complexity of
//! multiobjective EAs: The NSGA-II and other algorithms", IEEE TEVC 7(5), O(N log N).

use super::presort::Distinct;

/// `true` for each distinct point that no other point dominates.
pub(crate) fn filter(d: &Distinct) -> Vec<bool> {
    let mut best = f64::INFINITY;
    d.pts
        .chunks_exact(2)
        .map(|p| {
            if p[1] < best {
                best = p[1];
                true
            } else {
                false
            }
        })
        .collect()
}

/// The rank of each distinct point.
pub(crate) fn rank(d: &Distinct) -> Vec<usize> {
    let mut front_min: Vec<f64> = Vec::new();
    d.pts
        .chunks_exact(2)
        .map(|p| {
            let y = p[1];
            let k = front_min.partition_point(|&v| v <= y);
            if k == front_min.len() {
                front_min.push(y);
            } else {
                front_min[k] = y;
            }
            k
        })
        .collect()
}
