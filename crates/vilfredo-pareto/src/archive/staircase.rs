//! The two-objective index: members sorted by their first objective.
//!
//! Mutually non-dominated points in two objectives form a staircase: sorted by the first
//! objective, the second one strictly decreases, except between duplicates, which share
//! both values. So the member with the largest first objective not above the
//! newcomer's has the smallest second objective among all that could dominate it (one
//! `O(log k)` search decides), and the members the newcomer dominates are the run that
//! starts at its first objective and ends before the first member below its second one
//! (Kung, Luccio & Preparata 1975, "On finding the maxima of a set of vectors",
//! Journal of the ACM 22(4), kept here as a balanced search tree).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::gain::ClippedFront;

/// A first objective ordered by `f64::total_cmp`, with `-0.0` stored as `0.0` so that the
/// order agrees with `<` on the finite values the archive accepts.
#[derive(Debug, Clone, Copy)]
struct Abscissa(f64);

impl Abscissa {
    fn of(x: f64) -> Self {
        Self(x + 0.0)
    }
}

impl PartialEq for Abscissa {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Abscissa {}

impl PartialOrd for Abscissa {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Abscissa {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Members keyed by (first objective, row), each holding its second objective.
#[derive(Debug, Clone, Default)]
pub(super) struct Staircase {
    steps: BTreeMap<(Abscissa, usize), f64>,
}

impl Staircase {
    /// The step at or left of `x`: the member with the largest first objective `≤ x`
    /// (any of a group of duplicates), as (first, second) objective.
    fn left_of(&self, x: f64) -> Option<(f64, f64)> {
        self.steps
            .range(..=(Abscissa::of(x), usize::MAX))
            .next_back()
            .map(|(&(a, _), &b)| (a.0, b))
    }

    /// Decides the newcomer `y`: `None` when a member dominates it, otherwise the rows of
    /// the members it dominates, which are unlinked.
    pub(super) fn update(&mut self, y: &[f64]) -> Option<Vec<usize>> {
        let (a, b) = (y[0], y[1]);
        if let Some((x0, x1)) = self.left_of(a) {
            if x1 < b || (x1 == b && x0 < a) {
                return None;
            }
            if x1 == b {
                // A duplicate: it dominates nothing the duplicate did not already.
                return Some(Vec::new());
            }
        }
        let doomed: Vec<(Abscissa, usize)> = self
            .steps
            .range((Abscissa::of(a), 0)..)
            .take_while(|&(_, &second)| second >= b)
            .map(|(&key, _)| key)
            .collect();
        for key in &doomed {
            self.steps.remove(key);
        }
        Some(doomed.into_iter().map(|(_, row)| row).collect())
    }

    /// Links row `row` holding `y`.
    pub(super) fn insert(&mut self, row: usize, y: &[f64]) {
        self.steps.insert((Abscissa::of(y[0]), row), y[1]);
    }

    /// The member `y` moved from row `from` to row `to`.
    pub(super) fn relocate(&mut self, y: &[f64], from: usize, to: usize) {
        if let Some(second) = self.steps.remove(&(Abscissa::of(y[0]), from)) {
            self.steps.insert((Abscissa::of(y[0]), to), second);
        }
    }

    /// Offers `clipped` the members that bound its candidate's box: the step at or left
    /// of the candidate, the run it dominates, and the first step below it.
    pub(super) fn bounding(&self, clipped: &mut ClippedFront<'_>) {
        let (a, b) = (clipped.point()[0], clipped.point()[1]);
        if let Some((x0, x1)) = self.left_of(a) {
            clipped.offer(&[x0, x1]);
            if x1 <= b {
                return;
            }
        }
        // Raised, these steps keep the staircase's order: mutually non-dominated.
        for (&(x0, _), &x1) in self.steps.range((Abscissa::of(a), usize::MAX)..) {
            clipped.offer_non_dominated(&[x0.0, x1]);
            if x1 <= b {
                break;
            }
        }
    }
}
