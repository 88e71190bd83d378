//! Value-stable seeded random numbers.
//!
//! [`SplitMix64`] (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
//! OOPSLA 2014) is tiny, passes BigCrush, and its output is fixed by its definition, so a
//! seed gives the same numbers on every platform and in every version of vilfredo.
//! It is also the generator of the shared benchmark inputs (`shared/bench/datagen.py`),
//! which lets Rust benchmarks rebuild exactly the arrays the Python peers see.

/// The SplitMix64 generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose first output is determined by `seed` alone.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    #[inline]
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A standard normal variate (Box–Muller on two uniforms; value-stable).
    pub fn next_normal(&mut self) -> f64 {
        // 1 - u lies in (0, 1], so the logarithm is finite.
        let u1 = 1.0 - self.next_f64();
        let u2 = self.next_f64();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// The generator's internal state: `SplitMix64::new(g.state())` continues exactly
    /// where `g` is, which is how optimiser snapshots save and restore their generator.
    pub fn state(&self) -> u64 {
        self.state
    }

    /// A uniform integer in `0..bound` (Lemire's nearly-divisionless method, unbiased).
    /// Returns 0 when `bound` is 0.
    pub fn below(&mut self, bound: u64) -> u64 {
        if bound == 0 {
            return 0;
        }
        let threshold = bound.wrapping_neg() % bound;
        loop {
            let m = u128::from(self.next_u64()) * u128::from(bound);
            if (m as u64) >= threshold {
                return (m >> 64) as u64;
            }
        }
    }
}

/// Uniform points in `[0, 1)^m`, row-major: value `(i, j)` is the `(i*m + j)`-th draw.
///
/// This is `uniform(n, m, seed)` of the shared benchmark generator.
pub fn uniform_points(n: usize, m: usize, seed: u64) -> Vec<f64> {
    let mut rng = SplitMix64::new(seed);
    (0..n * m).map(|_| rng.next_f64()).collect()
}

/// Points on the positive orthant of the unit sphere: uniform rows divided by their norm.
///
/// This is `front(n, m, seed)` of the shared benchmark generator; no point dominates
/// another. The sum of squares runs left to right without fused multiply-add, so the
/// values match the Python generator bit for bit.
pub fn sphere_points(n: usize, m: usize, seed: u64) -> Vec<f64> {
    let mut data = uniform_points(n, m, seed);
    if m == 0 {
        return data;
    }
    for row in data.chunks_exact_mut(m) {
        let mut s = 0.0;
        for v in row.iter() {
            s += v * v;
        }
        let norm = s.sqrt();
        for v in row.iter_mut() {
            *v /= norm;
        }
    }
    data
}

/// The seed the shared benchmark uses for a shape and objective count.
///
/// `12345 + 100 m + 1` for uniform points and `+ 2` for sphere points.
pub fn bench_seed(m: usize, sphere: bool) -> u64 {
    12345 + 100 * m as u64 + if sphere { 2 } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_published_vectors() {
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(r.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn sphere_points_match_shared_generator() {
        // First row of `datagen.py show --shape front --n 3 --m 3` (seed 12647).
        let p = sphere_points(3, 3, bench_seed(3, true));
        assert_eq!(
            &p[..3],
            &[0.41866640592694576, 0.6184543955999414, 0.6650057150967388]
        );
    }

    #[test]
    fn below_stays_in_range() {
        let mut r = SplitMix64::new(7);
        for bound in [1u64, 2, 3, 10, 1 << 40] {
            for _ in 0..100 {
                assert!(r.below(bound) < bound);
            }
        }
        assert_eq!(r.below(0), 0);
    }
}
