//! Variation supplied from outside the algorithm: the parents an algorithm selected go
//! out, offspring come back.
//!
//! This is how a user replaces the built-in crossover and mutation with anything that
//! can propose decision vectors — a domain heuristic, another program, or a language
//! model that reads the parents and their scores and writes children, as in MOLLEO
//! (Wang et al. 2024, "Efficient evolutionary search over chemical space with large
//! language models"). The algorithm keeps selection and survival; the [`Variation`]
//! only makes children. Offspring are repaired into the space (clamped, integers
//! rounded) before they are evaluated, so a careless operator cannot leave the box.

use crate::Space;
use vilfredo_core::Result;

/// The parents selected for one generation, handed to a [`Variation`].
#[derive(Debug, Clone, Copy)]
pub struct MatingPool<'a> {
    /// Parent decision vectors, row-major, `n_parents × n_var`; consecutive rows are
    /// the mating pairs chosen by the algorithm's selection.
    pub parents: &'a [f64],
    /// The parents' objective values, row-major, `n_parents × n_obj` (minimised).
    pub values: &'a [f64],
    /// Number of offspring wanted.
    pub n_offspring: usize,
    /// Number of variables.
    pub n_var: usize,
    /// Number of objectives.
    pub n_obj: usize,
    /// The decision space (bounds and variable types).
    pub space: &'a Space,
    /// The generation the offspring will belong to (1 is the initial population).
    pub generation: usize,
}

impl MatingPool<'_> {
    /// Number of parents.
    pub fn n_parents(&self) -> usize {
        self.parents.len() / self.n_var.max(1)
    }
}

/// A source of offspring for an algorithm's selected parents.
pub trait Variation {
    /// Returns at least `pool.n_offspring` decision vectors, row-major (extra rows are
    /// ignored).
    ///
    /// # Errors
    /// When no offspring can be made (for an outside program: it failed, timed out, or
    /// answered something that is not offspring); the algorithm's state is unchanged.
    fn vary(&mut self, pool: &MatingPool<'_>) -> Result<Vec<f64>>;
}

impl<F> Variation for F
where
    F: FnMut(&MatingPool<'_>) -> Result<Vec<f64>>,
{
    fn vary(&mut self, pool: &MatingPool<'_>) -> Result<Vec<f64>> {
        self(pool)
    }
}
