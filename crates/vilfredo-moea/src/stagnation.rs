//! Stopping when a quality indicator of the result stops improving: hypervolume
//! ([`HvStagnation`]) or IGD against a known front ([`IgdStagnation`]).
//!
//! Both watch the best value of the indicator seen so far, once per generation, on the
//! algorithm's [`result`](crate::Algorithm::result). An improvement counts when it
//! exceeds `tolerance` relative to the value it improves on (absolute when that value is
//! 0); the run stops once `window` generations in a row brought no improvement that
//! counts. Progress is the fraction of that window spent so far, so it falls back to 0
//! whenever the indicator improves. A generation is one `tell`, so for the steady-state
//! SMS-EMOA (one offspring per tell) the window counts evaluations.

use crate::{Algorithm, Termination};
use vilfredo_core::{Error, Points, PointsView, Result};
use vilfredo_pareto::hypervolume;
use vilfredo_pareto::indicator::igd;

/// The bookkeeping shared by the indicators: best value so far and generations since it
/// last improved by more than the tolerance.
#[derive(Debug, Clone, PartialEq)]
struct Window {
    window: usize,
    tolerance: f64,
    /// The value the next improvement is measured against.
    anchor: Option<f64>,
    /// Generations in a row without an improvement that counts.
    idle: usize,
    /// The generation last looked at.
    seen_gen: Option<usize>,
    /// Set when the indicator could not be computed; the run is then stopped.
    error: Option<Error>,
}

impl Window {
    fn new(window: usize, tolerance: f64) -> Result<Self> {
        if window == 0 {
            return Err(Error::InvalidArgument {
                name: "window",
                reason: "the window needs at least one generation".into(),
            });
        }
        if !(tolerance.is_finite() && tolerance >= 0.0) {
            return Err(Error::InvalidArgument {
                name: "tolerance",
                reason: format!("the tolerance must be finite and ≥ 0, got {tolerance}"),
            });
        }
        Ok(Self {
            window,
            tolerance,
            anchor: None,
            idle: 0,
            seen_gen: None,
            error: None,
        })
    }

    /// Looks at generation `n_gen` once; `value` gives the indicator oriented so that
    /// larger is better (`None` when there is nothing to measure yet).
    fn progress(&mut self, n_gen: usize, value: impl FnOnce() -> Result<Option<f64>>) -> f64 {
        if self.error.is_some() {
            return 1.0;
        }
        if n_gen > 0 && self.seen_gen != Some(n_gen) {
            self.seen_gen = Some(n_gen);
            match value() {
                Err(e) => {
                    self.error = Some(e);
                    return 1.0;
                }
                Ok(None) => {}
                Ok(Some(v)) => match self.anchor {
                    None => self.anchor = Some(v),
                    Some(a) => {
                        let scale = if a == 0.0 { 1.0 } else { a.abs() };
                        if v - a > self.tolerance * scale {
                            self.anchor = Some(v);
                            self.idle = 0;
                        } else {
                            self.idle += 1;
                        }
                    }
                },
            }
        }
        (self.idle as f64 / self.window as f64).min(1.0)
    }
}

/// Stop when the hypervolume of the result (at a fixed reference point) has not improved
/// by more than `tolerance` (relative) for `window` generations in a row.
///
/// If the hypervolume cannot be computed (a reference point whose length is not the
/// algorithm's number of objectives), the run stops at once and
/// [`HvStagnation::error`] says why.
#[derive(Debug, Clone, PartialEq)]
pub struct HvStagnation {
    reference: Vec<f64>,
    state: Window,
}

impl HvStagnation {
    /// Watches the hypervolume at `reference` over `window` generations.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `window` is 0, `tolerance` is negative or not
    /// finite, or `reference` is empty; [`Error::NonFinite`] for a NaN or infinite
    /// reference value.
    pub fn new(reference: Vec<f64>, window: usize, tolerance: f64) -> Result<Self> {
        if reference.is_empty() {
            return Err(Error::InvalidArgument {
                name: "reference",
                reason: "the reference point needs one value per objective".into(),
            });
        }
        if let Some(j) = reference.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFinite {
                what: "reference point",
                row: 0,
                column: j,
                value: reference[j],
            });
        }
        Ok(Self {
            reference,
            state: Window::new(window, tolerance)?,
        })
    }

    /// Why the run was stopped early, if the hypervolume could not be computed.
    pub fn error(&self) -> Option<&Error> {
        self.state.error.as_ref()
    }
}

impl Termination for HvStagnation {
    fn progress(&mut self, algorithm: &dyn Algorithm) -> f64 {
        let reference = &self.reference;
        self.state.progress(algorithm.n_gen(), || {
            let result = algorithm.result();
            match result.objectives() {
                Some(points) => hypervolume(points, reference).map(Some),
                None => Ok(None),
            }
        })
    }
}

/// Stop when the IGD of the result to a reference front has not improved (decreased) by
/// more than `tolerance` (relative) for `window` generations in a row.
///
/// If the IGD cannot be computed (a front whose number of objectives is not the
/// algorithm's), the run stops at once and [`IgdStagnation::error`] says why.
#[derive(Debug, Clone, PartialEq)]
pub struct IgdStagnation {
    front: Points,
    state: Window,
}

impl IgdStagnation {
    /// Watches the IGD to `front` (row-major, `n_obj` values per point) over `window`
    /// generations.
    ///
    /// # Errors
    /// As [`PointsView::named`] for the front (ragged rows, NaN or infinite values),
    /// [`Error::InvalidArgument`] for an empty front, a `window` of 0 or a bad
    /// `tolerance`.
    pub fn new(front: &[f64], n_obj: usize, window: usize, tolerance: f64) -> Result<Self> {
        let view = PointsView::named("reference front", front, n_obj)?;
        if view.is_empty() {
            return Err(Error::InvalidArgument {
                name: "front",
                reason: "the reference front needs at least one point".into(),
            });
        }
        Ok(Self {
            front: view.to_owned(),
            state: Window::new(window, tolerance)?,
        })
    }

    /// Why the run was stopped early, if the IGD could not be computed.
    pub fn error(&self) -> Option<&Error> {
        self.state.error.as_ref()
    }
}

impl Termination for IgdStagnation {
    fn progress(&mut self, algorithm: &dyn Algorithm) -> f64 {
        let front = self.front.view();
        self.state.progress(algorithm.n_gen(), || {
            let result = algorithm.result();
            match result.objectives() {
                Some(points) if !points.is_empty() => igd(points, front).map(|v| Some(-v)),
                _ => Ok(None),
            }
        })
    }
}
