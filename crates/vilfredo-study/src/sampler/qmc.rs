//! Quasi-random samplers: a Sobol' sequence and Latin hypercubes over the search space.
//!
//! Low-discrepancy points cover a box more evenly than independent draws (Sobol' 1967;
//! McKay, Beckman & Conover 1979), which makes them a better start for a search and a
//! better plain search when the budget is small.

use std::collections::HashMap;

use vilfredo_core::design::{Sobol, latin_hypercube};

use super::random::{keyed_unit, name_hash};
use super::{Sampler, SamplerContext};
use crate::distribution::Distribution;
use crate::error::{Result, invalid};
use crate::frozen::{FrozenTrial, TrialState};

/// The parameters of a Sobol' search: names and distributions sorted by name, and the
/// sequence over them.
#[derive(Debug, Clone)]
struct SobolSpace {
    params: Vec<(String, Distribution)>,
    sequence: Option<Sobol>,
}

/// Trial number `k` gets point `k` of a Sobol' sequence (scrambled by default) over the
/// search space, as Optuna's `QMCSampler` does.
///
/// The space is learned from the first complete trial (its parameters, sorted by name);
/// until then, and for parameters outside it (or beyond [`Sobol::MAX_DIM`] of them),
/// values are drawn at random keyed like [`RandomSampler`](super::RandomSampler). Since a
/// value depends only on the seed, the trial number and the name, parallel workers get
/// the same points one worker would.
#[derive(Debug, Clone)]
pub struct SobolSampler {
    seed: u64,
    scramble: bool,
    /// How many of the history's finished trials were looked at for a complete one.
    seen: usize,
    space: Option<SobolSpace>,
}

impl SobolSampler {
    /// A scrambled sequence (linear matrix scramble and digital shift, see [`Sobol`])
    /// fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            seed,
            scramble: true,
            seen: 0,
            space: None,
        }
    }

    /// The plain sequence (equal to scipy's unscrambled one; point 0 is the origin);
    /// `seed` only keys the random draws outside the space.
    pub fn unscrambled(seed: u64) -> Self {
        Self {
            scramble: false,
            ..Self::new(seed)
        }
    }

    fn learn(&mut self, ctx: &SamplerContext<'_>) -> Result<()> {
        if self.space.is_some() {
            return Ok(());
        }
        let finished = ctx.history.finished();
        let first = finished
            .get(self.seen..)
            .unwrap_or(&[])
            .iter()
            .find(|t| t.state == TrialState::Complete);
        self.seen = finished.len();
        let Some(first) = first else { return Ok(()) };
        let mut params: Vec<(String, Distribution)> = first
            .params
            .iter()
            .filter(|p| !p.distribution.is_single())
            .map(|p| (p.name.clone(), p.distribution.clone()))
            .collect();
        params.sort_by(|a, b| a.0.cmp(&b.0));
        params.truncate(Sobol::MAX_DIM);
        let sequence = match params.len() {
            0 => None,
            d if self.scramble => Some(Sobol::scrambled(d, self.seed)?),
            d => Some(Sobol::new(d)?),
        };
        self.space = Some(SobolSpace { params, sequence });
        Ok(())
    }
}

impl Sampler for SobolSampler {
    fn name(&self) -> &str {
        "sobol"
    }

    fn start_trial(&mut self, ctx: &SamplerContext<'_>, _trial: &FrozenTrial) -> Result<()> {
        self.learn(ctx)
    }

    fn sample(
        &mut self,
        _ctx: &SamplerContext<'_>,
        trial: &FrozenTrial,
        name: &str,
        distribution: &Distribution,
    ) -> Result<f64> {
        let quasi = self.space.as_ref().and_then(|s| {
            let d = s
                .params
                .iter()
                .position(|(n, dist)| n == name && dist == distribution)?;
            s.sequence.as_ref()?.coordinate(trial.number, d)
        });
        let u = quasi.unwrap_or_else(|| keyed_unit(self.seed, trial.number, name));
        Ok(distribution.from_unit(u))
    }
}

/// Latin hypercube sampling for a budget of `n` trials (McKay, Beckman & Conover 1979):
/// over trials `0..n`, each parameter puts exactly one value in each of `n` equal strata
/// of its unit scale (log scale for log parameters), at a random place within it.
///
/// Each parameter has its own random permutation of strata, keyed by seed and name, so
/// no search space needs to be learned: define-by-run parameters, parameters that only
/// some trials use (stratified over the trials that use them only when all do) and
/// parallel workers all get the design one worker would. Trials `n..2n` start a fresh,
/// independent hypercube, and so on.
#[derive(Debug, Clone)]
pub struct LhsSampler {
    seed: u64,
    n: usize,
    /// Unit values of the current hypercubes, by (parameter name, block).
    columns: HashMap<(String, u64), Vec<f64>>,
}

impl LhsSampler {
    /// A Latin hypercube of `n` trials per block, fixed by `seed`.
    ///
    /// # Errors
    /// `Invalid` when `n` is 0.
    pub fn new(n: usize, seed: u64) -> Result<Self> {
        if n == 0 {
            return Err(invalid("n", "a Latin hypercube needs at least one trial"));
        }
        Ok(Self {
            seed,
            n,
            columns: HashMap::new(),
        })
    }

    fn column(&mut self, name: &str, block: u64) -> Result<&[f64]> {
        let key = (name.to_owned(), block);
        if !self.columns.contains_key(&key) {
            // Keep the blocks parallel workers may still be in; forget older ones.
            self.columns.retain(|(n, b), _| n != name || b + 1 >= block);
            let seed = self.seed ^ name_hash(name) ^ block.wrapping_mul(0xD1B5_4A32_D192_ED03);
            let col = latin_hypercube(self.n, 1, seed)?;
            self.columns.insert(key.clone(), col);
        }
        Ok(self.columns.get(&key).map_or(&[][..], Vec::as_slice))
    }
}

impl Sampler for LhsSampler {
    fn name(&self) -> &str {
        "lhs"
    }

    fn sample(
        &mut self,
        _ctx: &SamplerContext<'_>,
        trial: &FrozenTrial,
        name: &str,
        distribution: &Distribution,
    ) -> Result<f64> {
        let n = self.n as u64;
        let (block, row) = (trial.number / n, (trial.number % n) as usize);
        let u = self.column(name, block)?.get(row).copied().unwrap_or(0.5);
        Ok(distribution.from_unit(u))
    }
}
