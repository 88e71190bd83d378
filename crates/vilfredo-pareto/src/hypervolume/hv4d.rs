//! Four-objective hypervolume: a sweep along the fourth objective that adds, point by
//! point, the three-dimensional exclusive contribution of each new point.
//!
//! After A. P. Guerreiro and C. M. Fonseca, "Computing and updating hypervolume
//! contributions in up to four dimensions", IEEE Transactions on Evolutionary Computation
//! 22(3), 2018 (HV4D+): points are visited from the best to the worst fourth coordinate;
//! the visited points, projected onto the first three coordinates and reduced to their
//! non-dominated part, are kept sorted twice, by the first and by the third coordinate;
//! the contribution of a new point `p = (a, b, c)` is the volume of its box not covered by
//! that set, found in two linear passes:
//!
//! 1. the points above level `c` cover, over the whole height of `p`'s box, the union of
//!    their rectangles clipped to `[0, a] × [0, b]`; one pass in decreasing first
//!    coordinate with a running maximum of the (clipped) second coordinate yields that
//!    union as a staircase, with no sorting and no search;
//! 2. the points below level `c`, in decreasing third coordinate, are then added to the
//!    staircase one by one while the uncovered area is integrated down to 0; the pass stops
//!    early when a point covers the whole rectangle.
//!
//! The hypervolume is `Σ u3(p) · contribution3(p)`. Each step is linear in the size of the
//! kept set, so the sweep is `O(n²)` like HV4D+.
//!
//! Coordinates are shifted (`u = r − x > 0`, larger is better; see the module guide).

use super::hv3d::{self, Staircase};

/// Tied groups at least this large are measured in one sweep (see [`volume`]).
const GROUP_MIN: usize = 8;

/// Reusable buffers of [`volume`].
#[derive(Debug, Default)]
pub(super) struct Scratch {
    order: Vec<[f64; 4]>,
    front: Front,
    stair: Staircase,
    plan: Plan,
    group: Vec<[f64; 3]>,
    kept: Vec<[f64; 3]>,
}

/// The volume of `⋃ [0, u]` over the rows of `u` (stride 4, every value > 0).
pub(super) fn volume(u: &[f64], scratch: &mut Scratch) -> f64 {
    volume_keeping(u, scratch, None)
}

/// [`volume`], also pushing onto `out` (when given), by decreasing fourth coordinate, the
/// points that add volume when they are met: the non-dominated points, plus possibly a
/// few dominated by a point with the same fourth coordinate (which changes no volume).
pub(super) fn volume_keeping(
    u: &[f64],
    scratch: &mut Scratch,
    mut out: Option<&mut Vec<[f64; 4]>>,
) -> f64 {
    let Scratch {
        order,
        front,
        stair,
        plan,
        group,
        kept,
    } = scratch;
    order.clear();
    order.extend(u.chunks_exact(4).map(|p| [p[0], p[1], p[2], p[3]]));
    order.sort_unstable_by(|a, b| b[3].total_cmp(&a[3]));
    front.clear();
    front.reserve(order.len());
    stair.steps_mut().reserve(order.len());
    let mut sum = 0.0;
    // The points tied at the best fourth coordinate (common in the limited sets of the
    // general recursion, where every point better than the limiting point is cut to its
    // level) form one slab: one O(g log g) three-dimensional sweep measures it and yields
    // the starting front, instead of g incremental insertions.
    let top = order.first().map_or(0.0, |p| p[3]);
    let tied = order.iter().take_while(|p| p[3] == top).count();
    let start = if tied >= GROUP_MIN {
        group.clear();
        group.extend(order[..tied].iter().map(|p| [p[0], p[1], p[2]]));
        sum += top * hv3d::volume_of_rows(group, stair, kept);
        front.fill(kept);
        if let Some(out) = out.as_deref_mut() {
            out.extend(kept.iter().map(|q| [q[0], q[1], q[2], top]));
        }
        tied
    } else {
        0
    };
    for p in order[start..].iter() {
        let q = [p[0], p[1], p[2]];
        if let Some(c) = front.contribution(&q, stair, plan) {
            sum += p[3] * c;
            front.insert(q, plan);
            if let Some(out) = out.as_deref_mut() {
                out.push(*p);
            }
        }
    }
    sum
}

/// Where [`Front::contribution`] found that a new point goes, for [`Front::insert`].
#[derive(Debug, Default)]
pub(super) struct Plan {
    /// The positions in `by_x` of the points the new point weakly dominates, decreasing.
    doomed: Vec<usize>,
    /// The new point's place in `by_x` (after the points with first coordinate ≤ its).
    at_x: usize,
    /// The new point's place in `by_z` (after the points with third coordinate > its).
    at_z: usize,
}

/// A three-dimensional non-dominated set (larger is better), sorted two ways.
#[derive(Debug, Default, Clone)]
pub(super) struct Front {
    /// Sorted by the first coordinate, ascending.
    by_x: Vec<[f64; 3]>,
    /// Sorted by the third coordinate, descending.
    by_z: Vec<[f64; 3]>,
    /// Scratch of [`Front::insert`]: the points being removed.
    gone: Vec<[f64; 3]>,
}

impl Front {
    /// Empties the set.
    pub(super) fn clear(&mut self) {
        self.by_x.clear();
        self.by_z.clear();
    }

    /// Makes room for `n` points.
    pub(super) fn reserve(&mut self, n: usize) {
        self.by_x.reserve(n);
        self.by_z.reserve(n);
    }

    /// Replaces the content by `points`, given sorted by the third coordinate, descending,
    /// and free of dominated points (up to harmless ties).
    pub(super) fn fill(&mut self, points: &[[f64; 3]]) {
        self.by_z.clear();
        self.by_z.extend_from_slice(points);
        self.by_x.clear();
        self.by_x.extend_from_slice(points);
        self.by_x.sort_unstable_by(|a, b| a[0].total_cmp(&b[0]));
    }

    /// The volume of `[0, p]` not covered by the boxes of the set, or `None` when a point
    /// of the set weakly dominates `p`. `plan` receives where `p` goes and, in decreasing
    /// order, the positions in `by_x` of the points that `p` weakly dominates (for
    /// [`Front::insert`]).
    pub(super) fn contribution(
        &self,
        p: &[f64; 3],
        stair: &mut Staircase,
        plan: &mut Plan,
    ) -> Option<f64> {
        let [a, b, c] = *p;
        // Pass 1: the staircase of the points at or above level c, clipped to p's box.
        let steps = stair.steps_mut();
        steps.clear();
        // Points reaching past `a` all clip to the right edge: only the highest of those
        // at or above level c counts. Either list yields it; scan the shorter range.
        let edge = self.by_x.partition_point(|q| q[0] < a);
        let split = self.by_z.partition_point(|q| q[2] >= c);
        let mut height = 0.0f64;
        if self.by_x.len() - edge <= split {
            for q in &self.by_x[edge..] {
                if q[2] >= c {
                    height = height.max(q[1]);
                }
            }
        } else {
            for q in &self.by_z[..split] {
                if q[0] >= a {
                    height = height.max(q[1]);
                }
            }
        }
        if height >= b {
            return None;
        }
        let doomed = &mut plan.doomed;
        doomed.clear();
        plan.at_z = split
            - self.by_z[..split]
                .iter()
                .rev()
                .take_while(|q| q[2] == c)
                .count();
        plan.at_x = self.by_x.len();
        // Points p weakly dominates have a first coordinate ≤ a: at the edge only ties.
        for (i, q) in self.by_x.iter().enumerate().skip(edge) {
            if q[0] > a {
                plan.at_x = i;
                break;
            }
            if (q[1] <= b) & (q[2] <= c) {
                doomed.push(i);
            }
        }
        doomed.reverse();
        let mut covered = a * height;
        if height > 0.0 {
            steps.push((a, height));
        }
        for (i, q) in self.by_x[..edge].iter().enumerate().rev() {
            // Points p dominates are found here, where every point is already at hand;
            // they are rare, so the branch is predictable.
            if (q[1] <= b) & (q[2] <= c) {
                doomed.push(i);
            }
            let y = if q[2] >= c { q[1].min(b) } else { 0.0 };
            if y > height {
                covered += q[0] * (y - height);
                height = y;
                steps.push((q[0], y));
                if height >= b {
                    // Every point further left is hidden behind this one (it reaches the
                    // top edge). A point ≤ p further left would be dominated by this one,
                    // so the set holds none (beyond the harmless leftovers of `fill`) and
                    // the search for dominated points can stop too.
                    break;
                }
            }
        }
        steps.reverse();
        // Pass 2: the points below level c, from the highest down.
        let mut uncovered = a * b - covered;
        let mut top = steps
            .last()
            .map_or(0.0, |s| if s.0 >= a { s.1 } else { 0.0 });
        let mut right = steps
            .first()
            .map_or(0.0, |s| if s.1 >= b { s.0 } else { 0.0 });
        let mut sum = 0.0;
        let mut level = c;
        for q in &self.by_z[split..] {
            let added = if q[0] >= a {
                if q[1] >= b {
                    return Some(sum + (level - q[2]) * uncovered);
                }
                if q[1] <= top {
                    continue;
                }
                top = q[1];
                stair.insert(a, top)
            } else if q[1] >= b {
                if q[0] <= right {
                    continue;
                }
                right = q[0];
                stair.insert(right, b)
            } else {
                stair.insert(q[0], q[1])
            };
            if added > 0.0 {
                sum += (level - q[2]) * uncovered;
                level = q[2];
                uncovered -= added;
            }
        }
        Some(sum + level * uncovered)
    }

    /// Inserts `p`, removing the points it weakly dominates, as [`Front::contribution`]
    /// planned in `plan`.
    ///
    /// Each list is rewritten in one pass over the range that moves, so the removals and
    /// the insertion cost one shift instead of one each.
    pub(super) fn insert(&mut self, p: [f64; 3], plan: &Plan) {
        let doomed = &plan.doomed;
        let Some(&lo) = doomed.last() else {
            self.by_x.insert(plan.at_x, p);
            self.by_z.insert(plan.at_z, p);
            return;
        };
        // In `by_z` the doomed points have a third coordinate ≤ p's, so they sit at or
        // after p's place; they are matched by value, each once. One pass writes p and
        // the survivors, lagging one place behind the reads.
        let gone = &mut self.gone;
        gone.clear();
        gone.extend(doomed.iter().map(|&i| self.by_x[i]));
        let by_z = &mut self.by_z;
        let at = plan.at_z;
        let mut hold = p;
        let mut w = at;
        for r in at..by_z.len() {
            let q = by_z[r];
            if !gone.is_empty()
                && (q[0] <= p[0]) & (q[1] <= p[1]) & (q[2] <= p[2])
                && let Some(k) = gone.iter().position(|g| *g == q)
            {
                gone.swap_remove(k);
                continue;
            }
            by_z[w] = hold;
            hold = q;
            w += 1;
        }
        by_z[w] = hold;
        by_z.truncate(w + 1);
        // Every doomed point has a first coordinate ≤ p's, so it sits before p's place
        // `at` in `by_x`: close the gaps in `lo..at`, put p after them, pull the tail left.
        let by_x = &mut self.by_x;
        let at = plan.at_x;
        let mut next = doomed.iter().rev().peekable();
        let mut w = lo;
        for r in lo..at {
            if next.peek() == Some(&&r) {
                next.next();
                continue;
            }
            by_x[w] = by_x[r];
            w += 1;
        }
        by_x[w] = p;
        by_x.copy_within(at.., w + 1);
        by_x.truncate(by_x.len() + 1 - doomed.len());
    }
}
