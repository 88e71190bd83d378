//! Integration tests of vilfredo-pareto: one binary, one module per area.
mod fixtures;

mod sort;
mod hypervolume;
mod approximate;
mod contributions;
mod indicator;
mod scalarize;
