//! Evaluated individuals in row-major buffers: decision vectors, objectives, constraints,
//! total violation and failed flags. NSGA-III and MOEA/D use them as they are; NSGA-II and
//! the algorithms built on its population add ranks and distances on top
//! ([`Population`](crate::nsga2::population::Population)).

use crate::Solutions;
use crate::solutions::violation;

/// Row-major buffers of `len()` individuals with their total violation.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Evaluated {
    pub n_var: usize,
    pub n_obj: usize,
    pub n_constr: usize,
    pub x: Vec<f64>,
    pub f: Vec<f64>,
    pub g: Vec<f64>,
    /// Total constraint violation (`f64::MAX` for a failed evaluation).
    pub cv: Vec<f64>,
    /// Whether the evaluation failed (NaN or infinite values told under
    /// [`NanPolicy::Infeasible`](crate::NanPolicy::Infeasible)).
    pub failed: Vec<bool>,
}

impl Evaluated {
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
    }

    pub fn x_row(&self, i: usize) -> &[f64] {
        &self.x[i * self.n_var..(i + 1) * self.n_var]
    }

    pub fn f_row(&self, i: usize) -> &[f64] {
        &self.f[i * self.n_obj..(i + 1) * self.n_obj]
    }

    /// Appends the individuals of row-major `x`, `f`, `g`.
    ///
    /// A row with a NaN or infinite objective or constraint is a failed evaluation, stored
    /// as NSGA-II stores it: objectives `f64::MAX`, non-finite constraints `f64::MAX`,
    /// violation `f64::MAX`, so it is infeasible and loses to every evaluated individual.
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

    /// Marks individual `i` as a failed evaluation (when restoring a state, whose values
    /// are already the finite stand-ins).
    pub fn mark_failed(&mut self, i: usize) {
        self.failed[i] = true;
        self.cv[i] = f64::MAX;
    }

    /// Appends individual `i` of `other`.
    pub fn push_from(&mut self, other: &Evaluated, i: usize) {
        let (nv, no, nc) = (self.n_var, self.n_obj, self.n_constr);
        self.x.extend_from_slice(&other.x[i * nv..(i + 1) * nv]);
        self.f.extend_from_slice(&other.f[i * no..(i + 1) * no]);
        self.g.extend_from_slice(&other.g[i * nc..(i + 1) * nc]);
        self.cv.push(other.cv[i]);
        self.failed.push(other.failed[i]);
    }

    /// Appends every individual of `other`, failed evaluations staying failed (their
    /// stand-in values are finite, so [`Evaluated::extend`] would not recognise them).
    pub fn append(&mut self, other: &Evaluated) {
        for i in 0..other.len() {
            self.push_from(other, i);
        }
    }

    /// Becomes the members of `pop` followed by the individuals of row-major `x`, `f`,
    /// `g` (the merged population of a survival step).
    pub fn merge(&mut self, pop: &Evaluated, x: &[f64], f: &[f64], g: &[f64]) {
        self.clear();
        // `append` keeps failed evaluations failed; `extend` would take their finite
        // stand-ins for real values.
        self.append(pop);
        self.extend(x, f, g);
    }

    /// Becomes the members `chosen` of `from`, in that order (the survivors).
    pub fn keep(&mut self, from: &Evaluated, chosen: &[usize]) {
        self.clear();
        for &i in chosen {
            self.push_from(from, i);
        }
    }

    /// Indices of the failed members, for a state.
    pub fn failed_indices(&self) -> Vec<usize> {
        (0..self.len()).filter(|&i| self.failed[i]).collect()
    }

    /// Overwrites individual `i` with individual `j` of `other`.
    pub fn set_from(&mut self, i: usize, other: &Evaluated, j: usize) {
        let (nv, no, nc) = (self.n_var, self.n_obj, self.n_constr);
        self.x[i * nv..(i + 1) * nv].copy_from_slice(&other.x[j * nv..(j + 1) * nv]);
        self.f[i * no..(i + 1) * no].copy_from_slice(&other.f[j * no..(j + 1) * no]);
        self.g[i * nc..(i + 1) * nc].copy_from_slice(&other.g[j * nc..(j + 1) * nc]);
        self.cv[i] = other.cv[j];
        self.failed[i] = other.failed[j];
    }

    /// The members for which `keep(i)` holds, in order.
    pub fn select(&self, keep: impl Fn(usize) -> bool) -> Solutions {
        let mut out = Solutions {
            n_var: self.n_var,
            n_obj: self.n_obj,
            n_constr: self.n_constr,
            ..Solutions::default()
        };
        for i in (0..self.len()).filter(|&i| keep(i)) {
            let (nv, no, nc) = (self.n_var, self.n_obj, self.n_constr);
            out.x.extend_from_slice(&self.x[i * nv..(i + 1) * nv]);
            out.f.extend_from_slice(&self.f[i * no..(i + 1) * no]);
            out.g.extend_from_slice(&self.g[i * nc..(i + 1) * nc]);
        }
        out
    }

    /// The best members: the non-dominated feasible ones, or, when none is feasible,
    /// those of least total violation; never a failed evaluation.
    pub fn best(&self) -> Solutions {
        let feasible: Vec<usize> = (0..self.len()).filter(|&i| self.cv[i] == 0.0).collect();
        if feasible.is_empty() {
            let least = self
                .cv
                .iter()
                .zip(&self.failed)
                .filter(|&(_, &bad)| !bad)
                .map(|(&v, _)| v)
                .fold(f64::INFINITY, f64::min);
            return self.select(|i| !self.failed[i] && self.cv[i] == least);
        }
        let mut fs = Vec::with_capacity(feasible.len() * self.n_obj);
        for &i in &feasible {
            fs.extend_from_slice(self.f_row(i));
        }
        let nd = vilfredo_core::PointsView::new(&fs, self.n_obj)
            .map(vilfredo_pareto::sort::is_non_dominated)
            .unwrap_or_default();
        let mut keep = vec![false; self.len()];
        for (&i, &b) in feasible.iter().zip(&nd) {
            keep[i] = b;
        }
        self.select(|i| keep[i])
    }
}
