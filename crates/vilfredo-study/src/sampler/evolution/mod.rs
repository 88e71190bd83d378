//! What the steady-state evolutionary samplers share: finished trials kept as members
//! and the space they share (`member`), breeding on the unit scale of each parameter
//! (`variation`), fingerprints of parameter vectors (`fingerprint`) and the planning of
//! whole children without duplicates (`planner`).

pub(crate) mod fingerprint;
pub(crate) mod member;
pub(crate) mod planner;
pub(crate) mod variation;
