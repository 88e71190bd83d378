//! Sampling helpers for true Pareto fronts: even grids, the Das–Dennis lattice, and the
//! non-dominated filter used for disconnected fronts.

use vilfredo_core::design::{das_dennis, n_das_dennis};
use vilfredo_core::{Error, Points, Result};

/// The most front points one call may ask for.
pub(crate) const MAX_FRONT: usize = 10_000_000;

/// Refuses a request for zero front points, or more than [`MAX_FRONT`].
pub(crate) fn positive(n: usize) -> Result<()> {
    if n == 0 || n > MAX_FRONT {
        return Err(Error::InvalidArgument {
            name: "n",
            reason: format!(
                "the number of front points must be between 1 and {MAX_FRONT}, got {n}"
            ),
        });
    }
    Ok(())
}

/// Refuses a set of `n` rows of `width` values above 200 million values (1.6 GB).
pub(crate) fn total(n: usize, width: usize) -> Result<()> {
    positive(n)?;
    if n.saturating_mul(width) > 200_000_000 {
        return Err(Error::InvalidArgument {
            name: "n",
            reason: format!(
                "{n} points of {width} values each is too many (at most 200 million values)"
            ),
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

/// About `n` non-dominated points of a front parameterised by `d` values in [0, 1]:
/// `point(u, f)` writes the front point at parameters `u` into `f` (length `m`).
///
/// An even grid is filtered to its non-dominated points; when the filter removes a share
/// of the grid (disconnected fronts), the grid is enlarged by that share and sampled
/// again (at most three times), so close to `n` points survive.
pub(crate) fn grid_front<F>(d: usize, m: usize, n: usize, point: F) -> Result<Points>
where
    F: Fn(&[f64], &mut [f64]),
{
    grid_front_where(d, m, n, |u, f| {
        point(u, f);
        true
    })
}

/// [`grid_front`] for fronts that are only part of their parameterised surface:
/// `point(u, f)` writes the point and returns whether it belongs (for example, whether it
/// is feasible); points that do not are dropped before the non-dominated filter.
pub(crate) fn grid_front_where<F>(d: usize, m: usize, n: usize, point: F) -> Result<Points>
where
    F: Fn(&[f64], &mut [f64]) -> bool,
{
    total(n, m)?;
    let mut target = n;
    let mut best: Option<Points> = None;
    for _ in 0..3 {
        let s = if d == 1 {
            target.max(2)
        } else {
            ((target as f64).powf(1.0 / d as f64).ceil() as usize).max(2)
        };
        let cells = s
            .checked_pow(d as u32)
            .filter(|&c| c <= 50_000_000 && c.saturating_mul(m) <= 200_000_000)
            .ok_or(Error::InvalidArgument {
                name: "n",
                reason: format!("{n} front points in {m} objectives is too many"),
            })?;
        let mut u = vec![0.0; d];
        let mut data = Vec::with_capacity(cells * m);
        let mut f = vec![0.0; m];
        for idx in 0..cells {
            let mut rest = idx;
            for v in u.iter_mut() {
                *v = (rest % s) as f64 / (s - 1) as f64;
                rest /= s;
            }
            if point(&u, &mut f) {
                data.extend_from_slice(&f);
            }
        }
        let front = filter_non_dominated(data, m)?;
        let kept = front.n_points().max(1);
        let enough = kept * 10 >= n * 9;
        best = Some(front);
        if enough {
            break;
        }
        // Grow the grid by the share the filter removed.
        target = n.saturating_mul(cells) / kept + 1;
    }
    best.ok_or(Error::InvalidArgument {
        name: "n",
        reason: "no front points".into(),
    })
}
