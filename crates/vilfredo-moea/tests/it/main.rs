//! Integration tests of vilfredo-moea: one binary, one module per area.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod categorical;
mod common;
mod foreign_state;
mod minimize;
mod moead;
mod more_algorithms;
mod more_fixtures;
mod more_quality;
#[cfg(feature = "serde")]
mod more_state;
mod nsga2;
mod nsga3;
mod operators;
mod quality;
mod stagnation;
#[cfg(feature = "serde")]
mod state;
