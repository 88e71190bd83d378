//! The progress line of a study run, and the warnings printed around it.
//!
//! On a terminal the line is redrawn in place (`\r`, then "erase to the end of the
//! line") after each finished trial: trials done out of the target, failures, the front's
//! size and, with a reference point, its hypervolume. When standard error is not a
//! terminal (a log file, a pipe, the tests) no line is drawn and warnings are plain
//! lines, so logs stay readable. A hand-written line needs no dependency, and the one
//! lock keeps warnings from several worker threads from cutting into it.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;

/// The counters the line shows.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Counts {
    /// Finished trials in the study.
    pub(crate) done: u64,
    /// Of which failed.
    pub(crate) failed: u64,
    /// Trials on the front.
    pub(crate) front: usize,
    /// The front's hypervolume, with a reference point.
    pub(crate) hypervolume: Option<f64>,
}

/// The progress line (drawn only on a terminal) and the warnings.
#[derive(Debug)]
pub(crate) struct Progress {
    draw: bool,
    quiet: bool,
    target: Option<u64>,
    /// Whether a line is on screen (to be erased before a warning).
    shown: Mutex<bool>,
}

impl Progress {
    /// A progress line for a run aiming at `target` finished trials.
    pub(crate) fn new(target: Option<u64>, quiet: bool) -> Self {
        Self {
            draw: !quiet && std::io::stderr().is_terminal(),
            quiet,
            target,
            shown: Mutex::new(false),
        }
    }

    /// Redraws the line.
    pub(crate) fn update(&self, c: Counts) {
        if !self.draw {
            return;
        }
        let mut line = match self.target {
            Some(t) => format!("vilfredo: trials {}/{t}", c.done),
            None => format!("vilfredo: trials {}", c.done),
        };
        if let Some(t) = self.target.filter(|t| *t > 0) {
            let width = 20u64;
            let filled = (c.done.min(t) * width / t) as usize;
            line = format!(
                "{line} [{}{}]",
                "#".repeat(filled),
                "-".repeat(width as usize - filled)
            );
        }
        line.push_str(&format!("  failed {}  front {}", c.failed, c.front));
        if let Some(hv) = c.hypervolume {
            line.push_str(&format!("  hv {}", significant(hv, 6)));
        }
        if let Ok(mut shown) = self.shown.lock() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{line}\x1b[K");
            let _ = err.flush();
            *shown = true;
        }
    }

    /// Prints `vilfredo: warning: …` on its own line (unless quiet).
    pub(crate) fn warn(&self, message: &str) {
        if self.quiet {
            return;
        }
        self.line(&format!("vilfredo: warning: {message}"));
    }

    /// Prints a line of the summary (unless quiet), below the progress line.
    pub(crate) fn say(&self, message: &str) {
        if self.quiet {
            return;
        }
        self.line(&format!("vilfredo: {message}"));
    }

    fn line(&self, text: &str) {
        if let Ok(mut shown) = self.shown.lock() {
            let mut err = std::io::stderr().lock();
            if *shown {
                let _ = write!(err, "\r\x1b[K");
                *shown = false;
            }
            let _ = writeln!(err, "{text}");
        }
    }

    /// Leaves the line on screen and moves below it.
    pub(crate) fn finish(&self) {
        if let Ok(mut shown) = self.shown.lock()
            && *shown
        {
            let _ = writeln!(std::io::stderr().lock());
            *shown = false;
        }
    }
}

/// `x` with about `digits` significant digits, for a line that is read, not parsed (the
/// summary prints the exact value).
fn significant(x: f64, digits: i32) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{x}");
    }
    let magnitude = x.abs().log10().floor() as i32;
    if !(-4..15).contains(&magnitude) {
        return format!("{:.*e}", (digits - 1).max(0) as usize, x);
    }
    format!("{:.*}", (digits - 1 - magnitude).max(0) as usize, x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn significant_digits() {
        assert_eq!(significant(8.154069393088633, 6), "8.15407");
        assert_eq!(significant(1234.5678, 6), "1234.57");
        assert_eq!(significant(0.00123456789, 3), "0.00123");
        assert_eq!(significant(0.0, 6), "0");
        assert_eq!(significant(1.5e-9, 2), "1.5e-9");
    }
}
