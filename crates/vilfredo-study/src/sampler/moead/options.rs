//! The options of [`MoeadSampler`](super::MoeadSampler) and their validation.

use vilfredo_moea::operators::DifferentialEvolution;
use vilfredo_moea::{Decomposition, MoeadVariation};

use crate::error::{Result, invalid};

/// The decompositions by name, as the front doors spell them.
pub const DECOMPOSITIONS: &[&str] = &["tchebycheff", "pbi"];

/// Options of [`MoeadSampler`](super::MoeadSampler); the defaults are the batch
/// [`vilfredo_moea::Moead`]'s (`T = 20`, `δ = 0.9`, `n_r = 2`, Tchebycheff, SBX with
/// `η = 20`, DE with `F = 0.5`, `CR = 1`).
#[derive(Debug, Clone, PartialEq)]
pub struct MoeadOptions {
    /// Partitions of Das & Dennis's simplex lattice (1998, SIAM J. Optim. 8(3)); `None`
    /// means the fewest giving at least 100 weight vectors. Ignored when `weights` are
    /// given.
    pub n_partitions: Option<usize>,
    /// Weight vectors given explicitly: row-major values and the number of columns
    /// (which must equal the study's number of objectives).
    pub weights: Option<(Vec<f64>, usize)>,
    /// Neighbourhood size `T` (itself included): at least 2 (3 for DE), at most the
    /// number of weight vectors.
    pub n_neighbors: usize,
    /// Probability `δ` that a child's parents, and the incumbents it may replace, come
    /// from its subproblem's neighbourhood rather than from all subproblems.
    pub prob_neighbor_mating: f64,
    /// Most incumbents one trial may replace (`n_r`, at least 1).
    pub max_replacements: usize,
    /// The scalarizing function of the subproblems.
    pub decomposition: Decomposition,
    /// SBX and polynomial mutation, or MOEA/D-DE's DE/rand/1/bin.
    pub variation: MoeadVariation,
    /// SBX's distribution index.
    pub crossover_eta: f64,
    /// DE's scale factor and crossover rate.
    pub de: DifferentialEvolution,
    /// Probability that each parameter is mutated; `None` means `1 / n_params`.
    pub mutation_prob: Option<f64>,
    /// Seed of every random choice.
    pub seed: u64,
    /// How many bred children may be rejected as duplicates before random vectors are
    /// tried (eight times as many).
    pub max_retries: usize,
}

impl Default for MoeadOptions {
    fn default() -> Self {
        Self {
            n_partitions: None,
            weights: None,
            n_neighbors: 20,
            prob_neighbor_mating: 0.9,
            max_replacements: 2,
            decomposition: Decomposition::Tchebycheff,
            variation: MoeadVariation::Sbx,
            crossover_eta: 20.0,
            de: DifferentialEvolution { f: 0.5, cr: 1.0 },
            mutation_prob: None,
            seed: 0,
            max_retries: 16,
        }
    }
}

impl MoeadOptions {
    /// The decomposition called `name` (`"tchebycheff"` or `"pbi"`, any case), PBI with
    /// penalty `theta` (Zhang & Li use 5).
    ///
    /// # Errors
    /// `Invalid` for another name.
    pub fn decomposition_named(name: &str, theta: f64) -> Result<Decomposition> {
        match name.trim().to_ascii_lowercase().as_str() {
            "tchebycheff" | "tchebychev" | "chebyshev" => Ok(Decomposition::Tchebycheff),
            "pbi" => Ok(Decomposition::Pbi { theta }),
            _ => Err(invalid(
                "decomposition",
                format!(
                    "unknown decomposition {name:?}; valid: {}",
                    DECOMPOSITIONS.join(", ")
                ),
            )),
        }
    }

    /// The fewest neighbours the variation needs (two parents, or DE's target and two).
    pub(crate) fn least_neighbors(&self) -> usize {
        match self.variation {
            MoeadVariation::Sbx => 2,
            MoeadVariation::De => 3,
        }
    }

    /// Checks every option that does not depend on the number of objectives.
    pub(crate) fn validate(&self) -> Result<()> {
        let least = self.least_neighbors();
        if self.n_neighbors < least {
            return Err(invalid(
                "n_neighbors",
                format!(
                    "a neighbourhood must hold at least {least} subproblems for {:?} \
                     variation, got {}",
                    self.variation, self.n_neighbors
                ),
            ));
        }
        if self.max_replacements == 0 {
            return Err(invalid(
                "max_replacements",
                "a trial must be allowed to replace at least 1 incumbent",
            ));
        }
        let probability = |name: &'static str, p: f64| {
            if (0.0..=1.0).contains(&p) {
                Ok(())
            } else {
                Err(invalid(
                    name,
                    format!("a probability is in [0, 1], got {p}"),
                ))
            }
        };
        probability("prob_neighbor_mating", self.prob_neighbor_mating)?;
        if let Some(p) = self.mutation_prob {
            probability("mutation_prob", p)?;
        }
        if !(self.crossover_eta.is_finite() && self.crossover_eta >= 0.0) {
            return Err(invalid(
                "crossover_eta",
                format!(
                    "SBX's eta must be finite and ≥ 0, got {}",
                    self.crossover_eta
                ),
            ));
        }
        if self.n_partitions == Some(0) && self.weights.is_none() {
            return Err(invalid(
                "n_partitions",
                "needs at least 1 partition (0 gives a single weight vector)",
            ));
        }
        self.decomposition.scalarization()?;
        self.de.validate()?;
        Ok(())
    }
}
