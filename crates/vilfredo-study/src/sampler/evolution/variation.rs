//! Making one child from two parents on the unit scale of each parameter.
//!
//! Numeric parameters (float and int) are crossed by simulated binary crossover (Deb &
//! Agrawal 1995, "Simulated binary crossover for continuous search space", Complex
//! Systems 9) or uniform crossover, then perturbed by polynomial mutation (Deb & Goyal
//! 1996), all on `[0, 1]`; categorical ones by uniform crossover and random reset. The
//! child is mapped back through [`Distribution::from_unit`], so log scales, grids and
//! integer steps are respected whatever the operators do. MOEA/D-DE's alternative
//! (Li & Zhang 2009, IEEE TEVC 13(2)) is DE/rand/1/bin (Storn & Price 1997) on the numeric
//! parameters before the same mutation.

use vilfredo_core::rng::SplitMix64;
use vilfredo_moea::Space;
use vilfredo_moea::operators::{DifferentialEvolution, PolynomialMutation, Sbx};

use crate::distribution::Distribution;
use crate::error::Result;

/// How two parents are recombined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Crossover {
    /// Simulated binary crossover with distribution index `eta` for numeric parameters,
    /// uniform crossover for categorical ones.
    Sbx {
        /// Larger values keep children closer to their parents.
        eta: f64,
    },
    /// Every parameter comes from one parent or the other (Syswerda 1989).
    Uniform,
}

impl Default for Crossover {
    fn default() -> Self {
        // pymoo's and Deb's NSGA-II default distribution index.
        Crossover::Sbx { eta: 15.0 }
    }
}

/// The operators, set up for one search space.
#[derive(Debug, Clone)]
pub(crate) struct Variation {
    /// Positions of numeric parameters in the space.
    numeric: Vec<usize>,
    /// Positions of categorical parameters.
    categorical: Vec<usize>,
    /// The unit box of the numeric parameters.
    unit: Option<Space>,
    crossover: Crossover,
    crossover_prob: f64,
    swapping_prob: f64,
    mutation_prob: f64,
}

impl Variation {
    /// Operators for `space` (parameter distributions, in space order).
    ///
    /// `mutation_prob` `None` means `1 / number of parameters`, as in Optuna.
    ///
    /// # Errors
    /// Never for a non-empty space (the unit box is valid).
    pub fn new(
        space: &[(String, Distribution)],
        crossover: Crossover,
        crossover_prob: f64,
        swapping_prob: f64,
        mutation_prob: Option<f64>,
    ) -> Result<Self> {
        let (mut numeric, mut categorical) = (Vec::new(), Vec::new());
        for (i, (_, d)) in space.iter().enumerate() {
            match d {
                Distribution::Categorical { .. } => categorical.push(i),
                _ => numeric.push(i),
            }
        }
        let unit = if numeric.is_empty() {
            None
        } else {
            Some(Space::real(
                vec![0.0; numeric.len()],
                vec![1.0; numeric.len()],
            )?)
        };
        Ok(Self {
            numeric,
            categorical,
            unit,
            crossover,
            crossover_prob,
            swapping_prob,
            mutation_prob: mutation_prob.unwrap_or(1.0 / space.len().max(1) as f64),
        })
    }

    /// A child (unit coordinates, in space order) of parents `a` and `b`.
    pub fn child(&self, a: &[f64], b: &[f64], rng: &mut SplitMix64) -> Vec<f64> {
        let mut child = a.to_vec();
        if rng.next_f64() < self.crossover_prob {
            let uniform_numeric = matches!(self.crossover, Crossover::Uniform);
            for &i in &self.categorical {
                if rng.next_f64() < self.swapping_prob {
                    child[i] = b[i];
                }
            }
            match (self.crossover, &self.unit) {
                (Crossover::Sbx { eta }, Some(unit)) if !uniform_numeric => {
                    let mut c1: Vec<f64> = self.numeric.iter().map(|&i| a[i]).collect();
                    let mut c2: Vec<f64> = self.numeric.iter().map(|&i| b[i]).collect();
                    let sbx = Sbx {
                        eta,
                        prob: 1.0,
                        prob_var: 0.5,
                        prob_swap: self.swapping_prob,
                    };
                    sbx.apply(unit, &mut c1, &mut c2, rng);
                    // Either child is as good a draw; take one at random so neither
                    // parent's side is favoured.
                    let pick = if rng.next_f64() < 0.5 { c1 } else { c2 };
                    for (&i, x) in self.numeric.iter().zip(pick) {
                        child[i] = x;
                    }
                }
                _ => {
                    for &i in &self.numeric {
                        if rng.next_f64() < self.swapping_prob {
                            child[i] = b[i];
                        }
                    }
                }
            }
        }
        self.mutate(&mut child, rng);
        child
    }

    /// A child (unit coordinates, in space order) of MOEA/D-DE: the numeric parameters
    /// by DE/rand/1/bin with `target` as base and target and `a − b` as the difference
    /// (scale `de.f`, crossover rate `de.cr`), categorical ones by uniform crossover of
    /// `target` and `a`; then mutated as [`child`](Self::child)'s are.
    pub fn de_child(
        &self,
        de: &DifferentialEvolution,
        [target, a, b]: [&[f64]; 3],
        rng: &mut SplitMix64,
    ) -> Vec<f64> {
        let mut child = target.to_vec();
        for &i in &self.categorical {
            if rng.next_f64() < self.swapping_prob {
                child[i] = a[i];
            }
        }
        if let Some(unit) = &self.unit {
            let pick = |x: &[f64]| -> Vec<f64> { self.numeric.iter().map(|&i| x[i]).collect() };
            let (t, pa, pb) = (pick(target), pick(a), pick(b));
            let mut y = t.clone();
            de.apply(unit, &t, [&t, &pa, &pb], &mut y, rng);
            for (&i, v) in self.numeric.iter().zip(y) {
                child[i] = v;
            }
        }
        self.mutate(&mut child, rng);
        child
    }

    /// Polynomial mutation of the numeric parameters and random reset of the
    /// categorical ones, each with the mutation probability.
    fn mutate(&self, child: &mut [f64], rng: &mut SplitMix64) {
        if let Some(unit) = &self.unit {
            let mut x: Vec<f64> = self.numeric.iter().map(|&i| child[i]).collect();
            let pm = PolynomialMutation {
                eta: 20.0,
                prob: 1.0,
                prob_var: Some(self.mutation_prob),
            };
            pm.apply(unit, &mut x, rng);
            for (&i, v) in self.numeric.iter().zip(x) {
                child[i] = v;
            }
        }
        for &i in &self.categorical {
            if rng.next_f64() < self.mutation_prob {
                child[i] = rng.next_f64();
            }
        }
    }
}
