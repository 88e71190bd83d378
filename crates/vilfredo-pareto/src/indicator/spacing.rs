//! Schott's spacing indicator.
//!
//! J. R. Schott, "Fault tolerant design using single and multicriteria genetic algorithm
//! optimization", Master's thesis, MIT, 1995: the sample standard deviation of the
//! nearest-neighbour distances within a set, measured in the L1 (Manhattan) norm.

use vilfredo_core::{Error, PointsView, Result};

/// Schott's spacing (1995):
///
/// `S(A) = sqrt( (1/(|A| − 1)) Σ_{i} (d̄ − d_i)² )`, with
/// `d_i = min_{j≠i} Σ_{k=1..m} |a_{ik} − a_{jk}|` and `d̄` the mean of the `d_i`.
///
/// Zero means evenly spaced points. This is Schott's `|A| − 1` divisor; pymoo 0.6.2
/// `SpacingIndicator` divides by `|A|` instead, so its value is
/// `S · sqrt((|A| − 1) / |A|)`. Duplicated points have `d_i = 0`.
///
/// # Errors
/// [`Error::InvalidArgument`] when the set has fewer than two points (there is no nearest
/// neighbour, and the sample deviation is not defined).
pub fn spacing(points: PointsView<'_>) -> Result<f64> {
    let n = points.n_points();
    if n < 2 {
        return Err(Error::InvalidArgument {
            name: "points",
            reason: format!("spacing needs at least 2 points, got {n}"),
        });
    }
    let mut nearest = vec![f64::INFINITY; n];
    // Each unordered pair is measured once and updates both ends.
    for i in 0..n {
        let a = points.row(i);
        for j in (i + 1)..n {
            let d: f64 = a
                .iter()
                .zip(points.row(j))
                .map(|(x, y)| (x - y).abs())
                .sum();
            if d < nearest[i] {
                nearest[i] = d;
            }
            if d < nearest[j] {
                nearest[j] = d;
            }
        }
    }
    let mean = nearest.iter().sum::<f64>() / n as f64;
    let ss: f64 = nearest.iter().map(|d| (d - mean) * (d - mean)).sum();
    Ok((ss / (n - 1) as f64).sqrt())
}
