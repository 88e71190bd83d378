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
/// Algorithm: see the Rust documentation of ``vilfredo_pareto::is_non_dominated``
/// (Kung, Luccio & Preparata 1975 sweep for m = 2, 3; divide and conquer /
/// dominance-tree filters beyond).
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
/// Algorithm: see the Rust documentation of ``vilfredo_pareto::pareto_rank``
/// (Jensen 2003 / Fortin, Grenier & Parizeau 2013 divide and conquer for large sets).
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
/// For each objective ``k`` the points are sorted by ``f_k``; the two extremes get
/// ``inf`` and an interior point ``i`` adds the normalised side of its cuboid::
///
///     CD(i) = Σ_k (f_k(next_i) − f_k(prev_i)) / (max f_k − min f_k)
///
/// Objectives with zero range add nothing. The set is treated as one front: call it per
/// rank for NSGA-II. See the Rust documentation of ``vilfredo_pareto::crowding_distance``
/// for how ties and duplicates are handled.
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
/// array([inf,  2., inf])
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
