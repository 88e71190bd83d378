//! `vilfredo rank` and `vilfredo pareto`: Pareto ranks and the non-dominated filter.

use std::io::Write;

use anyhow::Result;
use vilfredo_pareto::{is_non_dominated, pareto_rank};

use super::{load_with_flips, minimised, view};
use crate::args::{InputArgs, ParetoArgs};
use crate::output::write_row;

/// `vilfredo rank`: one 0-based rank per input row.
pub(super) fn rank(args: &InputArgs, out: &mut dyn Write) -> Result<()> {
    let (loaded, flip) = load_with_flips(args)?;
    let matrix = &loaded.matrix;
    if matrix.is_empty() {
        return Ok(());
    }
    let data = minimised(matrix.data(), &flip);
    let ranks = pareto_rank(view(&data, matrix.n_cols(), "points")?);
    for r in ranks {
        writeln!(out, "{r}")?;
    }
    Ok(())
}

/// `vilfredo pareto`: the non-dominated rows as read, or their 0-based indices.
pub(super) fn pareto(args: &ParetoArgs, out: &mut dyn Write) -> Result<()> {
    let (loaded, flip) = load_with_flips(&args.input)?;
    let matrix = &loaded.matrix;
    if matrix.is_empty() {
        return Ok(());
    }
    let data = minimised(matrix.data(), &flip);
    let keep = is_non_dominated(view(&data, matrix.n_cols(), "points")?);
    // Rows are printed from the matrix as read, not from the minimised copy, so maximised
    // objectives keep their sign.
    for (i, (row, kept)) in matrix.rows().zip(keep).enumerate() {
        if !kept {
            continue;
        }
        if args.indices {
            writeln!(out, "{i}")?;
        } else {
            write_row(out, row)?;
        }
    }
    Ok(())
}
