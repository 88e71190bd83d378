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
//! members contiguously, without the first objective, which the order makes redundant.

use super::presort::Distinct;

/// `true` when some member of `front` (rows of `w` values) is `<= tail` everywhere.
#[inline]
fn has_dominator(front: &[f64], w: usize, tail: &[f64]) -> bool {
    front
        .chunks_exact(w)
        .rev()
        .any(|q| super::sfs::weakly_le(q, tail))
}

/// The rank of each distinct point (at least two objectives).
pub(crate) fn rank(d: &Distinct) -> Vec<usize> {
    let m = d.m;
    let w = m - 1;
    let mut fronts: Vec<Vec<f64>> = Vec::new();
    d.pts
        .chunks_exact(m)
        .map(|p| {
            let tail = &p[1..];
            let (mut lo, mut hi) = (0usize, fronts.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                if has_dominator(&fronts[mid], w, tail) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if lo == fronts.len() {
                fronts.push(Vec::new());
            }
            fronts[lo].extend_from_slice(tail);
            lo
        })
        .collect()
}
