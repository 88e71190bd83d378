//! Exclusive contributions in three objectives by one sweep along the third objective.
//!
//! This is the scheme of HVC3D (Guerreiro & Fonseca, "Computing and updating hypervolume
//! contributions in up to four dimensions", IEEE TEVC 22(3), 2018): points enter in
//! increasing `z`; at every height the cross-section of the dominated region is a 2-D
//! union of boxes, and the exclusive area of each point in it only changes when a new point
//! arrives next to it. The exclusive volume is the sum of `area × height` over the intervals
//! between those changes.
//!
//! State, for the points seen so far:
//!
//! - the 2-D *front* `F` of their `(x, y)` projections, `x` ascending and `y` descending;
//!   front point `i` owns the rectangle `[x_i, x_{i+1}) × [y_i, y_{i−1})` (with `r` for
//!   missing neighbours), the part of its box that no other front point covers;
//! - for each front point, the staircase of the points seen whose projection it alone
//!   dominates (the HVC3D *delimiters*): their boxes are carved out of the rectangle;
//! - the current exclusive area and the height since which it holds.
//!
//! A new point `q` either falls under exactly one front point (it joins that point's
//! staircase), under two or more (it changes nothing now and never will: its box lies in
//! the box of a front point that is itself private to whoever removes it later), or joins
//! the front: the front points it dominates leave (their volumes are closed and they become
//! its staircase) and its two neighbours lose the part of their rectangle that `q` covers.
//!
//! Areas are recomputed from the rectangle and the staircase as sums of positive strips in
//! coordinates local to the point, and volumes are sums of positive terms, so every
//! contribution keeps full relative precision. Long staircases are updated incrementally
//! instead (see [`SHORT`]). The front and the staircases are sorted vectors: insertions
//! move memory, which is cheap at the sizes met in practice.
//!
//! Duplicates and dominated points need no special case: a copy of `p` arrives as a
//! delimiter at `p` itself and wipes `p`'s area from that height on, and a dominated point
//! joins the staircase of its only dominator or of none.

use super::local::staircase_insert;

/// Staircases up to this length are re-summed from scratch after a change, which keeps
/// every area a sum of positive terms. Longer ones (rare: many points privately dominated
/// by one point) are updated by subtracting the area that changed, so that an update
/// costs only the delimiters it touches.
const SHORT: usize = 32;

/// One point of the 2-D front of the sweep.
struct Entry {
    x: f64,
    y: f64,
    /// Input row of the point.
    id: usize,
    /// Exclusive area in the current cross-section.
    area: f64,
    /// Height since which `area` holds.
    since: f64,
    /// Points whose projection only this entry dominates: x ascending, y descending.
    stairs: Vec<[f64; 2]>,
}

impl Entry {
    /// Recomputes `area` for the rectangle `[x, right) × [y, top)` minus the staircase.
    fn refresh(&mut self, right: f64, top: f64) {
        let (w, h) = (right - self.x, top - self.y);
        let mut area = 0.0;
        let mut left = 0.0;
        let mut low = h;
        for s in &self.stairs {
            let (sx, sy) = (s[0] - self.x, s[1] - self.y);
            area += (sx - left) * low;
            left = sx;
            low = sy;
        }
        self.area = area + (w - left) * low;
    }

    /// Adds the volume accumulated up to height `z` and restarts the interval there.
    fn close(&mut self, z: f64, volume: &mut [f64]) {
        volume[self.id] += self.area * (z - self.since);
        self.since = z;
    }
}

/// Contributions of every row of `data` (three objectives), in input order.
pub(super) fn contributions(data: &[f64], r: &[f64], ignore_dominated: bool) -> Vec<f64> {
    let n = data.len() / 3;
    let mut pts: Vec<([f64; 3], usize)> = data
        .chunks_exact(3)
        .enumerate()
        .filter(|(_, p)| p.iter().zip(r).all(|(v, b)| v < b))
        .map(|(i, p)| ([p[0], p[1], p[2]], i))
        .collect();
    // (z, x, y) lexicographic: a dominator always comes before the points it dominates.
    pts.sort_unstable_by(|(a, _), (b, _)| {
        a[2].total_cmp(&b[2])
            .then_with(|| a[0].total_cmp(&b[0]))
            .then_with(|| a[1].total_cmp(&b[1]))
    });
    if ignore_dominated {
        pts = non_dominated(&pts);
    }
    let mut volume = vec![0.0; n];
    let mut front: Vec<Entry> = Vec::new();
    // Staircase buffers of points that left the front, reused to save allocations.
    let mut pool: Vec<Vec<[f64; 2]>> = Vec::new();
    for &([x, y, z], id) in &pts {
        // Front points with x' ≤ x are [0, pos); those among them with y' ≤ y dominate
        // (x, y) weakly and, y being descending, form the suffix [first, pos).
        let pos = front.partition_point(|e| e.x <= x);
        let first = front[..pos].partition_point(|e| e.y > y);
        match pos - first {
            0 => insert(&mut front, &mut pool, pos, [x, y, z], id, r, &mut volume),
            1 => {
                let i = pos - 1;
                let right = front.get(i + 1).map_or(r[0], |e| e.x);
                let top = if i > 0 { front[i - 1].y } else { r[1] };
                let e = &mut front[i];
                if e.stairs.len() <= SHORT {
                    let area = e.area;
                    if staircase_insert(&mut e.stairs, x, y) {
                        volume[e.id] += area * (z - e.since);
                        e.since = z;
                        e.refresh(right, top);
                    }
                } else if let Some(covered) = newly_covered(&e.stairs, x, y, right, top) {
                    e.close(z, &mut volume);
                    staircase_insert(&mut e.stairs, x, y);
                    e.area = (e.area - covered).max(0.0);
                }
            }
            _ => {}
        }
    }
    for e in &mut front {
        e.close(r[2], &mut volume);
    }
    volume
}

/// Adds the non-dominated projection `(x, y)` at index `pos` of the front.
fn insert(
    front: &mut Vec<Entry>,
    pool: &mut Vec<Vec<[f64; 2]>>,
    pos: usize,
    p: [f64; 3],
    id: usize,
    r: &[f64],
    vol: &mut [f64],
) {
    let [x, y, z] = p;
    // Front points dominated by (x, y): one with the same x just before `pos` (its y is
    // larger, or it would dominate), then the prefix of [pos, ..) with y' ≥ y.
    let lo = if pos > 0 && front[pos - 1].x == x {
        pos - 1
    } else {
        pos
    };
    let mut hi = pos;
    while hi < front.len() && front[hi].y >= y {
        hi += 1;
    }
    let mut stairs = pool.pop().unwrap_or_default();
    stairs.clear();
    for e in &mut front[lo..hi] {
        e.close(z, vol);
        stairs.push([e.x, e.y]);
        if e.stairs.capacity() > 0 {
            pool.push(std::mem::take(&mut e.stairs));
        }
    }
    // The bounds the neighbours had before: the left one ended at the first removed
    // point (or the right neighbour), the right one started under the last removed point.
    let old_right = front.get(lo).map_or(r[0], |e| e.x);
    let old_top = if hi > 0 { front[hi - 1].y } else { r[1] };
    // The left neighbour now ends at x; its delimiters at x' ≥ x are covered by p too.
    if lo > 0 {
        let top = if lo > 1 { front[lo - 2].y } else { r[1] };
        let left = &mut front[lo - 1];
        left.close(z, vol);
        let keep = left.stairs.partition_point(|s| s[0] < x);
        if left.stairs.len() <= SHORT {
            left.stairs.truncate(keep);
            left.refresh(x, top);
        } else {
            // The uncovered strips at x' ≥ x, from the ceiling left of x.
            let mut cur = if keep > 0 {
                left.stairs[keep - 1][1]
            } else {
                top
            };
            let mut from = x;
            let mut covered = 0.0;
            for s in &left.stairs[keep..] {
                covered += (s[0] - from) * (cur - left.y);
                from = s[0];
                cur = s[1];
            }
            covered += (old_right - from) * (cur - left.y);
            left.stairs.truncate(keep);
            left.area = (left.area - covered).max(0.0);
        }
    }
    // The right neighbour (index `hi` until the splice below) now ends at height y; its
    // delimiters at y' ≥ y go the same way.
    if hi < front.len() {
        let right = front.get(hi + 1).map_or(r[0], |e| e.x);
        let next = &mut front[hi];
        next.close(z, vol);
        let drop = next.stairs.partition_point(|s| s[1] >= y);
        if next.stairs.len() <= SHORT {
            next.stairs.drain(..drop);
            next.refresh(right, y);
        } else {
            // The uncovered strips above height y: under the old top before the first
            // delimiter, then under each delimiter that reaches above y.
            let first_x = next.stairs.first().map_or(right, |s| s[0]);
            let mut covered = (first_x - next.x) * (old_top - y);
            for (j, s) in next.stairs[..drop].iter().enumerate() {
                let to = next.stairs.get(j + 1).map_or(right, |t| t[0]);
                covered += (to - s[0]) * (s[1] - y);
            }
            next.stairs.drain(..drop);
            next.area = (next.area - covered).max(0.0);
        }
    }
    let mut entry = Entry {
        x,
        y,
        id,
        area: 0.0,
        since: z,
        stairs,
    };
    let right = front.get(hi).map_or(r[0], |e| e.x);
    let top = if lo > 0 { front[lo - 1].y } else { r[1] };
    entry.refresh(right, top);
    // One move of the tail: the removed points out, the new one in.
    front.splice(lo..hi, std::iter::once(entry));
}

/// The area that a new delimiter `(qx, qy)` would carve out of the region left by
/// `stairs` in the rectangle with corners `right`, `top`; `None` when a delimiter already
/// covers it. Only the delimiters it replaces are visited.
fn newly_covered(stairs: &[[f64; 2]], qx: f64, qy: f64, right: f64, top: f64) -> Option<f64> {
    let pos = stairs.partition_point(|s| s[0] <= qx);
    if pos > 0 && stairs[pos - 1][1] <= qy {
        return None;
    }
    // Left of qx the lowest delimiter sets the ceiling; the delimiters q covers lower it
    // step by step; the first one below qy ends the region.
    let mut cur = if pos > 0 { stairs[pos - 1][1] } else { top };
    let mut from = qx;
    let mut area = 0.0;
    let mut j = pos;
    while j < stairs.len() && stairs[j][1] >= qy {
        area += (stairs[j][0] - from) * (cur - qy);
        from = stairs[j][0];
        cur = stairs[j][1];
        j += 1;
    }
    let to = stairs.get(j).map_or(right, |s| s[0]);
    Some(area + (to - from) * (cur - qy))
}

/// The points of `pts` (sorted by (z, x, y)) that no other point dominates; copies are kept.
fn non_dominated(pts: &[([f64; 3], usize)]) -> Vec<([f64; 3], usize)> {
    let mut stairs: Vec<[f64; 2]> = Vec::new();
    let mut keep = Vec::with_capacity(pts.len());
    let mut i = 0;
    while i < pts.len() {
        let p = pts[i].0;
        let mut j = i + 1;
        while j < pts.len() && pts[j].0 == p {
            j += 1;
        }
        // Everything already in `stairs` comes earlier in (z, x, y) order and differs from
        // p, so weak dominance of the projection means dominance in 3-D.
        if staircase_insert(&mut stairs, p[0], p[1]) {
            keep.extend_from_slice(&pts[i..j]);
        }
        i = j;
    }
    keep
}
