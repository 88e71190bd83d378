//! `hypervolume`, `hv_contributions` and `hypervolume_approx`.

use crate::convert::{matrix, vector};
use crate::guard::run;
use numpy::PyArray1;
use pyo3::conversion::FromPyObjectOwned;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyFloat;
use vilfredo_pareto::PointsView;
use vilfredo_pareto::hypervolume::{self as hv, ApproxConfig, ContributionConfig};

/// Exact hypervolume of a point set with respect to a reference point (minimisation).
///
/// The hypervolume (S-metric, Zitzler & Thiele 1998) is the Lebesgue measure of the
/// region dominated by the set and bounded by the reference point ``r``::
///
///     HV(S; r) = λ( ⋃_{p ∈ S} [p_1, r_1] × … × [p_m, r_m] )
///
/// Points that are not strictly better than ``r`` in every objective add nothing;
/// dominated points and duplicates are allowed; the empty set has hypervolume 0.
///
/// Algorithm (by number of objectives m; all exact):
///
/// - m = 2: sort and sweep, O(n log n);
/// - m = 3: sweep along the third objective over a sorted 2-D staircase, O(n log n)
///   (after Beume, Fonseca, López-Ibáñez, Paquete & Vahrenhold 2009);
/// - m = 4: the 4-D sweep of 3-D contributions (after Guerreiro & Fonseca 2018, HV4D+);
/// - m = 5: a sweep of 4-D contributions, each integrated over 3-D slabs;
/// - m ≥ 6: a dimension sweep of exclusive contributions on limited non-dominated sets,
///   down to the 5-D kernel (after While, Bradstreet & Barone 2012, WFG).
///
/// Coordinates are shifted to ``r − x`` first, so later differences are between small
/// numbers (no cancellation near ``r``).
///
/// Parameters
/// ----------
/// points : array_like of float, shape (n, m)
///     One point per row; converted to C-contiguous float64 (no copy if it already is).
/// ref : array_like of float, shape (m,)
///     The reference point.
///
/// Returns
/// -------
/// float
///
/// Raises
/// ------
/// TypeError
///     If the values are not real numbers (strings, objects, complex).
/// ValueError
///     If ``points`` is not 2-D, holds NaN or infinities (the message names the row and
///     column), or ``ref`` does not have one finite value per objective.
///
/// Examples
/// --------
/// >>> import vilfredo as vf
/// >>> vf.hypervolume([[1.0, 2.0], [2.0, 1.0]], ref=[3.0, 3.0])
/// 3.0
#[pyfunction]
#[pyo3(signature = (points, r#ref))]
pub fn hypervolume(points: &Bound<'_, PyAny>, r#ref: &Bound<'_, PyAny>) -> PyResult<f64> {
    let py = points.py();
    let points = matrix(points, "points")?;
    let ref_point = vector(r#ref, "reference point")?;
    let (data, n_obj) = points.parts()?;
    run(py, || {
        hv::hypervolume(PointsView::named("points", data, n_obj)?, &ref_point)
    })
}

/// Exclusive hypervolume contribution of every point, in input order.
///
/// The contribution of ``p`` is the volume that only ``p`` dominates::
///
///     C(p) = HV(S; r) − HV(S \ {p}; r)
///
/// so a dominated point, a point outside the reference box and every copy of a
/// duplicated point contribute 0.
///
/// With ``ignore_dominated=True`` (moocore's option of the same name) dominated points are
/// removed first: they get 0 and do not shrink the contributions of the points they
/// overlap — which only matters for weakly dominated points that share a face.
///
/// Algorithm: identical points are merged (a copy contributes 0) and the set is split
/// into its non-dominated front and the dominated rest; a dominated point can only shrink
/// the contribution of a front point that is its only dominator. Each contribution is then
/// computed as a volume of its own, relative to the point, never as a difference of two
/// totals — so the error is relative to the contribution itself:
///
/// - m = 2: the rectangle between the neighbours on the sorted front minus the staircase
///   of the point's private dominated points, O(n log n);
/// - m ≥ 3: the point's box minus the hypervolume of the limit set ``{max(p, q)}``
///   (the exclusive-hypervolume step of WFG, While, Bradstreet & Barone 2012).
///
/// Parameters
/// ----------
/// points : array_like of float, shape (n, m)
/// ref : array_like of float, shape (m,)
/// ignore_dominated : bool, keyword-only
///     Default ``False``, the exact ``HV(S) − HV(S \ {p})``; note moocore's default is ``True``.
///
/// Returns
/// -------
/// numpy.ndarray of float64, shape (n,)
///
/// Raises
/// ------
/// TypeError, ValueError
///     As :func:`hypervolume`.
///
/// Examples
/// --------
/// >>> import vilfredo as vf
/// >>> vf.hv_contributions([[1.0, 2.0], [2.0, 1.0], [2.0, 2.0]], ref=[3.0, 3.0])
/// array([1., 1., 0.])
#[pyfunction]
#[pyo3(signature = (points, r#ref, *, ignore_dominated = false))]
pub fn hv_contributions<'py>(
    points: &Bound<'py, PyAny>,
    r#ref: &Bound<'py, PyAny>,
    ignore_dominated: bool,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let py = points.py();
    let points = matrix(points, "points")?;
    let ref_point = vector(r#ref, "reference point")?;
    let (data, n_obj) = points.parts()?;
    let config = ContributionConfig { ignore_dominated };
    let out = run(py, || {
        hv::hv_contributions_with(
            PointsView::named("points", data, n_obj)?,
            &ref_point,
            config,
        )
    })?;
    Ok(PyArray1::from_vec(py, out))
}

/// A Monte Carlo estimate of a hypervolume: ``value`` within ``[lower, upper]``.
///
/// Unpacks like a tuple: ``value, lower, upper = vf.hypervolume_approx(...)``.
#[pyclass(name = "HvEstimate", module = "vilfredo", frozen, get_all)]
#[derive(Debug, Clone, Copy)]
pub struct PyHvEstimate {
    /// The point estimate.
    value: f64,
    /// Lower end of the confidence interval.
    lower: f64,
    /// Upper end of the confidence interval.
    upper: f64,
}

#[pymethods]
impl PyHvEstimate {
    #[new]
    fn new(value: f64, lower: f64, upper: f64) -> Self {
        Self {
            value,
            lower,
            upper,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        // Python's own float repr, so the text round-trips exactly.
        let text = |x: f64| -> PyResult<String> { Ok(PyFloat::new(py, x).repr()?.to_string()) };
        Ok(format!(
            "HvEstimate(value={}, lower={}, upper={})",
            text(self.value)?,
            text(self.lower)?,
            text(self.upper)?
        ))
    }

    fn __len__(&self) -> usize {
        3
    }

    fn __getitem__(&self, index: isize) -> PyResult<f64> {
        let fields = [self.value, self.lower, self.upper];
        let i = if index < 0 { index + 3 } else { index };
        usize::try_from(i)
            .ok()
            .and_then(|i| fields.get(i).copied())
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("HvEstimate index out of range"))
    }

    fn __iter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let me = slf.get();
        (me.value, me.lower, me.upper)
            .into_pyobject(slf.py())?
            .into_any()
            .try_iter()
            .map(Bound::into_any)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .extract::<(f64, f64, f64)>()
            .is_ok_and(|t| t == (self.value, self.lower, self.upper))
    }
}

/// Monte Carlo estimate of the hypervolume with a confidence interval.
///
/// Draws ``samples`` points uniformly in the box ``B = [ideal, ref)`` spanned by the
/// coordinate-wise minimum of the points that beat ``ref`` and ``ref`` itself, and counts
/// the number ``h`` dominated by the set (Bader & Zitzler 2011, HypE, §4)::
///
///     value = vol(B) · h / samples                (unbiased)
///     [lower, upper] = vol(B) · Wilson score interval of h / samples at ``confidence``
///
/// (Wilson 1927). The interval's coverage is approximately the nominal level, not a
/// guaranteed bound. The sampler is SplitMix64 seeded by ``seed``: the result depends only
/// on the inputs and the seed. When no point beats ``ref`` every field is exactly 0.
///
/// Parameters
/// ----------
/// points : array_like of float, shape (n, m)
/// ref : array_like of float, shape (m,)
/// samples : int ≥ 1, keyword-only
/// seed : int ≥ 0, keyword-only
/// confidence : float in (0, 1), keyword-only
///
/// Returns
/// -------
/// HvEstimate
///     With attributes ``value``, ``lower``, ``upper``; unpacks as a 3-tuple.
///
/// Examples
/// --------
/// >>> import vilfredo as vf
/// >>> est = vf.hypervolume_approx([[1.0, 2.0], [2.0, 1.0]], ref=[3.0, 3.0], samples=100000)
/// >>> est.lower <= 3.0 <= est.upper
/// True
#[pyfunction]
#[pyo3(
    signature = (points, r#ref, *, samples = None, seed = None, confidence = 0.99),
    text_signature = "(points, ref, *, samples=1000000, seed=0, confidence=0.99)"
)]
pub fn hypervolume_approx(
    points: &Bound<'_, PyAny>,
    r#ref: &Bound<'_, PyAny>,
    samples: Option<&Bound<'_, PyAny>>,
    seed: Option<&Bound<'_, PyAny>>,
    confidence: f64,
) -> PyResult<PyHvEstimate> {
    let py = points.py();
    let defaults = ApproxConfig::default();
    let samples = match samples {
        Some(s) => non_negative::<usize>(s, "samples")?,
        None => defaults.samples,
    };
    let seed = match seed {
        Some(s) => non_negative::<u64>(s, "seed")?,
        None => defaults.seed,
    };
    let points = matrix(points, "points")?;
    let ref_point = vector(r#ref, "reference point")?;
    let (data, n_obj) = points.parts()?;
    let config = ApproxConfig {
        samples,
        seed,
        confidence,
    };
    let est = run(py, || {
        hv::hypervolume_approx(
            PointsView::named("points", data, n_obj)?,
            &ref_point,
            &config,
        )
    })?;
    Ok(PyHvEstimate {
        value: est.value,
        lower: est.lower,
        upper: est.upper,
    })
}

/// Reads a count or seed, turning numpy's and pyo3's `OverflowError` for negative or huge
/// values into the `ValueError` that every other bad argument raises.
fn non_negative<'py, T>(obj: &Bound<'py, PyAny>, name: &str) -> PyResult<T>
where
    T: FromPyObjectOwned<'py>,
{
    if obj.is_instance_of::<pyo3::types::PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "{name}: expected an integer, got bool"
        )));
    }
    let value = obj.call_method0("__index__").map_err(|_| {
        PyTypeError::new_err(format!(
            "{name}: expected an integer, got {}",
            obj.get_type()
                .name()
                .map_or_else(|_| "?".to_owned(), |n| n.to_string())
        ))
    })?;
    value.extract::<T>().map_err(|_| {
        PyValueError::new_err(format!(
            "invalid {name}: {value} is out of range (expected 0 ≤ {name} < 2**{})",
            std::mem::size_of::<T>() * 8
        ))
    })
}
