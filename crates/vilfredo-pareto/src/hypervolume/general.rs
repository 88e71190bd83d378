//! Hypervolume in any number of objectives: a dimension sweep of exclusive contributions
//! computed on limited, non-dominated sets.
//!
//! After L. While, L. Bradstreet and L. Barone, "A fast way of calculating exact
//! hypervolumes", IEEE Transactions on Evolutionary Computation 16(1), 2012 (WFG). With
//! points visited from the best to the worst last coordinate `u_d`, the hypervolume is
//! `Σ u_d(p) · excl(p)`, where `excl(p)` is the exclusive `(d−1)`-dimensional contribution
//! of `p`'s projection to the projections of the points visited before it. WFG's
//! identity gives that contribution as `vol(p) − HV(limit(S, p))`, where `limit(S, p)`
//! replaces every `q ∈ S` by `min(q, p)` (the part of `q`'s box inside `p`'s box); the
//! limited set is measured recursively. Three refinements keep the sets small: `S` holds
//! only the non-dominated visited projections (a new point removes those it dominates); a
//! point whose projection is already dominated contributes nothing and is skipped; and the
//! limited set is pre-filtered in linear time (see [`limit_set`]) and, when it still has
//! six or more objectives, reduced to its non-dominated part (While et al., §III), which
//! is usually far smaller. The recursion ends in the specialised kernels for five or fewer
//! objectives, or, for sets of at most four points (frequent deep in the recursion), in
//! inclusion–exclusion over their subsets (see [`small_union`]).
//!
//! Coordinates are shifted (`u = r − x > 0`, larger is better; see the module guide).

use super::{hv2d, hv3d, hv4d, hv5d, nondominated};

/// The volume of `⋃ [0, u]` over the rows of `u` (stride `d`, every value > 0), using
/// the specialised kernels for five or fewer objectives.
pub(super) fn volume(u: &[f64], d: usize) -> f64 {
    Workspace::new(d, 4).volume(u, d)
}

/// Limited sets of this many objectives or more are reduced to their non-dominated part
/// before recursing; below, the specialised kernels cope with dominated points faster than
/// the filter would remove them.
const FILTER_FROM: usize = 6;

/// Sets of at most this many points (with five or more objectives) are measured by
/// inclusion–exclusion: limited sets deep in the recursion are often this small, and
/// `2^k − 1` products cost far less than setting up a sweep.
const SMALL_SET: usize = 4;

/// Buffers for every recursion depth, reused across the whole computation so that the
/// many small recursive calls allocate nothing.
#[derive(Debug, Default)]
pub(super) struct Workspace {
    /// The sweep is used for dimensions above `base`; at or below it the specialised
    /// kernel runs.
    base: usize,
    levels: Vec<Level>,
    pairs: Vec<(f64, f64)>,
    corners: Vec<f64>,
    s3: hv3d::Scratch,
    s4: hv4d::Scratch,
    s5: hv5d::Scratch,
}

/// Buffers of one sweep dimension.
#[derive(Debug, Default)]
struct Level {
    order: Vec<(f64, u32)>,
    sorted: Vec<f64>,
    front: Vec<f64>,
    limit: Vec<f64>,
    best: Vec<f64>,
    doomed: Vec<usize>,
    filter: nondominated::Scratch,
}

impl Workspace {
    /// A workspace for sets of up to `d` objectives that runs the specialised kernels for
    /// `base` or fewer objectives (`base` is clamped to 1..=4).
    pub(super) fn new(d: usize, base: usize) -> Self {
        let mut levels = Vec::new();
        levels.resize_with(d + 1, Level::default);
        Self {
            base: base.clamp(1, 4),
            levels,
            ..Self::default()
        }
    }

    /// The volume of `⋃ [0, u]` over the rows of `u` (stride `d ≥ 1`, values > 0).
    pub(super) fn volume(&mut self, u: &[f64], d: usize) -> f64 {
        if u.is_empty() {
            return 0.0;
        }
        if d == 1 {
            return u.iter().copied().fold(0.0, f64::max);
        }
        if d <= self.base {
            return match d {
                2 => hv2d::area(u, &mut self.pairs),
                3 => hv3d::volume(u, &mut self.s3),
                _ => hv4d::volume(u, &mut self.s4),
            };
        }
        if u.len() == d {
            return u.iter().product();
        }
        if d >= 5 && u.len() <= SMALL_SET * d {
            return small_union(u, d, &mut self.corners);
        }
        if d == 5 && self.base >= 4 {
            return hv5d::volume(u, &mut self.s5);
        }
        if d >= self.levels.len() {
            self.levels.resize_with(d + 1, Level::default);
        }
        let mut level = std::mem::take(&mut self.levels[d]);
        let v = self.sweep(u, d, &mut level);
        self.levels[d] = level;
        v
    }

    /// The dimension sweep at `d ≥ 2` objectives.
    fn sweep(&mut self, u: &[f64], d: usize, lv: &mut Level) -> f64 {
        let e = d - 1;
        lv.order.clear();
        lv.order
            .extend(u.chunks_exact(d).enumerate().map(|(i, p)| (p[e], i as u32)));
        lv.order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
        lv.sorted.clear();
        for &(_, i) in lv.order.iter() {
            let i = i as usize;
            lv.sorted.extend_from_slice(&u[i * d..(i + 1) * d]);
        }
        lv.front.clear();
        let mut sum = 0.0;
        for p in lv.sorted.chunks_exact(d) {
            let (ph, pd) = (&p[..e], p[e]);
            if !limit_set(&lv.front, ph, &mut lv.best, &mut lv.limit, &mut lv.doomed) {
                continue;
            }
            if e >= FILTER_FROM {
                nondominated::filter(&mut lv.limit, e, &mut lv.filter);
            }
            let own: f64 = ph.iter().product();
            let excl = own - self.volume(&lv.limit, e);
            sum += pd * excl.max(0.0);
            remove_rows(&mut lv.front, e, &lv.doomed);
            lv.front.extend_from_slice(ph);
        }
        sum
    }
}

/// The volume of `⋃ [0, u]` over the `k ≤ SMALL_SET` rows of `u` (stride `d`) by
/// inclusion–exclusion: `Σ (−1)^(|T|+1) vol(min T)` over the non-empty subsets `T`. The
/// corner `min T` of each subset is the corner of `T` without its lowest row, lowered to
/// that row, so each costs `d` comparisons. Positive and negative terms are summed apart
/// and subtracted once; with at most 15 terms, each no larger than the largest box, the
/// rounding error stays within a few units in the last place of that box's volume.
fn small_union(u: &[f64], d: usize, corners: &mut Vec<f64>) -> f64 {
    let k = u.len() / d;
    let subsets = 1usize << k;
    corners.clear();
    corners.resize(subsets * d, 0.0);
    let (mut plus, mut minus) = (0.0, 0.0);
    for t in 1..subsets {
        let low = t.trailing_zeros() as usize;
        let rest = t & (t - 1);
        let row = &u[low * d..(low + 1) * d];
        let mut vol = 1.0;
        for j in 0..d {
            let v = if rest == 0 {
                row[j]
            } else {
                corners[rest * d + j].min(row[j])
            };
            corners[t * d + j] = v;
            vol *= v;
        }
        if t.count_ones() % 2 == 1 {
            plus += vol;
        } else {
            minus += vol;
        }
    }
    plus - minus
}

/// Fills `limit` with `min(q, p)` for the points `q` of `front` (stride `p.len()`),
/// leaving out most of those that are dominated within the limited set; returns `false`
/// (and leaves `limit` unspecified) when a point of `front` weakly dominates `p`.
/// `doomed` receives, in increasing order, the rows of `front` that `p` weakly dominates.
///
/// A point worse than `p` in exactly one coordinate `j` limits to `p` with that coordinate
/// lowered to `q_j`; for each `j` only the highest such value `s_j` matters, and it
/// dominates the limit of every point `q` with `q_j ≤ s_j`. Two cheap passes (find the
/// `s_j`, then keep the points above every `s_j`) therefore remove most dominated limits
/// before the quadratic filter of [`nondominated`] sees them.
fn limit_set(
    front: &[f64],
    p: &[f64],
    best: &mut Vec<f64>,
    limit: &mut Vec<f64>,
    doomed: &mut Vec<usize>,
) -> bool {
    let e = p.len();
    best.clear();
    best.resize(e, 0.0);
    doomed.clear();
    for (i, q) in front.chunks_exact(e).enumerate() {
        let mut worse = 0;
        let mut not_better = 0;
        let mut last = 0;
        for (j, (qj, pj)) in q.iter().zip(p).enumerate() {
            if qj < pj {
                worse += 1;
                last = j;
            }
            not_better += usize::from(qj <= pj);
        }
        if not_better == e {
            doomed.push(i);
        }
        match worse {
            0 => return false,
            1 => best[last] = best[last].max(q[last]),
            _ => {}
        }
    }
    limit.clear();
    for (j, &s) in best.iter().enumerate() {
        if s > 0.0 {
            limit.extend_from_slice(p);
            let at = limit.len() - e + j;
            limit[at] = s;
        }
    }
    for q in front.chunks_exact(e) {
        if q.iter().zip(best.iter()).all(|(qj, sj)| qj > sj) {
            limit.extend(q.iter().zip(p).map(|(qj, pj)| qj.min(*pj)));
        }
    }
    true
}

/// Removes the rows `doomed` (increasing) from `front` (stride `e`), keeping the order.
fn remove_rows(front: &mut Vec<f64>, e: usize, doomed: &[usize]) {
    let Some(&first) = doomed.first() else {
        return;
    };
    let n = front.len() / e;
    let mut kept = first;
    let mut next = doomed.iter().peekable();
    for i in first..n {
        if next.peek() == Some(&&i) {
            next.next();
            continue;
        }
        front.copy_within(i * e..(i + 1) * e, kept * e);
        kept += 1;
    }
    front.truncate(kept * e);
}
