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

use super::block::Blocks;
use super::presort::{Distinct, key, radix_sort};

/// `a <= b` in every coordinate, without early exit: for the short rows here, testing
/// every coordinate without branches is faster than mispredicting where they differ.
#[inline]
pub(crate) fn weakly_le(a: &[f64], b: &[f64]) -> bool {
    a.iter().zip(b).fold(true, |acc, (x, y)| acc & (x <= y))
}

/// How many of the first non-dominated points screen the rest before the handover.
const SCREEN: usize = 32;

/// `true` for each distinct point that no other point dominates.
///
/// When more than `limit` non-dominated points turn up, the filter stops and hands over
/// to the divide-and-conquer algorithm of `general`, restricted to the points that can
/// still matter: the non-dominated points found so far (as dominators) and the points not
/// yet visited that none of the first [`SCREEN`] non-dominated points dominates. The
/// visited dominated points are dropped, since their own dominators dominate whatever
/// they would.
pub(crate) fn filter(d: &Distinct, limit: usize) -> Vec<bool> {
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
    // The non-dominated points found so far, in order, laid out for the scans.
    let mut front = Blocks::new(m);
    let mut front_idx: Vec<u32> = Vec::new();
    let mut last: usize = 0;
    for (pos, &(_, i)) in items.iter().enumerate() {
        let p = d.row(i as usize);
        if front.len() > 0 && front.weakly_dominates(last, p) {
            continue;
        }
        if let Some(j) = front.find_dominator(p, false) {
            last = j;
            continue;
        }
        if front_idx.len() >= limit {
            let pending: Vec<u32> = items[pos..].iter().map(|&(_, i)| i).collect();
            return hand_over(d, front_idx, &pending);
        }
        front.push(p);
        front_idx.push(i);
        mask[i as usize] = true;
    }
    mask
}

/// Finishes the filter with divide and conquer; see [`filter`].
fn hand_over(d: &Distinct, mut keep: Vec<u32>, pending: &[u32]) -> Vec<bool> {
    let m = d.m;
    let mut screen = Blocks::new(m);
    for &i in &keep[..SCREEN.min(keep.len())] {
        screen.push(d.row(i as usize));
    }
    keep.extend(
        pending
            .iter()
            .copied()
            .filter(|&i| screen.find_dominator(d.row(i as usize), false).is_none()),
    );
    // Increasing indices keep the subset in lexicographic order.
    keep.sort_unstable();
    let mut pts = Vec::with_capacity(keep.len() * m);
    for &i in &keep {
        pts.extend_from_slice(d.row(i as usize));
    }
    let sub = Distinct {
        m,
        pts,
        order: Vec::new(),
        group: Vec::new(),
    };
    let ranks = super::general::rank(&sub, 1);
    let mut mask = vec![false; d.len()];
    for (&i, &r) in keep.iter().zip(&ranks) {
        mask[i as usize] = r == 0;
    }
    mask
}
