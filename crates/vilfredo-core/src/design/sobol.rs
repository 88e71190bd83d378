//! Sobol' low-discrepancy sequences, plain or scrambled.
//!
//! Sobol' (1967, "On the distribution of points in a cube and the approximate evaluation
//! of integrals", USSR Comput. Math. Math. Phys. 7(4)) builds each coordinate as a
//! digital sequence in base 2: the point with index `i` is the XOR of the direction
//! numbers `v_k` of the bits set in the Gray code of `i` (Antonov & Saleev 1979), so
//! consecutive points differ by one XOR and any point can be computed directly.
//!
//! The direction numbers are Joe & Kuo's (2008, "Constructing Sobol sequences with better
//! two-dimensional projections", SIAM J. Sci. Comput. 30(5)), `new-joe-kuo-6.21201`,
//! first [`Sobol::MAX_DIM`] dimensions, kept in `data/joe_kuo_1111.txt` (BSD-style
//! licence in its header) and parsed once.
//!
//! Scrambling is a random linear matrix scramble followed by a random digital shift
//! (Matoušek 1998, "On the L2-discrepancy for anchored boxes", J. Complexity 14; Owen
//! 2003, "Variance with alternative scramblings of digital nets", ACM TOMACS 13(4)): each
//! coordinate's generator matrix is multiplied on the left by a random non-singular lower
//! triangular binary matrix, then XORed with a random 64-bit shift. The scrambled points
//! keep the net structure, no longer start at the origin, and depend only on the seed.
//!
//! Coordinates carry 64 bits; the 53 leading ones become the `f64` in `[0, 1)`, so the
//! unscrambled points equal scipy's `qmc.Sobol(scramble=False)` exactly.

use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::rng::SplitMix64;

/// Bits per coordinate: direction numbers `v_1 … v_64`, enough for any `u64` index.
const BITS: usize = 64;

/// The direction-number table (`s a m_1 … m_s` per dimension after the first).
const TABLE: &str = include_str!("data/joe_kuo_1111.txt");

/// One dimension's primitive polynomial and initial direction numbers.
#[derive(Debug)]
struct Entry {
    /// Degree of the polynomial.
    degree: usize,
    /// Inner coefficients `a_1 … a_{s−1}`, `a_1` in the highest bit.
    coefficients: u64,
    /// Initial direction numbers `m_1 … m_s`.
    initial: Vec<u64>,
}

/// The parsed table, or why it could not be parsed (which would be a build defect).
fn table() -> std::result::Result<&'static [Entry], &'static str> {
    static PARSED: OnceLock<std::result::Result<Vec<Entry>, String>> = OnceLock::new();
    PARSED
        .get_or_init(|| parse(TABLE))
        .as_deref()
        .map_err(String::as_str)
}

fn parse(text: &str) -> std::result::Result<Vec<Entry>, String> {
    let mut out = Vec::new();
    for (line_no, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || format!("Sobol table line {}: {line:?}", line_no + 1);
        let numbers: Vec<u64> = line
            .split_ascii_whitespace()
            .map(|w| w.parse::<u64>().map_err(|_| bad()))
            .collect::<std::result::Result<_, _>>()?;
        let (degree, coefficients) = match numbers.as_slice() {
            [s, a, ..] => (usize::try_from(*s).map_err(|_| bad())?, *a),
            _ => return Err(bad()),
        };
        let initial = numbers[2..].to_vec();
        let valid = (1..BITS).contains(&degree)
            && initial.len() == degree
            && initial
                .iter()
                .enumerate()
                .all(|(i, &m)| m % 2 == 1 && m < 1 << (i + 1));
        if !valid {
            return Err(bad());
        }
        out.push(Entry {
            degree,
            coefficients,
            initial,
        });
    }
    Ok(out)
}

/// The 64 direction numbers `v_k = m_k · 2^(64−k)` of one dimension (Bratley & Fox 1988,
/// "Algorithm 659", ACM TOMS 14(1): the recurrence on the `m_k` of the primitive
/// polynomial, carried out on the shifted numbers).
fn direction_numbers(entry: Option<&Entry>) -> [u64; BITS] {
    let mut v = [0u64; BITS];
    let Some(e) = entry else {
        // The first dimension is van der Corput's: every m_k is 1.
        for (k, vk) in v.iter_mut().enumerate() {
            *vk = 1 << (BITS - 1 - k);
        }
        return v;
    };
    let s = e.degree;
    for (k, (vk, m)) in v.iter_mut().zip(&e.initial).enumerate() {
        *vk = m << (BITS - 1 - k);
    }
    for k in s..BITS {
        let mut x = v[k - s] ^ (v[k - s] >> s);
        for j in 1..s {
            if (e.coefficients >> (s - 1 - j)) & 1 == 1 {
                x ^= v[k - j];
            }
        }
        v[k] = x;
    }
    v
}

/// A Sobol' sequence in `dim` dimensions, plain or scrambled (see the module docs).
///
/// Points are addressed by index: [`point`](Self::point) computes any one directly, and
/// [`points`](Self::points) a run of consecutive ones by one XOR per coordinate.
#[derive(Debug, Clone)]
pub struct Sobol {
    dim: usize,
    /// Direction numbers, `BITS` per dimension, scrambled when a seed was given.
    directions: Vec<u64>,
    /// Digital shift per dimension (zero when unscrambled).
    shift: Vec<u64>,
}

impl Sobol {
    /// The largest number of dimensions the bundled direction numbers cover.
    pub const MAX_DIM: usize = 1111;

    /// The plain sequence (the first point is the origin), equal to scipy's
    /// `qmc.Sobol(d=dim, scramble=False)`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `dim` is 0 or above [`Self::MAX_DIM`].
    pub fn new(dim: usize) -> Result<Self> {
        Self::build(dim, None)
    }

    /// The sequence scrambled by a random linear matrix scramble and a digital shift,
    /// both drawn from `SplitMix64` seeded with `seed`, one dimension after the other
    /// (so the first `d` coordinates do not depend on how many more are asked for).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `dim` is 0 or above [`Self::MAX_DIM`].
    pub fn scrambled(dim: usize, seed: u64) -> Result<Self> {
        Self::build(dim, Some(seed))
    }

    fn build(dim: usize, seed: Option<u64>) -> Result<Self> {
        if dim == 0 || dim > Self::MAX_DIM {
            return Err(Error::InvalidArgument {
                name: "dim",
                reason: format!(
                    "a Sobol sequence has 1 to {} dimensions, got {dim}",
                    Self::MAX_DIM
                ),
            });
        }
        let entries = table().map_err(|why| Error::InvalidArgument {
            name: "Sobol direction numbers",
            reason: why.to_owned(),
        })?;
        let mut rng = seed.map(SplitMix64::new);
        let mut directions = Vec::with_capacity(dim * BITS);
        let mut shift = vec![0u64; dim];
        for (d, sh) in shift.iter_mut().enumerate() {
            let mut v = direction_numbers(d.checked_sub(1).and_then(|i| entries.get(i)));
            if let Some(rng) = rng.as_mut() {
                let matrix = lower_triangular(rng);
                for x in &mut v {
                    *x = multiply(&matrix, *x);
                }
                *sh = rng.next_u64();
            }
            directions.extend_from_slice(&v);
        }
        Ok(Self {
            dim,
            directions,
            shift,
        })
    }

    /// Number of dimensions.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Coordinates of point `index` as 64-bit integers (before scaling to `[0, 1)`).
    fn raw(&self, index: u64, d: usize) -> u64 {
        let gray = index ^ (index >> 1);
        let v = &self.directions[d * BITS..(d + 1) * BITS];
        let mut x = self.shift[d];
        let mut bits = gray;
        while bits != 0 {
            let k = bits.trailing_zeros() as usize;
            x ^= v[k];
            bits &= bits - 1;
        }
        x
    }

    /// Coordinate `d` of point `index`, or `None` when `d` is not below [`dim`](Self::dim).
    pub fn coordinate(&self, index: u64, d: usize) -> Option<f64> {
        (d < self.dim).then(|| to_f64(self.raw(index, d)))
    }

    /// Writes point `index` into `out` (its first `min(out.len(), dim)` coordinates).
    pub fn point(&self, index: u64, out: &mut [f64]) {
        for (d, o) in out.iter_mut().enumerate().take(self.dim) {
            *o = to_f64(self.raw(index, d));
        }
    }

    /// Points `first, first + 1, …, first + n − 1`, row-major (`n × dim`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the indices would pass `u64::MAX` or the output
    /// would not fit in memory's address space.
    pub fn points(&self, first: u64, n: usize) -> Result<Vec<f64>> {
        let too_many = || Error::InvalidArgument {
            name: "n",
            reason: format!("{n} Sobol points from index {first} are too many"),
        };
        first.checked_add(n as u64).ok_or_else(too_many)?;
        let len = n.checked_mul(self.dim).ok_or_else(too_many)?;
        let mut out = Vec::with_capacity(len);
        let mut x: Vec<u64> = (0..self.dim).map(|d| self.raw(first, d)).collect();
        for i in first..first + n as u64 {
            out.extend(x.iter().map(|&b| to_f64(b)));
            // Gray codes of i and i + 1 differ in the bit of i + 1's lowest set bit.
            let k = (i.wrapping_add(1)).trailing_zeros() as usize;
            if k < BITS {
                for (d, xd) in x.iter_mut().enumerate() {
                    *xd ^= self.directions[d * BITS + k];
                }
            }
        }
        Ok(out)
    }
}

/// The 53 leading bits as a number in `[0, 1)`.
fn to_f64(x: u64) -> f64 {
    (x >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A random non-singular lower triangular binary matrix, one row per output bit: row
/// `p` (for bit `p`, 63 the most significant) has a 1 at `p` and random bits above it.
/// Lower triangular in digit order means an output digit depends only on the input's
/// digits of the same or larger weight, which keeps every elementary interval intact.
fn lower_triangular(rng: &mut SplitMix64) -> [u64; BITS] {
    let mut rows = [0u64; BITS];
    for (p, row) in rows.iter_mut().enumerate().rev() {
        let above = if p + 1 >= BITS { 0 } else { !0u64 << (p + 1) };
        *row = (rng.next_u64() & above) | (1 << p);
    }
    rows
}

/// `L · x` over GF(2): bit `p` of the result is the parity of `row_p & x`.
fn multiply(rows: &[u64; BITS], x: u64) -> u64 {
    rows.iter().enumerate().fold(0, |acc, (p, r)| {
        acc | (u64::from((r & x).count_ones() & 1) << p)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `tests/data/sobol_expected.txt` into (first, n, scale, [(dim, ints)]).
    #[allow(clippy::type_complexity)]
    fn fixture() -> Vec<(u64, usize, f64, Vec<(usize, Vec<u64>)>)> {
        let text = include_str!("../../tests/data/sobol_expected.txt");
        let mut blocks = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let w: Vec<&str> = line.split_whitespace().collect();
            if w[0] == "block" {
                blocks.push((
                    w[1].parse().unwrap(),
                    w[2].parse().unwrap(),
                    w[3].parse().unwrap(),
                    Vec::new(),
                ));
            } else {
                let d = w[0].parse().unwrap();
                let ints = w[1..].iter().map(|x| x.parse().unwrap()).collect();
                blocks.last_mut().unwrap().3.push((d, ints));
            }
        }
        blocks
    }

    #[test]
    fn unscrambled_points_equal_scipy() {
        let sobol = Sobol::new(Sobol::MAX_DIM).unwrap();
        let blocks = fixture();
        assert_eq!(blocks.len(), 2);
        for (first, n, scale, rows) in blocks {
            let pts = sobol.points(first, n).unwrap();
            for (d, ints) in rows {
                assert_eq!(ints.len(), n);
                for (j, &k) in ints.iter().enumerate() {
                    let want = k as f64 / scale;
                    assert_eq!(pts[j * Sobol::MAX_DIM + d], want, "dim {d} point {j}");
                    let direct = sobol.coordinate(first + j as u64, d).unwrap();
                    assert_eq!(direct, want, "dim {d} point {j} (direct)");
                }
            }
        }
    }

    /// Coordinate 1 of the first four points scrambled with seed 1, as first computed.
    const PINNED: [u64; 4] = [
        5_949_147_368_817_086_456,
        13_930_375_605_440_961_592,
        1_271_126_059_904_324_506,
        9_403_180_289_415_397_466,
    ];

    #[test]
    fn scrambled_points_are_reproducible_and_differ_by_seed() {
        let a = Sobol::scrambled(7, 42).unwrap().points(0, 64).unwrap();
        let b = Sobol::scrambled(7, 42).unwrap().points(0, 64).unwrap();
        let c = Sobol::scrambled(7, 43).unwrap().points(0, 64).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.iter().all(|x| (0.0..1.0).contains(x)));
        // Prefix property: fewer dimensions give the same leading coordinates.
        let short = Sobol::scrambled(3, 42).unwrap().points(0, 64).unwrap();
        for i in 0..64 {
            assert_eq!(short[i * 3..i * 3 + 3], a[i * 7..i * 7 + 3]);
        }
        // Fixed values pin the scramble down bit for bit across platforms and versions.
        let s = Sobol::scrambled(2, 1).unwrap();
        let p: Vec<u64> = (0..4).map(|i| s.raw(i, 1)).collect();
        assert_eq!(p, PINNED);
    }

    /// A scrambled (0, m, s)-net property check: every coordinate of the first 2^k points
    /// puts exactly one point in each interval [j/2^k, (j+1)/2^k), and every pair of the
    /// first two coordinates puts one point in each of the 2^k elementary boxes of shape
    /// 2^a × 2^(k−a) (dimensions 0 and 1 form a (0, 2)-sequence).
    #[test]
    fn scrambling_keeps_the_net_structure() {
        for seed in [0, 5, 99] {
            let k = 8;
            let n = 1usize << k;
            let pts = Sobol::scrambled(5, seed).unwrap().points(0, n).unwrap();
            for d in 0..5 {
                let mut seen = vec![false; n];
                for i in 0..n {
                    let cell = (pts[i * 5 + d] * n as f64) as usize;
                    assert!(
                        !seen[cell],
                        "seed {seed} dim {d}: two points in cell {cell}"
                    );
                    seen[cell] = true;
                }
            }
            for a in 0..=k {
                let (ca, cb) = (1usize << a, 1usize << (k - a));
                let mut seen = vec![false; n];
                for i in 0..n {
                    let x = (pts[i * 5] * ca as f64) as usize;
                    let y = (pts[i * 5 + 1] * cb as f64) as usize;
                    assert!(!seen[x * cb + y], "seed {seed}: box {a} taken twice");
                    seen[x * cb + y] = true;
                }
            }
        }
    }

    #[test]
    fn consecutive_and_direct_points_agree_across_power_of_two_boundaries() {
        let s = Sobol::scrambled(4, 3).unwrap();
        let first = (1u64 << 32) - 3;
        let run = s.points(first, 6).unwrap();
        let mut p = [0.0; 4];
        for j in 0..6 {
            s.point(first + j as u64, &mut p);
            assert_eq!(run[j * 4..j * 4 + 4], p);
        }
        assert_eq!(s.coordinate(0, 4), None);
    }

    #[test]
    fn bad_dimensions_are_refused() {
        assert!(Sobol::new(0).is_err());
        assert!(Sobol::new(Sobol::MAX_DIM + 1).is_err());
        assert!(Sobol::scrambled(Sobol::MAX_DIM, 1).is_ok());
        assert!(Sobol::new(2).unwrap().points(u64::MAX - 1, 5).is_err());
    }

    #[test]
    fn the_table_covers_every_dimension() {
        assert_eq!(table().unwrap().len(), Sobol::MAX_DIM - 1);
    }
}
