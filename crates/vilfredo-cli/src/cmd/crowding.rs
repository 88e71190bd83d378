//! `vilfredo crowding`: the NSGA-II crowding distance of each point.

use std::io::Write;

use anyhow::Result;
use vilfredo_pareto::crowding_distance;

use super::{load_with_flips, view};
use crate::args::InputArgs;
use crate::output::write_column;

/// `vilfredo crowding`: one distance per input row, `inf` at the extremes.
pub(super) fn crowding(args: &InputArgs, out: &mut dyn Write) -> Result<()> {
    // The crowding distance only looks at gaps along each objective, which negation
    // leaves unchanged, so --maximize is validated but the data is used as read.
    let (loaded, _flip) = load_with_flips(args)?;
    let matrix = &loaded.matrix;
    if matrix.is_empty() {
        return Ok(());
    }
    let distances = crowding_distance(view(matrix.data(), matrix.n_cols(), "points")?);
    write_column(out, &distances)?;
    Ok(())
}
