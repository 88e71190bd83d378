//! Three objectives: the non-dominated filter in O(N log N).
//!
//! Kung, Luccio & Preparata (1975), "On finding the maxima of a set of vectors", JACM 22(4),
//! sweep the points in order of the first objective and keep the staircase of the
//! (second, third) projections seen so far in a balanced tree. Here the tree is a
//! Fenwick tree over the dense ranks of the second objective holding prefix minima of the
//! third: distinct point `p` (in lexicographic order) is dominated exactly when an earlier
//! point has second objective `<= p.1` and third `<= p.2`, that is when the prefix minimum
//! up to the rank of `p.1` is `<= p.2`. Only non-dominated points are inserted, since a
//! dominated point's dominators dominate whatever it dominates.

use super::presort::{Distinct, dense_ranks};

/// `true` for each distinct point that no other point dominates.
pub(crate) fn filter(d: &Distinct) -> Vec<bool> {
    let (r1, n_values) = dense_ranks(d, 1);
    let mut tree = vec![f64::INFINITY; n_values + 1];
    d.pts
        .chunks_exact(3)
        .zip(&r1)
        .map(|(p, &r)| {
            let z = p[2];
            // Prefix minimum over ranks 0..=r (tree positions 1..=r+1).
            let mut i = r as usize + 1;
            let mut best = f64::INFINITY;
            while i > 0 {
                best = best.min(tree[i]);
                i &= i - 1;
            }
            if best <= z {
                return false;
            }
            let mut i = r as usize + 1;
            while i <= n_values {
                if tree[i] > z {
                    tree[i] = z;
                }
                i += i & i.wrapping_neg();
            }
            true
        })
        .collect()
}
