//! Integration tests of vilfredo-pareto: one binary, one module per area.

// Test helpers outside `#[test]` functions unwrap freely, and oracle values are kept with
// every digit the oracle printed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::excessive_precision)]

mod approximate;
mod archive;
mod contributions;
mod fixtures;
mod hypervolume;
mod indicator;
mod scalarize;
mod sort;
