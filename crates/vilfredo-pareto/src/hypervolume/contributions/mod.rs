//! Exclusive hypervolume contributions: `HV(S) − HV(S \ {p})` for every point `p`.
//!
//! Notation: `n` points, `m` objectives (minimised), `r` the reference point. A point is
//! *active* when it is strictly better than `r` in every objective; the others contribute 0
//! and change nothing.
//!
//! Every contribution is computed as a volume of its own, in coordinates relative to the
//! point (`q − p`, `r − p`), never as the difference of two total hypervolumes. That keeps
//! the error relative to the contribution itself, so data at scale 1e-9 or 1e9 is handled
//! as well as data at scale 1.
//!
//! How the set is reduced first (the 2-D and 3-D sweeps do the same on the fly):
//!
//! 1. Identical active points are merged. A point that has a copy contributes 0, and the
//!    merged point still covers its region for the others.
//! 2. The merged points are split into the non-dominated *front* and the dominated rest.
//!    A dominated point contributes 0. Its box lies inside the box of every front point
//!    that dominates it, so it can only shrink the exclusive region of a front point `p`
//!    when `p` is its *only* front dominator; such points are the *private* points of `p`.
//!    With [`ContributionConfig::ignore_dominated`] the dominated points are dropped.
//!
//! Then the exclusive volume of a front point `p` is the volume of its box `[p, r)` that is
//! not covered by the other front points nor by its private points:
//!
//! - `m = 1`: the gap to the next value;
//! - `m = 2`: the rectangle between the neighbours on the sorted front, minus the
//!   staircase of the private points, as a sum of positive strips (`hvc2d`), one sort and
//!   one pass;
//! - `m = 3`: one sweep along the third objective that keeps every exclusive area up to
//!   date (`hvc3d`, after HVC3D by Guerreiro & Fonseca, IEEE TEVC 2018); it needs no
//!   reduction first;
//! - `m ≥ 4`: the box, first shrunk by the neighbours that are worse than `p` in a single
//!   objective, minus the exact hypervolume of the non-dominated limit set `{max(p, q)}`
//!   inside it (`general`), following the exclusive-hypervolume step of WFG (While,
//!   Bradstreet & Barone, IEEE TEVC 2012). O(n² m) scanning plus one small exact
//!   hypervolume per point.

mod general;
mod hvc2d;
mod hvc3d;
mod local;

use vilfredo_core::{PointsView, Result};

/// Options of [`hv_contributions_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ContributionConfig {
    /// Drop dominated points before computing (moocore's `ignore_dominated`): a dominated
    /// point then gets 0 and does not shrink the contributions of the points it overlaps.
    /// Duplicated points still get 0.
    pub ignore_dominated: bool,
}

/// `HV(S) − HV(S \ {p})` for every point `p`, in input order.
///
/// A duplicated point contributes 0; a dominated point contributes 0 but shrinks the
/// contributions of the points that dominate it; a point that is not strictly better than
/// `ref_point` in every objective contributes 0 and changes nothing. Each value is computed
/// as a volume in coordinates local to its point, so its error is relative to itself
/// (no small contribution is rounded to 0, whatever the scale of the data).
///
/// Algorithms: a sort and a pass in two objectives, O(n log n); a sweep after HVC3D
/// (Guerreiro & Fonseca 2018) in three; per-point limit sets (WFG, While et al. 2012) from
/// four on. See the module documentation.
///
/// # Errors
/// When `ref_point` does not have one finite value per objective.
///
/// # Example
/// ```
/// use vilfredo_pareto::{PointsView, hv_contributions};
/// let pts = [1.0, 3.0, 2.0, 2.0, 3.0, 1.0];
/// let c = hv_contributions(PointsView::new(&pts, 2).unwrap(), &[4.0, 4.0]).unwrap();
/// assert_eq!(c, vec![1.0, 1.0, 1.0]);
/// ```
pub fn hv_contributions(points: PointsView<'_>, ref_point: &[f64]) -> Result<Vec<f64>> {
    hv_contributions_with(points, ref_point, ContributionConfig::default())
}

/// [`hv_contributions`] with options; see [`ContributionConfig`].
///
/// # Errors
/// When `ref_point` does not have one finite value per objective.
pub fn hv_contributions_with(
    points: PointsView<'_>,
    ref_point: &[f64],
    config: ContributionConfig,
) -> Result<Vec<f64>> {
    points.check_point("reference point", ref_point)?;
    let m = points.n_obj();
    // The 2-D and 3-D sweeps handle copies and dominated points by themselves.
    let data = points.as_slice();
    match m {
        2 => {
            return Ok(hvc2d::contributions(
                data,
                ref_point,
                config.ignore_dominated,
            ));
        }
        3 => {
            return Ok(hvc3d::contributions(
                data,
                ref_point,
                config.ignore_dominated,
            ));
        }
        _ => {}
    }
    let mut out = vec![0.0; points.n_points()];
    let reduced = Reduced::new(points, ref_point, config.ignore_dominated);
    if reduced.len() == 0 {
        return Ok(out);
    }
    let values = match m {
        1 => reduced.contributions_1d(ref_point[0]),
        _ => general::contributions(&reduced, ref_point),
    };
    for (j, v) in values.into_iter().enumerate() {
        if !reduced.duplicated[j] {
            out[reduced.origin[j]] = v;
        }
    }
    Ok(out)
}

/// The front of the active, merged points, with the private dominated points of each.
pub(super) struct Reduced {
    /// Number of objectives.
    pub m: usize,
    /// Front points, row-major, in lexicographic order.
    pub front: Vec<f64>,
    /// Input row of each front point.
    pub origin: Vec<usize>,
    /// `true` when the front point had copies (it contributes 0).
    pub duplicated: Vec<bool>,
    /// Private dominated points of each front point, row-major.
    pub private: Vec<Vec<f64>>,
}

impl Reduced {
    fn new(points: PointsView<'_>, r: &[f64], ignore_dominated: bool) -> Self {
        let m = points.n_obj();
        let mut active: Vec<usize> = (0..points.n_points())
            .filter(|&i| points.row(i).iter().zip(r).all(|(x, b)| x < b))
            .collect();
        let cmp = |a: &usize, b: &usize| {
            let (ra, rb) = (points.row(*a), points.row(*b));
            ra.iter()
                .zip(rb)
                .map(|(x, y)| x.total_cmp(y))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        };
        active.sort_unstable_by(cmp);
        let mut red = Reduced {
            m,
            front: Vec::new(),
            origin: Vec::new(),
            duplicated: Vec::new(),
            private: Vec::new(),
        };
        // Walk the merged points in lexicographic order: a dominator of a point always
        // comes before it, so checking against the front found so far is enough.
        let mut i = 0;
        while i < active.len() {
            let row = points.row(active[i]);
            let mut j = i + 1;
            while j < active.len() && points.row(active[j]) == row {
                j += 1;
            }
            let copies = j - i;
            match red.front_dominators(row) {
                (0, _) => {
                    red.front.extend_from_slice(row);
                    red.origin.push(active[i]);
                    red.duplicated.push(copies > 1);
                    red.private.push(Vec::new());
                }
                (1, owner) if !ignore_dominated => red.private[owner].extend_from_slice(row),
                _ => {}
            }
            i = j;
        }
        red
    }

    /// Number of front points.
    pub fn len(&self) -> usize {
        self.origin.len()
    }

    /// The `j`-th front point.
    #[inline]
    pub fn row(&self, j: usize) -> &[f64] {
        &self.front[j * self.m..(j + 1) * self.m]
    }

    /// How many front points (so far) dominate `q`, capped at 2, and the first of them.
    /// `q` is lexicographically after every front point and differs from each.
    fn front_dominators(&self, q: &[f64]) -> (usize, usize) {
        let k = self.len();
        let mut count = 0;
        let mut owner = 0;
        // Recent front points are the nearest in lexicographic order: try them first.
        for j in (0..k).rev() {
            if local::weakly_dominates(self.row(j), q) {
                count += 1;
                owner = j;
                if count == 2 {
                    break;
                }
            }
        }
        (count, owner)
    }

    /// `m = 1`: the single front point gains the gap up to the next value (or `r`).
    fn contributions_1d(&self, r: f64) -> Vec<f64> {
        let p = self.front[0];
        let next = self.private[0].iter().copied().fold(r, f64::min);
        vec![next - p]
    }
}
