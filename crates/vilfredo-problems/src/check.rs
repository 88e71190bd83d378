//! Validation shared by every problem's `evaluate`: buffer sizes, the box domain, and a
//! final guard against non-finite objective values.

use vilfredo_core::{Error, Problem, Result, VarType};

/// Checks the three buffers against the problem's sizes and returns the number of rows.
pub(crate) fn batch_rows<P: Problem + ?Sized>(
    p: &P,
    x: &[f64],
    f: &[f64],
    g: &[f64],
) -> Result<usize> {
    let n_var = p.n_var();
    if n_var == 0 || !x.len().is_multiple_of(n_var) {
        return Err(Error::InvalidArgument {
            name: "x",
            reason: format!(
                "{} values do not form rows of {} variables ({} has n_var = {})",
                x.len(),
                n_var,
                p.name(),
                n_var
            ),
        });
    }
    let n = x.len() / n_var;
    let expected_f = n * p.n_obj();
    if f.len() != expected_f {
        return Err(Error::DimensionMismatch {
            what: "objective buffer f (rows × n_obj)",
            expected: expected_f,
            found: f.len(),
        });
    }
    let expected_g = n * p.n_constr();
    if g.len() != expected_g {
        return Err(Error::DimensionMismatch {
            what: "constraint buffer g (rows × n_constr)",
            expected: expected_g,
            found: g.len(),
        });
    }
    Ok(n)
}

/// Refuses any value outside `[lower, upper]` (NaN included), and for binary variables
/// any value other than 0 or 1, naming the row and variable.
pub(crate) fn domain<P: Problem + ?Sized>(p: &P, x: &[f64]) -> Result<()> {
    let (lower, upper) = (p.lower(), p.upper());
    let n_var = p.n_var();
    // Fast path: one branch-free pass (vectorisable); the slow loop below only runs to
    // find and name the offending value.
    let mut inside = true;
    for row in x.chunks_exact(n_var) {
        for ((&v, &lo), &hi) in row.iter().zip(lower).zip(upper) {
            // Written so that NaN fails the test.
            inside &= (v >= lo) & (v <= hi);
        }
    }
    let binary = (0..n_var).any(|j| p.var_type(j) == VarType::Binary);
    if inside && !binary {
        return Ok(());
    }
    for (r, row) in x.chunks_exact(n_var).enumerate() {
        for (j, &v) in row.iter().enumerate() {
            if !(v >= lower[j] && v <= upper[j]) {
                return Err(Error::InvalidArgument {
                    name: "x",
                    reason: format!(
                        "row {r}, variable {j}: value {v} is outside [{}, {}], the domain of {}",
                        lower[j],
                        upper[j],
                        p.name()
                    ),
                });
            }
            if p.var_type(j) == VarType::Binary && v != 0.0 && v != 1.0 {
                return Err(Error::InvalidArgument {
                    name: "x",
                    reason: format!("row {r}, variable {j}: value {v} is not a bit (0 or 1)"),
                });
            }
        }
    }
    Ok(())
}

/// The sum of `v` with four independent accumulators, so the adds pipeline and
/// vectorise instead of forming one long dependency chain (numpy's `sum` likewise does
/// not add strictly left to right; both agree to rounding).
#[inline]
pub(crate) fn sum(v: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let chunks = v.chunks_exact(4);
    let tail = chunks.remainder();
    for c in chunks {
        for (a, x) in acc.iter_mut().zip(c) {
            *a += x;
        }
    }
    let mut s = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for x in tail {
        s += x;
    }
    s
}

/// A guard: inside the domain every objective is finite, so a non-finite value is a bug;
/// it is reported, never passed on silently.
pub(crate) fn finite_objectives(name: &str, f: &[f64], n_obj: usize) -> Result<()> {
    if f.iter().fold(true, |ok, v| ok & v.is_finite()) {
        return Ok(());
    }
    match f.iter().position(|v| !v.is_finite()) {
        None => Ok(()),
        Some(pos) => Err(Error::InvalidArgument {
            name: "x",
            reason: format!(
                "row {}: objective {} of {name} evaluated to {}",
                pos / n_obj,
                pos % n_obj,
                f[pos]
            ),
        }),
    }
}

/// Validates, then applies `row` to every (decision vector, objective row) pair.
pub(crate) fn evaluate_rows<P, R>(
    p: &P,
    x: &[f64],
    f: &mut [f64],
    g: &[f64],
    mut row: R,
) -> Result<()>
where
    P: Problem + ?Sized,
    R: FnMut(&[f64], &mut [f64]),
{
    batch_rows(p, x, f, g)?;
    domain(p, x)?;
    let m = p.n_obj();
    for (xr, fr) in x.chunks_exact(p.n_var()).zip(f.chunks_exact_mut(m)) {
        row(xr, fr);
    }
    finite_objectives(p.name(), f, m)
}

/// The largest number of variables (and objectives) a problem may be built with: far
/// beyond any benchmark setting, and small enough that the bounds always fit in memory.
pub(crate) const MAX_SIZE: usize = 1_000_000;

/// Refuses a size above [`MAX_SIZE`], naming the parameter.
pub(crate) fn size(name: &'static str, value: usize) -> Result<()> {
    if value > MAX_SIZE {
        return Err(Error::InvalidArgument {
            name,
            reason: format!("{name} = {value} is larger than the supported {MAX_SIZE}"),
        });
    }
    Ok(())
}

/// Validates, then applies `row` to every (decision vector, objective row, constraint
/// row) triple: the constrained counterpart of [`evaluate_rows`]. Constraint values are
/// guarded like objectives: a non-finite one inside the domain is a bug, reported.
pub(crate) fn evaluate_rows_constrained<P, R>(
    p: &P,
    x: &[f64],
    f: &mut [f64],
    g: &mut [f64],
    mut row: R,
) -> Result<()>
where
    P: Problem + ?Sized,
    R: FnMut(&[f64], &mut [f64], &mut [f64]),
{
    batch_rows(p, x, f, g)?;
    domain(p, x)?;
    let (m, c) = (p.n_obj(), p.n_constr());
    if c == 0 {
        for (xr, fr) in x.chunks_exact(p.n_var()).zip(f.chunks_exact_mut(m)) {
            row(xr, fr, &mut []);
        }
    } else {
        for ((xr, fr), gr) in x
            .chunks_exact(p.n_var())
            .zip(f.chunks_exact_mut(m))
            .zip(g.chunks_exact_mut(c))
        {
            row(xr, fr, gr);
        }
    }
    finite_objectives(p.name(), f, m)?;
    finite_constraints(p.name(), g, c)
}

/// The guard of [`finite_objectives`] for constraint values.
pub(crate) fn finite_constraints(name: &str, g: &[f64], n_constr: usize) -> Result<()> {
    if g.iter().fold(true, |ok, v| ok & v.is_finite()) {
        return Ok(());
    }
    match g.iter().position(|v| !v.is_finite()) {
        None => Ok(()),
        Some(pos) => Err(Error::InvalidArgument {
            name: "x",
            reason: format!(
                "row {}: constraint {} of {name} evaluated to {}",
                pos / n_constr,
                pos % n_constr,
                g[pos]
            ),
        }),
    }
}
