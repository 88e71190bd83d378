//! ZDT5, the deceptive binary problem of Zitzler, Deb & Thiele (Evolutionary Computation
//! 8(2), 2000): a 30-bit substring x₁ and `m − 1` 5-bit substrings.
//!
//! `f₁ = 1 + u(x₁)`, `f₂ = g/f₁` with `g = Σ v(u(xᵢ))`, `v(u) = 2 + u` for `u < 5` and
//! `v(5) = 1`, where `u` counts ones. This is the paper's (unnormalised) form; pymoo 0.6.2
//! rescales both objectives to [0, 1] by default (`ZDT5(normalize=True)`), so fixtures
//! compare against `ZDT5(normalize=False)`.

use crate::benchmark::Benchmark;
use crate::check::evaluate_rows;
use crate::front::positive;
use vilfredo_core::{Error, Points, Problem, Result, VarType};

/// Bits in the first substring.
const HEAD: usize = 30;
/// Bits in every later substring.
const GROUP: usize = 5;

/// ZDT5 with `n_var = 30 + 5·(m − 1)` binary variables (default 80, i.e. m = 11).
#[derive(Debug, Clone)]
pub struct Zdt5 {
    lower: Vec<f64>,
    upper: Vec<f64>,
}

impl Zdt5 {
    /// Builds ZDT5 with `n_var` bits (`None`: 80).
    ///
    /// # Errors
    /// When `n_var` is not `30 + 5·j` with `j ≥ 1`.
    pub fn new(n_var: Option<usize>) -> Result<Self> {
        let n_var = n_var.unwrap_or(HEAD + GROUP * 10);
        crate::check::size("n_var", n_var)?;
        if n_var <= HEAD || !(n_var - HEAD).is_multiple_of(GROUP) {
            return Err(Error::InvalidArgument {
                name: "n_var",
                reason: format!(
                    "ZDT5 needs n_var = 30 + 5·j bits with j ≥ 1 (35, 40, …, default 80), got {n_var}"
                ),
            });
        }
        Ok(Self {
            lower: vec![0.0; n_var],
            upper: vec![1.0; n_var],
        })
    }

    /// Number of 5-bit substrings, `m − 1`.
    fn groups(&self) -> usize {
        (self.lower.len() - HEAD) / GROUP
    }

    fn row(x: &[f64], f: &mut [f64]) {
        let f1 = 1.0 + x[..HEAD].iter().sum::<f64>();
        let mut g = 0.0;
        for chunk in x[HEAD..].chunks_exact(GROUP) {
            let u = chunk.iter().sum::<f64>();
            g += if u < GROUP as f64 { 2.0 + u } else { 1.0 };
        }
        f[0] = f1;
        f[1] = g * (1.0 / f1);
    }
}

impl Problem for Zdt5 {
    fn name(&self) -> &str {
        "zdt5"
    }
    fn n_var(&self) -> usize {
        self.lower.len()
    }
    fn n_obj(&self) -> usize {
        2
    }
    fn lower(&self) -> &[f64] {
        &self.lower
    }
    fn upper(&self) -> &[f64] {
        &self.upper
    }
    fn var_type(&self, _index: usize) -> VarType {
        VarType::Binary
    }
    fn evaluate(&self, x: &[f64], f: &mut [f64], g: &mut [f64]) -> Result<()> {
        evaluate_rows(self, x, f, g, Self::row)
    }
}

impl Benchmark for Zdt5 {
    fn description(&self) -> &str {
        "ZDT5: 2 objectives, binary (deceptive) variables, discrete front f2 = (m-1)/f1"
    }

    /// The whole discrete front: the 31 points `(f₁, (m − 1)/f₁)`, `f₁ = 1, …, 31`,
    /// whatever `n ≥ 1` is.
    fn pareto_front(&self, n: usize) -> Result<Points> {
        positive(n)?;
        let g = self.groups() as f64;
        let data = (0..=HEAD)
            .flat_map(|u| {
                let f1 = 1.0 + u as f64;
                [f1, g * (1.0 / f1)]
            })
            .collect();
        Points::from_vec(data, 2)
    }

    /// One optimal vector per front point: the first `u` bits of x₁ set, every 5-bit
    /// substring all ones (`n` is ignored beyond `n ≥ 1`).
    fn pareto_set(&self, n: usize) -> Result<Points> {
        positive(n)?;
        let n_var = self.n_var();
        let mut data = vec![1.0; (HEAD + 1) * n_var];
        for (u, row) in data.chunks_exact_mut(n_var).enumerate() {
            for bit in &mut row[u..HEAD] {
                *bit = 0.0;
            }
        }
        Points::from_vec(data, n_var)
    }
}
