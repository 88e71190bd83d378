//! Test problems (ZDT1 from vilfredo-problems; small constrained and mixed ones inline) and helpers.

use vilfredo_moea::{Error, Problem, Result, VarType};
use vilfredo_problems::{Zdt, ZdtKind};

/// ZDT1 with `n_var` variables, from vilfredo-problems.
pub fn zdt1(n_var: usize) -> Zdt {
    Zdt::new(ZdtKind::Zdt1, Some(n_var)).expect("a valid ZDT1 size")
}

/// BNH (Binh & Korn 1997): two objectives, two constraints, x1 in [0, 5], x2 in [0, 3].
pub struct Bnh;

impl Problem for Bnh {
    fn name(&self) -> &str {
        "bnh"
    }
    fn n_var(&self) -> usize {
        2
    }
    fn n_obj(&self) -> usize {
        2
    }
    fn n_constr(&self) -> usize {
        2
    }
    fn lower(&self) -> &[f64] {
        &[0.0, 0.0]
    }
    fn upper(&self) -> &[f64] {
        &[5.0, 3.0]
    }
    fn evaluate(&self, x: &[f64], f: &mut [f64], g: &mut [f64]) -> Result<()> {
        for ((r, fo), go) in x
            .chunks_exact(2)
            .zip(f.chunks_exact_mut(2))
            .zip(g.chunks_exact_mut(2))
        {
            let (a, b) = (r[0], r[1]);
            fo[0] = 4.0 * a * a + 4.0 * b * b;
            fo[1] = (a - 5.0).powi(2) + (b - 5.0).powi(2);
            go[0] = ((a - 5.0).powi(2) + b * b - 25.0) / 25.0;
            go[1] = (7.7 - (a - 8.0).powi(2) - (b + 3.0).powi(2)) / 7.7;
        }
        Ok(())
    }
}

/// TNK (Tanaka 1995): f = x; feasible region bounded by a wavy curve; x in [1e-12, π]^2.
/// Its feasible region is small and irregular, a stricter test of constraint handling.
pub struct Tnk {
    pub lower: [f64; 2],
    pub upper: [f64; 2],
}

impl Default for Tnk {
    fn default() -> Self {
        Self {
            lower: [1e-12, 1e-12],
            upper: [std::f64::consts::PI, std::f64::consts::PI],
        }
    }
}

impl Problem for Tnk {
    fn name(&self) -> &str {
        "tnk"
    }
    fn n_var(&self) -> usize {
        2
    }
    fn n_obj(&self) -> usize {
        2
    }
    fn n_constr(&self) -> usize {
        2
    }
    fn lower(&self) -> &[f64] {
        &self.lower
    }
    fn upper(&self) -> &[f64] {
        &self.upper
    }
    fn evaluate(&self, x: &[f64], f: &mut [f64], g: &mut [f64]) -> Result<()> {
        for ((r, fo), go) in x
            .chunks_exact(2)
            .zip(f.chunks_exact_mut(2))
            .zip(g.chunks_exact_mut(2))
        {
            let (a, b) = (r[0], r[1]);
            fo[0] = a;
            fo[1] = b;
            go[0] = -(a * a + b * b - 1.0 - 0.1 * (16.0 * a.atan2(b)).cos());
            go[1] = (a - 0.5).powi(2) + (b - 0.5).powi(2) - 0.5;
        }
        Ok(())
    }
}

/// A mixed problem: x0 real in [0, 1], x1 integer in [-3, 7], x2..x5 binary.
/// f1 = x0 + Σ bits, f2 = (1 − x0) + |x1 − 2| + (4 − Σ bits).
pub struct Mixed;

impl Problem for Mixed {
    fn name(&self) -> &str {
        "mixed"
    }
    fn n_var(&self) -> usize {
        6
    }
    fn n_obj(&self) -> usize {
        2
    }
    fn lower(&self) -> &[f64] {
        &[0.0, -3.0, 0.0, 0.0, 0.0, 0.0]
    }
    fn upper(&self) -> &[f64] {
        &[1.0, 7.0, 1.0, 1.0, 1.0, 1.0]
    }
    fn var_type(&self, index: usize) -> VarType {
        match index {
            0 => VarType::Real,
            1 => VarType::Integer,
            _ => VarType::Binary,
        }
    }
    fn evaluate(&self, x: &[f64], f: &mut [f64], _g: &mut [f64]) -> Result<()> {
        for (r, fo) in x.chunks_exact(6).zip(f.chunks_exact_mut(2)) {
            let bits: f64 = r[2..].iter().sum();
            fo[0] = r[0] + bits;
            fo[1] = (1.0 - r[0]) + (r[1] - 2.0).abs() + (4.0 - bits);
        }
        Ok(())
    }
}

/// A problem that returns NaN for the second objective of row 3 of every batch.
pub struct NanAtRow3;

impl Problem for NanAtRow3 {
    fn name(&self) -> &str {
        "nan"
    }
    fn n_var(&self) -> usize {
        2
    }
    fn n_obj(&self) -> usize {
        2
    }
    fn lower(&self) -> &[f64] {
        &[0.0, 0.0]
    }
    fn upper(&self) -> &[f64] {
        &[1.0, 1.0]
    }
    fn evaluate(&self, x: &[f64], f: &mut [f64], _g: &mut [f64]) -> Result<()> {
        if f.len() != x.len() {
            return Err(Error::DimensionMismatch {
                what: "f",
                expected: x.len(),
                found: f.len(),
            });
        }
        f.copy_from_slice(x);
        f[3 * 2 + 1] = f64::NAN;
        Ok(())
    }
}

/// FNV-1a over the bits of a slice: a stable fingerprint for golden tests.
pub fn hash_bits(values: &[f64]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for v in values {
        for b in v.to_bits().to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// f = (x0, 1 − x0 + x1) on [0, 1]^2, but NaN (both objectives) where x0 > 0.6: a user
/// function that fails on part of the space.
pub struct FailsAbove;

impl Problem for FailsAbove {
    fn name(&self) -> &str {
        "fails-above"
    }
    fn n_var(&self) -> usize {
        2
    }
    fn n_obj(&self) -> usize {
        2
    }
    fn lower(&self) -> &[f64] {
        &[0.0, 0.0]
    }
    fn upper(&self) -> &[f64] {
        &[1.0, 1.0]
    }
    fn evaluate(&self, x: &[f64], f: &mut [f64], _g: &mut [f64]) -> Result<()> {
        for (r, fo) in x.chunks_exact(2).zip(f.chunks_exact_mut(2)) {
            if r[0] > 0.6 {
                fo.fill(f64::NAN);
            } else {
                fo[0] = r[0];
                fo[1] = 1.0 - r[0] + r[1];
            }
        }
        Ok(())
    }
}
