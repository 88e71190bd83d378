//! C1-DTLZ1, C2-DTLZ2 and C3-DTLZ4: DTLZ problems with constraints on the objective
//! values, from Jain & Deb, "An Evolutionary Many-Objective Optimization Algorithm Using
//! Reference-Point Based Nondominated Sorting Approach, Part II: Handling Constraints and
//! Extending to an Adaptive Approach", IEEE Transactions on Evolutionary Computation 18(4),
//! 2014, pp. 602–622.
//!
//! The constraints are written `g ≤ 0` feasible (the paper writes `c ≥ 0`; `g = −c`),
//! which is also pymoo's convention, so the values agree with pymoo's unchanged:
//!
//! - C1-DTLZ1 (type 1, a feasible band near the front): `g = f_M/0.6 + Σ_{i<M} f_i/0.5 − 1`;
//!   the whole DTLZ1 front stays feasible, only the approach to it is cut.
//! - C2-DTLZ2 (type 2, infeasible parts of the front):
//!   `g = min( min_i [(f_i − 1)² + Σ_{j≠i} f_j² − r²], Σ_j (f_j − 1/√M)² − r² )`,
//!   with `r` = 0.2 (M = 2), 0.4 (M = 3), 0.5 otherwise; feasible are the `M + 1`
//!   caps of radius `r` around the axes' ends and the sphere's centre direction.
//! - C3-DTLZ4 (type 3, the front moved onto the constraint surface), `M` constraints:
//!   `g_i = 1 − f_i²/4 − Σ_{j≠i} f_j²`.
//!
//! Variables, default sizes and `alpha` are those of the underlying [`Dtlz`]; pymoo's
//! defaults differ (`n_var` 12, 12 and 7 whatever `n_obj` is): pass `n_var` to get them.

use crate::benchmark::Benchmark;
use crate::check::evaluate_rows_constrained;
use crate::dtlz::{Dtlz, DtlzKind};
use crate::front::{lattice, sphere, total};
use vilfredo_core::{Error, Points, Problem, Result};

/// Which constrained DTLZ problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CDtlzKind {
    /// DTLZ1 with one linear constraint near the front.
    C1Dtlz1,
    /// DTLZ2 with one constraint leaving `M + 1` feasible caps of the front.
    C2Dtlz2,
    /// DTLZ4 with `M` quadratic constraints that move the front outwards.
    C3Dtlz4,
}

impl CDtlzKind {
    fn name(self) -> &'static str {
        match self {
            Self::C1Dtlz1 => "c1dtlz1",
            Self::C2Dtlz2 => "c2dtlz2",
            Self::C3Dtlz4 => "c3dtlz4",
        }
    }

    /// The unconstrained DTLZ problem underneath.
    pub fn base(self) -> DtlzKind {
        match self {
            Self::C1Dtlz1 => DtlzKind::Dtlz1,
            Self::C2Dtlz2 => DtlzKind::Dtlz2,
            Self::C3Dtlz4 => DtlzKind::Dtlz4,
        }
    }
}

/// A constrained DTLZ problem: a [`Dtlz`] plus constraints on its objective values.
#[derive(Debug, Clone)]
pub struct CDtlz {
    kind: CDtlzKind,
    base: Dtlz,
    r: f64,
}

impl CDtlz {
    /// Wraps `base`, which must be the DTLZ function `kind` is built on.
    ///
    /// # Errors
    /// When `base` is another DTLZ function.
    pub fn new(kind: CDtlzKind, base: Dtlz) -> Result<Self> {
        if base.kind() != kind.base() {
            return Err(Error::InvalidArgument {
                name: "base",
                reason: format!(
                    "{} is built on {:?}, got {:?}",
                    kind.name(),
                    kind.base(),
                    base.kind()
                ),
            });
        }
        let r = match base.n_obj() {
            2 => 0.2,
            3 => 0.4,
            _ => 0.5,
        };
        Ok(Self { kind, base, r })
    }

    /// Sets C2-DTLZ2's radius `r` (only C2-DTLZ2 uses it).
    ///
    /// # Errors
    /// When `r` is not finite and positive.
    pub fn with_r(mut self, r: f64) -> Result<Self> {
        if !(r.is_finite() && r > 0.0) {
            return Err(Error::InvalidArgument {
                name: "r",
                reason: format!("r must be a finite positive number, got {r}"),
            });
        }
        self.r = r;
        Ok(self)
    }

    /// Which problem this is.
    pub fn kind(&self) -> CDtlzKind {
        self.kind
    }

    /// C2-DTLZ2's radius.
    pub fn r(&self) -> f64 {
        self.r
    }

    fn constraints(&self, f: &[f64], g: &mut [f64]) {
        let m = f.len();
        match self.kind {
            CDtlzKind::C1Dtlz1 => {
                let head: f64 = f[..m - 1].iter().map(|v| v / 0.5).sum();
                g[0] = -(1.0 - f[m - 1] / 0.6 - head);
            }
            CDtlzKind::C2Dtlz2 => {
                let r2 = self.r * self.r;
                let s: f64 = f.iter().map(|v| v * v).sum();
                // Inside a cap around the end of axis i: distance to e_i below r.
                let caps = f.iter().fold(f64::INFINITY, |acc, &v| {
                    acc.min((v - 1.0) * (v - 1.0) + (s - v * v) - r2)
                });
                // Inside the cap around the centre direction (1, …, 1)/√M.
                let a = 1.0 / (m as f64).sqrt();
                let centre = f.iter().map(|v| (v - a) * (v - a)).sum::<f64>() - r2;
                g[0] = caps.min(centre);
            }
            CDtlzKind::C3Dtlz4 => {
                let s: f64 = f.iter().map(|v| v * v).sum();
                for (gi, &v) in g.iter_mut().zip(f) {
                    *gi = 1.0 - v * v / 4.0 - (s - v * v);
                }
            }
        }
    }
}

impl Problem for CDtlz {
    fn name(&self) -> &str {
        self.kind.name()
    }
    fn n_var(&self) -> usize {
        self.base.n_var()
    }
    fn n_obj(&self) -> usize {
        self.base.n_obj()
    }
    fn n_constr(&self) -> usize {
        match self.kind {
            CDtlzKind::C3Dtlz4 => self.base.n_obj(),
            _ => 1,
        }
    }
    fn lower(&self) -> &[f64] {
        self.base.lower()
    }
    fn upper(&self) -> &[f64] {
        self.base.upper()
    }
    fn evaluate(&self, x: &[f64], f: &mut [f64], g: &mut [f64]) -> Result<()> {
        evaluate_rows_constrained(self, x, f, g, |xr, fr, gr| {
            self.base.row(xr, fr);
            self.constraints(fr, gr);
        })
    }
}

impl Benchmark for CDtlz {
    fn description(&self) -> &str {
        match self.kind {
            CDtlzKind::C1Dtlz1 => {
                "C1-DTLZ1: M objectives, DTLZ1 with a linear constraint near the front"
            }
            CDtlzKind::C2Dtlz2 => "C2-DTLZ2: M objectives, DTLZ2 front cut to M + 1 feasible caps",
            CDtlzKind::C3Dtlz4 => {
                "C3-DTLZ4: M objectives, DTLZ4 with M constraints moving the front outwards"
            }
        }
    }

    /// C1-DTLZ1: DTLZ1's front (the Das–Dennis lattice scaled by ½), all feasible.
    /// C2-DTLZ2: the lattice projected onto the unit sphere, keeping the feasible points
    /// (so fewer than the lattice's). C3-DTLZ4: each projected lattice point `f` scaled by
    /// `1/√(1 − ¾ max_i f_i²)`, which puts it on the surface of its binding constraint.
    fn pareto_front(&self, n: usize) -> Result<Points> {
        let m = self.n_obj();
        total(n, m)?;
        match self.kind {
            CDtlzKind::C1Dtlz1 => {
                let w = lattice(m, n)?;
                Points::from_vec(w.as_slice().iter().map(|v| 0.5 * v).collect(), m)
            }
            CDtlzKind::C2Dtlz2 => {
                let s = sphere(m, n, &vec![1.0; m])?;
                let mut g = [0.0];
                let mut data = Vec::with_capacity(s.as_slice().len());
                for row in s.view().rows() {
                    self.constraints(row, &mut g);
                    if g[0] <= 0.0 {
                        data.extend_from_slice(row);
                    }
                }
                Points::from_vec(data, m)
            }
            CDtlzKind::C3Dtlz4 => {
                let s = sphere(m, n, &vec![1.0; m])?;
                let mut data = Vec::with_capacity(s.as_slice().len());
                for row in s.view().rows() {
                    let sq: f64 = row.iter().map(|v| v * v).sum();
                    let top = row.iter().fold(0.0f64, |a, v| a.max(v * v));
                    let a = (sq - 0.75 * top).sqrt();
                    data.extend(row.iter().map(|v| v / a));
                }
                Points::from_vec(data, m)
            }
        }
    }
}
