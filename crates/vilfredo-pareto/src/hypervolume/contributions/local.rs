//! Exact hypervolume of small point sets in a local frame, used on limit sets.
//!
//! Notation: `m` objectives, rows of `m` values in a flat slice, `u` the upper corner of
//! the box being measured. Every row is assumed to be `≥ 0` and `< u` coordinate-wise
//! (callers build them that way), so every row spans a non-empty box `[row, u)`.
//!
//! The kernels follow the WFG algorithm (While, Bradstreet & Barone, "A fast way of
//! calculating exact hypervolumes", IEEE TEVC 16(1), 2012): the volume is the sum of the
//! exclusive volumes of the points taken in order of their last objective, and the
//! exclusive volume of a point is its box minus the hypervolume of the non-dominated part of
//! its *limit set* (the earlier points pushed up to it). Ordering by the last objective makes
//! the limit sets one dimension lower, which is where the recursion ends: a sweep in 3-D and
//! 2-D. The sets handled here are limit sets of a single point, usually a few dozen rows, so
//! quadratic base cases are cheaper than balanced trees.

/// Volume of the box `[row, u)`.
#[inline]
pub(super) fn box_volume(row: &[f64], u: &[f64]) -> f64 {
    row.iter().zip(u).map(|(x, b)| b - x).product()
}

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

/// Hypervolume of the rows of `pts` (`m` values each) inside the box `[0, u)`.
pub(super) fn hv_local(pts: &[f64], m: usize, u: &[f64]) -> f64 {
    debug_assert_eq!(u.len(), m);
    if pts.is_empty() {
        return 0.0;
    }
    match m {
        1 => {
            let lo = pts.iter().copied().fold(f64::INFINITY, f64::min);
            u[0] - lo
        }
        2 => hv2(pts, u),
        3 => hv3(pts, u),
        _ => hv_wfg(pts, m, u),
    }
}

/// 2-D: sort by the first coordinate and sum the strips of the staircase.
fn hv2(pts: &[f64], u: &[f64]) -> f64 {
    let mut rows: Vec<[f64; 2]> = pts.chunks_exact(2).map(|r| [r[0], r[1]]).collect();
    rows.sort_unstable_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    // Scanning by increasing x, a point opens a new step only when its y improves.
    let mut steps: Vec<[f64; 2]> = Vec::with_capacity(rows.len());
    let mut best_y = u[1];
    for r in rows {
        if r[1] < best_y {
            best_y = r[1];
            steps.push(r);
        }
    }
    staircase_area(&steps, u[0], u[1])
}

/// Area of a staircase (x ascending, y strictly descending) under the corner `(ux, uy)`.
fn staircase_area(stairs: &[[f64; 2]], ux: f64, uy: f64) -> f64 {
    let mut area = 0.0;
    for (i, s) in stairs.iter().enumerate() {
        let next_x = stairs.get(i + 1).map_or(ux, |t| t[0]);
        area += (next_x - s[0]) * (uy - s[1]);
    }
    area
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

/// 3-D: sweep the last coordinate upwards, keeping the 2-D staircase of the points seen.
fn hv3(pts: &[f64], u: &[f64]) -> f64 {
    let mut rows: Vec<[f64; 3]> = pts.chunks_exact(3).map(|r| [r[0], r[1], r[2]]).collect();
    rows.sort_unstable_by(|a, b| a[2].total_cmp(&b[2]));
    let mut stairs: Vec<[f64; 2]> = Vec::with_capacity(rows.len());
    let mut volume = 0.0;
    let mut area = 0.0;
    for (i, r) in rows.iter().enumerate() {
        if staircase_insert(&mut stairs, r[0], r[1]) {
            area = staircase_area(&stairs, u[0], u[1]);
        }
        let next_z = rows.get(i + 1).map_or(u[2], |t| t[2]);
        volume += area * (next_z - r[2]);
    }
    volume
}

/// `m ≥ 4`: WFG with the last objective as the slicing one.
fn hv_wfg(pts: &[f64], m: usize, u: &[f64]) -> f64 {
    let k = pts.len() / m;
    let mut idx: Vec<usize> = (0..k).collect();
    idx.sort_unstable_by(|&a, &b| pts[a * m + m - 1].total_cmp(&pts[b * m + m - 1]));
    let d = m - 1;
    let ud = &u[..d];
    let mut limit: Vec<f64> = Vec::with_capacity(k * d);
    let mut nd: Vec<f64> = Vec::with_capacity(k * d);
    let mut order = Vec::with_capacity(k);
    let mut volume = 0.0;
    for (pos, &i) in idx.iter().enumerate() {
        let p = &pts[i * m..i * m + d];
        let height = u[m - 1] - pts[i * m + m - 1];
        limit.clear();
        let mut hidden = false;
        for &j in &idx[..pos] {
            let q = &pts[j * m..j * m + d];
            if weakly_dominates(q, p) {
                hidden = true;
                break;
            }
            limit.extend(q.iter().zip(p).map(|(a, b)| a.max(*b)));
        }
        if hidden {
            continue;
        }
        nd.clear();
        nd_filter(&limit, d, &mut nd, &mut order);
        let exclusive = box_volume(p, ud) - hv_local(&nd, d, ud);
        volume += height * exclusive.max(0.0);
    }
    volume
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

    #[test]
    fn small_volumes() {
        let u = [4.0, 4.0, 4.0, 4.0];
        assert_eq!(hv_local(&[1.0, 1.0, 1.0, 1.0], 4, &u), 81.0);
        // Two boxes 3x1x1x... overlapping.
        let pts = [0.0, 2.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0];
        // each box is 4*2*4*4 = 128 / 2*4*4*4 = 128, overlap 2*2*4*4 = 64
        assert_eq!(hv_local(&pts, 4, &u), 192.0);
        let pts3 = [0.0, 2.0, 0.0, 0.0, 0.0, 2.0];
        assert_eq!(hv_local(&pts3, 3, &u[..3]), 32.0 + 32.0 - 16.0);
        assert_eq!(hv_local(&[1.0, 3.0, 2.0, 1.0], 2, &u[..2]), 3.0 + 6.0 - 2.0);
    }
}
