//! Sampling helpers for true Pareto fronts: even grids, the Das–Dennis lattice, and the
//! non-dominated filter used for disconnected fronts.

use vilfredo_core::design::{das_dennis, n_das_dennis};
use vilfredo_core::{Error, Points, Result};

/// Refuses a request for zero front points.
pub(crate) fn positive(n: usize) -> Result<()> {
    if n == 0 {
        return Err(Error::InvalidArgument {
            name: "n",
            reason: "the number of front points must be at least 1".into(),
        });
    }
    Ok(())
}

/// `n` evenly spaced values from `a` to `b` inclusive, as `numpy.linspace` computes them
/// (`a + i·step`, the last one exactly `b`), so fronts match pymoo's bit for bit.
pub(crate) fn linspace(a: f64, b: f64, n: usize) -> impl Iterator<Item = f64> {
    let step = if n > 1 { (b - a) / (n - 1) as f64 } else { 0.0 };
    (0..n).map(move |i| {
        if n > 1 && i == n - 1 {
            b
        } else {
            a + i as f64 * step
        }
    })
}

/// The Das–Dennis lattice with the largest number of partitions whose size is at most `n`
/// (exactly `n` points for two objectives).
pub(crate) fn lattice(n_obj: usize, n: usize) -> Result<Points> {
    positive(n)?;
    let mut p = 0usize;
    while n_das_dennis(n_obj, p + 1).is_some_and(|c| c <= n) {
        p += 1;
    }
    das_dennis(n_obj, p)
}

/// The lattice projected radially onto the unit sphere's positive orthant.
pub(crate) fn sphere(n_obj: usize, n: usize, scale: &[f64]) -> Result<Points> {
    let w = lattice(n_obj, n)?;
    let mut data = Vec::with_capacity(w.as_slice().len());
    for row in w.view().rows() {
        let norm = row.iter().map(|v| v * v).sum::<f64>().sqrt();
        data.extend(row.iter().zip(scale).map(|(v, s)| s * v / norm));
    }
    Points::from_vec(data, n_obj)
}

/// Keeps the mutually non-dominated rows of `data`, in order.
pub(crate) fn filter_non_dominated(data: Vec<f64>, n_obj: usize) -> Result<Points> {
    let all = Points::from_vec(data, n_obj)?;
    let keep = vilfredo_pareto::is_non_dominated(all.view());
    let mut out = Vec::with_capacity(all.as_slice().len());
    for (row, k) in all.view().rows().zip(keep) {
        if k {
            out.extend_from_slice(row);
        }
    }
    Points::from_vec(out, n_obj)
}
