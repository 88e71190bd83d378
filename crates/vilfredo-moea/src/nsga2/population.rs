//! The population of NSGA-II: decision vectors, objectives, constraints, and the rank
//! and crowding distance that selection compares.

use crate::evaluated::Evaluated;
use crate::mating::Parents;
use crate::operators::{Competitors, TournamentRule};
use vilfredo_core::{PointsView, Result};
use vilfredo_pareto::sort::{constrained_pareto_rank, crowding_distance, pareto_rank};

/// Evaluated individuals with the rank and crowding distance that selection compares;
/// the buffers are reached through `Deref` to [`Evaluated`].
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Population {
    /// Decision vectors, objectives, constraints, violation and failed flags.
    pub members: Evaluated,
    /// Pareto rank under constrained domination, from [`Population::assess`].
    pub rank: Vec<usize>,
    /// Crowding distance within the individual's front, from [`Population::assess`].
    pub crowding: Vec<f64>,
}

impl std::ops::Deref for Population {
    type Target = Evaluated;
    fn deref(&self) -> &Evaluated {
        &self.members
    }
}

impl std::ops::DerefMut for Population {
    fn deref_mut(&mut self) -> &mut Evaluated {
        &mut self.members
    }
}

impl Population {
    /// How tournaments under `rule` see this population (ranks and crowding distances
    /// must be assessed).
    pub fn parents(&self, rule: TournamentRule) -> Parents<'_> {
        match rule {
            TournamentRule::RankThenCrowding => Parents::Tournament(&self.rank, &self.crowding),
            TournamentRule::DominanceThenCrowding => Parents::Dominance(Competitors {
                f: &self.f,
                n_obj: self.n_obj,
                violation: &self.cv,
                crowding: &self.crowding,
            }),
        }
    }

    pub fn new(n_var: usize, n_obj: usize, n_constr: usize) -> Self {
        Self::of(Evaluated::new(n_var, n_obj, n_constr))
    }

    /// `members` with rank and crowding left for [`Population::assess`].
    pub fn of(members: Evaluated) -> Self {
        Self {
            members,
            ..Self::default()
        }
    }

    /// Empties the buffers, ranks and distances.
    pub fn clear(&mut self) {
        self.members.clear();
        self.rank.clear();
        self.crowding.clear();
    }

    /// [`Evaluated::merge`], ranks and distances left unset.
    pub fn merge(&mut self, pop: &Population, x: &[f64], f: &[f64], g: &[f64]) {
        self.clear();
        self.members.merge(&pop.members, x, f, g);
    }

    /// [`Evaluated::keep`], ranks and distances left unset.
    pub fn keep(&mut self, from: &Population, chosen: &[usize]) {
        self.clear();
        self.members.keep(&from.members, chosen);
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
