//! Making offspring, shared by every algorithm: the variation operators and their one
//! mating step (SBX and polynomial mutation, uniform crossover and bit flip for binary
//! variables, random reset for categorical ones, repair), and the loops that redraw
//! duplicates, for parents chosen by binary tournament (NSGA-II, R-NSGA-II, NSGA-III) or
//! by a caller's rule (SMS-EMOA, SPEA2).

use crate::Space;
use crate::operators::{
    BitFlip, Competitors, DuplicateFilter, PolynomialMutation, RandomReset, Sbx, SbxBlock,
    UniformCrossover, binary_tournament, dominance_tournament, hash_row, random_sample, repair,
};
use vilfredo_core::Result;
use vilfredo_core::rng::SplitMix64;

/// How many rounds of mating (or draws per initial vector) may be spent replacing
/// duplicates before the remaining duplicates are accepted (as NSGA-II and pymoo).
const MAX_ATTEMPTS: usize = 100;

/// The variation operators of an algorithm.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Operators {
    pub crossover: Sbx,
    pub mutation: PolynomialMutation,
    pub binary_crossover: UniformCrossover,
    pub binary_mutation: BitFlip,
    pub categorical_mutation: RandomReset,
    pub eliminate_duplicates: bool,
}

impl Operators {
    /// Checks every operator's settings.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`](vilfredo_core::Error::InvalidArgument) naming the first
    /// bad option.
    pub fn validate(&self) -> Result<()> {
        self.crossover.validate()?;
        self.mutation.validate()?;
        self.binary_crossover.validate()?;
        self.binary_mutation.validate()?;
        self.categorical_mutation.validate()
    }

    /// Turns the parents in `c1` and `c2` into two children: crossover (SBX for real and
    /// integer variables, uniform for binary and categorical ones), then each child
    /// mutated and repaired into the space. The random numbers are drawn in this order
    /// in every algorithm, which keeps their runs as they were.
    pub fn mate(
        &self,
        space: &Space,
        c1: &mut [f64],
        c2: &mut [f64],
        rng: &mut SplitMix64,
        sbx: &mut SbxBlock,
    ) {
        self.crossover.apply_with(space, c1, c2, rng, sbx);
        self.binary_crossover.apply(space, c1, c2, rng);
        for c in [c1, c2] {
            self.mutation.apply(space, c, rng);
            self.binary_mutation.apply(space, c, rng);
            self.categorical_mutation.apply(space, c, rng);
            repair(space, c);
        }
    }
}

/// The [`Operators`] of a configuration whose operator fields bear the usual names
/// (`crossover`, `mutation`, `binary_crossover`, `binary_mutation`,
/// `categorical_mutation`), with `eliminate_duplicates` as given.
macro_rules! operators_of {
    ($config:expr, $eliminate_duplicates:expr) => {
        $crate::mating::Operators {
            crossover: $config.crossover,
            mutation: $config.mutation,
            binary_crossover: $config.binary_crossover,
            binary_mutation: $config.binary_mutation,
            categorical_mutation: $config.categorical_mutation,
            eliminate_duplicates: $eliminate_duplicates,
        }
    };
}
pub(crate) use operators_of;

/// Where the parents of each pair come from.
pub(crate) enum Parents<'a> {
    /// Binary tournament (with a permutation, as in NSGA-II) on the keys (rank, then the
    /// larger second key), all parents of a round drawn before any crossover.
    Tournament(&'a [usize], &'a [f64]),
    /// Binary tournament by violation, then dominance, then crowding distance (NSGA-II as
    /// in Deb's code), all parents of a round drawn before any crossover.
    Dominance(Competitors<'a>),
    /// A caller's rule, drawing the two parents of each pair just before its crossover.
    Drawn(&'a mut dyn FnMut(&mut SplitMix64) -> (usize, usize)),
}

/// Scratch buffers of mating, reused from one batch to the next.
#[derive(Debug, Clone, Default)]
pub(crate) struct Mating {
    pub dup: DuplicateFilter,
    pub perm: Vec<u32>,
    pub winners: Vec<usize>,
    pub c1: Vec<f64>,
    pub c2: Vec<f64>,
    sbx: SbxBlock,
}

impl Mating {
    /// Fills `out` with `n` random vectors of `space`, redrawing duplicates (for up to
    /// [`MAX_ATTEMPTS`] draws per vector); the hash of each vector kept is pushed to
    /// `hashes` when given and duplicates are eliminated.
    pub fn initial(
        &mut self,
        space: &Space,
        ops: &Operators,
        n: usize,
        rng: &mut SplitMix64,
        out: &mut Vec<f64>,
        mut hashes: Option<&mut Vec<u64>>,
    ) {
        let nv = space.n_var();
        out.clear();
        self.dup.reset(nv);
        self.c1.resize(nv, 0.0);
        let mut draws = 0;
        while out.len() < n * nv {
            random_sample(space, &mut self.c1, rng);
            draws += 1;
            if !ops.eliminate_duplicates {
                out.extend_from_slice(&self.c1);
                continue;
            }
            let h = hash_row(&self.c1);
            if self.dup.insert_hashed(&self.c1, h) || draws > MAX_ATTEMPTS * n {
                out.extend_from_slice(&self.c1);
                if let Some(hashes) = hashes.as_deref_mut() {
                    hashes.push(h);
                }
            }
        }
    }

    /// Fills `out` with `n` offspring of the population `pop_x` (row-major), parents
    /// drawn by `parents`, duplicates of the population and of each other redrawn (see
    /// [`Mating::breed`]).
    // Each argument is a distinct input of the one step; bundling them would only hide it.
    #[allow(clippy::too_many_arguments)]
    pub fn offspring(
        &mut self,
        space: &Space,
        ops: &Operators,
        pop_x: &[f64],
        n: usize,
        rng: &mut SplitMix64,
        mut parents: impl FnMut(&mut SplitMix64) -> (usize, usize),
        out: &mut Vec<f64>,
    ) {
        let nv = space.n_var();
        out.clear();
        if ops.eliminate_duplicates {
            self.dup.reset(nv);
            for row in pop_x.chunks_exact(nv) {
                self.dup.insert_hashed(row, hash_row(row));
            }
        }
        let parents = Parents::Drawn(&mut parents);
        self.breed(space, ops, pop_x, parents, n, rng, out, None);
    }

    /// Appends offspring of the population `pop_x` (row-major) to `out` until it holds
    /// `n`: each round takes the parents of the pairs still needed from `parents`, and
    /// each pair gives two children by [`Operators::mate`]; the second child of the last
    /// pair is dropped when `n` is odd. With duplicates eliminated, `dup` must already
    /// hold the population, children equal to it or to an earlier child are redrawn for
    /// up to [`MAX_ATTEMPTS`] rounds, and the hash of each child kept is pushed to
    /// `hashes` when given.
    // Each argument is a distinct input of the one step; bundling them would only hide it.
    #[allow(clippy::too_many_arguments)]
    pub fn breed(
        &mut self,
        space: &Space,
        ops: &Operators,
        pop_x: &[f64],
        mut parents: Parents<'_>,
        n: usize,
        rng: &mut SplitMix64,
        out: &mut Vec<f64>,
        mut hashes: Option<&mut Vec<u64>>,
    ) {
        let nv = space.n_var();
        self.c1.resize(nv, 0.0);
        self.c2.resize(nv, 0.0);
        for attempt in 0..MAX_ATTEMPTS {
            let need = n - out.len() / nv;
            if need == 0 {
                break;
            }
            let last = attempt + 1 == MAX_ATTEMPTS;
            let pairs = need.div_ceil(2);
            self.winners.clear();
            let (perm, winners) = (&mut self.perm, &mut self.winners);
            match &parents {
                Parents::Tournament(rank, second) => {
                    binary_tournament(rank, second, 2 * pairs, rng, perm, winners);
                }
                Parents::Dominance(c) => dominance_tournament(c, 2 * pairs, rng, perm, winners),
                Parents::Drawn(_) => {}
            }
            for k in 0..pairs {
                let (a, b) = match &mut parents {
                    Parents::Tournament(..) | Parents::Dominance(_) => {
                        (self.winners[2 * k], self.winners[2 * k + 1])
                    }
                    Parents::Drawn(draw) => draw(rng),
                };
                self.c1.copy_from_slice(&pop_x[a * nv..(a + 1) * nv]);
                self.c2.copy_from_slice(&pop_x[b * nv..(b + 1) * nv]);
                ops.mate(space, &mut self.c1, &mut self.c2, rng, &mut self.sbx);
                for c in [&self.c1, &self.c2] {
                    if out.len() == n * nv {
                        break;
                    }
                    if !ops.eliminate_duplicates {
                        out.extend_from_slice(c);
                        continue;
                    }
                    let h = hash_row(c);
                    if self.dup.insert_hashed(c, h) || last {
                        out.extend_from_slice(c);
                        if let Some(hashes) = hashes.as_deref_mut() {
                            hashes.push(h);
                        }
                    }
                }
            }
        }
    }
}
