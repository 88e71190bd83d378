//! What the Python ask/tell classes need of an algorithm beyond [`Run`]: its population
//! size and its snapshot as JSON, to save a run and to continue it bit for bit.
//!
//! Every algorithm of `vilfredo-moea` has a serde state embedding a [`RunSnapshot`];
//! one macro states that uniformly for the six of them, so the Python classes share one
//! implementation ([`crate::ask_tell`]) rather than one copy each.

use crate::minimize::Run;
use vilfredo_moea::{
    Moead, MoeadState, Nsga2, Nsga2State, Nsga3, Nsga3State, RNsga2, RNsga2State, RunSnapshot,
    SmsEmoa, SmsEmoaState, Spea2, Spea2State,
};

/// An algorithm a Python ask/tell object drives (object safe, so one Python base class
/// holds any of them).
pub(crate) trait Driven: Run + Sync {
    /// Individuals kept from one generation to the next (the archive for SPEA2 is its
    /// own setting).
    fn pop_size(&self) -> usize;

    /// The JSON snapshot of the run (`serde_json` with `float_roundtrip`: every bit
    /// survives).
    fn to_json(&self) -> serde_json::Result<String>;
}

/// A [`Driven`] algorithm that can be rebuilt from its snapshot.
pub(crate) trait Resumable: Driven + Sized + 'static {
    /// The algorithm's serde state.
    type State: std::ops::Deref<Target = RunSnapshot> + Send;

    /// Parses a snapshot made by [`Driven::to_json`].
    fn parse(json: &str) -> serde_json::Result<Self::State>;

    /// Continues the run a parsed snapshot holds (checking it).
    fn resume(state: Self::State) -> vilfredo_core::Result<Self>;
}

/// Implements [`Driven`] and [`Resumable`] for algorithms with `state()`/`from_state`,
/// given the state type and how to read the population size.
macro_rules! resumable {
    ($($alg:ident($state:ident): |$a:ident| $pop_size:expr;)*) => {$(
        impl Driven for $alg {
            fn pop_size(&self) -> usize {
                let $a = self;
                $pop_size
            }

            fn to_json(&self) -> serde_json::Result<String> {
                serde_json::to_string(&self.state())
            }
        }

        impl Resumable for $alg {
            type State = $state;

            fn parse(json: &str) -> serde_json::Result<$state> {
                serde_json::from_str(json)
            }

            fn resume(state: $state) -> vilfredo_core::Result<Self> {
                $alg::from_state(state)
            }
        }
    )*};
}

resumable! {
    Nsga2(Nsga2State): |a| a.config().pop_size;
    Nsga3(Nsga3State): |a| a.pop_size();
    Moead(MoeadState): |a| a.pop_size();
    SmsEmoa(SmsEmoaState): |a| a.config().pop_size;
    Spea2(Spea2State): |a| a.config().pop_size;
    RNsga2(RNsga2State): |a| a.config().nsga2.pop_size;
}
