//! SMS-EMOA, SPEA2 and R-NSGA-II for `vilfredo.minimize`: their algorithm-specific
//! keyword arguments, read from the `options` dict the Python wrapper passes.
//!
//! - `"sms-emoa"` (Beume, Naujoks & Emmerich 2007): `n_offspring` (offspring per
//!   generation, 1 as in the paper), `ref_offset` (reference point = worst of the last
//!   front + this, 1 by default);
//! - `"spea2"` (Zitzler, Laumanns & Thiele 2001): `archive_size` (default `pop_size`),
//!   `normalize` (distances between objectives scaled to the ideal–nadir box, off by
//!   default);
//! - `"rnsga2"` (Deb & Sundar 2006): `ref_points` (required, `(k, n_obj)`), `epsilon`
//!   (0.001), `weights` (`n_obj` positive values, equal by default), `normalization`
//!   (`"front"`, `"ever"` or `"no"`).

use crate::convert::matrix;
use crate::guard::value_error;
use crate::minimize::{Common, Run};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use vilfredo_moea::{
    Normalization, Nsga2Config, RNsga2, RNsga2Config, SmsEmoa, SmsEmoaConfig, Solutions, Space,
    Spea2, Spea2Config,
};

impl Run for SmsEmoa {
    fn population(&self) -> Solutions {
        SmsEmoa::population(self)
    }
}

impl Run for Spea2 {
    fn population(&self) -> Solutions {
        self.archive()
    }
}

impl Run for RNsga2 {
    fn population(&self) -> Solutions {
        RNsga2::population(self)
    }
}

/// Refuses options not in `valid`, naming them and the valid ones.
pub(crate) fn check_keys(
    algorithm: &str,
    options: Option<&Bound<'_, PyDict>>,
    valid: &[&str],
) -> PyResult<()> {
    let Some(options) = options else {
        return Ok(());
    };
    for key in options.keys() {
        let key: String = key.extract()?;
        if !valid.contains(&key.as_str()) {
            let valid = if valid.is_empty() {
                "none".to_string()
            } else {
                valid.join(", ")
            };
            return Err(PyValueError::new_err(format!(
                "{algorithm} has no option {key:?}; its options: {valid}"
            )));
        }
    }
    Ok(())
}

/// The option `key`, if given and not `None`.
pub(crate) fn get<'py>(
    options: Option<&Bound<'py, PyDict>>,
    key: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    match options {
        Some(o) => Ok(o.get_item(key)?.filter(|v| !v.is_none())),
        None => Ok(None),
    }
}

/// `obj` as a matrix with at least two dimensions, so that one point or direction may be
/// given as a flat sequence (as `vilfredo.minimize` always allowed).
pub(crate) fn at_least_2d<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    obj.py().import("numpy")?.call_method1("atleast_2d", (obj,))
}

/// SMS-EMOA with its options.
pub(crate) fn sms_emoa(
    space: Space,
    common: Common,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<SmsEmoa> {
    check_keys("sms-emoa", options, &["n_offspring", "ref_offset"])?;
    let mut config = SmsEmoaConfig {
        pop_size: common.pop_size,
        seed: common.seed,
        ..SmsEmoaConfig::default()
    };
    if let Some(v) = get(options, "n_offspring")? {
        config.n_offspring = v.extract()?;
    }
    if let Some(v) = get(options, "ref_offset")? {
        config.ref_offset = v.extract()?;
    }
    SmsEmoa::new(space, common.n_obj, common.n_constr, config).map_err(|e| value_error(&e))
}

/// SPEA2 with its options.
pub(crate) fn spea2(
    space: Space,
    common: Common,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Spea2> {
    check_keys("spea2", options, &["archive_size", "normalize"])?;
    let mut config = Spea2Config {
        pop_size: common.pop_size,
        archive_size: common.pop_size,
        seed: common.seed,
        ..Spea2Config::default()
    };
    if let Some(v) = get(options, "archive_size")? {
        config.archive_size = v.extract()?;
    }
    if let Some(v) = get(options, "normalize")? {
        config.normalize = v.extract()?;
    }
    Spea2::new(space, common.n_obj, common.n_constr, config).map_err(|e| value_error(&e))
}

/// R-NSGA-II with its options; `ref_points` is required.
pub(crate) fn rnsga2(
    space: Space,
    common: Common,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<RNsga2> {
    check_keys(
        "rnsga2",
        options,
        &["ref_points", "epsilon", "weights", "normalization"],
    )?;
    let Some(points) = get(options, "ref_points")? else {
        return Err(PyValueError::new_err(
            "rnsga2 needs ref_points: the reference points, an array of shape (k, n_obj)",
        ));
    };
    let points = matrix(&at_least_2d(&points)?, "ref_points")?;
    let (data, cols) = points.parts()?;
    if cols != common.n_obj {
        return Err(PyValueError::new_err(format!(
            "ref_points: points of {cols} values, but the problem has {} objectives",
            common.n_obj
        )));
    }
    let mut config = RNsga2Config::new(data.to_vec());
    config.nsga2 = Nsga2Config {
        pop_size: common.pop_size,
        seed: common.seed,
        ..Nsga2Config::default()
    };
    if let Some(v) = get(options, "epsilon")? {
        config.epsilon = v.extract()?;
    }
    if let Some(v) = get(options, "weights")? {
        config.weights = Some(crate::convert::vector(&v, "weights")?);
    }
    if let Some(v) = get(options, "normalization")? {
        let name: String = v.extract()?;
        config.normalization = match name.as_str() {
            "front" => Normalization::Front,
            "ever" => Normalization::Ever,
            "no" | "none" => Normalization::Unit,
            _ => {
                return Err(PyValueError::new_err(format!(
                    "unknown normalization {name:?}; valid: front, ever, no"
                )));
            }
        };
    }
    RNsga2::new(space, common.n_obj, common.n_constr, config).map_err(|e| value_error(&e))
}
