//! `is_non_dominated`, `pareto_rank` and `crowding_distance`.

use crate::convert::matrix;
use crate::guard::run;
use numpy::PyArray1;
use pyo3::prelude::*;
use vilfredo_pareto::PointsView;

/// Which points no other point of the set dominates (minimisation).
///
/// ``a`` dominates ``b`` when ``a_k ≤ b_k`` for every objective ``k`` and ``a_k < b_k``
/// for at least one. Equal points do not dominate each other, so every copy of a
/// non-dominated point is non-dominated (moocore's ``is_nondominated(keep_weakly=True)``).
///
/// Algorithm: a lexicographic presort with duplicates merged, then one sweep keeping the
/// running minimum for m = 2, a sweep with a Fenwick tree of prefix minima for m = 3
/// (Kung, Luccio & Preparata 1975), both O(n log n); sort-filter-skyline on the sum of
/// objectives for m ≥ 4, handing over to divide and conquer for large fronts.
///
/// Parameters
/// ----------
/// points : array_like of float, shape (n, m)
///
/// Returns
/// -------
/// numpy.ndarray of bool, shape (n,)
///
/// Examples
/// --------
/// >>> import vilfredo as vf
/// >>> vf.is_non_dominated([[1.0, 2.0], [2.0, 1.0], [2.0, 2.0], [1.0, 2.0]])
/// array([ True,  True, False,  True])
#[pyfunction]
#[pyo3(signature = (points))]
pub fn is_non_dominated<'py>(points: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyArray1<bool>>> {
    let py = points.py();
    let points = matrix(points, "points")?;
    let (data, n_obj) = points.parts()?;
    let mask = run(py, || {
        Ok(vilfredo_pareto::is_non_dominated(PointsView::named(
            "points", data, n_obj,
        )?))
    })?;
    Ok(PyArray1::from_vec(py, mask))
}

/// The 0-based Pareto rank (non-domination front) of every point.
///
/// Rank 0 is the non-dominated set; rank ``k`` is the non-dominated set of what is left
/// after removing ranks ``0 … k−1`` (Goldberg 1989; the non-dominated sorting of NSGA-II,
/// Deb et al. 2002). Duplicates share a rank.
///
/// Algorithm: a lexicographic presort with duplicates merged, then a sweep with binary
/// search over fronts for m = 2 (O(n log n)) and a sweep with one staircase per front for
/// m = 3 (O(n log² n)), both after Jensen 2003; divide and conquer for m ≥ 4
/// (Buzdalov & Shalyto 2014), O(n log^(m−1) n).
///
/// Parameters
/// ----------
/// points : array_like of float, shape (n, m)
///
/// Returns
/// -------
/// numpy.ndarray of int64, shape (n,)
///
/// Examples
/// --------
/// >>> import vilfredo as vf
/// >>> vf.pareto_rank([[1.0, 2.0], [2.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
/// array([0, 0, 1, 2])
#[pyfunction]
#[pyo3(signature = (points))]
pub fn pareto_rank<'py>(points: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyArray1<i64>>> {
    let py = points.py();
    let points = matrix(points, "points")?;
    let (data, n_obj) = points.parts()?;
    let ranks = run(py, || {
        let ranks = vilfredo_pareto::pareto_rank(PointsView::named("points", data, n_obj)?);
        // A rank is below the number of points, which fits an i64 on every platform.
        Ok(ranks
            .into_iter()
            .map(|r| i64::try_from(r).unwrap_or(i64::MAX))
            .collect::<Vec<i64>>())
    })?;
    Ok(PyArray1::from_vec(py, ranks))
}

/// Crowding distance of every point within the set (NSGA-II, Deb et al. 2002).
///
/// For each objective ``k`` the points are sorted by ``f_k`` (ties keep input order);
/// the first and last get ``inf`` and every other point ``i`` gets the mean over the ``m``
/// objectives of the normalised side of its cuboid::
///
///     CD(i) = (1/m) Σ_k (f_k(next_i) − f_k(prev_i)) / (max f_k − min f_k)
///
/// which is pymoo's ``calc_crowding_distance`` (Deb's sum divided by ``m``; the order of
/// points is the same). Never NaN: an objective with zero range adds 0, and ``n ≤ 2``
/// gives ``inf`` everywhere. Duplicates are distinct points at distance 0. The set is
/// treated as one front: call it per rank for NSGA-II.
///
/// Parameters
/// ----------
/// points : array_like of float, shape (n, m)
///
/// Returns
/// -------
/// numpy.ndarray of float64, shape (n,)
///
/// Examples
/// --------
/// >>> import vilfredo as vf
/// >>> vf.crowding_distance([[0.0, 2.0], [1.0, 1.0], [2.0, 0.0]])
/// array([inf,  1., inf])
#[pyfunction]
#[pyo3(signature = (points))]
pub fn crowding_distance<'py>(points: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let py = points.py();
    let points = matrix(points, "points")?;
    let (data, n_obj) = points.parts()?;
    let out = run(py, || {
        Ok(vilfredo_pareto::crowding_distance(PointsView::named(
            "points", data, n_obj,
        )?))
    })?;
    Ok(PyArray1::from_vec(py, out))
}
