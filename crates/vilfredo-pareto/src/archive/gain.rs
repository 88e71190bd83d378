//! What a candidate point adds to the hypervolume of a front.
//!
//! The gain of `p` is the volume of the box `[p, r]` minus the part of it the front
//! already dominates. That part is dominated by the members *raised* to `p`
//! (`max(q, p)` component-wise), and only the raised members that no other raised member
//! weakly dominates shape it; those lying on or beyond `r` in some objective add
//! nothing. [`ClippedFront`] collects exactly those, so the final hypervolume call sees a
//! handful of points, and lets the archive's indexes skip a whole group of members as
//! soon as the raised lower corner of the group is already covered.

use crate::hypervolume;
use vilfredo_core::{PointsView, Result};

/// How much raising a member lifts the candidate, ordered by the number of objectives
/// lifted, then the total lift.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Lift {
    count: usize,
    sum: f64,
}

impl Lift {
    /// The order of [`ClippedFront::lift`].
    pub(super) fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.count
            .cmp(&other.count)
            .then(self.sum.total_cmp(&other.sum))
    }
}

/// The non-dominated raised members met so far for one candidate point.
pub(super) struct ClippedFront<'a> {
    point: &'a [f64],
    reference: &'a [f64],
    /// Raised members, row-major, mutually non-dominated and distinct, all strictly
    /// better than the reference.
    kept: Vec<f64>,
    /// Scratch row for the member being raised.
    scratch: Vec<f64>,
    /// A member weakly dominates the point, so the gain is zero.
    covered: bool,
}

impl<'a> ClippedFront<'a> {
    /// Nothing collected yet; `point` and `reference` have the same length.
    pub(super) fn new(point: &'a [f64], reference: &'a [f64]) -> Self {
        Self {
            point,
            reference,
            kept: Vec::new(),
            scratch: vec![0.0; point.len()],
            covered: false,
        }
    }

    /// Whether the box `[point, reference]` has no volume.
    pub(super) fn is_empty_box(&self) -> bool {
        self.point.iter().zip(self.reference).any(|(p, r)| p >= r)
    }

    /// Whether every member at or above `lower` (component-wise) raises to a point that
    /// adds nothing: beyond the reference, or weakly dominated by a kept one. Also true
    /// once the candidate is known to be covered, so traversals can stop.
    pub(super) fn skips(&self, lower: &[f64]) -> bool {
        if self.covered {
            return true;
        }
        let raised = || lower.iter().zip(self.point).map(|(l, p)| l.max(*p));
        if raised().zip(self.reference).any(|(c, r)| c >= *r) {
            return true;
        }
        let m = self.point.len();
        self.kept
            .chunks_exact(m)
            .any(|s| s.iter().zip(raised()).all(|(a, c)| *a <= c))
    }

    /// How far a group with lower corner `lower` sits from the candidate: in how many
    /// objectives raising lifts the candidate, then by how much in total. A member
    /// lifted in fewer objectives, or by less, tends to cover the others, so visiting
    /// groups in this order keeps `kept` small and lets far groups be skipped whole.
    /// The corner's lift is a lower bound (in this order) of every member's above it.
    pub(super) fn lift(&self, lower: &[f64]) -> Lift {
        let mut lift = Lift { count: 0, sum: 0.0 };
        for (l, p) in lower.iter().zip(self.point) {
            if l > p {
                lift.count += 1;
                lift.sum += l - p;
            }
        }
        lift
    }

    /// The candidate point.
    pub(super) fn point(&self) -> &'a [f64] {
        self.point
    }

    /// Raises `member` into the scratch row; `false` when it adds nothing on its own
    /// (beyond the reference) or covers the candidate (which then sets `covered`).
    fn raise(&mut self, member: &[f64]) -> bool {
        if self.covered {
            return false;
        }
        for ((c, q), p) in self.scratch.iter_mut().zip(member).zip(self.point) {
            *c = q.max(*p);
        }
        let c = &self.scratch;
        if c.iter().zip(self.reference).any(|(a, r)| a >= r) {
            return false;
        }
        if c.iter().zip(self.point).all(|(a, p)| a <= p) {
            self.covered = true;
            return false;
        }
        true
    }

    /// Takes into account a member known, once raised, to be neither dominated by nor
    /// dominating any kept row, nor equal to one (the staircase guarantees it).
    pub(super) fn offer_non_dominated(&mut self, member: &[f64]) {
        if self.raise(member) {
            self.kept.extend_from_slice(&self.scratch);
        }
    }

    /// Takes one member into account.
    pub(super) fn offer(&mut self, member: &[f64]) {
        if !self.raise(member) {
            return;
        }
        let c = &self.scratch;
        let m = c.len();
        let weakly = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(x, y)| x <= y);
        if self.kept.chunks_exact(m).any(|s| weakly(s, c)) {
            return;
        }
        // Drop the kept rows the new one weakly dominates, compacting in place.
        let mut write = 0;
        for read in 0..self.kept.len() / m {
            if !weakly(c, &self.kept[read * m..(read + 1) * m]) {
                self.kept.copy_within(read * m..(read + 1) * m, write * m);
                write += 1;
            }
        }
        self.kept.truncate(write * m);
        self.kept.extend_from_slice(c);
    }

    /// The gain: the box minus the hypervolume of the kept raised members.
    pub(super) fn gain(self) -> Result<f64> {
        if self.covered || self.is_empty_box() {
            return Ok(0.0);
        }
        let boxed: f64 = self
            .point
            .iter()
            .zip(self.reference)
            .map(|(p, r)| r - p)
            .product();
        if self.kept.is_empty() {
            return Ok(boxed);
        }
        let m = self.point.len();
        let covered = hypervolume(PointsView::new(&self.kept, m)?, self.reference)?;
        Ok((boxed - covered).max(0.0))
    }
}
