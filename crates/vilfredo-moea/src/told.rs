//! Checks shared by the ask/tell algorithms: the values of a `tell` against the pending
//! batch, the number of objectives, and direction vectors (NSGA-III's reference
//! directions, MOEA/D's weight vectors).

use crate::NanPolicy;
use vilfredo_core::{Error, PointsView, Result};

/// Checks the shapes and values told for a pending batch of `n` rows: `f` must be
/// `n × n_obj`, `g` (`None` meaning empty) `n × n_constr`, and every value finite unless
/// `nan_policy` keeps failed evaluations.
pub(crate) fn check_tell(
    pending: bool,
    n: usize,
    (n_obj, n_constr): (usize, usize),
    f: &[f64],
    g: Option<&[f64]>,
    nan_policy: NanPolicy,
) -> Result<()> {
    if !pending {
        return Err(Error::InvalidArgument {
            name: "tell",
            reason: "no batch is pending: call ask() first".into(),
        });
    }
    let g = g.unwrap_or(&[]);
    for (what, expected, found) in [
        ("objectives", n * n_obj, f.len()),
        ("constraints", n * n_constr, g.len()),
    ] {
        if expected != found {
            return Err(Error::DimensionMismatch {
                what,
                expected,
                found,
            });
        }
    }
    if nan_policy == NanPolicy::Infeasible {
        return Ok(());
    }
    check_finite("objectives", f, n_obj)?;
    check_finite("constraints", g, n_constr)
}

/// Checks a population size of `algorithm`: at least 2 (a pair of parents), and at most
/// `u32::MAX` (tournaments index the population with 32-bit numbers).
pub(crate) fn check_pop_size(algorithm: &str, n: usize) -> Result<()> {
    let reason = if n < 2 {
        format!("{algorithm} needs a population of at least 2, got {n}")
    } else if n > u32::MAX as usize {
        format!("at most {} individuals, got {n}", u32::MAX)
    } else {
        return Ok(());
    };
    Err(Error::InvalidArgument {
        name: "pop_size",
        reason,
    })
}

/// Checks that every value of `values` (row-major, `width` to a row) is finite, naming
/// the first that is not by its row and column.
pub(crate) fn check_finite(what: &'static str, values: &[f64], width: usize) -> Result<()> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(pos) => Err(Error::NonFinite {
            what,
            row: pos / width,
            column: pos % width,
            value: values[pos],
        }),
        None => Ok(()),
    }
}

/// Checks a vector restored from a state: `expected` values, all finite (`width` to a
/// row when naming a bad one).
pub(crate) fn check_saved(
    what: &'static str,
    values: &[f64],
    expected: usize,
    width: usize,
) -> Result<()> {
    if values.len() != expected {
        return Err(Error::DimensionMismatch {
            what,
            expected,
            found: values.len(),
        });
    }
    check_finite(what, values, width)
}

/// Checks that `n_obj` is at least 1.
pub(crate) fn check_n_obj(n_obj: usize) -> Result<()> {
    if n_obj == 0 {
        return Err(Error::InvalidArgument {
            name: "n_obj",
            reason: "there must be at least one objective".into(),
        });
    }
    Ok(())
}

/// Checks direction vectors for `n_obj` objectives, reported under the option `name` and
/// called `noun` (singular, plural): `n_obj` components each, at least `least` of them
/// (`too_few` says why otherwise), no negative component and no row all zero.
pub(crate) fn check_directions(
    dirs: PointsView<'_>,
    n_obj: usize,
    (name, noun): (&'static str, (&str, &str)),
    least: usize,
    too_few: impl FnOnce() -> String,
) -> Result<()> {
    let (one, many) = noun;
    if dirs.n_obj() != n_obj {
        return Err(Error::InvalidArgument {
            name,
            reason: format!(
                "{many} have {} components but the problem has {n_obj} objectives",
                dirs.n_obj()
            ),
        });
    }
    if dirs.n_points() < least {
        return Err(Error::InvalidArgument {
            name,
            reason: too_few(),
        });
    }
    for (i, w) in dirs.rows().enumerate() {
        if let Some(k) = w.iter().position(|&v| v < 0.0) {
            return Err(Error::InvalidArgument {
                name,
                reason: format!("{one} {i} has a negative component {} at {k}", w[k]),
            });
        }
        if w.iter().all(|&v| v == 0.0) {
            return Err(Error::InvalidArgument {
                name,
                reason: format!("{one} {i} is all zero"),
            });
        }
    }
    Ok(())
}
