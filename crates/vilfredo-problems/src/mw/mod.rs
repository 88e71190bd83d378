//! MW1–MW14: the constrained suite of Ma & Wang, "Evaluation of the Constrained
//! Multi-Objective Test Problems", IEEE Transactions on Evolutionary Computation 23(6),
//! 2019, pp. 972–986.
//!
//! Every problem has a distance function `g ≥ 1` of the variables from index `M − 1` on
//! (three kinds: `g1`, `g2`, `g3` below, equal to 1 on the Pareto set) and constraints
//! built from the paper's landscape functions `LA1`–`LA3` that carve the front into
//! feasible pieces. MW4, MW8 and MW14 take any number of objectives; the others have two.
//! Constraints are written `g ≤ 0` feasible, the paper's and pymoo's convention, and
//! agree with pymoo 0.6.2's values.
//!
//! Known fronts (closed form, as pymoo computes them): MW1, MW2, MW3, MW4, MW6, MW8,
//! MW12. The others (MW5, MW7, MW9, MW10, MW11, MW13, MW14) are known only as published
//! data files; they are refused.

use std::f64::consts::{PI, SQRT_2};

mod front;

use crate::check::evaluate_rows_constrained;
use vilfredo_core::{Error, Problem, Result};

/// The landscape functions of Ma & Wang (2019): `A·sin(Bπ·θ^C)^D`, `A·sin(B·θ^C)^D` and
/// `A·cos(B·θ^C)^D`.
fn la1(a: f64, b: f64, c: f64, d: f64, theta: f64) -> f64 {
    a * (b * PI * theta.powf(c)).sin().powf(d)
}
fn la2(a: f64, b: f64, c: f64, d: f64, theta: f64) -> f64 {
    a * (b * theta.powf(c)).sin().powf(d)
}
fn la3(a: f64, b: f64, c: f64, d: f64, theta: f64) -> f64 {
    a * (b * theta.powf(c)).cos().powf(d)
}

/// `√(v)` for a value that is mathematically non-negative but may round below zero at
/// the upper bound (for example `2 − (f₀/g)²` at `x₀ = √2`).
fn sqrt0(v: f64) -> f64 {
    v.max(0.0).sqrt()
}

/// Which MW problem (1 to 14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MwKind(u8);

impl MwKind {
    /// MW`i`, for `i` in 1..=14.
    ///
    /// # Errors
    /// When `i` is not between 1 and 14.
    pub fn new(i: u8) -> Result<Self> {
        if (1..=14).contains(&i) {
            Ok(Self(i))
        } else {
            Err(Error::InvalidArgument {
                name: "mw",
                reason: format!("MW problems are numbered 1 to 14, got {i}"),
            })
        }
    }

    /// The problem's number, 1 to 14.
    pub fn number(self) -> u8 {
        self.0
    }

    /// Whether the problem takes any number of objectives (MW4, MW8, MW14).
    pub fn scalable(self) -> bool {
        matches!(self.0, 4 | 8 | 14)
    }

    fn n_constr(self) -> usize {
        match self.0 {
            3 | 7 | 12 | 13 => 2,
            5 | 10 => 3,
            11 => 4,
            _ => 1,
        }
    }

    fn upper(self) -> f64 {
        match self.0 {
            6 => 1.1,
            11 => SQRT_2,
            13 | 14 => 1.5,
            _ => 1.0,
        }
    }
}

const NAMES: [&str; 14] = [
    "mw1", "mw2", "mw3", "mw4", "mw5", "mw6", "mw7", "mw8", "mw9", "mw10", "mw11", "mw12", "mw13",
    "mw14",
];

/// An MW problem with `n_var` variables in `[0, upper]`.
#[derive(Debug, Clone)]
pub struct Mw {
    kind: MwKind,
    n_obj: usize,
    lower: Vec<f64>,
    upper: Vec<f64>,
}

impl Mw {
    /// Builds `kind` with `n_obj` objectives (must be 2 unless MW4, MW8 or MW14) and
    /// `n_var` variables (`None`: 15 for two objectives, `n_obj + 12` for the scalable
    /// ones, as pymoo).
    ///
    /// # Errors
    /// When `n_obj` is not 2 for a two-objective problem or below 2, `n_var < n_obj`, or
    /// either exceeds 1 000 000.
    pub fn new(kind: MwKind, n_obj: usize, n_var: Option<usize>) -> Result<Self> {
        let name = NAMES[usize::from(kind.0) - 1];
        if n_obj < 2 || (!kind.scalable() && n_obj != 2) {
            return Err(Error::InvalidArgument {
                name: "n_obj",
                reason: if kind.scalable() {
                    format!("{name} needs n_obj ≥ 2, got {n_obj}")
                } else {
                    format!("{name} has 2 objectives, got n_obj = {n_obj}")
                },
            });
        }
        crate::check::size("n_obj", n_obj)?;
        let n_var = n_var.unwrap_or(if kind.scalable() { n_obj + 12 } else { 15 });
        crate::check::size("n_var", n_var)?;
        if n_var < n_obj {
            return Err(Error::InvalidArgument {
                name: "n_var",
                reason: format!(
                    "{name} needs n_var ≥ n_obj = {n_obj} (at least one distance variable), got {n_var}"
                ),
            });
        }
        Ok(Self {
            kind,
            n_obj,
            lower: vec![0.0; n_var],
            upper: vec![kind.upper(); n_var],
        })
    }

    /// Which problem this is.
    pub fn kind(&self) -> MwKind {
        self.kind
    }

    /// `g1 = 1 + Σ_{j ≥ M−1} (1 − exp(−10 (x_j^{n−M} − ½ − j/(2n))²))`.
    fn g1(&self, x: &[f64]) -> f64 {
        let d = x.len();
        let p = (d - self.n_obj) as f64;
        let mut s = 0.0;
        for (j, &v) in x.iter().enumerate().skip(self.n_obj - 1) {
            let t = v.powf(p) - 0.5 - j as f64 / (2 * d) as f64;
            s += 1.0 - (-10.0 * t * t).exp();
        }
        1.0 + s
    }

    /// `g2 = 1 + Σ_{j ≥ M−1} (0.1/n · z² + 1.5 − 1.5 cos 2πz)`,
    /// `z = 1 − exp(−10 (x_j − j/n)²)`.
    fn g2(&self, x: &[f64]) -> f64 {
        let d = x.len() as f64;
        let mut s = 0.0;
        for (j, &v) in x.iter().enumerate().skip(self.n_obj - 1) {
            let t = v - j as f64 / d;
            let z = 1.0 - (-10.0 * t * t).exp();
            s += (0.1 / d) * z * z + 1.5 - 1.5 * (2.0 * PI * z).cos();
        }
        1.0 + s
    }

    /// `g3 = 1 + Σ_{j ≥ M−1} 2 (x_j + (x_{j−1} − ½)² − 1)²`.
    fn g3(&self, x: &[f64]) -> f64 {
        let mut s = 0.0;
        for w in x[self.n_obj - 2..].windows(2) {
            let t = w[1] + (w[0] - 0.5) * (w[0] - 0.5) - 1.0;
            s += 2.0 * (t * t);
        }
        1.0 + s
    }

    fn row(&self, x: &[f64], f: &mut [f64], c: &mut [f64]) {
        let x0 = x[0];
        match self.kind.0 {
            1..=3 => {
                let (g, slope) = match self.kind.0 {
                    1 => (self.g1(x), 0.85),
                    2 => (self.g2(x), 1.0),
                    _ => (self.g3(x), 1.0),
                };
                let f0 = x0;
                let f1 = g * (1.0 - slope * f0 / g);
                f[0] = f0;
                f[1] = f1;
                let l = SQRT_2 * f1 - SQRT_2 * f0;
                match self.kind.0 {
                    1 => c[0] = f0 + f1 - 1.0 - la1(0.5, 2.0, 1.0, 8.0, l),
                    2 => c[0] = f0 + f1 - 1.0 - la1(0.5, 3.0, 1.0, 8.0, l),
                    _ => {
                        c[0] = f0 + f1 - 1.05 - la1(0.45, 0.75, 1.0, 6.0, l);
                        c[1] = 0.85 - f0 - f1 + la1(0.3, 0.75, 1.0, 2.0, l);
                    }
                }
            }
            4 => {
                let g = self.g1(x);
                linear_shape(x, g, f);
                let m = f.len();
                let head: f64 = f[..m - 1].iter().sum();
                let total: f64 = head + f[m - 1];
                c[0] = total - 1.0 - la1(0.4, 2.5, 1.0, 8.0, f[m - 1] - head);
            }
            5 | 7 => {
                let g = if self.kind.0 == 5 {
                    self.g1(x)
                } else {
                    self.g3(x)
                };
                let f0 = g * x0;
                let r = f0 / g;
                let f1 = g * sqrt0(1.0 - r * r);
                f[0] = f0;
                f[1] = f1;
                // atan(f₁/0) = π/2, as numpy gives for x₀ = 0.
                let angle = (f1 / f0).atan();
                let rr = f0 * f0 + f1 * f1;
                if self.kind.0 == 5 {
                    let a = 1.7 - la2(0.2, 2.0, 1.0, 1.0, angle);
                    c[0] = f0 * f0 + f1 * f1 - a * a;
                    let t = 0.5 * PI - 2.0 * (angle - 0.25 * PI).abs();
                    let b = 1.0 + la2(0.5, 6.0, 3.0, 1.0, t);
                    c[1] = b * b - f0 * f0 - f1 * f1;
                    let e = 1.0 - la2(0.45, 6.0, 3.0, 1.0, t);
                    c[2] = e * e - f0 * f0 - f1 * f1;
                } else {
                    let a = 1.2 + la2(0.4, 4.0, 1.0, 16.0, angle).abs();
                    c[0] = rr - a * a;
                    let b = 1.15 - la2(0.2, 4.0, 1.0, 8.0, angle);
                    c[1] = b * b - f0 * f0 - f1 * f1;
                }
            }
            6 => {
                let g = self.g2(x);
                let f0 = g * x0;
                let r = f0 / g;
                let f1 = g * sqrt0(1.1 * 1.1 - r * r);
                f[0] = f0;
                f[1] = f1;
                let angle = (f1 / f0).atan();
                let a = 1.0 + la3(0.15, 6.0, 4.0, 10.0, angle);
                let b = 1.0 + la3(0.75, 6.0, 4.0, 10.0, angle);
                c[0] = f0 * f0 / (a * a) + f1 * f1 / (b * b) - 1.0;
            }
            8 => {
                let g = self.g2(x);
                spherical_shape(x, g, f);
                let m = f.len();
                let fs: f64 = f.iter().map(|v| v * v).sum();
                let a = 1.25 - la2(0.5, 6.0, 1.0, 2.0, (f[m - 1] / fs.sqrt()).asin());
                c[0] = fs - a * a;
            }
            9 => {
                let g = self.g1(x);
                let f0 = g * x0;
                let f1 = g * (1.0 - (f0 / g).powf(0.6));
                f[0] = f0;
                f[1] = f1;
                let t1 = (1.0 - 0.64 * f0 * f0 - f1) * (1.0 - 0.36 * f0 * f0 - f1);
                let t2 = (1.35 * 1.35 - (f0 + 0.35) * (f0 + 0.35) - f1)
                    * (1.15 * 1.15 - (f0 + 0.15) * (f0 + 0.15) - f1);
                c[0] = t1.min(t2);
            }
            10 => {
                let g = self.g2(x);
                let f0 = g * x0.powf(x.len() as f64);
                let r = f0 / g;
                let f1 = g * (1.0 - r * r);
                f[0] = f0;
                f[1] = f1;
                let q = f0 * f0;
                c[0] = -(2.0 - 4.0 * q - f1) * (2.0 - 8.0 * q - f1);
                c[1] = (2.0 - 2.0 * q - f1) * (2.0 - 16.0 * q - f1);
                c[2] = (1.0 - q - f1) * (1.2 - 1.2 * q - f1);
            }
            11 => {
                let g = self.g3(x);
                let f0 = g * x0;
                let r = f0 / g;
                let f1 = g * sqrt0(2.0 - r * r);
                f[0] = f0;
                f[1] = f1;
                let q = f0 * f0;
                c[0] = -(3.0 - q - f1) * (3.0 - 2.0 * q - f1);
                c[1] = (3.0 - 0.625 * q - f1) * (3.0 - 7.0 * q - f1);
                c[2] = -(1.62 - 0.18 * q - f1) * (1.125 - 0.125 * q - f1);
                c[3] = (2.07 - 0.23 * q - f1) * (0.63 - 0.07 * q - f1);
            }
            12 => {
                let g = self.g1(x);
                let f0 = g * x0;
                let r = f0 / g;
                let f1 = g * (0.85 - 0.8 * r - 0.08 * (3.2 * PI * r).sin().abs());
                f[0] = f0;
                f[1] = f1;
                c[0] = -(1.0 - 0.625 * f0 - f1 + 0.08 * (2.0 * PI * (f1 - f0 / 1.6)).sin())
                    * (1.4 - 0.875 * f0 - f1 + 0.08 * (2.0 * PI * (f1 / 1.4 - f0 / 1.6)).sin());
                c[1] = (1.0 - 0.8 * f0 - f1 + 0.08 * (2.0 * PI * (f1 - f0 / 1.5)).sin())
                    * (1.8 - 1.125 * f0 - f1 + 0.08 * (2.0 * PI * (f1 / 1.8 - f0 / 1.6)).sin());
            }
            13 => {
                let g = self.g2(x);
                let f0 = g * x0;
                let f1 = g * (5.0 - (f0 / g).exp() - (0.5 * (3.0 * PI * f0 / g).sin()).abs());
                f[0] = f0;
                f[1] = f1;
                let s = 0.5 * (3.0 * PI * f0).sin();
                c[0] = -(5.0 - (1.0 + f0 + 0.5 * f0 * f0) - s - f1)
                    * (5.0 - (1.0 + 0.7 * f0) - s - f1);
                c[1] = (5.0 - f0.exp() - s - f1) * (5.0 - (1.0 + 0.4 * f0) - s - f1);
            }
            _ => {
                let g = self.g3(x);
                let m = f.len();
                let k = (m - 1) as f64;
                let (mut inter, mut alpha) = (0.0, 0.0);
                for (fj, &v) in f.iter_mut().zip(&x[..m - 1]) {
                    *fj = v;
                    let la = la1(1.5, 1.1, 2.0, 1.0, v);
                    inter += 6.0 - v.exp() - la;
                    alpha += 6.1 - 1.0 - v - 0.5 * v * v - la;
                }
                f[m - 1] = g / k * inter;
                c[0] = f[m - 1] - 1.0 / k * alpha;
            }
        }
    }
}

/// `f_j = g · x_{M−1−j} · Π_{i ≤ M−2−j} (1 − x_i)` (the first factor absent for `j = 0`,
/// the product for `j = M − 1`): MW4's linear front `Σ f = g`.
fn linear_shape(x: &[f64], g: f64, f: &mut [f64]) {
    let m = f.len();
    for (j, fj) in f.iter_mut().enumerate() {
        *fj = if j >= 1 { g * x[m - 1 - j] } else { g };
    }
    let mut prod = 1.0;
    for i in 0..m - 1 {
        prod *= 1.0 - x[i];
        f[m - 2 - i] *= prod;
    }
}

/// MW8's spherical counterpart of [`linear_shape`], with `sin(πx/2)` and `cos(πx/2)`.
fn spherical_shape(x: &[f64], g: f64, f: &mut [f64]) {
    let m = f.len();
    for (j, fj) in f.iter_mut().enumerate() {
        *fj = if j >= 1 {
            g * (0.5 * PI * x[m - 1 - j]).sin()
        } else {
            g
        };
    }
    let mut prod = 1.0;
    for i in 0..m - 1 {
        prod *= (0.5 * PI * x[i]).cos();
        f[m - 2 - i] *= prod;
    }
}

impl Problem for Mw {
    fn name(&self) -> &str {
        NAMES[usize::from(self.kind.0) - 1]
    }
    fn n_var(&self) -> usize {
        self.lower.len()
    }
    fn n_obj(&self) -> usize {
        self.n_obj
    }
    fn n_constr(&self) -> usize {
        self.kind.n_constr()
    }
    fn lower(&self) -> &[f64] {
        &self.lower
    }
    fn upper(&self) -> &[f64] {
        &self.upper
    }
    fn evaluate(&self, x: &[f64], f: &mut [f64], g: &mut [f64]) -> Result<()> {
        evaluate_rows_constrained(self, x, f, g, |xr, fr, gr| self.row(xr, fr, gr))
    }
}
