//! A set of evaluated solutions: decision vectors with their objective and constraint values.

use vilfredo_core::PointsView;

/// Evaluated solutions, row-major: row `i` of `x`, `f` and `g` belong together.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Solutions {
    /// Decision vectors, `len × n_var`.
    pub x: Vec<f64>,
    /// Objective values, `len × n_obj`.
    pub f: Vec<f64>,
    /// Constraint values, `len × n_constr` (empty without constraints).
    pub g: Vec<f64>,
    /// Number of variables.
    pub n_var: usize,
    /// Number of objectives.
    pub n_obj: usize,
    /// Number of constraints.
    pub n_constr: usize,
}

impl Solutions {
    /// Number of solutions.
    pub fn len(&self) -> usize {
        self.f.len().checked_div(self.n_obj).unwrap_or(0)
    }

    /// Whether there are no solutions.
    pub fn is_empty(&self) -> bool {
        self.f.is_empty()
    }

    /// Decision vector of solution `i`.
    ///
    /// # Panics
    /// When `i ≥ len()`, like slice indexing.
    pub fn x_row(&self, i: usize) -> &[f64] {
        &self.x[i * self.n_var..(i + 1) * self.n_var]
    }

    /// Objective values of solution `i`.
    ///
    /// # Panics
    /// When `i ≥ len()`, like slice indexing.
    pub fn f_row(&self, i: usize) -> &[f64] {
        &self.f[i * self.n_obj..(i + 1) * self.n_obj]
    }

    /// Constraint values of solution `i` (empty without constraints).
    ///
    /// # Panics
    /// When `i ≥ len()` and there are constraints, like slice indexing.
    pub fn g_row(&self, i: usize) -> &[f64] {
        &self.g[i * self.n_constr..(i + 1) * self.n_constr]
    }

    /// The objective values as points, ready for the `vilfredo_pareto` kernels.
    ///
    /// Returns `None` only if `n_obj` is 0, which no algorithm of this crate produces.
    pub fn objectives(&self) -> Option<PointsView<'_>> {
        // Algorithms only store finite objectives, so this validates without failing.
        PointsView::new(&self.f, self.n_obj).ok()
    }

    /// Total constraint violation of solution `i`: the sum of its positive `g` values.
    ///
    /// # Panics
    /// When `i ≥ len()` and there are constraints, like slice indexing.
    pub fn violation(&self, i: usize) -> f64 {
        violation(self.g_row(i))
    }
}

/// Total violation of one row of constraint values: the sum of the positive ones
/// (`g ≤ 0` is satisfied), as in Deb (2000) and pymoo; saturated at `f64::MAX` so that
/// huge finite values never add up to infinity.
pub(crate) fn violation(g: &[f64]) -> f64 {
    g.iter().map(|&v| v.max(0.0)).sum::<f64>().min(f64::MAX)
}
