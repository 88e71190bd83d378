//! Small helpers shared by the contribution kernels: weak dominance, a non-dominated
//! filter for limit sets, and a 2-D staircase.
//!
//! Notation: `m` objectives, rows of `m` values in a flat slice, minimisation.

/// `true` when `a ≤ b` in every coordinate (weak dominance, equality included).
#[inline]
pub(super) fn weakly_dominates(a: &[f64], b: &[f64]) -> bool {
    a.iter().zip(b).all(|(x, y)| x <= y)
}

/// Appends to `out` the rows of `src` that no other row weakly dominates (one copy of
/// duplicates). `order` is scratch space.
///
/// Rows are visited by increasing coordinate sum, so a row can only be weakly dominated by
/// rows kept before it (up to rounding of the sums, which at worst keeps a dominated row; a
/// dominated row never changes a hypervolume).
pub(super) fn nd_filter(src: &[f64], m: usize, out: &mut Vec<f64>, order: &mut Vec<(f64, usize)>) {
    let start = out.len();
    order.clear();
    order.extend(
        src.chunks_exact(m)
            .enumerate()
            .map(|(i, r)| (r.iter().sum::<f64>(), i)),
    );
    order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    for &(_, i) in order.iter() {
        let row = &src[i * m..(i + 1) * m];
        let covered = out[start..]
            .chunks_exact(m)
            .any(|kept| weakly_dominates(kept, row));
        if !covered {
            out.extend_from_slice(row);
        }
    }
}

/// Inserts `(x, y)` into a staircase (x ascending, y strictly descending), dropping the
/// steps it dominates. Returns `false` (and changes nothing) when a step weakly dominates it.
pub(super) fn staircase_insert(stairs: &mut Vec<[f64; 2]>, x: f64, y: f64) -> bool {
    // First step with step.x > x.
    let pos = stairs.partition_point(|s| s[0] <= x);
    if pos > 0 && stairs[pos - 1][1] <= y {
        return false;
    }
    // Steps at pos.. have x > x_new; those with y ≥ y_new are dominated. Because y is
    // descending they form a prefix of stairs[pos..]. A step at pos-1 with equal x and
    // larger y is dominated as well.
    let mut lo = pos;
    if pos > 0 && stairs[pos - 1][0] == x {
        lo = pos - 1;
    }
    let mut hi = pos;
    while hi < stairs.len() && stairs[hi][1] >= y {
        hi += 1;
    }
    stairs.splice(lo..hi, std::iter::once([x, y]));
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staircase_insert_keeps_invariant() {
        let mut s = Vec::new();
        assert!(staircase_insert(&mut s, 2.0, 2.0));
        assert!(staircase_insert(&mut s, 1.0, 3.0));
        assert!(staircase_insert(&mut s, 3.0, 1.0));
        assert!(!staircase_insert(&mut s, 2.5, 2.5));
        assert!(staircase_insert(&mut s, 2.0, 0.5));
        assert_eq!(s, vec![[1.0, 3.0], [2.0, 0.5]]);
    }
}
