//! The parent population of the steady-state samplers: the best finished trials, kept
//! up to date as trials finish.
//!
//! Survival is NSGA-II's (Deb, Pratap, Agarwal & Meyarivan 2002, "A fast and elitist
//! multiobjective genetic algorithm: NSGA-II", IEEE TEVC 6(2)) under Deb's feasibility
//! rules (Deb 2000, CMAME 186): constrained non-dominated rank first, then crowding
//! distance within the last front that fits; or, for NSGA-III, reference-point niching
//! within that front ([`super::niching`]). Only the population and the new arrivals are
//! ranked, so absorbing a trial costs what the population costs, never what the history
//! costs.

use vilfredo_core::PointsView;
use vilfredo_pareto::crowding_distance;
use vilfredo_pareto::sort::constrained_pareto_rank;

use crate::distribution::Distribution;
use crate::error::Result;
pub(crate) use crate::sampler::evolution::member::Member;
use crate::sampler::evolution::member::common_space;

/// How the last front that does not fit entirely is cut.
pub(crate) trait Truncation: std::fmt::Debug + Send {
    /// Whether binary tournaments break rank ties by crowding distance (NSGA-II) or not
    /// (NSGA-III, whose diversity comes from niching).
    fn crowded_tournament(&self) -> bool {
        true
    }

    /// Chooses `keep` of the `last` front's members (indices into `all`, the members of
    /// the fronts already accepted being `accepted`).
    fn choose(
        &self,
        all: &[Member],
        accepted: &[usize],
        last: &[usize],
        keep: usize,
    ) -> Result<Vec<usize>>;
}

/// NSGA-II's truncation: the most crowded members of the last front are dropped.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Crowding;

impl Truncation for Crowding {
    fn choose(
        &self,
        all: &[Member],
        _accepted: &[usize],
        last: &[usize],
        keep: usize,
    ) -> Result<Vec<usize>> {
        let d = crowding(all, last)?;
        let mut order: Vec<usize> = (0..last.len()).collect();
        // Largest distance first; ties go to the older trial so the choice is a
        // function of the trials only.
        order.sort_by(|&a, &b| {
            d[b].total_cmp(&d[a])
                .then(all[last[a]].number.cmp(&all[last[b]].number))
        });
        Ok(order.into_iter().take(keep).map(|i| last[i]).collect())
    }
}

/// Crowding distances of the members `idx` among themselves.
pub(crate) fn crowding(all: &[Member], idx: &[usize]) -> Result<Vec<f64>> {
    let Some(first) = idx.first() else {
        return Ok(Vec::new());
    };
    let m = all[*first].objectives.len();
    let flat: Vec<f64> = idx
        .iter()
        .flat_map(|&i| all[i].objectives.iter().copied())
        .collect();
    Ok(crowding_distance(PointsView::new(&flat, m)?))
}

/// The population with what binary tournaments compare: rank and crowding distance.
#[derive(Debug)]
pub(crate) struct Population {
    size: usize,
    members: Vec<Member>,
    rank: Vec<usize>,
    crowding: Vec<f64>,
    /// Parameters every member has with the same distribution, sorted by name.
    space: Vec<(String, Distribution)>,
    /// The signature all members shared when `space` was learned, if they did.
    space_signature: Option<u64>,
    truncation: Box<dyn Truncation>,
}

impl Population {
    /// An empty population that will hold `size` members.
    pub fn new(size: usize, truncation: Box<dyn Truncation>) -> Self {
        Self {
            size,
            members: Vec::new(),
            rank: Vec::new(),
            crowding: Vec::new(),
            space: Vec::new(),
            space_signature: None,
            truncation,
        }
    }

    /// The members.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// Whether the population has reached its size.
    pub fn is_full(&self) -> bool {
        self.members.len() >= self.size
    }

    /// The learned search space: name and distribution of the parameters every member
    /// has with the same distribution, sorted by name.
    pub fn space(&self) -> &[(String, Distribution)] {
        &self.space
    }

    /// Whether member `a` wins a binary tournament against `b` (Deb et al. 2002's
    /// crowded comparison: lower rank, then larger crowding distance; a tie goes to `a`).
    pub fn beats(&self, a: usize, b: usize) -> bool {
        self.rank[a] < self.rank[b]
            || (self.rank[a] == self.rank[b]
                && (!self.truncation.crowded_tournament() || self.crowding[a] >= self.crowding[b]))
    }

    /// Adds newly finished members and keeps the best `size` of the union.
    ///
    /// # Errors
    /// Only if the ranking kernels refuse their input, which validated values rule out.
    pub fn absorb(&mut self, arrivals: Vec<Member>) -> Result<()> {
        if arrivals.is_empty() {
            return Ok(());
        }
        if let [x] = arrivals.as_slice()
            && self.is_full()
            && self.cannot_enter(x)
        {
            return Ok(());
        }
        // In chunks of at most `size`, so opening a long study costs O(n · size), and
        // each survival ranks at most twice the population.
        let mut arrivals = arrivals.into_iter().peekable();
        let mut rank = None;
        while arrivals.peek().is_some() {
            let mut all = std::mem::take(&mut self.members);
            all.extend(arrivals.by_ref().take(self.size.max(1)));
            (self.members, rank) = self.survive(all)?;
        }
        self.rerank(rank)?;
        self.learn_space();
        Ok(())
    }

    /// Whether `x`, added to the full population, would be the one cut: it is when a
    /// member of the worst front dominates it (under Deb's rules), since then it
    /// dominates no member (that member would dominate them too), every rank stays,
    /// and it alone has a rank worse than the worst.
    fn cannot_enter(&self, x: &Member) -> bool {
        let Some(&worst) = self.rank.iter().max() else {
            return false;
        };
        self.members
            .iter()
            .zip(&self.rank)
            .any(|(w, &r)| r == worst && constrained_dominates(w, x))
    }

    /// Keeps the best `size` of `all`, ordered by trial number, with their ranks when
    /// they were computed (a survivor's rank does not change when worse members leave).
    fn survive(&self, all: Vec<Member>) -> Result<(Vec<Member>, Option<Vec<usize>>)> {
        if all.len() <= self.size {
            return Ok((all, None));
        }
        let rank = ranks(&all)?;
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by_key(|&i| (rank[i], all[i].number));
        let mut chosen: Vec<usize> = Vec::with_capacity(self.size);
        let mut start = 0;
        while start < order.len() && chosen.len() < self.size {
            let r = rank[order[start]];
            let end = start + order[start..].partition_point(|&i| rank[i] == r);
            let front = &order[start..end];
            if chosen.len() + front.len() <= self.size {
                chosen.extend_from_slice(front);
            } else {
                let keep = self.size - chosen.len();
                let picked = self.truncation.choose(&all, &chosen, front, keep)?;
                chosen.extend(picked);
            }
            start = end;
        }
        chosen.sort_by_key(|&i| all[i].number);
        let kept_rank = chosen.iter().map(|&i| rank[i]).collect();
        let mut slots: Vec<Option<Member>> = all.into_iter().map(Some).collect();
        let kept = chosen.into_iter().filter_map(|i| slots[i].take()).collect();
        Ok((kept, Some(kept_rank)))
    }

    /// Ranks (unless known) and crowding distances of the members, for tournaments.
    fn rerank(&mut self, rank: Option<Vec<usize>>) -> Result<()> {
        self.rank = match rank {
            Some(r) if r.len() == self.members.len() => r,
            _ => ranks(&self.members)?,
        };
        self.crowding = vec![0.0; self.members.len()];
        let max_rank = self.rank.iter().copied().max().unwrap_or(0);
        let mut by_rank: Vec<Vec<usize>> = vec![Vec::new(); max_rank + 1];
        for (i, &r) in self.rank.iter().enumerate() {
            by_rank[r].push(i);
        }
        for front in by_rank {
            for (i, d) in front.iter().zip(crowding(&self.members, &front)?) {
                self.crowding[*i] = d;
            }
        }
        Ok(())
    }

    /// Intersects the members' parameters (same name and same distribution).
    fn learn_space(&mut self) {
        let Some(first) = self.members.first() else {
            self.space.clear();
            self.space_signature = None;
            return;
        };
        // The common case: every member has the same parameters, and the space was
        // learned from such members already.
        let shared = self.members.iter().all(|m| m.signature == first.signature);
        if shared && self.space_signature == Some(first.signature) {
            return;
        }
        self.space_signature = shared.then_some(first.signature);
        let members: Vec<&Member> = self.members.iter().collect();
        self.space = common_space(&members);
    }
}

/// Deb's constrained domination: feasible beats infeasible, less violation beats more,
/// and two feasible members compare by Pareto dominance.
fn constrained_dominates(a: &Member, b: &Member) -> bool {
    match (a.violation > 0.0, b.violation > 0.0) {
        (false, true) => true,
        (true, false) => false,
        (true, true) => a.violation < b.violation,
        (false, false) => {
            let pairs = a.objectives.iter().zip(&b.objectives);
            pairs.clone().all(|(x, y)| x <= y) && pairs.into_iter().any(|(x, y)| x < y)
        }
    }
}

/// Constrained Pareto ranks of the members.
fn ranks(members: &[Member]) -> Result<Vec<usize>> {
    let Some(first) = members.first() else {
        return Ok(Vec::new());
    };
    let m = first.objectives.len();
    let flat: Vec<f64> = members
        .iter()
        .flat_map(|x| x.objectives.iter().copied())
        .collect();
    let violation: Vec<f64> = members.iter().map(|x| x.violation).collect();
    Ok(constrained_pareto_rank(
        PointsView::new(&flat, m)?,
        &violation,
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sampler::evolution::member::tests::member;

    #[test]
    fn keeps_the_best_by_rank_then_crowding() {
        let mut pop = Population::new(3, Box::new(Crowding));
        pop.absorb(vec![
            member(0, [0.0, 1.0], 0.0),
            member(1, [0.5, 0.5], 0.0),
            member(2, [1.0, 0.0], 0.0),
            member(3, [0.45, 0.56], 0.0),
            member(4, [2.0, 2.0], 0.0),
            member(5, [-1.0, -1.0], 3.0),
        ])
        .unwrap();
        let kept: Vec<u64> = pop.members().iter().map(|m| m.number).collect();
        // Rank 0 is {0, 1, 2, 3}: the two extremes stay, and of 1 and 3 (close to each
        // other) only one survives; the infeasible point never beats a feasible one.
        assert_eq!(kept.len(), 3);
        assert!(kept.contains(&0) && kept.contains(&2));
        assert!(!kept.contains(&4) && !kept.contains(&5));
    }

    #[test]
    fn one_arrival_at_a_time_matches_batch_survival() {
        // Feeding trials one by one (with the quick rejection) or all at once keeps the
        // same members when every arrival is either clearly out or clearly in.
        let pts: Vec<Member> = (0..40u64)
            .map(|i| {
                let x = ((i * 37) % 40) as f64 / 40.0;
                let shift = if i % 3 == 0 { 0.5 } else { 0.0 };
                member(
                    i,
                    [x + shift, 1.0 - x + shift],
                    if i % 11 == 5 { 1.0 } else { 0.0 },
                )
            })
            .collect();
        let mut one = Population::new(8, Box::new(Crowding));
        for m in pts.iter().cloned() {
            one.absorb(vec![m]).unwrap();
        }
        let kept: Vec<u64> = one.members().iter().map(|m| m.number).collect();
        assert_eq!(kept.len(), 8);
        // Only non-dominated feasible trials (i % 3 != 0, i % 11 != 5) remain.
        assert!(kept.iter().all(|i| i % 3 != 0 && i % 11 != 5), "{kept:?}");
        let a = member(100, [0.9, 0.9], 0.0);
        assert!(one.cannot_enter(&a));
        let b = member(101, [-1.0, -1.0], 0.0);
        assert!(!one.cannot_enter(&b));
    }

    #[test]
    fn infeasible_members_order_by_violation() {
        let mut pop = Population::new(2, Box::new(Crowding));
        pop.absorb(vec![
            member(0, [0.0, 0.0], 2.0),
            member(1, [5.0, 5.0], 0.5),
            member(2, [1.0, 1.0], 1.0),
        ])
        .unwrap();
        let kept: Vec<u64> = pop.members().iter().map(|m| m.number).collect();
        assert_eq!(kept, vec![1, 2]);
        assert!(pop.beats(0, 1));
        assert!(!pop.beats(1, 0));
    }
}
