//! Row-major point sets: [`Points`] (owned) and [`PointsView`] (borrowed).
//!
//! A point set is `n` rows of `m` objective values, stored as one contiguous slice of
//! `n * m` values, row after row, like a C-contiguous numpy array of shape `(n, m)`.
//! Both types are validated when they are built: every value is finite and the buffer
//! splits into whole rows. Kernels that take a [`PointsView`] may therefore rely on it.

use crate::{Error, Result};

/// A borrowed, validated, row-major set of points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointsView<'a> {
    data: &'a [f64],
    n_obj: usize,
}

impl<'a> PointsView<'a> {
    /// Wraps `data` as rows of `n_obj` values, checking that every value is finite.
    ///
    /// # Errors
    /// [`Error::ZeroObjectives`] when `n_obj == 0`, [`Error::Ragged`] when `data.len()`
    /// is not a multiple of `n_obj`, [`Error::NonFinite`] naming the first NaN or
    /// infinite value.
    pub fn new(data: &'a [f64], n_obj: usize) -> Result<Self> {
        Self::named("points", data, n_obj)
    }

    /// Like [`PointsView::new`], but errors call the input `what` (for example
    /// `"reference front"`), so a caller with several inputs can tell the user which one.
    pub fn named(what: &'static str, data: &'a [f64], n_obj: usize) -> Result<Self> {
        if n_obj == 0 {
            return Err(Error::ZeroObjectives { what });
        }
        if !data.len().is_multiple_of(n_obj) {
            return Err(Error::Ragged {
                what,
                len: data.len(),
                n_obj,
            });
        }
        if let Some(pos) = data.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFinite {
                what,
                row: pos / n_obj,
                column: pos % n_obj,
                value: data[pos],
            });
        }
        Ok(Self { data, n_obj })
    }

    /// Number of points (rows).
    #[inline]
    pub fn n_points(&self) -> usize {
        self.data.len() / self.n_obj
    }

    /// Number of objectives (columns), at least 1.
    #[inline]
    pub fn n_obj(&self) -> usize {
        self.n_obj
    }

    /// `true` when there are no points.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The `i`-th point.
    ///
    /// # Panics
    /// When `i >= self.n_points()`, like slice indexing.
    #[inline]
    pub fn row(&self, i: usize) -> &'a [f64] {
        &self.data[i * self.n_obj..(i + 1) * self.n_obj]
    }

    /// The points in order.
    pub fn rows(&self) -> std::slice::ChunksExact<'a, f64> {
        self.data.chunks_exact(self.n_obj)
    }

    /// The underlying row-major buffer.
    #[inline]
    pub fn as_slice(&self) -> &'a [f64] {
        self.data
    }

    /// Copies the points into an owned [`Points`].
    pub fn to_owned(&self) -> Points {
        Points {
            data: self.data.to_vec(),
            n_obj: self.n_obj,
        }
    }

    /// Checks that `point` has one finite value per objective of this set.
    ///
    /// Kernels use it to validate a reference point (`what = "reference point"`).
    pub fn check_point(&self, what: &'static str, point: &[f64]) -> Result<()> {
        if point.len() != self.n_obj {
            return Err(Error::DimensionMismatch {
                what,
                expected: self.n_obj,
                found: point.len(),
            });
        }
        if let Some(column) = point.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFinite {
                what,
                row: 0,
                column,
                value: point[column],
            });
        }
        Ok(())
    }
}

/// An owned, validated, row-major set of points.
#[derive(Debug, Clone, PartialEq)]
pub struct Points {
    data: Vec<f64>,
    n_obj: usize,
}

impl Points {
    /// Takes ownership of a row-major buffer; same checks as [`PointsView::new`].
    pub fn from_vec(data: Vec<f64>, n_obj: usize) -> Result<Self> {
        PointsView::new(&data, n_obj)?;
        Ok(Self { data, n_obj })
    }

    /// Builds a set from rows, naming the first row whose length differs from the first.
    ///
    /// An empty slice of rows needs `n_obj` to be known, so it is given separately;
    /// it must match the rows' length when there are rows.
    pub fn from_rows<R: AsRef<[f64]>>(rows: &[R], n_obj: usize) -> Result<Self> {
        let mut data = Vec::with_capacity(rows.len() * n_obj);
        for (i, row) in rows.iter().enumerate() {
            let row = row.as_ref();
            if row.len() != n_obj {
                return Err(Error::InvalidArgument {
                    name: "points",
                    reason: format!("row {i} has {} values, expected {n_obj}", row.len()),
                });
            }
            data.extend_from_slice(row);
        }
        Self::from_vec(data, n_obj)
    }

    /// An empty set with `n_obj` objectives.
    pub fn empty(n_obj: usize) -> Result<Self> {
        Self::from_vec(Vec::new(), n_obj)
    }

    /// A borrowed view of the whole set.
    #[inline]
    pub fn view(&self) -> PointsView<'_> {
        PointsView {
            data: &self.data,
            n_obj: self.n_obj,
        }
    }

    /// Number of points (rows).
    #[inline]
    pub fn n_points(&self) -> usize {
        self.data.len() / self.n_obj
    }

    /// Number of objectives (columns).
    #[inline]
    pub fn n_obj(&self) -> usize {
        self.n_obj
    }

    /// `true` when there are no points.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The `i`-th point.
    ///
    /// # Panics
    /// When `i >= self.n_points()`, like slice indexing.
    #[inline]
    pub fn row(&self, i: usize) -> &[f64] {
        &self.data[i * self.n_obj..(i + 1) * self.n_obj]
    }

    /// The underlying row-major buffer.
    #[inline]
    pub fn as_slice(&self) -> &[f64] {
        &self.data
    }

    /// Gives back the row-major buffer.
    pub fn into_vec(self) -> Vec<f64> {
        self.data
    }

    /// The subset of rows at `indices`, in that order.
    ///
    /// # Panics
    /// When an index is out of range, like slice indexing.
    pub fn select(&self, indices: &[usize]) -> Points {
        let mut data = Vec::with_capacity(indices.len() * self.n_obj);
        for &i in indices {
            data.extend_from_slice(self.row(i));
        }
        Points {
            data,
            n_obj: self.n_obj,
        }
    }
}

impl<'a> From<&'a Points> for PointsView<'a> {
    fn from(points: &'a Points) -> Self {
        points.view()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_nan_naming_row_and_column() {
        let err = PointsView::new(&[1.0, 2.0, 3.0, f64::NAN], 2).unwrap_err();
        assert!(matches!(
            err,
            Error::NonFinite { row: 1, column: 1, value, .. } if value.is_nan()
        ));
        assert!(err.to_string().contains("row 1, column 1"), "{err}");
    }

    #[test]
    fn rejects_ragged_and_zero_objectives() {
        assert!(matches!(
            PointsView::new(&[1.0, 2.0, 3.0], 2),
            Err(Error::Ragged { len: 3, n_obj: 2, .. })
        ));
        assert!(matches!(
            PointsView::new(&[], 0),
            Err(Error::ZeroObjectives { .. })
        ));
        assert!(matches!(
            Points::from_rows(&[vec![1.0, 2.0], vec![3.0]], 2),
            Err(Error::InvalidArgument { .. })
        ));
    }

    #[test]
    fn empty_is_valid() {
        let p = Points::empty(3).unwrap();
        assert_eq!(p.n_points(), 0);
        assert_eq!(p.view().rows().count(), 0);
    }

    #[test]
    fn rows_and_select() {
        let p = Points::from_rows(&[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], 2).unwrap();
        assert_eq!(p.row(1), &[3.0, 4.0]);
        assert_eq!(p.select(&[2, 0]).as_slice(), &[5.0, 6.0, 1.0, 2.0]);
    }
}
