//! The population of NSGA-II: decision vectors, objectives, constraints, and the rank
//! and crowding distance that selection compares.

use crate::solutions::violation;
use vilfredo_core::{PointsView, Result};
use vilfredo_pareto::sort::{constrained_pareto_rank, crowding_distance, pareto_rank};

/// Row-major buffers of `len` individuals.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Population {
    pub n_var: usize,
    pub n_obj: usize,
    pub n_constr: usize,
    pub x: Vec<f64>,
    pub f: Vec<f64>,
    pub g: Vec<f64>,
    /// Total constraint violation per individual (`f64::MAX` for a failed evaluation).
    pub cv: Vec<f64>,
    /// Whether the individual's evaluation failed (NaN or infinite values told under
    /// [`NanPolicy::Infeasible`](crate::NanPolicy::Infeasible)).
    pub failed: Vec<bool>,
    /// Pareto rank under constrained domination, from [`Population::assess`].
    pub rank: Vec<usize>,
    /// Crowding distance within the individual's front, from [`Population::assess`].
    pub crowding: Vec<f64>,
}

impl Population {
    pub fn new(n_var: usize, n_obj: usize, n_constr: usize) -> Self {
        Self {
            n_var,
            n_obj,
            n_constr,
            ..Self::default()
        }
    }

    pub fn len(&self) -> usize {
        self.cv.len()
    }

    pub fn clear(&mut self) {
        self.x.clear();
        self.f.clear();
        self.g.clear();
        self.cv.clear();
        self.failed.clear();
        self.rank.clear();
        self.crowding.clear();
    }

    /// Appends the individuals of row-major `x`, `f`, `g` (rank and crowding are left for
    /// [`Population::assess`]).
    ///
    /// A row with a NaN or infinite objective or constraint is a failed evaluation: its
    /// objectives are stored as `f64::MAX`, its non-finite constraints as `f64::MAX`, and
    /// its violation is `f64::MAX`, so it ranks after every evaluated individual.
    pub fn extend(&mut self, x: &[f64], f: &[f64], g: &[f64]) {
        let (no, nc) = (self.n_obj, self.n_constr);
        self.x.extend_from_slice(x);
        for (i, fr) in f.chunks_exact(no).enumerate() {
            let gr = &g[i * nc..(i + 1) * nc];
            let failed = !fr.iter().chain(gr).all(|v| v.is_finite());
            if failed {
                self.f.extend(std::iter::repeat_n(f64::MAX, no));
                self.g
                    .extend(gr.iter().map(|&v| if v.is_finite() { v } else { f64::MAX }));
            } else {
                self.f.extend_from_slice(fr);
                self.g.extend_from_slice(gr);
            }
            self.failed.push(failed);
            self.cv.push(if failed { f64::MAX } else { violation(gr) });
        }
    }

    /// Marks individual `i` as a failed evaluation (used when restoring a state, where
    /// its values are already the finite stand-ins).
    pub fn mark_failed(&mut self, i: usize) {
        self.failed[i] = true;
        self.cv[i] = f64::MAX;
    }

    /// Appends individual `i` of `other`.
    pub fn push_from(&mut self, other: &Population, i: usize) {
        let (nv, no, nc) = (self.n_var, self.n_obj, self.n_constr);
        self.x.extend_from_slice(&other.x[i * nv..(i + 1) * nv]);
        self.f.extend_from_slice(&other.f[i * no..(i + 1) * no]);
        self.g.extend_from_slice(&other.g[i * nc..(i + 1) * nc]);
        self.cv.push(other.cv[i]);
        self.failed.push(other.failed[i]);
    }

    /// Appends every individual of `other`, failed evaluations staying failed (their
    /// stand-in values are finite, so [`Population::extend`] would not recognise them).
    pub fn append(&mut self, other: &Population) {
        for i in 0..other.len() {
            self.push_from(other, i);
        }
    }

    /// Pareto ranks under constrained domination; plain ranks without constraints.
    pub fn ranks(&self) -> Result<Vec<usize>> {
        let points = PointsView::named("objectives", &self.f, self.n_obj)?;
        if self.n_constr == 0 && !self.failed.contains(&true) {
            Ok(pareto_rank(points))
        } else {
            constrained_pareto_rank(points, &self.cv)
        }
    }

    /// Computes the rank of every individual and its crowding distance within its front.
    ///
    /// This is a function of the stored `x`, `f`, `g` and their order only, which is what
    /// lets a restored state select exactly as the original run did.
    pub fn assess(&mut self) -> Result<()> {
        self.rank = self.ranks()?;
        self.assess_crowding()
    }

    /// Computes the crowding distance of every individual within its front, `rank` being
    /// already the ranks of the population.
    pub fn assess_crowding(&mut self) -> Result<()> {
        self.crowding.clear();
        self.crowding.resize(self.len(), 0.0);
        let mut scratch = Vec::new();
        for front in Fronts::of(&self.rank).iter() {
            let d = self.front_crowding(front, &mut scratch)?;
            for (&i, v) in front.iter().zip(d) {
                self.crowding[i] = v;
            }
        }
        Ok(())
    }

    /// Crowding distances of the individuals `members`, among themselves, in that order.
    pub fn front_crowding(&self, members: &[usize], scratch: &mut Vec<f64>) -> Result<Vec<f64>> {
        let m = self.n_obj;
        scratch.clear();
        for &i in members {
            scratch.extend_from_slice(&self.f[i * m..(i + 1) * m]);
        }
        Ok(crowding_distance(PointsView::named(
            "objectives",
            scratch,
            m,
        )?))
    }
}

/// The fronts of a ranking, best first, each listing its members in increasing index:
/// all members in one buffer (a stable counting sort by rank) and where each front starts.
#[derive(Debug, Clone, Default)]
pub(crate) struct Fronts {
    members: Vec<usize>,
    start: Vec<usize>,
}

impl Fronts {
    /// The fronts of `rank`.
    pub fn of(rank: &[usize]) -> Self {
        let n_fronts = rank.iter().max().map_or(0, |&r| r + 1);
        let mut start = vec![0usize; n_fronts + 1];
        for &r in rank {
            start[r + 1] += 1;
        }
        for k in 0..n_fronts {
            start[k + 1] += start[k];
        }
        let mut next = start.clone();
        let mut members = vec![0usize; rank.len()];
        for (i, &r) in rank.iter().enumerate() {
            members[next[r]] = i;
            next[r] += 1;
        }
        Self { members, start }
    }

    /// The fronts in order.
    pub fn iter(&self) -> impl Iterator<Item = &[usize]> {
        self.start.windows(2).map(|w| &self.members[w[0]..w[1]])
    }
}
