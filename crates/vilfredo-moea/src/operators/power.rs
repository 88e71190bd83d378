//! Powers `x^e` and roots `x^(1/e)` for the exponent `e = η + 1` of SBX and polynomial
//! mutation, which are most of their cost.
//!
//! The usual distribution indices (pymoo's 15 for SBX, 20 for mutation) make `e` a small
//! integer, and 16 is even a power of two. Then `x^e` is computed by repeated squaring
//! and `x^(1/16)` by four square roots, several times faster than `powf`. Both are plain
//! IEEE operations in a fixed order, so the results are the same in every build; they can
//! differ from `powf` in the last bit, which is why the choice is a property of the
//! operator (fixed by `η`) and never of the build or the data.

/// Precomputed strategy for one exponent `e ≥ 1`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Power {
    e: f64,
    inv: f64,
    /// `Some(n)` when `e` is an integer in `1..=64`.
    int: Option<u32>,
    /// `Some(k)` when `e = 2^k` with `k ≤ 6`.
    sqrts: Option<u32>,
}

impl Power {
    /// The strategy for exponent `e` (finite, at least 1 for the callers here).
    pub fn new(e: f64) -> Self {
        let int = (e.fract() == 0.0 && (1.0..=64.0).contains(&e)).then_some(e as u32);
        let sqrts = int.filter(|n| n.is_power_of_two()).map(u32::trailing_zeros);
        Self {
            e,
            inv: 1.0 / e,
            int,
            sqrts,
        }
    }

    /// `x^e`.
    #[inline]
    pub fn pow(&self, x: f64) -> f64 {
        match self.int {
            Some(n) => powi(x, n),
            None => x.powf(self.e),
        }
    }

    /// Whether `e = 16`, for which [`Power::pow16`] and [`Power::root16_all`] are `pow` and
    /// `root` without the dispatch.
    #[inline]
    pub fn is_sixteen(&self) -> bool {
        self.int == Some(16)
    }

    /// `x^16`, the same operations as `pow` for `e = 16` (`1.0 × x` is exact).
    #[inline(always)]
    pub fn pow16(&self, x: f64) -> f64 {
        let x2 = x * x;
        let x4 = x2 * x2;
        let x8 = x4 * x4;
        x8 * x8
    }

    /// `x^(1/16)` of every value of `a`: the same operations as `root` for `e = 16`, in a
    /// loop of independent iterations.
    #[inline]
    pub fn root16_all(a: &mut [f64]) {
        // Two chains side by side per step, which the compiler may pair into one
        // two-lane square root (each lane rounds exactly as the scalar one).
        let mut pairs = a.chunks_exact_mut(2);
        for p in &mut pairs {
            let (mut x, mut y) = (p[0], p[1]);
            for _ in 0..4 {
                (x, y) = (x.sqrt(), y.sqrt());
            }
            (p[0], p[1]) = (x, y);
        }
        for x in pairs.into_remainder() {
            *x = x.sqrt().sqrt().sqrt().sqrt();
        }
    }

    /// `x^(1/e)` for `x ≥ 0`.
    #[inline]
    pub fn root(&self, x: f64) -> f64 {
        match self.sqrts {
            Some(k) => (0..k).fold(x, |y, _| y.sqrt()),
            None => x.powf(self.inv),
        }
    }
}

/// `x^n` by binary exponentiation, in a fixed order of multiplications.
#[inline]
fn powi(mut x: f64, mut n: u32) -> f64 {
    let mut acc = 1.0;
    while n > 0 {
        if n & 1 == 1 {
            acc *= x;
        }
        n >>= 1;
        if n > 0 {
            x *= x;
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_powf_closely() {
        for e in [1.0, 2.0, 16.0, 21.0, 2.5, 31.0, 64.0, 100.0] {
            let p = Power::new(e);
            for x in [0.0, 1e-3, 0.3, 0.5, 0.99, 1.0, 1.5, 7.0] {
                let (a, b) = (p.pow(x), x.powf(e));
                assert!((a - b).abs() <= 1e-13 * b.abs(), "{x}^{e}: {a} vs {b}");
                let (a, b) = (p.root(x), x.powf(1.0 / e));
                assert!(
                    (a - b).abs() <= 1e-14 * b.abs().max(1e-300),
                    "{x}^(1/{e}): {a} vs {b}"
                );
            }
        }
    }
}
