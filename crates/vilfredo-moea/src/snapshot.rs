//! The part of an algorithm's state that every algorithm saves alike: space, shape,
//! generator, counters, the population's `X`, `F`, `G` in order, its failed members and
//! the pending batch. Each algorithm's state embeds it (flattened, so the serialized
//! fields stay those of the earlier, separate states) and adds what is its own.

use crate::Space;
use crate::evaluated::Evaluated;
use crate::told::check_finite;
use vilfredo_core::{Error, Result};

/// Space, generator, counters, population and pending batch of a run, as saved in every
/// algorithm's state ([`Nsga2State`](crate::Nsga2State) and the others); serializable
/// with the `serde` feature (use a float-exact format: JSON through `serde_json` with its
/// `float_roundtrip` feature, or a binary one).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RunSnapshot {
    /// Decision space.
    pub space: Space,
    /// Number of objectives.
    pub n_obj: usize,
    /// Number of constraints.
    pub n_constr: usize,
    /// State of the random number generator.
    pub rng_state: u64,
    /// Generations completed.
    pub n_gen: usize,
    /// Evaluations told.
    pub n_eval: usize,
    /// Population decision vectors, row-major.
    pub x: Vec<f64>,
    /// Population objective values, row-major.
    pub f: Vec<f64>,
    /// Population constraint values, row-major.
    pub g: Vec<f64>,
    /// The batch asked and not yet told, row-major, if any.
    pub pending: Option<Vec<f64>>,
    /// Indices of population members whose evaluation failed (see
    /// [`NanPolicy::Infeasible`](crate::NanPolicy::Infeasible)).
    #[cfg_attr(feature = "serde", serde(default))]
    pub failed: Vec<usize>,
}

impl RunSnapshot {
    /// The population of `expected_n` members the snapshot holds, checking that the
    /// buffers hold whole rows, that every decision vector (also of the pending batch)
    /// lies in the space, and that every value is finite. Ranks and other derived values
    /// are left to the caller.
    ///
    /// # Errors
    /// [`Error::DimensionMismatch`], [`Error::InvalidArgument`] or [`Error::NonFinite`]
    /// naming what is wrong.
    pub(crate) fn population(&self, expected_n: usize) -> Result<Evaluated> {
        let (nv, n_obj, n_constr) = (self.space.n_var(), self.n_obj, self.n_constr);
        for (what, expected, found) in [
            ("state population size", expected_n, self.f.len() / n_obj),
            ("state objectives", expected_n * n_obj, self.f.len()),
            ("state decision vectors", expected_n * nv, self.x.len()),
            ("state constraints", expected_n * n_constr, self.g.len()),
        ] {
            if expected != found {
                return Err(Error::DimensionMismatch {
                    what,
                    expected,
                    found,
                });
            }
        }
        let inside = |x: &[f64]| {
            x.len().is_multiple_of(nv) && x.chunks_exact(nv).all(|row| self.space.contains(row))
        };
        if !inside(&self.x) || !self.pending.as_deref().is_none_or(inside) {
            return Err(Error::InvalidArgument {
                name: "state",
                reason: "a decision vector lies outside the space".into(),
            });
        }
        // Failed evaluations are stored as finite stand-ins, so every value is finite.
        check_finite("state objectives", &self.f, n_obj)?;
        check_finite("state constraints", &self.g, n_constr.max(1))?;
        let mut pop = Evaluated::new(nv, n_obj, n_constr);
        pop.extend(&self.x, &self.f, &self.g);
        for &i in &self.failed {
            if i >= expected_n {
                return Err(Error::InvalidArgument {
                    name: "state",
                    reason: format!("failed member {i} is beyond the population of {expected_n}"),
                });
            }
            pop.mark_failed(i);
        }
        Ok(pop)
    }
}

/// Lets every state read and write the fields of its [`RunSnapshot`] directly
/// (`state.pending`, `state.space`, …), as when each state held them itself.
macro_rules! run_fields_of {
    ($($state:ty),*) => {
        $(
            impl std::ops::Deref for $state {
                type Target = RunSnapshot;
                fn deref(&self) -> &RunSnapshot {
                    &self.run
                }
            }

            impl std::ops::DerefMut for $state {
                fn deref_mut(&mut self) -> &mut RunSnapshot {
                    &mut self.run
                }
            }
        )*
    };
}

run_fields_of!(
    crate::Nsga2State,
    crate::Nsga3State,
    crate::MoeadState,
    crate::SmsEmoaState,
    crate::Spea2State,
    crate::RNsga2State
);
