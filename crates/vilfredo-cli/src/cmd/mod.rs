//! The commands: each reads its input, calls one kernel and prints the answer.
//!
//! What they share lives here: reading a source (file or standard input) into a
//! [`Matrix`], and turning maximised objectives around (`--maximize`) so that the kernels,
//! which minimise everything, see minimisation problems.

mod crowding;
mod hv;
mod indicator;
mod optimize;
mod optimize_more;
mod plot;
mod problems;
mod rank;
mod study;
mod study_run;

use std::borrow::Cow;
use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, Result};
use vilfredo_pareto::PointsView;

use crate::args::{Columns, Command};
use crate::error::usage;
use crate::input::{self, Matrix};

/// Runs `command`, writing its results to `out`.
pub(crate) fn dispatch(command: Command, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Hv(args) => hv::hv(&args, out),
        Command::Hvc(args) => hv::hvc(&args, out),
        Command::Rank(args) => rank::rank(&args, out),
        Command::Pareto(args) => rank::pareto(&args, out),
        Command::Indicator(args) => indicator::indicator(&args, out),
        Command::Crowding(args) => crowding::crowding(&args, out),
        Command::Problems(args) => problems::problems(&args, out),
        Command::Optimize(args) => optimize::optimize(&args, out),
        Command::Study(args) => study::study(&args, out),
        Command::Plot(args) => plot::plot(&args, out),
    }
}

/// `true` when `file` means standard input (absent or `-`).
fn is_stdin(file: Option<&Path>) -> bool {
    file.is_none_or(|f| f.as_os_str() == "-")
}

/// A point set read from one source, with the name messages use for it.
pub(crate) struct Loaded {
    /// The points as read.
    pub(crate) matrix: Matrix,
    /// The file name, or `<stdin>`.
    pub(crate) name: String,
}

/// Reads and parses `file` (standard input when absent or `-`).
fn load(file: Option<&Path>) -> Result<Loaded> {
    let (bytes, name) = if is_stdin(file) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        (bytes, "<stdin>".to_owned())
    } else {
        let path = file.unwrap_or(Path::new("-"));
        let name = path.display().to_string();
        let bytes = std::fs::read(path).with_context(|| format!("cannot read {name}"))?;
        (bytes, name)
    };
    let matrix = input::parse(&bytes, &name)?;
    Ok(Loaded { matrix, name })
}

/// Which of `n_cols` columns `--maximize` flips, checking that they exist.
fn flipped(maximize: Option<&Columns>, n_cols: usize, name: &str) -> Result<Vec<bool>> {
    let mut flip = vec![false; n_cols];
    match maximize {
        None => {}
        Some(Columns::All) => flip.fill(true),
        Some(Columns::List(columns)) => {
            for &c in columns {
                match flip.get_mut(c) {
                    Some(f) => *f = true,
                    None => {
                        return Err(usage(format!(
                            "--maximize names column {} but {name} has {n_cols} objectives",
                            c + 1
                        )));
                    }
                }
            }
        }
    }
    Ok(flip)
}

/// `data` (rows of `flip.len()` values) with the flipped columns negated, so that every
/// objective is minimised; borrowed unchanged when nothing is flipped.
fn minimised<'a>(data: &'a [f64], flip: &[bool]) -> Cow<'a, [f64]> {
    if !flip.contains(&true) {
        return Cow::Borrowed(data);
    }
    let mut owned = data.to_vec();
    for row in owned.chunks_exact_mut(flip.len()) {
        for (v, &f) in row.iter_mut().zip(flip) {
            if f {
                *v = -*v;
            }
        }
    }
    Cow::Owned(owned)
}

/// Wraps rows of `n_obj` values for the kernels. The reader only produces finite, whole
/// rows, so this fails only on a bug; it is still an error rather than a panic.
fn view<'a>(data: &'a [f64], n_obj: usize, what: &'static str) -> Result<PointsView<'a>> {
    PointsView::named(what, data, n_obj).context("internal error: invalid point set")
}

/// The points of `input` and which of their columns `--maximize` flips (none for an
/// empty set, whose number of objectives is unknown).
fn load_with_flips(input: &crate::args::InputArgs) -> Result<(Loaded, Vec<bool>)> {
    let loaded = load(input.file.as_deref())?;
    let flip = if loaded.matrix.is_empty() {
        Vec::new()
    } else {
        flipped(
            input.maximize.as_ref(),
            loaded.matrix.n_cols(),
            &loaded.name,
        )?
    };
    Ok((loaded, flip))
}
