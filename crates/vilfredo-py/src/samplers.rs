//! From the Python sampler classes of `vilfredo.samplers` to Rust samplers.
//!
//! A Python sampler is a small configuration object whose `_spec()` returns
//! `(kind, options)`; this is the one place that turns it into a `Box<dyn Sampler>`.
//! Adding a sampler is one arm here and one class in `python/vilfredo/samplers.py`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use vilfredo_study::sampler::{
    Crossover, DifferentialEvolution, LhsSampler, MoeadOptions, MoeadSampler, MoeadVariation,
    Nsga2Sampler, Nsga3Sampler, NsgaOptions, SobolSampler,
};
use vilfredo_study::{RandomSampler, Sampler};

use crate::study_error::study_error;

/// A seed drawn from the operating system, for samplers given `seed=None`.
fn fresh_seed(py: Python<'_>) -> PyResult<u64> {
    py.import("secrets")?
        .call_method1("randbits", (64,))?
        .extract()
}

/// The Rust sampler a Python sampler object describes (`None`: a random sampler with a
/// fresh seed).
pub fn build(py: Python<'_>, sampler: Option<&Bound<'_, PyAny>>) -> PyResult<Box<dyn Sampler>> {
    let Some(sampler) = sampler else {
        return Ok(Box::new(RandomSampler::new(fresh_seed(py)?)));
    };
    let spec = sampler.call_method0("_spec").map_err(|_| {
        PyTypeError::new_err(format!(
            "sampler must be a vilfredo.samplers object (RandomSampler, ...), not {}",
            sampler
                .get_type()
                .name()
                .map_or("?".into(), |n| n.to_string())
        ))
    })?;
    let (kind, options): (String, Bound<'_, PyDict>) = spec.extract()?;
    let seed = match options.get_item("seed")? {
        Some(s) if !s.is_none() => s.extract::<u64>().map_err(|_| {
            PyValueError::new_err(format!(
                "sampler seed must be an integer in [0, 2**64), got {s}"
            ))
        })?,
        _ => fresh_seed(py)?,
    };
    match kind.as_str() {
        "random" => Ok(Box::new(RandomSampler::new(seed))),
        "sobol" => Ok(Box::new(SobolSampler::new(seed))),
        "lhs" => {
            let n: usize = option(&options, "n_trials")?.unwrap_or(0);
            Ok(Box::new(
                LhsSampler::new(n, seed).map_err(|e| study_error(&e))?,
            ))
        }
        "nsga2" | "nsga3" => {
            let opts = nsga_options(&options, seed)?;
            if kind == "nsga2" {
                return Ok(Box::new(
                    Nsga2Sampler::new(opts).map_err(|e| study_error(&e))?,
                ));
            }
            let refs = rows(&options, "reference_directions")?;
            Ok(Box::new(
                Nsga3Sampler::new(opts, refs).map_err(|e| study_error(&e))?,
            ))
        }
        "moead" => {
            let opts = moead_options(&options, seed)?;
            Ok(Box::new(
                MoeadSampler::new(opts).map_err(|e| study_error(&e))?,
            ))
        }
        other => Err(PyValueError::new_err(format!(
            "unknown sampler {other:?}; valid samplers: random, sobol, lhs, nsga2, nsga3, moead"
        ))),
    }
}

/// The option `name`, or `None` when absent or `None`.
fn option<'py, T: FromPyObjectOwned<'py>>(
    options: &Bound<'py, PyDict>,
    name: &str,
) -> PyResult<Option<T>> {
    match options.get_item(name)? {
        Some(v) if !v.is_none() => v.extract::<T>().map(Some).map_err(|_| {
            PyValueError::new_err(format!("sampler option {name}: invalid value {v}"))
        }),
        _ => Ok(None),
    }
}

/// The option `name` given as rows of equal length: `(row-major values, columns)`.
fn rows(options: &Bound<'_, PyDict>, name: &str) -> PyResult<Option<(Vec<f64>, usize)>> {
    let Some(rows) = option::<Vec<Vec<f64>>>(options, name)? else {
        return Ok(None);
    };
    let m = rows.first().map_or(0, Vec::len);
    if rows.iter().any(|r| r.len() != m) {
        return Err(PyValueError::new_err(format!(
            "{name} must be rows of equal length"
        )));
    }
    Ok(Some((rows.concat(), m)))
}

/// MOEA/D options from Python keywords, the sampler's defaults elsewhere.
fn moead_options(options: &Bound<'_, PyDict>, seed: u64) -> PyResult<MoeadOptions> {
    let d = MoeadOptions::default();
    let theta: f64 = option(options, "pbi_theta")?.unwrap_or(5.0);
    let decomposition = match option::<String>(options, "decomposition")? {
        None => d.decomposition,
        Some(name) => {
            MoeadOptions::decomposition_named(&name, theta).map_err(|e| study_error(&e))?
        }
    };
    let variation = match option::<String>(options, "variation")?.as_deref() {
        None | Some("sbx") => MoeadVariation::Sbx,
        Some("de") => MoeadVariation::De,
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "unknown variation {other:?}; valid: 'sbx', 'de'"
            )));
        }
    };
    Ok(MoeadOptions {
        n_partitions: option(options, "n_partitions")?,
        weights: rows(options, "weights")?,
        n_neighbors: option(options, "n_neighbors")?.unwrap_or(d.n_neighbors),
        prob_neighbor_mating: option(options, "prob_neighbor_mating")?
            .unwrap_or(d.prob_neighbor_mating),
        max_replacements: option(options, "max_replacements")?.unwrap_or(d.max_replacements),
        decomposition,
        variation,
        crossover_eta: option(options, "crossover_eta")?.unwrap_or(d.crossover_eta),
        de: DifferentialEvolution {
            f: option(options, "de_f")?.unwrap_or(d.de.f),
            cr: option(options, "de_cr")?.unwrap_or(d.de.cr),
        },
        mutation_prob: option(options, "mutation_prob")?,
        seed,
        max_retries: d.max_retries,
    })
}

/// NSGA-II/III options from Python keywords (Optuna's names), defaults elsewhere.
fn nsga_options(options: &Bound<'_, PyDict>, seed: u64) -> PyResult<NsgaOptions> {
    let d = NsgaOptions::default();
    let crossover = match option::<String>(options, "crossover")?.as_deref() {
        None | Some("sbx") => Crossover::Sbx {
            eta: option(options, "crossover_eta")?.unwrap_or(15.0),
        },
        Some("uniform") => Crossover::Uniform,
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "unknown crossover {other:?}; valid: 'sbx', 'uniform'"
            )));
        }
    };
    Ok(NsgaOptions {
        population_size: option(options, "population_size")?.unwrap_or(d.population_size),
        mutation_prob: option(options, "mutation_prob")?,
        crossover,
        crossover_prob: option(options, "crossover_prob")?.unwrap_or(d.crossover_prob),
        swapping_prob: option(options, "swapping_prob")?.unwrap_or(d.swapping_prob),
        seed,
        max_retries: d.max_retries,
    })
}
