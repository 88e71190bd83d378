//! `vilfredo.NSGA2`: NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002) driven from Python by
//! ask/tell, the primitive `vilfredo.minimize` is built on.
//!
//! The caller evaluates each batch however it likes (numpy, a pool, another machine) and
//! tells the values back. `ask`, `tell`, the snapshot (a JSON `Nsga2State`, also how an
//! `NSGA2` pickles) and the properties are those of the shared base class
//! ([`crate::ask_tell`]); this class only builds the run.

use crate::ask_tell::{PyAskTell, resume};
use crate::settings::Settings;
use pyo3::PyClassInitializer;
use pyo3::prelude::*;
use pyo3::types::PyType;
use vilfredo_moea::Nsga2;

/// NSGA-II driven by ask/tell: ``ask()`` a batch, evaluate it, ``tell(F, G)`` its values.
///
/// ``xl`` and ``xu`` are the lower and upper bounds, one per variable; ``var_types``
/// optionally gives each variable's type (``"real"``, ``"int"`` or ``"binary"``; binary
/// variables need bounds ``[0, 1]``). ``n_constr`` inequality constraints ``g <= 0``
/// are handled by constrained domination (Deb 2000). Operators are SBX and polynomial
/// mutation with pymoo's default settings, duplicates redrawn; the same ``seed`` gives
/// the same run, and ``vilfredo.minimize`` on a Python problem with the same bounds,
/// ``pop_size`` and ``seed`` runs exactly this algorithm.
///
/// The first ``ask()`` returns ``pop_size`` random vectors (generation 1, as in pymoo),
/// each later one ``pop_size`` offspring. Asking again before telling returns the same
/// batch. ``tell`` refuses NaN/inf or arrays of the wrong shape with ``ValueError``
/// naming the row; the batch then stays pending, so ``tell`` can be repeated.
/// ``state()`` returns a JSON snapshot and ``NSGA2.from_state`` continues the run bit
/// for bit; pickling uses the same snapshot.
///
/// NSGA-II: Deb, Pratap, Agarwal & Meyarivan (2002), "A fast and elitist
/// multiobjective genetic algorithm: NSGA-II", IEEE TEVC 6(2).
///
/// Examples
/// --------
/// >>> import numpy as np, vilfredo as vf
/// >>> alg = vf.NSGA2(np.zeros(5), np.ones(5), 2, pop_size=20, seed=1)
/// >>> for _ in range(30):
/// ...     X = alg.ask()
/// ...     F = np.column_stack([X[:, 0], 1 + X[:, 1:].sum(axis=1) - X[:, 0]])
/// ...     alg.tell(F)
/// >>> X, F, G = alg.result()
/// >>> (alg.n_gen, alg.n_eval, F.shape[1], G.shape[1])
/// (30, 600, 2, 0)
#[pyclass(name = "NSGA2", module = "vilfredo._vilfredo", extends = PyAskTell)]
pub struct PyNsga2;

#[pymethods]
impl PyNsga2 {
    #[new]
    #[pyo3(signature = (xl, xu, n_obj, *, n_constr=0, pop_size=100, seed=0, var_types=None))]
    #[allow(clippy::too_many_arguments)] // Python's keyword arguments, one per setting.
    fn new(
        xl: &Bound<'_, PyAny>,
        xu: &Bound<'_, PyAny>,
        n_obj: i128,
        n_constr: i128,
        pop_size: i128,
        seed: i128,
        var_types: Option<Vec<String>>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let (space, common) = Settings {
            xl,
            xu,
            n_obj,
            n_constr,
            pop_size: Some(pop_size),
            seed,
            var_types,
        }
        .read()?;
        Ok(PyAskTell::start(
            crate::minimize::nsga2(space, common)?,
            Self,
        ))
    }

    /// Continues a run from a snapshot made by ``state()``.
    #[classmethod]
    fn from_state(cls: &Bound<'_, PyType>, state: &str) -> PyResult<Py<Self>> {
        resume::<Nsga2, _>(cls, state, Self)
    }
}
