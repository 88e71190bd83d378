//! ZDT1, ZDT2, ZDT3, ZDT4 and ZDT6: the two-objective suite of Zitzler, Deb & Thiele,
//! "Comparison of Multiobjective Evolutionary Algorithms: Empirical Results",
//! Evolutionary Computation 8(2), 2000.
//!
//! All share `f₁ = f₁(x₁)`, `f₂ = g(x₂…xₙ)·h(f₁, g)`; the Pareto set is `g = 1`
//! (`x₂…xₙ = 0`), so the front is the curve `f₂ = h(f₁, 1)`.

use std::f64::consts::PI;

use crate::benchmark::Benchmark;
use crate::check::{evaluate_rows, sum};
use crate::front::{filter_non_dominated, linspace, positive, total};
use vilfredo_core::{Error, Points, Problem, Result};

/// Which ZDT function (ZDT5, with binary variables, is [`crate::Zdt5`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ZdtKind {
    /// Convex front `f₂ = 1 − √f₁`.
    Zdt1,
    /// Concave front `f₂ = 1 − f₁²`.
    Zdt2,
    /// Front of five disconnected pieces.
    Zdt3,
    /// ZDT1's front with 21⁹ local fronts (`x₂…ₙ ∈ [−5, 5]`).
    Zdt4,
    /// Non-uniform density, concave front `f₂ = 1 − f₁²`, `f₁ ≥ 0.2807753191`.
    Zdt6,
}

impl ZdtKind {
    /// The default number of variables in the paper (30, or 10 for ZDT4 and ZDT6).
    pub fn default_n_var(self) -> usize {
        match self {
            Self::Zdt4 | Self::Zdt6 => 10,
            _ => 30,
        }
    }
}

/// The x₁ intervals whose images are ZDT3's five front pieces (pymoo's values, to about
/// 1e-10); points are filtered to the non-dominated ones, so imprecise ends do no harm.
const ZDT3_REGIONS: [(f64, f64); 5] = [
    (0.0, 0.0830015349),
    (0.182228780, 0.2577623634),
    (0.4093136748, 0.4538821041),
    (0.6183967944, 0.6525117038),
    (0.8233317983, 0.8518328654),
];

/// The smallest f₁ of ZDT6's Pareto front.
const ZDT6_F1_MIN: f64 = 0.2807753191;

/// A ZDT problem with `n_var ≥ 2` real variables and two objectives.
#[derive(Debug, Clone)]
pub struct Zdt {
    kind: ZdtKind,
    name: &'static str,
    lower: Vec<f64>,
    upper: Vec<f64>,
}

impl Zdt {
    /// Builds `kind` with `n_var` variables (`None`: the paper's default).
    ///
    /// # Errors
    /// When `n_var < 2` or `n_var > 1 000 000`.
    pub fn new(kind: ZdtKind, n_var: Option<usize>) -> Result<Self> {
        let n_var = n_var.unwrap_or(kind.default_n_var());
        crate::check::size("n_var", n_var)?;
        if n_var < 2 {
            return Err(Error::InvalidArgument {
                name: "n_var",
                reason: format!("ZDT problems need n_var ≥ 2, got {n_var}"),
            });
        }
        let (lower, upper) = match kind {
            ZdtKind::Zdt4 => {
                let mut lo = vec![-5.0; n_var];
                let mut hi = vec![5.0; n_var];
                lo[0] = 0.0;
                hi[0] = 1.0;
                (lo, hi)
            }
            _ => (vec![0.0; n_var], vec![1.0; n_var]),
        };
        let name = match kind {
            ZdtKind::Zdt1 => "zdt1",
            ZdtKind::Zdt2 => "zdt2",
            ZdtKind::Zdt3 => "zdt3",
            ZdtKind::Zdt4 => "zdt4",
            ZdtKind::Zdt6 => "zdt6",
        };
        Ok(Self {
            kind,
            name,
            lower,
            upper,
        })
    }

    /// Which ZDT function this is.
    pub fn kind(&self) -> ZdtKind {
        self.kind
    }

    /// One row: the operation order follows pymoo, so results agree to the last bits.
    fn row(&self, x: &[f64], f: &mut [f64]) {
        let n = x.len();
        let rest = &x[1..];
        let (f1, f2) = match self.kind {
            ZdtKind::Zdt1 => {
                let f1 = x[0];
                let g = 1.0 + 9.0 / (n - 1) as f64 * sum(rest);
                (f1, g * (1.0 - (f1 / g).sqrt()))
            }
            ZdtKind::Zdt2 => {
                let f1 = x[0];
                let g = 1.0 + 9.0 * sum(rest) / (n - 1) as f64;
                let r = f1 / g;
                (f1, g * (1.0 - r * r))
            }
            ZdtKind::Zdt3 => {
                let f1 = x[0];
                let g = 1.0 + 9.0 * sum(rest) / (n - 1) as f64;
                let r = f1 / g;
                (f1, g * (1.0 - r.sqrt() - r * (10.0 * PI * f1).sin()))
            }
            ZdtKind::Zdt4 => {
                let f1 = x[0];
                let mut g = 1.0 + 10.0 * (n - 1) as f64;
                for &v in rest {
                    g += v * v - 10.0 * (4.0 * PI * v).cos();
                }
                (f1, g * (1.0 - (f1 / g).sqrt()))
            }
            ZdtKind::Zdt6 => {
                let f1 = 1.0 - (-4.0 * x[0]).exp() * (6.0 * PI * x[0]).sin().powi(6);
                let g = 1.0 + 9.0 * (sum(rest) / (n as f64 - 1.0)).powf(0.25);
                let r = f1 / g;
                (f1, g * (1.0 - r * r))
            }
        };
        f[0] = f1;
        f[1] = f2;
    }

    /// The front value f₂ at g = 1 for a given f₁.
    fn front_f2(&self, f1: f64) -> f64 {
        match self.kind {
            ZdtKind::Zdt1 | ZdtKind::Zdt4 => 1.0 - f1.sqrt(),
            ZdtKind::Zdt2 | ZdtKind::Zdt6 => 1.0 - f1 * f1,
            ZdtKind::Zdt3 => 1.0 - f1.sqrt() - f1 * (10.0 * PI * f1).sin(),
        }
    }

    /// The f₁ values of about `n` front points (equal to x₁ except for ZDT6; for ZDT3
    /// already filtered to the non-dominated ones).
    fn front_f1(&self, n: usize) -> Result<Vec<f64>> {
        positive(n)?;
        match self.kind {
            ZdtKind::Zdt3 => {
                // Spread the points over the pieces in proportion to their x₁ length.
                let total: f64 = ZDT3_REGIONS.iter().map(|(a, b)| b - a).sum();
                let mut data = Vec::with_capacity(2 * n + 10);
                for (a, b) in ZDT3_REGIONS {
                    let k = (((b - a) / total) * n as f64).round().max(1.0) as usize;
                    for x1 in linspace(a, b, k) {
                        data.push(x1);
                        data.push(self.front_f2(x1));
                    }
                }
                let front = filter_non_dominated(data, 2)?;
                Ok(front.view().rows().map(|r| r[0]).collect())
            }
            // ZDT6's f₁ is not x₁; its front is sampled in f₁ directly, as pymoo does.
            ZdtKind::Zdt6 => Ok(linspace(ZDT6_F1_MIN, 1.0, n).collect()),
            _ => Ok(linspace(0.0, 1.0, n).collect()),
        }
    }
}

impl Problem for Zdt {
    fn name(&self) -> &str {
        self.name
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
    fn evaluate(&self, x: &[f64], f: &mut [f64], g: &mut [f64]) -> Result<()> {
        evaluate_rows(self, x, f, g, |xr, fr| self.row(xr, fr))
    }
}

impl Benchmark for Zdt {
    fn description(&self) -> &str {
        match self.kind {
            ZdtKind::Zdt1 => "ZDT1: 2 objectives, convex front f2 = 1 - sqrt(f1)",
            ZdtKind::Zdt2 => "ZDT2: 2 objectives, concave front f2 = 1 - f1^2",
            ZdtKind::Zdt3 => "ZDT3: 2 objectives, front of five disconnected convex pieces",
            ZdtKind::Zdt4 => "ZDT4: 2 objectives, multimodal (21^9 local fronts), convex front",
            ZdtKind::Zdt6 => "ZDT6: 2 objectives, non-uniform density, concave front",
        }
    }

    /// ZDT1/2/4: `n` points at evenly spaced f₁ in [0, 1]; ZDT6: evenly spaced f₁ in
    /// [0.2807753191, 1] (both as pymoo); ZDT3: the five pieces sampled evenly in x₁ in
    /// proportion to their length, then filtered to the non-dominated points.
    fn pareto_front(&self, n: usize) -> Result<Points> {
        let f1 = self.front_f1(n)?;
        let mut data = Vec::with_capacity(2 * f1.len());
        for v in f1 {
            data.push(v);
            data.push(self.front_f2(v));
        }
        Points::from_vec(data, 2)
    }

    /// `x₂…xₙ = 0` and x₁ evenly spaced over the optimal range (ZDT3: over its pieces;
    /// ZDT6: x₁ in [0, 1], every value of which is optimal).
    fn pareto_set(&self, n: usize) -> Result<Points> {
        total(n, self.n_var())?;
        let x1 = match self.kind {
            ZdtKind::Zdt6 => {
                positive(n)?;
                linspace(0.0, 1.0, n).collect()
            }
            _ => self.front_f1(n)?,
        };
        let n_var = self.n_var();
        let mut data = vec![0.0; x1.len() * n_var];
        for (row, v) in data.chunks_exact_mut(n_var).zip(x1) {
            row[0] = v;
        }
        Points::from_vec(data, n_var)
    }
}
