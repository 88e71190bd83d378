//! Integration tests of vilfredo-pareto: one binary, one module per area.
mod fixtures;

mod approximate;
mod contributions;
mod hypervolume;
mod indicator;
mod scalarize;
mod sort;
