//! Three objectives: the non-dominated filter in O(N log N).
//!
//! Kung, Luccio & Preparata (1975), "On finding the maxima of a set of vectors", JACM 22(4),
//! sweep the points in order of the first objective and keep the staircase of the
//! (second, third) projections seen so far in a balanced tree: distinct point `p` (in
//! lexicographic order) is dominated exactly when an earlier point has second objective
//! `<= p.1` and third `<= p.2`. Only non-dominated points are inserted, since a dominated
//! point's dominators dominate whatever it dominates.
//!
//! The staircase is kept in a sorted vector, which beats any tree while it is small (the
//! usual case). If moving its entries grows costly, a Fenwick tree over the dense ranks of
//! the second objective, holding prefix minima of the third, takes over: `p` is dominated
//! when the prefix minimum up to the rank of `p.1` is `<= p.2`.

use super::presort::{Distinct, dense_ranks};
use super::rank3d::{MOVE_BUDGET_PER_POINT, covers, insert};

/// `true` for each distinct point that no other point dominates.
///
/// The staircase is first kept in a sorted vector, which is fastest when it stays small
/// (the usual case); if it costs too many moves, the Fenwick tree takes over.
pub(crate) fn filter(d: &Distinct) -> Vec<bool> {
    filter_vec(d).unwrap_or_else(|| filter_fenwick(d))
}

/// The sweep with the staircase in a sorted vector, or `None` past the move budget.
fn filter_vec(d: &Distinct) -> Option<Vec<bool>> {
    let mut stairs: Vec<(f64, f64)> = Vec::new();
    let mut budget = MOVE_BUDGET_PER_POINT * d.len() + 4096;
    let mut mask = Vec::with_capacity(d.len());
    for p in d.pts.chunks_exact(3) {
        let (y, z) = (p[1], p[2]);
        if covers(&stairs, y, z) {
            mask.push(false);
        } else {
            budget = budget.checked_sub(insert(&mut stairs, y, z))?;
            mask.push(true);
        }
    }
    Some(mask)
}

/// The sweep with the staircase as prefix minima in a Fenwick tree: O(N log N) always.
fn filter_fenwick(d: &Distinct) -> Vec<bool> {
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
