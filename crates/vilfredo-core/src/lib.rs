//! The shared vocabulary of vilfredo.
//!
//! Every other crate speaks in these terms:
//!
//! - [`Points`] and [`PointsView`]: a set of `n` points with `m` objectives, stored row-major
//!   as one contiguous `f64` slice (one point per row), validated once at construction so the
//!   kernels downstream never see NaN, infinities or ragged rows;
//! - [`Direction`]: whether an objective is minimised or maximised (everything is minimised
//!   inside; maximisation is turned around at the front doors);
//! - [`rng`]: value-stable, seeded random numbers;
//! - [`design`]: reference directions and space-filling designs;
//! - [`Problem`]: the batch-evaluation interface between problems and optimisers;
//! - [`Error`]: the typed error every validation returns.
//!
//! This crate does no I/O and starts no threads.

#![deny(missing_docs)]

pub mod design;
mod direction;
mod error;
mod points;
mod problem;
pub mod rng;

pub use direction::Direction;
pub use error::{Error, Result};
pub use points::{Points, PointsView};
pub use problem::{Problem, VarType};
