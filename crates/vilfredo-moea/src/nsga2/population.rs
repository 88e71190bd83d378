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
    /// Total constraint violation per individual.
    pub cv: Vec<f64>,
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
        self.rank.clear();
        self.crowding.clear();
    }

    /// Appends the individuals of row-major `x`, `f`, `g` (rank and crowding are left for
    /// [`Population::assess`]).
    pub fn extend(&mut self, x: &[f64], f: &[f64], g: &[f64]) {
        self.x.extend_from_slice(x);
        self.f.extend_from_slice(f);
        self.g.extend_from_slice(g);
        if self.n_constr == 0 {
            let n = f.len() / self.n_obj;
            self.cv.extend(std::iter::repeat_n(0.0, n));
        } else {
            self.cv.extend(g.chunks_exact(self.n_constr).map(violation));
        }
    }

    /// Appends individual `i` of `other`.
    pub fn push_from(&mut self, other: &Population, i: usize) {
        let (nv, no, nc) = (self.n_var, self.n_obj, self.n_constr);
        self.x.extend_from_slice(&other.x[i * nv..(i + 1) * nv]);
        self.f.extend_from_slice(&other.f[i * no..(i + 1) * no]);
        self.g.extend_from_slice(&other.g[i * nc..(i + 1) * nc]);
        self.cv.push(other.cv[i]);
    }

    /// Pareto ranks under constrained domination; plain ranks without constraints.
    pub fn ranks(&self) -> Result<Vec<usize>> {
        let points = PointsView::named("objectives", &self.f, self.n_obj)?;
        if self.n_constr == 0 {
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
        self.crowding.clear();
        self.crowding.resize(self.len(), 0.0);
        let mut scratch = Vec::new();
        for front in fronts(&self.rank) {
            let d = self.front_crowding(&front, &mut scratch)?;
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

/// The fronts of a ranking, best first, each listing its members in increasing index.
pub(crate) fn fronts(rank: &[usize]) -> Vec<Vec<usize>> {
    let n_fronts = rank.iter().max().map_or(0, |&r| r + 1);
    let mut fronts = vec![Vec::new(); n_fronts];
    for (i, &r) in rank.iter().enumerate() {
        fronts[r].push(i);
    }
    fronts
}
