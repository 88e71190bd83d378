//! Checks shared by the ask/tell algorithms: the values of a `tell` against the pending
//! batch, and a restored population against its space.

use crate::evaluated::Evaluated;
use crate::{NanPolicy, Space};
use vilfredo_core::{Error, Result};

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
    for (what, values, width) in [("objectives", f, n_obj), ("constraints", g, n_constr)] {
        if let Some(pos) = values.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFinite {
                what,
                row: pos / width,
                column: pos % width,
                value: values[pos],
            });
        }
    }
    Ok(())
}

/// The buffers of a saved population, as stored in an algorithm's state.
pub(crate) struct SavedPopulation<'a> {
    pub x: &'a [f64],
    pub f: &'a [f64],
    pub g: &'a [f64],
    pub pending: Option<&'a [f64]>,
    pub failed: &'a [usize],
}

/// Rebuilds a population of `expected_n` members from a state, checking that the buffers
/// hold whole rows, that every decision vector (also of the pending batch, whose length
/// must be a multiple of `pending_rows` rows when given) lies in `space`, and that
/// every value is finite. Ranks and other derived values are left to the caller.
pub(crate) fn restore_population(
    space: &Space,
    (n_obj, n_constr): (usize, usize),
    expected_n: usize,
    saved: &SavedPopulation<'_>,
) -> Result<Evaluated> {
    let nv = space.n_var();
    for (what, expected, found) in [
        ("state population size", expected_n, saved.f.len() / n_obj),
        ("state objectives", expected_n * n_obj, saved.f.len()),
        ("state decision vectors", expected_n * nv, saved.x.len()),
        ("state constraints", expected_n * n_constr, saved.g.len()),
    ] {
        if expected != found {
            return Err(Error::DimensionMismatch {
                what,
                expected,
                found,
            });
        }
    }
    let inside =
        |x: &[f64]| x.len().is_multiple_of(nv) && x.chunks_exact(nv).all(|row| space.contains(row));
    if !inside(saved.x) || !saved.pending.is_none_or(inside) {
        return Err(Error::InvalidArgument {
            name: "state",
            reason: "a decision vector lies outside the space".into(),
        });
    }
    // Failed evaluations are stored as finite stand-ins, so every value is finite.
    for (what, values, width) in [
        ("state objectives", saved.f, n_obj),
        ("state constraints", saved.g, n_constr.max(1)),
    ] {
        if let Some(pos) = values.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFinite {
                what,
                row: pos / width,
                column: pos % width,
                value: values[pos],
            });
        }
    }
    let mut pop = Evaluated::new(nv, n_obj, n_constr);
    pop.extend(saved.x, saved.f, saved.g);
    for &i in saved.failed {
        if i >= expected_n {
            return Err(Error::InvalidArgument {
                name: "state",
                reason: format!("failed member {i} is beyond the population of {expected_n}"),
            });
        }
        pop.mark_failed(i);
    }
    Ok(pop)
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
