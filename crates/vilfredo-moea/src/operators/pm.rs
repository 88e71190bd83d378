//! Polynomial mutation: Deb & Goyal (1996), "A combined genetic adaptive search (GeneAS)
//! for engineering design", Computer Science and Informatics 26(4), in the bounded form
//! of Deb's NSGA-II code (also pymoo's `PM`).
//!
//! A mutated variable `y` in `[lower, upper]` moves by `δq (upper − lower)` where, with
//! `δ1 = (y − lower)/(upper − lower)`, `δ2 = (upper − y)/(upper − lower)`, a uniform `u`
//! and `p = 1/(η + 1)`:
//! `δq = (2u + (1 − 2u)(1 − δ1)^(η+1))^p − 1` when `u ≤ ½`, and
//! `δq = 1 − (2(1 − u) + 2(u − ½)(1 − δ2)^(η+1))^p` otherwise,
//! so the move never leaves the box (the result is clamped against rounding).

use super::coin::Coin;
use super::power::Power;
use super::{check_eta, check_probability};
use crate::Space;
use vilfredo_core::Result;
use vilfredo_core::rng::SplitMix64;

/// Polynomial mutation settings; the default mutates every individual with `η = 20`
/// and each variable with probability `1/n_var`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PolynomialMutation {
    /// Distribution index `η`: larger values make smaller moves.
    pub eta: f64,
    /// Probability that an individual is mutated at all.
    pub prob: f64,
    /// Probability that a given variable is mutated; `None` means `1/n_var`.
    pub prob_var: Option<f64>,
}

impl Default for PolynomialMutation {
    fn default() -> Self {
        Self {
            eta: 20.0,
            prob: 1.0,
            prob_var: None,
        }
    }
}

impl PolynomialMutation {
    /// Checks the settings.
    ///
    /// # Errors
    /// [`vilfredo_core::Error::InvalidArgument`] for a probability outside `[0, 1]` or a negative or
    /// non-finite `η`.
    pub fn validate(&self) -> Result<()> {
        check_eta("mutation.eta", self.eta)?;
        check_probability("mutation.prob", self.prob)?;
        match self.prob_var {
            Some(p) => check_probability("mutation.prob_var", p),
            None => Ok(()),
        }
    }

    /// Mutates the real and integer variables of `x` in place (other variables are left
    /// as they are); `x` has `space.n_var()` values within bounds.
    pub fn apply(&self, space: &Space, x: &mut [f64], rng: &mut SplitMix64) {
        if rng.next_f64() >= self.prob {
            return;
        }
        let n = space.n_var();
        let mutate = Coin::not_at_least(self.prob_var.unwrap_or(1.0 / n as f64));
        let power = Power::new(self.eta + 1.0);
        for (i, x) in x.iter_mut().enumerate().take(n) {
            if !space.types()[i].is_numeric() || !mutate.flip(rng) {
                continue;
            }
            let (lo, hi) = (space.lower()[i], space.upper()[i]);
            if lo >= hi {
                continue;
            }
            let range = hi - lo;
            let y = *x;
            let u = rng.next_f64();
            let dq = if u <= 0.5 {
                let d1 = (y - lo) / range;
                let val = 2.0 * u + (1.0 - 2.0 * u) * power.pow(1.0 - d1);
                power.root(val) - 1.0
            } else {
                let d2 = (hi - y) / range;
                let val = 2.0 * (1.0 - u) + 2.0 * (u - 0.5) * power.pow(1.0 - d2);
                1.0 - power.root(val)
            };
            *x = (y + dq * range).clamp(lo, hi);
        }
    }
}
