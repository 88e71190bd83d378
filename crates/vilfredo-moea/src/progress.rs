//! The part of an ask/tell run that every algorithm keeps alike: the space, the random
//! number generator, the counters and the batch handed out and not yet told. Keeping it
//! in one place keeps ask/tell bookkeeping (and the snapshot of it) identical everywhere.

use crate::evaluated::Evaluated;
use crate::snapshot::RunSnapshot;
use crate::told::check_tell;
use crate::{Batch, NanPolicy, Space};
use vilfredo_core::Result;
use vilfredo_core::rng::SplitMix64;

/// Space, generator, counters and pending batch of a run.
#[derive(Debug, Clone)]
pub(crate) struct Progress {
    pub space: Space,
    pub rng: SplitMix64,
    /// Batches told (the initial population is generation 1).
    pub n_gen: usize,
    /// Evaluations told.
    pub n_eval: usize,
    /// The batch handed out by `ask` and not yet told, if `pending`.
    pub batch: Vec<f64>,
    pub pending: bool,
}

impl Progress {
    /// A run on `space` that has not started, its generator seeded with `seed`.
    pub fn new(space: Space, seed: u64) -> Self {
        Self {
            space,
            rng: SplitMix64::new(seed),
            n_gen: 0,
            n_eval: 0,
            batch: Vec::new(),
            pending: false,
        }
    }

    /// Number of variables.
    pub fn n_var(&self) -> usize {
        self.space.n_var()
    }

    /// The batch last made, as `ask` hands it out.
    pub fn batch(&self) -> Batch<'_> {
        Batch::new(&self.batch, self.space.n_var())
    }

    /// The pending batch, made first by `make` (from the space, the generator, and the
    /// emptied or stale batch buffer to fill) when none is pending: asking again before
    /// telling returns the same batch. When `make` fails, nothing is pending.
    pub fn ask(
        &mut self,
        make: impl FnOnce(&Space, &mut SplitMix64, &mut Vec<f64>) -> Result<()>,
    ) -> Result<Batch<'_>> {
        if !self.pending {
            if let Err(e) = make(&self.space, &mut self.rng, &mut self.batch) {
                self.batch.clear();
                return Err(e);
            }
            self.pending = true;
        }
        Ok(self.batch())
    }

    /// Checks a `tell` of `f` and `g` against the pending batch for a population of
    /// `pop`'s shape, and returns the number of rows told (see
    /// [`check_tell`](crate::told::check_tell)).
    pub fn check_tell(
        &self,
        pop: &Evaluated,
        f: &[f64],
        g: Option<&[f64]>,
        nan_policy: NanPolicy,
    ) -> Result<usize> {
        let n = self.batch.len() / self.space.n_var();
        check_tell(self.pending, n, (pop.n_obj, pop.n_constr), f, g, nan_policy)?;
        Ok(n)
    }

    /// Records that the pending batch of `n` rows has been told.
    pub fn told(&mut self, n: usize) {
        self.pending = false;
        self.n_gen += 1;
        self.n_eval += n;
    }

    /// A snapshot of the run with its population `pop`.
    pub fn snapshot(&self, pop: &Evaluated) -> RunSnapshot {
        RunSnapshot {
            space: self.space.clone(),
            n_obj: pop.n_obj,
            n_constr: pop.n_constr,
            rng_state: self.rng.state(),
            n_gen: self.n_gen,
            n_eval: self.n_eval,
            x: pop.x.clone(),
            f: pop.f.clone(),
            g: pop.g.clone(),
            pending: self.pending.then(|| self.batch.clone()),
            failed: pop.failed_indices(),
        }
    }

    /// Takes generator, counters and pending batch from a snapshot (already checked by
    /// [`RunSnapshot::population`]).
    pub fn resume(&mut self, run: RunSnapshot) {
        self.rng = SplitMix64::new(run.rng_state);
        self.n_gen = run.n_gen;
        self.n_eval = run.n_eval;
        self.pending = run.pending.is_some();
        self.batch = run.pending.unwrap_or_default();
    }
}

/// The [`Algorithm`](crate::Algorithm) methods that only report the run's shape and
/// counters, for an algorithm with a [`Progress`] field `$run` and a population `$pop`.
macro_rules! progress_accessors {
    ($run:ident, $pop:ident) => {
        fn n_var(&self) -> usize {
            self.$run.n_var()
        }

        fn n_obj(&self) -> usize {
            self.$pop.n_obj
        }

        fn n_constr(&self) -> usize {
            self.$pop.n_constr
        }

        /// Number of batches told; the initial population is generation 1.
        fn n_gen(&self) -> usize {
            self.$run.n_gen
        }

        fn n_eval(&self) -> usize {
            self.$run.n_eval
        }
    };
}
pub(crate) use progress_accessors;
