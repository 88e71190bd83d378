//! Turning Python arguments into row-major `f64` buffers for the kernels (which validate them).
//!
//! The fast path takes a C-contiguous `float64` numpy array without copying. Anything else
//! numpy can read as real numbers (lists, integer or boolean arrays, Fortran-order or strided
//! views, other byte orders, unaligned buffers) goes once through
//! `numpy.require(x, float64, "CA")`, which copies into C order and aligned memory.
//! Strings, objects, complex numbers and dates are refused with `TypeError` instead of being
//! silently coerced (numpy would drop imaginary parts with only a warning).

use numpy::{
    PyArray1, PyArray2, PyArrayDescrMethods, PyArrayMethods, PyReadonlyArray2, PyUntypedArray,
    PyUntypedArrayMethods,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyTuple};

/// `numpy.asarray`, looked up once per interpreter.
static ASARRAY: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
/// `numpy.require`, looked up once per interpreter.
static REQUIRE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A 2-D point set borrowed from (or converted into) a C-contiguous `float64` array.
pub struct Matrix<'py> {
    array: PyReadonlyArray2<'py, f64>,
}

impl Matrix<'_> {
    /// The row-major values and the number of columns.
    ///
    /// The array is C-contiguous by construction, so the slice is its whole buffer.
    pub fn parts(&self) -> PyResult<(&[f64], usize)> {
        let n_obj = self.array.shape()[1];
        if self.array.len() == 0 {
            return Ok((&[], n_obj));
        }
        let data = self
            .array
            .as_slice()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok((data, n_obj))
    }
}

/// Reads `obj` as an `(n, m)` matrix of `float64`; `what` names it in error messages.
pub fn matrix<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Matrix<'py>> {
    if let Ok(array) = obj.cast::<PyArray2<f64>>()
        && array.is_c_contiguous()
        && array.is_aligned()
    {
        return Ok(Matrix {
            array: array.try_readonly()?,
        });
    }
    let converted = as_float_array(obj, what)?;
    let ndim = converted.ndim();
    if ndim != 2 {
        return Err(PyValueError::new_err(format!(
            "{what}: expected a 2-D array of shape (n_points, n_objectives), got a {ndim}-D array of shape {}",
            shape_text(converted.shape())
        )));
    }
    let array = converted.cast_into::<PyArray2<f64>>()?;
    Ok(Matrix {
        array: array.try_readonly()?,
    })
}

/// Reads `obj` as a 1-D vector of `float64` (a reference point); `what` names it in errors.
pub fn vector(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<f64>> {
    if let Ok(array) = obj.cast::<PyArray1<f64>>()
        && array.is_c_contiguous()
        && array.is_aligned()
    {
        return slice_of(array);
    }
    // Plain sequences of numbers are the common case for a reference point: read them
    // directly rather than paying for a numpy round trip; anything odd falls through.
    if (obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>())
        && let Ok(values) = obj.extract::<Vec<f64>>()
    {
        return Ok(values);
    }
    let converted = as_float_array(obj, what)?;
    let ndim = converted.ndim();
    if ndim != 1 {
        return Err(PyValueError::new_err(format!(
            "{what}: expected a 1-D array with one value per objective, got a {ndim}-D array of shape {}",
            shape_text(converted.shape())
        )));
    }
    slice_of(&converted.cast_into::<PyArray1<f64>>()?)
}

/// The values of a C-contiguous, aligned 1-D array.
fn slice_of(array: &Bound<'_, PyArray1<f64>>) -> PyResult<Vec<f64>> {
    let view = array.try_readonly()?;
    if view.len() == 0 {
        return Ok(Vec::new());
    }
    Ok(view
        .as_slice()
        .map_err(|e| PyValueError::new_err(e.to_string()))?
        .to_vec())
}

/// `numpy.require(obj, float64, "CA")` after checking that `obj` holds real numbers.
fn as_float_array<'py>(
    obj: &Bound<'py, PyAny>,
    what: &str,
) -> PyResult<Bound<'py, PyUntypedArray>> {
    let py = obj.py();
    let asarray = ASARRAY.import(py, "numpy", "asarray")?;
    let require = REQUIRE.import(py, "numpy", "require")?;
    let raw = asarray.call1((obj,))?.cast_into::<PyUntypedArray>()?;
    let dtype = raw.dtype();
    // b: bool, i/u: integers, f: floats. Everything else has no faithful float64 value.
    if !matches!(dtype.kind(), b'b' | b'i' | b'u' | b'f') {
        return Err(PyTypeError::new_err(format!(
            "{what}: expected real numbers, got an array of dtype {}",
            dtype.str()?
        )));
    }
    // "C": C-contiguous, "A": aligned (a byte buffer at an odd offset is not, and a Rust
    // slice must be); numpy copies only when one of them, or the dtype, needs it.
    Ok(require
        .call1((raw, numpy::dtype::<f64>(py), "CA"))?
        .cast_into::<PyUntypedArray>()?)
}

/// `(3, 4)`-style text of a shape, like numpy prints it.
fn shape_text(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(usize::to_string).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// A new `(rows, cols)` C-contiguous `float64` array holding `data` (row-major).
///
/// `rows` is given rather than derived so that zero columns (no constraints) keep their rows.
pub fn to_matrix(
    py: Python<'_>,
    data: Vec<f64>,
    rows: usize,
    cols: usize,
) -> PyResult<Bound<'_, PyArray2<f64>>> {
    PyArray1::from_vec(py, data).reshape([rows, cols])
}
