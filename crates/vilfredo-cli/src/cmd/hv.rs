//! `vilfredo hv` and `vilfredo hvc`: hypervolume and exclusive contributions.
//!
//! The reference point is given in the user's orientation and flipped with the data, so
//! `--maximize` users write the bound they think in (a lower bound for maximised
//! objectives).

use std::io::Write;

use anyhow::{Context, Result};
use vilfredo_pareto::hypervolume::{
    ApproxConfig, ContributionConfig, hv_contributions_with, hypervolume, hypervolume_approx,
};

use super::{Loaded, load_with_flips, minimised, view};
use crate::args::{HvArgs, HvcArgs};
use crate::error::usage;
use crate::output::{write_column, write_row};

/// Default seed and confidence of `--approx`, as documented in the help.
const DEFAULT_SEED: u64 = 0;
const DEFAULT_CONFIDENCE: f64 = 0.99;

/// Checks the reference point against the data and flips it like the data.
fn oriented_ref(reference: &[f64], loaded: &Loaded, flip: &[bool]) -> Result<Vec<f64>> {
    let n_obj = loaded.matrix.n_cols();
    if reference.len() != n_obj {
        return Err(usage(format!(
            "--ref has {} values but the points in {} have {n_obj} objectives",
            reference.len(),
            loaded.name
        )));
    }
    Ok(minimised(reference, flip).into_owned())
}

/// `vilfredo hv`: prints the hypervolume, or `estimate,lower,upper` with `--approx`.
pub(super) fn hv(args: &HvArgs, out: &mut dyn Write) -> Result<()> {
    let (loaded, flip) = load_with_flips(&args.input)?;
    let matrix = &loaded.matrix;
    if matrix.is_empty() {
        // The empty set dominates nothing, whatever the reference point.
        if args.approx.is_some() {
            write_row(out, &[0.0, 0.0, 0.0])?;
        } else {
            write_column(out, &[0.0])?;
        }
        return Ok(());
    }
    let reference = oriented_ref(&args.reference.point.0, &loaded, &flip)?;
    let data = minimised(matrix.data(), &flip);
    let points = view(&data, matrix.n_cols(), "points")?;
    match args.approx {
        None => {
            let value = hypervolume(points, &reference).context("computing the hypervolume")?;
            write_column(out, &[value])?;
        }
        Some(samples) => {
            let config = ApproxConfig {
                samples: usize::try_from(samples)
                    .map_err(|_| usage(format!("--approx {samples} is too large")))?,
                seed: args.seed.unwrap_or(DEFAULT_SEED),
                confidence: args.confidence.unwrap_or(DEFAULT_CONFIDENCE),
            };
            let estimate = hypervolume_approx(points, &reference, &config)
                .context("estimating the hypervolume")?;
            write_row(out, &[estimate.value, estimate.lower, estimate.upper])?;
        }
    }
    Ok(())
}

/// `vilfredo hvc`: prints each row's exclusive contribution, in input order.
pub(super) fn hvc(args: &HvcArgs, out: &mut dyn Write) -> Result<()> {
    let (loaded, flip) = load_with_flips(&args.input)?;
    let matrix = &loaded.matrix;
    if matrix.is_empty() {
        return Ok(());
    }
    let reference = oriented_ref(&args.reference.point.0, &loaded, &flip)?;
    let data = minimised(matrix.data(), &flip);
    let points = view(&data, matrix.n_cols(), "points")?;
    let config = ContributionConfig {
        ignore_dominated: args.ignore_dominated,
    };
    let contributions =
        hv_contributions_with(points, &reference, config).context("computing the contributions")?;
    write_column(out, &contributions)?;
    Ok(())
}
