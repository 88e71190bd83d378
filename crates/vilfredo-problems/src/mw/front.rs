//! The MW problems' descriptions and true fronts, computed as pymoo computes them.

use std::f64::consts::{PI, SQRT_2};

use super::Mw;
use crate::benchmark::{Benchmark, not_known};
use crate::front::{filter_non_dominated, lattice, linspace, total};
use vilfredo_core::{Points, Problem, Result};

/// Pushes `f` outwards by factors of 1.001 until `bad(f)` is false (at most 10 000
/// times): how pymoo places MW3's and MW12's front points on their constraint boundary.
fn push_out(f: &mut [f64], bad: impl Fn(&[f64]) -> bool) {
    for _ in 0..10_000 {
        if !bad(f) {
            return;
        }
        for v in f.iter_mut() {
            *v *= 1.001;
        }
    }
}

impl Benchmark for Mw {
    fn description(&self) -> &str {
        match self.kind.0 {
            1 => "MW1: 2 objectives, 1 constraint, linear front in feasible pieces",
            2 => "MW2: 2 objectives, 1 constraint, linear front, multimodal g",
            3 => "MW3: 2 objectives, 2 constraints, front partly on a constraint",
            4 => "MW4: M objectives, 1 constraint, linear front",
            5 => "MW5: 2 objectives, 3 constraints, front of isolated points",
            6 => "MW6: 2 objectives, 1 constraint, disconnected concave front",
            7 => "MW7: 2 objectives, 2 constraints, front on a constraint",
            8 => "MW8: M objectives, 1 constraint, spherical front in pieces",
            9 => "MW9: 2 objectives, 1 constraint, front on a constraint",
            10 => "MW10: 2 objectives, 3 constraints, disconnected front",
            11 => "MW11: 2 objectives, 4 constraints, disconnected front",
            12 => "MW12: 2 objectives, 2 constraints, front on a constraint",
            13 => "MW13: 2 objectives, 2 constraints, disconnected front",
            _ => "MW14: M objectives, 1 constraint, disconnected front",
        }
    }

    /// As pymoo computes them, then filtered to the non-dominated points: MW1, MW2, MW3,
    /// MW6, MW12 from `n` values of `f₁` evenly in [0, 1] (MW1, MW6: keeping the feasible
    /// points; MW3, MW12: pushing infeasible ones outwards onto the constraint); MW4 the
    /// Das–Dennis lattice, MW8 the lattice on the unit sphere, keeping feasible points.
    /// The others are known only as data files and are refused.
    fn pareto_front(&self, n: usize) -> Result<Points> {
        let m = self.n_obj;
        total(n, m)?;
        let mut data = Vec::new();
        match self.kind.0 {
            1 | 2 | 3 | 6 | 12 => {
                for f0 in linspace(0.0, 1.0, n) {
                    let mut f = [f0, 0.0];
                    match self.kind.0 {
                        1 => {
                            f[1] = 1.0 - 0.85 * f0;
                            let l = SQRT_2 * f[1] - SQRT_2 * f[0];
                            let c = 1.0 - f[0] - f[1] + 0.5 * (2.0 * PI * l).sin().powi(8);
                            if c < 0.0 {
                                continue;
                            }
                        }
                        2 => f[1] = 1.0 - f0,
                        3 => {
                            f[1] = 1.0 - f0;
                            push_out(&mut f, |f| {
                                let s = (0.75 * PI * SQRT_2 * (f[1] - f[0])).sin();
                                0.85 - f[0] - f[1] + 0.3 * s * s > 0.0
                            });
                        }
                        6 => {
                            f[1] = 1.0 - f0;
                            let norm = ((f[0] * f[0] + f[1] * f[1]) / 1.21).sqrt();
                            f = [f[0] / norm, f[1] / norm];
                            let l = (6.0 * (f[1] / f[0]).atan().powi(4)).cos().powi(10);
                            let a = f[0] / (1.0 + 0.15 * l);
                            let b = f[1] / (1.0 + 0.75 * l);
                            if 1.0 - a * a - b * b < 0.0 {
                                continue;
                            }
                        }
                        _ => {
                            f[1] = 0.85 - 0.8 * f0 - 0.08 * (3.2 * PI * f0).sin().abs();
                            push_out(&mut f, |f| {
                                (1.0 - 0.8 * f[0] - f[1]
                                    + 0.08 * (2.0 * PI * (f[1] - f[0] / 1.5)).sin())
                                    * (1.8 - 1.125 * f[0] - f[1]
                                        + 0.08 * (2.0 * PI * (f[1] / 1.8 - f[0] / 1.6)).sin())
                                    > 0.0
                            });
                        }
                    }
                    data.extend_from_slice(&f);
                }
            }
            4 | 8 => {
                let w = lattice(m, n)?;
                for row in w.view().rows() {
                    if self.kind.0 == 4 {
                        // On the simplex Σ f = 1 the constraint 1 + 0.4 sin⁸(…) ≥ Σ f holds.
                        data.extend_from_slice(row);
                    } else {
                        let norm = row.iter().map(|v| v * v).sum::<f64>().sqrt();
                        let start = data.len();
                        data.extend(row.iter().map(|v| v / norm));
                        let f = &data[start..];
                        let s = (6.0 * f[m - 1].asin()).sin();
                        let a = 1.25 - 0.5 * s * s;
                        let sq: f64 = f.iter().map(|v| v * v).sum();
                        if a * a - sq < 0.0 {
                            data.truncate(start);
                        }
                    }
                }
            }
            _ => return Err(not_known(self.name(), "Pareto front")),
        }
        filter_non_dominated(data, m)
    }
}
