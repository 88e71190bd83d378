//! Studies: define-by-run trials asked for and told back, kept in a shared storage.
//!
//! The vocabulary follows Optuna's, so its users already know it: a [`Study`] hands out
//! [`Trial`]s with [`Study::ask`]; the objective asks each trial for parameter values as
//! it needs them (`suggest_float`, `suggest_int`, `suggest_categorical`), so the search
//! space may branch; [`Study::tell`] records the outcome. [`Study::optimize`] is a thin
//! loop over the two. Trials live in a [`Storage`] (here [`InMemoryStorage`]; SQLite and
//! PostgreSQL in `vilfredo-storage`) that many workers may share; a [`Sampler`] chooses
//! the values ([`RandomSampler`], the quasi-random [`SobolSampler`] and [`LhsSampler`],
//! and the steady-state evolutionary [`Nsga2Sampler`], [`Nsga3Sampler`] and [`MoeadSampler`]). The study keeps its Pareto front and hypervolume up to date one trial at
//! a time ([`History`]), so asking and reading the front stay fast at 100,000 trials.
//!
//! Values are stored as the user reports them; a maximised direction is turned into
//! minimisation only inside, when fronts are computed.
//!
//! # Example
//!
//! ```
//! use std::sync::Arc;
//! use vilfredo_core::Direction;
//! use vilfredo_study::{InMemoryStorage, OptimizeOptions, RandomSampler, Study};
//!
//! let study = Study::create(
//!     Arc::new(InMemoryStorage::new()),
//!     Some("demo"),
//!     &[Direction::Minimize, Direction::Minimize],
//!     Box::new(RandomSampler::new(1)),
//!     false,
//! )?;
//! let options = OptimizeOptions { n_trials: Some(50), ..OptimizeOptions::default() };
//! study.optimize(
//!     |trial| {
//!         let x = trial.suggest_float("x", 0.0, 1.0)?;
//!         let y = trial.suggest_float("y", 0.0, 1.0)?;
//!         Ok(vec![x, (1.0 + y) * (1.0 - x.sqrt())])
//!     },
//!     &options,
//!     None,
//! )?;
//! assert!(!study.best_trials()?.is_empty());
//! # Ok::<(), vilfredo_study::Error>(())
//! ```

#![deny(missing_docs)]

pub mod distribution;
mod error;
mod frozen;
mod history;
pub mod sampler;
pub mod storage;
mod study;
mod trial;

pub use distribution::{Choice, Distribution, ParamValue};
pub use error::{Error, Result};
pub use frozen::{
    FrozenTrial, StudyId, StudyInfo, StudySummary, Timestamp, TrialId, TrialParam, TrialState, now,
};
pub use history::History;
pub use sampler::{
    Crossover, LhsSampler, MoeadOptions, MoeadSampler, Nsga2Sampler, Nsga3Sampler, NsgaOptions,
    RandomSampler, Sampler, SamplerContext, SobolSampler,
};
pub use storage::{AttrKind, FinishedSince, InMemoryStorage, Storage};
pub use study::{Heartbeat, OptimizeOptions, Outcome, Study, TrialError};
pub use trial::Trial;
pub use vilfredo_core::Direction;

/// Lets an objective use `?` on study calls: an [`Error`] fails the trial with its
/// message.
impl From<Error> for TrialError {
    fn from(e: Error) -> Self {
        TrialError::Failed(e.to_string())
    }
}
