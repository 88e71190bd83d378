//! An incremental Pareto archive: the non-dominated subset of a stream of points, kept
//! up to date one insertion at a time.
//!
//! Each insertion compares the new point with the current front only (Θ(k·m) for a
//! front of `k` points), so following a study of 100,000 trials costs what its front
//! costs, not what its history costs. Points are minimised; equal points are all kept
//! (duplicates do not dominate each other, DESIGN.md §3).

use crate::dominance::{Dominance, compare};
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
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParetoArchive {
    n_obj: usize,
    points: Vec<f64>,
    keys: Vec<u64>,
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
        Ok(Self {
            n_obj,
            points: Vec::new(),
            keys: Vec::new(),
        })
    }

    /// Offers a point: it joins the front unless a member dominates it, and members it
    /// dominates leave.
    ///
    /// # Errors
    /// When the point has the wrong length or a NaN/infinite value.
    pub fn insert(&mut self, key: u64, point: &[f64]) -> Result<Insertion> {
        if point.len() != self.n_obj {
            return Err(Error::DimensionMismatch {
                what: "archive point",
                expected: self.n_obj,
                found: point.len(),
            });
        }
        if let Some(column) = point.iter().position(|x| !x.is_finite()) {
            return Err(Error::NonFinite {
                what: "archive point",
                row: 0,
                column,
                value: point[column],
            });
        }
        let m = self.n_obj;
        let mut removed = Vec::new();
        let mut i = 0;
        while i < self.keys.len() {
            match compare(&self.points[i * m..(i + 1) * m], point) {
                Dominance::Dominates => return Ok(Insertion::Dominated),
                Dominance::DominatedBy => {
                    // Swap-remove keeps this Θ(m); order within the front is not part
                    // of the contract.
                    removed.push(self.keys.swap_remove(i));
                    let last = self.keys.len();
                    if i != last {
                        self.points.copy_within(last * m..(last + 1) * m, i * m);
                    }
                    self.points.truncate(last * m);
                }
                Dominance::Equal | Dominance::Incomparable => i += 1,
            }
        }
        self.keys.push(key);
        self.points.extend_from_slice(point);
        Ok(Insertion::Added { removed })
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
        let pts = vilfredo_core::rng::uniform_points(400, 3, 9);
        let mut a = ParetoArchive::new(3).unwrap();
        for (k, p) in pts.chunks_exact(3).enumerate() {
            a.insert(k as u64, p).unwrap();
        }
        let view = vilfredo_core::PointsView::new(&pts, 3).unwrap();
        let nd = crate::is_non_dominated(view);
        let mut want: Vec<u64> = (0..400u64).filter(|&i| nd[i as usize]).collect();
        let mut got = a.keys().to_vec();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want);
    }

    #[test]
    fn duplicates_are_kept_and_dominated_points_refused() {
        let mut a = ParetoArchive::new(2).unwrap();
        assert_eq!(
            a.insert(0, &[1.0, 1.0]).unwrap(),
            Insertion::Added { removed: vec![] }
        );
        assert_eq!(
            a.insert(1, &[1.0, 1.0]).unwrap(),
            Insertion::Added { removed: vec![] }
        );
        assert_eq!(a.insert(2, &[2.0, 1.0]).unwrap(), Insertion::Dominated);
        assert_eq!(
            a.insert(3, &[0.5, 0.5]).unwrap(),
            Insertion::Added {
                removed: vec![0, 1]
            }
        );
        assert_eq!(a.keys(), &[3]);
        assert!(a.insert(4, &[f64::NAN, 0.0]).is_err());
        assert!(a.insert(4, &[0.0]).is_err());
    }
}
