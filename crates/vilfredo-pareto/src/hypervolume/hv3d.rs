//! Three-objective hypervolume: a sweep along the third objective over a two-dimensional
//! staircase, `O(n log n)` comparisons.
//!
//! After N. Beume, C. M. Fonseca, M. López-Ibáñez, L. Paquete and J. Vahrenhold, "On the
//! complexity of computing the hypervolume indicator", IEEE Transactions on Evolutionary
//! Computation 13(5), 2009: points are visited from the best to the worst third
//! coordinate; the projections of the visited points onto the first two coordinates form a
//! non-dominated staircase kept sorted; each new point adds to the covered area exactly
//! its two-dimensional exclusive contribution, computed while it removes the staircase
//! steps it dominates. The volume is `Σ u2(p) · added_area(p)`, a sum of non-negative
//! terms.
//!
//! Coordinates are shifted (`u = r − x > 0`, larger is better; see the module guide).
//! The staircase is a sorted vector: insertions shift memory, but the staircase is the
//! current front of a projection and stays short enough on the inputs that matter that a
//! contiguous array beats a balanced tree.

/// Staircases up to this length are searched linearly in [`Staircase::insert`].
const LINEAR_MAX: usize = 16;

/// Reusable buffers of [`volume`].
#[derive(Debug, Default)]
pub(super) struct Scratch {
    order: Vec<[f64; 3]>,
    stair: Staircase,
}

/// The volume of `⋃ [0, u]` over the rows of `u` (stride 3, every value > 0).
pub(super) fn volume(u: &[f64], scratch: &mut Scratch) -> f64 {
    let order = &mut scratch.order;
    order.clear();
    order.extend(u.chunks_exact(3).map(|p| [p[0], p[1], p[2]]));
    order.sort_unstable_by(|a, b| b[2].total_cmp(&a[2]));
    let stair = &mut scratch.stair;
    stair.clear();
    let mut sum = 0.0;
    for p in order.iter() {
        let added = stair.insert(p[0], p[1]);
        sum += p[2] * added;
    }
    sum
}

/// The volume of `⋃ [0, p]` over `points` (values > 0), which it reorders by the third
/// coordinate, descending; `kept` receives, in that order, the points that add volume
/// (at tied third coordinates a few dominated points may remain, which changes no volume).
pub(super) fn volume_of_rows(
    points: &mut [[f64; 3]],
    stair: &mut Staircase,
    kept: &mut Vec<[f64; 3]>,
) -> f64 {
    points.sort_unstable_by(|a, b| b[2].total_cmp(&a[2]));
    stair.clear();
    kept.clear();
    let mut sum = 0.0;
    for p in points.iter() {
        let added = stair.insert(p[0], p[1]);
        if added > 0.0 {
            sum += p[2] * added;
            kept.push(*p);
        }
    }
    sum
}

/// A two-dimensional non-dominated staircase (maximisation, values > 0), sorted by the
/// first coordinate ascending and hence by the second descending.
#[derive(Debug, Default, Clone)]
pub(super) struct Staircase {
    steps: Vec<(f64, f64)>,
}

impl Staircase {
    /// Empties the staircase.
    pub(super) fn clear(&mut self) {
        self.steps.clear();
    }

    /// The steps, sorted by the first coordinate ascending. A caller that fills them
    /// directly must keep that order and leave no step dominated by another.
    pub(super) fn steps_mut(&mut self) -> &mut Vec<(f64, f64)> {
        &mut self.steps
    }

    /// Adds the point `(a, b)` and returns the area it adds to `⋃ [0, step]`: its
    /// exclusive two-dimensional contribution. Steps it weakly dominates are removed; a
    /// point weakly dominated by a step changes nothing and adds 0.
    pub(super) fn insert(&mut self, a: f64, b: f64) -> f64 {
        let steps = &mut self.steps;
        // First step with first coordinate ≥ a: the highest step at or right of `a`.
        // Short staircases (the usual case inside the four- and five-objective sweeps) are
        // searched linearly from the right, which predicts better than a binary search.
        let idx = if steps.len() <= LINEAR_MAX {
            let mut i = steps.len();
            while i > 0 && steps[i - 1].0 >= a {
                i -= 1;
            }
            i
        } else {
            steps.partition_point(|q| q.0 < a)
        };
        let (mut height, mut end) = (0.0, idx);
        if let Some(&(qa, qb)) = steps.get(idx) {
            if qb >= b {
                return 0.0;
            }
            height = qb;
            if qa == a {
                // Same first coordinate, lower second: dominated by the new point.
                end = idx + 1;
            }
        }
        // Walk left over the steps the new point dominates, adding the area between the
        // new height b and the current height, one vertical strip at a time.
        let mut cursor = a;
        let mut start = idx;
        let mut added = 0.0;
        while start > 0 {
            let (qa, qb) = steps[start - 1];
            added += (cursor - qa) * (b - height);
            if qb > b {
                cursor = qa;
                height = b;
                break;
            }
            height = qb;
            cursor = qa;
            start -= 1;
        }
        added += cursor * (b - height);
        // Replace steps[start..end] by the new point; `splice` is slow for this shape.
        if start == end {
            steps.insert(start, (a, b));
        } else {
            steps[start] = (a, b);
            steps.drain(start + 1..end);
        }
        added
    }
}
