//! Studies run from the command line: the study file, the objective command, and what
//! surrounds a run (the sampler factory, Ctrl-C, the progress line, reports).
//!
//! - `config`: the study file's shape (serde, unknown keys refused);
//! - `spec`: the file and the flags merged and validated into one run description;
//! - `template`: `{name}` placeholders in the command's arguments;
//! - `command`: running the command for a trial and reading its report;
//! - `sampler`: `make_sampler`, the one place where samplers are wired;
//! - `interrupt`: Ctrl-C handling and the running commands' process groups;
//! - `progress`: the progress line and warnings on standard error;
//! - `report`: the front table, CSV and JSON exports.

pub(crate) mod command;
pub(crate) mod config;
pub(crate) mod interrupt;
pub(crate) mod progress;
pub(crate) mod report;
pub(crate) mod sampler;
pub(crate) mod spec;
pub(crate) mod template;
