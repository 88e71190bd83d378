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
//! filtering and sorting it, and it stops early.
//!
//! Coordinates are shifted (`u = r − x > 0`, larger is better; see the module guide).

use super::hv3d::{self, Staircase};
use super::hv4d::{self, Front};
use super::nondominated;

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
    doomed: Vec<usize>,
    flat: Vec<f64>,
    s4: hv4d::Scratch,
    filter: nondominated::Scratch,
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
        sum += top * hv4d::volume(&s.flat, &mut s.s4);
        nondominated::filter(&mut s.flat, 4, &mut s.filter);
        s.front
            .extend(s.flat.chunks_exact(4).map(|q| [q[0], q[1], q[2], q[3]]));
        s.front.sort_unstable_by(|a, b| b[3].total_cmp(&a[3]));
        tied
    } else {
        0
    };
    for i in start..s.order.len() {
        let p = s.order[i];
        let q = [p[0], p[1], p[2], p[3]];
        if let Some(c) = contribution(s, &q) {
            sum += p[4] * c;
            insert(&mut s.front, q);
        }
    }
    sum
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
    let mut best = [0.0f64; 3];
    for q in above {
        let worse = [q[0] < a, q[1] < b, q[2] < c];
        match worse.iter().filter(|&&x| x).count() {
            0 => return None,
            1 => {
                let j = worse.iter().position(|&x| x).unwrap_or(0);
                best[j] = best[j].max(q[j]);
            }
            _ => {}
        }
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
    for q in above {
        if q[0] > best[0] && q[1] > best[1] && q[2] > best[2] {
            group.push([q[0].min(a), q[1].min(b), q[2].min(c)]);
        }
    }
    let top = hv3d::volume_of_rows(group, &mut s.stair, &mut s.kept);
    s.slab.fill(&s.kept);
    let mut uncovered = a * b * c - top;
    let mut level = w;
    let mut sum = 0.0;
    for q in &s.front[split..] {
        if q[0] >= a && q[1] >= b && q[2] >= c {
            return Some(sum + (level - q[3]) * uncovered);
        }
        let cq = [q[0].min(a), q[1].min(b), q[2].min(c)];
        // Hidden behind a single-coordinate point already in the slab: adds nothing.
        if cq[0] <= best[0] || cq[1] <= best[1] || cq[2] <= best[2] {
            continue;
        }
        let worse = [q[0] < a, q[1] < b, q[2] < c];
        if worse.iter().filter(|&&x| x).count() == 1 {
            let j = worse.iter().position(|&x| x).unwrap_or(0);
            best[j] = cq[j];
        }
        if let Some(c3) = s.slab.contribution(&cq, &mut s.stair, &mut s.doomed) {
            sum += (level - q[3]) * uncovered;
            level = q[3];
            uncovered -= c3;
            s.slab.insert(cq, &s.doomed);
        }
    }
    Some(sum + level * uncovered)
}

/// Inserts `p` into `front` (sorted by the fourth coordinate, descending), removing the
/// points it weakly dominates. `p` must not be weakly dominated by a point of `front`.
fn insert(front: &mut Vec<[f64; 4]>, p: [f64; 4]) {
    let at = front.partition_point(|q| q[3] > p[3]);
    // Dominated points have a fourth coordinate ≤ p's: they sit at or after `at`.
    let mut kept = at;
    for r in at..front.len() {
        let q = front[r];
        if !(q[0] <= p[0] && q[1] <= p[1] && q[2] <= p[2] && q[3] <= p[3]) {
            front[kept] = q;
            kept += 1;
        }
    }
    front.truncate(kept);
    front.insert(at, p);
}
