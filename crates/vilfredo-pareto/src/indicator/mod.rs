//! Quality indicators of an approximation set against a reference front.
//!
//! PLACEHOLDER (skeleton): signatures only.

use vilfredo_core::{PointsView, Result};

/// Inverted generational distance (moocore's definition).
pub fn igd(points: PointsView<'_>, front: PointsView<'_>) -> Result<f64> {
    let _ = (points, front);
    todo!()
}
/// IGD+ (Ishibuchi et al. 2015).
pub fn igd_plus(points: PointsView<'_>, front: PointsView<'_>) -> Result<f64> {
    let _ = (points, front);
    todo!()
}
/// Generational distance (pymoo's definition).
pub fn gd(points: PointsView<'_>, front: PointsView<'_>) -> Result<f64> {
    let _ = (points, front);
    todo!()
}
/// GD+ (pymoo's definition).
pub fn gd_plus(points: PointsView<'_>, front: PointsView<'_>) -> Result<f64> {
    let _ = (points, front);
    todo!()
}
/// Additive ε-indicator (moocore's definition).
pub fn epsilon_additive(points: PointsView<'_>, front: PointsView<'_>) -> Result<f64> {
    let _ = (points, front);
    todo!()
}
/// Multiplicative ε-indicator (moocore's definition).
pub fn epsilon_multiplicative(points: PointsView<'_>, front: PointsView<'_>) -> Result<f64> {
    let _ = (points, front);
    todo!()
}
