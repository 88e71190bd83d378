//! Latin hypercube designs.
//!
//! McKay, Beckman & Conover (1979, "A comparison of three methods for selecting values of
//! input variables in the analysis of output from a computer code", Technometrics 21(2)):
//! cut each coordinate's range `[0, 1)` into `n` equal strata and give each stratum
//! exactly one of the `n` points, pairing the strata of different coordinates by
//! independent random permutations. Every one-dimensional projection is then as evenly
//! spread as `n` points allow, whatever the number of dimensions.

use crate::error::{Error, Result};
use crate::rng::SplitMix64;

/// A random permutation of `0..n` (Fisher–Yates, drawing from `rng`).
pub fn random_permutation(n: usize, rng: &mut SplitMix64) -> Vec<usize> {
    let mut p: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        // `below(i + 1)` is at most i, which fits in usize.
        let j = rng.below(i as u64 + 1) as usize;
        p.swap(i, j);
    }
    p
}

/// `n` points of a random Latin hypercube in `[0, 1)^dim`, row-major (`n × dim`), fixed
/// by `seed`: coordinate `d` of point `i` lies in stratum `π_d(i)`, that is in
/// `[π_d(i)/n, (π_d(i)+1)/n)`, at a uniform position inside it.
///
/// Columns are drawn one after the other from one `SplitMix64`, each a permutation and
/// then `n` offsets, so the first columns do not depend on how many follow.
///
/// # Errors
/// [`Error::InvalidArgument`] when `n` or `dim` is 0, or `n × dim` overflows.
pub fn latin_hypercube(n: usize, dim: usize, seed: u64) -> Result<Vec<f64>> {
    if n == 0 || dim == 0 {
        return Err(Error::InvalidArgument {
            name: "latin hypercube",
            reason: format!("needs at least one point and one dimension, got n={n}, dim={dim}"),
        });
    }
    let len = n.checked_mul(dim).ok_or_else(|| Error::InvalidArgument {
        name: "latin hypercube",
        reason: format!("{n} points × {dim} dimensions is too many"),
    })?;
    let mut out = vec![0.0; len];
    let mut rng = SplitMix64::new(seed);
    for d in 0..dim {
        let strata = random_permutation(n, &mut rng);
        for (i, s) in strata.into_iter().enumerate() {
            // (s + u) / n < 1 for u < 1 except for rounding at the top; keep it below 1.
            let x = (s as f64 + rng.next_f64()) / n as f64;
            out[i * dim + d] = x.min(1.0 - f64::EPSILON / 2.0);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_one_point_per_stratum() {
        for (n, dim, seed) in [(1, 1, 0), (7, 3, 1), (100, 5, 2), (257, 2, 3)] {
            let x = latin_hypercube(n, dim, seed).unwrap();
            assert_eq!(x.len(), n * dim);
            for d in 0..dim {
                let mut count = vec![0; n];
                for i in 0..n {
                    let v = x[i * dim + d];
                    assert!((0.0..1.0).contains(&v));
                    count[(v * n as f64) as usize] += 1;
                }
                assert!(count.iter().all(|&c| c == 1), "n={n} dim={dim} column {d}");
            }
        }
    }

    #[test]
    fn seeded_and_prefix_stable() {
        let a = latin_hypercube(20, 4, 9).unwrap();
        assert_eq!(a, latin_hypercube(20, 4, 9).unwrap());
        assert_ne!(a, latin_hypercube(20, 4, 10).unwrap());
        let b = latin_hypercube(20, 2, 9).unwrap();
        for i in 0..20 {
            assert_eq!(a[i * 4..i * 4 + 2], b[i * 2..i * 2 + 2]);
        }
    }

    #[test]
    fn permutations_are_permutations() {
        let mut rng = SplitMix64::new(4);
        let mut p = random_permutation(50, &mut rng);
        p.sort_unstable();
        assert_eq!(p, (0..50).collect::<Vec<_>>());
        assert!(random_permutation(0, &mut rng).is_empty());
    }

    #[test]
    fn empty_designs_are_refused() {
        assert!(latin_hypercube(0, 2, 1).is_err());
        assert!(latin_hypercube(2, 0, 1).is_err());
        assert!(latin_hypercube(usize::MAX, 2, 1).is_err());
    }
}
