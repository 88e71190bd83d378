//! NSGA-III and MOEA/D for `vilfredo.minimize`: the algorithms driven by reference
//! directions, read from the `options` dict the Python wrapper passes.
//!
//! - `"nsga3"` (Deb & Jain 2014): `ref_dirs` (required);
//! - `"moead"` (Zhang & Li 2007): `ref_dirs` (required: the weight vectors, one
//!   subproblem each), `n_neighbors` (20), `prob_neighbor_mating` (0.9),
//!   `max_replacements` (2, Li & Zhang 2009), `decomposition` (`"tchebycheff"` or
//!   `"pbi"`), `pbi_theta` (5), `variation` (`"sbx"` or `"de"`, MOEA/D-DE),
//!   `sequential` (false: one offspring per batch, the papers' loop).
//!
//! `ref_dirs` is an `(n, n_obj)` array of directions, or an int `p` for Das & Dennis's
//! lattice with `p` divisions.

use crate::convert::matrix;
use crate::guard::value_error;
use crate::minimize::{Common, Run};
use crate::more_algorithms::{at_least_2d, check_keys, get};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use vilfredo_core::PointsView;
use vilfredo_core::design::das_dennis;
use vilfredo_moea::{
    Decomposition, Moead, MoeadConfig, MoeadVariation, Nsga3, Nsga3Config, Solutions, Space,
};

impl Run for Nsga3 {
    fn population(&self) -> Solutions {
        Nsga3::population(self)
    }
}

impl Run for Moead {
    fn population(&self) -> Solutions {
        Moead::population(self)
    }
}

/// The reference directions given as `ref_dirs`: row-major values and their number of
/// columns (checked against the objectives by the algorithm, which names both).
fn directions(
    algorithm: &str,
    options: Option<&Bound<'_, PyDict>>,
    n_obj: usize,
) -> PyResult<(Vec<f64>, usize)> {
    let Some(d) = get(options, "ref_dirs")? else {
        return Err(PyValueError::new_err(format!(
            "{algorithm} needs ref_dirs: an (n, n_obj) array of reference directions, or an \
             int p for the Das-Dennis directions with p divisions (p = 12 gives 91 \
             directions for 3 objectives)"
        )));
    };
    if let Ok(p) = d.extract::<i64>() {
        let p = usize::try_from(p).ok().filter(|&p| p >= 1).ok_or_else(|| {
            PyValueError::new_err(format!(
                "ref_dirs as a number of Das-Dennis divisions must be at least 1, got {p}"
            ))
        })?;
        let lattice = das_dennis(n_obj, p).map_err(|e| value_error(&e))?;
        return Ok((lattice.into_vec(), n_obj));
    }
    let m = matrix(&at_least_2d(&d)?, "ref_dirs")?;
    let (data, cols) = m.parts()?;
    Ok((data.to_vec(), cols))
}

/// A view of the directions, naming `ref_dirs` in errors.
fn view((dirs, cols): &(Vec<f64>, usize)) -> PyResult<PointsView<'_>> {
    PointsView::named("ref_dirs", dirs, *cols).map_err(|e| value_error(&e))
}

/// NSGA-III; `pop_size` defaults to the number of directions rounded up to a multiple
/// of 4, as in the paper.
pub(crate) fn nsga3(
    space: Space,
    common: Common,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Nsga3> {
    check_keys("nsga3", options, &["ref_dirs"])?;
    let dirs = directions("nsga3", options, common.n_obj)?;
    let config = Nsga3Config {
        pop_size: common.pop_size_given,
        seed: common.seed,
        ..Nsga3Config::default()
    };
    Nsga3::new(space, common.n_obj, common.n_constr, view(&dirs)?, config)
        .map_err(|e| value_error(&e))
}

/// MOEA/D with its options; the population is one solution per weight vector.
pub(crate) fn moead(
    space: Space,
    common: Common,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Moead> {
    check_keys(
        "moead",
        options,
        &[
            "ref_dirs",
            "n_neighbors",
            "prob_neighbor_mating",
            "max_replacements",
            "decomposition",
            "pbi_theta",
            "variation",
            "sequential",
        ],
    )?;
    if common.pop_size_given.is_some() {
        return Err(PyValueError::new_err(
            "moead's population is one solution per weight vector: give ref_dirs, not pop_size",
        ));
    }
    let dirs = directions("moead", options, common.n_obj)?;
    let mut config = MoeadConfig {
        seed: common.seed,
        ..MoeadConfig::default()
    };
    if let Some(v) = get(options, "n_neighbors")? {
        config.n_neighbors = v.extract()?;
    }
    if let Some(v) = get(options, "prob_neighbor_mating")? {
        config.prob_neighbor_mating = v.extract()?;
    }
    if let Some(v) = get(options, "max_replacements")? {
        config.max_replacements = v.extract()?;
    }
    if let Some(v) = get(options, "sequential")? {
        config.sequential = v.extract()?;
    }
    let theta = match get(options, "pbi_theta")? {
        Some(v) => Some(v.extract::<f64>()?),
        None => None,
    };
    let decomposition = match get(options, "decomposition")? {
        Some(v) => v.extract::<String>()?.to_ascii_lowercase(),
        None => "tchebycheff".into(),
    };
    config.decomposition = match decomposition.as_str() {
        "tchebycheff" | "tchebychef" | "chebyshev" => {
            if theta.is_some() {
                return Err(PyValueError::new_err(
                    "pbi_theta applies to decomposition=\"pbi\" only",
                ));
            }
            Decomposition::Tchebycheff
        }
        "pbi" => Decomposition::Pbi {
            theta: theta.unwrap_or(5.0),
        },
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown decomposition {other:?}; valid: \"tchebycheff\", \"pbi\""
            )));
        }
    };
    if let Some(v) = get(options, "variation")? {
        config.variation = match v.extract::<String>()?.to_ascii_lowercase().as_str() {
            "sbx" => MoeadVariation::Sbx,
            "de" => MoeadVariation::De,
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown variation {other:?}; valid: \"sbx\", \"de\""
                )));
            }
        };
    }
    Moead::new(space, common.n_obj, common.n_constr, view(&dirs)?, config)
        .map_err(|e| value_error(&e))
}
