//! A biased coin that decides `rng.next_f64() < p` from the integer draw, consuming the
//! same single draw with the same outcome.
//!
//! `next_f64` is `k · 2^−53` with `k` the top 53 bits of the draw, so `k · 2^−53 < p`
//! holds exactly when `k < ⌈p · 2^53⌉` (`p · 2^53` is exact: a power-of-two scaling of a
//! value in `[0, 1]`). Comparing integers leaves the conversion and the multiplication
//! out of the hot loops of the variation operators, where coins are flipped per variable.

use vilfredo_core::rng::SplitMix64;

/// `rng.next_f64() < p` as an integer comparison.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Coin {
    threshold: u64,
}

impl Coin {
    /// The coin for `rng.next_f64() < p` (never true for a NaN `p`).
    pub fn new(p: f64) -> Self {
        let scaled = (p * (1u64 << 53) as f64).ceil();
        Self {
            // Saturating: 0 for p ≤ 0 and NaN, all draws for p ≥ 1.
            threshold: scaled as u64,
        }
    }

    /// The coin for `!(rng.next_f64() >= p)`, which differs from [`Coin::new`] only for
    /// a NaN `p` (always true).
    pub fn not_at_least(p: f64) -> Self {
        Self::new(if p.is_nan() { f64::INFINITY } else { p })
    }

    /// Draws once from `rng`; `true` exactly when `rng.next_f64() < p` would be.
    #[inline(always)]
    pub fn flip(self, rng: &mut SplitMix64) -> bool {
        (rng.next_u64() >> 11) < self.threshold
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_outcomes_and_draws_as_next_f64() {
        for p in [
            -1.0,
            0.0,
            1e-300,
            1.0 / 30.0,
            0.1,
            0.5,
            0.9,
            1.0 - f64::EPSILON,
            1.0,
        ] {
            let coin = Coin::new(p);
            let (mut a, mut b) = (SplitMix64::new(7), SplitMix64::new(7));
            for _ in 0..10_000 {
                assert_eq!(coin.flip(&mut a), b.next_f64() < p, "p = {p}");
            }
            assert_eq!(a, b);
        }
        // NaN: `x < NaN` and `x >= NaN` are both false.
        let mut a = SplitMix64::new(3);
        for _ in 0..100 {
            assert!(!Coin::new(f64::NAN).flip(&mut a));
            assert!(Coin::not_at_least(f64::NAN).flip(&mut a));
        }
        // The boundary itself: a draw whose value equals p is not below p.
        for k in [0u64, 1, 12345, (1 << 52) + 3, (1 << 53) - 1] {
            let p = k as f64 / (1u64 << 53) as f64;
            let coin = Coin::new(p);
            assert!(coin.threshold == k, "threshold of {p}");
        }
    }
}
