//! `vilfredo indicator`: a quality indicator of the points against a reference front.
//!
//! Both sets are turned into minimisation the same way. For the multiplicative ε a
//! maximised objective is mapped to its reciprocal instead of its negative: the indicator
//! compares ratios of positive values, and `a ≥ r/ε` (maximising) is `1/a ≤ ε·(1/r)`
//! (minimising), so the reciprocal keeps its meaning where negation would not.

use std::io::Write;

use anyhow::{Context, Result, anyhow};
use vilfredo_pareto::indicator::{
    epsilon_additive, epsilon_multiplicative, gd, gd_plus, igd, igd_plus,
};

use super::{Loaded, is_stdin, load, load_with_flips, minimised, view};
use crate::args::{Indicator, IndicatorArgs};
use crate::error::usage;
use crate::output::write_column;

/// `vilfredo indicator`: prints one number.
pub(super) fn indicator(args: &IndicatorArgs, out: &mut dyn Write) -> Result<()> {
    if is_stdin(args.input.file.as_deref()) && is_stdin(Some(&args.front)) {
        return Err(usage(
            "the points and the reference front (--front) cannot both be standard input; \
             name a FILE",
        ));
    }
    let (points, flip) = load_with_flips(&args.input)?;
    let front = load(Some(&args.front))?;
    if points.matrix.is_empty() {
        // No points, nothing to measure: like the other commands, print nothing.
        return Ok(());
    }
    let n_obj = points.matrix.n_cols();
    if front.matrix.is_empty() {
        return Err(anyhow!("{}: the reference front is empty", front.name));
    }
    if front.matrix.n_cols() != n_obj {
        return Err(anyhow!(
            "{} has {n_obj} objectives per row but the reference front {} has {}",
            points.name,
            front.name,
            front.matrix.n_cols()
        ));
    }
    let (p_data, f_data) = if args.which == Indicator::EpsMult {
        (ratio_scale(&points, &flip)?, ratio_scale(&front, &flip)?)
    } else {
        (
            minimised(points.matrix.data(), &flip).into_owned(),
            minimised(front.matrix.data(), &flip).into_owned(),
        )
    };
    let p = view(&p_data, n_obj, "points")?;
    let f = view(&f_data, n_obj, "reference front")?;
    let value = match args.which {
        Indicator::Igd => igd(p, f),
        Indicator::IgdPlus => igd_plus(p, f),
        Indicator::Gd => gd(p, f),
        Indicator::GdPlus => gd_plus(p, f),
        Indicator::EpsAdd => epsilon_additive(p, f),
        Indicator::EpsMult => epsilon_multiplicative(p, f),
    }
    .context("computing the indicator")?;
    write_column(out, &[value])?;
    Ok(())
}

/// The values of `set` for the multiplicative ε: all must be positive, and flipped
/// columns are replaced by their reciprocals.
fn ratio_scale(set: &Loaded, flip: &[bool]) -> Result<Vec<f64>> {
    let matrix = &set.matrix;
    let mut data = matrix.data().to_vec();
    for (r, row) in data.chunks_exact_mut(matrix.n_cols()).enumerate() {
        for (c, (v, &f)) in row.iter_mut().zip(flip).enumerate() {
            if *v <= 0.0 {
                return Err(anyhow!(
                    "{}: line {}, column {}: eps-mult needs positive values, found {}",
                    set.name,
                    matrix.line_of(r),
                    c + 1,
                    crate::output::Shortest(*v)
                ));
            }
            if f {
                *v = 1.0 / *v;
            }
        }
    }
    Ok(data)
}
