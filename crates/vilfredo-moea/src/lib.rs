//! Evolutionary multi-objective optimisation, with ask/tell as the primitive.
//!
//! An algorithm hands out a batch of decision vectors with [`Algorithm::ask`] and takes
//! their objective (and constraint) values back with [`Algorithm::tell`]; the caller
//! evaluates the batch however it likes (in one call, on a pool, on another machine).
//! [`minimize`] is a thin loop over the two for problems that implement
//! [`vilfredo_core::Problem`], stopped by a [`Termination`]; [`minimize_with`] can
//! evaluate each batch on rayon's thread pool (feature `parallel`, on by default) with
//! results independent of the number of threads.
//!
//! - [`Space`]: the box bounds and types (real, integer, binary) of the variables;
//! - [`operators`]: SBX, polynomial mutation, uniform crossover, bit flip, binary
//!   tournament, random sampling, repair and duplicate detection;
//! - [`Nsga2`]: NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002);
//! - [`SmsEmoa`], [`Spea2`], [`RNsga2`]: SMS-EMOA (Beume, Naujoks & Emmerich 2007),
//!   SPEA2 (Zitzler, Laumanns & Thiele 2001) and R-NSGA-II (Deb & Sundar 2006);
//! - [`Nsga3`]: NSGA-III (Deb & Jain 2014) with user-supplied reference directions;
//! - [`Moead`]: MOEA/D (Zhang & Li 2007) with Tchebycheff or PBI subproblems;
//! - [`Variation`]: offspring made outside the algorithm (for example by another
//!   program), used with [`Nsga2::ask_with`];
//! - [`Nsga2State`]: everything needed to continue a run exactly where it stopped
//!   (serializable with the `serde` feature, on by default); every algorithm's state
//!   embeds a [`RunSnapshot`], the part they all save alike.
//!
//! Everything is minimised; a constraint value `g ≤ 0` is satisfied and `g > 0` is
//! violated by `g`. Results depend only on the inputs and the seed: random numbers come
//! from [`vilfredo_core::rng::SplitMix64`], whose values are fixed by its definition.
//! This crate does no I/O and never panics on user input.
//!
//! # Example
//!
//! An outside evaluator drives NSGA-II one batch at a time:
//!
//! ```
//! use vilfredo_moea::{Algorithm, Nsga2, Nsga2Config, Space};
//!
//! let space = Space::real(vec![0.0; 3], vec![1.0; 3])?;
//! let config = Nsga2Config { pop_size: 20, seed: 7, ..Nsga2Config::default() };
//! let mut nsga2 = Nsga2::new(space, 2, 0, config)?;
//! for _ in 0..30 {
//!     let batch = nsga2.ask()?;
//!     // Evaluate each row however you like; here f = (x0, 1 − x0 + x1 + x2).
//!     let f: Vec<f64> = batch.rows().flat_map(|x| [x[0], 1.0 - x[0] + x[1] + x[2]]).collect();
//!     nsga2.tell(&f, None)?;
//! }
//! let front = nsga2.result();
//! assert!(front.len() > 1);
//! # Ok::<(), vilfredo_moea::Error>(())
//! ```

#![deny(missing_docs)]

mod algorithm;
mod evaluate;
mod evaluated;
mod mating;
mod minimize;
pub mod moead;
mod nsga2;
mod nsga3;
pub mod operators;
mod progress;
mod rnsga2;
mod sms_emoa;
mod snapshot;
mod solutions;
mod space;
mod spea2;
mod stagnation;
mod termination;
mod told;
mod variation;

pub use algorithm::{Algorithm, Batch};
pub use evaluate::{Evaluation, evaluate};
pub use minimize::{MinimizeOptions, minimize, minimize_with};
pub use moead::{Decomposition, Moead, MoeadConfig, MoeadState, MoeadVariation};
pub use nsga2::{NanPolicy, Nsga2, Nsga2Config, Nsga2State, Nsga2WithVariation, TournamentRule};
pub use nsga3::{NormalizationMemory, Nsga3, Nsga3Config, Nsga3State, nsga3_pop_size};
pub use rnsga2::{Normalization, RNsga2, RNsga2Config, RNsga2State};
pub use sms_emoa::{SmsEmoa, SmsEmoaConfig, SmsEmoaState};
pub use snapshot::RunSnapshot;
pub use solutions::Solutions;
pub use space::Space;
pub use spea2::{Spea2, Spea2Config, Spea2State};
pub use stagnation::{HvStagnation, IgdStagnation};
pub use termination::{MaxEvaluations, MaxGenerations, MaxTime, Termination};
pub use variation::{MatingPool, Variation};
pub use vilfredo_core::{Error, Problem, Result, VarType};
