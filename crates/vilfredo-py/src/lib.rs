//! The `vilfredo._vilfredo` Python extension module: Pareto kernels for numpy arrays.
//!
//! Every function converts its arguments in Rust (zero-copy for C-contiguous `float64`
//! arrays, see [`convert`]), releases the GIL around the kernel and maps errors in one place
//! ([`guard`]). The pure-Python package `vilfredo` re-exports these functions unchanged.

#![deny(missing_docs)]

mod algorithm;
mod ask_tell;
mod ask_tell_algorithms;
mod cli;
mod convert;
mod guard;
mod hypervolume;
mod indicator;
mod minimize;
mod more_algorithms;
mod operator;
mod problems;
mod reference_algorithms;
mod resumable;
mod samplers;
mod settings;
mod sort;
mod study;
mod study_error;
mod study_kernels;
mod study_values;
mod trial;

use pyo3::prelude::*;

/// Pareto kernels of vilfredo (compiled part; import ``vilfredo`` instead).
#[pymodule]
fn _vilfredo(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(hypervolume::hypervolume, m)?)?;
    m.add_function(wrap_pyfunction!(hypervolume::hv_contributions, m)?)?;
    m.add_function(wrap_pyfunction!(hypervolume::hypervolume_approx, m)?)?;
    m.add_class::<hypervolume::PyHvEstimate>()?;
    m.add_function(wrap_pyfunction!(sort::is_non_dominated, m)?)?;
    m.add_function(wrap_pyfunction!(sort::pareto_rank, m)?)?;
    m.add_function(wrap_pyfunction!(sort::crowding_distance, m)?)?;
    m.add_function(wrap_pyfunction!(indicator::igd, m)?)?;
    m.add_function(wrap_pyfunction!(indicator::igd_plus, m)?)?;
    m.add_function(wrap_pyfunction!(indicator::gd, m)?)?;
    m.add_function(wrap_pyfunction!(indicator::gd_plus, m)?)?;
    m.add_function(wrap_pyfunction!(indicator::epsilon_additive, m)?)?;
    m.add_function(wrap_pyfunction!(indicator::epsilon_multiplicative, m)?)?;
    m.add_function(wrap_pyfunction!(cli::_cli_main, m)?)?;
    m.add_class::<problems::PyProblem>()?;
    m.add_function(wrap_pyfunction!(problems::get, m)?)?;
    m.add_function(wrap_pyfunction!(problems::list, m)?)?;
    m.add_function(wrap_pyfunction!(minimize::_minimize_builtin, m)?)?;
    m.add_function(wrap_pyfunction!(minimize::_minimize_python, m)?)?;
    m.add_class::<ask_tell::PyAskTell>()?;
    m.add_class::<algorithm::PyNsga2>()?;
    m.add_class::<ask_tell_algorithms::PyNsga3>()?;
    m.add_class::<ask_tell_algorithms::PyMoead>()?;
    m.add_class::<ask_tell_algorithms::PySmsEmoa>()?;
    m.add_class::<ask_tell_algorithms::PySpea2>()?;
    m.add_class::<ask_tell_algorithms::PyRNsga2>()?;
    m.add_class::<study::PyStudy>()?;
    m.add_class::<study::PyStorage>()?;
    m.add_class::<trial::PyTrial>()?;
    m.add_class::<trial::PyFrozenTrial>()?;
    m.add_function(wrap_pyfunction!(study::_create_study, m)?)?;
    m.add_function(wrap_pyfunction!(study::_load_study, m)?)?;
    m.add_function(wrap_pyfunction!(study_kernels::_nsga2_select, m)?)?;
    m.add_function(wrap_pyfunction!(study_kernels::_nsga2_child, m)?)?;
    m.add_function(wrap_pyfunction!(study_kernels::_hypervolume_steps, m)?)?;
    m.add(
        "StorageError",
        m.py().get_type::<study_error::StorageError>(),
    )?;
    m.add(
        "DuplicatedStudyError",
        m.py().get_type::<study_error::DuplicatedStudyError>(),
    )?;
    m.add("_HAS_CLI", cfg!(feature = "cli"))?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
