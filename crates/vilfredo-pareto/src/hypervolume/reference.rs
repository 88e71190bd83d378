//! Slow, obviously correct hypervolume routines that tests use as oracles.
//!
//! Hidden from the documentation: not part of the supported API, but public so that the
//! integration tests and other kernels' tests can compare against them.

use super::general::Workspace;
use super::shifted;

/// The hypervolume by inclusion–exclusion over all non-empty subsets:
/// `Σ_T (−1)^{|T|+1} vol(⋂_{p ∈ T} [p, r])`. Exponential in the number of points: use only
/// for small sets (at most ~20 points). Same conventions as [`super::hypervolume`]: rows of
/// `ref_point.len()` values, rows that do not beat the reference are ignored.
pub fn hypervolume_inclusion_exclusion(data: &[f64], ref_point: &[f64]) -> f64 {
    let m = ref_point.len();
    if m == 0 {
        return 0.0;
    }
    let u = shifted(data, ref_point);
    let n = u.len() / m;
    let mut sum = 0.0;
    let mut corner = vec![0.0; m];
    for mask in 1u64..(1u64 << n) {
        corner.iter_mut().for_each(|c| *c = f64::INFINITY);
        for i in (0..n).filter(|i| mask >> i & 1 == 1) {
            for (c, v) in corner.iter_mut().zip(&u[i * m..(i + 1) * m]) {
                *c = c.min(*v);
            }
        }
        let vol: f64 = corner.iter().product();
        if mask.count_ones() % 2 == 1 {
            sum += vol;
        } else {
            sum -= vol;
        }
    }
    sum
}

/// The hypervolume by the general dimension sweep of limited sets (the crate's WFG-style
/// recursion), with the specialised kernels used only for `base` or fewer objectives
/// (`base` is clamped to 1..=4; with `base = 4` the five-objective kernel is used too, as
/// in [`super::hypervolume`]). With `base < 4`, sets of three or more objectives go
/// through the general recursion, which lets tests check the specialised kernels against
/// it.
pub fn hypervolume_recursive(data: &[f64], ref_point: &[f64], base: usize) -> f64 {
    let m = ref_point.len();
    if m == 0 {
        return 0.0;
    }
    let u = shifted(data, ref_point);
    Workspace::new(m, base).volume(&u, m)
}
