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
//! contribution keeps full relative precision. A staircase update costs its length, which
//! is small in practice (quadratic only in contrived inputs); the front is a sorted vector.
//!
//! Duplicates and dominated points need no special case: a copy of `p` arrives as a
//! delimiter at `p` itself and wipes `p`'s area from that height on, and a dominated point
//! joins the staircase of its only dominator or of none.

use super::local::staircase_insert;

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
    for &([x, y, z], id) in &pts {
        // Front points with x' ≤ x are [0, pos); those among them with y' ≤ y dominate
        // (x, y) weakly and, y being descending, form the suffix [first, pos).
        let pos = front.partition_point(|e| e.x <= x);
        let first = front[..pos].partition_point(|e| e.y > y);
        match pos - first {
            0 => insert(&mut front, pos, [x, y, z], id, r, &mut volume),
            1 => {
                let i = pos - 1;
                let right = front.get(i + 1).map_or(r[0], |e| e.x);
                let top = if i > 0 { front[i - 1].y } else { r[1] };
                let e = &mut front[i];
                let area = e.area;
                if staircase_insert(&mut e.stairs, x, y) {
                    volume[e.id] += area * (z - e.since);
                    e.since = z;
                    e.refresh(right, top);
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
fn insert(front: &mut Vec<Entry>, pos: usize, p: [f64; 3], id: usize, r: &[f64], vol: &mut [f64]) {
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
    let mut stairs = Vec::with_capacity(hi - lo);
    for e in &mut front[lo..hi] {
        e.close(z, vol);
        stairs.push([e.x, e.y]);
    }
    let mut entry = Entry {
        x,
        y,
        id,
        area: 0.0,
        since: z,
        stairs,
    };
    front.splice(lo..hi, std::iter::empty());
    // The left neighbour now ends at x; its delimiters at x' ≥ x are covered by p too.
    if lo > 0 {
        let top = if lo > 1 { front[lo - 2].y } else { r[1] };
        let left = &mut front[lo - 1];
        left.close(z, vol);
        let keep = left.stairs.partition_point(|s| s[0] < x);
        left.stairs.truncate(keep);
        left.refresh(x, top);
    }
    // The right neighbour now ends at height y; its delimiters at y' ≥ y go the same way.
    if lo < front.len() {
        let right = front.get(lo + 1).map_or(r[0], |e| e.x);
        let next = &mut front[lo];
        next.close(z, vol);
        let drop = next.stairs.partition_point(|s| s[1] >= y);
        next.stairs.drain(..drop);
        next.refresh(right, y);
    }
    let right = front.get(lo).map_or(r[0], |e| e.x);
    let top = if lo > 0 { front[lo - 1].y } else { r[1] };
    entry.refresh(right, top);
    front.insert(lo, entry);
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
