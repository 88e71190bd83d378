//! Which failures are the user's command line (exit 2) and which are the data (exit 1).
//!
//! Commands return `anyhow::Error`. A usage error is raised as [`UsageError`] so that
//! [`report`] can find it by downcasting; everything else is a runtime error. A closed
//! output pipe is not an error at all: like `ripgrep` and `cat`, vilfredo stops quietly
//! with status 0 when the reader (`head`, a pager) has seen enough.

use std::fmt;
use std::io::{self, Write};

/// Exit status for runtime errors: unreadable files, invalid data.
pub(crate) const EXIT_RUNTIME: i32 = 1;
/// Exit status for usage errors: bad options or values, arguments that do not fit the data.
pub(crate) const EXIT_USAGE: i32 = 2;

/// An error in how the command was called, found after clap accepted the arguments
/// (for example a reference point whose length differs from the data's).
#[derive(Debug)]
pub(crate) struct UsageError(pub(crate) String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Exit status after Ctrl-C (128 + SIGINT, the shells' convention).
pub(crate) const EXIT_INTERRUPTED: i32 = 130;

/// A run stopped by Ctrl-C after printing its summary: nothing more to say.
#[derive(Debug)]
pub(crate) struct Interrupted;

impl fmt::Display for Interrupted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}

/// Builds a usage error.
pub(crate) fn usage(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(UsageError(message.into()))
}

/// Prints `err` as `vilfredo: error: ...` and returns the exit status it deserves.
pub(crate) fn report(err: &anyhow::Error) -> i32 {
    let broken_pipe = err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return 0;
    }
    if err.downcast_ref::<Interrupted>().is_some() {
        return EXIT_INTERRUPTED;
    }
    let _ = writeln!(io::stderr().lock(), "vilfredo: error: {err:#}");
    if err.downcast_ref::<UsageError>().is_some() {
        EXIT_USAGE
    } else {
        EXIT_RUNTIME
    }
}

/// Prints a clap outcome: help and version go to standard output with status 0, errors go
/// to standard error prefixed with `vilfredo: ` and status 2.
pub(crate) fn report_clap(err: &clap::Error) -> i32 {
    if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // `vilfredo` alone: the help is the message.
        let _ = write!(io::stderr().lock(), "{}", err.render());
        EXIT_USAGE
    } else if err.use_stderr() {
        let _ = write!(io::stderr().lock(), "vilfredo: {}", err.render());
        EXIT_USAGE
    } else {
        // Help or version: a closed pipe here (`vilfredo --help | head`) is fine too.
        let _ = write!(io::stdout().lock(), "{}", err.render());
        0
    }
}
