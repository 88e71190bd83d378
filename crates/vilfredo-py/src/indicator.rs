//! Quality indicators of a point set against a reference front.
//!
//! All six share one shape, `(points, front) -> float`, so one macro writes the bindings and
//! each keeps its own docstring.

use crate::convert::matrix;
use crate::guard::run;
use pyo3::prelude::*;
use vilfredo_pareto::PointsView;

/// Defines `#[pyfunction] $name(points, front) -> float` calling `indicator::$name`.
macro_rules! indicator {
    ($(#[$head:meta])* @examples $(#[$examples:meta])* $name:ident) => {
        $(#[$head])*
        ///
        /// Both sets are ``(n, m)`` array_like of float with the same ``m``; an empty set, a
        /// different number of objectives, NaN or infinities raise ``ValueError`` naming
        /// ``points`` or ``reference front``. Lower is better.
        ///
        $(#[$examples])*
        #[pyfunction]
        #[pyo3(signature = (points, front))]
        pub fn $name(points: &Bound<'_, PyAny>, front: &Bound<'_, PyAny>) -> PyResult<f64> {
            let py = points.py();
            let points = matrix(points, "points")?;
            let front = matrix(front, "reference front")?;
            let (data, n_obj) = points.parts()?;
            let (front_data, front_obj) = front.parts()?;
            run(py, || {
                vilfredo_pareto::indicator::$name(
                    PointsView::named("points", data, n_obj)?,
                    PointsView::named("reference front", front_data, front_obj)?,
                )
            })
        }
    };
}

indicator! {
    /// Inverted generational distance of ``points`` (A) to a reference ``front`` (R).
    ///
    /// The mean Euclidean distance from each reference point to its nearest point of A
    /// (Coello Coello & Reyes Sierra 2004; moocore's ``igd``)::
    ///
    ///     IGD(A, R) = (1/|R|) Σ_{r ∈ R} min_{a ∈ A} ‖a − r‖₂
    @examples
    /// Examples
    /// --------
    /// >>> import vilfredo as vf
    /// >>> vf.igd([[1.0, 1.0]], front=[[0.0, 1.0], [1.0, 0.0]])
    /// 1.0
    igd
}

indicator! {
    /// IGD+ of ``points`` (A) to a reference ``front`` (R) (Ishibuchi et al. 2015).
    ///
    /// Like IGD, with the distance counting only how much ``a`` is worse than ``r``, which
    /// makes the indicator weakly Pareto compliant (moocore's ``igd_plus``)::
    ///
    ///     d⁺(r, a) = sqrt(Σ_k max(a_k − r_k, 0)²)
    ///     IGD⁺(A, R) = (1/|R|) Σ_{r ∈ R} min_{a ∈ A} d⁺(r, a)
    @examples
    /// Examples
    /// --------
    /// >>> import vilfredo as vf
    /// >>> vf.igd_plus([[1.0, 1.0]], front=[[0.0, 1.0], [1.0, 0.0]])
    /// 1.0
    igd_plus
}

indicator! {
    /// Generational distance of ``points`` (A) to a reference ``front`` (R).
    ///
    /// The mean Euclidean distance from each point of A to its nearest reference point
    /// (Van Veldhuizen & Lamont 1998, in pymoo's form with p = 1)::
    ///
    ///     GD(A, R) = (1/|A|) Σ_{a ∈ A} min_{r ∈ R} ‖a − r‖₂
    @examples
    /// Examples
    /// --------
    /// >>> import vilfredo as vf
    /// >>> vf.gd([[1.0, 1.0]], front=[[0.0, 1.0], [1.0, 0.0]])
    /// 1.0
    gd
}

indicator! {
    /// GD+ of ``points`` (A) to a reference ``front`` (R) (Ishibuchi et al. 2015; pymoo's
    /// ``GDPlus``).
    ///
    /// ::
    ///
    ///     d⁺(a, r) = sqrt(Σ_k max(a_k − r_k, 0)²)
    ///     GD⁺(A, R) = (1/|A|) Σ_{a ∈ A} min_{r ∈ R} d⁺(a, r)
    @examples
    /// Examples
    /// --------
    /// >>> import vilfredo as vf
    /// >>> vf.gd_plus([[1.0, 1.0]], front=[[0.0, 1.0], [1.0, 0.0]])
    /// 1.0
    gd_plus
}

indicator! {
    /// Additive ε-indicator of ``points`` (A) with respect to a reference ``front`` (R).
    ///
    /// The smallest ``ε`` such that every reference point is weakly dominated by some point
    /// of A shifted by ``−ε`` (Zitzler et al. 2003; moocore's ``epsilon_additive``)::
    ///
    ///     ε⁺(A, R) = max_{r ∈ R} min_{a ∈ A} max_k (a_k − r_k)
    @examples
    /// Examples
    /// --------
    /// >>> import vilfredo as vf
    /// >>> vf.epsilon_additive([[1.0, 1.0]], front=[[0.0, 1.0], [1.0, 0.0]])
    /// 1.0
    epsilon_additive
}

indicator! {
    /// Multiplicative ε-indicator of ``points`` (A) with respect to a reference ``front``
    /// (R) (Zitzler et al. 2003; moocore's ``epsilon_mult``). Every value must be positive
    /// (``ValueError`` names the first that is not).
    ///
    /// ::
    ///
    ///     ε×(A, R) = max_{r ∈ R} min_{a ∈ A} max_k (a_k / r_k)
    @examples
    /// Examples
    /// --------
    /// >>> import vilfredo as vf
    /// >>> vf.epsilon_multiplicative([[2.0, 2.0]], front=[[1.0, 2.0], [2.0, 1.0]])
    /// 2.0
    epsilon_multiplicative
}
