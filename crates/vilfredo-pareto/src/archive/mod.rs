//! An incremental Pareto archive: the non-dominated subset of a stream of points, kept
//! up to date one insertion at a time.
//!
//! Points are minimised; equal points are all kept (duplicates do not dominate each
//! other, DESIGN.md §3). The members live in two flat arrays (keys and row-major points,
//! in no particular order, so [`ParetoArchive::keys`] and [`ParetoArchive::points`] cost
//! nothing); an index over those rows answers "is the newcomer dominated, and whom does
//! it dominate" without looking at every member:
//!
//! - one objective (and the degenerate zero): all members are equal, so the first one
//!   decides;
//! - two objectives: a staircase, the members sorted by the first objective, where the
//!   dominance test is one `O(log k)` search and the dominated members form one run
//!   (each removal `O(log k)`, paid once per member);
//! - three and more: the ND-Tree of Jaszkiewicz & Lust (2018), whose nodes
//!   carry the ideal and nadir points of their members, so a whole subtree is skipped,
//!   refuses the newcomer or is removed after two comparisons; sublinear on typical streams (the paper
//!   proves it under mild assumptions on the data), linear in the worst case.
//!
//! [`ParetoArchive::hypervolume_gain`] measures what a candidate would add to the
//! front's hypervolume from the few members that bound its box.

mod gain;
mod nd_tree;
mod staircase;

use crate::dominance::{Dominance, compare};
use nd_tree::NdTree;
use staircase::Staircase;
use vilfredo_core::{Error, Result};

/// What became of a point offered to the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Insertion {
    /// The point is dominated by a member; the archive is unchanged.
    Dominated,
    /// The point joined the front; these keys were dominated by it and left.
    Added {
        /// Keys of the members the new point dominates, now removed.
        removed: Vec<u64>,
    },
}

/// The non-dominated points seen so far, each with a caller's key.
#[derive(Debug, Clone, Default)]
pub struct ParetoArchive {
    n_obj: usize,
    points: Vec<f64>,
    keys: Vec<u64>,
    index: Index,
}

/// Two archives are equal when they hold the same members in the same order; how their
/// indexes happen to be shaped does not matter.
impl PartialEq for ParetoArchive {
    fn eq(&self, other: &Self) -> bool {
        self.n_obj == other.n_obj && self.keys == other.keys && self.points == other.points
    }
}

/// The search structure over the member rows, chosen by the number of objectives.
#[derive(Debug, Clone, Default)]
enum Index {
    /// At most one objective: all members are equal to each other.
    #[default]
    Flat,
    /// Two objectives.
    Staircase(Staircase),
    /// Three or more objectives.
    Tree(NdTree),
}

impl ParetoArchive {
    /// An empty archive of points with `n_obj` objectives.
    ///
    /// # Errors
    /// When `n_obj` is 0.
    pub fn new(n_obj: usize) -> Result<Self> {
        if n_obj == 0 {
            return Err(Error::ZeroObjectives { what: "archive" });
        }
        let index = match n_obj {
            1 => Index::Flat,
            2 => Index::Staircase(Staircase::default()),
            m => Index::Tree(NdTree::new(m)),
        };
        Ok(Self {
            n_obj,
            points: Vec::new(),
            keys: Vec::new(),
            index,
        })
    }

    /// Offers a point: it joins the front unless a member dominates it, and members it
    /// dominates leave.
    ///
    /// # Errors
    /// When the point has the wrong length or a NaN/infinite value.
    pub fn insert(&mut self, key: u64, point: &[f64]) -> Result<Insertion> {
        self.check("archive point", point)?;
        let m = self.n_obj;
        // Rows of the members the point dominates, already unlinked from the index.
        let mut rows = match &mut self.index {
            Index::Flat => match self.points.get(..m).map(|first| compare(first, point)) {
                None | Some(Dominance::Equal) => Vec::new(),
                Some(Dominance::Dominates) => return Ok(Insertion::Dominated),
                // With one objective every member equals the first one.
                Some(Dominance::DominatedBy | Dominance::Incomparable) => {
                    (0..self.keys.len()).collect()
                }
            },
            Index::Staircase(s) => match s.update(point) {
                Some(rows) => rows,
                None => return Ok(Insertion::Dominated),
            },
            Index::Tree(t) => match t.update(&self.points, point) {
                Some(rows) => rows,
                None => return Ok(Insertion::Dominated),
            },
        };
        rows.sort_unstable();
        let removed = rows.iter().map(|&r| self.keys[r]).collect();
        // Highest rows first: the last row, moved into each hole, is then never one that
        // still has to go.
        for &row in rows.iter().rev() {
            self.remove_row(row);
        }
        let row = self.keys.len();
        self.keys.push(key);
        self.points.extend_from_slice(point);
        match &mut self.index {
            Index::Flat => {}
            Index::Staircase(s) => s.insert(row, point),
            Index::Tree(t) => t.insert(&self.points, row),
        }
        Ok(Insertion::Added { removed })
    }

    /// Swap-removes a row already unlinked from the index, and tells the index where the
    /// last row went.
    fn remove_row(&mut self, row: usize) {
        let m = self.n_obj;
        let last = self.keys.len() - 1;
        self.keys.swap_remove(row);
        if row != last {
            self.points.copy_within(last * m..(last + 1) * m, row * m);
        }
        self.points.truncate(last * m);
        match &mut self.index {
            Index::Flat => {}
            Index::Staircase(s) => {
                if row != last {
                    s.relocate(&self.points[row * m..(row + 1) * m], last, row);
                }
            }
            Index::Tree(t) => t.swap_remove_row(row),
        }
    }

    /// The hypervolume `point` would add to the front, with reference point `reference`:
    /// the measure of the part of the box `[point, reference]` that no member dominates.
    /// Zero when a member weakly dominates the point or when the point does not beat the
    /// reference in every objective.
    ///
    /// Only the members that bound the box matter: each member is raised to the point
    /// (component-wise maximum) and the raised members that another one dominates are
    /// skipped, whole subtrees at a time. The result is the volume of the box minus the
    /// [`hypervolume`](crate::hypervolume()) of the remaining raised members, the same
    /// value as when every member is raised and measured.
    ///
    /// # Errors
    /// When `point` or `reference` has the wrong length or a NaN/infinite value.
    pub fn hypervolume_gain(&self, point: &[f64], reference: &[f64]) -> Result<f64> {
        self.check("archive point", point)?;
        self.check("reference point", reference)?;
        let m = self.n_obj;
        if m == 0 {
            return Err(Error::ZeroObjectives { what: "archive" });
        }
        let mut clipped = gain::ClippedFront::new(point, reference);
        if clipped.is_empty_box() {
            return Ok(0.0);
        }
        match &self.index {
            Index::Flat => {
                if let Some(first) = self.points.get(..m) {
                    clipped.offer(first);
                }
            }
            Index::Staircase(s) => s.bounding(&mut clipped),
            Index::Tree(t) => t.bounding(&self.points, &mut clipped),
        }
        clipped.gain()
    }

    fn check(&self, what: &'static str, point: &[f64]) -> Result<()> {
        if point.len() != self.n_obj {
            return Err(Error::DimensionMismatch {
                what,
                expected: self.n_obj,
                found: point.len(),
            });
        }
        if let Some(column) = point.iter().position(|x| !x.is_finite()) {
            return Err(Error::NonFinite {
                what,
                row: 0,
                column,
                value: point[column],
            });
        }
        Ok(())
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the archive is empty.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Number of objectives.
    pub fn n_obj(&self) -> usize {
        self.n_obj
    }

    /// The members' keys (in no particular order).
    pub fn keys(&self) -> &[u64] {
        &self.keys
    }

    /// The members' points, row-major, in the order of [`keys`](Self::keys).
    pub fn points(&self) -> &[f64] {
        &self.points
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_exactly_the_non_dominated_points() {
        for m in 1..=5 {
            let n = 400;
            let pts = vilfredo_core::rng::uniform_points(n, m, 9);
            let mut a = ParetoArchive::new(m).unwrap();
            for (k, p) in pts.chunks_exact(m).enumerate() {
                a.insert(k as u64, p).unwrap();
            }
            let view = vilfredo_core::PointsView::new(&pts, m).unwrap();
            let nd = crate::is_non_dominated(view);
            let mut want: Vec<u64> = (0..n as u64).filter(|&i| nd[i as usize]).collect();
            let mut got = a.keys().to_vec();
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "m = {m}");
        }
    }

    #[test]
    fn duplicates_are_kept_and_dominated_points_refused() {
        for m in [2, 3] {
            let at = |x: f64, y: f64| {
                let mut p = vec![x, y];
                p.resize(m, 1.0);
                p
            };
            let mut a = ParetoArchive::new(m).unwrap();
            assert_eq!(
                a.insert(0, &at(1.0, 1.0)).unwrap(),
                Insertion::Added { removed: vec![] }
            );
            assert_eq!(
                a.insert(1, &at(1.0, 1.0)).unwrap(),
                Insertion::Added { removed: vec![] }
            );
            assert_eq!(a.insert(2, &at(2.0, 1.0)).unwrap(), Insertion::Dominated);
            assert_eq!(
                a.insert(3, &at(0.5, 0.5)).unwrap(),
                Insertion::Added {
                    removed: vec![0, 1]
                }
            );
            assert_eq!(a.keys(), &[3]);
            assert_eq!(a.points(), &at(0.5, 0.5)[..]);
            assert!(a.insert(4, &at(f64::NAN, 0.0)).is_err());
            assert!(a.insert(4, &[0.0]).is_err());
        }
    }

    #[test]
    fn one_objective_keeps_the_ties_of_the_minimum() {
        let mut a = ParetoArchive::new(1).unwrap();
        for (k, v) in [3.0, 2.0, 2.0, 5.0, 2.0, 1.0, 1.0].into_iter().enumerate() {
            a.insert(k as u64, &[v]).unwrap();
        }
        let mut keys = a.keys().to_vec();
        keys.sort_unstable();
        assert_eq!(keys, vec![5, 6]);
        assert_eq!(a.points(), &[1.0, 1.0]);
    }

    #[test]
    fn gain_is_the_box_minus_what_the_front_covers() {
        let mut a = ParetoArchive::new(2).unwrap();
        let r = [4.0, 4.0];
        assert_eq!(a.hypervolume_gain(&[1.0, 2.0], &r).unwrap(), 6.0);
        a.insert(0, &[1.0, 2.0]).unwrap();
        a.insert(1, &[2.0, 1.0]).unwrap();
        // The box [1, 4]² minus the L-shaped region the two members cover.
        assert_eq!(a.hypervolume_gain(&[1.0, 1.0], &r).unwrap(), 1.0);
        assert_eq!(a.hypervolume_gain(&[1.5, 2.0], &r).unwrap(), 0.0);
        assert_eq!(a.hypervolume_gain(&[1.0, 5.0], &r).unwrap(), 0.0);
        assert!(a.hypervolume_gain(&[1.0, 1.0], &[4.0]).is_err());
        assert!(a.hypervolume_gain(&[1.0, 1.0], &[4.0, f64::NAN]).is_err());
    }
}
