//! Simulated binary crossover (SBX): Deb & Agrawal (1995), "Simulated binary crossover
//! for continuous search space", Complex Systems 9(2), in its bounded form (Deb & Beyer
//! 2001; the variant of Deb's NSGA-II code, also used by pymoo).
//!
//! For a variable where the parents differ, with `y1 < y2` and `Δ = y2 − y1`, one
//! uniform `u` gives two children `½(y1 + y2) ∓ βq Δ`. The spread factor `βq` follows a
//! polynomial distribution of index `η` whose tails are cut at the bounds: for the lower
//! child `β = 1 + 2(y1 − lower)/Δ`, `α = 2 − β^−(η+1)`, and
//! `βq = (uα)^(1/(η+1))` when `uα ≤ 1`, else `(1/(2 − uα))^(1/(η+1))`; the upper child
//! uses `β = 1 + 2(upper − y2)/Δ`. Children are clamped to the bounds against rounding,
//! and with probability `prob_swap` the two children trade this variable.

use super::coin::Coin;
use super::power::Power;
use super::{check_eta, check_probability};
use crate::Space;
use vilfredo_core::Result;
use vilfredo_core::rng::SplitMix64;

/// Parents closer than this in a variable are not crossed there (`Δ` would vanish).
const EPS: f64 = 1e-14;

/// SBX settings; the default is pymoo's (`η = 15`, probability 0.9 per mating, 0.5 per
/// variable, children swapped with probability 0.5).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sbx {
    /// Distribution index `η`: larger values keep children closer to their parents.
    pub eta: f64,
    /// Probability that a pair of parents is crossed at all.
    pub prob: f64,
    /// Probability that a given variable is crossed, when the pair is.
    pub prob_var: f64,
    /// Probability that the two children exchange a crossed variable.
    pub prob_swap: f64,
}

impl Default for Sbx {
    fn default() -> Self {
        Self {
            eta: 15.0,
            prob: 0.9,
            prob_var: 0.5,
            prob_swap: 0.5,
        }
    }
}

impl Sbx {
    /// Checks the settings.
    ///
    /// # Errors
    /// [`vilfredo_core::Error::InvalidArgument`] for a probability outside `[0, 1]` or a
    /// negative or non-finite `η`.
    pub fn validate(&self) -> Result<()> {
        check_eta("crossover.eta", self.eta)?;
        check_probability("crossover.prob", self.prob)?;
        check_probability("crossover.prob_var", self.prob_var)?;
        check_probability("crossover.prob_swap", self.prob_swap)
    }

    /// Crosses the real and integer variables of `c1` and `c2`, which hold copies of the
    /// two parents on entry and the children on return; other variables are left as they
    /// are. All rows have `space.n_var()` values within bounds.
    pub fn apply(&self, space: &Space, c1: &mut [f64], c2: &mut [f64], rng: &mut SplitMix64) {
        self.apply_with(space, c1, c2, rng, &mut SbxBlock::default());
    }

    /// [`Sbx::apply`] with the block buffer supplied by the caller, so that a loop over
    /// many pairs does not set up a new one each time (its contents do not matter).
    pub(crate) fn apply_with(
        &self,
        space: &Space,
        c1: &mut [f64],
        c2: &mut [f64],
        rng: &mut SplitMix64,
        block: &mut SbxBlock,
    ) {
        block.len = 0;
        if rng.next_f64() >= self.prob {
            return;
        }
        let power = Power::new(self.eta + 1.0);
        // Two passes over blocks of variables: the first makes every random decision in
        // the order of the definition (which variables are crossed, their `u`, the
        // swaps), the second does the arithmetic of the block without a branch. The
        // draws never depend on the arithmetic, so the results are those of a single
        // pass, but the roots and divisions of different variables now overlap instead
        // of waiting behind mispredicted coin flips.
        let cross = Coin::not_at_least(self.prob_var);
        let swap_coin = Coin::new(self.prob_swap);
        // Rows shorter than the space are crossed up to their length, never indexed past it.
        for i in 0..space.n_var().min(c1.len()).min(c2.len()) {
            if !space.types()[i].is_numeric() || !cross.flip(rng) {
                continue;
            }
            let (lo, hi) = (space.lower()[i], space.upper()[i]);
            let (p1, p2) = (c1[i], c2[i]);
            if (p1 - p2).abs() <= EPS || lo >= hi {
                continue;
            }
            let u = rng.next_f64();
            let swap = swap_coin.flip(rng);
            // The child near a parent goes to that parent's row unless swapped.
            block.push(i, p1, p2, lo, hi, u, (p1 < p2) != swap);
            if block.len == BLOCK {
                block.flush(&power, c1, c2);
            }
        }
        block.flush(&power, c1, c2);
    }
}

/// Variables crossed per block of the second pass.
const BLOCK: usize = 32;

/// The crossed variables of one block, as columns.
#[derive(Debug, Clone)]
pub(crate) struct SbxBlock {
    len: usize,
    var: [usize; BLOCK],
    y1: [f64; BLOCK],
    y2: [f64; BLOCK],
    lo: [f64; BLOCK],
    hi: [f64; BLOCK],
    u: [f64; BLOCK],
    /// Whether the lower child goes to `c1`.
    low_first: [bool; BLOCK],
    arg: [f64; 2 * BLOCK],
    low: [f64; BLOCK],
    high: [f64; BLOCK],
}

impl Default for SbxBlock {
    fn default() -> Self {
        Self {
            len: 0,
            var: [0; BLOCK],
            y1: [0.0; BLOCK],
            y2: [0.0; BLOCK],
            lo: [0.0; BLOCK],
            hi: [0.0; BLOCK],
            u: [0.0; BLOCK],
            low_first: [false; BLOCK],
            arg: [0.0; 2 * BLOCK],
            low: [0.0; BLOCK],
            high: [0.0; BLOCK],
        }
    }
}

impl SbxBlock {
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn push(&mut self, i: usize, p1: f64, p2: f64, lo: f64, hi: f64, u: f64, low_first: bool) {
        let k = self.len;
        self.var[k] = i;
        (self.y1[k], self.y2[k]) = if p1 < p2 { (p1, p2) } else { (p2, p1) };
        self.lo[k] = lo;
        self.hi[k] = hi;
        self.u[k] = u;
        self.low_first[k] = low_first;
        self.len += 1;
    }

    /// Computes the children of the block's variables, writes them and empties the block.
    fn flush(&mut self, power: &Power, c1: &mut [f64], c2: &mut [f64]) {
        if power.is_sixteen() {
            // pymoo's default `η = 15`: the same operations as the general case, inlined
            // so that the block loop vectorises.
            self.children(|x| power.pow16(x), Power::root16_all);
        } else {
            self.children(
                |x| power.pow(x),
                |a: &mut [f64]| a.iter_mut().for_each(|x| *x = power.root(*x)),
            );
        }
        for k in 0..self.len {
            let (a, b) = if self.low_first[k] {
                (self.low[k], self.high[k])
            } else {
                (self.high[k], self.low[k])
            };
            c1[self.var[k]] = a;
            c2[self.var[k]] = b;
        }
        self.len = 0;
    }

    /// The arithmetic in three loops of independent iterations (arguments of the roots,
    /// the roots, the children), so that each vectorises; the operations and their
    /// order per variable are exactly those of the definition.
    #[inline(always)]
    fn children(&mut self, pow: impl Fn(f64) -> f64, roots: impl Fn(&mut [f64])) {
        let n = self.len;
        // `arg[2k]` and `arg[2k + 1]`: the root arguments of the lower and upper child.
        for k in 0..n {
            let (y1, y2, lo, hi, u) = (self.y1[k], self.y2[k], self.lo[k], self.hi[k], self.u[k]);
            let delta = y2 - y1;
            let arg = |beta: f64| {
                let alpha = 2.0 - 1.0 / pow(beta);
                // `u ≤ 1/α` written as `uα ≤ 1` (α ≥ 1), as a select.
                let ua = u * alpha;
                if ua <= 1.0 { ua } else { 1.0 / (2.0 - ua) }
            };
            self.arg[2 * k] = arg(1.0 + 2.0 * (y1 - lo) / delta);
            self.arg[2 * k + 1] = arg(1.0 + 2.0 * (hi - y2) / delta);
        }
        roots(&mut self.arg[..2 * n]);
        for k in 0..n {
            let (y1, y2, lo, hi) = (self.y1[k], self.y2[k], self.lo[k], self.hi[k]);
            let delta = y2 - y1;
            let low = 0.5 * ((y1 + y2) - self.arg[2 * k] * delta);
            let high = 0.5 * ((y1 + y2) + self.arg[2 * k + 1] * delta);
            self.low[k] = low.clamp(lo, hi);
            self.high[k] = high.clamp(lo, hi);
        }
    }
}
