//! Small sets with four or more objectives: pairwise ranking front by front.
//!
//! Efficient non-dominated sort with binary search (ENS-BS; Zhang, Tian, Cheng & Jin
//! 2015, "An efficient approach to nondominated sorting for evolutionary multiobjective
//! optimization", IEEE TEVC 19(2)): visit the points in lexicographic order, so every
//! dominator of a point has already been placed, and find the point's front by binary
//! search, testing each candidate front by scanning it for a dominator. A front holds a
//! dominator of `p` only if all lower fronts do, which makes the search valid.
//!
//! The cost is O(M N²) in the worst case, but with no recursion or bookkeeping it is the
//! fastest choice for a few thousand points. Each front keeps the coordinates of its
//! members in `Blocks`, without the first objective, which the order makes redundant.

use super::block::Blocks;
use super::presort::Distinct;

/// The rank of each distinct point (at least two objectives).
pub(crate) fn rank(d: &Distinct) -> Vec<usize> {
    let m = d.m;
    let w = m - 1;
    let mut fronts: Vec<Blocks> = Vec::new();
    d.pts
        .chunks_exact(m)
        .map(|p| {
            let tail = &p[1..];
            let (mut lo, mut hi) = (0usize, fronts.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                if fronts[mid].find_dominator(tail, true).is_some() {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if lo == fronts.len() {
                fronts.push(Blocks::new(w));
            }
            fronts[lo].push(tail);
            lo
        })
        .collect()
}
