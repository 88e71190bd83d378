//! R-NSGA-II: Deb & Sundar (2006), "Reference point based multi-objective optimization
//! using evolutionary algorithms", GECCO 2006 (also IJCIR 2(3), 2006).
//!
//! NSGA-II whose crowding distance is replaced by a *preference distance*: within each
//! front, a member's best rank by normalised distance to any of the user's reference
//! points, so the population gathers near the regions the user named; ε-clearing keeps
//! the members of such a region apart. Where the paper is vague (normalisation, the size
//! of the penalty given to cleared members, the order of clearing) this follows pymoo's
//! `RNSGA2` (its option of adding the extreme points as reference points is not
//! offered).

mod preference;
mod state;

pub use state::RNsga2State;

use crate::nsga2::population::Population;
use crate::nsga2::variation::{self, Scratch};
use crate::progress::{Progress, progress_accessors};
use crate::told::check_n_obj;
use crate::{Algorithm, Batch, Nsga2Config, Solutions, Space};
use preference::{Bounds, Preference};
use vilfredo_core::{Error, Problem, Result};

/// How objectives are normalised before distances are measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Normalization {
    /// By the ideal and nadir of the current first front (kept from the previous
    /// generation while the front has a single member); pymoo's default `"front"`.
    #[default]
    Front,
    /// By the ideal and nadir of everything seen so far (pymoo's `"ever"`).
    Ever,
    /// Not at all (pymoo's `"no"`).
    Unit,
}

/// Settings of [`RNsga2`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
// A state of another algorithm must not pass for this one\'s (see `from_state`).
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RNsga2Config {
    /// The NSGA-II settings: population size, seed, variation operators, duplicates and
    /// NaN policy.
    pub nsga2: Nsga2Config,
    /// The user's reference points (aspiration levels), row-major, `n_obj` values each;
    /// at least one.
    pub reference_points: Vec<f64>,
    /// Weight of each objective in the distances (positive, one per objective); `None`
    /// means `1 / n_obj` each.
    pub weights: Option<Vec<f64>>,
    /// Members closer than this (in normalised distance) to a member already kept are
    /// pushed back (≥ 0; pymoo's default 0.001). A larger ε spreads the solutions over a
    /// wider region around each reference point.
    pub epsilon: f64,
    /// How objectives are normalised.
    pub normalization: Normalization,
}

impl RNsga2Config {
    /// Settings with the NSGA-II defaults, ε = 0.001, equal weights and front
    /// normalisation, for these reference points (row-major).
    pub fn new(reference_points: Vec<f64>) -> Self {
        Self {
            nsga2: Nsga2Config::default(),
            reference_points,
            weights: None,
            epsilon: 0.001,
            normalization: Normalization::Front,
        }
    }

    /// Checks every setting against `n_obj` objectives.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the first bad option (reference points that do
    /// not form whole points of `n_obj` values, a negative ε, a weight that is not
    /// positive); [`Error::NonFinite`] for a NaN or infinite reference value or weight;
    /// [`Error::DimensionMismatch`] for weights of the wrong length.
    pub fn validate(&self, n_obj: usize) -> Result<()> {
        check_n_obj(n_obj)?;
        self.nsga2.validate()?;
        let rp = &self.reference_points;
        if rp.is_empty() || !rp.len().is_multiple_of(n_obj) {
            return Err(Error::InvalidArgument {
                name: "reference_points",
                reason: format!(
                    "{} values do not form reference points of {n_obj} objectives (the problem's number); give at least one point",
                    rp.len()
                ),
            });
        }
        if let Some(pos) = rp.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFinite {
                what: "reference points",
                row: pos / n_obj,
                column: pos % n_obj,
                value: rp[pos],
            });
        }
        if let Some(w) = &self.weights {
            if w.len() != n_obj {
                return Err(Error::DimensionMismatch {
                    what: "weights",
                    expected: n_obj,
                    found: w.len(),
                });
            }
            if let Some(j) = w.iter().position(|v| !(v.is_finite() && *v > 0.0)) {
                return Err(Error::InvalidArgument {
                    name: "weights",
                    reason: format!("weight {j} is {}; weights must be finite and > 0", w[j]),
                });
            }
        }
        if !(self.epsilon.is_finite() && self.epsilon >= 0.0) {
            return Err(Error::InvalidArgument {
                name: "epsilon",
                reason: format!("ε must be finite and ≥ 0, got {}", self.epsilon),
            });
        }
        Ok(())
    }
}

/// R-NSGA-II (Deb & Sundar 2006, "Reference point based multi-objective optimization
/// using evolutionary algorithms", GECCO), driven by ask/tell.
///
/// As [`Nsga2`](crate::Nsga2) (the same initial population, binary tournaments, SBX,
/// polynomial mutation, constrained domination), except that survival and tournaments
/// compare members of a front by preference distance instead of crowding distance:
/// a member's best 0-based rank, over the reference points, by the weighted normalised
/// distance `√(m Σⱼ wⱼ ((fⱼ − zⱼ) / (nadirⱼ − idealⱼ))²)`. On the front that survival
/// must split, ε-clearing visits members by increasing preference distance and pushes
/// every unvisited member within ε of a visited one back by half the front size, so one
/// representative of each ε-neighbourhood goes first.
#[derive(Debug, Clone)]
pub struct RNsga2 {
    config: RNsga2Config,
    weights: Vec<f64>,
    run: Progress,
    /// Population; `crowding` holds the negated preference distance, so that NSGA-II's
    /// tournament (larger crowding wins) prefers the smaller preference distance.
    pop: Population,
    bounds: Bounds,
    merged: Population,
    scratch: Scratch,
}

impl RNsga2 {
    /// R-NSGA-II on `space` with `n_obj` objectives and `n_constr` constraints.
    ///
    /// # Errors
    /// As [`RNsga2Config::validate`].
    pub fn new(space: Space, n_obj: usize, n_constr: usize, config: RNsga2Config) -> Result<Self> {
        config.validate(n_obj)?;
        let n_var = space.n_var();
        let weights = config
            .weights
            .clone()
            .unwrap_or_else(|| vec![1.0 / n_obj as f64; n_obj]);
        Ok(Self {
            run: Progress::new(space, config.nsga2.seed),
            config,
            weights,
            pop: Population::new(n_var, n_obj, n_constr),
            bounds: Bounds::unset(n_obj),
            merged: Population::new(n_var, n_obj, n_constr),
            scratch: Scratch::default(),
        })
    }

    /// R-NSGA-II for `problem`: its space, objectives and constraints.
    ///
    /// # Errors
    /// As [`Space::of_problem`] and [`RNsga2::new`].
    pub fn for_problem(problem: &dyn Problem, config: RNsga2Config) -> Result<Self> {
        Self::new(
            Space::of_problem(problem)?,
            problem.n_obj(),
            problem.n_constr(),
            config,
        )
    }

    /// The settings.
    pub fn config(&self) -> &RNsga2Config {
        &self.config
    }

    /// Objective values of the current population, row-major.
    pub fn f(&self) -> &[f64] {
        &self.pop.f
    }

    /// Decision vectors of the current population, row-major.
    pub fn x(&self) -> &[f64] {
        &self.pop.x
    }

    /// Pareto rank (under constrained domination) of each member of the population.
    pub fn ranks(&self) -> &[usize] {
        &self.pop.rank
    }

    /// The preference distance of each member of the population (smaller is better).
    pub fn preference(&self) -> Vec<f64> {
        self.pop.crowding.iter().map(|c| -c).collect()
    }

    /// The current population as [`Solutions`].
    pub fn population(&self) -> Solutions {
        self.pop.select(|_| true)
    }

    /// Survival of `self.merged` down to `n` members into `self.pop`.
    fn survive(&mut self, n: usize) -> Result<()> {
        let rank = self.merged.ranks()?;
        self.bounds
            .update(&self.merged, &rank, self.config.normalization);
        let pref = Preference {
            points: &self.config.reference_points,
            weights: &self.weights,
            epsilon: self.config.epsilon,
        };
        let (chosen, distances) =
            preference::survivors(&self.merged, &rank, n, &pref, &self.bounds.ranges());
        self.pop.keep(&self.merged, &chosen);
        // Whole fronts are kept before the split one, so ranks carry over (as NSGA-II).
        self.pop.rank = chosen.iter().map(|&i| rank[i]).collect();
        self.pop.crowding = distances.iter().map(|d| -d).collect();
        Ok(())
    }
}

impl Algorithm for RNsga2 {
    /// The initial population on the first call, offspring afterwards; asking again
    /// before telling returns the same batch.
    fn ask(&mut self) -> Result<Batch<'_>> {
        let (config, pop, scratch) = (&self.config.nsga2, &self.pop, &mut self.scratch);
        self.run.ask(|space, rng, batch| {
            if pop.len() == 0 {
                variation::initial(space, config, rng, scratch, batch);
            } else {
                // The population changed in survival: hash it afresh.
                scratch.pop_hash.clear();
                variation::offspring(space, config, pop, rng, scratch, batch);
            }
            Ok(())
        })
    }

    /// Takes the values of the pending batch and runs survival.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when no batch is pending; [`Error::DimensionMismatch`]
    /// when `f` or `g` has the wrong size; [`Error::NonFinite`] naming the row and column
    /// of a NaN or infinite value (unless the NaN policy is
    /// [`NanPolicy::Infeasible`](crate::NanPolicy::Infeasible)). On error nothing changes
    /// and the batch stays pending.
    fn tell(&mut self, f: &[f64], g: Option<&[f64]>) -> Result<()> {
        let n = self
            .run
            .check_tell(&self.pop, f, g, self.config.nsga2.nan_policy)?;
        let g = g.unwrap_or(&[]);
        self.merged.merge(&self.pop, &self.run.batch, f, g);
        self.survive(self.config.nsga2.pop_size)?;
        self.run.told(n);
        Ok(())
    }

    progress_accessors!(run, pop);

    /// The members of rank 0 of the population (gathered near the reference points):
    /// the feasible non-dominated ones, or, when none is feasible, those of least total
    /// violation; never a failed evaluation.
    fn result(&self) -> Solutions {
        self.pop
            .select(|i| self.pop.rank[i] == 0 && !self.pop.failed[i])
    }
}
