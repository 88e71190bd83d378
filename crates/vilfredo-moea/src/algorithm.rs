//! The ask/tell interface every algorithm implements, and the batch it hands out.

use crate::Solutions;
use vilfredo_core::Result;

/// A batch of decision vectors to evaluate: `len()` rows of `n_var()` values, row-major.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Batch<'a> {
    x: &'a [f64],
    n_var: usize,
}

impl<'a> Batch<'a> {
    /// Wraps a row-major buffer; `n_var ≥ 1` and whole rows are the caller's promise.
    pub(crate) fn new(x: &'a [f64], n_var: usize) -> Self {
        Self { x, n_var }
    }

    /// Number of decision vectors.
    pub fn len(&self) -> usize {
        self.x.len() / self.n_var
    }

    /// Whether the batch is empty.
    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }

    /// Number of variables per vector.
    pub fn n_var(&self) -> usize {
        self.n_var
    }

    /// Decision vector `i`.
    ///
    /// # Panics
    /// When `i ≥ len()`, like slice indexing.
    pub fn row(&self, i: usize) -> &'a [f64] {
        &self.x[i * self.n_var..(i + 1) * self.n_var]
    }

    /// The decision vectors, one after the other.
    pub fn rows(&self) -> std::slice::ChunksExact<'a, f64> {
        self.x.chunks_exact(self.n_var)
    }

    /// The row-major buffer.
    pub fn as_slice(&self) -> &'a [f64] {
        self.x
    }
}

/// An optimiser driven by asking for decision vectors and telling their values.
///
/// A call to [`ask`](Algorithm::ask) is answered by exactly one call to
/// [`tell`](Algorithm::tell) with the values of that batch; asking again before telling
/// returns the same batch, so an evaluator that lost it can ask for it again.
pub trait Algorithm {
    /// The next batch to evaluate.
    ///
    /// # Errors
    /// When the algorithm cannot produce one; see the implementation.
    fn ask(&mut self) -> Result<Batch<'_>>;

    /// The values of the last batch asked: `f` is `len × n_obj` and `g` is
    /// `len × n_constr`, both row-major (`g` may be `None` without constraints).
    ///
    /// # Errors
    /// When no batch is pending, when a buffer has the wrong size, or when a value is
    /// NaN or infinite (naming its row and column); the pending batch is kept, so the
    /// call can be repeated with corrected values.
    fn tell(&mut self, f: &[f64], g: Option<&[f64]>) -> Result<()>;

    /// Number of variables.
    fn n_var(&self) -> usize;

    /// Number of objectives.
    fn n_obj(&self) -> usize;

    /// Number of inequality constraints.
    fn n_constr(&self) -> usize;

    /// Number of completed generations (batches told).
    fn n_gen(&self) -> usize;

    /// Number of evaluations told so far.
    fn n_eval(&self) -> usize;

    /// The best solutions found so far (see the implementation for which).
    fn result(&self) -> Solutions;
}
