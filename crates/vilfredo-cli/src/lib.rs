//! The `vilfredo` command line, as a library.
//!
//! [`run`] is the whole command: it parses the arguments, reads the points, calls the
//! kernels of `vilfredo-pareto` and writes the results. The binary and the Python package
//! both call it, so `vilfredo` behaves the same wherever it is installed.
//!
//! Module guide:
//!
//! - `args`: the grammar and help text (clap derive);
//! - [`input`]: the point reader (text to a validated matrix, errors with line and column);
//! - [`output`]: shortest round-trip number formatting;
//! - `cmd`: one module per command group, each a thin layer over one kernel (or, for
//!   `problems` and `optimize`, over `vilfredo-problems` and `vilfredo-moea`);
//! - `plot`: the SVG writer of `optimize --plot`;
//! - `error`: the split between usage errors (exit 2) and runtime errors (exit 1).
//!
//! Exit status: 0 on success (also when the reader of the output goes away early, as with
//! `| head`), 1 when the data cannot be read or is invalid, 2 for usage errors (bad options,
//! a reference point of the wrong length, an unknown indicator, problem, parameter or
//! algorithm).

#![deny(missing_docs)]

mod args;
mod cmd;
mod error;
pub mod input;
mod operator;
pub mod output;
mod plot;

use std::ffi::OsString;
use std::io::{self, BufWriter, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

use clap::Parser;

/// Exit status when the command succeeded.
const EXIT_OK: i32 = 0;
/// Exit status of the process when a bug made the command panic; Rust's own convention.
const EXIT_BUG: i32 = 101;

/// Runs the `vilfredo` command with `args` (the program name first, as in
/// `std::env::args_os`) and returns the exit status.
///
/// Reads standard input or the files named in `args`, writes results to standard output
/// and messages to standard error. It never panics: a bug that would panic is caught and
/// reported as an internal error with status 101.
pub fn run(args: Vec<OsString>) -> i32 {
    match catch_unwind(AssertUnwindSafe(|| run_command(args))) {
        Ok(code) => code,
        Err(_) => {
            let _ = writeln!(
                io::stderr(),
                "vilfredo: error: internal error (this is a bug; please report it)"
            );
            EXIT_BUG
        }
    }
}

fn run_command(args: Vec<OsString>) -> i32 {
    let cli = match args::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => return error::report_clap(&err),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    let result = cmd::dispatch(cli.command, &mut out)
        .and_then(|()| out.flush().map_err(anyhow::Error::from));
    match result {
        Ok(()) => EXIT_OK,
        Err(err) => error::report(&err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_strs(args: &[&str]) -> i32 {
        run(args.iter().map(OsString::from).collect())
    }

    #[test]
    fn run_in_process_returns_exit_statuses() {
        // The Python package calls `run` inside its own process: statuses must come back
        // as values, never as a process exit or a panic.
        assert_eq!(run_strs(&["vilfredo", "--version"]), 0);
        assert_eq!(run_strs(&["vilfredo", "frobnicate"]), 2);
        assert_eq!(run_strs(&["vilfredo", "hv", "--ref", "1,x"]), 2);
        assert_eq!(run_strs(&["vilfredo", "rank", "/no/such/vilfredo/file"]), 1);
        assert_eq!(run_strs(&["vilfredo"]), 2);
        assert_eq!(run_strs(&[]), 2);
    }
}
