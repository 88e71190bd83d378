//! `_cli_main`: the `vilfredo` console command installed by pip.
//!
//! The command line lives in the `vilfredo-cli` crate; this only hands it `sys.argv`.

use pyo3::prelude::*;
use std::ffi::OsString;

/// Runs the ``vilfredo`` command line with ``argv`` (``argv[0]`` is the program name)
/// and returns its exit status. Output goes to the process's standard streams.
#[pyfunction]
#[pyo3(signature = (argv))]
pub fn _cli_main(py: Python<'_>, argv: Vec<String>) -> PyResult<i32> {
    let args: Vec<OsString> = argv.into_iter().map(OsString::from).collect();
    let outcome =
        py.detach(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cli_run(args))));
    outcome.map_err(|payload| crate::guard::internal_error(payload.as_ref()))
}

/// The command line proper, when this build includes it.
#[cfg(feature = "cli")]
fn cli_run(args: Vec<OsString>) -> i32 {
    vilfredo_cli::run(args)
}

/// Without the `cli` feature the wheel still installs the command, which says so.
#[cfg(not(feature = "cli"))]
fn cli_run(_args: Vec<OsString>) -> i32 {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "vilfredo: this build of the Python package does not include the command line"
    );
    1
}
