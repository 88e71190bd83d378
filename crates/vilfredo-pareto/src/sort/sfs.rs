//! Any number of objectives: the non-dominated filter by presorting on the sum.
//!
//! Sort-filter-skyline (Chomicki, Godfrey, Gryz & Liang 2003, "Skyline with presorting",
//! ICDE): visit the points in an order in which every dominator of a point comes before
//! it, and compare each point with the non-dominated points found so far only. Sorting
//! by the sum of the objectives puts the points most likely to dominate many others
//! first, so a dominated point usually meets a dominator within a few comparisons; the
//! last dominator found is tried first, as consecutive points tend to share one.
//!
//! The order is (floating-point sum, lexicographic position). Rounded addition is
//! monotone, so a dominator's sum is never larger; equal sums fall back to lexicographic
//! order, in which dominators also come first. The work is about `N · F` comparisons for
//! a front of `F` points, so the caller gives up (and uses the divide-and-conquer
//! algorithm) when the front grows past `limit`.

use super::presort::{Distinct, key, radix_sort};

/// `true` for each distinct point that no other point dominates, or `None` when more
/// than `limit` points turn out to be non-dominated.
pub(crate) fn filter(d: &Distinct, limit: usize) -> Option<Vec<bool>> {
    let m = d.m;
    let u = d.len();
    let mut items: Vec<(u64, u32)> = d
        .pts
        .chunks_exact(m)
        .enumerate()
        .map(|(i, p)| (key(p.iter().fold(0.0, |s, &v| s + v)), i as u32))
        .collect();
    let mut scratch = Vec::new();
    radix_sort(&mut items, &mut scratch);
    drop(scratch);
    let mut mask = vec![false; u];
    // Coordinates of the non-dominated points found so far, contiguous for the scans.
    let mut front: Vec<f64> = Vec::new();
    let mut last: usize = 0;
    for &(_, i) in &items {
        let p = d.row(i as usize);
        let le = |q: &[f64]| q.iter().zip(p).all(|(x, y)| x <= y);
        let n_front = front.len() / m;
        if n_front > 0 && le(&front[last * m..(last + 1) * m]) {
            continue;
        }
        if let Some(j) = front.chunks_exact(m).position(le) {
            last = j;
            continue;
        }
        if n_front >= limit {
            return None;
        }
        front.extend_from_slice(p);
        mask[i as usize] = true;
    }
    Some(mask)
}
