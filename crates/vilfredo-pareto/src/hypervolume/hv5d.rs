//! Five-objective hypervolume: a sweep along the fifth objective that adds, point by
//! point, the four-dimensional exclusive contribution of each new point, each measured by
//! a sweep along the fourth objective over three-dimensional slabs.
//!
//! The outer sweep is the dimension sweep of [`super::general`] (While, Bradstreet &
//! Barone 2012): `HV = Σ u4(p) · contribution4(p)` over points visited from the best to
//! the worst fifth coordinate, against the non-dominated set `F` of the projections
//! visited before. The inner step follows the contribution sweep of Guerreiro & Fonseca
//! (IEEE TEVC 2018, HV4D+), one dimension up: with `F` kept sorted by its fourth
//! coordinate, the contribution of `p = (a, b, c, w)` is
//! `∫_0^w (abc − V3(t)) dt`, where `V3(t)` is the volume that the points of `F` at or
//! above level `t`, clipped to `p`'s box, cover in the first three coordinates. The points
//! above `w` are measured together by one three-dimensional sweep; the points below are
//! then added one at a time with their clipped three-dimensional contributions
//! ([`super::hv4d::Front`]), and the integral stops as soon as one of them covers the
//! whole box. Compared with measuring the limited set from scratch, this skips building,
//! filtering and sorting it, and it stops early. The outer sweep stops early too, once a
//! point of `F` is at least as large as every point still to come (in the limited sets of
//! the general recursion, one point often reaches the limiting point).
//!
//! Coordinates are shifted (`u = r − x > 0`, larger is better; see the module guide).

use super::hv3d::{self, Staircase};
use super::hv4d::{self, Front};

/// Tied groups at least this large are measured in one sweep (see [`volume`]).
const GROUP_MIN: usize = 8;

/// Reusable buffers of [`volume`].
#[derive(Debug, Default)]
pub(super) struct Scratch {
    order: Vec<[f64; 5]>,
    front: Vec<[f64; 4]>,
    group: Vec<[f64; 3]>,
    kept: Vec<[f64; 3]>,
    slab: Front,
    stair: Staircase,
    plan: hv4d::Plan,
    flat: Vec<f64>,
    rest: Vec<[f64; 4]>,
    s4: hv4d::Scratch,
}

/// The volume of `⋃ [0, u]` over the rows of `u` (stride 5, every value > 0).
pub(super) fn volume(u: &[f64], s: &mut Scratch) -> f64 {
    s.order.clear();
    s.order
        .extend(u.chunks_exact(5).map(|p| [p[0], p[1], p[2], p[3], p[4]]));
    s.order.sort_unstable_by(|a, b| b[4].total_cmp(&a[4]));
    s.front.clear();
    let mut sum = 0.0;
    // The points tied at the best fifth coordinate (the usual case in limited sets of the
    // general recursion) form one slab, measured by one four-dimensional sweep; its
    // non-dominated part is the starting front.
    let top = s.order.first().map_or(0.0, |p| p[4]);
    let tied = s.order.iter().take_while(|p| p[4] == top).count();
    let start = if tied >= GROUP_MIN {
        s.flat.clear();
        for p in &s.order[..tied] {
            s.flat.extend_from_slice(&p[..4]);
        }
        // The four-dimensional sweep yields the starting front, already in order.
        sum += top * hv4d::volume_keeping(&s.flat, &mut s.s4, Some(&mut s.front));
        tied
    } else {
        0
    };
    // rest[i]: the coordinatewise maximum of the points from i on. Once the front holds a
    // point at least that large, every remaining point is dominated and adds nothing; in
    // limited sets (where points are cut to the limiting point) this ends the sweep early.
    suffix_max(&s.order, &mut s.rest);
    if s.front.iter().any(|q| covers(q, &s.rest[start])) {
        return sum;
    }
    for i in start..s.order.len() {
        let p = s.order[i];
        let q = [p[0], p[1], p[2], p[3]];
        if let Some(c) = contribution(s, &q) {
            sum += p[4] * c;
            insert(&mut s.front, q);
            if covers(&q, &s.rest[i + 1]) {
                break;
            }
        }
    }
    sum
}

/// Fills `rest` with the suffix maxima of the first four coordinates of `order`, plus a
/// final all-zero row (every value is > 0, so nothing is covered by it vacuously).
fn suffix_max(order: &[[f64; 5]], rest: &mut Vec<[f64; 4]>) {
    rest.clear();
    rest.resize(order.len() + 1, [0.0; 4]);
    for (i, p) in order.iter().enumerate().rev() {
        let next = rest[i + 1];
        rest[i] = std::array::from_fn(|j| p[j].max(next[j]));
    }
}

/// Whether `q ≥ r` in every coordinate.
fn covers(q: &[f64; 4], r: &[f64; 4]) -> bool {
    (q[0] >= r[0]) & (q[1] >= r[1]) & (q[2] >= r[2]) & (q[3] >= r[3])
}

/// The volume of `[0, p]` not covered by the boxes of `s.front`, or `None` when a point
/// of the front weakly dominates `p`.
fn contribution(s: &mut Scratch, p: &[f64; 4]) -> Option<f64> {
    let [a, b, c, w] = *p;
    let split = s.front.partition_point(|q| q[3] >= w);
    let above = &s.front[..split];
    // The points above level w, clipped to p's box. A point worse than p in a single one
    // of the first three coordinates clips to p with that coordinate lowered; for each
    // coordinate only the largest such value matters, and it hides every clipped point
    // that is no larger in that coordinate (the prefilter of `general::limit_set`).
    // Both passes are branch-free: a point of the front that weakly dominates p is rare,
    // and testing for it at the end costs less than a mispredicted exit.
    let mut best = [0.0f64; 3];
    let mut beaten = false;
    for q in above {
        let worse = [q[0] < a, q[1] < b, q[2] < c];
        let count = u8::from(worse[0]) + u8::from(worse[1]) + u8::from(worse[2]);
        beaten |= count == 0;
        for j in 0..3 {
            let v = if worse[j] & (count == 1) { q[j] } else { 0.0 };
            best[j] = best[j].max(v);
        }
    }
    if beaten {
        return None;
    }
    let group = &mut s.group;
    group.clear();
    for (j, &v) in best.iter().enumerate() {
        if v > 0.0 {
            let mut r = [a, b, c];
            r[j] = v;
            group.push(r);
        }
    }
    let mut len = group.len();
    group.resize(len + above.len(), [0.0; 3]);
    for q in above {
        group[len] = [q[0].min(a), q[1].min(b), q[2].min(c)];
        len += usize::from((q[0] > best[0]) & (q[1] > best[1]) & (q[2] > best[2]));
    }
    group.truncate(len);
    let top = hv3d::volume_of_rows(group, &mut s.stair, &mut s.kept);
    s.slab.fill(&s.kept);
    let mut uncovered = a * b * c - top;
    let mut level = w;
    let mut sum = 0.0;
    for q in &s.front[split..] {
        // Hidden behind a single-coordinate point already in the slab: adds nothing. Most
        // points leave here, so the test is branch-free; as every `best[j] < p_j`, testing
        // q itself is the same as testing q clipped to p's box.
        if (q[0] <= best[0]) | (q[1] <= best[1]) | (q[2] <= best[2]) {
            continue;
        }
        if (q[0] >= a) & (q[1] >= b) & (q[2] >= c) {
            return Some(sum + (level - q[3]) * uncovered);
        }
        let cq = [q[0].min(a), q[1].min(b), q[2].min(c)];
        let worse = [q[0] < a, q[1] < b, q[2] < c];
        if worse.iter().filter(|&&x| x).count() == 1 {
            let j = worse.iter().position(|&x| x).unwrap_or(0);
            best[j] = cq[j];
        }
        if let Some(c3) = s.slab.contribution(&cq, &mut s.stair, &mut s.plan) {
            sum += (level - q[3]) * uncovered;
            level = q[3];
            uncovered -= c3;
            s.slab.insert(cq, &s.plan);
        }
    }
    Some(sum + level * uncovered)
}

/// Inserts `p` into `front` (sorted by the fourth coordinate, descending), removing the
/// points it weakly dominates. `p` must not be weakly dominated by a point of `front`.
fn insert(front: &mut Vec<[f64; 4]>, p: [f64; 4]) {
    let at = front.partition_point(|q| q[3] > p[3]);
    // Dominated points have a fourth coordinate ≤ p's: they sit at or after `at`. They
    // are rare, so look for the first one before moving anything.
    let dominated =
        |q: &[f64; 4]| (q[0] <= p[0]) & (q[1] <= p[1]) & (q[2] <= p[2]) & (q[3] <= p[3]);
    if let Some(first) = front[at..].iter().position(dominated) {
        let mut kept = at + first;
        for r in kept + 1..front.len() {
            let q = front[r];
            if !dominated(&q) {
                front[kept] = q;
                kept += 1;
            }
        }
        front.truncate(kept);
    }
    front.insert(at, p);
}
