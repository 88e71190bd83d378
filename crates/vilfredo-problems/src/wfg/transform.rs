//! The WFG transformation, reduction and shape functions (Huband, Hingston, Barone &
//! While, "A Review of Multiobjective Test Problems and a Scalable Test Problem Toolkit",
//! IEEE TEC 10(5), 2006, Tables X–XI), each on scalars so the caller can work in place.
//!
//! Every result passes through [`clip01`], which snaps values within 1e-10 outside [0, 1]
//! back to the interval: rounding would otherwise push, say, `y^0.02` a hair above 1 and
//! feed later powers and `acos`-free shapes values outside their domain.

use std::f64::consts::PI;

/// Snaps values within 1e-10 below 0 or above 1 onto the interval.
#[inline]
pub(crate) fn clip01(v: f64) -> f64 {
    const EPS: f64 = 1.0e-10;
    if (-EPS..0.0).contains(&v) {
        0.0
    } else if v > 1.0 && v <= 1.0 + EPS {
        1.0
    } else {
        v
    }
}

/// `b_poly(y, α) = y^α`.
#[inline]
pub(crate) fn b_poly(y: f64, alpha: f64) -> f64 {
    clip01(y.powf(alpha))
}

/// `b_flat(y, A, B, C)`: flat region of value `A` for `y ∈ [B, C]`.
#[inline]
pub(crate) fn b_flat(y: f64, a: f64, b: f64, c: f64) -> f64 {
    let v = a + (y - b).floor().min(0.0) * (a * (b - y) / b)
        - (c - y).floor().min(0.0) * ((1.0 - a) * (y - c) / (1.0 - c));
    clip01(v)
}

/// `b_param(y, u, A, B, C) = y^{B + (C − B)(A − (1 − 2u)|⌊0.5 − u⌋ + A|)}`.
#[inline]
pub(crate) fn b_param(y: f64, u: f64, a: f64, b: f64, c: f64) -> f64 {
    let v = a - (1.0 - 2.0 * u) * ((0.5 - u).floor() + a).abs();
    clip01(y.powf(b + (c - b) * v))
}

/// `b_param` with the constants every WFG problem uses: A = 0.98/49.98, B = 0.02, C = 50.
#[inline]
pub(crate) fn b_param_std(y: f64, u: f64) -> f64 {
    b_param(y, u, 0.98 / 49.98, 0.02, 50.0)
}

/// `s_linear(y, A) = |y − A| / |⌊A − y⌋ + A|`.
#[inline]
pub(crate) fn s_linear(y: f64, a: f64) -> f64 {
    clip01((y - a).abs() / ((a - y).floor() + a).abs())
}

/// `s_decept(y, A, B, C)`: deceptive shift with optimum at `A`.
#[inline]
pub(crate) fn s_decept(y: f64, a: f64, b: f64, c: f64) -> f64 {
    let t1 = (y - a + b).floor() * (1.0 - c + (a - b) / b) / (a - b);
    let t2 = (a + b - y).floor() * (1.0 - c + (1.0 - a - b) / b) / (1.0 - a - b);
    clip01(1.0 + ((y - a).abs() - b) * (t1 + t2 + 1.0 / b))
}

/// `s_multi(y, A, B, C)`: multi-modal shift with `A` minima, hill size `B`, optimum `C`.
#[inline]
pub(crate) fn s_multi(y: f64, a: f64, b: f64, c: f64) -> f64 {
    let t1 = (y - c).abs() / (2.0 * ((c - y).floor() + c));
    let t2 = (4.0 * a + 2.0) * PI * (0.5 - t1);
    clip01((1.0 + t2.cos() + 4.0 * b * (t1 * t1)) / (b + 2.0))
}

/// `r_sum(y, w) = Σ wᵢyᵢ / Σ wᵢ`.
#[inline]
pub(crate) fn r_sum(y: &[f64], w: &[f64]) -> f64 {
    let num: f64 = y.iter().zip(w).map(|(a, b)| a * b).sum();
    clip01(num / w.iter().sum::<f64>())
}

/// `r_sum` with unit weights: the mean.
#[inline]
pub(crate) fn r_mean(y: &[f64]) -> f64 {
    clip01(y.iter().sum::<f64>() / y.len() as f64)
}

/// `r_nonsep(y, A)`: non-separable reduction of degree `A`.
#[inline]
pub(crate) fn r_nonsep(y: &[f64], a: usize) -> f64 {
    let m = y.len();
    let mut num = 0.0;
    for j in 0..m {
        num += y[j];
        for k in 0..a.saturating_sub(1) {
            num += (y[j] - y[(1 + j + k) % m]).abs();
        }
    }
    let af = a as f64;
    let half = (af / 2.0).ceil();
    clip01(num / (m as f64 * half * (1.0 + 2.0 * af - 2.0 * half) / af))
}

/// The family of the first `M − 1` shape functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `Π sin(xπ/2)`, closing `cos`.
    Concave,
    /// `Π (1 − cos(xπ/2))`, closing `1 − sin`.
    Convex,
    /// `Π x`, closing `1 − x`.
    Linear,
}

/// Writes `h₁…h_M` into `h` from the `M − 1` position values `x`: shape `m` is the
/// product over `x₀…x_{M−m−1}` times the closing factor of `x_{M−m}` (none for `m = 1`).
#[inline]
pub(crate) fn shape(kind: Shape, x: &[f64], h: &mut [f64]) {
    let m = h.len();
    let mut prod = 1.0;
    for (j, &v) in x.iter().enumerate() {
        let (factor, closing) = match kind {
            Shape::Concave => {
                let a = 0.5 * v * PI;
                (a.sin(), a.cos())
            }
            Shape::Convex => {
                let a = 0.5 * v * PI;
                (1.0 - a.cos(), 1.0 - a.sin())
            }
            Shape::Linear => (v, 1.0 - v),
        };
        h[m - 1 - j] = clip01(prod * closing);
        prod *= factor;
    }
    h[0] = clip01(prod);
}

/// WFG1's last shape, `mixed` with α = 1 and A = 5.
#[inline]
pub(crate) fn mixed(x: f64) -> f64 {
    let aux = 2.0 * 5.0 * PI;
    clip01(1.0 - x - (aux * x + 0.5 * PI).cos() / aux)
}

/// WFG2's last shape, `disc` with α = β = 1 and A = 5.
#[inline]
pub(crate) fn disconnected(x: f64) -> f64 {
    let c = (5.0 * PI * x).cos();
    clip01(1.0 - x * (c * c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn optima_map_to_zero() {
        // Each shift's optimum (Huband et al. 2006, Table X) maps to 0.
        assert_eq!(s_linear(0.35, 0.35), 0.0);
        assert!(s_decept(0.35, 0.35, 0.001, 0.05).abs() < 1e-12);
        assert!(s_multi(0.35, 30.0, 10.0, 0.35).abs() < 1e-12);
        assert!(s_multi(0.35, 30.0, 95.0, 0.35).abs() < 1e-12);
        // b_flat is flat at A on [B, C].
        assert!((b_flat(0.8, 0.8, 0.75, 0.85) - 0.8).abs() < 1e-15);
        // r_nonsep of degree 1 is the mean; the optimum (all zero) maps to 0.
        assert!((r_nonsep(&[0.2, 0.4, 0.9], 1) - 0.5).abs() < 1e-15);
        assert_eq!(r_nonsep(&[0.0; 6], 3), 0.0);
        assert_eq!(r_sum(&[1.0, 0.0], &[1.0, 3.0]), 0.25);
    }

    proptest! {
        #[test]
        fn transformations_stay_in_the_unit_interval(y in 0.0f64..=1.0, u in 0.0f64..=1.0) {
            for v in [
                b_poly(y, 0.02),
                b_flat(y, 0.8, 0.75, 0.85),
                b_param_std(y, u),
                s_linear(y, 0.35),
                s_decept(y, 0.35, 0.001, 0.05),
                s_multi(y, 30.0, 10.0, 0.35),
                s_multi(y, 30.0, 95.0, 0.35),
                r_nonsep(&[y, u, 1.0 - y], 2),
                mixed(y),
                disconnected(y),
            ] {
                prop_assert!((0.0..=1.0).contains(&v), "{v}");
            }
            let mut h = [0.0; 3];
            for kind in [Shape::Concave, Shape::Convex, Shape::Linear] {
                shape(kind, &[y, u], &mut h);
                prop_assert!(h.iter().all(|v| (0.0..=1.0).contains(v)), "{kind:?} {h:?}");
            }
            // The concave shape lies on the unit sphere.
            shape(Shape::Concave, &[y, u], &mut h);
            prop_assert!((h.iter().map(|v| v * v).sum::<f64>() - 1.0).abs() < 1e-12);
        }
    }
}
